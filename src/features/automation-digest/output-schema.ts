import { z } from 'zod';
import { structuredOutputSpec } from '../common/output-spec.js';
import { compactOutputSpec } from '../common/compact-schema.js';
import { citationSchema, statementSchema } from '../common/citation.js';

/** How an execution ended, in the digest's vocabulary (GraphQL `ExecutionOutcome`). */
export const executionOutcomes = ['SUCCEEDED', 'FAILED', 'ABORTED', 'TIMED_OUT', 'RUNNING'] as const;
export type ExecutionOutcome = (typeof executionOutcomes)[number];

/** The step an execution failed in, with the log lines that show the failure. */
export const failingStepSchema = z.object({
  number: z.number().int().min(1).describe('The number of the step as the job defines it (1-based).'),
  description: z.string().describe('The description of that step as the job defines it.'),
  citations: z
    .array(citationSchema)
    .describe('The log lines that show the failure: sourceType LOG_LINE, sourceId "L<n>" as labelled in the log, excerpt a verbatim quote of that line.'),
});
export type FailingStep = z.infer<typeof failingStepSchema>;

/** The structured digest of one job execution a provider must return. */
export const automationDigestOutputSchema = z.object({
  outcome: z.enum(executionOutcomes).describe("How the execution ended; must be the execution's recorded status."),
  summary: statementSchema.describe('What the execution did and how it ended, in one or two sentences.'),
  failingStep: failingStepSchema.nullable().describe('The step that failed; null when the execution succeeded or is still running.'),
  probableCause: statementSchema.nullable().describe('Why the step failed, as far as the log shows; null when nothing failed.'),
  nextSteps: z
    .array(statementSchema)
    .describe('Concrete actions for the responder, most useful first, each citing the log lines that call for it.'),
});
export type AutomationDigestOutput = z.infer<typeof automationDigestOutputSchema>;

export const automationDigestOutputSpec = structuredOutputSpec(automationDigestOutputSchema, 'automation_digest', 'A digest of a runbook automation job execution: outcome, failing step, probable cause and next steps.');

/**
 * The same schema without its descriptions, the citation and statement written once under
 * `$defs`, for prompts that state what the descriptions said (automation-digest/v3).
 */
export const automationDigestCompactOutputSpec = compactOutputSpec(automationDigestOutputSchema, automationDigestOutputSpec.name, 'A digest of a job execution.', {
  definitions: { citation: citationSchema, statement: statementSchema },
});
