import { describe, expect, it } from 'vitest';
import { createDeadline } from '../../../src/incidents/upstream/deadline.js';
import { retryAfterMs } from '../../../src/incidents/upstream/retry-after.js';
import { CoolDownPastDeadline, createTokenGates, credentialKey } from '../../../src/incidents/upstream/token-gate.js';
import { sourceUnavailable } from '../../../src/incidents/upstream/upstream-error.js';

describe('retryAfterMs', () => {
  it('reads ratelimit-reset (seconds) first, then Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs(new Headers({ 'ratelimit-reset': '12', 'retry-after': '99' }), 0)).toBe(12_000);
    expect(retryAfterMs(new Headers({ 'retry-after': '3' }), 0)).toBe(3_000);
    const now = Date.parse('2026-11-03T16:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': 'Tue, 03 Nov 2026 16:00:20 GMT' }), now)).toBe(20_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), 0)).toBeNull();
    expect(retryAfterMs(new Headers(), 0)).toBeNull();
  });
});

describe('token gates', () => {
  it('share one cool-down per token, keyed by a hash (never the token)', async () => {
    let now = 1_000;
    const clock = { now: () => now };
    const gates = createTokenGates({ maxConcurrent: 2, clock });
    gates.gateFor('token-a').coolDown(5_000);
    expect(gates.gateFor('token-a').coolingMs()).toBe(5_000);
    expect(gates.gateFor('token-b').coolingMs()).toBe(0);
    expect(credentialKey('token-a')).not.toContain('token-a');
    await expect(gates.gateFor('token-a').enter(createDeadline(1_000, clock))).rejects.toBeInstanceOf(CoolDownPastDeadline);
    now += 5_000;
    const leave = await gates.gateFor('token-a').enter(createDeadline(1_000, clock));
    leave();
  });

  it('hold at most maxConcurrent requests per token; a freed slot goes to the next waiter', async () => {
    const gate = createTokenGates({ maxConcurrent: 1 }).gateFor('t');
    const deadline = createDeadline(5_000);
    const first = await gate.enter(deadline);
    let secondIn = false;
    const second = gate.enter(deadline).then((leave) => {
      secondIn = true;
      return leave;
    });
    await Promise.resolve();
    expect(secondIn).toBe(false);
    first();
    (await second)();
    expect(secondIn).toBe(true);
  });
});

describe('sourceUnavailable', () => {
  it('is INCIDENT_SOURCE_UNAVAILABLE with the source, the reason and retryAfter in seconds', () => {
    const error = sourceUnavailable('PagerDuty', 'rate_limited', { retryAfterMs: 1_500 });
    expect(error.code).toBe('INCIDENT_SOURCE_UNAVAILABLE');
    expect(error.extensions).toEqual({ code: 'INCIDENT_SOURCE_UNAVAILABLE', source: 'PagerDuty', reason: 'rate_limited', retryAfter: 2 });
    expect(error.retryable).toBe(true);
    expect(sourceUnavailable('PagerDuty', 'credentials_refused').retryable).toBe(false);
  });
});
