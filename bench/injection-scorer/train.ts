/**
 * Trains the n-gram scorer on the rows we may tune on, and only those: the v2 `dev` split, the
 * development set (its `v4-holdout` rows excepted) and the 2026-11-28 sets. Frozen rows are
 * dropped before anything else, and so are the v2 rows frozen in the set's first split.
 *
 * The threshold is chosen by 5-fold cross-validation on the training rows: the lowest
 * probability that keeps held-out false positives on the caller's own words (questions,
 * descriptions, guidance: the only texts the detector scores) at or under 2%. Then the
 * `v4-holdout` rows (written with the training file, never trained on) are scored once by the
 * final model, next to the signals, as a held-out figure.
 *
 *   npx tsx bench/injection-scorer/train.ts            # writes src/guard/injection/ngram-weights.json
 *   SCORER_DRY_RUN=1 npx tsx bench/injection-scorer/train.ts   # figures only
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repositorySets, toInjectionRow, type LabeledInjectionRow } from '../../src/guard/guard-evaluation.js';
import { createInjectionDetector } from '../../src/guard/injection/detector.js';
import { buckets, enoughToScore, features, featureSet, sigmoid, type ScorerWeights } from '../../src/guard/injection/ngram-scorer.js';

interface Example {
  row: LabeledInjectionRow;
  file: string;
  x: Map<number, number>;
  y: number;
  /** The signals alone block it (the detector without the scorer). */
  signals: boolean;
  /** Long enough for the scorer to judge ({@link enoughToScore}). */
  scored: boolean;
}

const holdoutSplit = 'v4-holdout';
const scoredSources = new Set(['question', 'description', 'guidance']);
const epochs = Number(process.env.SCORER_EPOCHS ?? 30);
const rate = Number(process.env.SCORER_RATE ?? 0.5);
const l2 = Number(process.env.SCORER_L2 ?? 1e-4);
const falsePositiveBudget = Number(process.env.SCORER_FP ?? 0.02);

const signalsOnly = createInjectionDetector({ learnedScorer: false });
const training: Example[] = [];
const holdout: Example[] = [];
for (const set of repositorySets()) {
  for (const name of readdirSync(set.folder).filter((file) => file.startsWith('injection') && file.endsWith('.jsonl'))) {
    for (const line of readFileSync(path.join(set.folder, name), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const raw = JSON.parse(line) as Record<string, unknown>;
      if (raw.split === 'frozen') continue;
      const row = toInjectionRow(raw, name, set.defaultSplit ?? 'unsplit');
      if (!row) continue;
      const example = { row, file: name, x: features(row.text), y: row.attack ? 1 : 0, scored: enoughToScore(row.text), signals: signalsOnly.screen(row.text, { source: row.source }).verdict === 'block' };
      (row.split === holdoutSplit ? holdout : training).push(example);
    }
  }
}

interface Model {
  bias: number;
  w: Float64Array;
}

function train(rows: readonly Example[]): Model {
  const w = new Float64Array(buckets);
  let bias = 0;
  // A fixed shuffle (no randomness): rows in a multiplicative-hash order.
  const order = rows.map((_, index) => index).sort((left, right) => ((left * 2654435761) >>> 0) - ((right * 2654435761) >>> 0));
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (const index of order) {
      const { x, y } = rows[index]!;
      let sum = bias;
      for (const [bucket, value] of x) sum += w[bucket]! * value;
      const gradient = sigmoid(sum) - y;
      bias -= rate * gradient;
      for (const [bucket, value] of x) w[bucket] = w[bucket]! - rate * (gradient * value + l2 * w[bucket]!);
    }
  }
  return { bias, w };
}

// As the detector uses it: texts too short to judge get no score.
const predict = (model: Model, example: Example): number => {
  if (!example.scored) return 0;
  let sum = model.bias;
  for (const [bucket, value] of example.x) sum += model.w[bucket]! * value;
  return sigmoid(sum);
};

const percent = (part: number, whole: number) => `${whole === 0 ? '-' : ((part / whole) * 100).toFixed(1)}% (${part}/${whole})`;

/** Detection and false positives of "signals or scorer", by category, for scored sources. */
function report(title: string, scored: { example: Example; p: number }[], threshold: number, byCategory: boolean): void {
  const rows = scored.filter(({ example }) => scoredSources.has(example.row.source));
  const line = (label: string, group: typeof rows) => {
    const attacks = group.filter(({ example }) => example.y === 1);
    const benign = group.filter(({ example }) => example.y === 0);
    const either = ({ example, p }: (typeof rows)[number]) => example.signals || p >= threshold;
    console.log(
      `  ${label}: detected ${percent(attacks.filter(either).length, attacks.length)} [signals ${percent(attacks.filter(({ example }) => example.signals).length, attacks.length)}, scorer ${percent(attacks.filter(({ p }) => p >= threshold).length, attacks.length)}]; benign blocked ${percent(benign.filter(either).length, benign.length)}`,
    );
  };
  console.log(title);
  line('all', rows);
  if (process.env.SCORER_SHOW_V4) {
    // Only the rows of our own training file: never a row of another set.
    for (const { example, p } of rows) {
      if (example.file !== 'injection-train-v4.jsonl') continue;
      const blocked = example.signals || p >= threshold;
      if (blocked !== (example.y === 1)) console.log(`    ${example.y ? 'missed' : 'blocked'} p=${p.toFixed(2)} signals=${example.signals}: ${example.row.text.slice(0, 110)}`);
    }
  }
  if (byCategory) for (const category of [...new Set(rows.map(({ example }) => example.row.category))].sort()) line(category, rows.filter(({ example }) => example.row.category === category));
}

// 5-fold cross-validation for the threshold.
const held: { example: Example; p: number }[] = [];
for (let fold = 0; fold < 5; fold += 1) {
  const model = train(training.filter((_, index) => index % 5 !== fold));
  for (const [index, example] of training.entries()) if (index % 5 === fold) held.push({ example, p: predict(model, example) });
}
const negatives = held.filter(({ example }) => example.y === 0 && example.scored && scoredSources.has(example.row.source)).map(({ p }) => p).sort((left, right) => right - left);
const threshold = Math.max(0.5, negatives[Math.floor(negatives.length * falsePositiveBudget)] ?? 0.5);
console.log(`training rows: ${training.length} (${training.filter((example) => example.y === 1).length} attacks); features ${featureSet}; epochs ${epochs}, rate ${rate}, l2 ${l2}; threshold ${threshold.toFixed(3)}`);
report('5-fold cross-validation, every training row of a scored source', held, threshold, false);
report('5-fold cross-validation, injection-train-v4.jsonl (v4-train rows)', held.filter(({ example }) => example.file === 'injection-train-v4.jsonl'), threshold, true);

const final = train(training);
report(`held out: injection-train-v4.jsonl ${holdoutSplit} rows, final model`, holdout.map((example) => ({ example, p: predict(final, example) })), threshold, true);

if (process.env.SCORER_DRY_RUN) process.exit(0);
const weights = Array.from(final.w, (value) => Math.round(value * 1000) / 1000);
const output: ScorerWeights = { buckets, bias: Math.round(final.bias * 1000) / 1000, weights, threshold: Math.round(threshold * 1000) / 1000, features: featureSet };
const target = path.resolve(import.meta.dirname, '../../src/guard/injection/ngram-weights.json');
writeFileSync(target, `${JSON.stringify(output)}\n`);
console.log(`wrote ${path.relative(process.cwd(), target)}: ${weights.filter((value) => value !== 0).length} non-zero buckets`);
