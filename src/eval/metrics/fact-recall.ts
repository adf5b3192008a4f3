/**
 * Fact recall: the share of a case's `mustState` facts that the output states. A fact with
 * alternatives counts once, when any alternative appears.
 */
import type { Fact } from '../cases.js';
import { containsNormalized, normalizeText } from './normalize.js';

/** Recall of one output against its facts. */
export interface FactRecall {
  /** Stated facts over all facts; null when the case lists none. */
  recall: number | null;
  /** The facts not stated, as written in the case. */
  missing: Fact[];
}

/** Whether the (already normalised) text states the fact. */
export function statesFact(normalizedText: string, fact: Fact): boolean {
  const alternatives = typeof fact === 'string' ? [fact] : fact;
  return alternatives.some((alternative) => containsNormalized(normalizedText, alternative));
}

/** Recall of `facts` in `text`. */
export function factRecall(text: string, facts: readonly Fact[]): FactRecall {
  if (facts.length === 0) return { recall: null, missing: [] };
  const normalized = normalizeText(text);
  const missing = facts.filter((fact) => !statesFact(normalized, fact));
  return { recall: (facts.length - missing.length) / facts.length, missing };
}

/** A fact as one readable line (`"resolved" | "restored"`). */
export const describeFact = (fact: Fact): string => (typeof fact === 'string' ? `"${fact}"` : fact.map((alternative) => `"${alternative}"`).join(' | '));
