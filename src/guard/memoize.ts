/**
 * A bounded memo for pure guard functions over text. Incidents are read far more often than
 * they change, so the same notes, alerts and prompts are screened and redacted again and
 * again: the second time costs a map lookup. Oldest entries are evicted first.
 */
export function memoizeText<Result>(compute: (key: string) => Result, options: { maxEntries: number; maxKeyLength: number }): (key: string) => Result {
  const cache = new Map<string, Result>();
  return (key) => {
    if (key.length > options.maxKeyLength) return compute(key);
    const hit = cache.get(key);
    if (hit !== undefined) {
      // refresh recency
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const result = compute(key);
    if (cache.size >= options.maxEntries) cache.delete(cache.keys().next().value!);
    cache.set(key, result);
    return result;
  };
}
