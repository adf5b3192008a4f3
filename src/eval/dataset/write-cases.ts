/**
 * Writes a dataset file from a generator: every case validated first, one JSON object per
 * line, so a generator can never commit a case the runner would refuse.
 */
import { writeFile } from 'node:fs/promises';
import { caseLine, evalCaseSchema, EvalDatasetError, type EvalCaseInput } from '../cases.js';
import { formatZodIssues } from '../../errors/zod-issues.js';

/** The JSONL text of `cases`; throws {@link EvalDatasetError} on an invalid or duplicate case. */
export function casesText(file: string, cases: readonly EvalCaseInput[]): string {
  const ids = new Set<string>();
  cases.forEach((evalCase, index) => {
    const parsed = evalCaseSchema.safeParse(evalCase);
    if (!parsed.success) throw new EvalDatasetError(file, index + 1, formatZodIssues(parsed.error.issues, '').join('; '));
    if (ids.has(parsed.data.id)) throw new EvalDatasetError(file, index + 1, `case id "${parsed.data.id}" is used twice`);
    ids.add(parsed.data.id);
  });
  return `${cases.map(caseLine).join('\n')}\n`;
}

/** Writes `cases` to `file` as JSONL. */
export async function writeCases(file: string, cases: readonly EvalCaseInput[]): Promise<void> {
  await writeFile(file, casesText(file, cases));
}
