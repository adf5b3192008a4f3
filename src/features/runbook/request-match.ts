/**
 * Whether a runbook does what its request asks, or quietly something else (issue 11): a
 * request to "delete all pods in namespace payments" answered with a rolling restart, or
 * "run rm -rf / on every host" answered with a log clean-up, is not a match, and the draft
 * must say so.
 *
 * Two checks, one per source of steps:
 * - {@link reachesRequest}, for every runbook, model-written or not: a request for destructive
 *   work answered with no destructive step does something else. The policy judges the steps;
 *   the model's own `matched` can only lower the verdict, never raise it.
 * - {@link libraryCovers}, for the offline library: the closest runbook must be close enough,
 *   and for a destructive request its keywords must name both the action ("wipe") and what it
 *   acts on ("disk").
 */
import type { CommandClass } from '../../guard/command-policy.js';
import type { LibraryRunbook } from './library/library-runbook.js';
import { termsOf, type Retrieval } from './library/retrieval.js';
import type { RequestedScope } from './requested-scope.js';

/** Whether the runbook answers the request, and why not when it does not. */
export interface RequestMatch {
  matched: boolean;
  /** One sentence for the draft's first line; null when matched. */
  reason: string | null;
}

/** Lowest TF-IDF cosine at which a library runbook is taken to answer a request. */
export const minimumLibraryScore = 0.1;

const matchedResult: RequestMatch = { matched: true, reason: null };

/** A destructive request must get a destructive step; anything less is another job. */
export function reachesRequest(requested: RequestedScope, stepClasses: readonly CommandClass[]): RequestMatch {
  if (requested.limit === 'destructive' && !stepClasses.includes('destructive')) {
    return { matched: false, reason: `the request asks for destructive work ("${requested.evidence ?? ''}") and no step does it` };
  }
  return matchedResult;
}

// Words between an action and its object that say nothing about what it acts on.
const fillers = new Set(['all', 'the', 'a', 'an', 'every', 'each', 'any', 'some', 'of', 'my', 'our', 'old', 'stale', 'unused', 'existing', 'current', 'those', 'these', 'its', 'their', 'this', 'that']);

/** The word a destructive action acts on: "delete all pods" → "pods"; null when none follows. */
export function objectOfAction(request: string, evidence: string): string | null {
  const lower = request.toLowerCase();
  const at = lower.indexOf(evidence.toLowerCase());
  if (at === -1) return null;
  const after = lower.slice(at + evidence.length).match(/[a-z0-9/._-]+/g) ?? [];
  const object = after.find((word) => !fillers.has(word));
  return object ?? null;
}

/** Whether the offline library's closest runbook answers the request. */
export function libraryCovers(request: string, requested: RequestedScope, retrieval: Pick<Retrieval, 'score'> & { runbook: LibraryRunbook }): RequestMatch {
  if (retrieval.score < minimumLibraryScore) return { matched: false, reason: 'no runbook of the library is close to the request' };
  if (requested.limit !== 'destructive' || requested.evidence === null) return matchedResult;
  const known = new Set(termsOf(`${retrieval.runbook.title} ${retrieval.runbook.keywords}`));
  const phrase = termsOf(requested.evidence);
  // A phrase ("free disk space") names its object itself; a verb ("wipe") needs the word after it.
  if (phrase.length >= 2 && phrase.every((term) => known.has(term))) return matchedResult;
  const action = phrase[0];
  const objectWord = objectOfAction(request, requested.evidence);
  const object = objectWord === null ? undefined : termsOf(objectWord)[0];
  if (action === undefined || !known.has(action) || object === undefined || !known.has(object)) {
    return {
      matched: false,
      reason: `no runbook of the library does what the request asks ("${requested.evidence}${objectWord ? ` ${objectWord}` : ''}"); the closest one, "${retrieval.runbook.title}", does something else`,
    };
  }
  return matchedResult;
}
