/** Bounded concurrency over a list (the postmortem's map stage, the evaluation runner). */

/**
 * Runs `work` over `items` with at most `limit` at once; results in the items' order. After a
 * failure no new item is started, and the first failure rejects.
 */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const position = next;
      next += 1;
      try {
        results[position] = await work(items[position]!, position);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
