/**
 * Fault injection, end to end over real HTTP against the fake providers.
 *
 * Scenario "one model provider healthy": the OpenAI fake fails ~30% of its calls with every
 * kind of fault (429 with Retry-After, 500, 503, hangs, connection resets, malformed JSON,
 * streams cut mid-way, invalid structured output); Bedrock is healthy; the offline extractive
 * engine ends the chain. Over FAULT_REQUESTS requests (a fifth streamed) it asserts: every
 * request ends in a draft or a typed error; at least 99.5% of requests get a draft SERVED BY A
 * MODEL (openai or bedrock, read from the draft's `generation.provider`, never the offline
 * engine); each fault kind was served by the fake at least `minimumPerKind` times (counted
 * from what the fake served, not from the plan); usage records per provider equal the calls
 * each fake received.
 *
 * Scenario "every model provider down": both fakes fail every call; every request still gets
 * a draft, all of them from the offline engine, none ends PROVIDER_UNAVAILABLE, and usage
 * records again equal the calls the fakes received.
 *
 * Run: `npx vitest run test/resilience` (FAULT_REQUESTS and FAULT_SEED to vary it).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleIncidents } from '../../src/incidents/sample/index.js';
import { extractStatusUpdate } from '../../src/features/status-update/extractor.js';
import { startFakeBedrock, type FakeBedrock } from '../fakes/bedrock-server.js';
import { startFakeOpenAi, type FakeBehaviour, type FakeOpenAi } from '../fakes/openai-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { faultBehaviour, faultPlan, seededRandom, servedFaults } from './fault-plan.js';

const requests = Number(process.env.FAULT_REQUESTS ?? 2_000);
const seed = Number(process.env.FAULT_SEED ?? 20261128);
const concurrency = 24;
/** Each fault kind must reach the wire at least this often, or the run proved nothing about it. */
const minimumPerKind = Math.max(5, Math.ceil(requests / 100));
const answer = extractStatusUpdate({ incident: sampleIncidents.find((item) => item.id === 'PDEMO01')!, input: { audience: 'RESPONDERS' } });
const modelProviders = new Set(['openai', 'bedrock']);

// The AWS SDK reads its credential chain from the process environment.
process.env.AWS_ACCESS_KEY_ID ??= 'AKIDEXAMPLE';
process.env.AWS_SECRET_ACCESS_KEY ??= 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/**
 * The service with OpenAI first, Bedrock second (the offline engine is appended by the
 * router). The attempt timeout is far above a loaded machine's answer time, so only the
 * `hang` fault times out; the deadline is far above the worst chain (3 hangs + Bedrock).
 */
async function startScenario(): Promise<{ openai: FakeOpenAi; bedrock: FakeBedrock; service: TestApp }> {
  const openai = await startFakeOpenAi({ recordRequests: true });
  const bedrock = await startFakeBedrock({ defaultBehaviour: { kind: 'ok', json: answer }, maxRecordedRequests: 1_000_000 });
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
      resilience: { attemptTimeoutMs: 3_000, deadlineMs: 60_000, maxRetries: 2, backoffBaseMs: 5, backoffMaxMs: 40, maxRetryAfterMs: 2_000, breakerFailureThreshold: 5, breakerCooldownMs: 250 },
    }),
  );
  const service = await startTestApp({ LLM_CONFIG: routing, OPENAI_API_KEY: 'sk-test', RATE_LIMIT_RPM: '1000000', MAX_CONCURRENT_GENERATIONS: '10000' });
  cleanups.push(() => service.close(), () => openai.close(), () => bedrock.close());
  return { openai, bedrock, service };
}

interface Outcome {
  kind: 'draft' | 'typed-error' | 'untyped';
  provider?: string;
  code?: string;
}

type DraftFields = { id: string; state: string; generation: { provider: string } | null };

async function oneRequest(service: TestApp, stream: boolean): Promise<Outcome> {
  const result = await service.graphql<{ draftStatusUpdate: DraftFields }>(
    `mutation($stream: Boolean) { draftStatusUpdate(input: { incidentId: "PDEMO01", audience: RESPONDERS, stream: $stream }) { id state generation { provider } } }`,
    { stream },
  );
  if (result.errors) {
    const code = result.errors[0]?.extensions?.code;
    return code && code !== 'INTERNAL_SERVER_ERROR' ? { kind: 'typed-error', code } : { kind: 'untyped' };
  }
  let draft = result.data!.draftStatusUpdate;
  // A streamed draft must end too: wait for its state to change (bounded, so a hang fails the test).
  for (let i = 0; i < 2_400 && draft.state === 'STREAMING'; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const read = await service.graphql<{ draft: DraftFields }>(`query($id: ID!) { draft(id: $id) { id state generation { provider } } }`, { id: draft.id });
    draft = read.data!.draft;
  }
  if (draft.state === 'COMPLETE') return { kind: 'draft', provider: draft.generation!.provider };
  return { kind: draft.state === 'FAILED' ? 'typed-error' : 'untyped', code: draft.state };
}

/** Sends `total` requests, `concurrency` at a time, every fifth streamed; fails on an unhandled rejection. */
async function load(service: TestApp, total: number): Promise<{ outcomes: Outcome[]; unhandled: unknown[] }> {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  const outcomes: Outcome[] = [];
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          const index = next++;
          outcomes.push(await oneRequest(service, index % 5 === 0));
        }
      }),
    );
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
  return { outcomes, unhandled };
}

const tally = (values: readonly string[]): Record<string, number> =>
  values.reduce<Record<string, number>>((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {});

/** Usage records per provider, read after a graceful stop (which flushes the usage buffer). */
async function usageByProvider(service: TestApp): Promise<Record<string, number>> {
  await service.stopService();
  const rows = await service.sql<{ provider: string; count: string }>('SELECT provider, count(*) FROM llm_calls GROUP BY provider');
  return Object.fromEntries(rows.map((row) => [row.provider, Number(row.count)]));
}

const chatCalls = (openai: FakeOpenAi): number => openai.requests.filter((request) => request.path.endsWith('/chat/completions')).length;

describe('fault injection: one model provider healthy', () => {
  it(`${requests} requests, first provider failing ~30% with every fault kind: ≥ 99.5% of drafts come from a model, each kind served ≥ ${minimumPerKind}, usage records = calls`, async () => {
    const { openai, bedrock, service } = await startScenario();
    // More behaviours than requests: retries and repairs consume them too.
    const plan = faultPlan(requests * 3, 0.3, answer, seededRandom(seed));
    openai.enqueue(...plan.behaviours);

    const { outcomes, unhandled } = await load(service, requests);

    const drafts = outcomes.filter((outcome) => outcome.kind === 'draft');
    const fromModel = drafts.filter((outcome) => modelProviders.has(outcome.provider!));
    const untyped = outcomes.filter((outcome) => outcome.kind === 'untyped');
    const served = servedFaults(plan, openai.served);
    const usage = await usageByProvider(service);
    const calls = { openai: chatCalls(openai), bedrock: bedrock.requests.length };
    console.log(
      `fault-injection report (one healthy): ${JSON.stringify({
        requests,
        seed,
        servedFaults: served,
        plannedFaults: plan.planned,
        modelShare: fromModel.length / requests,
        byProvider: tally(drafts.map((outcome) => outcome.provider!)),
        typedErrors: tally(outcomes.filter((outcome) => outcome.kind === 'typed-error').map((outcome) => outcome.code!)),
        untyped: untyped.length,
        calls,
        usage,
      })}`,
    );

    expect(outcomes).toHaveLength(requests);
    expect(untyped).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(fromModel.length / requests).toBeGreaterThanOrEqual(0.995);
    for (const [kind, count] of Object.entries(served)) expect(count, `fault kind ${kind} served`).toBeGreaterThanOrEqual(minimumPerKind);
    expect(openai.served).toHaveLength(calls.openai);
    expect(usage.openai).toBe(calls.openai);
    expect(usage.bedrock ?? 0).toBe(calls.bedrock);
    expect(usage.extractive ?? 0).toBe(drafts.length - fromModel.length);
  }, 600_000);
});

describe('fault injection: every model provider down', () => {
  it('every request gets a draft from the offline engine, none ends PROVIDER_UNAVAILABLE, usage records = calls', async () => {
    const total = Math.max(50, Math.ceil(requests / 10));
    const { openai, bedrock, service } = await startScenario();
    const random = seededRandom(seed + 2);
    const openaiDown: FakeBehaviour[] = [faultBehaviour('unavailable'), faultBehaviour('server-error'), faultBehaviour('reset'), { kind: 'error', status: 429, retryAfterMs: 5 }];
    openai.setDefault(openaiDown[0]!);
    openai.enqueue(...Array.from({ length: total * 3 }, () => openaiDown[Math.floor(random() * openaiDown.length)]!));
    bedrock.setDefault({ kind: 'error', errorType: 'ServiceUnavailableException' });
    bedrock.enqueue(...Array.from({ length: total }, () => (random() < 0.5 ? ({ kind: 'reset' } as const) : ({ kind: 'error', errorType: 'InternalServerException' } as const))));

    const { outcomes, unhandled } = await load(service, total);

    const drafts = outcomes.filter((outcome) => outcome.kind === 'draft');
    const offline = drafts.filter((outcome) => outcome.provider === 'extractive');
    const codes = outcomes.filter((outcome) => outcome.kind !== 'draft').map((outcome) => outcome.code ?? 'UNTYPED');
    const usage = await usageByProvider(service);
    const calls = { openai: chatCalls(openai), bedrock: bedrock.requests.length };
    console.log(
      `fault-injection report (all down): ${JSON.stringify({ requests: total, offlineShare: offline.length / total, byProvider: tally(drafts.map((outcome) => outcome.provider!)), errors: tally(codes), calls, usage, bedrockServed: bedrock.served })}`,
    );

    expect(unhandled).toEqual([]);
    expect(codes).not.toContain('PROVIDER_UNAVAILABLE');
    expect(codes).toEqual([]);
    expect(offline).toHaveLength(total);
    // The models were really asked (and failed), not skipped by configuration.
    expect(calls.openai).toBeGreaterThan(0);
    expect(calls.bedrock).toBeGreaterThan(0);
    expect(bedrock.served.ok).toBe(0);
    expect(usage.openai).toBe(calls.openai);
    expect(usage.bedrock).toBe(calls.bedrock);
    expect(usage.extractive).toBe(total);
  }, 300_000);
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
        // As in startScenario: only the hang fault times out, and the deadline is above the worst chain.
        resilience: { attemptTimeoutMs: 3_000, deadlineMs: 60_000, maxRetries: 2, backoffBaseMs: 5, backoffMaxMs: 40, breakerCooldownMs: 250 },
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
