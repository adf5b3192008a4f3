import { randomUUID } from 'node:crypto';
import { periodKeys, secondsToPeriodEnd, usableLimit, type ThrottleStore } from './throttle-store.js';

interface AccountState {
  /** Token bucket of operations: tokens left and when they were counted. */
  tokens: number;
  refilledAt: number;
  leases: Map<string, number>;
  /** No lease expires before this (epoch ms): leases are swept only once it has passed. */
  nextExpiry: number;
  usage: Map<string, number>;
}

/** Throttle state in this process: right for one replica (the embedded default). */
export function createMemoryThrottleStore(): ThrottleStore {
  const accounts = new Map<string, AccountState>();

  function stateOf(accountId: string, capacity: number, now: number): AccountState {
    let state = accounts.get(accountId);
    if (!state) {
      state = { tokens: capacity, refilledAt: now, leases: new Map(), nextExpiry: Number.POSITIVE_INFINITY, usage: new Map() };
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

      // A sweep walks every lease: done when one may have expired, not on every acquire (under
      // load hundreds are held, and walking them all per request cost more than the request).
      if (state.nextExpiry <= now) sweepExpired(state, now);
      if (state.leases.size >= usableLimit(limits.concurrentGenerations, priority, limits.reservedShare)) {
        return { ok: false, reason: 'concurrency', retryAfterSeconds: 1 };
      }
      state.tokens -= 1;
      const lease = randomUUID();
      state.leases.set(lease, now + leaseMs);
      state.nextExpiry = Math.min(state.nextExpiry, now + leaseMs);
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

/** Drops the leases expired at `now` and notes when the next one expires. */
function sweepExpired(state: AccountState, now: number): void {
  let next = Number.POSITIVE_INFINITY;
  for (const [lease, expiresAt] of state.leases) {
    if (expiresAt <= now) state.leases.delete(lease);
    else next = Math.min(next, expiresAt);
  }
  state.nextExpiry = next;
}
