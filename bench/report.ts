/**
 * The Markdown report of `npm run bench`: the figures against their targets (reported, never
 * asserted), the detail tables, and the CPU profile summary.
 */
import type { ProfileSummary } from './cpu-profile.js';
import type { PerfSummary } from './perf-profile.js';
import type { AutocannonOutcome, Percentiles, SequentialOutcome, StreamOutcome } from './load.js';
import type { CacheHitResult } from './cache-hit.js';

/** The service's cost over a measured window. */
export interface ServiceWindow {
  seconds: number;
  requests: number;
  serviceCpuMs: number;
  cpuPerRequestMs: number;
  /** The event loop's thread alone (the rest: V8's concurrent GC and compiler threads, libuv's pool). */
  mainThreadCpuPerRequestMs: number;
  /** CPU seconds per second: 1.0 is the whole core. */
  serviceCpuUtilisation: number;
  /** The PostgreSQL backends of the service's pool (not pinned; they run on either CPU). */
  postgresCpuPerRequestMs: number;
  peakRssMb: number;
  /** CPU used meanwhile by processes that are not the benchmark's (other users of the machine), in cores. */
  otherProcessesCores: number;
  /** vCPU time stolen by the hypervisor, in cores. */
  stealCores: number;
}

export interface ModerateWindow extends ServiceWindow {
  latencyP50Ms: number;
  latencyP99Ms: number;
  upstreamCallsPerRequest: number;
}

export interface ThroughputRow {
  latencyMs: number;
  connections: number;
  direct: AutocannonOutcome;
  service: AutocannonOutcome;
  window: ServiceWindow;
  ratio: number;
  upstreamCallsPerRequest: number;
}

export interface BenchResults {
  machine: {
    nproc: number;
    cpuModel: string;
    node: string;
    date: string;
    kernel: string;
    memoryGb: number;
    postgres: string;
    command: string;
  };
  settings: {
    serviceWarmupSeconds: number;
    warmupSeconds: number;
    durationSeconds: number;
    sequentialWarmup: number;
    sequentialCount: number;
    sequentialMaxSeconds: number;
    streamWarmup: number;
    streamCount: number;
    streamMaxSeconds: number;
    moderateRate: number;
    moderateConnections: number;
    profileSeconds: number;
    quick: boolean;
  };
  schema: string;
  buildMs?: number;
  /** CPU used by others just before the run (after waiting up to 45 s for a quiet machine), in cores. */
  otherLoadBeforeStartCores: number;
  problems: string[];
  /** Facts about the run that do not make its figures suspect. */
  notes: string[];
  compiled: {
    startupMs: number;
    idleRssAfterStartMb: number;
    idleRssAfterLoadMb: number;
    /** VmHWM at the end of the run: the peak over every phase. */
    peakRssMb: number;
    idleCpuMsPerSecond: number;
    /** 3 s idle right after the start: what other processes of the machine were doing. */
    idleWindow: ServiceWindow;
    loadAverageAtStart: number[];
    shutdownMs: number;
    moderate: ModerateWindow;
    /** Mutations served by the warm-up before any measurement. */
    warmupRequests: number;
  };
  tsx: { startupMs: number; idleRssAfterStartMb: number; moderate: ModerateWindow; saturation: ThroughputRow };
  restart: { startupMs: number; idleRssAfterStartMb: number };
  pglite: { startupMs: number; idleRssAfterStartMb: number; peakRssMb: number; ok: boolean };
  sequential: SequentialOutcome & { window: ServiceWindow };
  stream: StreamOutcome & { window: ServiceWindow };
  throughput: ThroughputRow[];
  /** The V8 sampling profile of a measured window (started and stopped through the inspector). */
  profile: {
    summary: ProfileSummary;
    requests: number;
    window: ServiceWindow;
    requestsPerSecond: number;
    file: string;
  } | null;
  /** `perf record -g` of every thread of the service over a second window; null without perf. */
  native: { summary: PerfSummary; window: ServiceWindow; requestsPerSecond: number } | null;
  /** Response-cache hits (bench/cache-hit.ts); null when that run failed. */
  cacheHit?: CacheHitResult | null;
  totalSeconds: number;
}

const ms = (value: number, digits = 2): string => (Number.isFinite(value) ? `${value.toFixed(digits)} ms` : 'n/a');
const mb = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(0)} MB` : 'n/a');
const rps = (value: number): string => (Number.isFinite(value) ? value.toFixed(0) : 'n/a');
const verdict = (met: boolean): string => (met ? 'met' : '**missed**');
const faultCount = (entry: ThroughputRow): number => entry.service.errors + entry.service.non2xx + entry.service.badBodies;

/**
 * The goals of issue 14 (reported against, never asserted). Throughput: on one core the CPU is
 * what limits the service, so 0.45× direct at 128 connections and 50 ms upstream means about
 * 0.9 ms of CPU per request at most.
 */
export const issueGoals = {
  cpuPerRequestMs: 1.0,
  postgresCpuPerRequestMs: 0.4,
  addedP50Ms: 1.5,
  addedFirstChunkMs: 2,
  throughputRatio: 0.45,
  peakRssMb: 250,
  idleRssMb: 150,
  /** A response-cache hit's p50 minus a direct model call's (bench/cache-hit.ts). */
  cacheHitAddedMs: 2,
} as const;

function row(cells: Array<string | number>): string {
  return `| ${cells.join(' | ')} |`;
}

function percentileRow(label: string, values: Percentiles): string {
  return row([label, ms(values.p50), ms(values.p90), ms(values.p99), ms(values.mean), String(values.count)]);
}

export function renderReport(results: BenchResults): string {
  const { machine, settings, sequential, stream, throughput, compiled, tsx, pglite, restart } = results;
  const lines: string[] = [];
  const push = (...more: string[]): void => {
    lines.push(...more);
  };

  const addedP50 = sequential.serviceMs.p50 - sequential.directMs.p50;
  const addedP99 = sequential.serviceMs.p99 - sequential.directMs.p99;
  const chunkP50 = stream.websocketMs.p50 - stream.directMs.p50;
  const chunkP99 = stream.websocketMs.p99 - stream.directMs.p99;
  const chunkHttpP50 = stream.httpMutationMs.p50 - stream.directMs.p50;
  const chunkHttpP99 = stream.httpMutationMs.p99 - stream.directMs.p99;
  const at = (latencyMs: number, connections: number): ThroughputRow | undefined =>
    throughput.find((entry) => entry.latencyMs === latencyMs && entry.connections === connections);
  const key = at(50, 128);

  push(
    `## Run${settings.quick ? ' (QUICK: short durations, not the reference figures)' : ''}`,
    '',
    `- Machine: \`nproc\` = ${machine.nproc}, ${machine.cpuModel}, ${machine.memoryGb} GB RAM, ${machine.kernel}; Node ${machine.node}; PostgreSQL ${machine.postgres} on 127.0.0.1.`,
    `- Date: ${machine.date}. Command: \`${machine.command}\` (whole run ${results.totalSeconds.toFixed(0)} s${results.buildMs ? `, of which \`npm run build\` ${(results.buildMs / 1000).toFixed(1)} s` : ''}).`,
    `- Layout: the service alone on CPU 1 (\`taskset -c 1 node dist/src/main.js\`, compiled by \`npm run build\`); the fake OpenAI upstream (bench/upstream.ts) and the load generators (autocannon, hand-timed clients) on CPU 0. The PostgreSQL server is not ours to pin: its backends run on either CPU and are measured separately.`,
    `- Service environment: \`OPENAI_API_KEY=x OPENAI_BASE_URL=<fake>/v1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/test DATABASE_SCHEMA=${results.schema} LOG_LEVEL=warn DATA_DIR=<tmp> PORT=0 HOST=127.0.0.1 RATE_LIMIT_RPM=100000000 MAX_CONCURRENT_GENERATIONS=100000\` (the per-account throttle still runs, with limits the one benchmark account cannot reach; NODE_ENV unset: development defaults, as \`npm start\`). The whole stack runs: JWT auth (demo token), graphql-armor, graphql-shield, the LLM Manager with its OpenTelemetry spans and metrics, the \`openai\` provider over HTTP, usage records and drafts in PostgreSQL.`,
    `- Request: \`draftStatusUpdate(input: {incidentId: "PDEMO01", audience: STAKEHOLDERS}) { id state text unverifiedCount generation { provider model degraded attempts } }\` with the demo token. The fake answers a valid, correctly cited status update, so each mutation makes exactly one upstream call (measured: ${compiled.moderate.upstreamCallsPerRequest.toFixed(2)} calls per mutation at moderate load).`,
    `- Warm-up: V8 optimizes a function only after thousands of calls, and until then the service costs 2-3 times the CPU, so every service is warmed up before it is measured: ${settings.serviceWarmupSeconds} s at 32 connections (${results.compiled.warmupRequests} mutations for the main one), and each throughput run has its own ${settings.warmupSeconds} s warm-up.`,
    `- Direct runs ("the limit") send the fake the very request the service sends it (captured by the fake: same headers, same JSON body with the prompt and the JSON schema), with the same client, connections and durations. Throughput runs: ${settings.warmupSeconds} s warm-up, then ${settings.durationSeconds} s measured.`,
    `- Checks: every response body is checked (\`"provider":"openai"\` and no \`errors\` through the service; a complete \`chat.completion\` from the fake); errors, timeouts and non-2xx are counted.`,
    machineLoadLine(results),
    ...results.notes.map((note) => `- Note: ${note}`),
    '',
    results.problems.length === 0
      ? '**Status: no errors, no non-2xx, no bad bodies, no warn/error log lines in any run.**'
      : `**Status: THIS RUN HAD ${results.problems.length} PROBLEM(S); its figures are suspect:**\n${results.problems.map((problem) => `- ${problem}`).join('\n')}`,
    '',
    '## Figures against targets (reported, not asserted)',
    '',
    row(['figure', 'measured', 'target', '']),
    row(['---', '---', '---', '---']),
    row([
      `CPU per request (service process, ${settings.moderateRate} req/s over ${settings.moderateConnections} connections, upstream 0 ms)`,
      ms(compiled.moderate.cpuPerRequestMs),
      `≤ ${ms(issueGoals.cpuPerRequestMs)}`,
      verdict(compiled.moderate.cpuPerRequestMs <= issueGoals.cpuPerRequestMs),
    ]),
    row([
      'PostgreSQL backends CPU per request, same runs',
      ms(compiled.moderate.postgresCpuPerRequestMs),
      `≤ ${ms(issueGoals.postgresCpuPerRequestMs)}`,
      verdict(compiled.moderate.postgresCpuPerRequestMs <= issueGoals.postgresCpuPerRequestMs),
    ]),
    row([
      'added latency p50, one keep-alive connection, upstream 0 ms',
      `${ms(addedP50)} (${ms(sequential.serviceMs.p50)} − ${ms(sequential.directMs.p50)})`,
      `≤ ${ms(issueGoals.addedP50Ms)}`,
      verdict(addedP50 <= issueGoals.addedP50Ms),
    ]),
    row(['added latency p99, same runs', `${ms(addedP99)} (${ms(sequential.serviceMs.p99)} − ${ms(sequential.directMs.p99)})`, '–', '']),
    row([
      'added time to first streamed chunk p50 (mutation + `draftStream` over graphql-ws)',
      `${ms(chunkP50)} (${ms(stream.websocketMs.p50)} − ${ms(stream.directMs.p50)})`,
      `≤ ${ms(issueGoals.addedFirstChunkMs)}`,
      verdict(chunkP50 <= issueGoals.addedFirstChunkMs),
    ]),
    row(['added time to first streamed chunk p99, same runs', `${ms(chunkP99)} (${ms(stream.websocketMs.p99)} − ${ms(stream.directMs.p99)})`, '–', '']),
    ...(results.cacheHit
      ? [
          row([
            'added latency p50 of a response-cache hit (same mutation repeated, `RESPONSE_CACHE_TTL_SECONDS=300`; section below)',
            `${ms(results.cacheHit.hitMs.p50 - results.cacheHit.directMs.p50)} (${ms(results.cacheHit.hitMs.p50)} − ${ms(results.cacheHit.directMs.p50)})`,
            `≤ ${ms(issueGoals.cacheHitAddedMs)}`,
            verdict(results.cacheHit.hitMs.p50 - results.cacheHit.directMs.p50 <= issueGoals.cacheHitAddedMs),
          ]),
        ]
      : []),
    row([
      'throughput at 128 connections, upstream 50 ms, ratio to direct',
      key ? `${key.ratio.toFixed(3)}× (${rps(key.service.requestsPerSecond)} / ${rps(key.direct.requestsPerSecond)} req/s)` : 'n/a',
      `≥ ${issueGoals.throughputRatio}×, no errors`,
      key ? verdict(key.ratio >= issueGoals.throughputRatio && faultCount(key) === 0) : '',
    ]),
    row([
      'peak RSS during that run (sampled every 100 ms)',
      key ? mb(key.window.peakRssMb) : 'n/a',
      `≤ ${mb(issueGoals.peakRssMb)}`,
      key ? verdict(key.window.peakRssMb <= issueGoals.peakRssMb) : '',
    ]),
    row([
      'for reference: CPU per request saturated (32 connections, upstream 0 ms)',
      at(0, 32) ? ms(at(0, 32)!.window.cpuPerRequestMs) : 'n/a',
      '',
      '',
    ]),
    row(['idle RSS with PostgreSQL (after start and a forced GC)', mb(compiled.idleRssAfterStartMb), `≤ ${mb(issueGoals.idleRssMb)}`, verdict(compiled.idleRssAfterStartMb <= issueGoals.idleRssMb)]),
    '',
    `### Added latency per mutation (${sequential.serviceMs.count} sequential mutations on one keep-alive connection, alternating with the same number of direct calls; ${settings.sequentialWarmup} pairs of warm-up; at most ${settings.sequentialCount} or ${settings.sequentialMaxSeconds} s)`,
    '',
    row(['path', 'p50', 'p90', 'p99', 'mean', 'n']),
    row(['---', '---', '---', '---', '---', '---']),
    percentileRow('through the service', sequential.serviceMs),
    percentileRow('direct to the fake', sequential.directMs),
    row(['**added by the service**', ms(addedP50), ms(sequential.serviceMs.p90 - sequential.directMs.p90), ms(addedP99), ms(sequential.serviceMs.mean - sequential.directMs.mean), '']),
    '',
    `Service CPU per mutation in these runs: ${ms(sequential.window.cpuPerRequestMs, 3)}; other processes used ${sequential.window.otherProcessesCores.toFixed(2)} cores meanwhile.`,
    '',
    `### Time to the first streamed chunk (${stream.websocketMs.count} sequential runs per path, at most ${settings.streamCount} or ${settings.streamMaxSeconds} s; upstream 0 ms; the fake sends every SSE frame at once)`,
    '',
    'From sending the mutation (`stream: true`) to the first `draftStream` chunk, versus from sending the same request to the fake to its first SSE byte.',
    `Median ${stream.chunksPerDraft} chunks per streamed draft.`,
    '',
    row(['path', 'p50', 'p90', 'p99', 'mean', 'n']),
    row(['---', '---', '---', '---', '---', '---']),
    percentileRow('mutation and subscription over one graphql-ws connection', stream.websocketMs),
    percentileRow('mutation over HTTP keep-alive, subscription over graphql-ws', stream.httpMutationMs),
    percentileRow('direct: first SSE byte of the fake', stream.directMs),
    row(['**added** (graphql-ws only)', ms(chunkP50), ms(stream.websocketMs.p90 - stream.directMs.p90), ms(chunkP99), ms(stream.websocketMs.mean - stream.directMs.mean), '']),
    row(['**added** (HTTP mutation + graphql-ws)', ms(chunkHttpP50), ms(stream.httpMutationMs.p90 - stream.directMs.p90), ms(chunkHttpP99), ms(stream.httpMutationMs.mean - stream.directMs.mean), '']),
    '',
    `Service CPU per streamed draft (mutation, subscription, chunks): ${ms(stream.window.cpuPerRequestMs, 3)}; other processes used ${stream.window.otherProcessesCores.toFixed(2)} cores meanwhile.`,
    '',
    `### Throughput (autocannon, ${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s)`,
    '',
    row(['upstream', 'connections', 'direct req/s', 'service req/s', 'ratio', 'service p50 / p99', 'service CPU (cores)', 'CPU/request', 'PostgreSQL CPU/request', 'peak RSS', 'upstream calls/mutation', 'errors / non-2xx / bad bodies', 'other processes (cores)']),
    row(['---', '---', '---', '---', '---', '---', '---', '---', '---', '---', '---', '---', '---']),
    ...throughput.map((entry) => throughputRow(entry)),
    '',
    'The service is CPU-bound when its CPU column reads ~1.0: its throughput is then 1 / (CPU per request), whatever the upstream does.',
    '',
    '### CPU per request',
    '',
    row(['service', 'load', 'CPU/request (service)', 'PostgreSQL backends CPU/request', 'p50 / p99', 'upstream calls/mutation', 'other processes (cores)']),
    row(['---', '---', '---', '---', '---', '---', '---']),
    moderateRow('`node dist/src/main.js` (compiled)', settings, compiled.moderate),
    moderateRow('`node --import tsx src/main.ts`', settings, tsx.moderate),
    ...throughput.map((entry) =>
      row([
        'compiled',
        `saturated: ${entry.connections} connections, upstream ${entry.latencyMs} ms`,
        ms(entry.window.cpuPerRequestMs, 3),
        ms(entry.window.postgresCpuPerRequestMs, 3),
        `${ms(entry.service.latencyP50Ms, 0)} / ${ms(entry.service.latencyP99Ms, 0)}`,
        entry.upstreamCallsPerRequest.toFixed(2),
        entry.window.otherProcessesCores.toFixed(2),
      ]),
    ),
    row([
      'tsx',
      'saturated: 32 connections, upstream 0 ms',
      ms(tsx.saturation.window.cpuPerRequestMs, 3),
      ms(tsx.saturation.window.postgresCpuPerRequestMs, 3),
      `${ms(tsx.saturation.service.latencyP50Ms, 0)} / ${ms(tsx.saturation.service.latencyP99Ms, 0)}`,
      tsx.saturation.upstreamCallsPerRequest.toFixed(2),
      tsx.saturation.window.otherProcessesCores.toFixed(2),
    ]),
    '',
    `Idle CPU of the compiled service: ${compiled.idleCpuMsPerSecond.toFixed(2)} ms per second (timers, pool, metrics).`,
    '',
    '### Memory (RSS of the service process, /proc/<pid>/status)',
    '',
    row(['state', 'RSS']),
    row(['---', '---']),
    row(['PostgreSQL, compiled: idle after start, forced GC', mb(compiled.idleRssAfterStartMb)]),
    row(['PostgreSQL, compiled: idle after a restart on the migrated schema, forced GC', mb(restart.idleRssAfterStartMb)]),
    row(['PostgreSQL, compiled: idle after all the load runs, forced GC', mb(compiled.idleRssAfterLoadMb)]),
    ...throughput
      .filter((entry) => entry.connections === 128)
      .map((entry) => row([`PostgreSQL, compiled: peak during 128 connections, upstream ${entry.latencyMs} ms (sampled every 100 ms)`, mb(entry.window.peakRssMb)])),
    row(['PostgreSQL, compiled: peak over the whole run (VmHWM)', mb(compiled.peakRssMb)]),
    row(['PostgreSQL, tsx: idle after start, forced GC', mb(tsx.idleRssAfterStartMb)]),
    row([`PGlite (new data folder), compiled: idle after start and one mutation, forced GC${pglite.ok ? '' : ' (its mutation FAILED)'}`, mb(pglite.idleRssAfterStartMb)]),
    row(['PGlite: peak during start (VmHWM, includes initdb)', mb(pglite.peakRssMb)]),
    '',
    '### Start-up (spawn to the demo token printed)',
    '',
    row(['service', 'time']),
    row(['---', '---']),
    row(['compiled, PostgreSQL, new schema (migrations applied)', ms(compiled.startupMs, 0)]),
    row(['compiled, PostgreSQL, migrated schema', ms(restart.startupMs, 0)]),
    row(['tsx, PostgreSQL, migrated schema', ms(tsx.startupMs, 0)]),
    row(['compiled, PGlite, new data folder (initdb)', ms(pglite.startupMs, 0)]),
    '',
    `Graceful shutdown of the compiled service after the load runs: ${ms(compiled.shutdownMs, 0)}.`,
    '',
    '### tsx or compiled',
    '',
    `Compiled (\`npm run build\`, \`node dist/src/main.js\`) vs \`node --import tsx src/main.ts\`: CPU per request ${ms(compiled.moderate.cpuPerRequestMs, 3)} vs ${ms(tsx.moderate.cpuPerRequestMs, 3)} at ${settings.moderateRate} req/s; saturated throughput at 32 connections ${rps(at(0, 32)?.service.requestsPerSecond ?? Number.NaN)} vs ${rps(tsx.saturation.service.requestsPerSecond)} req/s; idle RSS ${mb(compiled.idleRssAfterStartMb)} vs ${mb(tsx.idleRssAfterStartMb)}; start-up ${ms(restart.startupMs, 0)} vs ${ms(tsx.startupMs, 0)} (migrated schema). Every figure above is for the compiled service.`,
    '',
  );

  push(...profileSection(results));
  return lines.join('\n');
}

function profileSection(results: BenchResults): string[] {
  const { profile, native, settings } = results;
  const lines: string[] = ['## Where the CPU goes (compiled service after its warm-up, 32 connections, upstream 0 ms)', ''];
  if (!profile) return [...lines, 'No V8 profile was taken in this run.', ''];
  const window = profile.window;
  const mainPerRequestMs = window.mainThreadCpuPerRequestMs;
  // Sample durations are wall time (a descheduled thread still ages its sample), so shares of the
  // profiler's non-idle samples are scaled to the main thread's CPU time from /proc.
  const us = (percent: number): string => `${((percent / 100) * mainPerRequestMs * 1000).toFixed(0)} µs`;
  const pct = (percent: number): string => `${percent.toFixed(1)} %`;
  lines.push(
    `A fresh compiled service (PostgreSQL), warmed up for ${settings.serviceWarmupSeconds} s, then ${settings.profileSeconds} s of saturated load per profiler: ${rps(profile.requestsPerSecond)} req/s, **${ms(window.cpuPerRequestMs, 3)} of process CPU per mutation**, of which ${ms(window.mainThreadCpuPerRequestMs, 3)} on the main (event-loop) thread and ${ms(window.cpuPerRequestMs - window.mainThreadCpuPerRequestMs, 3)} on V8's helper threads (concurrent GC and compiler); the PostgreSQL backends add ${ms(window.postgresCpuPerRequestMs, 3)}.`,
    '',
    `### V8 sampling profiler (main thread; ${profile.summary.samples} samples at 250 µs; file \`${profile.file}\`, open it in Chrome DevTools or speedscope)`,
    '',
    'Shares are of the profiler\'s non-idle samples; µs/mutation = share × the main thread\'s CPU per mutation measured in /proc. V8 cannot name native work outside JavaScript (it shows some of it as "(program)" or "(idle)"): the perf view below covers it.',
    '',
    '#### Each sample charged to the nearest package or src folder on its stack',
    '',
    'Node internals and V8 natives count for the package that called them (JSON.parse called by pg counts for pg); a sample with no package on its stack (socket writes, timers, GC) keeps its own name.',
    '',
    row(['component', 'µs/mutation', 'share']),
    row(['---', '---', '---']),
    ...profile.summary.attributedByComponent.filter((share) => share.percent >= 0.3).map((share) => row([share.name, us(share.percent), pct(share.percent)])),
    '',
    '#### Self time by component (where the instructions ran)',
    '',
    row(['component', 'µs/mutation', 'share']),
    row(['---', '---', '---']),
    ...profile.summary.selfByComponent.filter((share) => share.percent >= 0.3).map((share) => row([share.name, us(share.percent), pct(share.percent)])),
    '',
    '#### Inclusive time (the component anywhere on the stack; shares overlap)',
    '',
    row(['component', 'µs/mutation', 'share']),
    row(['---', '---', '---']),
    ...profile.summary.inclusiveByComponent.filter((share) => share.percent >= 1).map((share) => row([share.name, us(share.percent), pct(share.percent)])),
    '',
    '#### Top self-time functions',
    '',
    row(['function', 'location', 'component', 'µs/mutation', 'share']),
    row(['---', '---', '---', '---', '---']),
    ...profile.summary.topFunctions.map((entry) =>
      row([`\`${entry.name}\``, entry.location ? `\`${entry.location}\`` : '', entry.component, us(entry.percent), pct(entry.percent)]),
    ),
    '',
  );
  if (!native) return [...lines, 'No perf profile in this run.', ''];
  const perfWindow = native.window;
  const perRequest = (percent: number, totalMs: number): string => `${((percent / 100) * totalMs * 1000).toFixed(0)} µs`;
  lines.push(
    `### perf (every thread, native code and kernel included; \`perf record -F 999 -g\`, service started with \`--perf-basic-prof\`)`,
    '',
    `Same load, next ${settings.profileSeconds} s: ${rps(native.requestsPerSecond)} req/s, ${ms(perfWindow.cpuPerRequestMs, 3)} process CPU per mutation (main thread ${ms(perfWindow.mainThreadCpuPerRequestMs, 3)}), ${native.summary.samples} samples.`,
    '',
    row(['thread', 'share', 'µs/mutation']),
    row(['---', '---', '---']),
    ...native.summary.threads.map((share) => row([share.name, `${share.percent.toFixed(1)} %`, perRequest(share.percent, perfWindow.cpuPerRequestMs)])),
    '',
    '#### Main thread by the kind of code running',
    '',
    row(['code', 'share of main thread', 'µs/mutation']),
    row(['---', '---', '---']),
    ...native.summary.mainByLeaf.filter((share) => share.percent >= 0.3).map((share) => row([share.name, `${share.percent.toFixed(1)} %`, perRequest(share.percent, perfWindow.mainThreadCpuPerRequestMs)])),
    '',
    `JavaScript tiers (innermost JS frame of main-thread samples): ${native.summary.jsTiers.map((share) => `${share.name} ${share.percent.toFixed(0)} %`).join(', ')}.`,
    '',
    '#### Main thread charged to the nearest package or src folder on the stack (native and kernel work included)',
    '',
    row(['component', 'share of main thread', 'µs/mutation']),
    row(['---', '---', '---']),
    ...native.summary.mainAttributed.map((share) => row([share.name, `${share.percent.toFixed(1)} %`, perRequest(share.percent, perfWindow.mainThreadCpuPerRequestMs)])),
    '',
    '#### Hottest leaf symbols of the main thread',
    '',
    row(['symbol', 'share of main thread']),
    row(['---', '---']),
    ...native.summary.topSymbols.map((share) => row([`\`${share.name.replace(/\|/g, '\\|').slice(0, 140)}\``, `${share.percent.toFixed(1)} %`])),
    '',
  );
  return lines;
}

/** The windows measured, for the machine-load summary. */
function windowsOf(results: BenchResults): Array<[string, ServiceWindow]> {
  return [
    ['idle', results.compiled.idleWindow],
    ['sequential latency', results.sequential.window],
    ['streaming', results.stream.window],
    ['moderate load (compiled)', results.compiled.moderate],
    ['moderate load (tsx)', results.tsx.moderate],
    ...results.throughput.map((entry): [string, ServiceWindow] => [`${entry.connections} connections, upstream ${entry.latencyMs} ms`, entry.window]),
    ['tsx, 32 connections, upstream 0 ms', results.tsx.saturation.window],
    ...(results.profile ? [['V8 profile window', results.profile.window] as [string, ServiceWindow]] : []),
    ...(results.native ? [['perf window', results.native.window] as [string, ServiceWindow]] : []),
  ];
}

function machineLoadLine(results: BenchResults): string {
  const windows = windowsOf(results);
  const worst = windows.reduce((max, entry) => (entry[1].otherProcessesCores > max[1].otherProcessesCores ? entry : max));
  const steal = Math.max(...windows.map(([, window]) => window.stealCores));
  const noisy = worst[1].otherProcessesCores > 0.1;
  return `- Machine load: others share this machine (test runs of other work in the same checkout). Load average ${results.compiled.loadAverageAtStart.map((value) => value.toFixed(2)).join(' ')} at the start; ${results.otherLoadBeforeStartCores.toFixed(2)} cores used by others just before the first measurement (the run waits up to 45 s for less than 0.25); CPU used by processes that are not the benchmark's: ${results.compiled.idleWindow.otherProcessesCores.toFixed(2)} cores while the service idled, at most ${worst[1].otherProcessesCores.toFixed(2)} cores (${worst[0]}); hypervisor steal at most ${steal.toFixed(2)} cores.${noisy ? ' **Others used the machine during this run: those windows are noisy (a process on CPU 1 competes with the service).**' : ''}`;
}

function throughputRow(entry: ThroughputRow): string {
  const service = entry.service;
  const direct = entry.direct;
  const faults = (outcome: AutocannonOutcome): string => `${outcome.errors} / ${outcome.non2xx} / ${outcome.badBodies}`;
  return row([
    `${entry.latencyMs} ms`,
    String(entry.connections),
    rps(direct.requestsPerSecond),
    rps(service.requestsPerSecond),
    `${entry.ratio.toFixed(3)}×`,
    `${ms(service.latencyP50Ms, 0)} / ${ms(service.latencyP99Ms, 0)}`,
    entry.window.serviceCpuUtilisation.toFixed(2),
    ms(entry.window.cpuPerRequestMs, 3),
    ms(entry.window.postgresCpuPerRequestMs, 3),
    mb(entry.window.peakRssMb),
    entry.upstreamCallsPerRequest.toFixed(2),
    `service ${faults(service)}; direct ${faults(direct)}`,
    entry.window.otherProcessesCores.toFixed(2),
  ]);
}

function moderateRow(label: string, settings: BenchResults['settings'], window: ModerateWindow): string {
  return row([
    label,
    `${settings.moderateRate} req/s over ${settings.moderateConnections} connections, upstream 0 ms (${window.requests} requests)`,
    ms(window.cpuPerRequestMs, 3),
    ms(window.postgresCpuPerRequestMs, 3),
    `${ms(window.latencyP50Ms, 0)} / ${ms(window.latencyP99Ms, 0)}`,
    window.upstreamCallsPerRequest.toFixed(2),
    window.otherProcessesCores.toFixed(2),
  ]);
}
