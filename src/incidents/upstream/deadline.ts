/**
 * The overall deadline of one load from a source (an incident with all its pages): one
 * AbortSignal that fires at `at` or when the caller's own signal aborts.
 */
import type { Context } from '@opentelemetry/api';

export interface Deadline {
  /** Milliseconds since the epoch. */
  readonly at: number;
  readonly signal: AbortSignal;
  /** Milliseconds left (never negative). */
  remainingMs(): number;
  /** The trace context the load's request spans belong to (the asking request's); unset: the active one. */
  readonly trace?: Context;
}

/** A deadline `durationMs` from now, also aborted by `parent`. */
export function createDeadline(durationMs: number, clock: { now(): number } = Date, parent?: AbortSignal, trace?: Context): Deadline {
  const at = clock.now() + durationMs;
  const timeout = AbortSignal.timeout(Math.max(0, durationMs));
  const signal = parent ? AbortSignal.any([timeout, parent]) : timeout;
  return { at, signal, remainingMs: () => Math.max(0, at - clock.now()), ...(trace && { trace }) };
}

export { sleep } from '../../resilience/sleep.js';
