import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Chunk {
  sequence: number;
  delta: string;
  done: boolean;
  draft: { id: string; state: string; text: string } | null;
  error: { code: string; message: string } | null;
}

const subscription = /* GraphQL */ `
  subscription($draftId: ID!) {
    draftStream(draftId: $draftId) { sequence delta done draft { id state text } error { code message } }
  }
`;

let service: TestApp;
const clients: Client[] = [];
beforeAll(async () => {
  service = await startTestApp();
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await service?.close();
});

function client(token: string | null = service.token): Client {
  const created = createClient({
    url: service.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  clients.push(created);
  return created;
}

async function collect(draftId: string, token?: string | null): Promise<{ chunks: Chunk[]; errors: unknown[] }> {
  const chunks: Chunk[] = [];
  const errors: unknown[] = [];
  const iterator = client(token).iterate<{ draftStream: Chunk }>({ query: subscription, variables: { draftId } });
  try {
    for await (const result of iterator) {
      if (result.errors) errors.push(...result.errors);
      if (result.data) chunks.push(result.data.draftStream);
      if (result.errors || result.data?.draftStream.done) break;
    }
  } catch (error) {
    errors.push(error);
  }
  return { chunks, errors };
}

async function startStreaming(incidentId: string): Promise<{ id: string; state: string }> {
  const result = await service.graphql<{ draftStatusUpdate: { id: string; state: string } }>(
    `mutation($input: DraftStatusUpdateInput!) { draftStatusUpdate(input: $input) { id state } }`,
    { input: { incidentId, audience: 'STAKEHOLDERS', stream: true } },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.draftStatusUpdate;
}

describe('draftStream over graphql-ws', () => {
  it('returns a STREAMING draft at once and streams chunks that add up to the final text', async () => {
    const draft = await startStreaming('PDEMO01');
    expect(draft.state).toBe('STREAMING');
    const { chunks, errors } = await collect(draft.id);
    expect(errors).toEqual([]);
    const last = chunks[chunks.length - 1]!;
    expect(last.done).toBe(true);
    expect(last.draft).toMatchObject({ id: draft.id, state: 'COMPLETE' });
    expect(chunks.map((chunk) => chunk.sequence)).toEqual(chunks.map((_, index) => index + 1));
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.map((chunk) => chunk.delta).join('')).toBe(last.draft!.text);
  });

  it('replays the stored chunks to a late subscriber, then the final draft', async () => {
    const draft = await startStreaming('PDEMO02');
    const first = await collect(draft.id);
    const late = await collect(draft.id);
    expect(late.errors).toEqual([]);
    expect(late.chunks.map((chunk) => chunk.delta).join('')).toBe(first.chunks.map((chunk) => chunk.delta).join(''));
    expect(late.chunks.at(-1)).toMatchObject({ done: true, draft: { id: draft.id, state: 'COMPLETE' } });
  });

  it('refuses an unauthenticated subscriber and hides drafts of other accounts', async () => {
    const draft = await startStreaming('PDEMO03');
    const anonymous = await collect(draft.id, null);
    expect(anonymous.chunks).toEqual([]);
    expect(JSON.stringify(anonymous.errors)).toContain('UNAUTHENTICATED');
    const other = await collect(draft.id, await service.tokenFor('other-account', ['ai:read']));
    expect(other.chunks).toEqual([]);
    expect(JSON.stringify(other.errors)).toContain('NOT_FOUND');
  });
});
