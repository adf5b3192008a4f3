/**
 * The rows of the DEVELOPMENT splits the injection detector gets wrong, for tuning:
 *
 *   npx tsx bench/guard-dev-misses.ts [category]
 *
 * Only rows with `split: "dev"` (v2) and the development set are read past their split
 * field: frozen rows are filtered out before anything else is looked at, and never printed.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { toInjectionRow, type LabeledInjectionRow } from '../src/guard/guard-evaluation.js';
import { createInjectionDetector } from '../src/guard/injection/detector.js';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv[2];
const detector = createInjectionDetector();

const files = [
  ['test/guard/datasets/v2/injection-direct.jsonl', 'unsplit'],
  ['test/guard/datasets/v2/injection-documents.jsonl', 'unsplit'],
  ['test/guard/datasets/development/injection-direct.jsonl', 'dev'],
  ['test/guard/datasets/development/injection-documents.jsonl', 'dev'],
] as const;

for (const [file, defaultSplit] of files) {
  const full = path.join(root, file);
  if (!existsSync(full)) continue;
  const rows = readFileSync(full, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((row) => (row.split ?? defaultSplit) === 'dev')
    .map((row) => toInjectionRow(row, path.basename(file), defaultSplit))
    .filter((row): row is LabeledInjectionRow => row !== null && (!only || row.category === only));
  let wrong = 0;
  for (const row of rows) {
    const verdict = detector.screen(row.text, { source: row.source });
    const blocked = verdict.verdict === 'block';
    if (blocked === row.attack) continue;
    wrong += 1;
    const signals = verdict.data.matches.map((match) => `${match.signal}:${match.weight}`).join(' ');
    console.log(`${row.attack ? 'MISSED' : 'FALSE+'} [${row.category}/${row.source}] score ${verdict.score} ${signals}\n    ${JSON.stringify(row.text.slice(0, 400))}`);
  }
  console.log(`== ${file}: ${wrong} wrong of ${rows.length} dev rows\n`);
}
