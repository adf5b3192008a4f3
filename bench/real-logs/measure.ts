/**
 * A/B of the redactor over real machine-written logs: lines altered per source and per redaction
 * type, at the base commit (`/work/base`, 71c57a3) and in this worktree, with each altered line.
 *
 *   npx tsx bench/real-logs/measure.ts /tmp/real-logs/*.log /tmp/real-logs/syslog        (summary)
 *   npx tsx bench/real-logs/measure.ts --lines after /tmp/real-logs/*.log                (altered lines now)
 *   npx tsx bench/real-logs/measure.ts --whole /tmp/real-logs/*.log                       (each file redacted at once)
 *   BASE_REDACTOR=/other/src/guard/redaction/index.ts npx tsx bench/real-logs/measure.ts …
 *
 * A line counts as altered when `redact(line).text !== line` (byte for byte). With `--whole` each
 * file is redacted in one call, as a pasted log reaches the service, and its lines are compared one
 * by one, matched in order (a PEM block is then judged with its BEGIN line); types are counted per file.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { redact as redactAfter } from '../../src/guard/redaction/index.js';

type Redact = (text: string) => { text: string; redactions: { type: string; count: number }[] };

interface Tally {
  read: number;
  before: number;
  after: number;
  /** Lines altered now and left alone at the base: what a change broke. */
  newly: number;
  beforeTypes: Map<string, number>;
  afterTypes: Map<string, number>;
}

const add = (map: Map<string, number>, key: string): void => {
  map.set(key, (map.get(key) ?? 0) + 1);
};
const types = (map: Map<string, number>): string =>
  [...map].sort((a, b) => b[1] - a[1]).map(([type, n]) => `${type}:${n}`).join(' ') || '-';

/**
 * Which input lines come out unchanged, in order. A placeholder may replace several lines (a
 * private key), so lines are matched forward within a window rather than by index.
 */
function keptLines(input: string[], output: string[]): boolean[] {
  const kept: boolean[] = [];
  let next = 0;
  for (const line of input) {
    const limit = Math.min(output.length, next + 400);
    let found = -1;
    for (let index = next; index < limit; index += 1) {
      if (output[index] === line) {
        found = index;
        break;
      }
    }
    kept.push(found !== -1);
    if (found !== -1) next = found + 1;
  }
  return kept;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const linesIndex = args.indexOf('--lines');
  const show = linesIndex >= 0 ? args.splice(linesIndex, 2)[1] : undefined;
  const wholeIndex = args.indexOf('--whole');
  const whole = wholeIndex >= 0 && args.splice(wholeIndex, 1).length === 1;
  const basePath = process.env['BASE_REDACTOR'] ?? '/work/base/src/guard/redaction/index.ts';
  const { redact: redactBefore } = (await import(basePath)) as { redact: Redact };
  const total: Tally = { read: 0, before: 0, after: 0, newly: 0, beforeTypes: new Map(), afterTypes: new Map() };
  const rows: string[] = [];
  for (const file of args) {
    const tally: Tally = { read: 0, before: 0, after: 0, newly: 0, beforeTypes: new Map(), afterTypes: new Map() };
    const content = readFileSync(file, 'utf8');
    if (whole) {
      const lines = content.split('\n');
      const wholeBefore = redactBefore(content);
      const wholeAfter = (redactAfter as Redact)(content);
      const keptBefore = keptLines(lines, wholeBefore.text.split('\n'));
      const keptAfter = keptLines(lines, wholeAfter.text.split('\n'));
      lines.forEach((line, index) => {
        if (line.trim().length === 0) return;
        tally.read += 1;
        if (!keptBefore[index]) tally.before += 1;
        if (!keptAfter[index]) {
          tally.after += 1;
          if (keptBefore[index]) tally.newly += 1;
          if (show === 'after' || (show === 'newly' && keptBefore[index])) console.log(`[${basename(file)}] ${line.slice(0, 500)}`);
        }
      });
      for (const r of wholeBefore.redactions) add(tally.beforeTypes, r.type), add(total.beforeTypes, r.type);
      for (const r of wholeAfter.redactions) add(tally.afterTypes, r.type), add(total.afterTypes, r.type);
      total.read += tally.read;
      total.before += tally.before;
      total.after += tally.after;
      total.newly += tally.newly;
      rows.push(`${basename(file)}\t${tally.read}\t${tally.before}\t${tally.after}\t${tally.newly}\t${types(tally.beforeTypes)}\t${types(tally.afterTypes)}`);
      continue;
    }
    for (const line of content.split('\n')) {
      if (line.trim().length === 0) continue;
      tally.read += 1;
      const before = redactBefore(line);
      const after = (redactAfter as Redact)(line);
      if (before.text !== line) {
        tally.before += 1;
        for (const r of before.redactions) add(tally.beforeTypes, r.type), add(total.beforeTypes, r.type);
      }
      if (after.text !== line) {
        tally.after += 1;
        if (before.text === line) tally.newly += 1;
        for (const r of after.redactions) add(tally.afterTypes, r.type), add(total.afterTypes, r.type);
      }
      const chosen = show === 'before' ? before : show === 'after' ? after : show === 'newly' && before.text === line ? after : undefined;
      if (chosen && chosen.text !== line) console.log(`[${basename(file)}] ${chosen.text.slice(0, 500)}`);
    }
    total.read += tally.read;
    total.before += tally.before;
    total.after += tally.after;
    total.newly += tally.newly;
    rows.push(`${basename(file)}\t${tally.read}\t${tally.before}\t${tally.after}\t${tally.newly}\t${types(tally.beforeTypes)}\t${types(tally.afterTypes)}`);
  }
  const pct = (n: number): string => ((100 * n) / Math.max(1, total.read)).toFixed(2);
  console.log('source\tlines\taltered before\taltered after\tnewly altered\ttypes before\ttypes after');
  for (const row of rows) console.log(row);
  console.log(`TOTAL\t${total.read}\t${total.before} (${pct(total.before)}%)\t${total.after} (${pct(total.after)}%)\t${total.newly}\t${types(total.beforeTypes)}\t${types(total.afterTypes)}`);
}

await main();
