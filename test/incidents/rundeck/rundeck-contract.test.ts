/**
 * The source contract on a registry built as src/app.ts builds it for `RUNDECK_URL=… npm start`:
 * account `demo` reads its incidents from the samples and its jobs and executions from Rundeck
 * (the fake), with the cache on.
 */
import pino from 'pino';
import { incidentDriverFactories } from '../../../src/incidents/driver-factories.js';
import { createSampleIncidentSource } from '../../../src/incidents/sample-source.js';
import { createSourceRegistry } from '../../../src/incidents/source-registry.js';
import { createMemoryCacheStore } from '../../../src/incidents/upstream/cache-store.js';
import { createUpstreamResources } from '../../../src/incidents/upstream/upstream-resources.js';
import { startFakeRundeck } from '../../fakes/rundeck-server.js';
import { describeIncidentSourceContract } from '../source-contract.js';
import { failedExecution, failedExecutionId, restartJob, restartJobId } from './rundeck-fixtures.js';

describeIncidentSourceContract('rundeck (through the registry, beside the samples)', async () => {
  const fake = await startFakeRundeck({ jobs: [restartJob], executions: [failedExecution] });
  const registry = createSourceRegistry({
    config: {
      accounts: { demo: { pagerduty: null, rundeck: { url: fake.url, apiVersion: 41, project: 'ops', token: fake.token, tokenSetting: 'RUNDECK_API_TOKEN' }, graphql: null } },
      samples: true,
      requestTimeoutMs: 2_000,
      deadlineMs: 5_000,
      cacheTtlMs: 30_000,
      maxConcurrentPerToken: 4,
      pagerDutyWebhookSecret: null,
    },
    factories: incidentDriverFactories,
    samples: createSampleIncidentSource(),
    cacheStore: createMemoryCacheStore(),
    upstream: createUpstreamResources({ maxConcurrentPerToken: 4, failureThreshold: 50, cooldownMs: 30_000 }),
    logger: pino({ level: 'silent' }),
  });
  return {
    source: registry.source,
    accountId: 'demo',
    otherAccountId: 'globex',
    incidentIds: ['PDEMO01', 'PDEMO03'],
    job: { jobId: restartJobId, executionId: String(failedExecutionId) },
    close: () => fake.close(),
  };
});
