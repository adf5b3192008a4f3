import { describe, expect, it } from 'vitest';
import { createSampleIncidentSource } from '../../src/incidents/sample-source.js';
import { createSourceRegistry } from '../../src/incidents/source-registry.js';
import { createMemoryCacheStore } from '../../src/incidents/upstream/cache-store.js';
import { createUpstreamResources } from '../../src/incidents/upstream/upstream-resources.js';
import { capturingLogger } from './support/capturing-logger.js';
import { pagerDutySourcesConfig } from './support/pagerduty-registry.js';

const base = () => ({
  factories: {},
  samples: createSampleIncidentSource(),
  cacheStore: createMemoryCacheStore(),
  upstream: createUpstreamResources({ maxConcurrentPerToken: 1, failureThreshold: 5, cooldownMs: 1_000 }),
  logger: capturingLogger().logger,
});

describe('source registry', () => {
  it('serves the samples to demo when on, and nothing when SAMPLE_INCIDENTS=false', async () => {
    const on = createSourceRegistry({ ...base(), config: { ...pagerDutySourcesConfig({ tokens: {}, url: 'http://127.0.0.1:9' }), samples: true } });
    expect((await on.source.loadIncidents('demo', ['PDEMO01']))[0]?.id).toBe('PDEMO01');
    expect((await on.source.loadJob('demo', 'RJDEMO01'))?.id).toBe('RJDEMO01');
    const off = createSourceRegistry({ ...base(), config: { ...pagerDutySourcesConfig({ tokens: {}, url: 'http://127.0.0.1:9' }), samples: false } });
    expect(await off.source.loadIncidents('demo', ['PDEMO01'])).toEqual([null]);
    expect(await off.source.loadJob('demo', 'RJDEMO01')).toBeNull();
  });

  it('a configured driver without a factory fails the start, naming it', () => {
    expect(() => createSourceRegistry({ ...base(), config: pagerDutySourcesConfig({ tokens: { acme: 't' }, url: 'http://127.0.0.1:9' }) })).toThrow(/pagerduty/);
  });

  it('drops a record a driver returns for another account (exact scoping whatever the driver does)', async () => {
    const config = pagerDutySourcesConfig({ tokens: { acme: 't' }, url: 'http://127.0.0.1:9' });
    const sample = (await createSampleIncidentSource().loadIncidents('demo', ['PDEMO01']))[0]!;
    const registry = createSourceRegistry({
      ...base(),
      config,
      factories: { pagerduty: () => ({ name: 'pagerduty', loadIncidents: async (_account, ids) => ids.map(() => sample) }) },
    });
    expect(await registry.source.loadIncidents('acme', ['PDEMO01'])).toEqual([null]);
  });
});
