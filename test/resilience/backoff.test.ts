import { describe, expect, it } from 'vitest';
import { backoffDelay, retryDecision } from '../../src/resilience/backoff.js';

const settings = { baseMs: 100, maxMs: 1_000, maxRetryAfterMs: 5_000 };

describe('backoffDelay', () => {
  it('doubles the cap with each retry, up to the maximum', () => {
    const top = () => 0.999_999;
    expect([0, 1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, settings, top))).toEqual([99, 199, 399, 799, 999, 999]);
  });

  it('applies full jitter: random() times the cap', () => {
    expect(backoffDelay(2, settings, () => 0.5)).toBe(200);
    expect(backoffDelay(2, settings, () => 0)).toBe(0);
    expect(backoffDelay(0, settings, () => 0.25)).toBe(25);
  });

  it('stays within [0, cap] for any random value', () => {
    expect(backoffDelay(1, settings, () => 7)).toBe(200);
    expect(backoffDelay(1, settings, () => -1)).toBe(0);
  });
});

describe('retryDecision', () => {
  it('waits the backoff without Retry-After', () => {
    expect(retryDecision(1, null, settings, () => 0.5)).toEqual({ wait: true, delayMs: 100 });
  });

  it('waits at least the Retry-After', () => {
    expect(retryDecision(0, 3_000, settings, () => 0.5)).toEqual({ wait: true, delayMs: 3_000 });
  });

  it('keeps the backoff when it is longer than the Retry-After', () => {
    expect(retryDecision(3, 10, settings, () => 0.5)).toEqual({ wait: true, delayMs: 400 });
  });

  it('accepts a Retry-After exactly at the limit', () => {
    expect(retryDecision(0, 5_000, settings, () => 0)).toEqual({ wait: true, delayMs: 5_000 });
  });

  it('does not wait for a Retry-After beyond the limit', () => {
    expect(retryDecision(0, 5_001, settings, () => 0)).toEqual({ wait: false, reason: 'retry_after_too_long', retryAfterMs: 5_001 });
  });
});
