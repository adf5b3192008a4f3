/**
 * CPU cost of one screen (no memo: every text screened once by a fresh detector), over every
 * labeled text in the repository's injection sets, split into short texts (questions,
 * descriptions, guidance) and documents (notes, alerts, logs).
 *
 *   npx tsx bench/guard-screen-cost.ts
 *   GUARD_BASELINE=/tmp/old/src/guard/injection/detector.ts npx tsx bench/guard-screen-cost.ts
 *
 * GUARD_BASELINE points at another copy of the detector (e.g. the previous commit's, from
 * `git archive <commit> src/guard/injection | tar -x -C /tmp/old`) to compare on the same texts.
 * Only timings are printed; no row's text or label.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInjectionDetector } from '../src/guard/injection/detector.js';
import { repositorySets, toInjectionRow, type LabeledInjectionRow } from '../src/guard/guard-evaluation.js';
import type { InjectionDetector } from '../src/guard/injection/types.js';

const rows: LabeledInjectionRow[] = [];
for (const set of repositorySets()) {
  for (const name of readdirSync(set.folder).filter((file) => file.startsWith('injection') && file.endsWith('.jsonl'))) {
    for (const line of readFileSync(path.join(set.folder, name), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const row = toInjectionRow(JSON.parse(line) as Record<string, unknown>, name, 'unsplit');
      if (row) rows.push(row);
    }
  }
}

function measure(detector: InjectionDetector, texts: readonly LabeledInjectionRow[]): { meanUs: number; p50Us: number; p95Us: number } {
  for (const row of texts.slice(0, 50)) detector.screen(row.text, { source: row.source }); // warm-up: JIT, regex compilation
  const samples: number[] = [];
  for (const row of texts) {
    const started = process.cpuUsage();
    detector.screen(`${row.text} `, { source: row.source }); // a trailing blank: never the warm-up's exact text
    const used = process.cpuUsage(started);
    samples.push(used.user + used.system);
  }
  samples.sort((left, right) => left - right);
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  return { meanUs: mean, p50Us: samples[Math.floor(samples.length / 2)]!, p95Us: samples[Math.floor(samples.length * 0.95)]! };
}

const short = rows.filter((row) => ['question', 'description', 'guidance'].includes(row.source));
const documents = rows.filter((row) => !['question', 'description', 'guidance'].includes(row.source));
const candidates: [string, InjectionDetector][] = [['this tree', createInjectionDetector()]];
const baseline = process.env.GUARD_BASELINE;
if (baseline && existsSync(baseline)) {
  const module = (await import(pathToFileURL(path.resolve(baseline)).href)) as { createInjectionDetector: () => InjectionDetector };
  candidates.unshift(['baseline', module.createInjectionDetector()]);
}
console.log('| detector | texts | CPU µs per screen: mean | p50 | p95 |');
console.log('|---|---|---|---|---|');
for (const [name, detector] of candidates) {
  for (const [label, texts] of [['questions, descriptions, guidance', short], ['notes, alerts, logs', documents]] as const) {
    const result = measure(detector, texts);
    console.log(`| ${name} | ${label} (${texts.length}) | ${result.meanUs.toFixed(0)} | ${result.p50Us.toFixed(0)} | ${result.p95Us.toFixed(0)} |`);
  }
}
