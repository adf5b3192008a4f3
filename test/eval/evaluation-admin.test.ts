/**
 * Offline evaluation runs recorded through the service (schema/evaluation-admin.graphql):
 * batched uploads that arrive whole past the request-body limit, the scope rule (runs are
 * shared by every account: ai:admin alone may not write them), `npm run eval` going through a
 * service that holds the embedded database, and the direct path against PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { readFile, readdir, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { findRemoteRecorder } from '../../src/eval/remote-recorder.js';
import type { EvalResultRecord, EvalRunRecord } from '../../src/store/eval-repository.js';
import { createStore, openDatabase } from '../../src/store/create-store.js';
import { spawnService, type SpawnedService } from '../support/spawn-service.js';
import { startTestApp, testDatabaseUrl, type TestApp } from '../support/test-app.js';
import { seededDataDir, spawnNpm } from './support/spawn-eval.js';

const startMutation = 'mutation($run: EvaluationRunInput!) { startEvaluationRun(run: $run) { runId expected received } }';
const recordMutation = 'mutation($runId: ID!, $results: [EvaluationResultInput!]!) { recordEvaluationResults(runId: $runId, results: $results) { received } }';
const finishMutation = 'mutation($runId: ID!) { finishEvaluationRun(runId: $runId) { runId cases metrics { name value } } }';

function runOf(id: string, caseCount: number): EvalRunRecord {
  return {
    id,
    feature: 'statusUpdate',
    variant: 'extractive:extractive@status-update/v1',
    provider: 'extractive',
    model: 'extractive',
    promptVersion: 'status-update/v1',
    judge: null,
    baselineRunId: null,
    datasetHash: 'sha256:test',
    caseCount,
    metrics: { factRecall: 0.5, hallucinationRate: null },
    judgeSummary: null,
    gate: { passed: true, regressions: [] },
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
  };
}

/** `count` results of about `size` characters each, every one different. */
function resultsOf(runId: string, count: number, size: number): EvalResultRecord[] {
  return Array.from({ length: count }, (_, index) => ({
    runId,
    caseId: `case-${index}`,
    ok: true,
    errorCode: null,
    errorMessage: null,
    metrics: { factRecall: index / count },
    notes: [`note ${index}`],
    text: `${index}:${randomBytes(size / 2).toString('hex')}`,
    output: { index },
    generation: null,
    judge: null,
  }));
}

const runInput = (run: EvalRunRecord) => ({
  ...run,
  metrics: Object.entries(run.metrics).map(([name, value]) => ({ name, value })),
  judgeSummary: null,
  gate: JSON.stringify(run.gate),
});
const resultInput = (result: EvalResultRecord) => ({
  caseId: result.caseId,
  ok: result.ok,
  metrics: Object.entries(result.metrics).map(([name, value]) => ({ name, value })),
  notes: result.notes,
  text: result.text,
  output: JSON.stringify(result.output),
});

describe('evaluation admin API', () => {
  let service: TestApp;
  let recorderToken: string;
  beforeAll(async () => {
    service = await startTestApp();
    recorderToken = await service.tokenFor('operator', ['ai:admin', 'ai:eval']);
  });
  afterAll(async () => {
    await service?.close();
  });

  it('stores a run whose results exceed one request body whole, and only once finished', async () => {
    const run = runOf(`run-big-${randomBytes(4).toString('hex')}`, 6);
    const results = resultsOf(run.id, 6, 100_000);
    // All at once, the body is past the 256 KB limit: the service refuses it.
    await service.graphql(startMutation, { run: runInput(run) }, { token: recorderToken });
    const whole = await service.graphql(recordMutation, { runId: run.id, results: results.map(resultInput) }, { token: recorderToken });
    expect(whole.status).toBe(413);

    // Half a run does not show.
    const half = await service.graphql<{ recordEvaluationResults: { received: number } }>(recordMutation, { runId: run.id, results: results.slice(0, 2).map(resultInput) }, { token: recorderToken });
    expect(half.errors).toBeUndefined();
    expect(half.data!.recordEvaluationResults.received).toBe(2);
    expect(await service.sql('select id from eval_runs where id = $1', [run.id])).toEqual([]);
    const early = await service.graphql(finishMutation, { runId: run.id }, { token: recorderToken });
    expect(early.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(early.errors?.[0]?.message).toContain('declared 6 results and 2 arrived');

    // The CLI's recorder, against a fresh run id, in batches.
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: service.dataDir, DATABASE_URL: testDatabaseUrl, DATABASE_SCHEMA: service.schema });
    const recorder = await findRemoteRecorder(config, { url: service.url, token: recorderToken });
    const second = runOf(`run-batched-${randomBytes(4).toString('hex')}`, 6);
    const secondResults = resultsOf(second.id, 6, 100_000);
    await recorder!.insertRun(second, secondResults);
    const stored = await service.sql<{ case_id: string; text: string; metrics: Record<string, number>; output: unknown }>(
      'select case_id, text, metrics, output from eval_results where run_id = $1 order by case_id',
      [second.id],
    );
    expect(stored.map((row) => ({ caseId: row.case_id, text: row.text, metrics: row.metrics, output: row.output }))).toEqual(
      secondResults.map((result) => ({ caseId: result.caseId, text: result.text, metrics: result.metrics, output: result.output })),
    );
    const [storedRun] = await service.sql<{ case_count: number; gate: unknown }>('select case_count, gate from eval_runs where id = $1', [second.id]);
    expect(storedRun).toEqual({ case_count: 6, gate: { passed: true, regressions: [] } });
    const audit = await service.sql<{ account_id: string; action: string; target: string }>(`select account_id, action, target from audit_events where action = 'evaluation.record'`);
    expect(audit).toEqual([{ account_id: 'operator', action: 'evaluation.record', target: second.id }]);
  });

  it('refuses a principal without ai:admin and ai:eval (FORBIDDEN): writers, account admins, API keys', async () => {
    const run = runInput(runOf(`run-refused-${randomBytes(4).toString('hex')}`, 1));
    const writer = await service.tokenFor('demo', ['ai:read', 'ai:write']);
    const accountAdmin = await service.tokenFor('globex', ['ai:admin']);
    const created = await service.graphql<{ createApiKey: { key: string } }>(`mutation { createApiKey(input: { name: "eval", scopes: ["ai:admin"] }) { key } }`);
    expect(created.errors).toBeUndefined();
    for (const token of [writer, accountAdmin, service.token, created.data!.createApiKey.key]) {
      const refused = await service.graphql(startMutation, { run }, { token });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    // An API key cannot be given the operator scope.
    const escalate = await service.graphql(`mutation { createApiKey(input: { name: "eval", scopes: ["ai:admin", "ai:eval"] }) { key } }`);
    expect(escalate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await service.sql('select id from eval_runs where id = $1', [run.id])).toEqual([]);

    // An upload is its opener's: another recorder cannot add to it or finish it.
    await service.graphql(startMutation, { run }, { token: recorderToken });
    const other = await service.tokenFor('other-operator', ['ai:admin', 'ai:eval']);
    const elsewhere = await service.graphql(finishMutation, { runId: run.id }, { token: other });
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('npm run eval while npm start holds the embedded database', () => {
  let dataDir: string;
  let out: string;
  let running: SpawnedService;
  beforeAll(async () => {
    dataDir = await seededDataDir();
    out = await mkdtemp(path.join(tmpdir(), 'incident-ai-eval-out-'));
    running = await spawnService({ DATA_DIR: dataDir });
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
  });

  it('records the run through the service, and evaluationSummary shows it next to the route', async () => {
    const graphql = async <Data>(query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${running.token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: Data; errors?: { message: string }[] };
    };
    const drafted = await graphql<{ draftStatusUpdate: { generation: { provider: string; promptVersion: string } } }>(
      'mutation { draftStatusUpdate(input: { incidentId: "PDEMO01", audience: RESPONDERS }) { generation { provider promptVersion } } }',
    );
    expect(drafted.errors).toBeUndefined();

    const run = await spawnNpm('eval', ['--feature', 'statusUpdate', '--variant', 'extractive', '--limit', '3', '--out', out], { DATA_DIR: dataDir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("recording through the service's admin API");
    const report = JSON.parse(await readFile(path.join(out, (await readdir(out)).find((file) => file.endsWith('.json'))!), 'utf8')) as { features: { runId: string }[] };
    const runId = report.features[0]!.runId;

    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const summary = await graphql<{ evaluationSummary: { variants: { provider: string; offline: { runId: string; cases: number } | null }[] } }>(
      'query($from: DateTime!, $to: DateTime!) { evaluationSummary(feature: "statusUpdate", from: $from, to: $to) { variants { provider offline { runId cases } } } }',
      { from, to },
    );
    expect(summary.errors).toBeUndefined();
    const extractive = summary.data!.evaluationSummary.variants.find((variant) => variant.provider === 'extractive');
    expect(extractive?.offline).toEqual({ runId, cases: 3 });
  }, 120_000);
});

describe('npm run eval against PostgreSQL (the direct path)', () => {
  const schema = `eval_direct_${process.pid}_${randomBytes(4).toString('hex')}`;
  let dataDir: string;
  afterAll(async () => {
    const database = await openDatabase({ databaseUrl: testDatabaseUrl, dataDir, schema });
    try {
      await database.exec(`drop schema if exists "${schema}" cascade`);
    } finally {
      await database.close();
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stores the run in the database, not through a service', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'incident-ai-eval-pg-'));
    const out = path.join(dataDir, 'out');
    const run = await spawnNpm('eval', ['--feature', 'statusUpdate', '--variant', 'extractive', '--limit', '2', '--out', out], {
      DATA_DIR: dataDir,
      DATABASE_URL: testDatabaseUrl,
      DATABASE_SCHEMA: schema,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('admin API');
    const report = JSON.parse(await readFile(path.join(out, (await readdir(out)).find((file) => file.endsWith('.json'))!), 'utf8')) as { features: { runId: string }[] };
    const store = await createStore({ databaseUrl: testDatabaseUrl, schema, dataDir });
    try {
      expect(await store.evaluations.getRun(report.features[0]!.runId)).toMatchObject({ feature: 'statusUpdate', caseCount: 2 });
      expect(await store.evaluations.listResults(report.features[0]!.runId)).toHaveLength(2);
    } finally {
      await store.close();
    }
  }, 120_000);
});
