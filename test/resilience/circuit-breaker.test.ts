import { describe, expect, it } from 'vitest';
import { createCircuitBreaker, type CircuitBreaker } from '../../src/resilience/circuit-breaker.js';

function setup(): { breaker: CircuitBreaker; clock: { now(): number; advance(ms: number): void } } {
  let now = 1_000_000;
  const clock = { now: () => now, advance: (ms: number) => void (now += ms) };
  return { breaker: createCircuitBreaker({ failureThreshold: 3, cooldownMs: 10_000, clock }), clock };
}

const fail = (breaker: CircuitBreaker, times: number): void => {
  for (let i = 0; i < times; i += 1) breaker.acquire()?.failure();
};

describe('circuit breaker', () => {
  it('opens after the threshold of consecutive failures and rejects at once', () => {
    const { breaker } = setup();
    fail(breaker, 2);
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 2 });
    fail(breaker, 1);
    expect(breaker.snapshot()).toMatchObject({ state: 'open', consecutiveFailures: 3 });
    expect(breaker.acquire()).toBeNull();
  });

  it('a success resets the streak', () => {
    const { breaker } = setup();
    fail(breaker, 2);
    breaker.acquire()?.success();
    fail(breaker, 2);
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 2 });
  });

  it('neutral results neither count nor reset', () => {
    const { breaker } = setup();
    fail(breaker, 2);
    breaker.acquire()?.neutral();
    expect(breaker.snapshot().consecutiveFailures).toBe(2);
    fail(breaker, 1);
    expect(breaker.snapshot().state).toBe('open');
  });

  it('stays open for the cooldown, then lets exactly one trial through', () => {
    const { breaker, clock } = setup();
    fail(breaker, 3);
    clock.advance(9_999);
    expect(breaker.acquire()).toBeNull();
    clock.advance(1);
    expect(breaker.snapshot().state).toBe('half_open');
    const trial = breaker.acquire();
    expect(trial?.trial).toBe(true);
    expect(breaker.acquire()).toBeNull(); // concurrent call while the trial runs
    expect(breaker.snapshot().state).toBe('half_open');
    trial?.success();
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
    expect(breaker.acquire()?.trial).toBe(false);
  });

  it('a failed trial re-opens for another cooldown', () => {
    const { breaker, clock } = setup();
    fail(breaker, 3);
    clock.advance(10_000);
    breaker.acquire()?.failure();
    expect(breaker.snapshot().state).toBe('open');
    expect(breaker.acquire()).toBeNull();
    clock.advance(9_999);
    expect(breaker.acquire()).toBeNull();
    clock.advance(1);
    expect(breaker.acquire()?.trial).toBe(true);
  });

  it('a neutral trial frees the slot for the next trial', () => {
    const { breaker, clock } = setup();
    fail(breaker, 3);
    clock.advance(10_000);
    breaker.acquire()?.neutral();
    expect(breaker.snapshot().state).toBe('half_open');
    expect(breaker.acquire()?.trial).toBe(true);
  });

  it('late results of calls started before the circuit opened do not change its state', () => {
    const { breaker } = setup();
    const early = [breaker.acquire(), breaker.acquire()];
    fail(breaker, 3);
    early[0]?.success();
    early[1]?.failure();
    expect(breaker.snapshot().state).toBe('open');
  });

  it('a permit counts once', () => {
    const { breaker } = setup();
    const permit = breaker.acquire();
    permit?.failure();
    permit?.failure();
    permit?.failure();
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 1 });
  });
});
