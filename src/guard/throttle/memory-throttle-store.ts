import { randomUUID } from 'node:crypto';
import { periodKeys, secondsToPeriodEnd, usableLimit, type ThrottleStore } from './throttle-store.js';

interface AccountState {
  /** Token bucket of operations: tokens left and when they were counted. */
  tokens: number;
  refilledAt: number;
  leases: Map<string, number>;
  usage: Map<string, number>;
}

/** Throttle state in this process: right for one replica (the embedded default). */
export function createMemoryThrottleStore(): ThrottleStore {
  const accounts = new Map<string, AccountState>();

  function stateOf(accountId: string, capacity: number, now: number): AccountState {
    let state = accounts.get(accountId);
    if (!state) {
      state = { tokens: capacity, refilledAt: now, leases: new Map(), usage: new Map() };
      accounts.set(accountId, state);
    }
    return state;
  }

  return {
    async acquire(accountId, limits, priority, now, leaseMs) {
      const capacity = limits.requestsPerMinute;
      const state = stateOf(accountId, capacity, now);
      const { day, month } = periodKeys(now);
      if (limits.tokensPerDay > 0 && (state.usage.get(day) ?? 0) >= limits.tokensPerDay) {
        return { ok: false, reason: 'budget_day', retryAfterSeconds: secondsToPeriodEnd('day', now) };
      }
      if (limits.tokensPerMonth > 0 && (state.usage.get(month) ?? 0) >= limits.tokensPerMonth) {
        return { ok: false, reason: 'budget_month', retryAfterSeconds: secondsToPeriodEnd('month', now) };
      }

      const perMs = capacity / 60_000;
      state.tokens = Math.min(capacity, state.tokens + (now - state.refilledAt) * perMs);
      state.refilledAt = now;
      // Normal work may not dip into the reserved part of the bucket.
      const floor = priority === 'high' ? 0 : capacity - usableLimit(capacity, priority, limits.reservedShare);
      if (state.tokens - 1 < floor) {
        return { ok: false, reason: 'rate', retryAfterSeconds: Math.max(1, Math.ceil((floor + 1 - state.tokens) / perMs / 1000)) };
      }

      for (const [lease, expiresAt] of state.leases) if (expiresAt <= now) state.leases.delete(lease);
      if (state.leases.size >= usableLimit(limits.concurrentGenerations, priority, limits.reservedShare)) {
        return { ok: false, reason: 'concurrency', retryAfterSeconds: 1 };
      }
      state.tokens -= 1;
      const lease = randomUUID();
      state.leases.set(lease, now + leaseMs);
      return { ok: true, lease };
    },

    async release(accountId, lease) {
      accounts.get(accountId)?.leases.delete(lease);
    },

    async consume(accountId, tokens, now) {
      const state = stateOf(accountId, 0, now);
      const { day, month } = periodKeys(now);
      for (const key of state.usage.keys()) if (key !== day && key !== month) state.usage.delete(key);
      state.usage.set(day, (state.usage.get(day) ?? 0) + tokens);
      state.usage.set(month, (state.usage.get(month) ?? 0) + tokens);
    },

    async close() {
      accounts.clear();
    },
  };
}
