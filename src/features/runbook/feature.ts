import type { Feature } from '../common/feature.js';
import { runbookOutputSchema, type RunbookOutput } from './output-schema.js';
import { currentRunbookPrompt, runbookOutputSpecs, runbookPrompts, type RunbookInput } from './prompt.js';
import { withoutInventedDefaults } from './given-values.js';
import { renderRunbook } from './render.js';
import { reviewRunbook } from './safety-review.js';

/**
 * The runbook feature: a request in plain words (and optionally an incident) in, a Rundeck
 * job out, every step classified by the command policy. The output cites nothing: a runbook
 * does not rest on incident records.
 */
export const runbookFeature: Feature<RunbookInput, RunbookOutput> = {
  name: 'runbook',
  kind: 'RUNBOOK_JOB',
  freeTextInput: ['description'],
  promptVersion: currentRunbookPrompt,
  outputSchema: runbookOutputSchema,
  outputSpec: runbookOutputSpecs[currentRunbookPrompt],
  maxOutputTokens: 3_000,
  temperature: 0.1,
  buildPrompt: (context, spotlight) => runbookPrompts[currentRunbookPrompt](context, spotlight),
  grounding: (context) => ({
    ...(context.incident && { incident: context.incident }),
    input: { description: context.input.description, incidentId: context.input.incidentId },
  }),
  sourceIds: () => new Map(),
  check: (output, context) => reviewRunbook(output, context.input.description).problems,
  sanitize: (output, context) => withoutInventedDefaults(output, context.input.description, context.incident),
  render: (output, input) => renderRunbook(output, input),
};
