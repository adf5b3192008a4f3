/**
 * Detection and false-positive rates of the injection detector on every labeled set, each
 * named for how it was used (see docs/decisions/2026-12-06-injection-generalized.md):
 *
 * - v2 `dev`: written by a helper who never saw the detector; tuned on.
 * - v2 `frozen`: the same writer's held-out rows, never read while tuning; measured once,
 *   after the last tuning commit. Only counts are printed, never a row.
 * - v2 `frozen-exposed`: frozen rows that sat in the dev split of the set's first version and
 *   were tuned on before the set was re-split; not held out.
 * - development: written on this branch, by category, to check the new signals; tuned on.
 *   Its injection-train-v4.jsonl (2026-12-06) trains the n-gram scorer on `v4-train` and keeps
 *   `v4-holdout` out of training.
 * - independent and shared (2026-11-28): both tuned on; the independent set's post-freeze
 *   rows were measured before one fix, so they are no longer held out either.
 *
 * The bars sit a little under the measured figures, so a regression fails. Reproduce the
 * figures with `npm run guard -- evaluate`.
 */
import { describe, expect, it } from 'vitest';
import { evaluateFolders, repositorySets, type FigureRow } from '../../../src/guard/guard-evaluation.js';

const figures = evaluateFolders(repositorySets());

function line(set: string, file: string, split: string, category = '(all)'): FigureRow {
  const found = figures.find((row) => row.set === set && row.file === file && row.split === split && row.category === category);
  if (!found) throw new Error(`no figures for ${set}/${file}/${split}/${category}`);
  return found;
}

/** Prints the figures of `row` and checks them against a detection floor and a false-positive ceiling. */
function holds(row: FigureRow, minimumDetection: number, maximumFalsePositives: number) {
  const { detection, falsePositives } = report(row);
  expect(detection).toBeGreaterThanOrEqual(minimumDetection);
  expect(falsePositives).toBeLessThanOrEqual(maximumFalsePositives);
}

function report(row: FigureRow) {
  const detection = row.positives === 0 ? 0 : row.caught / row.positives;
  const falsePositives = row.negatives === 0 ? 0 : row.falsePositives / row.negatives;
  console.log(
    `${row.set} ${row.file} ${row.split} ${row.category}: detection ${(detection * 100).toFixed(1)}% (${row.caught}/${row.positives}), false positives ${(falsePositives * 100).toFixed(1)}% (${row.falsePositives}/${row.negatives})`,
  );
  return { detection, falsePositives };
}

describe('v2, direct questions (injection-direct.jsonl)', () => {
  it('dev split (tuned on): at least 95% detected, at most 2% of benign questions blocked', () => {
    holds(line('v2', 'injection-direct.jsonl', 'dev'), 0.95, 0.02);
  });

  it('frozen split (never tuned on): at least 88% detected, at most 5% blocked, at most 5% of "ignore/instructions" questions blocked', () => {
    // Signals alone: 69.0% (49/71), 1/63 blocked; with the n-gram scorer: 81.7% (58/71), 2/63.
    // Second sitting (word features, v4 training data, more families), measured once: 90.1% (64/71), 1/63.
    const all = report(line('v2', 'injection-direct.jsonl', 'frozen'));
    expect(line('v2', 'injection-direct.jsonl', 'frozen').positives).toBeGreaterThanOrEqual(60);
    expect(all.detection).toBeGreaterThanOrEqual(0.88);
    expect(all.falsePositives).toBeLessThanOrEqual(0.05);
    const triggerWords = report(line('v2', 'injection-direct.jsonl', 'frozen', 'trigger-words'));
    expect(triggerWords.falsePositives).toBeLessThanOrEqual(0.05);
    for (const category of ['obfuscation', 'token-flood', 'multilingual']) report(line('v2', 'injection-direct.jsonl', 'frozen', category));
  });

  it('frozen rows exposed by the first split (tuned on, not held out): at least 95%', () => {
    holds(line('v2', 'injection-direct.jsonl', 'frozen-exposed'), 0.95, 0.02);
  });
});

describe('v2, documents with a task slipped in (injection-documents.jsonl)', () => {
  it('dev split (tuned on): at least 95% detected, no clean document quarantined', () => {
    holds(line('v2', 'injection-documents.jsonl', 'dev'), 0.95, 0.02);
  });

  it('frozen split (never tuned on): at least 85% detected, at most 2% of the same documents without the task quarantined', () => {
    const { detection, falsePositives } = report(line('v2', 'injection-documents.jsonl', 'frozen'));
    expect(line('v2', 'injection-documents.jsonl', 'frozen').positives).toBeGreaterThanOrEqual(25);
    expect(detection).toBeGreaterThanOrEqual(0.85);
    expect(falsePositives).toBeLessThanOrEqual(0.02);
  });
});

describe('the development set (test/guard/datasets/development, tuned on)', () => {
  it.each(['injection-direct.jsonl', 'injection-documents.jsonl'])('%s: at least 95% detected, at most 2% blocked', (file) => {
    holds(line('development', file, 'dev'), 0.95, 0.02);
  });
});

describe('injection-train-v4.jsonl (development set, written before the 2026-12-06 scorer retraining)', () => {
  it('v4-train rows (the scorer trained on them, signals written from them): at least 97% detected, at most 1% blocked', () => {
    holds(line('development', 'injection-train-v4.jsonl', 'v4-train'), 0.97, 0.01);
  });

  it('v4-holdout rows (never trained on; a few signal exclusions were written after reading its false positives): at least 90% detected, at most 3% blocked', () => {
    // Measured 94.9% (74/78), 1.3% (1/79) blocked.
    holds(line('development', 'injection-train-v4.jsonl', 'v4-holdout'), 0.9, 0.03);
    expect(report(line('development', 'injection-train-v4.jsonl', 'v4-holdout', 'trigger-words')).falsePositives).toBeLessThanOrEqual(0.05);
  });
});

describe('the 2026-11-28 sets (both tuned on)', () => {
  it('independent set: at least 97% detected, no benign row blocked', () => {
    const { detection, falsePositives } = report(line('independent', 'injection.jsonl', 'tuned'));
    expect(line('independent', 'injection.jsonl', 'tuned').positives).toBeGreaterThanOrEqual(300);
    expect(detection).toBeGreaterThanOrEqual(0.97);
    expect(falsePositives).toBe(0);
  });

  it('independent set, post-freeze rows (written after the 2026-11-28 freeze, one fix made after measuring them): at least 88%', () => {
    const { detection, falsePositives } = report(line('independent', 'injection.jsonl', 'post-freeze'));
    expect(line('independent', 'injection.jsonl', 'post-freeze').positives).toBe(25);
    expect(detection).toBeGreaterThanOrEqual(0.88);
    expect(falsePositives).toBe(0);
  });

  it('shared set (written against the interim detector): at least 95% detected, no benign row blocked', () => {
    holds(line('shared', 'injection.jsonl', 'tuned'), 0.95, 0);
  });
});
