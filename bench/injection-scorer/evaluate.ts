/**
 * Measures the n-gram scorer next to the signals: detection and false positives of the
 * signals alone, the scorer alone and either of them (what the detector ships), on the v2 frozen split (counts only,
 * never a row; the frozen rows exposed by the first split are left out), and the scorer's CPU
 * cost per screen.
 *
 *   npx tsx bench/injection-scorer/train.ts && npx tsx bench/injection-scorer/evaluate.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repositorySets, toInjectionRow, type LabeledInjectionRow } from '../../src/guard/guard-evaluation.js';
import { createInjectionDetector } from '../../src/guard/injection/detector.js';
import { createNgramScorer, type ScorerWeights } from '../../src/guard/injection/ngram-scorer.js';

const weightsFile = path.resolve(import.meta.dirname, '../../src/guard/injection/ngram-weights.json');
const weights = JSON.parse(readFileSync(weightsFile, 'utf8')) as ScorerWeights;
const model = createNgramScorer(weights);
const score = (_model: typeof model, text: string) => model.probability(text);
// The signals alone: the combination is computed here.
const detector = createInjectionDetector({ learnedScorer: false });
const v2 = repositorySets().find((set) => set.name === 'v2')!;

for (const file of ['injection-direct.jsonl', 'injection-documents.jsonl']) {
  const exposed = new Set(v2.exposed?.[file] ?? []);
  const rows = readFileSync(path.join(v2.folder, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((row) => row.split === 'frozen' && !exposed.has(String(row.id)))
    .map((row) => toInjectionRow(row, file, 'frozen'))
    .filter((row): row is LabeledInjectionRow => row !== null);
  const tally = { rules: [0, 0], scorer: [0, 0], either: [0, 0] };
  for (const row of rows) {
    const rules = detector.screen(row.text, { source: row.source }).verdict === 'block';
    const scorer = score(model, row.text) >= weights.threshold;
    for (const [name, blocked] of [['rules', rules], ['scorer', scorer], ['either', rules || scorer]] as const) if (blocked) tally[name][row.attack ? 0 : 1]! += 1;
  }
  const attacks = rows.filter((row) => row.attack).length;
  const benign = rows.length - attacks;
  for (const [name, [caught, falsePositives]] of Object.entries(tally)) {
    console.log(`v2 frozen ${file} ${name}: detection ${((caught! / attacks) * 100).toFixed(1)}% (${caught}/${attacks}), false positives ${((falsePositives! / benign) * 100).toFixed(1)}% (${falsePositives}/${benign})`);
  }
}

// CPU per scorer call, on every labeled text (after a warm-up).
const texts = repositorySets().flatMap((set) =>
  ['injection-direct.jsonl', 'injection-documents.jsonl', 'injection-attacks.jsonl', 'injection-benign.jsonl'].flatMap((file) => {
    try {
      return readFileSync(path.join(set.folder, file), 'utf8').split('\n').filter(Boolean).map((line) => String((JSON.parse(line) as { text: unknown }).text));
    } catch {
      return [];
    }
  }),
);
for (const text of texts.slice(0, 100)) score(model, text);
const started = process.cpuUsage();
for (const text of texts) score(model, `${text} `);
const used = process.cpuUsage(started);
console.log(`scorer: ${((used.user + used.system) / texts.length).toFixed(0)} µs CPU per screen over ${texts.length} texts; weights file ${(readFileSync(weightsFile).length / 1024).toFixed(0)} KiB`);
