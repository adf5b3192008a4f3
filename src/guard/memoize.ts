/**
 * A bounded memo for pure guard functions over text. Incidents are read far more often than
 * they change, so the same notes, alerts and prompts are screened and redacted again and
 * again: the second time costs a lookup. Oldest entries are evicted first.
 *
 * A long key is found without hashing it. A `Map` lookup hashes its key, and V8 hashes a string
 * over its whole length the first time it is used as a key; a prompt is a new string on every
 * request (its spotlight marker and canary are random), so a plain `Map` spent ~10 µs per 7 KB
 * prompt hashing it (measured in `bench/draft-path-cpu.ts`). Long keys are indexed by a
 * fingerprint of their length and a few sampled characters instead, and a candidate is taken
 * only when `===` (a plain content comparison) says it is the same text: a result is never
 * returned for another key.
 */

/** Keys this long or longer are looked up by fingerprint. */
const longKeyLength = 512;
/** Sampled characters per fingerprint. */
const samples = 32;
/** Long keys kept per fingerprint; more (same length, same samples) are looked up by hashing. */
const maxPerFingerprint = 8;

/** Length and sampled characters of a key: equal texts have equal fingerprints. */
function fingerprint(key: string): number {
  const length = key.length;
  const step = Math.max(1, Math.floor(length / samples));
  let hash = length | 0;
  for (let index = step >> 1; index < length; index += step) hash = Math.imul(hash ^ key.charCodeAt(index), 0x9e3779b1);
  return Math.imul(hash ^ key.charCodeAt(length - 1), 0x85ebca6b) >>> 0;
}

export function memoizeText<Result>(compute: (key: string) => Result, options: { maxEntries: number; maxKeyLength: number }): (key: string) => Result {
  // Insertion order is recency: a hit is moved to the end, the first entry is the oldest.
  const cache = new Map<string, Result>();
  // Stored long keys by fingerprint: found by `===`, then read from `cache` with a key whose hash V8 already holds.
  const longKeys = new Map<number, string[]>();

  /** The stored key with the same text as `key`, or undefined. */
  function storedLongKey(key: string, bucket: string[] | undefined): string | undefined {
    if (bucket) {
      for (const stored of bucket) if (stored === key) return stored;
      // A full bucket: later keys of this fingerprint were stored unindexed.
      if (bucket.length >= maxPerFingerprint && cache.has(key)) return key;
    }
    return undefined;
  }

  function evictOldest(): void {
    const oldest = cache.keys().next().value!;
    cache.delete(oldest);
    if (oldest.length < longKeyLength) return;
    const print = fingerprint(oldest);
    const bucket = longKeys.get(print);
    const index = bucket?.indexOf(oldest) ?? -1;
    if (index === -1) return;
    bucket!.splice(index, 1);
    if (bucket!.length === 0) longKeys.delete(print);
  }

  return (key) => {
    if (key.length > options.maxKeyLength) return compute(key);
    const long = key.length >= longKeyLength;
    const print = long ? fingerprint(key) : 0;
    const bucket = long ? longKeys.get(print) : undefined;
    const stored = long ? storedLongKey(key, bucket) : key;
    if (stored !== undefined) {
      const hit = cache.get(stored);
      if (hit !== undefined) {
        // refresh recency
        cache.delete(stored);
        cache.set(stored, hit);
        return hit;
      }
    }
    const result = compute(key);
    if (cache.size >= options.maxEntries) evictOldest();
    cache.set(key, result);
    if (long) {
      // evictOldest may have emptied and dropped this fingerprint's bucket: read it again.
      const current = longKeys.get(print);
      if (!current) longKeys.set(print, [key]);
      else if (current.length < maxPerFingerprint) current.push(key);
    }
    return result;
  };
}
