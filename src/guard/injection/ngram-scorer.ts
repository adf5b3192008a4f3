/**
 * A learned scorer next to the signals: logistic regression over hashed character n-grams (3
 * to 5 characters of the canonical text). It catches phrasings no pattern lists, at ~50 µs per
 * screen. The weights (ngram-weights.json) are written by bench/injection-scorer/train.ts from
 * the rows we may tune on only; see docs/decisions/2026-12-06-injection-generalized.md.
 */
import { readFileSync } from 'node:fs';
import { canonicalize } from './normalize.js';
import type { InjectionScorer } from './types.js';

export const buckets = 1 << 15;
const maxCharacters = 2_000;

/** Weights of the model as written by train.ts. */
export interface ScorerWeights {
  buckets: number;
  bias: number;
  /** One weight per bucket. */
  weights: number[];
  /** Probability at or above which the scorer says "attack", chosen by cross-validation on the training rows. */
  threshold: number;
}

function fnv1a(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % buckets;
}

/** Bucket -> L2-normalized count of the n-grams of `text`. */
export function features(text: string): Map<number, number> {
  const canonical = ` ${canonicalize(text).slice(0, maxCharacters)} `;
  const counts = new Map<number, number>();
  for (let size = 3; size <= 5; size += 1) {
    for (let start = 0; start + size <= canonical.length; start += 1) {
      const bucket = fnv1a(canonical, start, start + size);
      counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
    }
  }
  let norm = 0;
  for (const value of counts.values()) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  for (const [bucket, value] of counts) counts.set(bucket, value / norm);
  return counts;
}

export const sigmoid = (value: number): number => 1 / (1 + Math.exp(-value));

/** A loaded scorer: the probability that a text is an attack, and the threshold to act on it. */
export type NgramScorer = InjectionScorer;

/** A scorer from weights (checked: a wrong file fails at start, not at the first screen). */
export function createNgramScorer(weights: ScorerWeights): NgramScorer {
  if (weights.buckets !== buckets || weights.weights.length !== buckets || !(weights.threshold > 0 && weights.threshold < 1)) {
    throw new RangeError(`n-gram scorer weights must have ${buckets} buckets and a threshold in (0, 1)`);
  }
  const dense = Float64Array.from(weights.weights);
  return {
    threshold: weights.threshold,
    probability(text) {
      let sum = weights.bias;
      for (const [bucket, value] of features(text)) sum += dense[bucket]! * value;
      return sigmoid(sum);
    },
  };
}

/** The shipped weights, read once. */
export function loadShippedScorer(): NgramScorer {
  return createNgramScorer(JSON.parse(readFileSync(new URL('./ngram-weights.json', import.meta.url), 'utf8')) as ScorerWeights);
}
