/**
 * One gate per upstream credential. PagerDuty (and Rundeck) rate-limit per API token, so
 * every request made with a token, whichever account or draft it serves, passes the same
 * gate: a 429 closes it for everyone until the source's reset time, and at most
 * `maxConcurrent` requests per token are in flight.
 * Gates are keyed by a hash of the token, so the token itself is never kept as a key.
 */
import { createHash } from 'node:crypto';
import { sleep, type Deadline } from './deadline.js';

/** Thrown by {@link TokenGate.enter} when the cool-down outlasts the deadline. */
export class CoolDownPastDeadline extends Error {
  override name = 'CoolDownPastDeadline';
  constructor(readonly retryAfterMs: number) {
    super('rate-limit cool-down ends after the deadline');
  }
}

export interface TokenGate {
  /** Waits out a cool-down and a free slot; resolves with the function that frees the slot. */
  enter(deadline: Deadline): Promise<() => void>;
  /** Closes the gate for `ms` (the source's rate-limit reset). */
  coolDown(ms: number): void;
  /** Milliseconds until the gate opens again (0 when open). */
  coolingMs(): number;
}

/** The gates of every token in the process. */
export interface TokenGates {
  gateFor(token: string): TokenGate;
}

export interface TokenGateOptions {
  /** Requests in flight per token. */
  maxConcurrent: number;
  clock?: { now(): number };
}

/** Short, non-reversible label of a credential (for keys; never log even this with the token). */
export function credentialKey(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16);
}

export function createTokenGates(options: TokenGateOptions): TokenGates {
  const gates = new Map<string, TokenGate>();
  return {
    gateFor(token) {
      const key = credentialKey(token);
      let gate = gates.get(key);
      if (!gate) {
        gate = createTokenGate(options);
        gates.set(key, gate);
      }
      return gate;
    },
  };
}

function createTokenGate(options: TokenGateOptions): TokenGate {
  const clock = options.clock ?? Date;
  let closedUntil = 0;
  let inFlight = 0;
  const waiting: (() => void)[] = [];

  // A freed slot goes straight to the next waiter, so a newcomer cannot overtake it.
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else inFlight -= 1;
  };

  const gate: TokenGate = {
    coolingMs: () => Math.max(0, closedUntil - clock.now()),
    coolDown(ms) {
      closedUntil = Math.max(closedUntil, clock.now() + ms);
    },
    async enter(deadline) {
      for (;;) {
        const cooling = gate.coolingMs();
        if (cooling === 0) break;
        if (clock.now() + cooling > deadline.at) throw new CoolDownPastDeadline(cooling);
        await sleep(cooling, deadline.signal);
      }
      if (inFlight < options.maxConcurrent) inFlight += 1;
      else {
        await new Promise<void>((resolve, reject) => {
          const onAbort = (): void => {
            const index = waiting.indexOf(wake);
            if (index >= 0) waiting.splice(index, 1);
            reject(deadline.signal.reason);
          };
          const wake = (): void => {
            deadline.signal.removeEventListener('abort', onAbort);
            resolve();
          };
          waiting.push(wake);
          deadline.signal.addEventListener('abort', onAbort, { once: true });
        });
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release();
      };
    },
  };
  return gate;
}
