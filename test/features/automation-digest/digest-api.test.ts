/**
 * digestJobExecution and RunbookJob.automationDigests over HTTP and graphql-ws, on the
 * embedded default (the extractive engine, the sample executions).
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const digestFields = /* GraphQL */ `
  id kind state incidentId jobId executionId text unverifiedCount outcome
  summary { text unverified citations { sourceType sourceId excerpt } }
  failingStep { number description unverified logLines { line text } citations { sourceType sourceId } }
  probableCause { text unverified citations { sourceId } }
  nextSteps { text citations { sourceId } }
  generation { provider degraded promptVersion }
`;
const digest = /* GraphQL */ `
  mutation Digest($input: DigestJobExecutionInput!) { digestJobExecution(input: $input) { ${digestFields} } }
`;

interface Digest {
  id: string;
  state: string;
  text: string;
  outcome: string | null;
  failingStep: { number: number; description: string; unverified: boolean; logLines: { line: number; text: string }[] } | null;
  [field: string]: unknown;
}

let service: TestApp;
const clients: Client[] = [];
beforeAll(async () => {
  service = await startTestApp();
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await service?.close();
});

async function digestOf(executionId: string, stream = false): Promise<Digest> {
  const result = await service.graphql<{ digestJobExecution: Digest }>(digest, { input: { jobId: 'RJDEMO01', executionId, stream } });
  expect(result.errors).toBeUndefined();
  return result.data!.digestJobExecution;
}

describe('digestJobExecution on the embedded default', () => {
  it('digests the failed EXDEMO02: step 4, its log lines, the cause and next steps', async () => {
    const draft = await digestOf('EXDEMO02');
    expect(draft).toMatchObject({
      kind: 'AUTOMATION_DIGEST',
      state: 'COMPLETE',
      incidentId: 'PDEMO01',
      jobId: 'RJDEMO01',
      executionId: 'EXDEMO02',
      outcome: 'FAILED',
      unverifiedCount: 0,
      generation: { provider: 'extractive', degraded: true, promptVersion: 'automation-digest/v3' },
    });
    expect(draft.failingStep).toMatchObject({ number: 4, description: 'Wait for the rollout to complete (timeout 300s)', unverified: false });
    expect(draft.failingStep!.logLines[0]).toEqual({ line: 36, text: 'error: timed out waiting for the condition' });
    expect(draft.probableCause).toMatchObject({ unverified: false, citations: [{ sourceId: 'L47' }, { sourceId: 'L34' }, { sourceId: 'L36' }] });
    expect((draft.nextSteps as unknown[]).length).toBeGreaterThan(1);
    expect(draft.text).toContain('**Failing step:** 4. Wait for the rollout to complete (timeout 300s)');
    expect(draft.text).toContain('- L36: error: timed out waiting for the condition');
  });

  it('digests the succeeded EXDEMO01 without a failing step', async () => {
    const draft = await digestOf('EXDEMO01');
    expect(draft).toMatchObject({ state: 'COMPLETE', incidentId: null, outcome: 'SUCCEEDED', failingStep: null, probableCause: null, nextSteps: [] });
    expect(draft.text).toContain('**Outcome:** Succeeded');
  });

  it('lists stored digests through _entities on RunbookJob, newest first, and on the incident', async () => {
    const older = await digestOf('EXDEMO01');
    const newer = await digestOf('EXDEMO02');
    const query = /* GraphQL */ `
      query($representations: [_Any!]!, $first: Int) {
        _entities(representations: $representations) {
          ... on RunbookJob { id automationDigests(first: $first) { id outcome failingStep { number logLines { line } } } }
          ... on Incident { id aiDrafts(kind: AUTOMATION_DIGEST) { id ... on AutomationDigest { executionId } } }
        }
      }
    `;
    const representations = [
      { __typename: 'RunbookJob', id: 'RJDEMO01' },
      { __typename: 'Incident', id: 'PDEMO01' },
    ];
    const result = await service.graphql<{
      _entities: [{ automationDigests: { id: string; outcome: string; failingStep: { number: number } | null }[] }, { aiDrafts: { id: string; executionId: string }[] }];
    }>(query, { representations, first: 100 });
    expect(result.errors).toBeUndefined();
    const [job, incident] = result.data!._entities;
    const ids = job.automationDigests.map((item) => item.id);
    expect(ids.indexOf(newer.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    expect(job.automationDigests.find((item) => item.id === newer.id)).toMatchObject({ outcome: 'FAILED', failingStep: { number: 4 } });
    expect(job.automationDigests.find((item) => item.id === older.id)).toMatchObject({ outcome: 'SUCCEEDED', failingStep: null });
    expect(incident.aiDrafts).toContainEqual({ id: newer.id, executionId: 'EXDEMO02' });

    const one = await service.graphql<{ _entities: [{ automationDigests: { id: string }[] }] }>(query, { representations: representations.slice(0, 1), first: 1 });
    expect(one.data!._entities[0].automationDigests).toHaveLength(1);

    const stranger = await service.tokenFor('other-account', ['ai:read']);
    const foreign = await service.graphql<{ _entities: [{ automationDigests: unknown[] }] }>(query, { representations: representations.slice(0, 1), first: 10 }, { token: stranger });
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data!._entities[0].automationDigests).toEqual([]);
  });

  it('reads a stored digest back through Query.draft', async () => {
    const created = await digestOf('EXDEMO02');
    const read = await service.graphql<{ draft: Digest }>(`query($id: ID!) { draft(id: $id) { ... on AutomationDigest { ${digestFields} } } }`, { id: created.id });
    expect(read.errors).toBeUndefined();
    expect(read.data!.draft).toEqual(created);
  });
});

describe('digestJobExecution streaming through draftStream', () => {
  interface Chunk {
    sequence: number;
    delta: string;
    done: boolean;
    draft: { id: string; state: string; text: string; outcome?: string } | null;
    error: { code: string } | null;
  }

  it('returns a STREAMING digest at once; the chunks add up to the final text', async () => {
    const started = await digestOf('EXDEMO02', true);
    expect(started.state).toBe('STREAMING');
    const client = createClient({ url: service.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${service.token}` }, retryAttempts: 0 });
    clients.push(client);
    const chunks: Chunk[] = [];
    for await (const result of client.iterate<{ draftStream: Chunk }>({
      query: `subscription($draftId: ID!) { draftStream(draftId: $draftId) { sequence delta done draft { id state text ... on AutomationDigest { outcome } } error { code } } }`,
      variables: { draftId: started.id },
    })) {
      expect(result.errors).toBeUndefined();
      chunks.push(result.data!.draftStream);
      if (result.data!.draftStream.done) break;
    }
    const last = chunks.at(-1)!;
    expect(last).toMatchObject({ done: true, error: null, draft: { id: started.id, state: 'COMPLETE', outcome: 'FAILED' } });
    expect(chunks.map((chunk) => chunk.sequence)).toEqual(chunks.map((_, index) => index + 1));
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.map((chunk) => chunk.delta).join('')).toBe(last.draft!.text);
    expect(last.draft!.text).toContain('**Failing step:** 4.');
  });
});

describe('digestJobExecution errors are typed', () => {
  it('NOT_FOUND for an unknown execution or another account', async () => {
    const unknown = await service.graphql(digest, { input: { jobId: 'RJDEMO01', executionId: 'NOPE' } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const stranger = await service.tokenFor('other-account', ['ai:read', 'ai:write']);
    const foreign = await service.graphql(digest, { input: { jobId: 'RJDEMO01', executionId: 'EXDEMO02' } }, { token: stranger });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('FORBIDDEN without ai:write, UNAUTHENTICATED without a token', async () => {
    const reader = await service.tokenFor('demo', ['ai:read']);
    expect((await service.graphql(digest, { input: { jobId: 'RJDEMO01', executionId: 'EXDEMO02' } }, { token: reader })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await service.graphql(digest, { input: { jobId: 'RJDEMO01', executionId: 'EXDEMO02' } }, { token: null })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
