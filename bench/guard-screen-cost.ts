/**
 * CPU cost of one screen (no memo: every text screened once by a fresh detector), over every
 * labeled text in the repository's injection sets, split into short texts (questions,
 * descriptions, guidance) and documents (notes, alerts, logs).
 *
 * Then the CPU cost of one redaction (`redact()`), over every text of the repository's redaction
 * sets (config-secrets, pii, redaction files).
 *
 *   npx tsx bench/guard-screen-cost.ts
 *   GUARD_BASELINE=/tmp/old/src/guard/injection/detector.ts npx tsx bench/guard-screen-cost.ts
 *   GUARD_REDACTOR_BASELINE=/tmp/old/src/guard/redaction/redactor.ts npx tsx bench/guard-screen-cost.ts
 *
 * GUARD_BASELINE points at another copy of the detector (e.g. the previous commit's, from
 * `git archive <commit> src/guard/injection | tar -x -C /tmp/old`) to compare on the same texts;
 * GUARD_REDACTOR_BASELINE at another copy of the redactor (`git archive <commit> src/guard`, with a
 * `node_modules` link next to its `src` so `libphonenumber-js` resolves).
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

interface Timing {
  meanUs: number;
  p50Us: number;
  p95Us: number;
}

const summary = (samples: number[]): Timing => {
  samples.sort((left, right) => left - right);
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  return { meanUs: mean, p50Us: samples[Math.floor(samples.length / 2)]!, p95Us: samples[Math.floor(samples.length * 0.95)]! };
};

/**
 * CPU time per screen of each detector on the same texts. The detectors take turns text by
 * text (the order alternating), so heap growth, GC and a busy machine weigh on each alike: run
 * one after the other, the second was measured ~40% slower than itself run first.
 */
function measure(detectors: readonly InjectionDetector[], texts: readonly LabeledInjectionRow[]): Timing[] {
  for (const detector of detectors) for (const row of texts.slice(0, 50)) detector.screen(row.text, { source: row.source }); // warm-up: JIT, regex compilation
  const samples = detectors.map(() => [] as number[]);
  texts.forEach((row, index) => {
    const order = detectors.map((_, position) => position);
    if (index % 2 === 1) order.reverse();
    for (const position of order) {
      const started = process.cpuUsage();
      detectors[position]!.screen(`${row.text} `, { source: row.source }); // a trailing blank: never the warm-up's exact text
      const used = process.cpuUsage(started);
      samples[position]!.push(used.user + used.system);
    }
  });
  return samples.map(summary);
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
for (const [label, texts] of [['questions, descriptions, guidance', short], ['notes, alerts, logs', documents]] as const) {
  const timings = measure(candidates.map(([, detector]) => detector), texts);
  candidates.forEach(([name], position) => {
    const result = timings[position]!;
    console.log(`| ${name} | ${label} (${texts.length}) | ${result.meanUs.toFixed(0)} | ${result.p50Us.toFixed(0)} | ${result.p95Us.toFixed(0)} |`);
  });
}

// --- Redaction -------------------------------------------------------------------------------
type Redact = (text: string) => { text: string };
const redactionTexts: string[] = [];
for (const set of repositorySets()) {
  for (const name of readdirSync(set.folder).filter((file) => /^(?:config-secrets|pii|redaction)/.test(file) && file.endsWith('.jsonl'))) {
    for (const line of readFileSync(path.join(set.folder, name), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const text = (JSON.parse(line) as { text?: unknown }).text;
      if (typeof text === 'string') redactionTexts.push(text);
    }
  }
}
const redactors: [string, Redact][] = [['this tree', (await import('../src/guard/redaction/redactor.js')).redact]];
const redactorBaseline = process.env.GUARD_REDACTOR_BASELINE;
if (redactorBaseline && existsSync(redactorBaseline)) {
  redactors.unshift(['baseline', ((await import(pathToFileURL(path.resolve(redactorBaseline)).href)) as { redact: Redact }).redact]);
}
/** As {@link measure}: the redactors take turns text by text, the order alternating. */
function measureRedaction(texts: readonly string[]): Timing[] {
  for (const [, redact] of redactors) for (const text of texts.slice(0, 50)) redact(text);
  const samples = redactors.map(() => [] as number[]);
  texts.forEach((text, index) => {
    const order = redactors.map((_, position) => position);
    if (index % 2 === 1) order.reverse();
    for (const position of order) {
      const started = process.cpuUsage();
      redactors[position]![1](`${text} `);
      const used = process.cpuUsage(started);
      samples[position]!.push(used.user + used.system);
    }
  });
  return samples.map(summary);
}
console.log('');
console.log('| redactor | texts | CPU µs per redaction: mean | p50 | p95 |');
console.log('|---|---|---|---|---|');
for (let round = 0; round < 3; round += 1) {
  measureRedaction(redactionTexts).forEach((result, position) => {
    console.log(`| ${redactors[position]![0]} (round ${round + 1}) | redaction sets (${redactionTexts.length}) | ${result.meanUs.toFixed(1)} | ${result.p50Us.toFixed(0)} | ${result.p95Us.toFixed(0)} |`);
  });
}
