/**
 * Retry delays: exponential backoff with full jitter, honouring a provider's Retry-After.
 * Full jitter (a uniform delay in [0, cap)) spreads the retries of many replicas that failed
 * together, so they do not hit a recovering provider in lockstep.
 */

/** Backoff settings (the `resilience` block of the routing config uses the same values). */
export interface BackoffSettings {
  /** Delay cap of the first retry (ms); doubles with every retry. */
  baseMs: number;
  /** Upper bound of the cap (ms). */
  maxMs: number;
  /** A Retry-After longer than this is not waited for: the caller falls back instead. */
  maxRetryAfterMs: number;
}

/** What to do before the next retry on the same provider. */
export type RetryDecision =
  | { wait: true; delayMs: number }
  /** The provider asked for a pause longer than `maxRetryAfterMs`: try the next provider. */
  | { wait: false; reason: 'retry_after_too_long'; retryAfterMs: number };

/**
 * The jittered delay before retry number `retry` (0 for the first retry):
 * `random() * min(maxMs, baseMs * 2^retry)`. `random` returns a number in [0, 1).
 */
export function backoffDelay(retry: number, settings: Pick<BackoffSettings, 'baseMs' | 'maxMs'>, random: () => number): number {
  const cap = Math.min(settings.maxMs, settings.baseMs * 2 ** Math.max(0, retry));
  return Math.floor(cap * Math.min(1, Math.max(0, random())));
}

/**
 * Decides the wait before retry number `retry`. With a Retry-After the wait is
 * `max(retryAfterMs, backoffDelay)`, unless the Retry-After exceeds `maxRetryAfterMs`.
 */
export function retryDecision(
  retry: number,
  retryAfterMs: number | null,
  settings: BackoffSettings,
  random: () => number,
): RetryDecision {
  if (retryAfterMs !== null && retryAfterMs > settings.maxRetryAfterMs) {
    return { wait: false, reason: 'retry_after_too_long', retryAfterMs };
  }
  return { wait: true, delayMs: Math.max(retryAfterMs ?? 0, backoffDelay(retry, settings, random)) };
}
