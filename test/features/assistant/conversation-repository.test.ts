import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStoreFromDatabase } from '../../../src/store/create-store.js';
import type { NewConversation } from '../../../src/store/conversation-repository.js';
import { migrate } from '../../../src/store/migrate.js';
import type { Store } from '../../../src/store/store.js';
import { createPgliteTestDatabase } from '../../store/support/pglite-test-database.js';
import { createPostgresTestDatabase } from '../../store/support/postgres-test-database.js';
import type { TestDatabase } from '../../store/support/test-database.js';

const drivers: [string, () => Promise<TestDatabase>][] = [
  ['postgres', () => createPostgresTestDatabase('conversations')],
  ['pglite', createPgliteTestDatabase],
];

describe.each(drivers)('conversation repository on %s', (_driver, open) => {
  let testDatabase: TestDatabase;
  let store: Store;
  let clock = Date.parse('2025-03-11T15:00:00.000Z');
  const nextTime = (): string => new Date((clock += 1_000)).toISOString();

  beforeAll(async () => {
    testDatabase = await open();
    await migrate(testDatabase.database);
    store = createStoreFromDatabase(testDatabase.database);
  });
  afterAll(() => testDatabase?.dispose());

  const conversation = (overrides: Partial<NewConversation> = {}): NewConversation => ({
    id: 'c-1',
    accountId: 'acme',
    incidentId: 'PDEMO01',
    source: 'graphql',
    channelId: null,
    threadTs: null,
    createdBy: 'user-1',
    createdAt: nextTime(),
    ...overrides,
  });

  /** Stores one turn: an ASSISTANT_ANSWER draft of the conversation, completed unless told. */
  async function turn(accountId: string, conversationId: string, question: string, state: 'COMPLETE' | 'FAILED' | 'STREAMING' = 'COMPLETE'): Promise<string> {
    const id = `d-${accountId}-${conversationId}-${question}`.replace(/\W+/g, '-');
    await store.drafts.insert({
      id,
      accountId,
      userId: 'user-1',
      kind: 'ASSISTANT_ANSWER',
      state: 'STREAMING',
      incidentId: 'PDEMO01',
      jobId: null,
      executionId: null,
      input: { question, conversationId, priorTurns: [] },
      createdAt: nextTime(),
    });
    const generation = { provider: 'extractive', model: 'extractive', promptVersion: 'assistant/v1', variant: 'extractive:extractive', inputTokens: 1, outputTokens: 1, costUsd: 0, latencyMs: 1, degraded: true, traceId: null, attempts: 1 };
    if (state === 'COMPLETE') {
      await store.drafts.complete(accountId, id, { output: { answered: question !== 'unanswerable?', statements: [], missing: null, unverifiedCount: 0 }, text: `answer to ${question}`, generation });
    } else if (state === 'FAILED') {
      await store.drafts.fail(accountId, id, { code: 'INVALID_MODEL_OUTPUT', message: 'broken' });
    }
    return id;
  }

  it('creates and reads conversations by account: the same id in two accounts is two conversations', async () => {
    const created = await store.conversations.create(conversation());
    expect(created).toMatchObject({ id: 'c-1', accountId: 'acme', incidentId: 'PDEMO01', source: 'graphql' });
    expect(await store.conversations.get('acme', 'c-1')).toEqual(created);
    expect(await store.conversations.get('other', 'c-1')).toBeNull();
    const theirs = await store.conversations.create(conversation({ accountId: 'other', incidentId: 'PX' }));
    expect(theirs.incidentId).toBe('PX');
    expect((await store.conversations.get('acme', 'c-1'))?.incidentId).toBe('PDEMO01');
    await expect(store.conversations.create(conversation())).rejects.toThrow();
  });

  it('ensure creates once and then returns the stored conversation unchanged', async () => {
    const first = await store.conversations.ensure(conversation({ id: 'slack:C1:1.0', source: 'slack', channelId: 'C1', threadTs: '1.0', incidentId: 'PDEMO02' }));
    const again = await store.conversations.ensure(conversation({ id: 'slack:C1:1.0', source: 'slack', channelId: 'C1', threadTs: '1.0', incidentId: 'PDEMO03' }));
    expect(again).toEqual(first);
    expect(again.incidentId).toBe('PDEMO02');
  });

  it('attaches an incident only to a conversation without one, and only in its account', async () => {
    await store.conversations.create(conversation({ id: 'c-open', incidentId: null }));
    expect(await store.conversations.attachIncident('other', 'c-open', 'PDEMO04')).toBeNull();
    expect((await store.conversations.attachIncident('acme', 'c-open', 'PDEMO04'))?.incidentId).toBe('PDEMO04');
    expect((await store.conversations.attachIncident('acme', 'c-open', 'PDEMO05'))?.incidentId).toBe('PDEMO04');
  });

  it('lists the newest complete turns oldest first, never failed or streaming ones, never another account\'s', async () => {
    await turn('acme', 'c-turns', 'first?');
    await turn('acme', 'c-turns', 'broken?', 'FAILED');
    await turn('acme', 'c-turns', 'second?');
    await turn('acme', 'c-turns', 'unanswerable?');
    await turn('acme', 'c-turns', 'running?', 'STREAMING');
    await turn('other', 'c-turns', 'theirs?');
    await turn('acme', 'c-elsewhere', 'elsewhere?');

    const turns = await store.conversations.listTurns('acme', 'c-turns', 10);
    expect(turns.map((item) => item.question)).toEqual(['first?', 'second?', 'unanswerable?']);
    expect(turns[0]).toMatchObject({ answer: 'answer to first?', answered: true });
    expect(turns[2]!.answered).toBe(false);
    expect((await store.conversations.listTurns('acme', 'c-turns', 2)).map((item) => item.question)).toEqual(['second?', 'unanswerable?']);
    expect((await store.conversations.listTurns('other', 'c-turns', 10)).map((item) => item.question)).toEqual(['theirs?']);
    expect(await store.conversations.listTurns('acme', 'c-turns', 0)).toEqual([]);
    expect(await store.conversations.listTurns('nobody', 'c-turns', 10)).toEqual([]);
  });

  it('links a channel per account, relinks, and unlinks', async () => {
    const link = { accountId: 'acme', channelId: 'C9', incidentId: 'PDEMO01', linkedBy: 'slack:U1', linkedAt: nextTime() };
    expect(await store.conversations.linkChannel(link)).toEqual(link);
    expect(await store.conversations.channelLink('other', 'C9')).toBeNull();
    const relinked = await store.conversations.linkChannel({ ...link, incidentId: 'PDEMO02', linkedAt: nextTime() });
    expect(await store.conversations.channelLink('acme', 'C9')).toEqual(relinked);
    expect(await store.conversations.unlinkChannel('other', 'C9')).toBe(false);
    expect(await store.conversations.unlinkChannel('acme', 'C9')).toBe(true);
    expect(await store.conversations.channelLink('acme', 'C9')).toBeNull();
    expect(await store.conversations.unlinkChannel('acme', 'C9')).toBe(false);
  });
});
