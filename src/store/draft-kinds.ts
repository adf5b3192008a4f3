/** Which feature writes which kind of draft, both ways. */
import type { FeatureName } from '../config/feature-names.js';
import type { DraftKind } from './types.js';

/** The draft kind of each feature. */
export const kindOfFeature: Readonly<Record<FeatureName, DraftKind>> = Object.freeze({
  statusUpdate: 'STATUS_UPDATE',
  postmortem: 'POSTMORTEM',
  runbook: 'RUNBOOK_JOB',
  assistant: 'ASSISTANT_ANSWER',
  automationDigest: 'AUTOMATION_DIGEST',
});

/** The feature that writes each draft kind. */
export const featureOfKind: Readonly<Record<DraftKind, FeatureName>> = Object.freeze(
  Object.fromEntries(Object.entries(kindOfFeature).map(([feature, kind]) => [kind, feature])) as Record<DraftKind, FeatureName>,
);
