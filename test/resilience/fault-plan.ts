/**
 * The faults a provider injects: a seeded, reproducible plan of behaviours for the fake
 * OpenAI server, 30% of them faults of every kind the issue names.
 */
import type { FakeBehaviour } from '../fakes/openai-server.js';

/** mulberry32: a tiny seeded PRNG, so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export type FaultKind = 'rate-limited' | 'server-error' | 'unavailable' | 'timeout' | 'reset' | 'malformed' | 'broken-stream' | 'invalid-output';

const faults: FaultKind[] = ['rate-limited', 'server-error', 'unavailable', 'timeout', 'reset', 'malformed', 'broken-stream', 'invalid-output'];

export function faultBehaviour(kind: FaultKind): FakeBehaviour {
  switch (kind) {
    case 'rate-limited':
      return { kind: 'error', status: 429, retryAfterMs: 30 };
    case 'server-error':
      return { kind: 'error', status: 500 };
    case 'unavailable':
      return { kind: 'error', status: 503 };
    case 'timeout':
      return { kind: 'hang' };
    case 'reset':
      return { kind: 'reset' };
    case 'malformed':
      return { kind: 'malformed' };
    case 'broken-stream':
      return { kind: 'broken-stream', chunks: 2 };
    case 'invalid-output':
      return { kind: 'ok', json: { title: 42, unexpected: true } };
  }
}

/** A plan of behaviours, and how to tell which fault a served behaviour was. */
export interface FaultPlan {
  behaviours: FakeBehaviour[];
  /** Faults in the plan, by kind (planned, not necessarily served). */
  planned: Record<FaultKind, number>;
  /** The fault kind of a behaviour of this plan (by identity), or null for an `ok` one. */
  kindOf(behaviour: FakeBehaviour): FaultKind | null;
}

/** `count` behaviours: `faultRate` of them faults (uniform over the kinds), the rest `ok` with `answer`. */
export function faultPlan(count: number, faultRate: number, answer: unknown, random: () => number): FaultPlan {
  const planned = Object.fromEntries(faults.map((kind) => [kind, 0])) as Record<FaultKind, number>;
  const kinds = new Map<FakeBehaviour, FaultKind>();
  const behaviours = Array.from({ length: count }, () => {
    if (random() >= faultRate) return { kind: 'ok', json: answer } as FakeBehaviour;
    const kind = faults[Math.floor(random() * faults.length)]!;
    planned[kind] += 1;
    const behaviour = faultBehaviour(kind);
    kinds.set(behaviour, kind);
    return behaviour;
  });
  return { behaviours, planned, kindOf: (behaviour) => kinds.get(behaviour) ?? null };
}

/** The served behaviours of a plan counted by fault kind (every kind present, zero included). */
export function servedFaults(plan: FaultPlan, served: readonly FakeBehaviour[]): Record<FaultKind, number> {
  const tally = Object.fromEntries(faults.map((kind) => [kind, 0])) as Record<FaultKind, number>;
  for (const behaviour of served) {
    const kind = plan.kindOf(behaviour);
    if (kind !== null) tally[kind] += 1;
  }
  return tally;
}
