/**
 * What every driver of the process shares: one gate per credential (rate limits are per
 * token) and one circuit breaker per upstream (source and base URL).
 */
import { createCircuitBreaker, type CircuitBreaker } from '../../resilience/circuit-breaker.js';
import { createTokenGates, type TokenGate } from './token-gate.js';

export interface UpstreamResources {
  gateFor(token: string): TokenGate;
  breakerFor(source: string, baseUrl: string): CircuitBreaker;
}

export interface UpstreamResourcesOptions {
  /** Requests in flight per credential. */
  maxConcurrentPerToken: number;
  /** Consecutive failures that open an upstream's circuit. */
  failureThreshold: number;
  /** How long an open circuit rejects before one trial (ms). */
  cooldownMs: number;
  clock?: { now(): number };
}

export function createUpstreamResources(options: UpstreamResourcesOptions): UpstreamResources {
  const clock = options.clock ?? Date;
  const gates = createTokenGates({ maxConcurrent: options.maxConcurrentPerToken, clock });
  const breakers = new Map<string, CircuitBreaker>();
  return {
    gateFor: (token) => gates.gateFor(token),
    breakerFor(source, baseUrl) {
      const key = `${source} ${baseUrl}`;
      let breaker = breakers.get(key);
      if (!breaker) {
        breaker = createCircuitBreaker({ failureThreshold: options.failureThreshold, cooldownMs: options.cooldownMs, clock });
        breakers.set(key, breaker);
      }
      return breaker;
    },
  };
}
