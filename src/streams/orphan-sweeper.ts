import type { Logger } from 'pino';
import { ErrorCode } from '../errors/error-codes.js';
import type { Store } from '../store/store.js';

export interface OrphanSweeperOptions {
  store: Store;
  logger: Logger;
  /** A draft still STREAMING this long after its last update is an orphan (ms). */
  orphanAfterMs: number;
  /** How often to look (ms). */
  intervalMs: number;
}

/**
 * Marks drafts left STREAMING by a process that died as FAILED, so no draft stays
 * STREAMING forever. Runs on every replica; the update is conditional, so two sweepers
 * never fight.
 */
export function startOrphanSweeper(options: OrphanSweeperOptions): { stop(): void; sweep(): Promise<string[]> } {
  const sweep = async (): Promise<string[]> => {
    try {
      const ids = await options.store.drafts.failOrphans(new Date(Date.now() - options.orphanAfterMs).toISOString(), {
        code: ErrorCode.GENERATION_INTERRUPTED,
        message: 'The process generating this draft stopped before finishing it; generate it again.',
      });
      if (ids.length > 0) options.logger.warn({ drafts: ids }, 'orphaned streaming drafts marked FAILED');
      return ids;
    } catch (error) {
      options.logger.warn({ err: error }, 'orphan sweep failed; will retry');
      return [];
    }
  };
  const timer = setInterval(() => void sweep(), options.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), sweep };
}
