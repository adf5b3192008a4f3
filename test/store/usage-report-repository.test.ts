/**
 * The usage dashboard's reads (src/store/usage-report-repository.ts), against PGlite and the
 * PostgreSQL test server: the grouped breakdown of provider calls (latency percentiles,
 * fallbacks, degraded share, prompt version from the draft), guard hits and throttle refusals
 * from the audit trail, feedback per day. Each read is scoped to one account and [from, to).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStoreFromDatabase } from '../../src/store/create-store.js';
import { migrate } from '../../src/store/migrate.js';
import type { AuditEventRecord } from '../../src/store/audit-repository.js';
import type { Store } from '../../src/store/store.js';
import { feedback, generation, llmCall, newDraft, uniqueId } from './support/fixtures.js';
import { createPgliteTestDatabase } from './support/pglite-test-database.js';
import { createPostgresTestDatabase } from './support/postgres-test-database.js';
import type { TestDatabase, TestDatabaseFactory } from './support/test-database.js';

const from = '2030-03-01T00:00:00.000Z';
const to = '2030-03-03T00:00:00.000Z';

function auditEvent(overrides: Partial<AuditEventRecord> & Pick<AuditEventRecord, 'accountId'>): AuditEventRecord {
  return {
    id: uniqueId('audit'),
    at: '2030-03-01T10:00:00.000Z',
    userId: 'user-1',
    authMethod: 'jwt',
    action: 'draft.generate',
    draftId: null,
    feature: 'statusUpdate',
    provider: null,
    model: null,
    outcome: 'success',
    errorCode: null,
    guards: [],
    target: null,
    requestId: null,
    traceId: null,
    ...overrides,
  };
}

function describeUsageReports(label: string, open: TestDatabaseFactory): void {
  describe(`usage reports (${label})`, () => {
    let testDatabase: TestDatabase;
    let store: Store;
    const account = uniqueId('account');
    const other = uniqueId('account');

    beforeAll(async () => {
      testDatabase = await open();
      await migrate(testDatabase.database);
      store = createStoreFromDatabase(testDatabase.database);

      // Day 1: a v1 draft that fell back from openai to extractive (degraded), a v2 draft on openai.
      const fellBack = await store.drafts.insert(newDraft({ accountId: account, createdAt: '2030-03-01T09:00:00.000Z' }));
      await store.drafts.complete(account, fellBack.id, { output: {}, text: 'a', generation: generation({ provider: 'extractive', model: 'extractive', promptVersion: 'status-update/v1', degraded: true }) });
      const direct = await store.drafts.insert(newDraft({ accountId: account, createdAt: '2030-03-01T09:00:00.000Z' }));
      await store.drafts.complete(account, direct.id, { output: {}, text: 'b', generation: generation({ promptVersion: 'status-update/v2' }) });
      // Day 2: a runbook draft on openai.
      const runbook = await store.drafts.insert(newDraft({ accountId: account, kind: 'RUNBOOK_JOB', createdAt: '2030-03-02T09:00:00.000Z' }));
      await store.drafts.complete(account, runbook.id, { output: {}, text: 'c', generation: generation({ promptVersion: 'runbook/v1' }) });
      await store.llmCalls.insertMany([
        llmCall({ accountId: account, draftId: fellBack.id, attempt: 1, outcome: 'error', errorKind: 'timeout', latencyMs: 1000, inputTokens: 0, outputTokens: 0, costUsd: 0, startedAt: '2030-03-01T09:00:01.000Z' }),
        llmCall({ accountId: account, draftId: fellBack.id, attempt: 2, provider: 'extractive', model: 'extractive', latencyMs: 10, costUsd: 0, startedAt: '2030-03-01T09:00:02.000Z' }),
        llmCall({ accountId: account, draftId: direct.id, latencyMs: 200, startedAt: '2030-03-01T09:10:00.000Z' }),
        llmCall({ accountId: account, draftId: direct.id, attempt: 2, latencyMs: 300, startedAt: '2030-03-01T09:10:01.000Z' }),
        llmCall({ accountId: account, feature: 'runbook', draftId: runbook.id, latencyMs: 500, startedAt: '2030-03-02T09:00:00.000Z' }),
        // Outside the window, and another account's call: never counted.
        llmCall({ accountId: account, draftId: direct.id, latencyMs: 99_999, startedAt: '2030-03-03T00:00:00.000Z' }),
        llmCall({ accountId: other, latencyMs: 99_999, startedAt: '2030-03-01T12:00:00.000Z' }),
      ]);
      await store.auditEvents.insertMany([
        auditEvent({ accountId: account, guards: ['citations_unverified', 'injection_quarantined'] }),
        auditEvent({ accountId: account, guards: ['citations_unverified'], at: '2030-03-01T11:00:00.000Z' }),
        auditEvent({ accountId: account, outcome: 'refused', errorCode: 'INJECTION_BLOCKED', guards: ['injection_blocked'], feature: 'assistant' }),
        auditEvent({ accountId: account, outcome: 'refused', errorCode: 'RATE_LIMITED', at: '2030-03-02T08:00:00.000Z' }),
        auditEvent({ accountId: account, outcome: 'refused', errorCode: 'RATE_LIMITED', at: '2030-03-02T08:01:00.000Z' }),
        auditEvent({ accountId: account, outcome: 'refused', errorCode: 'BUDGET_EXCEEDED', feature: 'postmortem', at: '2030-03-02T08:02:00.000Z' }),
        auditEvent({ accountId: other, outcome: 'refused', errorCode: 'RATE_LIMITED', guards: ['citations_unverified'] }),
      ]);
      await store.feedback.insert(feedback({ accountId: account, draftId: fellBack.id, retainedRatio: 1, createdAt: '2030-03-01T10:00:00.000Z' }));
      await store.feedback.insert(feedback({ accountId: account, draftId: direct.id, retainedRatio: 0.5, createdAt: '2030-03-01T10:00:00.000Z' }));
      // A second verdict on `direct`, the next day: it replaces the first.
      await store.feedback.insert(feedback({ accountId: account, draftId: direct.id, retainedRatio: 0.1, createdAt: '2030-03-02T10:00:00.000Z' }));
      await store.feedback.insert(feedback({ accountId: account, draftId: runbook.id, retainedRatio: 1, createdAt: '2030-03-02T10:00:00.000Z' }));
    });

    afterAll(async () => {
      await testDatabase?.dispose();
    });

    it('groups calls by day, feature, provider, model and prompt version with percentiles, fallbacks and degraded drafts', async () => {
      const rows = await store.usageReports.breakdown(account, from, to, ['DAY', 'FEATURE', 'PROVIDER', 'MODEL', 'PROMPT_VERSION']);
      expect(rows.map((row) => [row.day, row.feature, row.provider, row.model, row.promptVersion, row.calls, row.errors, row.generations, row.fallbacks, row.degraded])).toEqual([
        ['2030-03-01', 'statusUpdate', 'extractive', 'extractive', 'status-update/v1', 1, 0, 1, 1, 1],
        ['2030-03-01', 'statusUpdate', 'openai', 'gpt-test', 'status-update/v1', 1, 1, 1, 1, 1],
        ['2030-03-01', 'statusUpdate', 'openai', 'gpt-test', 'status-update/v2', 2, 0, 1, 0, 0],
        ['2030-03-02', 'runbook', 'openai', 'gpt-test', 'runbook/v1', 1, 0, 1, 0, 0],
      ]);
      // Continuous percentiles of 200 and 300 ms.
      expect(rows[2]).toMatchObject({ latencyP50Ms: 250, latencyP95Ms: 295, latencyP99Ms: 299, degradedShare: 0, inputTokens: 200, outputTokens: 40 });
    });

    it('collapses the dimensions it is not asked to group by', async () => {
      const byFeature = await store.usageReports.breakdown(account, from, to, ['FEATURE']);
      expect(byFeature).toEqual([
        expect.objectContaining({ day: null, feature: 'runbook', provider: null, promptVersion: null, calls: 1, generations: 1, degradedShare: 0 }),
        expect.objectContaining({ day: null, feature: 'statusUpdate', provider: null, calls: 4, errors: 1, generations: 2, fallbacks: 1, degraded: 1, degradedShare: 0.5, latencyP50Ms: 250 }),
      ]);
      const total = await store.usageReports.breakdown(account, from, to, []);
      expect(total).toEqual([expect.objectContaining({ calls: 5, generations: 3, latencyP50Ms: 300, latencyP99Ms: 980 })]);
      expect(await store.usageReports.breakdown(account, '2031-01-01T00:00:00.000Z', '2031-01-02T00:00:00.000Z', [])).toEqual([]);
    });

    it('counts guard hits and throttle refusals per day and feature from the audit trail', async () => {
      expect(await store.usageReports.guardHits(account, from, to)).toEqual([
        { day: '2030-03-01', feature: 'assistant', guard: 'injection_blocked', count: 1 },
        { day: '2030-03-01', feature: 'statusUpdate', guard: 'citations_unverified', count: 2 },
        { day: '2030-03-01', feature: 'statusUpdate', guard: 'injection_quarantined', count: 1 },
      ]);
      expect(await store.usageReports.throttleRejections(account, from, to)).toEqual([
        { day: '2030-03-02', feature: 'postmortem', code: 'BUDGET_EXCEEDED', count: 1 },
        { day: '2030-03-02', feature: 'statusUpdate', code: 'RATE_LIMITED', count: 2 },
      ]);
    });

    it('counts feedback per day, a draft by its latest verdict, for one kind', async () => {
      expect(await store.usageReports.feedbackByDay(account, 'STATUS_UPDATE', from, to)).toEqual([
        { day: '2030-03-01', feedback: 1, published: 1, acceptedAsIs: 1, edited: 0, discarded: 0, meanRetainedRatio: 1 },
        { day: '2030-03-02', feedback: 1, published: 1, acceptedAsIs: 0, edited: 0, discarded: 1, meanRetainedRatio: 0.1 },
      ]);
      expect(await store.usageReports.feedbackByDay(account, 'RUNBOOK_JOB', from, to)).toEqual([
        { day: '2030-03-02', feedback: 1, published: 1, acceptedAsIs: 1, edited: 0, discarded: 0, meanRetainedRatio: 1 },
      ]);
      expect(await store.usageReports.feedbackByDay(other, 'STATUS_UPDATE', from, to)).toEqual([]);
    });
  });
}

describeUsageReports('pglite', createPgliteTestDatabase);
describeUsageReports('postgres', () => createPostgresTestDatabase('usage'));
