/**
 * A source registry with the pagerduty driver against the fake, one PagerDuty token per
 * account, the way src/app.ts builds it.
 */
import type { Logger } from 'pino';
import type { AccountSourcesConfig, IncidentSourcesConfig } from '../../../src/config/incident-sources.js';
import { incidentDriverFactories } from '../../../src/incidents/driver-factories.js';
import { createSampleIncidentSource } from '../../../src/incidents/sample-source.js';
import { createSourceRegistry, type SourceRegistry } from '../../../src/incidents/source-registry.js';
import { createMemoryCacheStore, type CacheStore } from '../../../src/incidents/upstream/cache-store.js';
import { createUpstreamResources } from '../../../src/incidents/upstream/upstream-resources.js';

export interface PagerDutyRegistryOptions {
  /** Account id → PagerDuty token. */
  tokens: Record<string, string>;
  url: string;
  logger: Logger;
  cacheStore?: CacheStore;
  overrides?: Partial<IncidentSourcesConfig>;
}

export function pagerDutySourcesConfig(options: Pick<PagerDutyRegistryOptions, 'tokens' | 'url' | 'overrides'>): IncidentSourcesConfig {
  const accounts: Record<string, AccountSourcesConfig> = {};
  for (const [accountId, token] of Object.entries(options.tokens)) {
    accounts[accountId] = {
      pagerduty: { url: options.url, token, tokenSetting: `PD_TOKEN_${accountId.toUpperCase()}`, fromEmail: 'bot@example.com', autoPostmortem: false },
      rundeck: null,
      graphql: null,
    };
  }
  return {
    accounts,
    samples: true,
    requestTimeoutMs: 2_000,
    deadlineMs: 5_000,
    cacheTtlMs: 0,
    maxConcurrentPerToken: 4,
    pagerDutyWebhookSecret: null,
    ...options.overrides,
  };
}

export function pagerDutyRegistry(options: PagerDutyRegistryOptions): SourceRegistry {
  return createSourceRegistry({
    config: pagerDutySourcesConfig(options),
    factories: incidentDriverFactories,
    samples: createSampleIncidentSource(),
    cacheStore: options.cacheStore ?? createMemoryCacheStore(),
    upstream: createUpstreamResources({ maxConcurrentPerToken: 4, failureThreshold: 50, cooldownMs: 30_000 }),
    logger: options.logger,
  });
}
