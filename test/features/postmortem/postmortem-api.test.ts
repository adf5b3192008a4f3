/**
 * generatePostmortem through the whole service (GraphQL over HTTP, graphql-ws for the
 * stream) on the embedded default: the extractive engine.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const generatePostmortem = /* GraphQL */ `
  mutation Generate($input: GeneratePostmortemInput!) {
    generatePostmortem(input: $input) {
      id kind state incidentId text unverifiedCount preliminary
      condensation { logEntries events rounds requests degraded }
      title
      summary { text unverified citations { sourceType sourceId excerpt } }
      impact { services duration { text } customerEffect { text citations { sourceId } } }
      detection { text }
      timeline { at text unverified citations { sourceType sourceId } }
      contributingFactors { text }
      rootCause { text hypothesis unverified citations { sourceType sourceId } }
      resolution { text }
      actionItems { title ownerTeam priority unverified citations { sourceId } }
      generation { provider degraded promptVersion attempts }
    }
  }
`;

interface PostmortemDraft {
  id: string;
  state: string;
  text: string;
  unverifiedCount: number;
  preliminary: boolean;
  condensation: unknown;
  timeline: { at: string; citations: { sourceId: string }[] }[];
  rootCause: { hypothesis: boolean };
  actionItems: { title: string; ownerTeam: string | null; priority: string }[];
  generation: { provider: string; degraded: boolean; promptVersion: string };
}

interface Chunk {
  sequence: number;
  delta: string;
  done: boolean;
  draft: { id: string; state: string; text: string; timeline?: unknown[] } | null;
  error: { code: string; message: string } | null;
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

describe('generatePostmortem on the embedded default', () => {
  it('answers every sample incident with a complete, cited postmortem', async () => {
    for (const incidentId of ['PDEMO01', 'PDEMO02', 'PDEMO03', 'PDEMO04', 'PDEMO05', 'PDEMO06']) {
      const result = await service.graphql<{ generatePostmortem: PostmortemDraft }>(generatePostmortem, { input: { incidentId } });
      expect(result.errors, incidentId).toBeUndefined();
      const draft = result.data!.generatePostmortem;
      expect(draft, incidentId).toMatchObject({ kind: 'POSTMORTEM', state: 'COMPLETE', incidentId, unverifiedCount: 0, condensation: null });
      expect(draft.generation).toMatchObject({ provider: 'extractive', degraded: true, promptVersion: 'postmortem/v3' });
      expect(draft.timeline.length, incidentId).toBeGreaterThan(5);
      expect(draft.actionItems.length, incidentId).toBeGreaterThan(0);
      for (const section of ['## Summary', '## Impact', '## Detection', '## Timeline', '## Root cause', '## Resolution', '## Action items']) {
        expect(draft.text, `${incidentId} ${section}`).toContain(section);
      }
      const open = ['PDEMO04', 'PDEMO05', 'PDEMO06'].includes(incidentId);
      expect(draft.preliminary, incidentId).toBe(open);
      expect(draft.text.startsWith('> **Preliminary postmortem:**'), incidentId).toBe(open);
      expect(draft.rootCause.hypothesis, incidentId).toBe(incidentId === 'PDEMO04');
    }
  });

  it('is listed on the incident through _entities and readable through draft(id)', async () => {
    const created = await service.graphql<{ generatePostmortem: { id: string; text: string } }>(generatePostmortem, { input: { incidentId: 'PDEMO02' } });
    const entities = await service.graphql<{ _entities: { aiDrafts: { id: string }[] }[] }>(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Incident { aiDrafts(kind: POSTMORTEM) { id } } } }`,
      { representations: [{ __typename: 'Incident', id: 'PDEMO02' }] },
    );
    expect(entities.errors).toBeUndefined();
    expect(entities.data!._entities[0]!.aiDrafts.map((draft) => draft.id)).toContain(created.data!.generatePostmortem.id);
    const read = await service.graphql<{ draft: { id: string; text: string; rootCause: { hypothesis: boolean } } }>(
      `query($id: ID!) { draft(id: $id) { id text ... on PostmortemDraft { rootCause { hypothesis } } } }`,
      { id: created.data!.generatePostmortem.id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.draft).toEqual({ id: created.data!.generatePostmortem.id, text: created.data!.generatePostmortem.text, rootCause: { hypothesis: false } });
  });

  it('streams through draftStream: chunks that add up to the final text', async () => {
    const started = await service.graphql<{ generatePostmortem: { id: string; state: string } }>(`mutation($input: GeneratePostmortemInput!) { generatePostmortem(input: $input) { id state } }`, {
      input: { incidentId: 'PDEMO05', stream: true },
    });
    expect(started.errors).toBeUndefined();
    expect(started.data!.generatePostmortem.state).toBe('STREAMING');

    const client = createClient({ url: service.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${service.token}` }, retryAttempts: 0 });
    clients.push(client);
    const chunks: Chunk[] = [];
    const errors: unknown[] = [];
    const iterator = client.iterate<{ draftStream: Chunk }>({
      query: `subscription($draftId: ID!) { draftStream(draftId: $draftId) { sequence delta done error { code message } draft { id state text ... on PostmortemDraft { timeline { at } } } } }`,
      variables: { draftId: started.data!.generatePostmortem.id },
    });
    for await (const result of iterator) {
      if (result.errors) errors.push(...result.errors);
      if (result.data) chunks.push(result.data.draftStream);
      if (result.errors || result.data?.draftStream.done) break;
    }
    expect(errors).toEqual([]);
    const last = chunks.at(-1)!;
    expect(last).toMatchObject({ done: true, error: null, draft: { id: started.data!.generatePostmortem.id, state: 'COMPLETE' } });
    expect(last.draft!.timeline!.length).toBeGreaterThan(5);
    expect(chunks.map((chunk) => chunk.sequence)).toEqual(chunks.map((_, index) => index + 1));
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.map((chunk) => chunk.delta).join('')).toBe(last.draft!.text);
    expect(last.draft!.text.startsWith('> **Preliminary postmortem:**')).toBe(true);
  });
});

describe('generatePostmortem errors are typed', () => {
  it('NOT_FOUND for an unknown incident and for one of another account', async () => {
    const unknown = await service.graphql(generatePostmortem, { input: { incidentId: 'NOPE' } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const other = await service.tokenFor('other-account', ['ai:read', 'ai:write']);
    const foreign = await service.graphql(generatePostmortem, { input: { incidentId: 'PDEMO01' } }, { token: other });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('FORBIDDEN without ai:write, UNAUTHENTICATED without a token, BAD_USER_INPUT for an empty id', async () => {
    const reader = await service.tokenFor('demo', ['ai:read']);
    expect((await service.graphql(generatePostmortem, { input: { incidentId: 'PDEMO01' } }, { token: reader })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await service.graphql(generatePostmortem, { input: { incidentId: 'PDEMO01' } }, { token: null })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await service.graphql(generatePostmortem, { input: { incidentId: ' ' } })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
