/**
 * Writes a dataset file from a generator: every case validated first, one JSON object per
 * line, so a generator can never commit a case the runner would refuse.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/**
 * For a feature's `build-cases.ts` run as a script (`npx tsx .../build-cases.ts`): writes what
 * `build` returns to the `cases.jsonl` beside the module at `moduleUrl` and says so. Does nothing
 * when that module was only imported.
 */
export async function writeCasesWhenRun(moduleUrl: string, build: () => EvalCaseInput[], note = ''): Promise<void> {
  if (process.argv[1] === undefined || path.resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  const file = fileURLToPath(new URL('./cases.jsonl', moduleUrl));
  const cases = build();
  await writeCases(file, cases);
  process.stdout.write(`${cases.length} cases written to ${file}${note}\n`);
}
