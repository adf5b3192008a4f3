/**
 * The names of the AI features, the service's vocabulary in folders, config, metrics and the
 * CLI. Here, at the bottom of the layers, so config and store can name a feature without
 * importing llm/ (llm/types.ts re-exports them).
 */

/** The five AI features; used as folder, config, metric and CLI names. */
export type FeatureName = 'statusUpdate' | 'postmortem' | 'runbook' | 'assistant' | 'automationDigest';
export const featureNames: readonly FeatureName[] = [
  'statusUpdate',
  'postmortem',
  'runbook',
  'assistant',
  'automationDigest',
];
