/**
 * Redaction and command-policy figures over the labeled sets of test/guard/datasets/v2
 * (`pii.jsonl`, `config-secrets.jsonl`, `commands.jsonl`), per split and category. Used by the
 * dataset tests and by `npm run guard -- evaluate`, so both report the same numbers. Only counts
 * leave this module (and, for `dev` rows only, the texts missed, to work on): the text of a
 * `frozen` row is never returned.
 */
import { readFileSync } from 'node:fs';
import { classifyCommand } from './command-policy.js';
import { redact } from './redaction/index.js';

/** One line of figures: a set's file, split and category (`npm run guard -- evaluate`). */
export interface FigureRow {
  set: string;
  file: string;
  kind: 'injection' | 'redaction' | 'command';
  split: string;
  category: string;
  /** Attacks (injection), secret values (redaction), or destructive commands. */
  positives: number;
  /** Attacks blocked, secrets redacted, or destructive commands classed destructive. */
  caught: number;
  /** Benign rows (injection, redaction) or read-only commands. */
  negatives: number;
  /** Benign rows blocked or altered, or read-only commands classed destructive. */
  falsePositives: number;
}

/** A figure row of the redaction and command sets. */
export type GuardFigureRow = FigureRow & { kind: 'redaction' | 'command' };

/** A secret is removed when neither its value nor any 8-character piece of it is left. */
export function survives(output: string, secret: string): boolean {
  if (output.includes(secret)) return true;
  for (let start = 0; start + 8 <= secret.length; start += 4) if (output.includes(secret.slice(start, start + 8))) return true;
  return false;
}

const readJsonl = (file: string): Record<string, unknown>[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** The values a redaction row must lose: `values` (pii) or `secrets` (config secrets). */
const secretValuesOf = (row: Record<string, unknown>): string[] => [...strings(row.values), ...strings(row.secrets), ...(typeof row.secret === 'string' ? [row.secret] : [])];

class Groups {
  private readonly groups = new Map<string, GuardFigureRow>();
  constructor(
    private readonly set: string,
    private readonly file: string,
    private readonly kind: GuardFigureRow['kind'],
  ) {}
  get(split: string, category: string): GuardFigureRow {
    const key = `${split}\u0000${category}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { set: this.set, file: this.file, kind: this.kind, split, category, positives: 0, caught: 0, negatives: 0, falsePositives: 0 };
      this.groups.set(key, group);
    }
    return group;
  }
  sorted(): GuardFigureRow[] {
    return [...this.groups.values()].sort(
      (left, right) => left.split.localeCompare(right.split) || (left.category.startsWith('(') ? -1 : 0) - (right.category.startsWith('(') ? -1 : 0) || left.category.localeCompare(right.category),
    );
  }
}

/**
 * Redaction figures of `pii.jsonl` / `config-secrets.jsonl` rows: recall over secret values, and
 * benign rows altered. Per split: one line per category, `(all)`, and for pii one per type
 * (`type:<name>`, over the rows holding that type alone).
 */
export function redactionSetFigures(set: string, file: string, rows: readonly Record<string, unknown>[]): GuardFigureRow[] {
  const groups = new Groups(set, file, 'redaction');
  for (const row of rows) {
    if (typeof row.text !== 'string') continue;
    const split = typeof row.split === 'string' ? row.split : 'unsplit';
    const category = typeof row.category === 'string' ? row.category : 'uncategorized';
    const secrets = secretValuesOf(row);
    const result = redact(row.text);
    const targets = [groups.get(split, category), groups.get(split, '(all)')];
    if (secrets.length > 0) {
      const removed = secrets.filter((secret) => !survives(result.text, secret)).length;
      for (const target of targets) {
        target.positives += secrets.length;
        target.caught += removed;
      }
    } else {
      for (const target of [...targets, groups.get(split, '(benign)')]) {
        target.negatives += 1;
        if (result.text !== row.text) target.falsePositives += 1;
      }
    }
  }
  return groups.sorted();
}

/**
 * Command-policy figures of `commands.jsonl` rows: destructive rows classed destructive, and
 * read-only rows classed destructive (per split: `(all)`, one line per label and category).
 * Changes-state rows count on their own lines only, as negatives flagged destructive.
 */
export function commandSetFigures(set: string, file: string, rows: readonly Record<string, unknown>[]): GuardFigureRow[] {
  const groups = new Groups(set, file, 'command');
  for (const row of rows) {
    if (typeof row.text !== 'string' || typeof row.label !== 'string') continue;
    const split = typeof row.split === 'string' ? row.split : 'unsplit';
    const category = `${row.label}/${typeof row.category === 'string' ? row.category : 'uncategorized'}`;
    const flagged = classifyCommand(row.text).class === 'destructive';
    if (row.label === 'destructive') {
      for (const target of [groups.get(split, category), groups.get(split, '(all)')]) {
        target.positives += 1;
        if (flagged) target.caught += 1;
      }
    } else {
      const targets = [groups.get(split, category), groups.get(split, `(${row.label})`), ...(row.label === 'read-only' ? [groups.get(split, '(all)')] : [])];
      for (const target of targets) {
        target.negatives += 1;
        if (flagged) target.falsePositives += 1;
      }
    }
  }
  return groups.sorted();
}

/** Figures of one v2 file by name (`pii*`, `config-secrets*`, `commands*`); null for other files. */
export function guardFileFigures(set: string, file: string, path: string): GuardFigureRow[] | null {
  if (/^(?:pii|config-secrets)/.test(file)) return redactionSetFigures(set, file, readJsonl(path));
  if (/^commands/.test(file)) return commandSetFigures(set, file, readJsonl(path));
  return null;
}

/**
 * The rows of the `dev` split a guard gets wrong, to work on: secrets left, benign rows altered,
 * destructive commands missed, read-only ones flagged. Never returns a row of another split.
 */
export function devMisses(file: string, path: string): { text: string; why: string }[] {
  const rows = readJsonl(path).filter((row) => row.split === 'dev' && typeof row.text === 'string');
  const misses: { text: string; why: string }[] = [];
  for (const row of rows) {
    const text = row.text as string;
    if (/^commands/.test(file)) {
      const verdict = classifyCommand(text);
      if (row.label === 'destructive' && verdict.class !== 'destructive') misses.push({ text, why: `destructive missed (${verdict.class}: ${verdict.reasons[0] ?? ''})` });
      if (row.label === 'read-only' && verdict.class === 'destructive') misses.push({ text, why: `read-only flagged (${verdict.reasons[0] ?? ''})` });
      continue;
    }
    const secrets = secretValuesOf(row);
    const output = redact(text).text;
    if (secrets.length > 0) {
      const left = secrets.filter((secret) => survives(output, secret));
      if (left.length > 0) misses.push({ text, why: `${String(row.category)}: left ${JSON.stringify(left)} -> ${output}` });
    } else if (output !== text) {
      misses.push({ text, why: `${String(row.category)}: benign altered -> ${output}` });
    }
  }
  return misses;
}
