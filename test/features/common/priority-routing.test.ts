/**
 * Routing by the incident's priority through the whole service: a draft for a non-urgent
 * incident takes the routing file's cheaper `normalPriority` chain, a P1 the usual chain, as the
 * fake OpenAI server sees the model asked for.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from '../../fakes/openai-server.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let openai: FakeOpenAi;
let service: TestApp;
let folder: string;

beforeAll(async () => {
  openai = await startFakeOpenAi();
  folder = await mkdtemp(path.join(tmpdir(), 'incident-ai-priority-'));
  const routing = path.join(folder, 'routing.json');
  await writeFile(
    routing,
    JSON.stringify({
      providers: { openai: { kind: 'openai', baseURL: openai.url } },
      defaultChain: [{ provider: 'openai', model: 'gpt-4.1' }],
      normalPriority: { defaultChain: [{ provider: 'openai', model: 'gpt-4.1-nano' }] },
    }),
  );
  service = await startTestApp({ LLM_CONFIG: routing, OPENAI_API_KEY: 'sk-test' });
});
afterAll(async () => {
  await service?.close();
  await openai?.close();
  await rm(folder, { recursive: true, force: true });
});
beforeEach(() => openai.reset());

const models = (): string[] => openai.requests.filter((request) => request.path.endsWith('/chat/completions')).map((request) => (request.body as { model: string }).model);
const draft = (incidentId: string) =>
  service.graphql<{ draftStatusUpdate: { state: string } }>(`mutation($id: ID!) { draftStatusUpdate(input: { incidentId: $id, audience: RESPONDERS }) { state } }`, { id: incidentId });

describe('routing by incident priority', () => {
  it('sends a P3 / low-urgency incident to the cheaper chain and a P1 to the usual one', async () => {
    expect((await draft('PDEMO05')).errors).toBeUndefined();
    const low = models();
    expect(low.length).toBeGreaterThan(0);
    expect(new Set(low)).toEqual(new Set(['gpt-4.1-nano']));

    openai.reset();
    expect((await draft('PDEMO01')).errors).toBeUndefined();
    const urgent = models();
    expect(urgent.length).toBeGreaterThan(0);
    expect(new Set(urgent)).toEqual(new Set(['gpt-4.1']));
  });
});
