/**
 * The bounds of an evaluation upload (src/features/feedback/evaluation-upload.ts), against PostgreSQL:
 * nothing stored before finish, a count that must match, an idle upload dropped, an upload
 * that is its opener's, bad JSON refused as input, and a run id used once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInFeatureKinds, createDraftKinds } from '../../../src/store/draft-kinds.js';
import { createEvaluationUploads, uploadLimits, type EvaluationResultInput, type EvaluationRunInput } from '../../../src/features/feedback/evaluation-upload.js';
import type { Principal } from '../../../src/guard/auth/principal.js';
import { createAuditEventRepository } from '../../../src/store/audit-repository.js';
import { createEvaluationRepository } from '../../../src/store/eval-repository.js';
import { migrate } from '../../../src/store/migrate.js';
import { createPostgresTestDatabase } from '../../store/support/postgres-test-database.js';
import type { TestDatabase } from '../../store/support/test-database.js';

const operator: Principal = { accountId: 'operator', userId: 'cli:eval', scopes: new Set(['ai:admin', 'ai:eval']), method: 'jwt' };
const otherOperator: Principal = { ...operator, userId: 'someone-else' };

const runInput = (id: string, caseCount: number): EvaluationRunInput => ({
  id,
  feature: 'postmortem',
  variant: 'extractive:extractive@postmortem/v1',
  provider: 'extractive',
  model: 'extractive',
  promptVersion: 'postmortem/v1',
  datasetHash: 'sha256:x',
  caseCount,
  metrics: [{ name: 'factRecall', value: 0.75 }],
  gate: null,
  startedAt: '2026-02-01T10:00:00Z',
  finishedAt: '2026-02-01T10:05:00Z',
});
const result = (caseId: string, extra: Partial<EvaluationResultInput> = {}): EvaluationResultInput => ({ caseId, ok: true, metrics: [], notes: [], text: `text of ${caseId}`, ...extra });

describe('evaluation uploads', () => {
  let testDatabase: TestDatabase;
  let clock = 0;
  let uploads: ReturnType<typeof createEvaluationUploads>;
  let evaluations: ReturnType<typeof createEvaluationRepository>;
  beforeAll(async () => {
    testDatabase = await createPostgresTestDatabase('eval_upload');
    await migrate(testDatabase.database);
    evaluations = createEvaluationRepository(testDatabase.database);
    uploads = createEvaluationUploads({ evaluations, auditEvents: createAuditEventRepository(testDatabase.database), draftKinds: createDraftKinds(builtInFeatureKinds), now: () => clock });
  });
  afterAll(async () => {
    await testDatabase?.dispose();
  });

  it('stores nothing until finish, and only with exactly the declared results; a run id is used once', async () => {
    await uploads.start(operator, runInput('run-a', 2));
    expect(uploads.record(operator, 'run-a', [result('one')])).toEqual({ runId: 'run-a', expected: 2, received: 1 });
    // The same case again replaces it; a third distinct case is one too many.
    expect(uploads.record(operator, 'run-a', [result('one', { text: 'replaced' })]).received).toBe(1);
    expect(() => uploads.record(operator, 'run-a', [result('two'), result('three')])).toThrow(/declared 2 results; this batch would make 3/);
    await expect(uploads.finish(operator, 'run-a')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await evaluations.getRun('run-a')).toBeNull();

    uploads.record(operator, 'run-a', [result('two')]);
    expect(await uploads.finish(operator, 'run-a')).toMatchObject({ id: 'run-a', caseCount: 2, metrics: { factRecall: 0.75 } });
    expect((await evaluations.listResults('run-a')).map((stored) => [stored.caseId, stored.text])).toEqual([
      ['one', 'replaced'],
      ['two', 'text of two'],
    ]);
    await expect(uploads.finish(operator, 'run-a')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(uploads.start(operator, runInput('run-a', 1))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('keeps an upload to its opener, drops it when idle, and refuses bad input as input', async () => {
    await uploads.start(operator, runInput('run-b', 1));
    expect(() => uploads.record(otherOperator, 'run-b', [result('one')])).toThrow(/was not found/);
    expect(() => uploads.record(operator, 'run-b', [result('one', { output: '{not json' })])).toThrow(/output must be a JSON object/);
    expect(() => uploads.record(operator, 'run-b', [result('one', { output: '[1]' })])).toThrow(/output must be a JSON object/);
    clock += uploadLimits.idleMs + 1;
    expect(() => uploads.record(operator, 'run-b', [result('one')])).toThrow(/was not found/);

    await expect(uploads.start(operator, { ...runInput('run-c', 1), feature: 'nope' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(uploads.start(operator, runInput('run c; drop', 1))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(uploads.start(operator, runInput('run-d', uploadLimits.maxCases + 1))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
