/**
 * Detection and redaction figures over labeled JSONL sets, used by the tests and by the guard
 * CLI's `evaluate` command, so both report the same numbers.
 *
 * Figures are split by set, by split and by category. A row's split is its `split` field
 * (`dev`: may be tuned on; `frozen`: never read while tuning), or for the older sets a name
 * that says honestly how the rows were used (`tuned`, `post-freeze`). Only counts leave this
 * module through {@link formatEvaluation}: the text of a frozen row is never printed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { classifyCommand } from './command-policy.js';
import { createInjectionDetector, injectionSources, type InjectionSource } from './injection/index.js';
import { redact } from './redaction/index.js';

// Created on first use: the scorer's training script reads the sets through this module
// before any weights exist.
let detector: ReturnType<typeof createInjectionDetector> | null = null;
const screenForInjection = (text: string, source: InjectionSource) => (detector ??= createInjectionDetector()).screen(text, { source });

export interface InjectionFigures {
  attacks: number;
  detected: number;
  detectionRate: number;
  benign: number;
  falsePositives: number;
  falsePositiveRate: number;
  missed: string[];
  falselyBlocked: string[];
}

export function evaluateInjection(attacks: { text: string; source: InjectionSource }[], benign: { text: string; source: InjectionSource }[]): InjectionFigures {
  const missed = attacks.filter((row) => screenForInjection(row.text, row.source).verdict !== 'block').map((row) => row.text);
  const falselyBlocked = benign.filter((row) => screenForInjection(row.text, row.source).verdict === 'block').map((row) => row.text);
  return {
    attacks: attacks.length,
    detected: attacks.length - missed.length,
    detectionRate: attacks.length === 0 ? 0 : (attacks.length - missed.length) / attacks.length,
    benign: benign.length,
    falsePositives: falselyBlocked.length,
    falsePositiveRate: benign.length === 0 ? 0 : falselyBlocked.length / benign.length,
    missed,
    falselyBlocked,
  };
}

export interface RedactionFigures {
  secrets: number;
  redacted: number;
  recall: number;
  benign: number;
  falsePositives: number;
  falsePositiveRate: number;
  missed: string[];
  falselyRedacted: string[];
}

// A secret counts as redacted when its value, or any 8-character piece of it, is gone.
const survives = (output: string, secret: string): boolean => {
  for (let start = 0; start + 8 <= secret.length; start += 4) if (output.includes(secret.slice(start, start + 8))) return true;
  return secret.length < 8 && output.includes(secret);
};

export function evaluateRedaction(cases: { text: string; secret: string | null; label: 'secret' | 'benign' }[]): RedactionFigures {
  const secrets = cases.filter((row) => row.label === 'secret');
  const benign = cases.filter((row) => row.label === 'benign');
  const missed = secrets.filter((row) => survives(redact(row.text).text, row.secret!)).map((row) => row.text);
  const falselyRedacted = benign.filter((row) => redact(row.text).redactions.length > 0).map((row) => row.text);
  return {
    secrets: secrets.length,
    redacted: secrets.length - missed.length,
    recall: secrets.length === 0 ? 0 : (secrets.length - missed.length) / secrets.length,
    benign: benign.length,
    falsePositives: falselyRedacted.length,
    falsePositiveRate: benign.length === 0 ? 0 : falselyRedacted.length / benign.length,
    missed,
    falselyRedacted,
  };
}

// Figures of the v2 redaction and command sets (pii, config-secrets, commands): see that module.
import type { FigureRow } from './redaction-command-figures.js';
export { commandSetFigures, devMisses, guardFileFigures, redactionSetFigures, type FigureRow, type GuardFigureRow } from './redaction-command-figures.js';

// --- Labeled rows of any of the repository's formats ------------------------------------------

/** One labeled injection row, as read from a set of any vintage. */
export interface LabeledInjectionRow {
  text: string;
  source: InjectionSource;
  attack: boolean;
  split: string;
  category: string;
}

const positiveLabels = new Set(['attack', 'injection', 'injected', 'positive', 'malicious', 'jailbreak']);
const negativeLabels = new Set(['benign', 'clean', 'negative', 'safe']);
const documentSources: Readonly<Record<string, InjectionSource>> = { note: 'note', notes: 'note', alert: 'alert', alerts: 'alert', 'alert-payload': 'alert', payload: 'alert', log: 'log', logs: 'log', 'job-log': 'log', email: 'note', table: 'note', web: 'note', document: 'note' };

/** The source a row is screened as: its own `source`, else its carrier/kind, else by file name. */
function sourceOf(row: Record<string, unknown>, file: string): InjectionSource {
  for (const key of ['source', 'carrier', 'kind', 'documentType', 'document_type', 'type']) {
    const value = row[key];
    if (typeof value !== 'string') continue;
    if (injectionSources.includes(value as InjectionSource)) return value as InjectionSource;
    const mapped = documentSources[value.toLowerCase()];
    if (mapped) return mapped;
  }
  return /document/.test(file) ? 'note' : 'question';
}

/**
 * Reads an injection row: `label` (attack/benign and synonyms, or a boolean `attack` /
 * `injected`), `split`, `category`. Old sets without a split get `defaultSplit`
 * (`post-freeze` for their post-freeze rows).
 */
export function toInjectionRow(row: Record<string, unknown>, file: string, defaultSplit: string): LabeledInjectionRow | null {
  const text = typeof row.text === 'string' ? row.text : null;
  if (text === null) return null;
  const label = row.label;
  let attack: boolean | null = null;
  if (typeof label === 'string') attack = positiveLabels.has(label.toLowerCase()) ? true : negativeLabels.has(label.toLowerCase()) ? false : null;
  else if (typeof label === 'boolean') attack = label;
  for (const key of ['attack', 'injected', 'injection', 'malicious']) if (attack === null && typeof row[key] === 'boolean') attack = row[key] as boolean;
  if (attack === null) return null;
  const split = typeof row.split === 'string' ? row.split : row.origin === 'post-freeze' ? 'post-freeze' : defaultSplit;
  const category = typeof row.category === 'string' ? row.category : `source:${sourceOf(row, file)}`;
  return { text, source: sourceOf(row, file), attack, split, category };
}

/**
 * A labeled set: a folder of JSONL files: `injection*.jsonl` (detection), `redaction*.jsonl`,
 * `pii*.jsonl`, `config-secrets*.jsonl` (redaction) and `command*.jsonl` (command policy).
 */
export interface LabeledSet {
  name: string;
  folder: string;
  /** Split of rows that carry none (default `unsplit`). */
  defaultSplit?: string;
  /**
   * Ids, per file, of `frozen` rows that were tuned on anyway (they sat in the dev split of an
   * earlier version of the set): reported as the split `frozen-exposed`, apart from the rows
   * that were never seen.
   */
  exposed?: Readonly<Record<string, readonly string[]>>;
  /**
   * The split every row of the set is reported under, whatever its own `split` field says: a
   * set written as a whole to be held out, measured blind once, then tuned on (v3 is `exposed`).
   */
  split?: string;
}


const readJsonl = (file: string): Record<string, unknown>[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** Figures of injection rows, grouped by split and category, plus an `(all)` line per split. */
export function injectionFigures(set: string, file: string, rows: readonly LabeledInjectionRow[]): FigureRow[] {
  const groups = new Map<string, FigureRow>();
  const add = (split: string, category: string, row: LabeledInjectionRow, blocked: boolean) => {
    const key = `${split}\u0000${category}`;
    const group = groups.get(key) ?? { set, file, kind: 'injection' as const, split, category, positives: 0, caught: 0, negatives: 0, falsePositives: 0 };
    if (row.attack) {
      group.positives += 1;
      if (blocked) group.caught += 1;
    } else {
      group.negatives += 1;
      if (blocked) group.falsePositives += 1;
    }
    groups.set(key, group);
  };
  for (const row of rows) {
    const blocked = screenForInjection(row.text, row.source).verdict === 'block';
    add(row.split, row.category, row, blocked);
    add(row.split, '(all)', row, blocked);
  }
  return sortFigures([...groups.values()]);
}

/** By split, then the `(all)` line first, then categories alphabetically. */
function sortFigures(figures: FigureRow[]): FigureRow[] {
  return figures.sort((left, right) => left.split.localeCompare(right.split) || (left.category === '(all)' ? -1 : right.category === '(all)' ? 1 : left.category.localeCompare(right.category)));
}

/** Redaction rows of every format: `{secret, label}`, `{secrets: [...], label: [types]}`, `{values: [...], types}`. */
function redactionFigures(set: string, file: string, rows: readonly Record<string, unknown>[], defaultSplit: string): FigureRow[] {
  const groups = new Map<string, FigureRow>();
  const group = (split: string, category: string): FigureRow => {
    const key = `${split}\u0000${category}`;
    const found = groups.get(key) ?? { set, file, kind: 'redaction' as const, split, category, positives: 0, caught: 0, negatives: 0, falsePositives: 0 };
    groups.set(key, found);
    return found;
  };
  for (const row of rows) {
    if (typeof row.text !== 'string') continue;
    const split = typeof row.split === 'string' ? row.split : defaultSplit;
    const listed = Array.isArray(row.secrets) ? row.secrets : Array.isArray(row.values) ? row.values : typeof row.secret === 'string' ? [row.secret] : [];
    const secrets = listed.filter((value): value is string => typeof value === 'string');
    const types = Array.isArray(row.types) ? row.types : Array.isArray(row.label) ? row.label : [];
    const category = typeof row.category === 'string' ? row.category : typeof types[0] === 'string' ? types[0] : secrets.length > 0 ? 'secret' : 'benign';
    const result = redact(row.text);
    for (const target of [group(split, category), group(split, '(all)')]) {
      if (secrets.length > 0) {
        target.positives += secrets.length;
        target.caught += secrets.filter((secret) => !survives(result.text, secret)).length;
      } else {
        target.negatives += 1;
        if (result.redactions.length > 0) target.falsePositives += 1;
      }
    }
  }
  return [...groups.values()];
}

/** Commands labeled `destructive`, `changes-state` or `read-only` (in `label`, `class` or `expected`). */
function commandFigures(set: string, file: string, rows: readonly Record<string, unknown>[], defaultSplit: string): FigureRow[] {
  const groups = new Map<string, FigureRow>();
  const group = (split: string, category: string): FigureRow => {
    const key = `${split}\u0000${category}`;
    const found = groups.get(key) ?? { set, file, kind: 'command' as const, split, category, positives: 0, caught: 0, negatives: 0, falsePositives: 0 };
    groups.set(key, found);
    return found;
  };
  for (const row of rows) {
    const command = typeof row.command === 'string' ? row.command : typeof row.text === 'string' ? row.text : null;
    const expected = [row.label, row.class, row.expected].find((value): value is string => typeof value === 'string');
    if (command === null || expected === undefined) continue;
    const split = typeof row.split === 'string' ? row.split : defaultSplit;
    const flagged = classifyCommand(command).class === 'destructive';
    const category = `${expected}${typeof row.category === 'string' ? `/${row.category}` : ''}`;
    for (const target of [group(split, category), group(split, '(all)'), group(split, `(${expected})`)]) {
      if (expected === 'destructive') {
        target.positives += 1;
        if (flagged) target.caught += 1;
      } else {
        target.negatives += 1;
        if (flagged) target.falsePositives += 1;
      }
    }
  }
  return [...groups.values()];
}

/**
 * Which rows an evaluation reads: `dev` keeps every row that may be tuned on (v2 `dev` and the
 * older sets' `tuned`/`post-freeze`/`unsplit` rows), `frozen` keeps only the never-tuned rows
 * (`frozen` and `frozen-exposed`), `all` keeps both. Rows are dropped before they are screened.
 */
export type SplitFilter = 'dev' | 'frozen' | 'all';
export const splitFilters: readonly SplitFilter[] = ['dev', 'frozen', 'all'];

const isFrozenSplit = (split: unknown): boolean => split === 'frozen' || split === 'frozen-exposed';

/** True when a raw row belongs to the rows `filter` keeps. */
export function keepsRow(filter: SplitFilter, row: Record<string, unknown>): boolean {
  if (filter === 'all') return true;
  return filter === 'frozen' ? isFrozenSplit(row.split) : !isFrozenSplit(row.split);
}

/** Figures of every labeled file in each set's folder, for the rows `split` keeps. */
export function evaluateFolders(sets: readonly LabeledSet[], split: SplitFilter = 'all'): FigureRow[] {
  const figures: FigureRow[] = [];
  for (const set of sets) {
    const exposedSplit = (name: string, row: Record<string, unknown>): Record<string, unknown> =>
      row.split === 'frozen' && typeof row.id === 'string' && set.exposed?.[name]?.includes(row.id) ? { ...row, split: 'frozen-exposed' } : row;
    const files = readdirSync(set.folder).filter((name) => name.endsWith('.jsonl')).sort();
    const defaultSplit = set.defaultSplit ?? 'unsplit';
    // Attacks and benign rows of one family may live in two files (injection-attacks.jsonl,
    // injection-benign.jsonl): their figures belong on one line.
    const injection = new Map<string, LabeledInjectionRow[]>();
    for (const name of files) {
      const rows = readJsonl(path.join(set.folder, name))
        .map((row) => (set.split === undefined ? row : { ...row, split: set.split }))
        .filter((row) => keepsRow(split, row))
        .map((row) => exposedSplit(name, row));
      if (name.startsWith('injection')) {
        const family = name.replace(/-(?:attacks|benign)\.jsonl$/, '.jsonl');
        const labeled = rows.map((row) => toInjectionRow(row, name, defaultSplit)).filter((row): row is LabeledInjectionRow => row !== null);
        injection.set(family, [...(injection.get(family) ?? []), ...labeled]);
      } else if (name.startsWith('redaction') || name.startsWith('pii') || name.startsWith('config-secrets')) {
        figures.push(...sortFigures(redactionFigures(set.name, name, rows, defaultSplit)));
      } else if (name.startsWith('command')) {
        figures.push(...sortFigures(commandFigures(set.name, name, rows, defaultSplit)));
      }
    }
    for (const [family, rows] of injection) figures.push(...injectionFigures(set.name, family, rows));
  }
  return figures;
}

/**
 * The repository's labeled sets, named for how they were used: `v3`, `v5`, `v6`, `v7`, `v8`, `v9`,
 * `v10` and `v11` (outside writers' sets, all frozen, each measured blind, then tuned on by branches
 * guardfix, guardfix2, redfp, redfp2, redfp4, redfp5, redfp6 and redfp8)
 * are reported under the split `exposed`, never as frozen; `v2` was written by someone
 * who never saw the detector (its `dev` split may be tuned on, its `frozen` split never; the
 * frozen rows that sat in the dev split of the set's first version are `frozen-exposed`);
 * `development` holds the examples written while generalizing the detector (tuned on);
 * `independent` and `shared` are the 2026-11-28 sets, both tuned on (their post-freeze rows
 * were measured before one fix, see the decision records).
 */
export function repositorySets(root = path.resolve(import.meta.dirname, '../..')): LabeledSet[] {
  const datasets = path.join(root, 'test/guard/datasets');
  const exposureFile = path.join(datasets, 'development/v2-exposure.json');
  const exposed = existsSync(exposureFile) ? (JSON.parse(readFileSync(exposureFile, 'utf8')) as { exposed: Record<string, string[]> }).exposed : undefined;
  return [
    { name: 'v2', folder: path.join(datasets, 'v2'), defaultSplit: 'unsplit', exposed },
    // Written whole as a frozen set, measured blind once at e8933e0, then tuned on (its README).
    { name: 'v3', folder: path.join(datasets, 'v3'), split: 'exposed' },
    // Written whole as a frozen set, measured blind once at d18f0d7, then tuned on by guardfix2 (its README).
    { name: 'v5', folder: path.join(datasets, 'v5'), split: 'exposed' },
    // Written whole as a frozen set (config/log redaction), measured blind once at 5ad604f, then tuned on by redfp (its README).
    { name: 'v6', folder: path.join(datasets, 'v6'), split: 'exposed' },
    // Written whole as a frozen set, measured blind at 2a32f17 and 7a50b27, then tuned on by redfp2 (its README).
    { name: 'v7', folder: path.join(datasets, 'v7'), split: 'exposed' },
    // Written whole as a frozen set, measured blind at 8bb9831 and a1a19ce, then tuned on by redfp4 (its README).
    { name: 'v8', folder: path.join(datasets, 'v8'), split: 'exposed' },
    // Written whole as a frozen set (config/log redaction), measured blind at a1a19ce and b8378d1, then tuned on by redfp5 (its README).
    { name: 'v9', folder: path.join(datasets, 'v9'), split: 'exposed' },
    // Written whole as a frozen set, measured blind at 71c57a3 and b0a1bf1, then tuned on by redfp6 (its README).
    { name: 'v10', folder: path.join(datasets, 'v10'), split: 'exposed' },
    // Written whole as a frozen set (config/log redaction), measured blind at 71c57a3, b0a1bf1 and e0643f7, then tuned on by redfp8 (its README).
    { name: 'v11', folder: path.join(datasets, 'v11'), split: 'exposed' },
    // Written whole as a frozen set (config/log and PII redaction), measured blind at 71c57a3 and e0643f7; nobody has read its rows (its README).
    { name: 'v12', folder: path.join(datasets, 'v12') },
    // Written whole as a frozen set (config/log redaction), measured blind at 71c57a3, 05423db and e626be9; nobody has read its rows (its README).
    { name: 'v13', folder: path.join(datasets, 'v13') },
    { name: 'development', folder: path.join(datasets, 'development'), defaultSplit: 'tuned' },
    { name: 'independent', folder: path.join(datasets, 'independent'), defaultSplit: 'tuned' },
    { name: 'shared', folder: datasets, defaultSplit: 'tuned' },
  ].filter((set) => existsSync(set.folder));
}

const percent = (part: number, whole: number): string => (whole === 0 ? '-' : `${((part / whole) * 100).toFixed(1)}%`);

/** Lines for the CLI: an aligned table, or one JSON object per figure row. */
export function formatEvaluation(figures: readonly FigureRow[], format: 'json' | 'table'): string[] {
  if (format === 'json') {
    return figures.map((row) =>
      JSON.stringify({ ...row, detectionRate: row.positives === 0 ? null : row.caught / row.positives, falsePositiveRate: row.negatives === 0 ? null : row.falsePositives / row.negatives }),
    );
  }
  const header = ['set', 'file', 'split', 'category', 'caught', 'rate', 'false pos.', 'rate'];
  const rows = figures.map((row) => [row.set, row.file, row.split, row.category, `${row.caught}/${row.positives}`, percent(row.caught, row.positives), `${row.falsePositives}/${row.negatives}`, percent(row.falsePositives, row.negatives)]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}
