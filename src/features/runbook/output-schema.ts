import { z } from 'zod';
import { structuredOutputSpec } from '../common/output-spec.js';
import { compactOutputSpec } from '../common/compact-schema.js';

/** Rundeck option names: letters, digits, `_`, `.` and `-`, starting with a letter or `_`. */
export const optionNamePattern = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export const stepKinds = ['command', 'script'] as const;
export type StepKind = (typeof stepKinds)[number];

/** A job option: a value the operator can change when running the job. */
export const runbookOptionSchema = z.object({
  name: z
    .string()
    .regex(optionNamePattern)
    .describe('Option name (letters, digits, _ . -). Referenced as ${option.NAME} in command steps and @option.NAME@ in script steps.'),
  description: z.string().min(1).describe('What the value is, in one sentence.'),
  required: z.boolean().describe('Whether the job cannot run without a value.'),
  defaultValue: z.string().nullable().describe('Default value taken from the request or the incident, or null when there is none.'),
});
export type RunbookOption = z.infer<typeof runbookOptionSchema>;

/** One step of the job, in order. */
export const runbookStepSchema = z.object({
  description: z.string().min(1).describe('What the step does and why, in one sentence.'),
  kind: z.enum(stepKinds).describe('command: one shell command line (a Rundeck exec step); script: a multi-line shell script (a Rundeck script step).'),
  command: z.string().min(1).describe('The command line, or the whole script body for a script step.'),
});
export type RunbookStep = z.infer<typeof runbookStepSchema>;

/** The structured runbook job a provider must return. */
export const runbookOutputSchema = z.object({
  // First, so a streamed draft that answers something else says so from its first line.
  matched: z
    .boolean()
    .nullable()
    .default(null)
    .describe('false when the steps cannot do what the request asks (say why in description); null otherwise. The command policy checks the steps either way.'),
  name: z.string().min(1).describe('Job name as listed in Rundeck, at most 12 words, naming the service it acts on.'),
  description: z.string().min(1).describe('What the job does, when to run it and how to tell it worked; two to four sentences.'),
  options: z.array(runbookOptionSchema).max(20).describe('Every value that varies between runs (service, namespace, region, thresholds), with defaults from the request.'),
  steps: z.array(runbookStepSchema).min(1).max(30).describe('The steps in order: checks before changes, one change per step, a verification after each change.'),
  nodeFilter: z.string().nullable().describe('Rundeck node filter of the nodes the steps run on, e.g. "tags: kubectl" or "name: db-replica-3"; null to run on the Rundeck server.'),
  keepGoing: z.boolean().describe('Whether the job continues after a failed step; true only when every step only reads.'),
});
export type RunbookOutput = z.infer<typeof runbookOutputSchema>;

/** A runbook as the offline library writes it, before the engine says whether it matched. */
export type LibraryRunbookOutput = Omit<RunbookOutput, 'matched'>;

export const runbookOutputSpec = structuredOutputSpec(runbookOutputSchema, 'runbook_job', 'A Rundeck job (runbook) that does what the request asks, step by step.');

/** The same schema without its descriptions, for prompts that state them once (runbook/v3). */
export const runbookCompactOutputSpec = compactOutputSpec(runbookOutputSchema, runbookOutputSpec.name, 'A Rundeck job.');
