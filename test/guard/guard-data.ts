/**
 * Loads the 2026-11-28 labeled guard sets: the "independent" set written with the detector in
 * src/guard/injection/ (test/guard/datasets/independent/, built by its build.ts) and the
 * "shared" set written by another engineer against the interim detector
 * (test/guard/datasets/*.jsonl). Both were tuned on. The sets written without seeing the
 * detector (v2, with a frozen split) are read through src/guard/guard-evaluation.ts.
 */
import { readFileSync } from 'node:fs';
import type { InjectionSource } from '../../src/guard/injection/types.js';

export interface InjectionRow {
  text: string;
  source: InjectionSource;
  label: 'attack' | 'benign';
  language?: string;
  encoding?: string;
  origin?: 'carrier' | 'hand' | 'post-freeze';
}

/** A redaction row of the independent set: `label` lists the types, `secrets` the values. */
export interface RedactionRow {
  text: string;
  source: InjectionSource;
  label: string[];
  secrets: string[];
}

/** A redaction row of the shared set. */
export interface SharedRedactionRow {
  text: string;
  secret: string | null;
  types?: string[];
  label: 'secret' | 'benign';
}

const read = <T>(relative: string): T[] =>
  readFileSync(new URL(relative, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);

export const independent = {
  attacks: () => read<InjectionRow>('./datasets/independent/injection-attacks.jsonl'),
  benign: () => read<InjectionRow>('./datasets/independent/injection-benign.jsonl'),
  redaction: () => read<RedactionRow>('./datasets/independent/redaction.jsonl'),
};

export const shared = {
  attacks: () => read<InjectionRow>('./datasets/injection-attacks.jsonl'),
  benign: () => read<InjectionRow>('./datasets/injection-benign.jsonl'),
  redaction: () => read<SharedRedactionRow>('./datasets/redaction.jsonl'),
};

/** Share of `rows` for which `predicate` holds, with the rows that made up the rest. */
export function rate<T>(rows: readonly T[], predicate: (row: T) => boolean): { rate: number; hits: number; total: number; others: T[] } {
  const others = rows.filter((row) => !predicate(row));
  const hits = rows.length - others.length;
  return { rate: rows.length === 0 ? 0 : hits / rows.length, hits, total: rows.length, others };
}
