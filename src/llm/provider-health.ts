/**
 * What the manager knows of each provider's health: a circuit breaker per model provider (the
 * extractive last resort is never broken) and the last failure, for `providerHealth`.
 */
import { describeFailure, type AttemptFailure } from './attempt.js';
import { createCircuitBreaker, type CircuitBreaker } from '../resilience/circuit-breaker.js';
import type { ProviderHealth } from './generation.js';
import type { Clock } from './manager-options.js';
import type { LlmProvider } from './types.js';

/** The breakers and failure bookkeeping of a manager's providers. */
export interface ProviderHealthBook {
  breaker(providerId: string): CircuitBreaker | undefined;
  noteResult(providerId: string, failure: AttemptFailure | null): void;
  health(): ProviderHealth[];
}

/** Creates the book for `providers`. */
export function createProviderHealthBook(
  providers: readonly LlmProvider[],
  settings: { breakerFailureThreshold: number; breakerCooldownMs: number },
  clock: Clock,
): ProviderHealthBook {
  const breakers = new Map<string, CircuitBreaker>();
  for (const provider of providers) {
    if (provider.kind === 'extractive') continue; // the last resort is never broken
    breakers.set(provider.id, createCircuitBreaker({ failureThreshold: settings.breakerFailureThreshold, cooldownMs: settings.breakerCooldownMs, clock }));
  }
  const stats = new Map<string, { consecutiveFailures: number; lastError: string | null; lastErrorAt: string | null }>(
    providers.map((provider) => [provider.id, { consecutiveFailures: 0, lastError: null, lastErrorAt: null }]),
  );

  return {
    breaker: (providerId) => breakers.get(providerId),
    noteResult(providerId, failure) {
      const entry = stats.get(providerId);
      if (!entry) return;
      if (failure === null) {
        entry.consecutiveFailures = 0;
        return;
      }
      if (failure.counted) entry.consecutiveFailures += 1;
      if (failure.kind !== 'aborted') {
        entry.lastError = describeFailure(failure);
        entry.lastErrorAt = new Date(clock.now()).toISOString();
      }
    },
    health: () =>
      providers.map((provider) => {
        const entry = stats.get(provider.id);
        const circuit = breakers.get(provider.id)?.snapshot();
        return {
          providerId: provider.id,
          kind: provider.kind,
          circuit: circuit?.state ?? 'closed',
          consecutiveFailures: circuit?.consecutiveFailures ?? entry?.consecutiveFailures ?? 0,
          lastError: entry?.lastError ?? null,
          lastErrorAt: entry?.lastErrorAt ?? null,
        };
      }),
  };
}
