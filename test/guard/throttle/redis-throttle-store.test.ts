import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisThrottleStore } from '../../../src/guard/throttle/redis-throttle-store.js';
import { connectTestRedis } from '../../support/redis.js';
import { throttleStoreContract } from './throttle-store-contract.js';

const connections: Redis[] = [];
const prefix = `test-${randomUUID()}`;

afterAll(async () => {
  const [redis] = connections;
  if (redis) {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  }
  for (const connection of connections) connection.disconnect();
});

throttleStoreContract('Redis', async () => {
  const redis = await connectTestRedis();
  connections.push(redis);
  return createRedisThrottleStore(redis, prefix);
});

describe('Redis throttle store across connections', () => {
  it('is atomic: 40 concurrent acquisitions from 4 connections take exactly the limit', async () => {
    const stores = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const redis = await connectTestRedis();
        connections.push(redis);
        return createRedisThrottleStore(redis, prefix);
      }),
    );
    const account = `race-${randomUUID()}`;
    const limits = { requestsPerMinute: 10, concurrentGenerations: 1_000, tokensPerDay: 0, tokensPerMonth: 0, reservedShare: 0 };
    const now = Date.now();
    const decisions = await Promise.all(Array.from({ length: 40 }, (_, index) => stores[index % 4]!.acquire(account, limits, 'normal', now, 60_000)));
    expect(decisions.filter((decision) => decision.ok)).toHaveLength(10);
  });
});
