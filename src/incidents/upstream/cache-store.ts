/**
 * Where cached source records live: process memory, or Redis shared by replicas. Values are
 * JSON strings with a TTL. A Redis that is down is a miss, never an error: the source answers.
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

export interface CacheStore {
  getMany(keys: readonly string[]): Promise<(string | null)[]>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
}

/** A bounded in-memory store; the oldest entry goes first when full. */
export function createMemoryCacheStore(options: { maxEntries?: number; clock?: { now(): number } } = {}): CacheStore {
  const maxEntries = options.maxEntries ?? 1_000;
  const clock = options.clock ?? Date;
  const entries = new Map<string, { value: string; expiresAt: number }>();
  return {
    async getMany(keys) {
      return keys.map((key) => {
        const entry = entries.get(key);
        if (!entry) return null;
        if (entry.expiresAt <= clock.now()) {
          entries.delete(key);
          return null;
        }
        return entry.value;
      });
    },
    async set(key, value, ttlMs) {
      entries.delete(key);
      entries.set(key, { value, expiresAt: clock.now() + ttlMs });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    async delete(keys) {
      for (const key of keys) entries.delete(key);
    },
  };
}

/** A Redis store under `prefix`; failures are logged once per outage and read as misses. */
export function createRedisCacheStore(redis: Redis, prefix: string, logger: Logger): CacheStore {
  let failing = false;
  const guarded = async <T>(work: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      const result = await work();
      failing = false;
      return result;
    } catch (error) {
      if (!failing) logger.warn({ err: error }, 'incident cache: redis unavailable, reading from the sources');
      failing = true;
      return fallback;
    }
  };
  const full = (key: string): string => `${prefix}:${key}`;
  return {
    getMany: (keys) => (keys.length === 0 ? Promise.resolve([]) : guarded(() => redis.mget(...keys.map(full)), keys.map(() => null))),
    set: (key, value, ttlMs) => guarded(async () => void (await redis.set(full(key), value, 'PX', Math.max(1, Math.round(ttlMs)))), undefined),
    delete: (keys) => (keys.length === 0 ? Promise.resolve() : guarded(async () => void (await redis.del(...keys.map(full))), undefined)),
  };
}
