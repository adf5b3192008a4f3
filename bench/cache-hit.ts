/**
 * Latency of a response-cache hit (issue 14: a hit adds ≤ 2 ms): the compiled service with
 * `RESPONSE_CACHE_TTL_SECONDS=300`, the bench mutation repeated on one keep-alive connection
 * (every answer after the first comes from the cache: checked by `"attempts":0` in the body),
 * alternating with the request the service sent the fake on the miss, sent to the fake directly.
 * Added = the hit's p50 minus the direct call's p50, as the main "added latency" figure.
 *
 *   npx tsx bench/cache-hit.ts [--warmup 2000] [--n 2000] [--seconds 25]
 *
 * The service runs alone on CPU 1, the fake and the client on CPU 0 (bench/run.ts runs it as a
 * section of `npm run bench`).
 */
import { isEntryScript, numberArgument, repoRoot, startBenchService } from './bench-service.js';
import type { HttpTarget, Percentiles, SequentialOutcome } from './load.js';
import { killAllProcessesNow, processCpuMs, startProcess, type ManagedProcess } from './processes.js';
import { benchIncidentId } from './status-update-answer.js';

export interface CacheHitOptions {
  /** Pairs (hit, direct call) before the measured ones: V8 optimizes the hit path meanwhile. */
  warmup: number;
  count: number;
  maxSeconds: number;
  log?: (message: string) => void;
}

export interface CacheHitResult {
  hitMs: Percentiles;
  directMs: Percentiles;
  /** The first mutation (a miss: one upstream call), for reference. */
  missMs: number;
  /** Service CPU per hit over the measured pairs. */
  cpuPerHitMs: number;
  /** Upstream calls by the service during the warm-up and measured pairs (0 when every answer was a hit). */
  upstreamCalls: number;
  errors: number;
  errorSample: string | null;
}

const mutation = `mutation BenchDraft($input: DraftStatusUpdateInput!) {
  draftStatusUpdate(input: $input) { id state text unverifiedCount generation { provider model degraded attempts } }
}`;

/** The fake upstream of bench/upstream.ts on CPU 0, with its line commands. */
async function startFake(): Promise<{ process: ManagedProcess; url: string; command<T>(line: string): Promise<T> }> {
  const managed = startProcess({ name: 'fake upstream (cache hits)', command: process.execPath, args: ['--import', 'tsx', 'bench/upstream.ts', '--latency', '0'], core: 0, cwd: repoRoot });
  const [, url] = await managed.waitForLine(/^listening (\S+)/, 30_000);
  return {
    process: managed,
    url: url!,
    async command<T>(line: string): Promise<T> {
      const answer = managed.nextLine(/^\{/, 10_000);
      managed.child.stdin!.write(`${line}\n`);
      return JSON.parse((await answer).input!) as T;
    },
  };
}

/** Runs bench/load.ts's sequential job in a child on CPU 0; `onWindow` brackets the measured pairs. */
async function runSequential(job: { service: HttpTarget; direct: HttpTarget; warmup: number; count: number; maxSeconds: number }, onWindow: { start(): void; end(): void }): Promise<SequentialOutcome> {
  const managed = startProcess({
    name: 'load (cache hits)',
    command: process.execPath,
    args: ['--import', 'tsx', 'bench/load.ts', JSON.stringify({ kind: 'sequential', serviceCheck: 'service-cached', ...job })],
    core: 0,
    cwd: repoRoot,
  });
  let outcome: SequentialOutcome | null = null;
  let failure: string | null = null;
  managed.onLine((line) => {
    if (!line.startsWith('{')) return;
    const message = JSON.parse(line) as { event: string; message?: string };
    if (message.event === 'measure-start') onWindow.start();
    else if (message.event === 'measure-end') onWindow.end();
    else if (message.event === 'result') outcome = message as unknown as SequentialOutcome;
    else if (message.event === 'failed') failure = message.message ?? 'unknown failure';
  });
  const { code } = await managed.exited;
  if (failure || code !== 0 || outcome === null) throw new Error(`cache-hit load failed (exit ${code}): ${failure ?? managed.stderr().slice(-1_000)}`);
  return outcome;
}

export async function measureCacheHit(options: CacheHitOptions): Promise<CacheHitResult> {
  const log = options.log ?? (() => undefined);
  const fake = await startFake();
  const service = await startBenchService({ name: 'service (response cache)', upstreamUrl: fake.url, database: 'postgres', env: { RESPONSE_CACHE_TTL_SECONDS: '300' } });
  try {
    const variables = { input: { incidentId: benchIncidentId, audience: 'STAKEHOLDERS' } };
    const started = performance.now();
    const miss = await service.graphql<{ draftStatusUpdate: { generation: { attempts: number } } }>(mutation, variables);
    const missMs = performance.now() - started;
    if (!miss.data || miss.data.draftStatusUpdate.generation.attempts < 1) throw new Error(`the first mutation was not a model call: ${JSON.stringify(miss).slice(0, 500)}`);
    const hit = await service.graphql<{ draftStatusUpdate: { generation: { attempts: number } } }>(mutation, variables);
    if (hit.data?.draftStatusUpdate.generation.attempts !== 0) throw new Error(`the repeated mutation was not a cache hit: ${JSON.stringify(hit).slice(0, 500)}`);
    const captured = await fake.command<{ json: { headers: Record<string, string>; body: unknown } | null }>('captured');
    if (!captured.json) throw new Error('the fake saw no JSON request from the service');
    const direct: HttpTarget = { url: `${fake.url}/chat/completions`, headers: captured.json.headers, body: JSON.stringify(captured.json.body) };
    const target: HttpTarget = {
      url: `${service.url}/graphql`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${service.token}` },
      body: JSON.stringify({ query: mutation, variables }),
    };
    log(`response cache hits: ${options.warmup} pairs of warm-up, then ${options.count}`);
    let cpuStart = 0;
    let cpuEnd = 0;
    const callsBefore = (await fake.command<{ count: number }>('count')).count;
    const window = {
      start: () => {
        cpuStart = processCpuMs(service.process.pid);
      },
      end: () => {
        cpuEnd = processCpuMs(service.process.pid);
      },
    };
    const outcome = await runSequential({ service: target, direct, warmup: options.warmup, count: options.count, maxSeconds: options.maxSeconds }, window);
    // The fake counts the service's calls and the direct ones (one per pair, warm-up included).
    const callsAfter = (await fake.command<{ count: number }>('count')).count;
    return {
      hitMs: outcome.serviceMs,
      directMs: outcome.directMs,
      missMs,
      cpuPerHitMs: (cpuEnd - cpuStart) / Math.max(1, outcome.serviceMs.count),
      upstreamCalls: callsAfter - callsBefore - options.warmup - outcome.directMs.count,
      errors: outcome.errors,
      errorSample: outcome.errorSample,
    };
  } finally {
    await service.stop();
    await fake.process.stop();
  }
}

const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)} ms` : 'n/a');

export function renderCacheHit(result: CacheHitResult, goalMs = 2): string {
  const added = result.hitMs.p50 - result.directMs.p50;
  const row = (label: string, values: Percentiles): string => `| ${label} | ${ms(values.p50)} | ${ms(values.p90)} | ${ms(values.p99)} | ${ms(values.mean)} | ${values.count} |`;
  return [
    `### Response cache hits (bench/cache-hit.ts)`,
    '',
    `The compiled service with \`RESPONSE_CACHE_TTL_SECONDS=300\` (in-memory cache), the bench mutation repeated on one keep-alive connection: the first is a model call (${ms(result.missMs)}, not warmed up), every later one a hit (checked: \`"attempts":0\`), alternating with the service's request sent to the fake directly. Target: a hit adds ≤ ${goalMs.toFixed(2)} ms.`,
    '',
    '| path | p50 | p90 | p99 | mean | n |',
    '| --- | --- | --- | --- | --- | --- |',
    row('mutation answered from the cache', result.hitMs),
    row('direct to the fake (the model call a hit saves)', result.directMs),
    `| **added p50 (hit − direct)** | **${ms(added)}** (${added <= goalMs ? 'met' : '**missed**'}) |  |  |  |  |`,
    '',
    `Service CPU per hit: ${result.cpuPerHitMs.toFixed(3)} ms; upstream calls by the service during the hits (warm-up included): ${result.upstreamCalls}; errors or non-hits: ${result.errors}${result.errorSample ? ` (e.g. \`${result.errorSample.slice(0, 200).replace(/`/g, "'")}\`)` : ''}.`,
    '',
  ].join('\n');
}

if (isEntryScript(import.meta.url)) {
  process.once('exit', killAllProcessesNow);
  const result = await measureCacheHit({
    warmup: numberArgument('--warmup', 2_000),
    count: numberArgument('--n', 2_000),
    maxSeconds: numberArgument('--seconds', 25),
    log: (message) => process.stderr.write(`[cache-hit] ${message}\n`),
  });
  process.stdout.write(renderCacheHit(result));
}
