/**
 * Exact response cache, a generation middleware: the same account, feature, prompt (after
 * redaction, with the per-request spotlight marker and canary set aside), output schema,
 * sampling settings, priority and routing configuration within the TTL answers without a model
 * call. The prompt carries the incident as it is now and the feature's prompt version, so a
 * changed incident or prompt is a different key. Off when the TTL is 0, for the assistant's
 * conversations, for zero-retention accounts and for streamed generations. A hit is recorded in
 * usage as a call with `cached: true`, no tokens and cost 0, and counted in metrics.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { GenerateRequest, GenerateResult, UsageSink } from '../generation.js';
import type { FeatureName } from '../types.js';
import type { LlmMiddleware } from './types.js';
import type { ResponseCacheStore } from './response-cache-store.js';

/** Options of {@link responseCacheMiddleware}. */
export interface ResponseCacheOptions {
  store: ResponseCacheStore;
  /** 0 turns the cache off. */
  ttlSeconds: number;
  /** Whether an account's text may be kept (zero retention: never cached). */
  retainsText: (accountId: string) => boolean;
  /** Changes when the routing configuration does (models, chains, prices): part of every key. */
  routeVersion: string;
  usage: UsageSink;
  /** Told each lookup's outcome. */
  onLookup?: (feature: FeatureName, hit: boolean) => void;
  /** Features never cached; default the assistant (conversations). */
  excludedFeatures?: readonly FeatureName[];
  now?: () => number;
  newId?: () => string;
}

const requestToken = /UNTRUSTED_[0-9a-f]{16}|canary-[0-9a-f]{24}/g;

/** The cache key of a generation request. */
export function responseCacheKey(request: GenerateRequest, routeVersion: string): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([1, routeVersion, request.accountId, request.feature, request.priority ?? null, request.output?.name ?? null, request.maxOutputTokens ?? null, request.temperature ?? null, request.skipProviders ?? []]));
  for (const message of request.messages) {
    hash.update(`\u0000${message.role}\u0000`);
    hash.update(message.content.replace(requestToken, (token) => (token.startsWith('U') ? 'UNTRUSTED_' : 'canary-')));
  }
  return hash.digest('base64url');
}

/** Creates the response cache middleware; place it inside redaction, so keys and values hold no secrets. */
export function responseCacheMiddleware(options: ResponseCacheOptions): LlmMiddleware {
  const excluded = new Set<FeatureName>(options.excludedFeatures ?? ['assistant']);
  const now = options.now ?? Date.now;
  const newId = options.newId ?? randomUUID;
  const ttlMs = options.ttlSeconds * 1000;
  async function cachedGeneration(request: GenerateRequest, next: (request: GenerateRequest) => Promise<GenerateResult>): Promise<GenerateResult> {
    const key = responseCacheKey(request, options.routeVersion);
    const cached = await options.store.get(key).catch(() => null);
    if (cached !== null) {
      options.onLookup?.(request.feature, true);
      const stored = JSON.parse(cached) as GenerateResult;
      const result: GenerateResult = {
        ...stored,
        completion: { ...stored.completion, usage: { ...stored.completion.usage, inputTokens: 0, outputTokens: 0 } },
        attempts: 0,
        fellBack: false,
        latencyMs: 0,
        costUsd: 0,
        traceId: null,
      };
      options.usage.record({
        id: newId(),
        accountId: request.accountId,
        feature: request.feature,
        draftId: request.draftId,
        provider: stored.providerId,
        model: stored.model,
        attempt: 1,
        outcome: 'success',
        errorKind: null,
        inputTokens: 0,
        outputTokens: 0,
        costUsd: 0,
        latencyMs: 0,
        startedAt: new Date(now()).toISOString(),
        traceId: null,
        cached: true,
      });
      return result;
    }
    options.onLookup?.(request.feature, false);
    const result = await next(request);
    // Only an answer of the route as configured: a degraded (fallback, offline) one is not reused.
    if (!result.degraded && !result.fellBack) await options.store.set(key, JSON.stringify(result), ttlMs).catch(() => undefined);
    return result;
  }

  // Off: no hook at all, so generations do not pass through this layer.
  if (ttlMs <= 0) return { name: 'response-cache' };
  return {
    name: 'response-cache',
    // Not async: a generation that is not cached goes through without a promise of its own.
    wrapGeneration({ request, next }) {
      if (request.stream || excluded.has(request.feature) || !options.retainsText(request.accountId)) return next(request);
      return cachedGeneration(request, next);
    },
  };
}
