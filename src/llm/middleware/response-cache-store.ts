/**
 * Where the exact response cache keeps answers: in process (bounded, oldest evicted first) or
 * in Redis (shared by replicas, expired by Redis). Values are JSON text; expiry follows the
 * injected clock in memory, so tests move time instead of waiting.
 */

/** A cache of JSON texts by key, each with its own time to live. */
export interface ResponseCacheStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
}

/** An in-process store of at most `maxEntries` answers. */
export function createMemoryResponseCacheStore(options: { maxEntries?: number; now?: () => number } = {}): ResponseCacheStore {
  const maxEntries = options.maxEntries ?? 1_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: string; expiresAt: number }>();
  return {
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return null;
      }
      return entry.value;
    },
    async set(key, value, ttlMs) {
      entries.delete(key);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { value, expiresAt: now() + ttlMs });
    },
  };
}

/** The part of an ioredis client the Redis store uses. */
export interface RedisLike {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, mode: 'PX', ttlMs: number): Promise<unknown>;
}

/** A store in Redis under `prefix` (the deployment's REDIS_KEY_PREFIX). */
export function createRedisResponseCacheStore(redis: RedisLike, prefix: string): ResponseCacheStore {
  return {
    get: (key) => redis.get(`${prefix}:response-cache:${key}`),
    async set(key, value, ttlMs) {
      await redis.set(`${prefix}:response-cache:${key}`, value, 'PX', Math.max(1, Math.round(ttlMs)));
    },
  };
}
