/**
 * Picks the library runbook closest to a request by TF-IDF: words rare across the library
 * ("wipe", "rollback") weigh more than common ones ("pods", "service"); the score is the
 * cosine between the request's vector and each runbook's.
 */
import { fallbackRunbook, libraryRunbooks, type LibraryRunbook } from './index.js';

const stopwords = new Set([
  'the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'at', 'by', 'from', 'it', 'its', 'is', 'are', 'be', 'this', 'that', 'then', 'after', 'before', 'each', 'every', 'all',
  'please', 'can', 'you', 'we', 'our', 'my', 'me', 'i', 'job', 'runbook', 'rundeck', 'so', 'if', 'as', 'into', 'up', 'down', 'out', 'make', 'sure', 'want', 'need', 'should',
]);

/** Lower-case word stems; a crude stemmer is enough to match "restarting" with "restart". */
export function termsOf(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? [])
    .filter((word) => !stopwords.has(word) && !/^\d+$/.test(word))
    .map((word) => word.replace(/(?:ing|ed|es|s)$/, '').replace(/(.)\1$/, '$1'))
    .filter((word) => word.length >= 2);
}

type Vector = Map<string, number>;

function countsOf(terms: readonly string[]): Vector {
  const counts: Vector = new Map();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

function norm(vector: Vector): number {
  let sum = 0;
  for (const value of vector.values()) sum += value * value;
  return Math.sqrt(sum);
}

export interface Retrieval {
  runbook: LibraryRunbook;
  /** Cosine similarity in [0, 1]; 0 when no word of the request is in the library. */
  score: number;
  /** Every runbook's score, best first (for tests and tuning). */
  ranking: { id: string; score: number }[];
}

class LibraryIndex {
  private readonly idf = new Map<string, number>();
  private readonly vectors: { runbook: LibraryRunbook; vector: Vector; norm: number }[];

  constructor(runbooks: readonly LibraryRunbook[]) {
    const documents = runbooks.map((runbook) => ({ runbook, counts: countsOf(termsOf(`${runbook.title} ${runbook.keywords}`)) }));
    const frequency = new Map<string, number>();
    for (const { counts } of documents) for (const term of counts.keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
    for (const [term, count] of frequency) this.idf.set(term, Math.log((runbooks.length + 1) / (count + 1)) + 1);
    this.vectors = documents.map(({ runbook, counts }) => {
      const vector = this.weigh(counts);
      return { runbook, vector, norm: norm(vector) };
    });
  }

  private weigh(counts: Vector): Vector {
    const vector: Vector = new Map();
    for (const [term, count] of counts) {
      const idf = this.idf.get(term);
      if (idf !== undefined) vector.set(term, (1 + Math.log(count)) * idf);
    }
    return vector;
  }

  search(text: string): Retrieval {
    const query = this.weigh(countsOf(termsOf(text)));
    const queryNorm = norm(query);
    const ranking = this.vectors
      .map(({ runbook, vector, norm: documentNorm }, index) => {
        let dot = 0;
        for (const [term, weight] of query) dot += weight * (vector.get(term) ?? 0);
        return { runbook, index, score: queryNorm === 0 || documentNorm === 0 ? 0 : dot / (queryNorm * documentNorm) };
      })
      .sort((a, b) => b.score - a.score || a.index - b.index);
    const best = ranking[0]!;
    return {
      runbook: best.score > 0 ? best.runbook : fallbackRunbook,
      score: best.score,
      ranking: ranking.map(({ runbook, score }) => ({ id: runbook.id, score })),
    };
  }
}

const index = new LibraryIndex(libraryRunbooks);

/** The library runbook closest to the request (the diagnostics runbook when nothing matches). */
export function closestRunbook(request: string): Retrieval {
  return index.search(request);
}
