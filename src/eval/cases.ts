/**
 * Evaluation cases: one JSON object per line of `src/features/<feature>/eval/cases.jsonl`.
 * A case holds the records the feature reads (the incident, or the job and its execution),
 * the feature input, and the labels the graders check the output against.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { FeatureName } from '../llm/types.js';
import { registeredDraftKinds } from './registered-features.js';
import { caseDataSchema } from './case-data.js';
import { formatZodIssues } from '../errors/zod-issues.js';

/**
 * A fact the output must state: a phrase, or alternatives of which one must appear
 * (`["resolved", "restored"]`). Matched after normalisation (see metrics/normalize.ts).
 */
export const factSchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
export type Fact = z.infer<typeof factSchema>;

/** The labels of a case. Every field is optional: a grader skips what a case does not label. */
export const expectationsSchema = z.object({
  /** Facts the output must state. */
  mustState: z.array(factSchema).default([]),
  /** Phrases the output must not contain: internal hostnames for PUBLIC, invented causes, actions nobody took. */
  mustNotState: z.array(z.string().min(1)).default([]),
  /** Runbooks: what the steps must do (matched against step commands and descriptions). */
  mustSteps: z.array(factSchema).default([]),
  /** Runbooks: what no step command may contain. */
  mustNotSteps: z.array(z.string().min(1)).default([]),
  /** Runbooks: the most dangerous command class the request allows. */
  maxCommandClass: z.enum(['read-only', 'changes-state', 'destructive']).nullable().default(null),
  /** Digests: the job step that failed, null when none did; absent when not labelled. */
  failingStep: z.number().int().min(1).nullable().optional(),
  /** Digests: the execution outcome the digest must report. */
  outcome: z.string().nullable().default(null),
  /** Assistant: whether the incident data holds the answer. */
  answered: z.boolean().nullable().default(null),
  /** Status updates: the phase the update must report. */
  phase: z.string().nullable().default(null),
  /**
   * A typed refusal that is a correct outcome, e.g. `INJECTION_BLOCKED` for a question that
   * is an injection: the case passes whether the feature refuses it this way or answers safely.
   */
  acceptedError: z.string().nullable().default(null),
});
export type Expectations = z.infer<typeof expectationsSchema>;

/** A person's judgement between two outputs for the case: what the LLM judge must agree with. */
export const humanPreferenceSchema = z.object({
  /** Rendered output A. */
  a: z.string().min(1),
  /** Rendered output B. */
  b: z.string().min(1),
  preferred: z.enum(['A', 'B', 'tie']),
  /** Why, for the reader of the dataset. */
  note: z.string().optional(),
});
export type HumanPreference = z.infer<typeof humanPreferenceSchema>;

/** Where a harvested case came from (`npm run eval:harvest`); absent on written cases. */
export const caseSourceSchema = z.object({
  draftId: z.string(),
  feedbackId: z.string(),
  accountId: z.string(),
  retainedRatio: z.number().nullable(),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  promptVersion: z.string().nullable(),
  /** `pending` until a person has checked the labels. */
  review: z.enum(['pending', 'accepted']),
});

export const evalCaseSchema = z.object({
  /** Unique in its file; lowercase words and digits joined by `-`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'case ids are lowercase words and digits joined by "-"'),
  feature: z.string().refine((name) => registeredDraftKinds.features.includes(name), { message: `not a registered feature (${registeredDraftKinds.features.join(', ')})` }),
  /** What the case exercises, in one line. */
  title: z.string().min(1),
  /** Free labels for slicing reports: `public`, `adversarial`, `long-timeline`... */
  tags: z.array(z.string()).default([]),
  data: caseDataSchema,
  /** The feature input (e.g. `{ audience, guidance }`). */
  input: z.record(z.string(), z.unknown()),
  expected: expectationsSchema.default(expectationsSchema.parse({})),
  humanPreference: z.array(humanPreferenceSchema).default([]),
  /** A published text the labels were derived from (harvested cases). */
  reference: z.string().optional(),
  source: caseSourceSchema.optional(),
});
export type EvalCase = z.infer<typeof evalCaseSchema>;
/** A case as written in a file, before defaults are applied. */
export type EvalCaseInput = z.input<typeof evalCaseSchema>;

/** A dataset file that cannot be used; the message names the file and line. */
export class EvalDatasetError extends Error {
  override name = 'EvalDatasetError';
  readonly file: string;
  readonly line: number | null;

  constructor(file: string, line: number | null, message: string) {
    super(`${file}${line === null ? '' : `:${line}`}: ${message}`);
    this.file = file;
    this.line = line;
  }
}

/** The cases of a JSONL text; blank lines and lines starting with `//` are skipped. */
export function parseCases(text: string, file: string, feature?: FeatureName): EvalCase[] {
  const cases: EvalCase[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line.length === 0 || line.startsWith('//')) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new EvalDatasetError(file, index + 1, `not valid JSON (${(error as Error).message})`);
    }
    const parsed = evalCaseSchema.safeParse(value);
    if (!parsed.success) {
      const problems = formatZodIssues(parsed.error.issues.slice(0, 3));
      throw new EvalDatasetError(file, index + 1, problems.join('; '));
    }
    if (feature && parsed.data.feature !== feature) {
      throw new EvalDatasetError(file, index + 1, `case "${parsed.data.id}" is for ${parsed.data.feature}, not ${feature}`);
    }
    if (seen.has(parsed.data.id)) throw new EvalDatasetError(file, index + 1, `case id "${parsed.data.id}" is used twice`);
    seen.add(parsed.data.id);
    cases.push(parsed.data);
  });
  return cases;
}

/** A loaded dataset with the hash that identifies its exact content. */
export interface Dataset {
  file: string;
  /** sha256 of the file text: runs over different datasets are compared on shared case ids only. */
  hash: string;
  cases: EvalCase[];
}

/** Reads and validates a dataset file. */
export async function loadDataset(file: string, feature?: FeatureName): Promise<Dataset> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new EvalDatasetError(file, null, `cannot be read (${(error as Error).message})`);
  }
  return { file, hash: createHash('sha256').update(text).digest('hex'), cases: parseCases(text, file, feature) };
}

/** One case as a JSONL line (stable key order as given). */
export const caseLine = (evalCase: EvalCaseInput): string => JSON.stringify(evalCase);
