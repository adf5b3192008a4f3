/**
 * A streamed generation starts while its STREAMING row is inserted (the model's first token and
 * the insert's round trip overlap), yet nothing that needs the row runs before it exists, and a
 * failed insert leaves no trace beyond the mutation's error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors/app-error.js';
import { ErrorCode } from '../../../src/errors/error-codes.js';
import { createDraftGenerator } from '../../../src/features/common/draft-generator.js';
import { statusUpdateFeature } from '../../../src/features/status-update/feature.js';
import { createAuditLog } from '../../../src/guard/audit-log.js';
import { scopes, type Principal } from '../../../src/guard/auth/principal.js';
import { sampleIncidents } from '../../../src/incidents/sample/index.js';
import type { LlmManager } from '../../../src/llm/generation.js';
import type { AuditEventRecord } from '../../../src/store/audit-repository.js';
import { createStoreFromDatabase } from '../../../src/store/create-store.js';
import { migrate } from '../../../src/store/migrate.js';
import type { Store } from '../../../src/store/store.js';
import type { NewDraft } from '../../../src/store/types.js';
import { createDraftStreamHub } from '../../../src/streams/draft-stream-hub.js';
import type { DraftChunkEvent } from '../../../src/streams/types.js';
import { createLogger } from '../../../src/telemetry/logger.js';
import { createPgliteTestDatabase } from '../../store/support/pglite-test-database.js';
import type { TestDatabase } from '../../store/support/test-database.js';

const principal: Principal = { accountId: 'demo', userId: 'apikey:abcdefghijkl', scopes: new Set(scopes), method: 'api_key' };
const incident = sampleIncidents.find((item) => item.id === 'PDEMO01')!;

describe('a streamed generation and the insert of its draft', () => {
  let testDatabase: TestDatabase;

  beforeAll(async () => {
    testDatabase = await createPgliteTestDatabase();
    await migrate(testDatabase.database);
  });
  afterAll(() => testDatabase?.dispose());

  /** The store with an insert that waits for `open` (and then inserts, or fails with `failure`). */
  function gatedStore(failure: Error | null): { store: Store; open(): void } {
    const store = createStoreFromDatabase(testDatabase.database);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const insert = store.drafts.insert.bind(store.drafts);
    store.drafts.insert = async (draft: NewDraft) => {
      await gate;
      if (failure) throw failure;
      return insert(draft);
    };
    return { store, open };
  }

  function generatorWith(store: Store, manager: LlmManager) {
    const events: AuditEventRecord[] = [];
    const logger = createLogger('silent');
    const hub = createDraftStreamHub({ store, logger, storeChunksEveryMs: 0 });
    const audit = createAuditLog({ sink: { add: (record) => events.push(record) > 0 } });
    return { generator: createDraftGenerator({ store, manager, hub, logger, audit }), hub, events };
  }

  const generate = (generator: ReturnType<typeof createDraftGenerator>) =>
    generator.generate(statusUpdateFeature, { principal, input: { audience: 'RESPONDERS', guidance: null }, incident, job: null, execution: null }, { incidentId: incident.id, jobId: null, executionId: null }, { stream: true });

  it('asks the model before the row is stored, answers with the stored row, and marks it FAILED only once it exists', async () => {
    const { store, open } = gatedStore(null);
    let asked!: () => void;
    const modelAsked = new Promise<void>((resolve) => (asked = resolve));
    const manager: LlmManager = {
      generate: () => {
        asked();
        return Promise.reject(new AppError(ErrorCode.PROVIDER_UNAVAILABLE, 'Every provider failed.', { retryable: true }));
      },
      health: () => [],
    };
    const { generator, hub, events } = generatorWith(store, manager);
    const answer = generate(generator);
    await modelAsked;
    open();
    const draft = await answer;
    expect(draft.state).toBe('STREAMING');
    expect(await store.drafts.get('demo', draft.id)).toMatchObject({ state: 'STREAMING' });

    const chunks: DraftChunkEvent[] = [];
    for await (const chunk of hub.subscribe('demo', draft.id)) chunks.push(chunk);
    expect(chunks.at(-1)).toMatchObject({ done: true, error: { code: 'PROVIDER_UNAVAILABLE' } });
    await generator.drain();
    expect(await store.drafts.get('demo', draft.id)).toMatchObject({ state: 'FAILED', error: { code: 'PROVIDER_UNAVAILABLE' } });
    expect(events).toMatchObject([{ action: 'draft.generate', outcome: 'failure', errorCode: 'PROVIDER_UNAVAILABLE', draftId: draft.id }]);
  });

  it('fails with the insert error when the row cannot be stored, and records nothing else', async () => {
    const { store, open } = gatedStore(new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The database is unreachable.', { retryable: true }));
    const manager: LlmManager = {
      generate: () => Promise.reject(new AppError(ErrorCode.PROVIDER_UNAVAILABLE, 'Every provider failed.', { retryable: true })),
      health: () => [],
    };
    const { generator, events } = generatorWith(store, manager);
    const answer = generate(generator).catch((error: unknown) => error);
    open();
    expect(await answer).toMatchObject({ code: ErrorCode.SERVICE_UNAVAILABLE });
    await generator.drain();
    expect(events).toEqual([]);
  });
});
