import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AccountLimits, ThrottleStore } from '../../../src/guard/throttle/throttle-store.js';

const limits: AccountLimits = { requestsPerMinute: 8, concurrentGenerations: 4, tokensPerDay: 0, tokensPerMonth: 0, reservedShare: 0.25 };
const start = Date.UTC(2026, 10, 28, 10, 0, 0);
const lease = 60_000;

/** The behaviour every throttle store must have; run against memory and Redis. */
export function throttleStoreContract(name: string, open: () => Promise<ThrottleStore>): void {
  const account = () => `account-${randomUUID()}`;

  describe(`${name} throttle store`, () => {
    it('lets normal work take the unreserved part of the rate, and high-priority work the rest', async () => {
      const store = await open();
      const id = account();
      const normal = [];
      for (let i = 0; i < 8; i += 1) {
        const decision = await store.acquire(id, { ...limits, concurrentGenerations: 100 }, 'normal', start, lease);
        normal.push(decision.ok);
      }
      expect(normal.filter(Boolean)).toHaveLength(6); // 8 × (1 − 0.25)
      const refused = await store.acquire(id, { ...limits, concurrentGenerations: 100 }, 'normal', start, lease);
      expect(refused).toMatchObject({ ok: false, reason: 'rate' });
      expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect((await store.acquire(id, { ...limits, concurrentGenerations: 100 }, 'high', start, lease)).ok).toBe(true);
      expect((await store.acquire(id, { ...limits, concurrentGenerations: 100 }, 'high', start, lease)).ok).toBe(true);
      expect((await store.acquire(id, { ...limits, concurrentGenerations: 100 }, 'high', start, lease)).ok).toBe(false);
      await store.close();
    });

    it('refills the rate over time', async () => {
      const store = await open();
      const id = account();
      const relaxed = { ...limits, concurrentGenerations: 100 };
      for (let i = 0; i < 6; i += 1) await store.acquire(id, relaxed, 'normal', start, lease);
      expect((await store.acquire(id, relaxed, 'normal', start, lease)).ok).toBe(false);
      // 8 per minute: one operation every 7.5 s
      expect((await store.acquire(id, relaxed, 'normal', start + 8_000, lease)).ok).toBe(true);
      await store.close();
    });

    it('limits concurrent generations, frees a lease on release and on expiry', async () => {
      const store = await open();
      const id = account();
      const roomy = { ...limits, requestsPerMinute: 1_000 };
      const leases: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        const decision = await store.acquire(id, roomy, 'normal', start, lease);
        expect(decision.ok).toBe(true);
        if (decision.ok) leases.push(decision.lease);
      }
      expect(await store.acquire(id, roomy, 'normal', start, lease)).toMatchObject({ ok: false, reason: 'concurrency' });
      expect((await store.acquire(id, roomy, 'high', start, lease)).ok).toBe(true); // the reserved fourth
      // 4 running (3 normal + 1 high): normal work waits until it is below its share of 3
      await store.release(id, leases[0]!);
      expect((await store.acquire(id, roomy, 'normal', start, lease)).ok).toBe(false);
      await store.release(id, leases[1]!);
      expect((await store.acquire(id, roomy, 'normal', start, lease)).ok).toBe(true);
      // every lease expired: all free again
      expect((await store.acquire(id, roomy, 'normal', start + lease + 1, lease)).ok).toBe(true);
      await store.close();
    });

    it('frees a short lease taken after a long one when the short one expires', async () => {
      const store = await open();
      const id = account();
      const roomy = { ...limits, requestsPerMinute: 1_000 };
      expect((await store.acquire(id, roomy, 'normal', start, lease * 10)).ok).toBe(true);
      expect((await store.acquire(id, roomy, 'normal', start, lease * 10)).ok).toBe(true);
      expect((await store.acquire(id, roomy, 'normal', start + 1, lease)).ok).toBe(true);
      expect(await store.acquire(id, roomy, 'normal', start + 2, lease)).toMatchObject({ ok: false, reason: 'concurrency' });
      // the short lease expired, the long ones did not: one place again, and only one
      expect((await store.acquire(id, roomy, 'normal', start + lease + 2, lease)).ok).toBe(true);
      expect(await store.acquire(id, roomy, 'normal', start + lease + 3, lease)).toMatchObject({ ok: false, reason: 'concurrency' });
      await store.close();
    });

    it('refuses when the day or month budget is spent, until the period ends', async () => {
      const store = await open();
      const id = account();
      const budgeted = { ...limits, requestsPerMinute: 1_000, concurrentGenerations: 100, tokensPerDay: 1_000, tokensPerMonth: 1_500 };
      expect((await store.acquire(id, budgeted, 'high', start, lease)).ok).toBe(true);
      await store.consume(id, 1_000, start);
      const day = await store.acquire(id, budgeted, 'high', start, lease);
      expect(day).toMatchObject({ ok: false, reason: 'budget_day', retryAfterSeconds: 14 * 3600 });
      const nextDay = start + 24 * 3600_000;
      expect((await store.acquire(id, budgeted, 'high', nextDay, lease)).ok).toBe(true);
      await store.consume(id, 600, nextDay);
      expect(await store.acquire(id, budgeted, 'high', nextDay, lease)).toMatchObject({ ok: false, reason: 'budget_month' });
      await store.close();
    });

    it('keeps accounts apart', async () => {
      const store = await open();
      const [a, b] = [account(), account()];
      const tight = { ...limits, requestsPerMinute: 1, reservedShare: 0 };
      expect((await store.acquire(a, tight, 'normal', start, lease)).ok).toBe(true);
      expect((await store.acquire(a, tight, 'normal', start, lease)).ok).toBe(false);
      expect((await store.acquire(b, tight, 'normal', start, lease)).ok).toBe(true);
      await store.close();
    });
  });
}
