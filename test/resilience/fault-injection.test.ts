/**
 * Fault injection: the OpenAI fake fails 30% of its calls with every kind of fault (429 with
 * Retry-After, 500, 503, timeouts, connection resets, malformed JSON, streams cut mid-way,
 * invalid structured output); Bedrock is the healthy second provider; the extractive engine
 * is last. Over 2,000 requests (a fifth of them streamed): every request ends in a draft or a
 * typed error, at least 99.5% succeed, and usage rows equal the provider attempts the fakes
 * saw. Run: `npx vitest run test/resilience` (FAULT_REQUESTS and FAULT_SEED to vary it).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleIncidents } from '../../src/incidents/sample/index.js';
import { extractStatusUpdate } from '../../src/features/status-update/extractor.js';
import { startFakeBedrock, type FakeBedrock } from '../fakes/bedrock-server.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { faultPlan, seededRandom } from './fault-plan.js';

const requests = Number(process.env.FAULT_REQUESTS ?? 2_000);
const seed = Number(process.env.FAULT_SEED ?? 20261128);
const concurrency = 24;
const answer = extractStatusUpdate({ incident: sampleIncidents.find((item) => item.id === 'PDEMO01')!, input: { audience: 'RESPONDERS' } });

let openai: FakeOpenAi;
let bedrock: FakeBedrock;
let service: TestApp;

beforeAll(async () => {
  // The AWS SDK reads its credential chain from the process environment.
  process.env.AWS_ACCESS_KEY_ID ??= 'AKIDEXAMPLE';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
  openai = await startFakeOpenAi({ recordRequests: true });
  bedrock = await startFakeBedrock({ defaultBehaviour: { kind: 'ok', json: answer } });
  const folder = await mkdtemp(path.join(tmpdir(), 'incident-ai-faults-'));
  const routing = path.join(folder, 'routing.json');
  await writeFile(
    routing,
    JSON.stringify({
      providers: {
        openai: { kind: 'openai', baseURL: openai.url },
        bedrock: { kind: 'bedrock', region: 'us-east-1', endpoint: bedrock.endpoint },
      },
      defaultChain: [
        { provider: 'openai', model: 'gpt-4o-mini' },
        { provider: 'bedrock', model: 'anthropic.claude-3-5-haiku-20241022-v1:0' },
      ],
      resilience: { attemptTimeoutMs: 500, deadlineMs: 10_000, maxRetries: 2, backoffBaseMs: 5, backoffMaxMs: 40, maxRetryAfterMs: 2_000, breakerFailureThreshold: 5, breakerCooldownMs: 250 },
    }),
  );
  service = await startTestApp({
    LLM_CONFIG: routing,
    OPENAI_API_KEY: 'sk-test',
    RATE_LIMIT_RPM: '1000000',
    MAX_CONCURRENT_GENERATIONS: '10000',
  });
}, 60_000);

afterAll(async () => {
  await service?.close();
  await openai?.close();
  await bedrock?.close();
});

interface Outcome {
  kind: 'draft' | 'typed-error' | 'untyped';
  provider?: string;
  code?: string;
  status: number;
}

async function oneRequest(stream: boolean): Promise<Outcome> {
  const result = await service.graphql<{ draftStatusUpdate: { id: string; state: string; generation: { provider: string } | null } }>(
    `mutation($stream: Boolean) { draftStatusUpdate(input: { incidentId: "PDEMO01", audience: RESPONDERS, stream: $stream }) { id state generation { provider } } }`,
    { stream },
  );
  if (result.errors) {
    const code = result.errors[0]?.extensions?.code;
    return code && code !== 'INTERNAL_SERVER_ERROR' ? { kind: 'typed-error', code, status: result.status } : { kind: 'untyped', status: result.status };
  }
  let draft = result.data!.draftStatusUpdate;
  // A streamed draft must end too: poll its state (bounded, so a hang fails the test).
  for (let i = 0; i < 400 && draft.state === 'STREAMING'; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const read = await service.graphql<{ draft: { id: string; state: string; generation: { provider: string } | null } }>(
      `query($id: ID!) { draft(id: $id) { id state generation { provider } } }`,
      { id: draft.id },
    );
    draft = read.data!.draft;
  }
  if (draft.state === 'COMPLETE') return { kind: 'draft', provider: draft.generation!.provider, status: result.status };
  return { kind: draft.state === 'FAILED' ? 'typed-error' : 'untyped', code: draft.state, status: result.status };
}

describe('fault injection', () => {
  it(`${requests} requests, 30% provider faults: every request ends typed, ≥ 99.5% succeed, usage rows = attempts`, async () => {
    const random = seededRandom(seed);
    // More behaviours than requests: retries and repairs consume them too.
    const plan = faultPlan(requests * 3, 0.3, answer, random);
    openai.enqueue(...plan.behaviours);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);

    const outcomes: Outcome[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests) {
          const index = next++;
          outcomes.push(await oneRequest(index % 5 === 0));
        }
      }),
    );
    process.off('unhandledRejection', onUnhandled);

    const drafts = outcomes.filter((outcome) => outcome.kind === 'draft');
    const byProvider = drafts.reduce<Record<string, number>>((tally, outcome) => ({ ...tally, [outcome.provider!]: (tally[outcome.provider!] ?? 0) + 1 }), {});
    const untyped = outcomes.filter((outcome) => outcome.kind === 'untyped');
    await service.stopService(); // flushes the usage buffer
    const rows = await service.sql<{ provider: string; count: string }>('SELECT provider, count(*) FROM llm_calls GROUP BY provider');
    const usage = Object.fromEntries(rows.map((row) => [row.provider, Number(row.count)]));
    const openaiCalls = openai.requests.filter((request) => request.path.endsWith('/chat/completions')).length;
    const bedrockCalls = bedrock.requests.length;

    const report = {
      requests,
      seed,
      injectedFaults: plan.faults,
      drafts: drafts.length,
      successRate: drafts.length / requests,
      byProvider,
      typedErrors: outcomes.filter((outcome) => outcome.kind === 'typed-error').map((outcome) => outcome.code),
      untyped: untyped.length,
      attempts: { openai: openaiCalls, bedrock: bedrockCalls },
      usageRows: usage,
    };
    console.log(`fault-injection report: ${JSON.stringify(report)}`);

    expect(outcomes).toHaveLength(requests);
    expect(untyped).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(drafts.length / requests).toBeGreaterThanOrEqual(0.995);
    expect(usage.openai).toBe(openaiCalls);
    expect(usage.bedrock ?? 0).toBe(bedrockCalls);
    expect(Object.values(plan.faults).every((count) => count > 0)).toBe(true);
  }, 600_000);
});

describe('fault injection with SIGTERM under load', () => {
  it('every request ends (draft, typed error or refused connection), and no usage record is lost', async () => {
    const { spawnService } = await import('../support/spawn-service.js');
    const { testDatabaseUrl } = await import('../support/test-app.js');
    const pg = (await import('pg')).default;
    const faultyOpenai = await startFakeOpenAi({ recordRequests: true });
    const healthyBedrock = await startFakeBedrock({ defaultBehaviour: { kind: 'ok', json: answer } });
    const random = seededRandom(seed + 1);
    faultyOpenai.enqueue(...faultPlan(6_000, 0.3, answer, random).behaviours);
    const folder = await mkdtemp(path.join(tmpdir(), 'incident-ai-sigterm-'));
    const routing = path.join(folder, 'routing.json');
    await writeFile(
      routing,
      JSON.stringify({
        providers: { openai: { kind: 'openai', baseURL: faultyOpenai.url }, bedrock: { kind: 'bedrock', endpoint: healthyBedrock.endpoint } },
        defaultChain: [
          { provider: 'openai', model: 'gpt-4o-mini' },
          { provider: 'bedrock', model: 'anthropic.claude-3-5-haiku-20241022-v1:0' },
        ],
        resilience: { attemptTimeoutMs: 500, deadlineMs: 10_000, maxRetries: 2, backoffBaseMs: 5, backoffMaxMs: 40, breakerCooldownMs: 250 },
      }),
    );
    const schema = `test_sigterm_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
    const service = await spawnService({
      LLM_CONFIG: routing,
      OPENAI_API_KEY: 'sk-test',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      DATABASE_URL: testDatabaseUrl,
      DATABASE_SCHEMA: schema,
      DATA_DIR: folder,
      RATE_LIMIT_RPM: '1000000',
      MAX_CONCURRENT_GENERATIONS: '10000',
    });
    const total = 600;
    const outcomes: string[] = [];
    let next = 0;
    let exitCode: number | null | undefined;
    const load = Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < total) {
          next += 1;
          try {
            const response = await fetch(`${service.url}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${service.token}` },
              body: JSON.stringify({ query: 'mutation { draftStatusUpdate(input: { incidentId: "PDEMO01", audience: RESPONDERS }) { state } }' }),
              signal: AbortSignal.timeout(30_000),
            });
            const body = (await response.json()) as { data?: { draftStatusUpdate: { state: string } }; errors?: { extensions?: { code?: string } }[] };
            outcomes.push(body.data?.draftStatusUpdate.state ?? body.errors?.[0]?.extensions?.code ?? 'UNTYPED');
          } catch (error) {
            const cause = (error as { cause?: { code?: string } }).cause?.code;
            outcomes.push(cause === 'ECONNREFUSED' || cause === 'ECONNRESET' || cause === 'UND_ERR_SOCKET' ? 'CONNECTION_CLOSED' : `HANG_OR_FAILURE:${String(error)}`);
          }
        }
      }),
    );
    while (outcomes.length < total / 3) await new Promise((resolve) => setTimeout(resolve, 20));
    const stopping = service.stop().then((code) => (exitCode = code));
    await load;
    await stopping;

    const client = new pg.Client({ connectionString: testDatabaseUrl });
    await client.connect();
    const rows = (await client.query<{ provider: string; count: string }>(`SELECT provider, count(*) FROM ${schema}.llm_calls GROUP BY provider`)).rows;
    const streaming = (await client.query<{ count: string }>(`SELECT count(*) FROM ${schema}.drafts WHERE state = 'STREAMING'`)).rows[0]!.count;
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
    const usage = Object.fromEntries(rows.map((row) => [row.provider, Number(row.count)]));
    const tally = outcomes.reduce<Record<string, number>>((counts, outcome) => ({ ...counts, [outcome]: (counts[outcome] ?? 0) + 1 }), {});
    const attempts = { openai: faultyOpenai.requests.filter((request) => request.path.endsWith('/chat/completions')).length, bedrock: healthyBedrock.requests.length };
    console.log(`sigterm-under-load report: ${JSON.stringify({ total, exitCode, outcomes: tally, attempts, usageRows: usage, leftStreaming: Number(streaming) })}`);
    await faultyOpenai.close();
    await healthyBedrock.close();

    expect(exitCode).toBe(0);
    expect(outcomes.length).toBeGreaterThanOrEqual(total);
    expect(Object.keys(tally).filter((outcome) => !['COMPLETE', 'SERVICE_UNAVAILABLE', 'CONNECTION_CLOSED'].includes(outcome))).toEqual([]);
    expect(tally.COMPLETE).toBeGreaterThan(total / 4);
    expect(usage.openai).toBe(attempts.openai);
    expect(usage.bedrock ?? 0).toBe(attempts.bedrock);
    expect(Number(streaming)).toBe(0);
  }, 300_000);
});
