/**
 * Per-account limits on AI operations, in one place for every feature: a request rate
 * (operations per minute, token bucket), concurrent generations (leases), and token budgets
 * per day and per month. Two implementations: in-process (one replica) and Redis (atomic
 * across replicas, with Lua scripts).
 *
 * Priority: work for a P1/P2 or high-urgency incident may use the whole limit; other work
 * leaves `reservedShare` of it free, so it never delays urgent work.
 */
import type { AccountLimits } from '../../config/account-settings.js';

export type WorkPriority = 'high' | 'normal';

export type { AccountLimits };
export type ThrottleDecision =
  | { ok: true; lease: string }
  | { ok: false; reason: 'rate' | 'concurrency' | 'budget_day' | 'budget_month'; retryAfterSeconds: number };

export interface ThrottleStore {
  /**
   * Takes one operation from the rate and one concurrency lease, if the budgets are not spent.
   * A lease expires by itself after `leaseMs` (a crashed replica does not hold it forever).
   */
  acquire(accountId: string, limits: AccountLimits, priority: WorkPriority, now: number, leaseMs: number): Promise<ThrottleDecision>;
  release(accountId: string, lease: string): Promise<void>;
  /** Adds tokens used to the day and month budgets. */
  consume(accountId: string, tokens: number, now: number): Promise<void>;
  close(): Promise<void>;
}

/** Seconds until the end of the UTC day / month of `now`. */
export function secondsToPeriodEnd(period: 'day' | 'month', now: number): number {
  const date = new Date(now);
  const end =
    period === 'day'
      ? Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1)
      : Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  return Math.max(1, Math.ceil((end - now) / 1000));
}

/** Period keys: `2026-11-28` and `2026-11`. */
export function periodKeys(now: number): { day: string; month: string } {
  // Every operation asks twice (acquire, consume) and the answer changes once a day: the last
  // day's keys are kept (the same strings, so the budget maps do not hash new ones each time).
  if (now >= lastDay.start && now < lastDay.end) return lastDay.keys;
  const iso = new Date(now).toISOString();
  const keys = Object.freeze({ day: iso.slice(0, 10), month: iso.slice(0, 7) });
  const start = Math.floor(now / dayMs) * dayMs;
  // Outside the Date range (NaN, ±8.64e15 ms and beyond) nothing is kept: toISOString threw above.
  lastDay = { start, end: start + dayMs, keys };
  return keys;
}

const dayMs = 86_400_000;
let lastDay: { start: number; end: number; keys: { day: string; month: string } } = { start: 0, end: 0, keys: { day: '', month: '' } };

/** The usable part of a limit for a priority. */
export function usableLimit(limit: number, priority: WorkPriority, reservedShare: number): number {
  return priority === 'high' ? limit : Math.max(1, Math.floor(limit * (1 - reservedShare)));
}
