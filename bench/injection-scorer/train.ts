/**
 * Trains the n-gram scorer on the rows we may tune on, and only those: the v2 `dev` split, the
 * development set and the 2026-11-28 sets. Frozen rows are dropped before anything else, and
 * so are the v2 rows frozen in the set's first split. The threshold is chosen by 5-fold
 * cross-validation: the lowest probability that keeps held-out false positives at or under 2%.
 *
 *   npx tsx bench/injection-scorer/train.ts      # writes src/guard/injection/ngram-weights.json
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repositorySets, toInjectionRow } from '../../src/guard/guard-evaluation.js';
import { buckets, features, sigmoid, type ScorerWeights } from '../../src/guard/injection/ngram-scorer.js';

interface Example {
  x: Map<number, number>;
  y: number;
}

const examples: Example[] = [];
for (const set of repositorySets()) {
  for (const name of readdirSync(set.folder).filter((file) => file.startsWith('injection') && file.endsWith('.jsonl'))) {
    for (const line of readFileSync(path.join(set.folder, name), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const raw = JSON.parse(line) as Record<string, unknown>;
      if (raw.split === 'frozen') continue;
      const row = toInjectionRow(raw, name, set.defaultSplit ?? 'unsplit');
      if (row) examples.push({ x: features(row.text), y: row.attack ? 1 : 0 });
    }
  }
}

function train(rows: readonly Example[], epochs = 30, rate = 0.5, l2 = 1e-5): { bias: number; w: Float64Array } {
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

const predict = (model: { bias: number; w: Float64Array }, x: Map<number, number>): number => {
  let sum = model.bias;
  for (const [bucket, value] of x) sum += model.w[bucket]! * value;
  return sigmoid(sum);
};

// 5-fold cross-validation for the threshold.
const held: { p: number; y: number }[] = [];
for (let fold = 0; fold < 5; fold += 1) {
  const model = train(examples.filter((_, index) => index % 5 !== fold));
  for (const [index, example] of examples.entries()) if (index % 5 === fold) held.push({ p: predict(model, example.x), y: example.y });
}
const negatives = held.filter((item) => item.y === 0).map((item) => item.p).sort((left, right) => right - left);
const threshold = Math.max(0.5, negatives[Math.floor(negatives.length * 0.02)] ?? 0.5);
const positives = held.filter((item) => item.y === 1);
const caught = positives.filter((item) => item.p >= threshold).length;
console.log(`training rows: ${examples.length} (${positives.length} attacks); cross-validated at threshold ${threshold.toFixed(3)}: detection ${((caught / positives.length) * 100).toFixed(1)}%, false positives ${((negatives.filter((p) => p >= threshold).length / negatives.length) * 100).toFixed(1)}%`);

const final = train(examples);
const weights = Array.from(final.w, (value) => Math.round(value * 1000) / 1000);
const output: ScorerWeights = { buckets, bias: Math.round(final.bias * 1000) / 1000, weights, threshold: Math.round(threshold * 1000) / 1000 };
const target = path.resolve(import.meta.dirname, '../../src/guard/injection/ngram-weights.json');
writeFileSync(target, `${JSON.stringify(output)}\n`);
console.log(`wrote ${path.relative(process.cwd(), target)}: ${weights.filter((value) => value !== 0).length} non-zero buckets`);
