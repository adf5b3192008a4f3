/**
 * Secrets never stored or shown (issue 11): a feature's context with every free-text field
 * redacted, taken before any engine sees it (the offline extractive engine included, which
 * builds drafts from the raw data) and before the draft's input is stored. The request's own
 * fields (a question, earlier turns, a runbook request, guidance) and the data it is about
 * (the incident, the job, the execution log) are all covered.
 */
import { memoizeText } from '../../guard/memoize.js';
import { redact } from '../../guard/redaction/index.js';
import { redactFields } from '../../guard/redaction/redact-fields.js';
import type { FeatureContext } from './feature.js';

// Incidents, job logs and conversation turns repeat from one generation to the next.
const redactOnce = memoizeText(redact, { maxEntries: 5_000, maxKeyLength: 200_000 });

/** The context with its input, incident, job and execution redacted; the principal is kept. */
export function redactContext<Input extends Record<string, unknown>>(context: FeatureContext<Input>): FeatureContext<Input> {
  return {
    ...context,
    input: redactFields(context.input, redactOnce),
    incident: redactFields(context.incident, redactOnce),
    job: redactFields(context.job, redactOnce),
    execution: redactFields(context.execution, redactOnce),
  };
}
