/**
 * Forbidden content: phrases a case says the output must not contain (invented causes,
 * actions nobody took, injected text), and for public text everything that must never reach
 * a status page (internal hostnames, IP addresses, links, tickets, people's names), found by
 * the same detector the extractive engine scrubs with.
 */
import { findNonPublicText } from '../../guard/public-text.js';
import type { Incident } from '../../incidents/types.js';
import { containsNormalized, normalizeText } from './normalize.js';

/** The phrases of `phrases` that occur in `text` (normalised, whole tokens). */
export function forbiddenPhrasesIn(text: string, phrases: readonly string[]): string[] {
  const normalized = normalizeText(text);
  return phrases.filter((phrase) => containsNormalized(normalized, phrase));
}

/** The people an incident names: its assignees and the authors of its notes. */
export function peopleOf(incident: Incident | null): string[] {
  if (!incident) return [];
  const names = new Set<string>();
  for (const person of incident.assignees) names.add(person.name);
  for (const note of incident.notes) names.add(note.author.name);
  // Log agents are left out: as often tools ("Prometheus Alertmanager") as people, and the
  // people among them are assignees or note authors anyway.
  return [...names];
}

/** What in a public text must not be public: `kind: text`, e.g. `hostname: pg-payments-01.prod.internal`. */
export function nonPublicContentIn(text: string, people: readonly string[]): string[] {
  return findNonPublicText(text, { names: people }).map((match) => `${match.kind}: ${match.text}`);
}
