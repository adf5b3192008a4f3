/**
 * Feedback is audited: one `draft.feedback` event per stored feedback row, with the actor, the
 * draft, its feature, the rating and whether a published text was given, never the comment
 * nor any text. Against a real (PGlite) store, so the audit table accepts the event, and over
 * HTTP, so the service wires the audit log into the feedback service.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureDependencies } from '../../../src/features/common/dependencies.js';
import { createDraftFeedbackService } from '../../../src/features/feedback/service.js';
import { createAuditLog } from '../../../src/guard/audit-log.js';
import type { Principal } from '../../../src/guard/auth/principal.js';
import type { AuditEventRecord } from '../../../src/store/audit-repository.js';
import { createStoreFromDatabase } from '../../../src/store/create-store.js';
import { migrate } from '../../../src/store/migrate.js';
import type { Store } from '../../../src/store/store.js';
import { generation, newDraft, uniqueId } from '../../store/support/fixtures.js';
import { createPgliteTestDatabase } from '../../store/support/pglite-test-database.js';
import type { TestDatabase } from '../../store/support/test-database.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const comment = 'The on-call lead, Jane Roe, says the root cause section is wrong: secret-canary-7f3a.';
const publishedText = 'We published this edited text about the PgBouncer pool: published-canary-91c2.';

describe('feedback service audit events (PGlite store)', () => {
  let testDatabase: TestDatabase;
  let store: Store;
  let events: AuditEventRecord[];
  let service: ReturnType<typeof createDraftFeedbackService>;
  let draftId: string;
  const principal: Principal = { accountId: 'acme', userId: 'alice', scopes: new Set(['ai:write']), method: 'jwt' };

  beforeAll(async () => {
    testDatabase = await createPgliteTestDatabase();
    await migrate(testDatabase.database);
    store = createStoreFromDatabase(testDatabase.database);
    const draft = await store.drafts.insert(newDraft({ accountId: 'acme', kind: 'POSTMORTEM' }));
    await store.drafts.complete('acme', draft.id, {
      output: { retained: true, unverifiedCount: 0 },
      text: 'The PgBouncer pool was exhausted.',
      generation: generation({ provider: 'openai', model: 'gpt-test' }),
    });
    draftId = draft.id;
    events = [];
    const audit = createAuditLog({ sink: { add: (record) => (events.push(record), true) } });
    const dependencies = { store, logger: { info() {} }, audit } as unknown as FeatureDependencies;
    service = createDraftFeedbackService(dependencies, { now: () => new Date('2030-01-01T00:10:00.000Z') });
  }, 60_000);
  afterAll(() => testDatabase?.dispose());

  it('records draft.feedback after the row is written: actor, draft, feature, rating, whether text was published', async () => {
    const up = await service.run(principal, { draftId, rating: 'UP' });
    const down = await service.run(principal, { draftId, rating: 'DOWN', comment, publishedText });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      action: 'draft.feedback',
      outcome: 'success',
      accountId: 'acme',
      userId: 'alice',
      authMethod: 'jwt',
      draftId,
      feature: 'postmortem',
      provider: 'openai',
      model: 'gpt-test',
      target: 'rating=UP;publishedText=no;retainedRatio=none',
      errorCode: null,
      guards: [],
      at: up.createdAt,
    });
    // The ratio is the stored row's: a number strictly between 0 and 1 for this edit.
    expect(down.retainedRatio).toBeGreaterThan(0);
    expect(down.retainedRatio).toBeLessThan(1);
    expect(events[1]).toMatchObject({ action: 'draft.feedback', draftId, target: `rating=DOWN;publishedText=yes;retainedRatio=${down.retainedRatio}`, at: down.createdAt });

    // The audit table takes the action, and what it stores holds none of the words.
    await store.auditEvents.insertMany(events);
    const stored = await store.auditEvents.list('acme', { action: 'draft.feedback' });
    expect(stored.map((event) => event.target).sort()).toEqual([`rating=DOWN;publishedText=yes;retainedRatio=${down.retainedRatio}`, 'rating=UP;publishedText=no;retainedRatio=none']);
    const everything = JSON.stringify([events, stored]);
    for (const secret of ['secret-canary-7f3a', 'Jane Roe', 'published-canary-91c2', 'PgBouncer']) expect(everything).not.toContain(secret);
  });

  it('says a text was given but no ratio for a draft stored under zero retention', async () => {
    const draft = await store.drafts.insert(newDraft({ accountId: 'acme', kind: 'STATUS_UPDATE' }));
    await store.drafts.complete('acme', draft.id, { output: { retained: false, unverifiedCount: 0 }, text: '', generation: generation() });
    const before = events.length;
    const record = await service.run(principal, { draftId: draft.id, rating: 'DOWN', comment, publishedText });
    expect(record.retainedRatio).toBeNull();
    expect(events.slice(before)).toEqual([
      expect.objectContaining({ action: 'draft.feedback', draftId: draft.id, feature: 'statusUpdate', target: 'rating=DOWN;publishedText=yes;retainedRatio=none' }),
    ]);
    const everything = JSON.stringify(events);
    for (const secret of ['secret-canary-7f3a', 'published-canary-91c2']) expect(everything).not.toContain(secret);
  });

  it('records nothing when the feedback is refused', async () => {
    const before = events.length;
    await expect(service.run(principal, { draftId: uniqueId('missing'), rating: 'UP', comment })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.run(principal, { draftId, rating: 'MEH' as 'UP' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(service.run({ ...principal, accountId: 'another' }, { draftId, rating: 'UP' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Audited only after the row is written: a failed write leaves no event.
    const failingStore = { ...store, feedback: { ...store.feedback, insert: () => Promise.reject(new Error('database down')) } };
    const failing = createDraftFeedbackService({ store: failingStore, logger: { info() {} }, audit: createAuditLog({ sink: { add: (record) => (events.push(record), true) } }) } as unknown as FeatureDependencies);
    await expect(failing.run(principal, { draftId, rating: 'UP' })).rejects.toThrow('database down');
    expect(events).toHaveLength(before);
  });
});

describe('submitDraftFeedback is audited by the service', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it('stores a draft.feedback event for the caller, without the comment', async () => {
    const created = await app.graphql<{ digestJobExecution: { id: string } }>(`mutation { digestJobExecution(input: { jobId: "RJDEMO01", executionId: "EXDEMO02" }) { id } }`);
    expect(created.errors).toBeUndefined();
    const draftId = created.data!.digestJobExecution.id;
    const submitted = await app.graphql(`mutation($input: DraftFeedbackInput!) { submitDraftFeedback(input: $input) { id } }`, {
      input: { draftId, rating: 'DOWN', comment, publishedText },
    });
    expect(submitted.errors).toBeUndefined();
    // A graceful stop flushes the audit buffer.
    await app.stopService();
    const rows = await app.sql<Record<string, unknown>>(`select * from audit_events where action = 'draft.feedback'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      account_id: 'demo',
      user_id: 'demo-user',
      auth_method: 'jwt',
      draft_id: draftId,
      feature: 'automationDigest',
      outcome: 'success',
    });
    // The ratio the service stored with the row, not a text.
    const [row] = await app.sql<{ retained_ratio: number }>(`select retained_ratio from draft_feedback where draft_id = $1`, [draftId]);
    expect(typeof row!.retained_ratio).toBe('number');
    expect(rows[0]!.target).toBe(`rating=DOWN;publishedText=yes;retainedRatio=${row!.retained_ratio}`);
    const text = JSON.stringify(rows);
    for (const secret of ['secret-canary-7f3a', 'Jane Roe', 'published-canary-91c2']) expect(text).not.toContain(secret);
  }, 60_000);
});
