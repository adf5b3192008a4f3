import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

const draftStatusUpdate = /* GraphQL */ `
  mutation Draft($input: DraftStatusUpdateInput!) {
    draftStatusUpdate(input: $input) {
      id kind state incidentId text audience title phase unverifiedCount
      summary { text unverified citations { sourceType sourceId excerpt } }
      actions { text }
      nextUpdateMinutes
      generation { provider model promptVersion variant degraded attempts inputTokens outputTokens costUsd latencyMs }
    }
  }
`;

let service: TestApp;
beforeAll(async () => {
  service = await startTestApp();
});
afterAll(() => service?.close());

describe('draftStatusUpdate on the embedded default', () => {
  it('drafts from the extractive engine, names the affected service, and is listed through _entities', async () => {
    const result = await service.graphql<{ draftStatusUpdate: Record<string, unknown> & { id: string; text: string } }>(draftStatusUpdate, {
      input: { incidentId: 'PDEMO01', audience: 'RESPONDERS' },
    });
    expect(result.errors).toBeUndefined();
    const draft = result.data!.draftStatusUpdate;
    expect(draft).toMatchObject({ kind: 'STATUS_UPDATE', state: 'COMPLETE', incidentId: 'PDEMO01', audience: 'RESPONDERS' });
    expect(draft.generation).toMatchObject({ provider: 'extractive', model: 'extractive', degraded: true, attempts: 1, promptVersion: 'status-update/v2' });
    const incident = (await import('../../src/incidents/sample/index.js')).sampleIncidents.find((item) => item.id === 'PDEMO01')!;
    expect(draft.text).toContain(incident.services[0]!.name);

    const entities = await service.graphql<{ _entities: { aiDrafts: { id: string; text: string }[] }[] }>(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Incident { aiDrafts { id text } } } }`,
      { representations: [{ __typename: 'Incident', id: 'PDEMO01' }] },
    );
    expect(entities.errors).toBeUndefined();
    expect(entities.data!._entities[0]!.aiDrafts.map((item) => item.id)).toContain(draft.id);

    const stored = await service.graphql<{ draft: { id: string; text: string } }>(`query($id: ID!) { draft(id: $id) { id text } }`, { id: draft.id });
    expect(stored.data!.draft).toEqual({ id: draft.id, text: draft.text });
  });

  it('answers every audience for every sample incident', async () => {
    for (const incidentId of ['PDEMO01', 'PDEMO02', 'PDEMO03', 'PDEMO04', 'PDEMO05', 'PDEMO06']) {
      for (const audience of ['RESPONDERS', 'STAKEHOLDERS', 'PUBLIC']) {
        const result = await service.graphql<{ draftStatusUpdate: { state: string; text: string; unverifiedCount: number } }>(draftStatusUpdate, {
          input: { incidentId, audience },
        });
        expect(result.errors, `${incidentId} ${audience}`).toBeUndefined();
        // The extractive engine cites only records it read: nothing to doubt.
        expect(result.data!.draftStatusUpdate.unverifiedCount, `${incidentId} ${audience}`).toBe(0);
        expect(result.data!.draftStatusUpdate.state).toBe('COMPLETE');
        expect(result.data!.draftStatusUpdate.text.length).toBeGreaterThan(40);
      }
    }
  });

  it('records one usage row per provider attempt, visible in llmUsage', async () => {
    await service.graphql(draftStatusUpdate, { input: { incidentId: 'PDEMO02', audience: 'PUBLIC' } });
    // Every extractive generation is one attempt. Usage leaves the request path through a
    // buffer, so wait until every draft's usage row has landed.
    const count = async (table: string) => Number((await service.sql<{ count: string }>(`SELECT count(*) FROM ${table}`))[0]!.count);
    const drafts = await count('drafts');
    for (let i = 0; i < 100 && (await count('llm_calls')) < drafts; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await count('llm_calls')).toBe(drafts);
    const usage = await service.graphql<{ llmUsage: { calls: number; rows: { feature: string; provider: string }[] } }>(
      `query($from: DateTime!, $to: DateTime!) { llmUsage(from: $from, to: $to) { calls rows { feature provider } } }`,
      { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' },
    );
    expect(usage.errors).toBeUndefined();
    expect(usage.data!.llmUsage.rows).toContainEqual({ feature: 'statusUpdate', provider: 'extractive' });
    expect(usage.data!.llmUsage.calls).toBe(drafts);
  });
});

describe('errors are typed', () => {
  it('no token, a bad token: UNAUTHENTICATED', async () => {
    for (const token of [null, 'garbage']) {
      const result = await service.graphql(draftStatusUpdate, { input: { incidentId: 'PDEMO01', audience: 'PUBLIC' } }, { token });
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a token without ai:write cannot run a mutation, without ai:admin cannot read usage: FORBIDDEN', async () => {
    const reader = await service.tokenFor('demo', ['ai:read']);
    const mutation = await service.graphql(draftStatusUpdate, { input: { incidentId: 'PDEMO01', audience: 'PUBLIC' } }, { token: reader });
    expect(mutation.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const health = await service.graphql(`{ providerHealth { providerId } }`, {}, { token: reader });
    expect(health.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('an unknown incident, or one of another account: NOT_FOUND', async () => {
    const unknown = await service.graphql(draftStatusUpdate, { input: { incidentId: 'NOPE', audience: 'PUBLIC' } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const other = await service.tokenFor('other-account', ['ai:read', 'ai:write']);
    const foreign = await service.graphql(draftStatusUpdate, { input: { incidentId: 'PDEMO01', audience: 'PUBLIC' } }, { token: other });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('a draft of another account is not visible', async () => {
    const created = await service.graphql<{ draftStatusUpdate: { id: string } }>(draftStatusUpdate, { input: { incidentId: 'PDEMO03', audience: 'PUBLIC' } });
    const other = await service.tokenFor('other-account', ['ai:read']);
    const read = await service.graphql<{ draft: unknown }>(`query($id: ID!) { draft(id: $id) { id } }`, { id: created.data!.draftStatusUpdate.id }, { token: other });
    expect(read.errors).toBeUndefined();
    expect(read.data!.draft).toBeNull();
  });

  it('bad arguments: BAD_USER_INPUT / validation codes, never a 500', async () => {
    const longGuidance = await service.graphql(draftStatusUpdate, { input: { incidentId: 'PDEMO01', audience: 'PUBLIC', guidance: 'x'.repeat(2_001) } });
    expect(longGuidance.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badAudience = await service.graphql(draftStatusUpdate, { input: { incidentId: 'PDEMO01', audience: 'EVERYONE' } });
    expect(badAudience.status).toBe(400);
    expect(badAudience.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badDate = await service.graphql(`{ llmUsage(from: "yesterday", to: "2100-01-01T00:00:00Z") { calls } }`);
    expect(badDate.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    const badFirst = await service.graphql(`{ _entities(representations: [{__typename: "Incident", id: "PDEMO01"}]) { ... on Incident { aiDrafts(first: -1) { id } } } }`);
    expect(badFirst.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('HTTP surface', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('blocks CSRF-able requests and oversized bodies with a code', async () => {
    const simple = await fetch(`${service.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(simple.status).toBe(400);
    const large = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${service.token}` },
      body: JSON.stringify({ query: `{ __typename }`, variables: { padding: 'x'.repeat(400_000) } }),
    });
    expect(large.status).toBe(413);
    expect(((await large.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const broken = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${service.token}` },
      body: '{"query": ',
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('serves the federation SDL without a token', async () => {
    const result = await service.graphql<{ _service: { sdl: string } }>(`{ _service { sdl } }`, {}, { token: null });
    expect(result.errors).toBeUndefined();
    expect(result.data!._service.sdl).toMatch(/type Incident\s+@key\(fields: "id"\)/);
  });
});
