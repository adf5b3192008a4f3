import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const askAssistant = /* GraphQL */ `
  mutation Ask($input: AskAssistantInput!) {
    askAssistant(input: $input) {
      id kind state incidentId question conversationId answered missing text unverifiedCount
      statements { text unverified citations { sourceType sourceId excerpt } }
      sources { sourceType sourceId excerpt }
      generation { provider degraded promptVersion }
    }
  }
`;

interface Answer {
  id: string;
  kind: string;
  state: string;
  incidentId: string | null;
  question: string;
  conversationId: string;
  answered: boolean | null;
  missing: string | null;
  text: string;
  unverifiedCount: number;
  statements: { text: string; unverified: boolean; citations: { sourceType: string; sourceId: string; excerpt: string }[] }[] | null;
  sources: { sourceType: string; sourceId: string }[] | null;
  generation: { provider: string; degraded: boolean; promptVersion: string } | null;
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

async function ask(input: Record<string, unknown>, token?: string) {
  return service.graphql<{ askAssistant: Answer }>(askAssistant, { input }, token === undefined ? {} : { token });
}

async function storedInput(draftId: string): Promise<{ question: string; conversationId: string; priorTurns: { question: string; answer: string }[] }> {
  const [row] = await service.sql<{ input: { question: string; conversationId: string; priorTurns: { question: string; answer: string }[] } }>(
    'select input from drafts where id = $1',
    [draftId],
  );
  return row!.input;
}

describe('askAssistant on the embedded default', () => {
  it('answers from the incident data with cited statements and their sources', async () => {
    const result = await ask({ incidentId: 'PDEMO01', question: 'Which replication slot filled the WAL volume?' });
    expect(result.errors).toBeUndefined();
    const answer = result.data!.askAssistant;
    expect(answer).toMatchObject({
      kind: 'ASSISTANT_ANSWER',
      state: 'COMPLETE',
      incidentId: 'PDEMO01',
      question: 'Which replication slot filled the WAL volume?',
      answered: true,
      missing: null,
      unverifiedCount: 0,
      generation: { provider: 'extractive', degraded: true, promptVersion: 'assistant/v3' },
    });
    expect(answer.conversationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.statements!.length).toBeGreaterThan(0);
    const cited = answer.statements!.flatMap((statement) => statement.citations.map((citation) => citation.sourceId));
    expect(cited).toContain('PDEMO01-NOTE-4');
    expect(answer.sources!.map((source) => source.sourceId)).toEqual([...new Set(cited)]);
    expect(answer.text).toContain('debezium_payments_cdc');

    const stored = await service.graphql<{ draft: { id: string; answered: boolean; conversationId: string } }>(
      `query($id: ID!) { draft(id: $id) { id ... on AssistantAnswer { answered conversationId } } }`,
      { id: answer.id },
    );
    expect(stored.data!.draft).toEqual({ id: answer.id, answered: true, conversationId: answer.conversationId });
  });

  it('answers false, and says so, when the data does not hold the answer', async () => {
    const result = await ask({ incidentId: 'PDEMO02', question: "What is the CFO's phone number?" });
    expect(result.errors).toBeUndefined();
    const answer = result.data!.askAssistant;
    expect(answer).toMatchObject({ state: 'COMPLETE', answered: false, statements: [], sources: [] });
    expect(answer.missing).toMatch(/PDEMO02 mentions/);
    expect(answer.text).toContain('Not in the incident data');
  });

  it('keeps a conversation: the second question carries the first, and the incident', async () => {
    const first = (await ask({ incidentId: 'PDEMO01', question: 'What caused the outage?' })).data!.askAssistant;
    const second = await ask({ conversationId: first.conversationId, question: 'Who is the incident commander?' });
    expect(second.errors).toBeUndefined();
    const answer = second.data!.askAssistant;
    expect(answer).toMatchObject({ conversationId: first.conversationId, incidentId: 'PDEMO01', answered: true });
    expect(answer.text).toContain('Hannah Lindqvist');
    const input = await storedInput(answer.id);
    expect(input.priorTurns).toEqual([{ question: 'What caused the outage?', answer: first.text.trim() }]);
    expect((await storedInput(first.id)).priorTurns).toEqual([]);

    const third = (await ask({ conversationId: first.conversationId, question: 'When was it resolved?' })).data!.askAssistant;
    expect((await storedInput(third.id)).priorTurns.map((turn) => turn.question)).toEqual(['What caused the outage?', 'Who is the incident commander?']);
  });

  it('keeps conversations per account: another account can neither continue nor read one', async () => {
    const mine = (await ask({ incidentId: 'PDEMO01', question: 'What caused the outage?' })).data!.askAssistant;
    const other = await service.tokenFor('other-account', ['ai:read', 'ai:write']);
    const foreign = await ask({ conversationId: mine.conversationId, question: 'And who fixed it?' }, other);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // The other account's own conversation starts empty (and it cannot see demo's incidents).
    const own = await ask({ question: 'What caused the outage?' }, other);
    expect(own.errors).toBeUndefined();
    expect(own.data!.askAssistant).toMatchObject({ answered: false, incidentId: null });
    expect((await storedInput(own.data!.askAssistant.id)).priorTurns).toEqual([]);
    expect((await ask({ incidentId: 'PDEMO01', question: 'What caused the outage?' }, other)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses an empty, a blank or an over-long question, and bad ids, with BAD_USER_INPUT', async () => {
    for (const question of ['', '   \n ', 'x'.repeat(2_001)]) {
      const result = await ask({ incidentId: 'PDEMO01', question });
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(question.slice(0, 10))).toBe('BAD_USER_INPUT');
    }
    // A question of exactly 2,000 characters of varied text passes (2,000 copies of one
    // character would be a token flood for the injection screen).
    const longest = Array.from({ length: 200 }, (_, index) => `event ${index} at 14:${String(index % 60).padStart(2, '0')}?`).join(' ').slice(0, 2_000);
    expect(longest).toHaveLength(2_000);
    expect((await ask({ incidentId: 'PDEMO01', question: longest })).errors).toBeUndefined();
    expect((await ask({ incidentId: ' ', question: 'What caused it?' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await ask({ conversationId: 'c'.repeat(201), question: 'What caused it?' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const count = await service.sql<{ count: string }>(`select count(*) from drafts where kind = 'ASSISTANT_ANSWER' and length(input ->> 'question') > 2000`);
    expect(Number(count[0]!.count)).toBe(0);
  });

  it('NOT_FOUND for an unknown incident or conversation; BAD_USER_INPUT for switching incidents mid-conversation', async () => {
    expect((await ask({ incidentId: 'PNOPE', question: 'What caused it?' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await ask({ conversationId: 'no-such-conversation', question: 'What caused it?' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const first = (await ask({ incidentId: 'PDEMO03', question: 'Were any orders lost?' })).data!.askAssistant;
    const switched = await ask({ conversationId: first.conversationId, incidentId: 'PDEMO04', question: 'What is the current status?' });
    expect(switched.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await ask({ conversationId: first.conversationId, incidentId: 'PDEMO03', question: 'What changed in the rate limit config?' })).errors).toBeUndefined();
  });

  it('a conversation started without an incident takes one when it is named', async () => {
    const first = (await ask({ question: 'What caused the outage?' })).data!.askAssistant;
    expect(first).toMatchObject({ incidentId: null, answered: false });
    const second = (await ask({ conversationId: first.conversationId, incidentId: 'PDEMO05', question: 'What was rolled back?' })).data!.askAssistant;
    expect(second).toMatchObject({ incidentId: 'PDEMO05', answered: true });
    const third = (await ask({ conversationId: first.conversationId, question: 'When will the backlog clear?' })).data!.askAssistant;
    expect(third).toMatchObject({ incidentId: 'PDEMO05', answered: true });
  });

  it('lists answers on the incident entity', async () => {
    const answer = (await ask({ incidentId: 'PDEMO06', question: 'Why are the pods OOMKilled?' })).data!.askAssistant;
    const entities = await service.graphql<{ _entities: { aiDrafts: { id: string; question: string }[] }[] }>(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Incident { aiDrafts(kind: ASSISTANT_ANSWER) { id ... on AssistantAnswer { question } } } } }`,
      { representations: [{ __typename: 'Incident', id: 'PDEMO06' }] },
    );
    expect(entities.errors).toBeUndefined();
    expect(entities.data!._entities[0]!.aiDrafts).toContainEqual({ id: answer.id, question: 'Why are the pods OOMKilled?' });
  });
});

describe('askAssistant streaming', () => {
  interface Chunk {
    sequence: number;
    delta: string;
    done: boolean;
    draft: { id: string; state: string; text: string; answered?: boolean } | null;
    error: { code: string } | null;
  }

  it('returns a STREAMING answer at once and streams chunks that add up to its text', async () => {
    const result = await ask({ incidentId: 'PDEMO01', question: 'What caused the outage?', stream: true });
    expect(result.errors).toBeUndefined();
    const started = result.data!.askAssistant;
    expect(started).toMatchObject({ state: 'STREAMING', answered: null, statements: null, sources: null });

    const client = createClient({ url: service.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${service.token}` }, retryAttempts: 0 });
    clients.push(client);
    const chunks: Chunk[] = [];
    const iterator = client.iterate<{ draftStream: Chunk }>({
      query: `subscription($draftId: ID!) { draftStream(draftId: $draftId) { sequence delta done error { code } draft { id state text ... on AssistantAnswer { answered } } } }`,
      variables: { draftId: started.id },
    });
    for await (const next of iterator) {
      expect(next.errors).toBeUndefined();
      chunks.push(next.data!.draftStream);
      if (next.data!.draftStream.done) break;
    }
    const last = chunks.at(-1)!;
    expect(last.draft).toMatchObject({ id: started.id, state: 'COMPLETE', answered: true });
    expect(chunks.map((chunk) => chunk.sequence)).toEqual(chunks.map((_, index) => index + 1));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.map((chunk) => chunk.delta).join('')).toBe(last.draft!.text);

    // The streamed turn is history for the next question once complete.
    const next = (await ask({ conversationId: started.conversationId, question: 'Who fixed it?' })).data!.askAssistant;
    expect((await storedInput(next.id)).priorTurns.map((turn) => turn.question)).toEqual(['What caused the outage?']);
  });
});
