import { testRedisUrl } from '../../support/redis.js';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createCanary, createSpotlight } from '../../../src/guard/injection/spotlight.js';
import type { GenerateRequest } from '../../../src/llm/generation.js';
import { responseCacheMiddleware } from '../../../src/llm/middleware/response-cache.js';
import { createMemoryResponseCacheStore, createRedisResponseCacheStore, type ResponseCacheStore } from '../../../src/llm/middleware/response-cache-store.js';
import type { LlmCallRecord } from '../../../src/store/types.js';
import { baseRequest, createHarness } from '../manager-harness.js';
import { createScriptedProvider } from '../scripted-provider.js';

const answer = JSON.stringify({ headline: 'All clear' });

/** A request as the draft generator builds it: fresh spotlight marker and canary each time. */
function request(overrides: Partial<GenerateRequest> = {}): GenerateRequest {
  const spotlight = createSpotlight(randomBytes);
  const canary = createCanary(randomBytes);
  return {
    ...baseRequest,
    messages: [
      { role: 'system', content: `${spotlight.instruction}\nConfidential marker: ${canary}.` },
      { role: 'user', content: `Incident:\n${spotlight.data({ id: 'P1', title: 'API down', version: 3 })}` },
    ],
    ...overrides,
  };
}

function setUp(options: { ttlSeconds?: number; store?: ResponseCacheStore; retains?: boolean } = {}) {
  let now = Date.parse('2026-12-06T12:00:00Z');
  const clock = { now: () => now, advance: (ms: number) => void (now += ms) };
  const provider = createScriptedProvider({ id: 'openai', kind: 'openai', script: [{ reply: answer, usage: { inputTokens: 900, outputTokens: 120 } }] });
  const cacheRecords: LlmCallRecord[] = [];
  const lookups: boolean[] = [];
  const harness = createHarness({
    providers: [provider],
    middleware: [
      responseCacheMiddleware({
        store: options.store ?? createMemoryResponseCacheStore({ now: clock.now }),
        ttlSeconds: options.ttlSeconds ?? 60,
        retainsText: () => options.retains ?? true,
        routeVersion: 'routing-v1',
        usage: { record: (call) => cacheRecords.push(call) },
        onLookup: (_feature, hit) => lookups.push(hit),
        now: clock.now,
      }),
    ],
  });
  return { ...harness, provider, cacheRecords, lookups, clock };
}

describe('exact response cache (memory)', () => {
  it('answers the same prompt again without a model call, recorded as cached with cost 0', async () => {
    const { manager, provider, records, cacheRecords, lookups } = setUp();
    const first = await manager.generate(request());
    const second = await manager.generate(request());
    expect(provider.calls).toHaveLength(1);
    expect(second.completion.text).toBe(first.completion.text);
    expect(first.costUsd).toBeGreaterThan(0);
    expect(second).toMatchObject({ costUsd: 0, attempts: 0, providerId: 'openai', model: 'gpt-4o-mini' });
    expect(second.completion.usage).toMatchObject({ inputTokens: 0, outputTokens: 0 });
    expect(records).toHaveLength(1);
    expect(cacheRecords).toEqual([expect.objectContaining({ cached: true, costUsd: 0, inputTokens: 0, outputTokens: 0, provider: 'openai', model: 'gpt-4o-mini', draftId: 'draft-1' })]);
    expect(lookups).toEqual([false, true]);
  });

  it('keeps accounts apart and a changed incident or feature is a new key', async () => {
    const { manager, provider } = setUp();
    await manager.generate(request());
    await manager.generate(request({ accountId: 'acct-2' }));
    await manager.generate(request({ feature: 'postmortem' }));
    await manager.generate(request({ messages: [{ role: 'user', content: 'Incident P1 version 4' }] }));
    expect(provider.calls).toHaveLength(4);
  });

  it('expires entries after the TTL (injected clock)', async () => {
    const { manager, provider, clock } = setUp({ ttlSeconds: 30 });
    await manager.generate(request());
    clock.advance(29_000);
    await manager.generate(request());
    expect(provider.calls).toHaveLength(1);
    clock.advance(1_000);
    await manager.generate(request());
    expect(provider.calls).toHaveLength(2);
  });

  it('is off with TTL 0, for the assistant, for zero-retention accounts and for streams', async () => {
    for (const [options, overrides] of [
      [{ ttlSeconds: 0 }, {}],
      [{}, { feature: 'assistant' as const }],
      [{ retains: false }, {}],
      [{}, { stream: true }],
    ] as const) {
      const { manager, provider, cacheRecords } = setUp(options);
      await manager.generate(request(overrides));
      await manager.generate(request(overrides));
      expect(provider.calls).toHaveLength(2);
      expect(cacheRecords).toHaveLength(0);
    }
  });
});

// Like every suite that needs Redis: the default address, never skipped (docs/testing.md).
describe('exact response cache (Redis)', () => {
  const redis = new Redis(testRedisUrl);
  const prefix = `test-rc-${randomBytes(4).toString('hex')}`;
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('shares answers between managers (replicas) through Redis, per account, with a Redis TTL', async () => {
    const store = createRedisResponseCacheStore(redis, prefix);
    const one = setUp({ store, ttlSeconds: 60 });
    const two = setUp({ store, ttlSeconds: 60 });
    await one.manager.generate(request());
    const hit = await two.manager.generate(request());
    expect(two.provider.calls).toHaveLength(0);
    expect(hit.costUsd).toBe(0);
    await two.manager.generate(request({ accountId: 'acct-2' }));
    expect(two.provider.calls).toHaveLength(1);
    const keys = await redis.keys(`${prefix}:response-cache:*`);
    expect(keys).toHaveLength(2);
    const ttl = await redis.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});
