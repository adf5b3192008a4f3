/**
 * The evaluations repository on PGlite (the same SQL runs on PostgreSQL), the
 * evaluationSummary built on it and its resolver, and the harvest of published edits.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harvest, parseHarvestArguments } from '../../../src/eval/harvest.js';
import { harvestCase } from '../../../src/eval/harvest-cases.js';
import { evaluationResolvers } from '../../../src/features/feedback/evaluation-resolvers.js';
import { evaluationSummary } from '../../../src/features/feedback/evaluation-summary.js';
import { parseCases } from '../../../src/eval/cases.js';
import { createSampleIncidentSource } from '../../../src/incidents/sample-source.js';
import { sampleIncidents } from '../../../src/incidents/sample/index.js';
import { createStoreFromDatabase } from '../../../src/store/create-store.js';
import type { EvalRunRecord } from '../../../src/store/eval-repository.js';
import { migrate } from '../../../src/store/migrate.js';
import type { Store } from '../../../src/store/store.js';
import { createPgliteTestDatabase } from '../../store/support/pglite-test-database.js';
import type { TestDatabase } from '../../store/support/test-database.js';
import { feedback, generation, newDraft, uniqueId } from '../../store/support/fixtures.js';

let database: TestDatabase;
let store: Store;

beforeAll(async () => {
  database = await createPgliteTestDatabase();
  await migrate(database.database);
  store = createStoreFromDatabase(database.database);
});
afterAll(async () => {
  await database?.dispose();
});

function run(overrides: Partial<EvalRunRecord> = {}): EvalRunRecord {
  return {
    id: uniqueId('run'),
    feature: 'statusUpdate',
    variant: 'openai:gpt-test@status-update/v1',
    provider: 'openai',
    model: 'gpt-test',
    promptVersion: 'status-update/v1',
    judge: null,
    baselineRunId: null,
    datasetHash: 'hash',
    caseCount: 2,
    metrics: { factRecall: 0.8, hallucinationRate: 0.02, readingGrade: null },
    judgeSummary: null,
    gate: null,
    startedAt: '2030-01-01T00:00:00.000Z',
    finishedAt: '2030-01-01T00:01:00.000Z',
    ...overrides,
  };
}

async function completedDraft(accountId: string, options: { kind?: 'STATUS_UPDATE' | 'RUNBOOK_JOB'; promptVersion?: string; variant?: string; createdAt?: string; text?: string; incidentId?: string | null; input?: Record<string, unknown> } = {}) {
  const draft = await store.drafts.insert(
    newDraft({ accountId, kind: options.kind ?? 'STATUS_UPDATE', createdAt: options.createdAt ?? '2030-02-01T10:00:00.000Z', incidentId: options.incidentId ?? null, ...(options.input && { input: options.input }) }),
  );
  return store.drafts.complete(accountId, draft.id, {
    output: { title: 't' },
    text: options.text ?? 'draft text',
    generation: generation({ promptVersion: options.promptVersion ?? 'status-update/v1', variant: options.variant ?? 'openai:gpt-test' }),
  });
}

describe('evaluation runs', () => {
  it('stores a run with its results and reads them back', async () => {
    const record = run({ gate: { passed: true, regressions: [] }, judgeSummary: { winRate: 0.5 } });
    await store.evaluations.insertRun(record, [
      { runId: record.id, caseId: 'b', ok: false, errorCode: 'INVALID_MODEL_OUTPUT', errorMessage: 'bad', metrics: { factRecall: 0 }, notes: ['generation failed'], text: '', output: null, generation: null, judge: null },
      { runId: record.id, caseId: 'a', ok: true, errorCode: null, errorMessage: null, metrics: { factRecall: 1, hallucinationRate: null }, notes: [], text: '## ok', output: { title: 'ok' }, generation: generation(), judge: { vsBaseline: { winner: 'tie' } } },
    ]);
    expect(await store.evaluations.getRun(record.id)).toEqual(record);
    const results = await store.evaluations.listResults(record.id);
    expect(results.map((result) => result.caseId)).toEqual(['a', 'b']);
    expect(results[0]).toMatchObject({ ok: true, metrics: { factRecall: 1, hallucinationRate: null }, text: '## ok', output: { title: 'ok' }, judge: { vsBaseline: { winner: 'tie' } } });
    expect(results[1]).toMatchObject({ ok: false, errorCode: 'INVALID_MODEL_OUTPUT', notes: ['generation failed'], output: null });
    expect(await store.evaluations.getRun('missing')).toBeNull();
  });

  it('stores many results in batches, all or nothing', async () => {
    const record = run();
    const results = Array.from({ length: 230 }, (_, index) => ({ runId: record.id, caseId: `c${String(index).padStart(3, '0')}`, ok: true, errorCode: null, errorMessage: null, metrics: {}, notes: [], text: '', output: null, generation: null, judge: null }));
    await store.evaluations.insertRun(record, results);
    expect(await store.evaluations.listResults(record.id)).toHaveLength(230);
    const duplicate = run();
    await expect(store.evaluations.insertRun(duplicate, [results[0]!, results[0]!].map((result) => ({ ...result, runId: duplicate.id })))).rejects.toThrow();
    expect(await store.evaluations.getRun(duplicate.id)).toBeNull();
  });

  it('finds the latest run of a feature or route, and lists history newest first', async () => {
    const feature = uniqueId('feature');
    const older = run({ feature, finishedAt: '2030-03-01T00:00:00.000Z' });
    const newer = run({ feature, finishedAt: '2030-03-02T00:00:00.000Z', promptVersion: 'status-update/v2' });
    for (const record of [older, newer]) await store.evaluations.insertRun(record, []);
    expect((await store.evaluations.latestRun({ feature }))?.id).toBe(newer.id);
    expect((await store.evaluations.latestRun({ feature, excludeId: newer.id }))?.id).toBe(older.id);
    expect((await store.evaluations.latestRun({ feature, promptVersion: 'status-update/v1' }))?.id).toBe(older.id);
    expect((await store.evaluations.latestRun({ feature, before: '2030-03-01T12:00:00.000Z' }))?.id).toBe(older.id);
    expect(await store.evaluations.latestRun({ feature, provider: 'bedrock' })).toBeNull();
    expect((await store.evaluations.listRuns(feature, 10)).map((record) => record.id)).toEqual([newer.id, older.id]);
  });
});

describe('feedback summary', () => {
  it('counts accepted, edited and discarded drafts per route, a draft by its latest feedback, scoped by account and kind', async () => {
    const account = uniqueId('acct');
    const v1 = await Promise.all([0, 1, 2, 3].map(() => completedDraft(account)));
    const v2 = await Promise.all([0, 1].map(() => completedDraft(account, { promptVersion: 'status-update/v2', variant: 'arm-b' })));
    await completedDraft(account); // no feedback: counted in drafts only
    const runbook = await completedDraft(account, { kind: 'RUNBOOK_JOB' });
    const other = await completedDraft(uniqueId('other'));
    const at = (minute: number): string => `2030-02-01T11:${String(minute).padStart(2, '0')}:00.000Z`;
    const give = (draft: { id: string; accountId: string }, rating: 'UP' | 'DOWN', retainedRatio: number | null, minute: number) =>
      store.feedback.insert(feedback({ accountId: draft.accountId, draftId: draft.id, rating, retainedRatio, publishedText: retainedRatio === null ? null : 'published', createdAt: at(minute) }));
    await give(v1[0]!, 'UP', 1, 1);
    await give(v1[1]!, 'UP', 0.6, 2);
    await give(v1[2]!, 'DOWN', null, 3);
    await give(v1[3]!, 'DOWN', 0.1, 4);
    // A second submission replaces the first.
    await give(v1[3]!, 'UP', 0.99, 5);
    await give(v2[0]!, 'UP', 0.5, 6);
    await give(v2[1]!, 'UP', null, 7);
    await give(runbook, 'DOWN', null, 8);
    await give(other, 'DOWN', null, 9);

    const rows = await store.evaluations.summarizeFeedback(account, 'STATUS_UPDATE', '2030-02-01T00:00:00.000Z', '2030-02-02T00:00:00.000Z');
    expect(rows).toEqual([
      { provider: 'openai', model: 'gpt-test', promptVersion: 'status-update/v1', variant: 'openai:gpt-test', drafts: 5, feedback: 4, acceptedAsIs: 2, edited: 1, meanEditedRatio: 0.6, meanRetainedRatio: 0.863 /* (1 + 0.6 + 0.99) / 3, rounded to 3 decimals */, discarded: 1, ratedUp: 3, ratedDown: 1 },
      { provider: 'openai', model: 'gpt-test', promptVersion: 'status-update/v2', variant: 'arm-b', drafts: 2, feedback: 2, acceptedAsIs: 0, edited: 1, meanEditedRatio: 0.5, meanRetainedRatio: 0.5, discarded: 0, ratedUp: 2, ratedDown: 0 },
    ]);
    expect(await store.evaluations.summarizeFeedback(account, 'STATUS_UPDATE', '2031-01-01T00:00:00.000Z', '2031-01-02T00:00:00.000Z')).toEqual([]);

    // The summary puts each route next to its latest offline run, and the resolver scopes it to the caller.
    await store.evaluations.insertRun(run({ promptVersion: 'status-update/v2', finishedAt: '2030-01-20T00:00:00.000Z', gate: { passed: false } }), []);
    const summary = await evaluationSummary(store, account, 'statusUpdate', '2030-02-01T00:00:00Z', '2030-02-02T00:00:00Z');
    expect(summary.variants[0]).toMatchObject({ promptVersion: 'status-update/v1', acceptanceRate: 0.75 });
    expect(summary.variants[1]?.offline).toMatchObject({ variant: 'openai:gpt-test@status-update/v1', passed: false, cases: 2, metrics: expect.arrayContaining([{ name: 'factRecall', value: 0.8 }, { name: 'readingGrade', value: null }]) });
    const context = { principal: { accountId: account, userId: 'u', scopes: new Set(['ai:admin']), method: 'jwt' as const }, loaders: {}, authError: null, services: { store } };
    const resolver = evaluationResolvers.Query!.evaluationSummary as unknown as (parent: unknown, args: Record<string, string>, context: unknown, info: unknown) => Promise<typeof summary & { days: unknown[] }>;
    const resolved = await resolver({}, { feature: 'statusUpdate', from: '2030-02-01T00:00:00Z', to: '2030-02-02T00:00:00Z' }, context, {});
    expect(resolved.variants).toHaveLength(2);
    // The same verdicts per day: every route together, the mean retained ratio rounded.
    expect(resolved.days).toEqual([{ day: '2030-02-01', feedback: 6, published: 4, acceptedAsIs: 2, edited: 2, discarded: 1, meanRetainedRatio: 0.7725 }]);
    await expect(evaluationSummary(store, account, 'nope', '2030-02-01T00:00:00Z', '2030-02-02T00:00:00Z')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(evaluationSummary(store, account, 'statusUpdate', '2030-02-02T00:00:00Z', '2030-02-01T00:00:00Z')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('harvest', () => {
  const pdemo01 = sampleIncidents.find((incident) => incident.id === 'PDEMO01')!;

  it('labels what the responder kept and what they removed', () => {
    const draftText = 'Payments failed after pg-payments-01.prod.internal filled its disk; Marcus Oyelaran repointed PgBouncer at 14:44.';
    const published = 'Card payments failed between 14:02 and 14:47 UTC and are working normally again.';
    const record = {
      draft: { id: 'd1', accountId: 'demo', userId: null, kind: 'STATUS_UPDATE' as const, state: 'COMPLETE' as const, incidentId: 'PDEMO01', jobId: null, executionId: null, input: { audience: 'PUBLIC', guidance: null }, output: {}, text: draftText, generation: generation(), error: null, createdAt: '', updatedAt: '' },
      feedback: { id: 'FB-1', draftId: 'd1', accountId: 'demo', userId: null, rating: 'UP' as const, publishedText: published, comment: null, retainedRatio: 0.3, createdAt: '' },
    };
    const outcome = harvestCase('statusUpdate', record, { incident: pdemo01, job: null, execution: null });
    if (!('case' in outcome)) throw new Error('expected a case');
    expect(outcome.case).toMatchObject({ id: 'hv-fb-1', feature: 'statusUpdate', tags: ['harvested', 'review-pending', 'public'], reference: published, source: { draftId: 'd1', review: 'pending', retainedRatio: 0.3 } });
    expect(outcome.case.expected?.mustState).toEqual(['14:02', '14:47']);
    expect(outcome.case.expected?.mustNotState).toEqual(expect.arrayContaining(['pg-payments-01.prod.internal', 'Marcus Oyelaran', '14:44']));
    expect(parseCases(JSON.stringify(outcome.case), 'harvested.jsonl')).toHaveLength(1);
    expect(harvestCase('statusUpdate', record, { incident: { ...pdemo01, private: true }, job: null, execution: null })).toEqual({ skipped: 'private-incident' });
    expect(harvestCase('statusUpdate', record, { incident: null, job: null, execution: null })).toEqual({ skipped: 'missing-data' });
  });

  it('appends new published edits of one account to eval/harvested/<feature>.jsonl, once each', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'incident-ai-harvest-'));
    try {
      const draft = await completedDraft('demo', { incidentId: 'PDEMO01', input: { audience: 'PUBLIC', guidance: null }, text: 'Marcus fixed pg-payments-01.prod.internal.', createdAt: '2030-04-01T10:00:00.000Z' });
      await store.feedback.insert(feedback({ accountId: 'demo', draftId: draft.id, rating: 'UP', publishedText: 'Card payments are working normally again.', retainedRatio: 0.2, createdAt: '2030-04-01T11:00:00.000Z' }));
      const args = parseHarvestArguments(['--account', 'demo', '--feature', 'statusUpdate', '--from', '2030-04-01T00:00:00Z', '--to', '2030-04-02T00:00:00Z', '--out', out]);
      const [first] = await harvest(args, store, createSampleIncidentSource());
      expect(first).toMatchObject({ feature: 'statusUpdate', added: 1, alreadyHarvested: 0 });
      const [second] = await harvest(args, store, createSampleIncidentSource());
      expect(second).toMatchObject({ added: 0, alreadyHarvested: 1 });
      const cases = parseCases(await readFile(path.join(out, 'statusUpdate.jsonl'), 'utf8'), 'statusUpdate.jsonl', 'statusUpdate');
      expect(cases).toHaveLength(1);
      expect(cases[0]).toMatchObject({ data: { incident: { id: 'PDEMO01' } }, source: { draftId: draft.id, review: 'pending' } });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('parses its arguments, with the last 30 days by default', () => {
    expect(parseHarvestArguments(['--account', 'acme'], new Date('2030-05-31T00:00:00Z'))).toEqual({
      account: 'acme',
      features: ['statusUpdate', 'postmortem', 'runbook', 'assistant', 'automationDigest'],
      from: '2030-05-01T00:00:00.000Z',
      to: '2030-05-31T00:00:00.000Z',
      out: path.join('eval', 'harvested'),
      limit: 500,
    });
    expect(() => parseHarvestArguments([])).toThrow(/--account is required/);
    expect(() => parseHarvestArguments(['--account', 'a', '--feature', 'nope'])).toThrow(/not a feature/);
  });
});
