import { Redis } from 'ioredis';

export const testRedisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A connection to the test Redis; fails (never skips) when it does not answer. */
export async function connectTestRedis(): Promise<Redis> {
  const redis = new Redis(testRedisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3_000 });
  await redis.connect();
  await redis.ping();
  return redis;
}
