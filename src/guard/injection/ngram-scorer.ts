/**
 * A learned scorer next to the signals: logistic regression over hashed character n-grams (3
 * to 5 characters of the canonical text) and word unigrams and bigrams. Characters carry
 * spelling variants and other scripts; words carry which verb goes with which object ("print
 * ... instructions") whatever letters sit between. It catches phrasings no pattern lists. The weights (ngram-weights.json) are written by bench/injection-scorer/train.ts from
 * the rows we may tune on only; see docs/decisions/2026-12-06-injection-generalized.md.
 */
import { readFileSync } from 'node:fs';
import { canonicalize } from './normalize.js';
import type { InjectionScorer } from './types.js';

export const buckets = 1 << 15;
const maxCharacters = 2_000;
/** The feature set the weights were trained for; a file for another set is refused at load. */
export const featureSet = 'char3-5+word1-2+length';
const wordPattern = /[\p{L}\p{N}']+/gu;

/** Weights of the model as written by train.ts. */
export interface ScorerWeights {
  buckets: number;
  bias: number;
  /** One weight per bucket. */
  weights: number[];
  /** Probability at or above which the scorer says "attack", chosen by cross-validation on the training rows. */
  threshold: number;
  /** {@link featureSet} of the training run. */
  features: string;
}

function fnv1a(text: string, start: number, end: number, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let index = start; index < end; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % buckets;
}

// Words hash with another seed than character n-grams, so "the" the word and " the" the
// 4-gram do not share a bucket by construction.
const wordSeed = 0x9747b28c;

const lengthBuckets = [1, 2, 3, 5, 8, 15, 30];
const lengthBucket = (words: number): string => String(lengthBuckets.find((limit) => words <= limit) ?? 'more');

/** Bucket -> L2-normalized count of the character n-grams, words and word pairs of `text`. */
export function features(text: string): Map<number, number> {
  const canonical = ` ${canonicalize(text).slice(0, maxCharacters)} `;
  const counts = new Map<number, number>();
  const count = (bucket: number) => counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  for (let size = 3; size <= 5; size += 1) {
    for (let start = 0; start + size <= canonical.length; start += 1) count(fnv1a(canonical, start, start + size));
  }
  let previous = '';
  let words = 0;
  for (const [word] of canonical.matchAll(wordPattern)) {
    words += 1;
    count(fnv1a(word, 0, word.length, wordSeed));
    if (previous !== '') {
      const pair = `${previous} ${word}`;
      count(fnv1a(pair, 0, pair.length, wordSeed));
    }
    previous = word;
  }
  // How long the text is, as a feature the model weighs: a one- or two-word question
  // ("instructions?", "thanks!") has too few n-grams to be judged by them alone.
  const length = `#words:${lengthBucket(words)}`;
  count(fnv1a(length, 0, length.length, wordSeed));
  let norm = 0;
  for (const value of counts.values()) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  for (const [bucket, value] of counts) counts.set(bucket, value / norm);
  return counts;
}

/**
 * Whether a text carries enough n-grams for the scorer to judge it: three words or 24
 * characters ("instructions?", "summarize" and "thanks!" do not; a CJK sentence without
 * spaces does). A shorter text is left to the signals.
 */
export function enoughToScore(text: string): boolean {
  const canonical = canonicalize(text.length > 200 ? text.slice(0, 200) : text).trim();
  return canonical.length >= 24 || (canonical.match(wordPattern) ?? []).length >= 3;
}

export const sigmoid = (value: number): number => 1 / (1 + Math.exp(-value));

/** A loaded scorer: the probability that a text is an attack, and the threshold to act on it. */
export type NgramScorer = InjectionScorer;

/** A scorer from weights (checked: a wrong file fails at start, not at the first screen). */
export function createNgramScorer(weights: ScorerWeights): NgramScorer {
  if (weights.buckets !== buckets || weights.weights.length !== buckets || !(weights.threshold > 0 && weights.threshold < 1) || weights.features !== featureSet) {
    throw new RangeError(`n-gram scorer weights must have ${buckets} buckets, a threshold in (0, 1) and features ${featureSet}`);
  }
  // Only the bias and the dense copy are kept: the parsed weights array (256 KB) is garbage after start.
  const { bias, threshold } = weights;
  const dense = Float64Array.from(weights.weights);
  return {
    threshold,
    probability(text) {
      let sum = bias;
      for (const [bucket, value] of features(text)) sum += dense[bucket]! * value;
      return sigmoid(sum);
    },
  };
}

/** The shipped weights, read once. */
export function loadShippedScorer(): NgramScorer {
  return createNgramScorer(JSON.parse(readFileSync(new URL('./ngram-weights.json', import.meta.url), 'utf8')) as ScorerWeights);
}
