import { describe, expect, it } from 'vitest';
import { createRandomPool } from '../../src/guard/random-pool.js';

describe('random pool', () => {
  it('hands out the sizes asked for, never the same bytes twice, across refills', () => {
    const random = createRandomPool(64);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const bytes = random(12);
      expect(bytes).toHaveLength(12);
      const hex = Buffer.from(bytes).toString('hex');
      expect(seen.has(hex)).toBe(false);
      seen.add(hex);
    }
  });

  it('gives copies that a refill does not change', () => {
    const random = createRandomPool(16);
    const first = random(16);
    const kept = Buffer.from(first).toString('hex');
    random(16); // refills the pool
    expect(Buffer.from(first).toString('hex')).toBe(kept);
  });

  it('serves a request larger than the pool, and refuses a bad size', () => {
    const random = createRandomPool(8);
    expect(random(100)).toHaveLength(100);
    expect(random(0)).toHaveLength(0);
    expect(() => random(-1)).toThrow(RangeError);
  });
});
