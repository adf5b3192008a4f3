import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataPolicy } from '../../src/guard/data-policy.js';
import { sampleIncidents } from '../../src/incidents/sample/index.js';
import { extractStatusUpdate } from '../../src/features/status-update/extractor.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const external = { kind: 'openai' as const, selfHosted: false };
const selfHosted = { kind: 'openai' as const, selfHosted: true };
const extractive = { kind: 'extractive' as const, selfHosted: true };
const incident = (id: string) => sampleIncidents.find((item) => item.id === id)!;

describe('data policy', () => {
  it('keeps an account that has not opted in, and private incidents, on self-hosted providers', () => {
    const policy = createDataPolicy({ restricted: { externalProviders: false } });
    expect(policy.permits('open', external, { input: {} }).allowed).toBe(true);
    expect(policy.permits('restricted', external, { input: {} })).toEqual({ allowed: false, reason: 'the account has not opted in to external AI providers' });
    expect(policy.permits('restricted', selfHosted, { input: {} }).allowed).toBe(true);
    expect(policy.permits('restricted', extractive, { input: {} }).allowed).toBe(true);
    expect(incident('PDEMO06').private).toBe(true);
    expect(policy.permits('open', external, { incident: incident('PDEMO06'), input: {} })).toEqual({ allowed: false, reason: 'the incident is private' });
    expect(policy.permits('open', selfHosted, { incident: incident('PDEMO06'), input: {} }).allowed).toBe(true);
  });
});

describe('data policy through the LLM Manager', () => {
  let openai: FakeOpenAi;
  const services: TestApp[] = [];
  beforeAll(async () => {
    openai = await startFakeOpenAi();
  });
  afterAll(async () => {
    for (const service of services) await service.close();
    await openai.close();
  });
  const start = async (environment: Record<string, string>) => {
    const service = await startTestApp({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.url, ...environment });
    services.push(service);
    return service;
  };
  const draft = (service: TestApp, incidentId: string) =>
    service.graphql<{ draftStatusUpdate: { id: string; text: string; generation: { provider: string } } }>(
      `mutation($id: ID!) { draftStatusUpdate(input: { incidentId: $id, audience: STAKEHOLDERS }) { id text generation { provider } } }`,
      { id: incidentId },
    );

  it('sends nothing of a restricted account, nor of a private incident, to an external provider', async () => {
    const restricted = await start({ DATA_POLICIES: JSON.stringify({ demo: { externalProviders: false } }) });
    openai.reset();
    const result = await draft(restricted, 'PDEMO01');
    expect(result.data!.draftStatusUpdate.generation.provider).toBe('extractive');
    expect(openai.requests).toHaveLength(0);

    const open = await start({});
    openai.reset();
    openai.enqueue({ kind: 'ok', json: extractStatusUpdate({ incident: incident('PDEMO01'), input: { audience: 'STAKEHOLDERS' } }) });
    expect((await draft(open, 'PDEMO01')).data!.draftStatusUpdate.generation.provider).toBe('openai');
    openai.reset();
    expect((await draft(open, 'PDEMO06')).data!.draftStatusUpdate.generation.provider).toBe('extractive');
    expect(openai.requests).toHaveLength(0);
  });

  // Every table, span and log line, streamed and not: test/guard/zero-retention.test.ts.
  it('zero retention: the caller gets the text; the drafts row keeps the input’s shape (audience) but no text', async () => {
    const zero = await start({ DATA_POLICIES: JSON.stringify({ demo: { retainText: false, externalProviders: false } }) });
    const result = await draft(zero, 'PDEMO02');
    expect(result.data!.draftStatusUpdate.text.length).toBeGreaterThan(40);
    const [row] = await zero.sql<{ text: string; output: Record<string, unknown> }>('SELECT text, output FROM drafts WHERE id = $1', [result.data!.draftStatusUpdate.id]);
    expect(row!.text).toBe('');
    expect(JSON.stringify(row!.output)).not.toContain('summary');

    // What the requester wrote is not kept either; the caller still sees it in the answer.
    const question = 'Which replication slot filled the WAL volume on the old primary?';
    const asked = await zero.graphql<{ askAssistant: { id: string; question: string; text: string } }>(
      `mutation($q: String!) { askAssistant(input: { incidentId: "PDEMO01", question: $q }) { id question text } }`,
      { q: question },
    );
    expect(asked.errors).toBeUndefined();
    expect(asked.data!.askAssistant.question).toBe(question);
    const guidance = 'Mention the ledger reconciliation for finance.';
    const guided = await zero.graphql<{ draftStatusUpdate: { id: string } }>(
      `mutation($g: String!) { draftStatusUpdate(input: { incidentId: "PDEMO01", audience: STAKEHOLDERS, guidance: $g }) { id } }`,
      { g: guidance },
    );
    expect(guided.errors).toBeUndefined();
    const rows = await zero.sql<{ input: Record<string, unknown>; text: string }>('SELECT input, text FROM drafts WHERE id = ANY($1)', [[asked.data!.askAssistant.id, guided.data!.draftStatusUpdate.id]]);
    expect(rows).toHaveLength(2);
    for (const stored of rows) {
      expect(stored.text).toBe('');
      expect(JSON.stringify(stored.input)).not.toContain('replication slot');
      expect(JSON.stringify(stored.input)).not.toContain('ledger');
    }
    expect(rows.map((stored) => stored.input).find((input) => 'audience' in input)).toMatchObject({ audience: 'STAKEHOLDERS', guidance: '' });
  });
});
