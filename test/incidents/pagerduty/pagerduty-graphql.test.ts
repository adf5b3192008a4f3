/**
 * The whole service on a PagerDuty account (the fake): `PAGERDUTY_API_TOKEN` and
 * `PAGERDUTY_API_URL` as an operator sets them, the printed demo token, GraphQL over HTTP
 * and graphql-ws.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakePagerDutyIncident, fakePagerDutyUser, startFakePagerDuty, type FakePagerDuty } from '../../fakes/pagerduty-server.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const pagerDutyToken = 'pd-e2e-secret-token-91c2';
const lastPageEntry = 'PEND01-LE-last';

let fake: FakePagerDuty;
let service: TestApp;
const clients: Client[] = [];
beforeAll(async () => {
  fake = await startFakePagerDuty();
  fake.addUser(fakePagerDutyUser);
  // 250 entries: pages at offsets 0, 100 and 200; the finding is the newest, on the last page.
  fake.addIncident(pagerDutyToken, fakePagerDutyIncident('PEND01', { logEntryCount: 250, alertCount: 120 }));
  service = await startTestApp({
    PAGERDUTY_API_TOKEN: pagerDutyToken,
    PAGERDUTY_API_URL: fake.url,
    INCIDENT_SOURCE_TIMEOUT_MS: '500',
    INCIDENT_SOURCE_DEADLINE_MS: '2000',
    INCIDENT_CACHE_TTL_MS: '0',
  });
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await service?.close();
  await fake?.close();
});
beforeEach(() => fake.reset());

interface Citation {
  sourceType: string;
  sourceId: string;
}
const citationsIn = (value: unknown): Citation[] => {
  const found: Citation[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.sourceId === 'string' && typeof record.sourceType === 'string') found.push(record as unknown as Citation);
      Object.values(record).forEach(visit);
    }
  };
  visit(value);
  return found;
};

const draftStatusUpdate = /* GraphQL */ `
  mutation($input: DraftStatusUpdateInput!) {
    draftStatusUpdate(input: $input) {
      id state incidentId text
      summary { text citations { sourceType sourceId } }
      impact { text citations { sourceType sourceId } }
      actions { text citations { sourceType sourceId } }
    }
  }
`;
const generatePostmortem = /* GraphQL */ `
  mutation($input: GeneratePostmortemInput!) {
    generatePostmortem(input: $input) {
      id state text
      timeline { at text citations { sourceType sourceId } }
      rootCause { text citations { sourceType sourceId } }
    }
  }
`;

describe('drafts on PagerDuty incidents through GraphQL', () => {
  it('a status update on a PagerDuty incident cites a log entry that is only on the last page', async () => {
    const result = await service.graphql<{ draftStatusUpdate: Record<string, unknown> & { state: string } }>(draftStatusUpdate, {
      input: { incidentId: 'PEND01', audience: 'RESPONDERS' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.draftStatusUpdate.state).toBe('COMPLETE');
    expect(citationsIn(result.data!.draftStatusUpdate).map((citation) => citation.sourceId)).toContain(lastPageEntry);
    expect(fake.requestsTo(/\/log_entries$/).map((request) => request.query.get('offset'))).toEqual(['0', '100', '200']);
  });

  it('a postmortem cites the last page too', async () => {
    const result = await service.graphql<{ generatePostmortem: Record<string, unknown> & { state: string } }>(generatePostmortem, {
      input: { incidentId: 'PEND01' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.generatePostmortem.state).toBe('COMPLETE');
    expect(citationsIn(result.data!.generatePostmortem).map((citation) => citation.sourceId)).toContain(lastPageEntry);
  });

  it('the samples still serve the demo account beside PagerDuty', async () => {
    const result = await service.graphql<{ draftStatusUpdate: { state: string } }>(draftStatusUpdate, { input: { incidentId: 'PDEMO01', audience: 'RESPONDERS' } });
    expect(result.errors).toBeUndefined();
    expect(fake.requests).toHaveLength(0);
  });

  it('an id PagerDuty does not know is NOT_FOUND; another account cannot reach the PagerDuty incident', async () => {
    const unknown = await service.graphql(draftStatusUpdate, { input: { incidentId: 'PNOPE99', audience: 'RESPONDERS' } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const other = await service.tokenFor('acme', ['ai:read', 'ai:write']);
    const foreign = await service.graphql(draftStatusUpdate, { input: { incidentId: 'PEND01', audience: 'RESPONDERS' } }, { token: other });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(fake.requestsTo(/^\/incidents\/PEND01$/)).toHaveLength(0);
  });




  it('a streamed draft on a PagerDuty incident completes over graphql-ws', async () => {
    const started = await service.graphql<{ draftStatusUpdate: { id: string; state: string } }>(draftStatusUpdate, {
      input: { incidentId: 'PEND01', audience: 'STAKEHOLDERS', stream: true },
    });
    expect(started.errors).toBeUndefined();
    const client = createClient({ url: service.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${service.token}` }, retryAttempts: 0 });
    clients.push(client);
    let last: { done: boolean; draft: { state: string } | null } | null = null;
    for await (const result of client.iterate<{ draftStream: { done: boolean; draft: { state: string } | null } }>({
      query: 'subscription($draftId: ID!) { draftStream(draftId: $draftId) { done draft { state } } }',
      variables: { draftId: started.data!.draftStatusUpdate.id },
    })) {
      last = result.data?.draftStream ?? null;
      if (!last || last.done) break;
    }
    expect(last?.draft?.state).toBe('COMPLETE');
  });
  it('a PagerDuty 401 names the source, never the token', async () => {
    fake.fail({ status: 401 });
    const result = await service.graphql(draftStatusUpdate, { input: { incidentId: 'PEND01', audience: 'RESPONDERS' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INCIDENT_SOURCE_UNAVAILABLE', reason: 'credentials_refused', source: 'PagerDuty' });
    expect(JSON.stringify(result)).not.toContain(pagerDutyToken);
  });

  it('PagerDuty too slow: INCIDENT_SOURCE_UNAVAILABLE (streamed mode too), never a draft stuck in STREAMING', async () => {
    fake.fail({ delayMs: 3_000, times: 100 });
    const result = await service.graphql(draftStatusUpdate, { input: { incidentId: 'PEND01', audience: 'RESPONDERS', stream: true } });
    expect(result.errors?.[0]?.extensions?.code).toBe('INCIDENT_SOURCE_UNAVAILABLE');
    expect(result.errors?.[0]?.extensions?.reason).toBe('timeout');
    expect(await service.sql(`SELECT id FROM drafts WHERE state = 'STREAMING'`)).toEqual([]);
  });

  // Last: the repeated 5xx open PagerDuty's circuit (later answers are circuit_open, same code).
  it('PagerDuty answering 5xx: INCIDENT_SOURCE_UNAVAILABLE, never INTERNAL_SERVER_ERROR, no draft left', async () => {
    const draftsBefore = await service.sql<{ count: string }>('SELECT count(*) FROM drafts');
    fake.fail({ status: 503, times: 100 });
    for (const [query, input] of [
      [draftStatusUpdate, { incidentId: 'PEND01', audience: 'RESPONDERS' }],
      [draftStatusUpdate, { incidentId: 'PEND01', audience: 'RESPONDERS', stream: true }],
      [generatePostmortem, { incidentId: 'PEND01' }],
      [generatePostmortem, { incidentId: 'PEND01', stream: true }],
    ] as const) {
      const result = await service.graphql(query, { input });
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe('INCIDENT_SOURCE_UNAVAILABLE');
      expect(result.errors?.[0]?.message).toContain('PagerDuty');
      expect(JSON.stringify(result)).not.toContain(pagerDutyToken);
    }
    const draftsAfter = await service.sql<{ count: string }>('SELECT count(*) FROM drafts');
    expect(draftsAfter[0]!.count).toBe(draftsBefore[0]!.count);
    expect(await service.sql(`SELECT id FROM drafts WHERE state = 'STREAMING'`)).toEqual([]);
  });
});
