/**
 * The overall deadline of one load from a source (an incident with all its pages): one
 * AbortSignal that fires at `at` or when the caller's own signal aborts.
 */

export interface Deadline {
  /** Milliseconds since the epoch. */
  readonly at: number;
  readonly signal: AbortSignal;
  /** Milliseconds left (never negative). */
  remainingMs(): number;
}

/** A deadline `durationMs` from now, also aborted by `parent`. */
export function createDeadline(durationMs: number, clock: { now(): number } = Date, parent?: AbortSignal): Deadline {
  const at = clock.now() + durationMs;
  const timeout = AbortSignal.timeout(Math.max(0, durationMs));
  const signal = parent ? AbortSignal.any([timeout, parent]) : timeout;
  return { at, signal, remainingMs: () => Math.max(0, at - clock.now()) };
}

export { sleep } from '../../resilience/sleep.js';
