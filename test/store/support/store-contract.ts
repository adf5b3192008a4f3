/**
 * The repository contract, written once and run against each driver (see the
 * `store-contract-*.test.ts` files). Every test uses its own account and ids, so tests share one
 * migrated database per file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStoreFromDatabase } from '../../../src/store/create-store.js';
import { migrate } from '../../../src/store/migrate.js';
import { DraftNotFoundError, DraftStateError, DuplicateChunkError } from '../../../src/store/store-errors.js';
import type { DraftRecord } from '../../../src/store/types.js';
import type { Store } from '../../../src/store/store.js';
import { countingDatabase, type CountingDatabase } from './counting-database.js';
import { feedback, generation, llmCall, newDraft, uniqueId } from './fixtures.js';
import type { TestDatabase, TestDatabaseFactory } from './test-database.js';

const TRANSITION_TIME = '2030-06-01T12:00:00.000Z';

export function describeStoreContract(label: string, openDatabase: TestDatabaseFactory): void {
  describe(`store contract (${label})`, () => {
    let testDatabase: TestDatabase;
    let counting: CountingDatabase;
    let store: Store;

    beforeAll(async () => {
      testDatabase = await openDatabase();
      await migrate(testDatabase.database);
      counting = countingDatabase(testDatabase.database);
      store = createStoreFromDatabase(counting, { now: () => new Date(TRANSITION_TIME) });
    });

    afterAll(async () => {
      await testDatabase?.dispose();
    });

    const ids = (drafts: DraftRecord[] | undefined): string[] => (drafts ?? []).map((draft) => draft.id);

    describe('drafts', () => {
      it('inserts a draft and reads it back with every field', async () => {
        const accountId = uniqueId('account');
        const draft = newDraft({ accountId, incidentId: uniqueId('incident'), executionId: 'exec-1', jobId: 'job-1' });

        const inserted = await store.drafts.insert(draft);
        const expected: DraftRecord = {
          ...draft,
          output: null,
          text: '',
          generation: null,
          error: null,
          updatedAt: draft.createdAt,
        };
        expect(inserted).toEqual(expected);
        expect(await store.drafts.get(accountId, draft.id)).toEqual(expected);
        expect(await store.drafts.get(accountId, uniqueId('missing'))).toBeNull();
      });

      it('returns the timestamps as the server stores them, whichever form they were written in', async () => {
        const accountId = uniqueId('account');
        // COMPLETE: the orphan sweeper's test spans accounts and would see old STREAMING rows.
        // toISOString's form is read back as sent (the insert asks for nothing back); other
        // forms come back as the server stores them.
        const canonical = newDraft({ accountId, state: 'COMPLETE', createdAt: '2030-01-01T00:00:00.123Z', updatedAt: '2030-01-01T00:00:01.000Z' });
        const offset = newDraft({ accountId, state: 'COMPLETE', createdAt: '2030-01-01T02:00:00+02:00' });
        const seconds = newDraft({ accountId, state: 'COMPLETE', createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01 00:00:05.5+00' });
        for (const [draft, createdAt, updatedAt] of [
          [canonical, '2030-01-01T00:00:00.123Z', '2030-01-01T00:00:01.000Z'],
          [offset, '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z'],
          [seconds, '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:05.500Z'],
          // The server carries hour 24 over to the next day.
          [newDraft({ accountId, state: 'COMPLETE', createdAt: '2030-01-01T24:00:00.000Z' }), '2030-01-02T00:00:00.000Z', '2030-01-02T00:00:00.000Z'],
          [newDraft({ accountId, state: 'COMPLETE', createdAt: '0001-01-01T00:00:00.000Z' }), '0001-01-01T00:00:00.000Z', '0001-01-01T00:00:00.000Z'],
        ] as const) {
          const inserted = await store.drafts.insert(draft);
          expect(inserted).toMatchObject({ id: draft.id, createdAt, updatedAt });
          expect(await store.drafts.get(accountId, draft.id)).toEqual(inserted);
        }
        await expect(store.drafts.insert(newDraft({ accountId, state: 'COMPLETE', createdAt: '2030-02-30T00:00:00.000Z' }))).rejects.toThrow();
      });

      it('inserts a finished draft (COMPLETE or FAILED) with its result in one statement', async () => {
        const accountId = uniqueId('account');
        const base = newDraft({ accountId });
        const finished = { ...base, state: 'COMPLETE' as const, output: { summary: 'ok' }, text: '**ok**', generation: generation(), updatedAt: TRANSITION_TIME };
        const before = counting.statements.length;
        const inserted = await store.drafts.insert(finished);
        expect(counting.statements.length - before).toBe(1);
        expect(inserted).toEqual({ ...base, state: 'COMPLETE', output: { summary: 'ok' }, text: '**ok**', generation: generation(), error: null, updatedAt: TRANSITION_TIME });
        expect(await store.drafts.get(accountId, base.id)).toEqual(inserted);

        const failedBase = newDraft({ accountId });
        const failed = await store.drafts.insert({ ...failedBase, state: 'FAILED', error: { code: 'INVALID_MODEL_OUTPUT', message: 'bad' } });
        expect(failed).toMatchObject({ state: 'FAILED', error: { code: 'INVALID_MODEL_OUTPUT', message: 'bad' }, output: null, updatedAt: failedBase.createdAt });
      });

      it('stores concurrent inserts together (one statement, one commit) and gives each caller its own record', async () => {
        const accountId = uniqueId('account');
        const drafts = Array.from({ length: 5 }, (_, index) =>
          newDraft({ accountId, incidentId: `incident-${index}`, createdAt: `2030-01-01T00:00:0${index}.000Z` }),
        );
        counting.reset();
        const inserted = await Promise.all(drafts.map((draft) => store.drafts.insert(draft)));
        // The first goes alone at once; the four that arrive while it is written go together.
        expect(counting.statements).toHaveLength(2);
        for (const [index, draft] of drafts.entries()) {
          const expected = { ...draft, output: null, text: '', generation: null, error: null, updatedAt: draft.createdAt };
          expect(inserted[index]).toEqual(expected);
          expect(await store.drafts.get(accountId, draft.id)).toEqual(expected);
        }
      });

      it('fails only the caller whose row cannot be stored when inserts are grouped', async () => {
        const accountId = uniqueId('account');
        const existing = await store.drafts.insert(newDraft({ accountId }));
        const first = newDraft({ accountId });
        const before = newDraft({ accountId });
        const after = newDraft({ accountId });
        const results = await Promise.allSettled([
          store.drafts.insert(first),
          store.drafts.insert(before),
          store.drafts.insert(newDraft({ accountId, id: existing.id })),
          store.drafts.insert(after),
        ]);
        expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
        for (const draft of [first, before, after]) expect(await store.drafts.get(accountId, draft.id)).toMatchObject({ id: draft.id, state: 'STREAMING' });
        expect(await store.drafts.get(accountId, existing.id)).toEqual(existing);
      });

      it('completes a STREAMING draft once', async () => {
        const accountId = uniqueId('account');
        const draft = await store.drafts.insert(newDraft({ accountId }));
        const completion = { output: { summary: 'All good', items: [{ a: 1 }] }, text: '**All good**', generation: generation() };

        const completed = await store.drafts.complete(accountId, draft.id, completion);

        expect(completed).toEqual({ ...draft, ...completion, state: 'COMPLETE', updatedAt: TRANSITION_TIME });
        expect(await store.drafts.get(accountId, draft.id)).toEqual(completed);
        await expect(store.drafts.complete(accountId, draft.id, completion)).rejects.toBeInstanceOf(DraftStateError);
        await expect(store.drafts.fail(accountId, draft.id, { code: 'X', message: 'late' })).rejects.toMatchObject({
          name: 'DraftStateError',
          state: 'COMPLETE',
          transition: 'fail',
        });
        expect((await store.drafts.get(accountId, draft.id))?.state).toBe('COMPLETE');
      });

      it('replaces the input on completion only when one is given', async () => {
        const accountId = uniqueId('account');
        const draft = await store.drafts.insert(newDraft({ accountId }));
        const completed = await store.drafts.complete(accountId, draft.id, { output: {}, text: 't', generation: generation(), input: { prepared: true, rounds: 2 } });
        expect(completed.input).toEqual({ prepared: true, rounds: 2 });
        expect((await store.drafts.get(accountId, draft.id))?.input).toEqual({ prepared: true, rounds: 2 });
        const other = await store.drafts.insert(newDraft({ accountId }));
        expect((await store.drafts.complete(accountId, other.id, { output: {}, text: 't', generation: generation() })).input).toEqual(other.input);
      });

      it('fails a STREAMING draft, keeping or setting its generation, then refuses to complete it', async () => {
        const accountId = uniqueId('account');
        const withoutGeneration = await store.drafts.insert(newDraft({ accountId }));
        const withGeneration = await store.drafts.insert(newDraft({ accountId }));
        const error = { code: 'PROVIDER_UNAVAILABLE', message: 'Every provider failed.' };

        const failed = await store.drafts.fail(accountId, withoutGeneration.id, error);
        expect(failed).toEqual({ ...withoutGeneration, state: 'FAILED', error, updatedAt: TRANSITION_TIME });

        const usage = generation({ degraded: true, attempts: 3 });
        expect(await store.drafts.fail(accountId, withGeneration.id, error, usage)).toMatchObject({
          state: 'FAILED',
          generation: usage,
          error,
        });

        await expect(
          store.drafts.complete(accountId, withoutGeneration.id, { output: {}, text: '', generation: generation() }),
        ).rejects.toMatchObject({ name: 'DraftStateError', state: 'FAILED', transition: 'complete' });
      });

      it('commits a STREAMING placeholder without waiting for its WAL flush, in its own statement, and only that transaction', async () => {
        const accountId = uniqueId('account');
        counting.reset();
        const [placeholder, finished] = await Promise.all([
          store.drafts.insert(newDraft({ accountId })),
          store.drafts.insert({ ...newDraft({ accountId }), state: 'COMPLETE', output: { summary: 'ok' }, text: 'ok', generation: generation() }),
        ]);
        // A finished draft never shares the placeholder's asynchronous commit.
        expect(counting.statements).toHaveLength(2);
        expect(counting.statements.filter((sql) => sql.includes("set_config('synchronous_commit', 'off', true)"))).toHaveLength(1);
        expect(await store.drafts.get(accountId, placeholder.id)).toEqual(placeholder);
        expect(await store.drafts.get(accountId, finished.id)).toEqual(finished);
        // `set_config(..., true)` is local to the statement's transaction: the session keeps its setting.
        for (let index = 0; index < 4; index += 1) {
          const [row] = await testDatabase.database.query<{ setting: string }>("select current_setting('synchronous_commit') as setting");
          expect(row?.setting).toBe('on');
        }
      });

      it("completes or fails a streamed draft with its placeholder as an upsert: a placeholder lost with its asynchronous commit is written whole", async () => {
        const accountId = uniqueId('account');
        const completion = { output: { summary: 'All good' }, text: '**All good**', generation: generation() };
        // The placeholder's row is missing (a PostgreSQL crash before its commit was flushed).
        const lost = newDraft({ accountId, incidentId: uniqueId('incident'), jobId: 'job-1', executionId: 'exec-1' });
        const completed = await store.drafts.complete(accountId, lost.id, completion, lost);
        expect(completed).toEqual({ ...lost, ...completion, state: 'COMPLETE', error: null, updatedAt: TRANSITION_TIME });
        expect(await store.drafts.get(accountId, lost.id)).toEqual(completed);
        await expect(store.drafts.complete(accountId, lost.id, completion, lost)).rejects.toBeInstanceOf(DraftStateError);
        const lostAndPrepared = newDraft({ accountId });
        expect((await store.drafts.complete(accountId, lostAndPrepared.id, { ...completion, input: { prepared: true } }, lostAndPrepared)).input).toEqual({ prepared: true });

        const lostFailing = newDraft({ accountId });
        const error = { code: 'PROVIDER_UNAVAILABLE', message: 'Every provider failed.' };
        const failed = await store.drafts.fail(accountId, lostFailing.id, error, null, lostFailing);
        expect(failed).toEqual({ ...lostFailing, state: 'FAILED', output: null, text: '', generation: null, error, updatedAt: TRANSITION_TIME });
        expect(await store.drafts.get(accountId, lostFailing.id)).toEqual(failed);

        // The placeholder is there: the same transitions as without it.
        const stored = await store.drafts.insert(newDraft({ accountId }));
        const placeholder = newDraft({ ...stored, accountId });
        expect(await store.drafts.complete(accountId, stored.id, completion, placeholder)).toEqual({ ...stored, ...completion, state: 'COMPLETE', updatedAt: TRANSITION_TIME });
        await expect(store.drafts.fail(accountId, stored.id, error, null, placeholder)).rejects.toMatchObject({ name: 'DraftStateError', state: 'COMPLETE', transition: 'fail' });
        const usage = generation({ degraded: true });
        const failing = await store.drafts.insert(newDraft({ accountId }));
        expect(await store.drafts.fail(accountId, failing.id, error, usage, newDraft({ ...failing, accountId }))).toEqual({ ...failing, state: 'FAILED', generation: usage, error, updatedAt: TRANSITION_TIME });
        // Another account's draft of that id is neither completed nor disclosed.
        const otherAccount = uniqueId('account');
        await expect(store.drafts.complete(otherAccount, failing.id, completion, newDraft({ ...failing, accountId: otherAccount }))).rejects.toBeInstanceOf(DraftNotFoundError);
        expect((await store.drafts.get(accountId, failing.id))?.state).toBe('FAILED');
      });

      it('throws a typed NOT_FOUND error when completing or failing a missing draft', async () => {
        const accountId = uniqueId('account');
        const missing = uniqueId('missing');
        const completion = { output: {}, text: '', generation: generation() };
        await expect(store.drafts.complete(accountId, missing, completion)).rejects.toBeInstanceOf(DraftNotFoundError);
        await expect(store.drafts.fail(accountId, missing, { code: 'X', message: 'x' })).rejects.toMatchObject({
          code: 'NOT_FOUND',
          draftId: missing,
        });
      });

      it('lists a whole batch of incidents in ONE query, with an entry for every requested id', async () => {
        const accountId = uniqueId('account');
        const [first, second, empty] = [uniqueId('incident'), uniqueId('incident'), uniqueId('incident')];
        const a = await store.drafts.insert(newDraft({ accountId, incidentId: first, createdAt: '2030-01-01T00:00:01.000Z' }));
        const b = await store.drafts.insert(newDraft({ accountId, incidentId: second, createdAt: '2030-01-01T00:00:02.000Z' }));
        const c = await store.drafts.insert(newDraft({ accountId, incidentId: first, createdAt: '2030-01-01T00:00:03.000Z' }));

        counting.reset();
        const result = await store.drafts.listByIncidents(accountId, [first, second, empty, first], { limit: 10 });

        expect(counting.statements).toHaveLength(1);
        expect(counting.statements[0]).toMatch(/row_number\(\) over \(partition by incident_id/);
        expect([...result.keys()].sort()).toEqual([first, second, empty].sort());
        expect(ids(result.get(first))).toEqual([c.id, a.id]);
        expect(result.get(second)).toEqual([b]);
        expect(result.get(empty)).toEqual([]);
      });

      it('answers an empty batch without querying', async () => {
        counting.reset();
        expect(await store.drafts.listByIncidents(uniqueId('account'), [], { limit: 10 })).toEqual(new Map());
        expect(counting.statements).toHaveLength(0);
      });

      it('keeps at most `limit` drafts per incident, newest first, ties broken by id descending', async () => {
        const accountId = uniqueId('account');
        const [busy, quiet] = [uniqueId('incident'), uniqueId('incident')];
        const times = ['2030-01-01T00:00:05.000Z', '2030-01-01T00:00:01.000Z', '2030-01-01T00:00:04.000Z', '2030-01-01T00:00:02.000Z'];
        for (const [index, createdAt] of times.entries()) {
          await store.drafts.insert(newDraft({ accountId, incidentId: busy, createdAt, id: `${busy}-d${index}` }));
        }
        // Same timestamp: id descending decides (z before a).
        await store.drafts.insert(newDraft({ accountId, incidentId: quiet, id: `${quiet}-a`, createdAt: '2030-01-01T00:00:09.000Z' }));
        await store.drafts.insert(newDraft({ accountId, incidentId: quiet, id: `${quiet}-z`, createdAt: '2030-01-01T00:00:09.000Z' }));

        const result = await store.drafts.listByIncidents(accountId, [busy, quiet], { limit: 3 });

        expect(ids(result.get(busy))).toEqual([`${busy}-d0`, `${busy}-d2`, `${busy}-d3`]);
        expect(ids(result.get(quiet))).toEqual([`${quiet}-z`, `${quiet}-a`]);
        const none = await store.drafts.listByIncidents(accountId, [busy], { limit: 0 });
        expect(none.get(busy)).toEqual([]);
        await expect(store.drafts.listByIncidents(accountId, [busy], { limit: -1 })).rejects.toMatchObject({
          code: 'BAD_USER_INPUT',
        });
      });

      it('filters by kind before applying the limit', async () => {
        const accountId = uniqueId('account');
        const incidentId = uniqueId('incident');
        const postmortem = await store.drafts.insert(
          newDraft({ accountId, incidentId, kind: 'POSTMORTEM', createdAt: '2030-01-01T00:00:01.000Z' }),
        );
        await store.drafts.insert(newDraft({ accountId, incidentId, kind: 'STATUS_UPDATE', createdAt: '2030-01-01T00:00:02.000Z' }));
        await store.drafts.insert(newDraft({ accountId, incidentId, kind: 'STATUS_UPDATE', createdAt: '2030-01-01T00:00:03.000Z' }));

        const onlyPostmortems = await store.drafts.listByIncidents(accountId, [incidentId], { kind: 'POSTMORTEM', limit: 1 });
        expect(ids(onlyPostmortems.get(incidentId))).toEqual([postmortem.id]);
        const all = await store.drafts.listByIncidents(accountId, [incidentId], { limit: 10 });
        expect(all.get(incidentId)).toHaveLength(3);
      });

      it('binds ids safely, whatever characters they hold', async () => {
        const accountId = uniqueId('account');
        const awkward = [`{"a,b"}`, `it's \\ "quoted"`, 'NULL', `x,y}`];
        for (const incidentId of awkward) await store.drafts.insert(newDraft({ accountId, incidentId }));

        const result = await store.drafts.listByIncidents(accountId, awkward, { limit: 5 });

        for (const incidentId of awkward) expect(result.get(incidentId)?.map((draft) => draft.incidentId)).toEqual([incidentId]);
      });

      it('lists a batch of jobs in one query, newest first, with limit and kind', async () => {
        const accountId = uniqueId('account');
        const [job, other] = [uniqueId('job'), uniqueId('job')];
        const older = await store.drafts.insert(
          newDraft({ accountId, jobId: job, kind: 'AUTOMATION_DIGEST', createdAt: '2030-01-01T00:00:01.000Z' }),
        );
        const newer = await store.drafts.insert(
          newDraft({ accountId, jobId: job, kind: 'AUTOMATION_DIGEST', createdAt: '2030-01-01T00:00:02.000Z' }),
        );
        await store.drafts.insert(newDraft({ accountId, jobId: job, kind: 'RUNBOOK_JOB', createdAt: '2030-01-01T00:00:03.000Z' }));

        counting.reset();
        const result = await store.drafts.listByJobs(accountId, [job, other], { kind: 'AUTOMATION_DIGEST', limit: 5 });

        expect(counting.statements).toHaveLength(1);
        expect(ids(result.get(job))).toEqual([newer.id, older.id]);
        expect(result.get(other)).toEqual([]);
        const limited = await store.drafts.listByJobs(accountId, [job], { limit: 1 });
        expect(limited.get(job)?.map((draft) => draft.kind)).toEqual(['RUNBOOK_JOB']);
      });

      it('fails orphaned STREAMING drafts older than the cut-off, and only those', async () => {
        const accountId = uniqueId('account');
        // Far in the past, so no other test's STREAMING drafts are old enough to be swept.
        const orphan = await store.drafts.insert(newDraft({ accountId, createdAt: '2001-01-01T00:00:00.000Z' }));
        const done = await store.drafts.insert(newDraft({ accountId, createdAt: '2001-01-01T00:00:00.000Z' }));
        await store.drafts.complete(accountId, done.id, { output: {}, text: 'ok', generation: generation() });
        const recent = await store.drafts.insert(newDraft({ accountId, createdAt: '2001-07-01T00:00:00.000Z' }));
        const error = { code: 'DEADLINE_EXCEEDED', message: 'The generation stopped without finishing.' };

        expect(await store.drafts.failOrphans('2001-06-01T00:00:00.000Z', error)).toEqual([orphan.id]);

        expect(await store.drafts.get(accountId, orphan.id)).toMatchObject({ state: 'FAILED', error, updatedAt: TRANSITION_TIME });
        expect((await store.drafts.get(accountId, done.id))?.state).toBe('COMPLETE');
        expect((await store.drafts.get(accountId, recent.id))?.state).toBe('STREAMING');
        expect(await store.drafts.failOrphans('2001-06-01T00:00:00.000Z', error)).toEqual([]);
      });
    });

    describe('chunks', () => {
      it('appends chunks and lists them in order, after a given sequence', async () => {
        const accountId = uniqueId('account');
        const draft = await store.drafts.insert(newDraft({ accountId }));
        const chunks = [3, 1, 2].map((sequence) => ({
          draftId: draft.id,
          sequence,
          delta: `part ${sequence} `,
          createdAt: `2030-01-01T00:00:0${sequence}.000Z`,
        }));
        for (const chunk of chunks) await store.chunks.append(chunk);

        const sorted = [...chunks].sort((left, right) => left.sequence - right.sequence);
        expect(await store.chunks.list(accountId, draft.id)).toEqual(sorted);
        expect(await store.chunks.list(accountId, draft.id, 1)).toEqual(sorted.slice(1));
        expect(await store.chunks.list(accountId, draft.id, 3)).toEqual([]);
      });

      it('appends several chunks in one call, all or none', async () => {
        const accountId = uniqueId('account');
        const draft = await store.drafts.insert(newDraft({ accountId }));
        const chunks = [1, 2, 3].map((sequence) => ({ draftId: draft.id, sequence, delta: `part ${sequence} `, createdAt: '2030-01-01T00:00:00.000Z' }));
        await store.chunks.appendMany(chunks.slice(0, 2));
        await expect(store.chunks.appendMany(chunks.slice(1))).rejects.toBeInstanceOf(DuplicateChunkError);
        expect(await store.chunks.list(accountId, draft.id)).toEqual(chunks.slice(0, 2));
        await store.chunks.appendMany([]);
        await store.chunks.appendMany(chunks.slice(2));
        expect(await store.chunks.list(accountId, draft.id)).toEqual(chunks);
      });

      it('rejects a duplicate sequence and a chunk of an unknown draft with typed errors', async () => {
        const accountId = uniqueId('account');
        const draft = await store.drafts.insert(newDraft({ accountId }));
        const chunk = { draftId: draft.id, sequence: 1, delta: 'a', createdAt: '2030-01-01T00:00:00.000Z' };
        await store.chunks.append(chunk);

        await expect(store.chunks.append({ ...chunk, delta: 'again' })).rejects.toMatchObject({
          name: 'DuplicateChunkError',
          draftId: draft.id,
          sequence: 1,
        });
        await expect(store.chunks.append({ ...chunk, delta: 'b' })).rejects.toBeInstanceOf(DuplicateChunkError);
        await expect(store.chunks.append({ ...chunk, draftId: uniqueId('missing') })).rejects.toBeInstanceOf(DraftNotFoundError);
        expect(await store.chunks.list(accountId, draft.id)).toEqual([chunk]);
      });
    });

    describe('llm calls', () => {
      it('stores a record written twice once, in one statement per batch', async () => {
        const accountId = uniqueId('account');
        const draftId = uniqueId('draft');
        const first = llmCall({ accountId, draftId, attempt: 1, outcome: 'error', errorKind: 'RateLimited' });
        const second = llmCall({ accountId, draftId, attempt: 2, startedAt: '2030-01-01T00:00:01.000Z', traceId: 'trace-1' });

        counting.reset();
        await store.llmCalls.insertMany([first, second, first]);
        expect(counting.statements).toHaveLength(1);
        expect(counting.statements[0]).toMatch(/on conflict \(id\) do nothing/);

        await store.llmCalls.insertMany([first, second]);
        await store.llmCalls.insertMany([]);

        expect(await store.llmCalls.listForDraft(accountId, draftId)).toEqual([first, second]);
      });

      it('keeps every field through a batch: nulls, numbers, cached, and text an array literal must escape', async () => {
        const accountId = uniqueId('account');
        const draftId = uniqueId('draft');
        const calls = [
          llmCall({ accountId, draftId, attempt: 1, outcome: 'error', errorKind: 'say "hi", {x} \\ NULL', costUsd: 0.00049305, traceId: 'NULL' }),
          llmCall({ accountId, draftId, attempt: 2, startedAt: '2030-01-01T00:00:01.000Z', cached: true, costUsd: 0, inputTokens: 0, outputTokens: 0 }),
          llmCall({ accountId, draftId, attempt: 3, startedAt: '2030-01-01T00:00:02.000Z', traceId: '' }),
        ];
        await store.llmCalls.insertMany(calls);
        expect(await store.llmCalls.listForDraft(accountId, draftId)).toEqual(calls);
      });

      it('summarizes by feature, provider and model within [from, to)', async () => {
        const accountId = uniqueId('account');
        const from = '2030-02-01T00:00:00.000Z';
        const to = '2030-03-01T00:00:00.000Z';
        await store.llmCalls.insertMany([
          llmCall({ accountId, startedAt: from, costUsd: 0.1, inputTokens: 100, outputTokens: 10 }),
          llmCall({ accountId, startedAt: '2030-02-10T00:00:00.000Z', costUsd: 0.2, inputTokens: 200, outputTokens: 20 }),
          llmCall({ accountId, startedAt: '2030-02-11T00:00:00.000Z', outcome: 'error', errorKind: 'Timeout', costUsd: 0, inputTokens: 0, outputTokens: 0 }),
          llmCall({ accountId, startedAt: '2030-02-12T00:00:00.000Z', feature: 'postmortem', provider: 'bedrock', model: 'claude', costUsd: 1.5 }),
          llmCall({ accountId, startedAt: '2030-02-12T00:00:00.000Z', model: 'gpt-mini', costUsd: 0.01 }),
          // Answered by the response cache: counted, cost 0, no tokens.
          llmCall({ accountId, startedAt: '2030-02-13T00:00:00.000Z', model: 'gpt-mini', costUsd: 0, inputTokens: 0, outputTokens: 0, cached: true }),
          // Outside the window: `to` is exclusive.
          llmCall({ accountId, startedAt: to, costUsd: 9 }),
          llmCall({ accountId, startedAt: '2030-01-31T23:59:59.999Z', costUsd: 9 }),
          // Another account.
          llmCall({ accountId: uniqueId('account'), startedAt: '2030-02-10T00:00:00.000Z', costUsd: 9 }),
        ]);

        expect(await store.llmCalls.summarize(accountId, from, to)).toEqual([
          { feature: 'postmortem', provider: 'bedrock', model: 'claude', calls: 1, errors: 0, inputTokens: 100, outputTokens: 20, costUsd: 1.5, cachedCalls: 0 },
          { feature: 'statusUpdate', provider: 'openai', model: 'gpt-mini', calls: 2, errors: 0, inputTokens: 100, outputTokens: 20, costUsd: 0.01, cachedCalls: 1 },
          // numeric sums exactly: 0.1 + 0.2 is 0.3, not 0.30000000000000004.
          { feature: 'statusUpdate', provider: 'openai', model: 'gpt-test', calls: 3, errors: 1, inputTokens: 300, outputTokens: 30, costUsd: 0.3, cachedCalls: 0 },
        ]);
        expect(await store.llmCalls.summarize(accountId, to, '2030-04-01T00:00:00.000Z')).toHaveLength(1);
      });
    });

    describe('feedback', () => {
      it('stores feedback on a draft and lists it', async () => {
        const accountId = uniqueId('account');
        const draft = await store.drafts.insert(newDraft({ accountId }));
        const up = feedback({ accountId, draftId: draft.id });
        const down = feedback({
          accountId,
          draftId: draft.id,
          rating: 'DOWN',
          publishedText: null,
          comment: 'Too long',
          retainedRatio: null,
          userId: null,
          createdAt: '2030-01-01T00:06:00.000Z',
        });

        expect(await store.feedback.insert(up)).toEqual(up);
        expect(await store.feedback.insert(down)).toEqual(down);
        expect(await store.feedback.listForDraft(accountId, draft.id)).toEqual([up, down]);
        await expect(store.feedback.insert(feedback({ accountId, draftId: uniqueId('missing') }))).rejects.toBeInstanceOf(
          DraftNotFoundError,
        );
      });
    });

    describe('account scoping', () => {
      it("never shows account A's drafts, chunks, calls or feedback to account B", async () => {
        const accountA = uniqueId('account-a');
        const accountB = uniqueId('account-b');
        const incidentId = uniqueId('incident');
        const jobId = uniqueId('job');
        const draft = await store.drafts.insert(newDraft({ accountId: accountA, incidentId, jobId }));
        await store.chunks.append({ draftId: draft.id, sequence: 1, delta: 'secret', createdAt: '2030-01-01T00:00:00.000Z' });
        await store.llmCalls.insertMany([llmCall({ accountId: accountA, draftId: draft.id, startedAt: '2030-05-01T00:00:00.000Z' })]);
        await store.feedback.insert(feedback({ accountId: accountA, draftId: draft.id }));

        expect(await store.drafts.get(accountB, draft.id)).toBeNull();
        expect((await store.drafts.listByIncidents(accountB, [incidentId], { limit: 10 })).get(incidentId)).toEqual([]);
        expect((await store.drafts.listByJobs(accountB, [jobId], { limit: 10 })).get(jobId)).toEqual([]);
        expect(await store.chunks.list(accountB, draft.id)).toEqual([]);
        expect(await store.llmCalls.listForDraft(accountB, draft.id)).toEqual([]);
        expect(await store.llmCalls.summarize(accountB, '2030-05-01T00:00:00.000Z', '2030-06-01T00:00:00.000Z')).toEqual([]);
        expect(await store.feedback.listForDraft(accountB, draft.id)).toEqual([]);

        // Writes through B cannot touch A's draft either.
        const completion = { output: {}, text: 'hijacked', generation: generation() };
        await expect(store.drafts.complete(accountB, draft.id, completion)).rejects.toBeInstanceOf(DraftNotFoundError);
        await expect(store.drafts.fail(accountB, draft.id, { code: 'X', message: 'x' })).rejects.toBeInstanceOf(DraftNotFoundError);
        await expect(store.feedback.insert(feedback({ accountId: accountB, draftId: draft.id }))).rejects.toBeInstanceOf(
          DraftNotFoundError,
        );

        // ...while A still sees all of it, untouched.
        expect((await store.drafts.get(accountA, draft.id))?.state).toBe('STREAMING');
        expect(await store.chunks.list(accountA, draft.id)).toHaveLength(1);
        expect(await store.llmCalls.listForDraft(accountA, draft.id)).toHaveLength(1);
        expect(await store.feedback.listForDraft(accountA, draft.id)).toHaveLength(1);
      });
    });
  });
}
