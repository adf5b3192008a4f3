import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors/app-error.js';
import { createGraphqlDriver } from '../../../src/incidents/graphql/graphql-driver.js';
import { incidentDriverFactories } from '../../../src/incidents/driver-factories.js';
import type { DriverContext } from '../../../src/incidents/incident-driver.js';
import { createSampleIncidentSource } from '../../../src/incidents/sample-source.js';
import { createSourceRegistry } from '../../../src/incidents/source-registry.js';
import type { IncidentSource } from '../../../src/incidents/types.js';
import { createMemoryCacheStore } from '../../../src/incidents/upstream/cache-store.js';
import { upstreamReasonOf } from '../../../src/incidents/upstream/upstream-error.js';
import { createUpstreamResources } from '../../../src/incidents/upstream/upstream-resources.js';
import { platformIncident, startFakeIncidentSubgraph, type FakeIncidentSubgraph } from '../../fakes/incident-subgraph.js';
import { describeIncidentSourceContract } from '../source-contract.js';

const context = (): DriverContext => ({
  accountId: '*',
  upstream: createUpstreamResources({ maxConcurrentPerToken: 4, failureThreshold: 50, cooldownMs: 30_000 }),
  requestTimeoutMs: 2_000,
  deadlineMs: 5_000,
  logger: pino({ level: 'silent' }),
});
const caller = (token: string) => ({ authorization: `Bearer ${token}` });

let router: FakeIncidentSubgraph;
beforeAll(async () => {
  router = await startFakeIncidentSubgraph();
  router.incidentsByToken.set('token-ana', [platformIncident('INC-1', 'Checkout latency'), platformIncident('INC-2', 'Search errors')]);
  router.incidentsByToken.set('token-bob', [platformIncident('INC-3', 'Billing job stuck')]);
});
afterAll(async () => {
  await router?.close();
});
afterEach(() => {
  router.requests.length = 0;
  router.nextBody = null;
});

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('graphql driver', () => {
  it('sends one query per batch with the caller Authorization and maps the answer in the order asked', async () => {
    const driver = createGraphqlDriver({ url: router.url, queryFile: null }, context());
    const loaded = await driver.loadIncidents('acme', ['INC-2', 'NOPE', 'INC-1', 'INC-2'], caller('token-ana'));
    expect(router.requests).toHaveLength(1);
    expect(router.requests[0]!.authorization).toBe('Bearer token-ana');
    expect(router.requests[0]!.variables).toEqual({ ids: ['INC-2', 'NOPE', 'INC-1'] });
    expect(loaded.map((incident) => incident?.id ?? null)).toEqual(['INC-2', null, 'INC-1', 'INC-2']);
    expect(loaded[2]).toMatchObject({
      accountId: 'acme',
      status: 'acknowledged',
      urgency: 'high',
      priority: 'P2',
      createdAt: '2026-11-30T09:00:00Z',
      services: [{ id: 'SVC-CHK', name: 'checkout' }],
      assignees: [{ id: 'U1', name: 'Ana Ruiz', team: 'payments' }],
    });
    expect(loaded[2]!.logEntries[0]).toEqual({ id: 'INC-1-L1', type: 'trigger', at: '2026-11-30T09:00:00Z', agent: 'prometheus', summary: 'Triggered: checkout p99 > 2s' });
    expect(loaded[2]!.alerts[0]!.body).toEqual({ p99_ms: 2310 });
  });

  it('asks nothing without a caller credential, and another caller sees only theirs', async () => {
    const driver = createGraphqlDriver({ url: router.url, queryFile: null }, context());
    expect(await driver.loadIncidents('acme', ['INC-1'])).toEqual([null]);
    expect(router.requests).toHaveLength(0);
    expect((await driver.loadIncidents('acme', ['INC-1', 'INC-3'], caller('token-bob'))).map((incident) => incident?.id ?? null)).toEqual([null, 'INC-3']);
  });

  it('UNAUTHENTICATED from the router is credentials_refused; a malformed incident or body is malformed_response', async () => {
    const driver = createGraphqlDriver({ url: router.url, queryFile: null }, context());
    router.nextBody = JSON.stringify({ data: null, errors: [{ message: 'token expired', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(upstreamReasonOf(await failureOf(driver.loadIncidents('acme', ['INC-1'], caller('token-ana'))))).toBe('credentials_refused');
    router.nextBody = JSON.stringify({ data: { incidents: [{ ...platformIncident('INC-1', 'x'), status: 'SNOOZED' }] } });
    expect(upstreamReasonOf(await failureOf(driver.loadIncidents('acme', ['INC-1'], caller('token-ana'))))).toBe('malformed_response');
    router.nextBody = '<html>bad gateway</html>';
    expect(upstreamReasonOf(await failureOf(driver.loadIncidents('acme', ['INC-1'], caller('token-ana'))))).toBe('malformed_response');
  });

  it('sends the operator query file instead of the default one', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'incident-query-'));
    const file = path.join(folder, 'incidents.graphql');
    const query = 'query Mine($ids: [ID!]!) { incidents(ids: $ids) { id title status createdAt services { id name } } }';
    await writeFile(file, query);
    try {
      const driver = createGraphqlDriver({ url: router.url, queryFile: file }, context());
      const [incident] = await driver.loadIncidents('acme', ['INC-1'], caller('token-ana'));
      expect(router.requests[0]!.query).toBe(query);
      expect(incident).toMatchObject({ id: 'INC-1', title: 'Checkout latency', logEntries: [], notes: [], alerts: [] });
      await writeFile(file, 'query NoIds { incidents(ids: ["x"]) { id } }');
      expect(() => createGraphqlDriver({ url: router.url, queryFile: file }, context())).toThrow(/\$ids/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

// The contract, through the registry with the cache on: each account calls with its own token.
describeIncidentSourceContract('graphql (through the registry, the caller forwarded)', async () => {
  const registry = createSourceRegistry({
    config: {
      accounts: { '*': { pagerduty: null, rundeck: null, graphql: { url: router.url, queryFile: null } } },
      samples: false,
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
  const tokens: Record<string, string> = { ana: 'token-ana', bob: 'token-bob' };
  const callerOf = (accountId: string) => caller(tokens[accountId] ?? 'token-nobody');
  const source: IncidentSource = {
    loadIncidents: (accountId, ids) => registry.source.loadIncidents(accountId, ids, callerOf(accountId)),
    loadJob: (accountId, jobId) => registry.source.loadJob(accountId, jobId, callerOf(accountId)),
    loadExecution: (accountId, jobId, executionId) => registry.source.loadExecution(accountId, jobId, executionId, callerOf(accountId)),
  };
  return { source, accountId: 'ana', otherAccountId: 'bob', incidentIds: ['INC-1', 'INC-2'] };
});
