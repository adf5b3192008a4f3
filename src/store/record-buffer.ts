/**
 * Takes records off the request path: `add` is synchronous and never throws; records are
 * written in batches; a failed write is retried with backoff while the buffer holds them.
 * When the buffer is full, `add` reports it and the record is counted as dropped (and
 * `/readyz` turns not ready so traffic moves elsewhere). Writes must be idempotent (the
 * records carry their own keys): a batch that failed after it was stored is stored once.
 */
import type { Logger } from 'pino';

export interface RecordBufferOptions<T> {
  name: string;
  write: (batch: T[]) => Promise<void>;
  logger: Logger;
  /** Records held at most. */
  capacity?: number;
  /** Records per write. */
  maxBatch?: number;
  /** Longest a record waits before its batch is written (ms). */
  flushIntervalMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
}

export interface RecordBuffer<T> {
  /** False when the buffer is full and the record was dropped. */
  add(record: T): boolean;
  /** Writes everything held now; retries until done or `deadline` (epoch ms) passes. */
  flush(deadline?: number): Promise<void>;
  readonly size: number;
  readonly dropped: number;
  /** True when the buffer is more than 90% full. */
  readonly saturated: boolean;
}

export function createRecordBuffer<T>(options: RecordBufferOptions<T>): RecordBuffer<T> {
  const capacity = options.capacity ?? 10_000;
  const maxBatch = options.maxBatch ?? 500;
  const flushIntervalMs = options.flushIntervalMs ?? 200;
  const retryBaseMs = options.retryBaseMs ?? 200;
  const retryMaxMs = options.retryMaxMs ?? 10_000;
  let pending: T[] = [];
  let dropped = 0;
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> | null = null;
  let failures = 0;

  function schedule(delay: number): void {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void writeSome();
    }, delay);
    timer.unref();
  }

  async function writeSome(): Promise<void> {
    if (writing) return writing;
    if (pending.length === 0) return;
    const batch = pending.slice(0, maxBatch);
    writing = options
      .write(batch)
      .then(() => {
        pending = pending.slice(batch.length);
        failures = 0;
      })
      .catch((error: unknown) => {
        failures += 1;
        options.logger.warn({ err: error, buffer: options.name, held: pending.length, failures }, 'record write failed; will retry');
      })
      .finally(() => {
        writing = null;
        if (pending.length > 0) schedule(failures === 0 ? 0 : Math.min(retryMaxMs, retryBaseMs * 2 ** (failures - 1)));
      });
    return writing;
  }

  return {
    add(record) {
      if (pending.length >= capacity) {
        dropped += 1;
        options.logger.error({ buffer: options.name, capacity }, 'record buffer full; record dropped');
        return false;
      }
      pending.push(record);
      if (pending.length >= maxBatch) void writeSome();
      else schedule(flushIntervalMs);
      return true;
    },
    async flush(deadline = Number.POSITIVE_INFINITY) {
      while (pending.length > 0 || writing) {
        if (Date.now() > deadline) {
          options.logger.error({ buffer: options.name, held: pending.length }, 'record buffer not flushed before the deadline');
          return;
        }
        await (writing ?? writeSome());
        if (failures > 0 && pending.length > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, retryBaseMs * failures)));
      }
    },
    get size() {
      return pending.length;
    },
    get dropped() {
      return dropped;
    },
    get saturated() {
      return pending.length >= capacity * 0.9;
    },
  };
}
