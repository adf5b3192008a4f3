/**
 * Output checks on PUBLIC status updates: a model answer naming internal hosts, IPs or
 * people is repaired once, and what still leaks is scrubbed before it is stored (checked in
 * the stored draft row and its stored chunks, not only in the response); a stream never shows
 * subscribers what the final draft refuses.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleIncidents } from '../../../src/incidents/sample/index.js';
import { extractStatusUpdate } from '../../../src/features/status-update/extractor.js';
import { startFakeOpenAi, type FakeOpenAi } from '../../fakes/openai-server.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const incident = sampleIncidents.find((item) => item.id === 'PDEMO01')!;
const leaky = (() => {
  const answer = extractStatusUpdate({ incident, input: { audience: 'RESPONDERS' } });
  return {
    ...answer,
    summary: { ...answer.summary, text: `Failover of pg-payments-01.prod.internal (10.42.8.15) handled by ${incident.assignees[0]!.name}. ${answer.summary.text}` },
  };
})();
const secretWords = ['pg-payments-01.prod.internal', '10.42.8.15', incident.assignees[0]!.name];

let openai: FakeOpenAi;
let service: TestApp;
beforeAll(async () => {
  openai = await startFakeOpenAi();
  service = await startTestApp({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.url });
});
afterAll(async () => {
  await service?.close();
  await openai?.close();
});

describe('PUBLIC status updates from a model', () => {
  it('asks for a repair naming the leak, then scrubs what the repair still leaks', async () => {
    openai.reset();
    openai.enqueue({ kind: 'ok', json: leaky }, { kind: 'ok', json: leaky });
    const result = await service.graphql<{ draftStatusUpdate: { id: string; text: string; generation: { provider: string } } }>(
      `mutation { draftStatusUpdate(input: { incidentId: "PDEMO01", audience: PUBLIC }) { id text generation { provider } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.draftStatusUpdate.generation.provider).toBe('openai');
    const repairRequest = JSON.stringify(openai.requests[1]?.body);
    expect(repairRequest).toContain('must not contain');
    for (const word of secretWords) expect(result.data!.draftStatusUpdate.text).not.toContain(word);
    await expectStoredWithout(result.data!.draftStatusUpdate.id);
  });

  it('never streams what the final draft refuses', async () => {
    openai.reset();
    openai.enqueue({ kind: 'ok', json: leaky, chunkDelayMs: 2 }, { kind: 'ok', json: leaky });
    const created = await service.graphql<{ draftStatusUpdate: { id: string } }>(
      `mutation { draftStatusUpdate(input: { incidentId: "PDEMO01", audience: PUBLIC, stream: true }) { id } }`,
    );
    const client = createClient({ url: service.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${service.token}` }, retryAttempts: 0 });
    const chunks: { delta: string; done: boolean; draft: { text: string } | null }[] = [];
    for await (const result of client.iterate<{ draftStream: { delta: string; done: boolean; draft: { text: string } | null } }>({
      query: 'subscription($id: ID!) { draftStream(draftId: $id) { delta done draft { text } } }',
      variables: { id: created.data!.draftStatusUpdate.id },
    })) {
      chunks.push(result.data!.draftStream);
      if (result.data!.draftStream.done) break;
    }
    await client.dispose();
    const streamed = chunks.map((chunk) => chunk.delta).join('');
    for (const word of secretWords) {
      expect(streamed).not.toContain(word);
      expect(chunks.at(-1)!.draft!.text).not.toContain(word);
    }
    await expectStoredWithout(created.data!.draftStatusUpdate.id);
  });
});

/** The stored draft row (text and structured output) and its stored chunks hold none of the secret words. */
async function expectStoredWithout(draftId: string): Promise<void> {
  const [row] = await service.sql<{ state: string; text: string; output: unknown }>('SELECT state, text, output FROM drafts WHERE id = $1', [draftId]);
  expect(row).toMatchObject({ state: 'COMPLETE' });
  // The stored text is the scrubbed draft, not an empty placeholder.
  expect(row!.text.length).toBeGreaterThan(40);
  const chunks = await service.sql<{ delta: string }>('SELECT delta FROM draft_chunks WHERE draft_id = $1', [draftId]);
  const stored = JSON.stringify({ text: row!.text, output: row!.output, chunks });
  for (const word of secretWords) expect(stored, `stored row of ${draftId}`).not.toContain(word);
}
