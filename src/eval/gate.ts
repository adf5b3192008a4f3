/**
 * The regression gate: a run's metrics against a baseline run's, each metric with its own
 * threshold (from the feature's graders). Compared on the cases both runs share, so a
 * dataset that grew since the baseline does not move the comparison.
 */
import type { CaseMetrics, MetricDefinition } from './types.js';

/** One case's metrics, as a run stores them. */
export interface CaseMetricsRow {
  caseId: string;
  metrics: CaseMetrics;
}

/** One metric, current against baseline. */
export interface MetricComparison {
  name: string;
  direction: MetricDefinition['direction'];
  unit: MetricDefinition['unit'];
  threshold: number | null;
  current: number | null;
  baseline: number | null;
  /** current − baseline; null when either is missing. */
  delta: number | null;
  /** Worse than the baseline by more than the threshold. */
  regressed: boolean;
}

/** The gate's verdict on one feature's run. */
export interface GateResult {
  passed: boolean;
  comparisons: MetricComparison[];
  /** Names of the regressed metrics. */
  regressions: string[];
  /** Cases both runs have, which the comparison is computed on. */
  comparedCases: number;
}

// Floating-point noise must not fail a gate with threshold 0.
const epsilon = 1e-9;

/** Mean of each metric over the rows where it applies; null where it applies to none. */
export function meanMetrics(definitions: readonly MetricDefinition[], rows: readonly CaseMetrics[]): Record<string, number | null> {
  const means: Record<string, number | null> = {};
  for (const { name } of definitions) {
    const values = rows.map((row) => row[name]).filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
    means[name] = values.length === 0 ? null : values.reduce((total, value) => total + value, 0) / values.length;
  }
  return means;
}

/** Whether `current` is worse than `baseline` by more than the threshold. */
export function regressed(definition: Pick<MetricDefinition, 'direction' | 'threshold'>, current: number | null, baseline: number | null): boolean {
  if (definition.threshold === null || baseline === null) return false;
  // A metric the baseline had and this run lost (every case failed) is a regression.
  if (current === null) return true;
  const worsening = definition.direction === 'higher' ? baseline - current : current - baseline;
  return worsening > definition.threshold + epsilon;
}

/** Compares a run with its baseline on the cases they share. */
export function compareRuns(
  definitions: readonly MetricDefinition[],
  current: readonly CaseMetricsRow[],
  baseline: readonly CaseMetricsRow[],
): GateResult {
  const baselineById = new Map(baseline.map((row) => [row.caseId, row.metrics]));
  const shared = current.filter((row) => baselineById.has(row.caseId));
  const currentMeans = meanMetrics(definitions, shared.map((row) => row.metrics));
  const baselineMeans = meanMetrics(definitions, shared.map((row) => baselineById.get(row.caseId)!));
  const comparisons = definitions.map((definition): MetricComparison => {
    const now = currentMeans[definition.name] ?? null;
    const before = baselineMeans[definition.name] ?? null;
    return {
      name: definition.name,
      direction: definition.direction,
      unit: definition.unit,
      threshold: definition.threshold,
      current: now,
      baseline: before,
      delta: now === null || before === null ? null : now - before,
      regressed: shared.length > 0 && regressed(definition, now, before),
    };
  });
  const regressions = comparisons.filter((comparison) => comparison.regressed).map((comparison) => comparison.name);
  return { passed: regressions.length === 0, comparisons, regressions, comparedCases: shared.length };
}

/**
 * The judge's verdict as a gated metric: the share of cases where the run's output was
 * preferred to the baseline's (a tie counts half). The baseline against itself is 0.5.
 */
export function judgeComparison(winRate: number | null, threshold: number): MetricComparison {
  const definition = { direction: 'higher' as const, threshold };
  return {
    name: 'judgeWinRate',
    direction: 'higher',
    unit: 'ratio',
    threshold,
    current: winRate,
    baseline: 0.5,
    delta: winRate === null ? null : winRate - 0.5,
    regressed: winRate !== null && regressed(definition, winRate, 0.5),
  };
}
