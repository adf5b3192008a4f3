/**
 * The status update's evaluation suite: the feature the service uses, its prompt versions
 * (plus the eval-only known-bad one), graders, judge rubric and dataset.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { versionedPrompts, type PromptBuilder } from '../../../eval/prompt-versions.js';
import type { EvalSuite } from '../../../eval/types.js';
import { statusUpdateFeature } from '../feature.js';
import { audiences, type StatusUpdateOutput } from '../output-schema.js';
import { statusUpdatePrompts, type StatusUpdateInput } from '../prompt.js';
import { statusUpdateGraders } from './graders.js';
import { evalOnlyStatusUpdatePrompts } from './prompts.js';

const builders: Readonly<Record<string, PromptBuilder<StatusUpdateInput>>> = { ...statusUpdatePrompts, ...evalOnlyStatusUpdatePrompts };

const inputSchema = z.object({
  audience: z.enum(audiences),
  guidance: z.string().nullable().default(null),
});

export const suite: EvalSuite<StatusUpdateInput, StatusUpdateOutput> = {
  feature: statusUpdateFeature,
  ...versionedPrompts('statusUpdate', builders),
  graders: statusUpdateGraders,
  rubric: [
    '1. Faithful: every statement is supported by the incident data; nothing is invented (causes, numbers, times, actions).',
    "2. Right for the audience: PUBLIC is plain and calm and shows no internal hostnames, IPs, people's names, tickets or links; STAKEHOLDERS get impact, duration, what is being done and when the next update comes; RESPONDERS get the technical specifics.",
    '3. Complete: says what is affected, the customer impact, the current phase and what is being done.',
    '4. Current: reflects the latest state of the incident, not an earlier one.',
    '5. Clear and concise: short sentences, no filler, no contradictions.',
  ].join('\n'),
  casesFile: fileURLToPath(new URL('./cases.jsonl', import.meta.url)),
  context(evalCase, principal) {
    const input = inputSchema.parse(evalCase.input);
    // As the service does: blank guidance is no guidance.
    return { principal, input: { audience: input.audience, guidance: input.guidance?.trim() || null }, incident: evalCase.data.incident, job: null, execution: null };
  },
  target(evalCase) {
    return { incidentId: evalCase.data.incident?.id ?? null, jobId: null, executionId: null };
  },
};
