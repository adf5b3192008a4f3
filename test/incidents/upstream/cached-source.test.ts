import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryCacheStore, createRedisCacheStore, type CacheStore } from '../../../src/incidents/upstream/cache-store.js';
import { fakePagerDutyIncident, fakePagerDutyUser, startFakePagerDuty, type FakePagerDuty } from '../../fakes/pagerduty-server.js';
import { connectTestRedis } from '../../support/redis.js';
import { capturingLogger } from '../support/capturing-logger.js';
import { pagerDutyRegistry } from '../support/pagerduty-registry.js';

const stores: [string, () => Promise<{ store: CacheStore; close(): Promise<void> }>][] = [
  ['memory', async () => ({ store: createMemoryCacheStore(), close: async () => undefined })],
  [
    'redis',
    async () => {
      const redis: Redis = await connectTestRedis();
      const prefix = `test-incident-cache-${randomUUID()}`;
      return {
        store: createRedisCacheStore(redis, prefix, capturingLogger().logger),
        async close() {
          const keys = await redis.keys(`${prefix}:*`);
          if (keys.length) await redis.del(...keys);
          redis.disconnect();
        },
      };
    },
  ],
];

describe.each(stores)('per-account incident cache (%s)', (_, openStore) => {
  let fake: FakePagerDuty;
  let opened: Awaited<ReturnType<typeof openStore>>;
  beforeAll(async () => {
    opened = await openStore();
    fake = await startFakePagerDuty();
    fake.addUser(fakePagerDutyUser);
    // The same PagerDuty id in two PagerDuty accounts, each behind its own token.
    const acme = fakePagerDutyIncident('PSAME01');
    (acme.incident as Record<string, unknown>).title = 'Acme checkout down';
    const globex = fakePagerDutyIncident('PSAME01');
    (globex.incident as Record<string, unknown>).title = 'Globex billing slow';
    fake.addIncident('token-acme', acme);
    fake.addIncident('token-globex', globex);
    fake.addIncident('token-acme', fakePagerDutyIncident('PACMEONLY'));
  });
  afterAll(async () => {
    await fake.close();
    await opened.close();
  });

  const registryWith = () =>
    pagerDutyRegistry({ url: fake.url, tokens: { acme: 'token-acme', globex: 'token-globex' }, logger: capturingLogger().logger, cacheStore: opened.store, overrides: { cacheTtlMs: 60_000 } });

  it('two accounts with two tokens never see each other’s incidents, also through the cache', async () => {
    const registry = registryWith();
    expect((await registry.source.loadIncidents('acme', ['PSAME01']))[0]!.title).toBe('Acme checkout down');
    expect((await registry.source.loadIncidents('globex', ['PSAME01']))[0]!.title).toBe('Globex billing slow');
    // Both cached now; each account still gets its own.
    const before = fake.requests.length;
    expect((await registry.source.loadIncidents('globex', ['PSAME01']))[0]!.title).toBe('Globex billing slow');
    expect((await registry.source.loadIncidents('acme', ['PSAME01']))[0]!.title).toBe('Acme checkout down');
    expect(fake.requests.length).toBe(before);
    // Acme's cached incident is invisible to globex and to an account without a source.
    await registry.source.loadIncidents('acme', ['PACMEONLY']);
    expect(await registry.source.loadIncidents('globex', ['PACMEONLY'])).toEqual([null]);
    expect(await registry.source.loadIncidents('initech', ['PACMEONLY', 'PSAME01'])).toEqual([null, null]);
  });

  it('a cached incident is served without a request until invalidated; only that account’s copy goes', async () => {
    const registry = registryWith();
    await registry.source.loadIncidents('acme', ['PSAME01']);
    await registry.source.loadIncidents('globex', ['PSAME01']);
    fake.reset();
    await registry.source.loadIncidents('acme', ['PSAME01']);
    expect(fake.requests).toHaveLength(0);
    await registry.invalidate('acme', 'PSAME01');
    await registry.source.loadIncidents('acme', ['PSAME01']);
    await registry.source.loadIncidents('globex', ['PSAME01']);
    expect(fake.requestsTo(/^\/incidents\/PSAME01$/).map((request) => request.headers.authorization)).toEqual(['Token token=token-acme']);
  });

  it('hands out one frozen object per cached version, so per-incident work is done once per version', async () => {
    const registry = registryWith();
    await registry.source.loadIncidents('acme', ['PACMEONLY']); // a miss: fetched and cached
    const [first] = await registry.source.loadIncidents('acme', ['PACMEONLY']);
    const [second] = await registry.source.loadIncidents('acme', ['PACMEONLY']);
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first!.logEntries)).toBe(true);
    // A new version (invalidated, fetched again with another title) is a new object.
    fake.addIncident('token-acme', { ...fakePagerDutyIncident('PACMEONLY'), incident: { ...fakePagerDutyIncident('PACMEONLY').incident, title: 'Acme checkout down, again' } });
    await registry.invalidate('acme', 'PACMEONLY');
    await registry.source.loadIncidents('acme', ['PACMEONLY']);
    const [changed] = await registry.source.loadIncidents('acme', ['PACMEONLY']);
    expect(changed).not.toBe(first);
    expect(changed!.title).toBe('Acme checkout down, again');
  });

  it('never stores a token in the cache', async () => {
    if (_ !== 'redis') return;
    const registry = registryWith();
    await registry.source.loadIncidents('acme', ['PSAME01']);
    const redis = await connectTestRedis();
    try {
      const keys = await redis.keys('test-incident-cache-*');
      const values = keys.length ? await redis.mget(...keys) : [];
      expect(keys.length).toBeGreaterThan(0);
      expect(JSON.stringify([keys, values])).not.toContain('token-acme');
    } finally {
      redis.disconnect();
    }
  });
});
