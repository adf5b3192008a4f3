/**
 * What an evaluation run leaves behind: a table per feature on stdout, and a JSON and a
 * Markdown report (metrics against the baseline, with a sparkline of the feature's recent
 * runs) in the output folder.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MetricComparison } from './gate.js';
import type { FeatureRunReport } from './runner.js';
import type { MetricDefinition } from './types.js';

/** One invocation of the CLI: one variant over one or more features. */
export interface EvalSession {
  createdAt: string;
  variant: string;
  judge: string | null;
  /** What `--baseline` said, as given. */
  baseline: string | null;
  features: FeatureRunReport[];
  /** Features asked for that have no suite yet, with why. */
  skipped: { feature: string; reason: string }[];
  /** Each feature's earlier metric values, oldest first, for the sparklines. */
  history: Record<string, Record<string, (number | null)[]>>;
  passed: boolean;
}

const blocks = '▁▂▃▄▅▆▇█';

/** A sparkline of values; a missing value is a space. */
export function sparkline(values: readonly (number | null)[]): string {
  const present = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (present.length === 0) return '';
  const min = Math.min(...present);
  const max = Math.max(...present);
  return values
    .map((value) => {
      if (value === null || !Number.isFinite(value)) return ' ';
      if (max === min) return blocks[3];
      return blocks[Math.round(((value - min) / (max - min)) * (blocks.length - 1))];
    })
    .join('');
}

/** A metric value for people: ratios as percentages. */
export function formatValue(value: number | null, unit: MetricDefinition['unit']): string {
  if (value === null) return '–';
  if (unit === 'ratio') return `${(value * 100).toFixed(1)}%`;
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

/** A change for people: ratio changes in percentage points. */
export function formatDelta(delta: number | null, unit: MetricDefinition['unit']): string {
  if (delta === null) return '–';
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const magnitude = Math.abs(delta);
  return unit === 'ratio' ? `${sign}${(magnitude * 100).toFixed(1)} pts` : `${sign}${formatValue(magnitude, unit)}`;
}

/** How much worse a metric may get: `−5.0 pts`, `+0.50`, `none` (threshold 0), `–` (not gated). */
function formatThreshold(comparison: Pick<MetricComparison, 'threshold' | 'direction' | 'unit'>): string {
  if (comparison.threshold === null) return '–';
  if (comparison.threshold === 0) return 'none';
  const sign = comparison.direction === 'higher' ? '−' : '+';
  return `${sign}${comparison.unit === 'ratio' ? `${(comparison.threshold * 100).toFixed(1)} pts` : formatValue(comparison.threshold, comparison.unit)}`;
}

/** Rows of a feature's metrics: with the gate's comparisons when there is a baseline. */
function rowsOf(report: FeatureRunReport): MetricComparison[] {
  if (report.gate) return report.gate.comparisons;
  return report.definitions.map((definition) => ({
    name: definition.name,
    direction: definition.direction,
    unit: definition.unit,
    threshold: definition.threshold,
    current: report.metrics[definition.name] ?? null,
    baseline: null,
    delta: null,
    regressed: false,
  }));
}

function verdictOf(report: FeatureRunReport): string {
  if (!report.gate) return 'no baseline';
  return report.gate.passed ? 'PASS' : `FAIL (${report.gate.regressions.join(', ')})`;
}

/** A plain-text table of one feature's run, for the terminal. */
export function consoleTable(report: FeatureRunReport): string {
  const header = ['metric', 'value', 'baseline', 'change', 'allowed', ''];
  const rows = rowsOf(report).map((row) => [
    row.name,
    formatValue(row.current, row.unit),
    formatValue(row.baseline, row.unit),
    formatDelta(row.delta, row.unit),
    formatThreshold(row),
    row.regressed ? 'REGRESSED' : '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]): string => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd();
  const failed = report.results.filter((result) => !result.ok && !result.refusedAsAllowed).length;
  const refused = report.results.filter((result) => result.refusedAsAllowed).length;
  const counts = [failed > 0 ? `${failed} failed` : '', refused > 0 ? `${refused} refused as allowed` : ''].filter(Boolean).join(', ');
  const title = `${report.feature} · ${report.variant} · ${report.caseCount} cases${counts ? ` (${counts})` : ''} · ${verdictOf(report)}`;
  const judge = report.judgeSummary
    ? [`judge ${report.judgeSummary.judge}: win rate ${formatValue(report.judgeSummary.winRate, 'ratio')} over ${report.judgeSummary.judgedCases} pairs, consistency ${formatValue(report.judgeSummary.consistency, 'ratio')}, human agreement ${formatValue(report.judgeSummary.humanAgreement, 'ratio')} (${report.judgeSummary.humanPairs} pairs)`]
    : [];
  return [title, line(header), line(header.map((_, column) => '-'.repeat(widths[column]!))), ...rows.map(line), ...judge, `run ${report.runId}`].join('\n');
}

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The Markdown report of a session. */
export function markdownReport(session: EvalSession): string {
  const lines: string[] = [
    `# Evaluation: ${session.variant}`,
    '',
    `- When: ${session.createdAt}`,
    `- Judge: ${session.judge ?? 'none'}`,
    `- Baseline: ${session.baseline ?? 'none'}`,
    `- Verdict: ${session.passed ? 'PASS' : 'FAIL'}`,
    '',
  ];
  for (const skipped of session.skipped) lines.push(`> ${skipped.feature}: not evaluated (${skipped.reason})`, '');
  for (const report of session.features) {
    const history = session.history[report.feature] ?? {};
    lines.push(`## ${report.feature}: ${verdictOf(report)}`, '');
    lines.push(
      `Variant \`${report.variant}\`, ${report.caseCount} cases from \`${path.basename(path.dirname(path.dirname(report.datasetFile)))}/eval/${path.basename(report.datasetFile)}\`` +
        `${report.baselineRunId ? `, baseline run \`${report.baselineRunId}\` (\`${report.baselineVariant}\`, ${report.gate?.comparedCases ?? 0} shared cases)` : ''}, run \`${report.runId}\`.`,
      '',
    );
    lines.push('| metric | trend | baseline | current | change | allowed | |', '|---|---|---:|---:|---:|---:|---|');
    for (const row of rowsOf(report)) {
      const trend = sparkline([...(history[row.name] ?? []), row.current]);
      lines.push(
        `| ${row.name} | ${trend} | ${formatValue(row.baseline, row.unit)} | ${formatValue(row.current, row.unit)} | ${formatDelta(row.delta, row.unit)} | ${formatThreshold(row)} | ${row.regressed ? '❌' : row.baseline === null || row.threshold === null ? '' : '✅'} |`,
      );
    }
    lines.push('');
    if (report.judgeSummary) {
      const judge = report.judgeSummary;
      lines.push(
        `Judge \`${judge.judge}\`: win rate against the baseline ${formatValue(judge.winRate, 'ratio')} over ${judge.judgedCases} pairs (both orders; ties half), consistency across orders ${formatValue(judge.consistency, 'ratio')}, agreement with human preferences ${formatValue(judge.humanAgreement, 'ratio')} over ${judge.humanPairs} pairs, ${judge.invalidVerdicts} invalid verdicts.`,
        '',
      );
    }
    const worst = [...report.results].filter((result) => result.notes.length > 0 || (!result.ok && !result.refusedAsAllowed)).slice(0, 15);
    if (worst.length > 0) {
      lines.push('<details><summary>Cases that lost points</summary>', '', '| case | notes |', '|---|---|');
      for (const result of worst) lines.push(`| ${result.caseId} | ${escapeCell(result.notes.join('; ').slice(0, 600))} |`);
      lines.push('', '</details>', '');
    }
  }
  return lines.join('\n');
}

/** The JSON report of a session (every case's output included, so a later run can use it as its baseline). */
export function jsonReport(session: EvalSession): string {
  return `${JSON.stringify({ version: 1, ...session }, null, 2)}\n`;
}

/** A file-name-safe slug of a variant. */
export const slugOf = (text: string): string => text.replace(/[^A-Za-z0-9.-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 80);

/** Writes the JSON and Markdown reports; returns their paths. */
export async function writeReports(directory: string, session: EvalSession): Promise<{ json: string; markdown: string }> {
  await mkdir(directory, { recursive: true });
  const stamp = session.createdAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const base = path.join(directory, `${stamp}-${slugOf(session.variant)}`);
  const files = { json: `${base}.json`, markdown: `${base}.md` };
  await writeFile(files.json, jsonReport(session));
  await writeFile(files.markdown, markdownReport(session));
  return files;
}
