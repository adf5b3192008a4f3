import { describe, expect, it } from 'vitest';
import { periodKeys } from '../../../src/guard/throttle/throttle-store.js';

describe('periodKeys', () => {
  const fresh = (now: number) => {
    const iso = new Date(now).toISOString();
    return { day: iso.slice(0, 10), month: iso.slice(0, 7) };
  };

  it('names the UTC day and month of any instant, across day, month and year ends, in any order', () => {
    const day = 86_400_000;
    const instants = [
      Date.UTC(2026, 11, 7, 1, 2, 3),
      Date.UTC(2026, 11, 7, 23, 59, 59, 999),
      Date.UTC(2026, 11, 8),
      Date.UTC(2026, 11, 31, 23, 59, 59, 999),
      Date.UTC(2027, 0, 1),
      Date.UTC(2026, 11, 7, 12),
      0,
      -1,
      -day,
      -day - 1,
      1,
      Date.UTC(2024, 1, 29, 12),
      Date.UTC(2024, 1, 28, 23, 59, 59, 999),
    ];
    for (const now of [...instants, ...instants.reverse()]) expect(periodKeys(now)).toEqual(fresh(now));
  });

  it('gives the same strings again within a day', () => {
    const now = Date.UTC(2026, 11, 7, 1);
    expect(periodKeys(now + 1_000).day).toBe(periodKeys(now).day);
  });
});
