/**
 * Two service processes sharing Redis and PostgreSQL: a subscriber on one sees a draft
 * streamed by the other, and a process killed mid-stream leaves its draft FAILED and its
 * subscribers (on the other replica) a final error chunk.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleIncidents } from '../../src/incidents/sample/index.js';
import { extractStatusUpdate } from '../../src/features/status-update/extractor.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai-server.js';
import { testRedisUrl } from '../support/redis.js';
import { spawnService, type SpawnedService } from '../support/spawn-service.js';
import { testDatabaseUrl } from '../support/test-app.js';

interface Chunk {
  sequence: number;
  delta: string;
  done: boolean;
  draft: { id: string; state: string; text: string } | null;
  error: { code: string } | null;
}

const schema = `test_replicas_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
let dataDir: string;
let openai: FakeOpenAi;
let first: SpawnedService;
let second: SpawnedService;
const clients: Client[] = [];
const answer = extractStatusUpdate({ incident: sampleIncidents.find((item) => item.id === 'PDEMO01')!, input: { audience: 'RESPONDERS' } });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'incident-ai-replicas-'));
  openai = await startFakeOpenAi();
  const environment = {
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: openai.url,
    DATABASE_URL: testDatabaseUrl,
    DATABASE_SCHEMA: schema,
    DATA_DIR: dataDir,
    REDIS_URL: testRedisUrl,
    REDIS_KEY_PREFIX: `test-${randomUUID()}`,
  };
  first = await spawnService(environment);
  second = await spawnService(environment);
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await Promise.all([first?.stop(), second?.stop()]);
  await openai?.close();
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
  await rm(dataDir, { recursive: true, force: true });
});

async function startStream(service: SpawnedService): Promise<string> {
  const response = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${first.token}` },
    body: JSON.stringify({ query: 'mutation { draftStatusUpdate(input: { incidentId: "PDEMO01", audience: RESPONDERS, stream: true }) { id state } }' }),
  });
  const body = (await response.json()) as { data: { draftStatusUpdate: { id: string; state: string } } };
  expect(body.data.draftStatusUpdate.state).toBe('STREAMING');
  return body.data.draftStatusUpdate.id;
}

function subscribe(service: SpawnedService, draftId: string, onChunk: (chunk: Chunk) => void): Promise<Chunk[]> {
  const client = createClient({
    url: service.url.replace('http', 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${first.token}` },
    retryAttempts: 0,
  });
  clients.push(client);
  return (async () => {
    const chunks: Chunk[] = [];
    for await (const result of client.iterate<{ draftStream: Chunk }>({
      query: 'subscription($id: ID!) { draftStream(draftId: $id) { sequence delta done draft { id state text } error { code } } }',
      variables: { id: draftId },
    })) {
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      chunks.push(result.data!.draftStream);
      onChunk(result.data!.draftStream);
      if (result.data!.draftStream.done) break;
    }
    return chunks;
  })();
}

async function draftState(draftId: string): Promise<string> {
  const response = await fetch(`${second.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${first.token}` },
    body: JSON.stringify({ query: 'query($id: ID!) { draft(id: $id) { state } }', variables: { id: draftId } }),
  });
  return ((await response.json()) as { data: { draft: { state: string } } }).data.draft.state;
}

describe('replicas sharing Redis and PostgreSQL', () => {
  it('a subscriber on one replica sees the whole draft streamed by the other', async () => {
    openai.enqueue({ kind: 'ok', json: answer, chunkDelayMs: 20 });
    const draftId = await startStream(first);
    const chunks = await subscribe(second, draftId, () => undefined);
    const last = chunks.at(-1)!;
    expect(last).toMatchObject({ done: true, draft: { id: draftId, state: 'COMPLETE' } });
    expect(chunks.map((chunk) => chunk.sequence)).toEqual(chunks.map((_, index) => index + 1));
    expect(chunks.map((chunk) => chunk.delta).join('')).toBe(last.draft!.text);
  });

  it('a replica killed mid-stream leaves its draft FAILED and the other replica\'s subscribers an error chunk', async () => {
    openai.enqueue({ kind: 'ok', json: answer, chunkDelayMs: 300 });
    const draftId = await startStream(first);
    let seen = 0;
    let killed = false;
    const chunks = await subscribe(second, draftId, () => {
      seen += 1;
      if (seen === 2 && !killed) {
        killed = true;
        first.process.kill('SIGKILL');
      }
    });
    expect(killed).toBe(true);
    const last = chunks.at(-1)!;
    expect(last.done).toBe(true);
    expect(last.error?.code).toBe('GENERATION_INTERRUPTED');
    expect(await draftState(draftId)).toBe('FAILED');
  }, 60_000);
});
