/**
 * A circuit breaker for one provider. `closed` lets calls through and counts consecutive
 * failed attempts; at the threshold it turns `open` and rejects at once for the cooldown;
 * then it is `half_open`: ONE trial call goes through (others are still rejected) and its
 * result closes the circuit again or re-opens it for another cooldown.
 *
 * Only failures that say something about the provider's health count (retryable errors,
 * timeouts, unknown errors). A rejected request (bad_request, content_filtered, ...), a
 * caller abort or a generation deadline is neutral: it neither counts nor resets the streak.
 */

export type CircuitState = 'closed' | 'open' | 'half_open';

/** Options of {@link createCircuitBreaker}. */
export interface CircuitBreakerOptions {
  /** Consecutive counted failures that open the circuit (≥ 1). */
  failureThreshold: number;
  /** How long an open circuit rejects calls before letting one trial through (ms). */
  cooldownMs: number;
  /** Time source (ms since the epoch). */
  clock: { now(): number };
}

/** Permission for one attempt; report its result exactly once. */
export interface CircuitPermit {
  /** Whether this attempt is the half-open trial call. */
  readonly trial: boolean;
  /** The provider answered. */
  success(): void;
  /** A counted failure (retryable error, timeout, unknown error). */
  failure(): void;
  /** The attempt ended without telling anything about the provider's health. */
  neutral(): void;
}

/** State as shown by `providerHealth`. */
export interface CircuitSnapshot {
  state: CircuitState;
  consecutiveFailures: number;
  /** When the circuit last opened (ms), null if it never did or is closed. */
  openedAt: number | null;
}

export interface CircuitBreaker {
  /** A permit for one attempt, or null when the circuit rejects the call. */
  acquire(): CircuitPermit | null;
  snapshot(): CircuitSnapshot;
}

/** Creates the breaker of one provider. */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const { failureThreshold, cooldownMs, clock } = options;
  let state: 'closed' | 'open' = 'closed';
  let consecutiveFailures = 0;
  let openedAt: number | null = null;
  let trialInFlight = false;

  const cooledDown = (): boolean => openedAt !== null && clock.now() - openedAt >= cooldownMs;
  const open = (): void => {
    state = 'open';
    openedAt = clock.now();
  };

  const permit = (trial: boolean): CircuitPermit => {
    let settled = false;
    const settle = (apply: () => void): void => {
      if (settled) return;
      settled = true;
      if (trial) trialInFlight = false;
      apply();
    };
    return {
      trial,
      success: () =>
        settle(() => {
          // Only the trial may close an open circuit; a late success of a call started
          // before the circuit opened says less than the failures that opened it.
          if (state === 'closed' || trial) {
            state = 'closed';
            openedAt = null;
            consecutiveFailures = 0;
          }
        }),
      failure: () =>
        settle(() => {
          if (trial) {
            consecutiveFailures += 1;
            open();
          } else if (state === 'closed') {
            consecutiveFailures += 1;
            if (consecutiveFailures >= failureThreshold) open();
          }
        }),
      neutral: () => settle(() => undefined),
    };
  };

  return {
    acquire() {
      if (state === 'closed') return permit(false);
      if (trialInFlight || !cooledDown()) return null;
      trialInFlight = true;
      return permit(true);
    },
    snapshot() {
      const current: CircuitState = state === 'closed' ? 'closed' : cooledDown() ? 'half_open' : 'open';
      return { state: current, consecutiveFailures, openedAt };
    },
  };
}
