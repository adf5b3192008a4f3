import { describe, expect, it } from 'vitest';
import { compareRuns, judgeComparison, meanMetrics, regressed } from '../../src/eval/gate.js';
import type { MetricDefinition } from '../../src/eval/types.js';

const recall: MetricDefinition = { name: 'recall', description: '', direction: 'higher', threshold: 0.05, unit: 'ratio' };
const leaks: MetricDefinition = { name: 'leaks', description: '', direction: 'lower', threshold: 0, unit: 'ratio' };
const words: MetricDefinition = { name: 'words', description: '', direction: 'lower', threshold: null, unit: 'number' };

describe('meanMetrics', () => {
  it('averages each metric over the cases it applies to', () => {
    expect(meanMetrics([recall, leaks], [{ recall: 1, leaks: null }, { recall: 0.5, leaks: 0 }, { recall: null }])).toEqual({ recall: 0.75, leaks: 0 });
    expect(meanMetrics([recall], [])).toEqual({ recall: null });
  });
});

describe('regressed', () => {
  it('fails only a worsening larger than the threshold, in the metric direction', () => {
    expect(regressed(recall, 0.9, 0.94)).toBe(false);
    expect(regressed(recall, 0.88, 0.94)).toBe(true);
    expect(regressed(recall, 1, 0.5)).toBe(false);
    expect(regressed(leaks, 0.1, 0)).toBe(true);
    expect(regressed(leaks, 0, 0)).toBe(false);
    // 0.3 - 0.1 - 0.2 is not exactly 0 in floating point.
    expect(regressed({ direction: 'higher', threshold: 0.2 }, 0.1, 0.3)).toBe(false);
  });

  it('never gates an ungated metric or a missing baseline, and fails a metric that vanished', () => {
    expect(regressed(words, 500, 100)).toBe(false);
    expect(regressed(recall, 0.1, null)).toBe(false);
    expect(regressed(recall, null, 0.9)).toBe(true);
  });
});

describe('compareRuns', () => {
  it('compares on the cases both runs have', () => {
    const current = [
      { caseId: 'a', metrics: { recall: 0.5, leaks: 0 } },
      { caseId: 'b', metrics: { recall: 1, leaks: 0 } },
      { caseId: 'new', metrics: { recall: 0, leaks: 1 } },
    ];
    const baseline = [
      { caseId: 'a', metrics: { recall: 1, leaks: 0 } },
      { caseId: 'b', metrics: { recall: 1, leaks: 0 } },
      { caseId: 'gone', metrics: { recall: 0, leaks: 0 } },
    ];
    const gate = compareRuns([recall, leaks], current, baseline);
    expect(gate.comparedCases).toBe(2);
    expect(gate.comparisons.find((comparison) => comparison.name === 'recall')).toMatchObject({ current: 0.75, baseline: 1, delta: -0.25, regressed: true });
    expect(gate.comparisons.find((comparison) => comparison.name === 'leaks')).toMatchObject({ current: 0, baseline: 0, regressed: false });
    expect(gate).toMatchObject({ passed: false, regressions: ['recall'] });
  });

  it('passes identical runs and runs with nothing in common', () => {
    const rows = [{ caseId: 'a', metrics: { recall: 0.8 } }];
    expect(compareRuns([recall], rows, rows).passed).toBe(true);
    expect(compareRuns([recall], rows, [{ caseId: 'b', metrics: { recall: 1 } }])).toMatchObject({ passed: true, comparedCases: 0 });
  });
});

describe('judgeComparison', () => {
  it('gates the win rate against the baseline against itself (0.5)', () => {
    expect(judgeComparison(0.45, 0.15)).toMatchObject({ name: 'judgeWinRate', baseline: 0.5, regressed: false });
    expect(judgeComparison(0.2, 0.15)).toMatchObject({ regressed: true });
    expect(judgeComparison(null, 0.15)).toMatchObject({ regressed: false, delta: null });
  });
});
