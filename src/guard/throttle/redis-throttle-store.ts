/**
 * Throttle state in Redis, shared by every replica. Each decision is one Lua script, so it
 * is atomic: two replicas never both take the last operation of a minute. Keys carry the
 * account in a hash tag (`{account}`) so a Redis Cluster keeps them on one slot.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { periodKeys, secondsToPeriodEnd, usableLimit, type ThrottleStore } from './throttle-store.js';

// KEYS: bucket, leases, usage day, usage month
// ARGV: now(ms), capacity, floor, lease limit, lease id, lease expiry(ms), day limit, month limit
// Returns {1, 0} when taken, or {0, code, retryAfterSeconds*1000}: code 1 rate, 2 concurrency, 3 day, 4 month.
const acquireScript = `
local now = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local floor = tonumber(ARGV[3])
local leaseLimit = tonumber(ARGV[4])
local dayLimit = tonumber(ARGV[7])
local monthLimit = tonumber(ARGV[8])
if dayLimit > 0 and tonumber(redis.call('GET', KEYS[3]) or '0') >= dayLimit then return {0, 3, 0} end
if monthLimit > 0 and tonumber(redis.call('GET', KEYS[4]) or '0') >= monthLimit then return {0, 4, 0} end
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
local perMs = capacity / 60000
tokens = math.min(capacity, tokens + math.max(0, now - at) * perMs)
if tokens - 1 < floor then
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
  redis.call('PEXPIRE', KEYS[1], 120000)
  return {0, 1, math.ceil((floor + 1 - tokens) / perMs)}
end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZCARD', KEYS[2]) >= leaseLimit then
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
  redis.call('PEXPIRE', KEYS[1], 120000)
  return {0, 2, 1000}
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens - 1), 'at', now)
redis.call('PEXPIRE', KEYS[1], 120000)
redis.call('ZADD', KEYS[2], ARGV[6], ARGV[5])
redis.call('PEXPIRE', KEYS[2], math.max(1, tonumber(ARGV[6]) - now))
return {1, 0, 0}
`;

const reasons = { 1: 'rate', 2: 'concurrency', 3: 'budget_day', 4: 'budget_month' } as const;

export function createRedisThrottleStore(redis: Redis, prefix = 'incident-ai'): ThrottleStore {
  const keysOf = (accountId: string, now: number) => {
    const { day, month } = periodKeys(now);
    const base = `${prefix}:{${accountId}}`;
    return { bucket: `${base}:bucket`, leases: `${base}:leases`, day: `${base}:tokens:${day}`, month: `${base}:tokens:${month}` };
  };

  return {
    async acquire(accountId, limits, priority, now, leaseMs) {
      const keys = keysOf(accountId, now);
      const capacity = limits.requestsPerMinute;
      const floor = priority === 'high' ? 0 : capacity - usableLimit(capacity, priority, limits.reservedShare);
      const lease = randomUUID();
      const [taken, code, retryMs] = (await redis.eval(
        acquireScript,
        4,
        keys.bucket,
        keys.leases,
        keys.day,
        keys.month,
        now,
        capacity,
        floor,
        usableLimit(limits.concurrentGenerations, priority, limits.reservedShare),
        lease,
        now + leaseMs,
        limits.tokensPerDay,
        limits.tokensPerMonth,
      )) as [number, 1 | 2 | 3 | 4 | 0, number];
      if (taken === 1) return { ok: true, lease };
      const reason = reasons[code as 1 | 2 | 3 | 4];
      const retryAfterSeconds =
        reason === 'budget_day' ? secondsToPeriodEnd('day', now) : reason === 'budget_month' ? secondsToPeriodEnd('month', now) : Math.max(1, Math.ceil(retryMs / 1000));
      return { ok: false, reason, retryAfterSeconds };
    },

    async release(accountId, lease) {
      await redis.zrem(keysOf(accountId, Date.now()).leases, lease);
    },

    async consume(accountId, tokens, now) {
      const keys = keysOf(accountId, now);
      await redis
        .multi()
        .incrby(keys.day, tokens)
        .expire(keys.day, secondsToPeriodEnd('day', now) + 3_600)
        .incrby(keys.month, tokens)
        .expire(keys.month, secondsToPeriodEnd('month', now) + 3_600)
        .exec();
    },

    async close() {
      // The connection belongs to the caller.
    },
  };
}
