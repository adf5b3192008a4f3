/** Outcomes for grader tests: what the runner hands a grader after a generation. */
import { verifyCitations, type KnownSources } from '../../../src/features/common/citation-check.js';
import { evalCaseSchema, type EvalCase, type EvalCaseInput } from '../../../src/eval/cases.js';
import type { GenerationOutcome } from '../../../src/eval/types.js';

export const caseOf = (input: EvalCaseInput): EvalCase => evalCaseSchema.parse(input);

/** A completed generation of `output`, its statements marked against `known`. */
export function completed<Output>(output: Output, known: KnownSources = new Map(), text = ''): GenerationOutcome<Output> {
  const { marked, unverifiedCount } = verifyCitations(output, known);
  return { ok: true, output, marked: { ...(marked as Record<string, unknown>), unverifiedCount }, text, errorCode: null, errorMessage: null, generation: null };
}

/** A generation that ended with a typed error. */
export function failed<Output>(errorCode: string): GenerationOutcome<Output> {
  return { ok: false, output: null, marked: null, text: '', errorCode, errorMessage: `${errorCode} happened`, generation: null };
}
