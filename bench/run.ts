/**
 * `npm run bench`: what the service adds on top of its model provider, measured end to end.
 *
 * The service runs as a real process on CPU 1 (`taskset -c 1`) with the whole stack
 * (PostgreSQL store, auth, shield, manager, usage records); the fake OpenAI upstream
 * (bench/upstream.ts) and the load generator (bench/load.ts, autocannon and hand-timed
 * clients) share CPU 0. Every figure through the service is paired with the same load sent
 * straight to the fake, with the very request the service sends it (captured by the fake).
 *
 *   npm run bench                 the full run (~4-5 min), rewrites the figures in bench/RESULTS.md
 *   npm run bench -- --quick      (or BENCH_QUICK=1) < 2 min: short runs of the side-by-side
 *                                 figures only (incident-ai, Portkey, the bare hop); writes
 *                                 bench/out/RESULTS.quick.md only
 *   npm run bench -- --no-build   use the existing dist/ instead of running `npm run build`
 *
 * Both end with two sections of their own: idle `draftStream` subscriptions (bench/idle-subscriptions.ts:
 * 10,000, or 2,000 when quick) and time to a whole draft with a model-like upstream
 * (bench/model-time.ts; the quick run leaves out the postmortems, a model's slowest drafts).
 *
 * Raw results and the CPU profile go to bench/out/ (git-ignored). The PostgreSQL schema
 * (bench_<random>), the data folder and every process started are removed at the end, also on
 * failure and on Ctrl-C.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { verifyCitations } from '../src/features/common/citation-check.js';
import { incidentSourceIds } from '../src/features/common/incident-prompt-data.js';
import { statusUpdateOutputSchema } from '../src/features/status-update/output-schema.js';
import { createSampleIncidentSource } from '../src/incidents/sample-source.js';
import { summarizeProfile, type CpuProfile } from './cpu-profile.js';
import { perfAvailable, summarizePerf } from './perf-profile.js';
import type { AutocannonOutcome, HttpTarget, LoadJob, LoadOutcome, SequentialOutcome, StreamOutcome } from './load.js';
import {
  collectGarbage,
  connectedLocalPorts,
  killAllProcessesNow,
  machineCpuMs,
  ownCpuMs,
  openInspector,
  processCpuMs,
  processMemoryMb,
  threadCpuMs,
  sampleRss,
  startProcess,
  stopAllProcesses,
  type ManagedProcess,
} from './processes.js';
import { issueGoals, renderReport, type BenchResults, type ModerateWindow, type ServiceWindow, type ThroughputRow } from './report.js';
import { benchIncidentId, statusUpdateAnswer } from './status-update-answer.js';
import { installPortkey, portkeyVersion, startHop, startPortkey, type RunningPeer } from './peers.js';
import { renderPeers, type PeerFigures } from './peer-report.js';
import { measureIdleSubscriptions, renderIdleSubscriptions } from './idle-subscriptions.js';
import { measureModelTime, renderModelTime } from './model-time.js';
import { measureCacheHit, renderCacheHit, type CacheHitResult } from './cache-hit.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outDirectory = path.join(repoRoot, 'bench', 'out');
const resultsFile = path.join(repoRoot, 'bench', 'RESULTS.md');
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const serviceCore = 1;
const loadCore = 0;

const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const skipBuild = process.argv.includes('--no-build');
const settings = quick
  ? { serviceWarmupSeconds: 4, warmupSeconds: 1, durationSeconds: 3, sequentialWarmup: 50, sequentialCount: 300, sequentialMaxSeconds: 5, streamWarmup: 10, streamCount: 40, streamMaxSeconds: 4, moderateRate: 200, profileSeconds: 3 }
  : { serviceWarmupSeconds: 20, warmupSeconds: 3, durationSeconds: 10, sequentialWarmup: 300, sequentialCount: 2_000, sequentialMaxSeconds: 25, streamWarmup: 100, streamCount: 200, streamMaxSeconds: 15, moderateRate: 200, profileSeconds: 8 };
const moderateConnections = 16;

const mutation = `mutation BenchDraft($input: DraftStatusUpdateInput!) {
  draftStatusUpdate(input: $input) { id state text unverifiedCount generation { provider model degraded attempts } }
}`;
const mutationInput = { incidentId: benchIncidentId, audience: 'STAKEHOLDERS' };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
};

// --- clean-up ------------------------------------------------------------------------------------

const schema = `bench_${randomBytes(5).toString('hex')}`;
let temporaryDirectory: string | null = null;
let schemaCreated = false;
let cleanedUp = false;

async function cleanUp(): Promise<void> {
  if (cleanedUp) return;
  cleanedUp = true;
  await stopAllProcesses(5_000).catch(() => undefined);
  if (schemaCreated) {
    const client = new pg.Client({ connectionString: databaseUrl });
    try {
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      log(`dropped schema ${schema}`);
    } catch (error) {
      log(`could not drop schema ${schema}: ${(error as Error).message}`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  if (temporaryDirectory) await rm(temporaryDirectory, { recursive: true, force: true }).catch(() => undefined);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}
process.once('exit', killAllProcessesNow);

// --- helpers -------------------------------------------------------------------------------------

interface RunningService {
  process: ManagedProcess;
  url: string;
  token: string;
  startupMs: number;
  warnLines: string[];
}

interface ServiceStart {
  label: string;
  mode: 'compiled' | 'tsx';
  database: 'postgres' | 'pglite';
  dataDirectory: string;
  upstreamUrl: string;
  nodeArgs?: string[];
}

async function startService(options: ServiceStart): Promise<RunningService> {
  const environment: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    OPENAI_API_KEY: 'x',
    OPENAI_BASE_URL: options.upstreamUrl,
    LOG_LEVEL: 'warn',
    DATA_DIR: options.dataDirectory,
    PORT: '0',
    HOST: '127.0.0.1',
    // The per-account throttle stays in the path (in-process store) but must not refuse the
    // benchmark's single account: its defaults are 60 operations a minute, 10 at once.
    RATE_LIMIT_RPM: '100000000',
    MAX_CONCURRENT_GENERATIONS: '100000',
    ...(options.database === 'postgres' && { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema }),
  };
  const entry = options.mode === 'compiled' ? ['dist/src/main.js'] : ['--import', 'tsx', 'src/main.ts'];
  const started = performance.now();
  const managed = startProcess({
    name: `service (${options.label})`,
    command: process.execPath,
    // The inspector port is only opened on demand (SIGUSR1), to force a GC before reading RSS.
    args: [...(options.nodeArgs ?? []), '--inspect-port=127.0.0.1:0', ...entry],
    core: serviceCore,
    env: environment,
    cwd: repoRoot,
    deathSignal: 'TERM',
  });
  if (options.database === 'postgres') schemaCreated = true;
  const warnLines: string[] = [];
  managed.onLine((line) => {
    if (line.startsWith('{') && /"level":(40|50|60)/.test(line) && warnLines.length < 50) warnLines.push(line.slice(0, 500));
  });
  const listening = await managed.waitForLine(/listening on (http:\/\/\S+)\/graphql/, 90_000);
  const token = await managed.waitForLine(/demo token: (\S+)/, 10_000);
  const startupMs = performance.now() - started;
  return { process: managed, url: listening[1]!.replace('localhost', '127.0.0.1'), token: token[1]!, startupMs, warnLines };
}

async function idleRss(service: RunningService): Promise<number> {
  await collectGarbage(service.process);
  await sleep(500);
  return processMemoryMb(service.process.pid).rss;
}

async function stopService(service: RunningService): Promise<{ exitCode: number | null; shutdownMs: number }> {
  const started = performance.now();
  const { code } = await service.process.stop(30_000);
  return { exitCode: code, shutdownMs: performance.now() - started };
}

async function graphqlRequest(service: RunningService, variables: Record<string, unknown>): Promise<{ status: number; body: string }> {
  const response = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${service.token}` },
    body: JSON.stringify({ query: mutation, variables }),
  });
  return { status: response.status, body: await response.text() };
}

function serviceTarget(service: RunningService, stream = false): HttpTarget {
  return {
    url: `${service.url}/graphql`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${service.token}` },
    body: JSON.stringify({ query: mutation, variables: { input: stream ? { ...mutationInput, stream: true } : mutationInput } }),
  };
}

/** The fake upstream, with its line commands. */
interface Upstream {
  process: ManagedProcess;
  url: string;
  command<T>(line: string): Promise<T>;
}

async function startUpstream(): Promise<Upstream> {
  const managed = startProcess({
    name: 'fake upstream',
    command: process.execPath,
    args: ['--import', 'tsx', 'bench/upstream.ts', '--latency', '0'],
    core: loadCore,
    cwd: repoRoot,
  });
  const [, url] = await managed.waitForLine(/^listening (\S+)/, 30_000);
  let queue = Promise.resolve<unknown>(undefined);
  return {
    process: managed,
    url: url!,
    command<T>(line: string): Promise<T> {
      const next = queue.then(async () => {
        const answer = managed.nextLine(/^\{/, 10_000);
        managed.child.stdin!.write(`${line}\n`);
        return JSON.parse((await answer).input!) as T;
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

/** PostgreSQL backends serving a process's pool: port -> pid from their process titles. */
function postgresBackendCpu(servicePid: number): Map<number, number> {
  const ports = new Set(connectedLocalPorts(servicePid, 5432));
  const cpu = new Map<number, number>();
  if (ports.size === 0) return cpu;
  for (const entry of readdirSyncSafe('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      const title = readFileSyncSafe(`/proc/${pid}/cmdline`);
      if (!title.startsWith('postgres:')) continue;
      const port = /\((\d+)\)/.exec(title)?.[1];
      if (port && ports.has(Number(port))) cpu.set(pid, processCpuMs(pid));
    } catch {
      // gone meanwhile
    }
  }
  return cpu;
}

function readdirSyncSafe(directory: string): string[] {
  try {
    return readdirSync(directory);
  } catch {
    return [];
  }
}
function readFileSyncSafe(file: string): string {
  return readFileSync(file, 'utf8').replace(/\0/g, ' ');
}

interface WindowProbe {
  onStart(): void;
  onEnd(): void;
  result(requests: number): ServiceWindow;
}

/**
 * CPU of the service and its PostgreSQL backends, its peak RSS, and the CPU other processes of
 * the machine used meanwhile (others share this machine: their load makes figures noisy), over
 * a measured window.
 */
function probeService(service: RunningService): WindowProbe {
  const pid = service.process.pid;
  let cpuStart = 0;
  let cpuEnd = 0;
  let mainStart = 0;
  let mainEnd = 0;
  let pgStart = new Map<number, number>();
  let pgEnd = new Map<number, number>();
  let machineStart = { busy: 0, steal: 0 };
  let machineEnd = { busy: 0, steal: 0 };
  let ownStart = 0;
  let ownEnd = 0;
  let wallStart = 0;
  let wallEnd = 0;
  let sampler: { stop(): number } | null = null;
  let peakRss = 0;
  return {
    onStart() {
      wallStart = performance.now();
      cpuStart = processCpuMs(pid);
      mainStart = threadCpuMs(pid, pid);
      pgStart = postgresBackendCpu(pid);
      machineStart = machineCpuMs();
      ownStart = ownCpuMs();
      sampler = sampleRss(pid);
    },
    onEnd() {
      wallEnd = performance.now();
      cpuEnd = processCpuMs(pid);
      mainEnd = threadCpuMs(pid, pid);
      pgEnd = postgresBackendCpu(pid);
      machineEnd = machineCpuMs();
      ownEnd = ownCpuMs();
      peakRss = sampler?.stop() ?? Number.NaN;
    },
    result(requests) {
      let pgCpu = 0;
      for (const [backend, end] of pgEnd) pgCpu += end - (pgStart.get(backend) ?? 0);
      const wallMs = wallEnd - wallStart;
      const otherCpu = machineEnd.busy - machineStart.busy - (ownEnd - ownStart) - pgCpu;
      return {
        seconds: wallMs / 1000,
        requests,
        serviceCpuMs: cpuEnd - cpuStart,
        cpuPerRequestMs: (cpuEnd - cpuStart) / requests,
        mainThreadCpuPerRequestMs: (mainEnd - mainStart) / requests,
        serviceCpuUtilisation: (cpuEnd - cpuStart) / wallMs,
        postgresCpuPerRequestMs: pgCpu / requests,
        peakRssMb: peakRss,
        otherProcessesCores: Math.max(0, otherCpu / wallMs),
        stealCores: (machineEnd.steal - machineStart.steal) / wallMs,
      };
    },
  };
}

/** Runs one job of bench/load.ts in a child process on the load core. */
async function runLoad<T extends LoadOutcome>(job: LoadJob, probe?: WindowProbe): Promise<T> {
  const managed = startProcess({
    name: `load (${job.kind})`,
    command: process.execPath,
    args: ['--import', 'tsx', 'bench/load.ts', JSON.stringify(job)],
    core: loadCore,
    cwd: repoRoot,
  });
  let outcome: LoadOutcome | null = null;
  let failure: string | null = null;
  managed.onLine((line) => {
    if (!line.startsWith('{')) return;
    const message = JSON.parse(line) as { event: string; message?: string } & Record<string, unknown>;
    if (message.event === 'measure-start') probe?.onStart();
    else if (message.event === 'measure-end') probe?.onEnd();
    else if (message.event === 'result') outcome = message as unknown as LoadOutcome;
    else if (message.event === 'failed') failure = message.message ?? 'unknown failure';
  });
  const { code } = await managed.exited;
  if (failure || code !== 0 || outcome === null) {
    throw new Error(`load job ${job.kind} failed (exit ${code}): ${failure ?? managed.stderr().slice(-2_000)}`);
  }
  return outcome as T;
}

/**
 * Others share this machine (test runs, builds): wait up to `maxMs` for a 2 s stretch in which
 * processes that are not ours use under 0.25 cores, so the measurements start on a quiet machine.
 * Returns the load seen last, in cores.
 */
async function waitForQuiet(maxMs: number): Promise<number> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const busyStart = machineCpuMs().busy;
    const ownStart = ownCpuMs();
    await sleep(2_000);
    const others = (machineCpuMs().busy - busyStart - (ownCpuMs() - ownStart)) / 2_000;
    if (others < 0.25 || Date.now() >= deadline) return others;
    log(`other processes use ${others.toFixed(2)} cores: waiting for a quieter machine (at most ${Math.ceil((deadline - Date.now()) / 1000)} s more)`);
  }
}

// --- steps ---------------------------------------------------------------------------------------

function checkAnswer(): void {
  const parsed = statusUpdateOutputSchema.safeParse(statusUpdateAnswer);
  if (!parsed.success) throw new Error(`bench/status-update-answer.ts does not match the output schema: ${parsed.error.message}`);
  return;
}

async function checkCitations(): Promise<void> {
  const [incident] = await createSampleIncidentSource().loadIncidents('demo', [benchIncidentId]);
  if (!incident) throw new Error(`sample incident ${benchIncidentId} not found`);
  const { problems } = verifyCitations(statusUpdateAnswer, incidentSourceIds(incident));
  if (problems.length > 0) throw new Error(`bench/status-update-answer.ts cites unknown records: ${problems.join('; ')}`);
}

/**
 * `npm run build`. tsc emits JavaScript even when it reports type errors; others edit src/ while
 * benchmarks run, so a type error elsewhere is noted and the emitted build is used (the copy of
 * the migrations, which the failed script skipped, is done here).
 */
async function build(notes: string[]): Promise<number> {
  const started = performance.now();
  const startedAt = Date.now();
  try {
    await promisify(execFile)('npm', ['run', 'build'], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    const output = `${failure.stdout ?? ''}${failure.stderr ?? ''}`;
    const main = path.join(repoRoot, 'dist', 'src', 'main.js');
    const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
    if (errors.length === 0 || !existsSync(main) || statSync(main).mtimeMs < startedAt) throw new Error(`npm run build failed:\n${output}`);
    await cp(path.join(repoRoot, 'src', 'store', 'migrations'), path.join(repoRoot, 'dist', 'src', 'store', 'migrations'), { recursive: true });
    notes.push(`\`npm run build\` reported ${errors.length} type error(s) in files being edited by others (${errors.map((line) => line.split('(')[0]).join(', ')}); tsc emitted the JavaScript anyway and the benchmark ran it.`);
    log(`build: type errors reported, emitted output used: ${errors.join(' | ').slice(0, 400)}`);
  }
  return performance.now() - started;
}

async function machine(): Promise<BenchResults['machine']> {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8');
  const client = new pg.Client({ connectionString: databaseUrl });
  let postgres = 'unknown';
  try {
    await client.connect();
    postgres = ((await client.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? 'unknown').split(' ')[0]!;
  } finally {
    await client.end().catch(() => undefined);
  }
  return {
    nproc: os.availableParallelism(),
    cpuModel: /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown',
    node: process.version,
    date: new Date().toISOString(),
    kernel: `${os.type()} ${os.release()}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    postgres,
    command: `npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  };
}

async function waitForCapture(upstream: Upstream): Promise<{ json: HttpTarget; stream: HttpTarget }> {
  type Captured = { headers: Record<string, string>; body: unknown } | null;
  for (let attempt = 0; attempt < 100; attempt++) {
    const captured = await upstream.command<{ json: Captured; stream: Captured }>('captured');
    if (captured.json && captured.stream) {
      const target = (request: NonNullable<Captured>): HttpTarget => ({
        url: `${upstream.url}/chat/completions`,
        headers: request.headers,
        body: JSON.stringify(request.body),
      });
      return { json: target(captured.json), stream: target(captured.stream) };
    }
    await sleep(50);
  }
  throw new Error('the fake upstream never saw both a JSON and a streaming request from the service');
}

function problemsOf(label: string, outcome: AutocannonOutcome): string[] {
  const problems: string[] = [];
  if (outcome.errors > 0) problems.push(`${label}: ${outcome.errors} errors (${outcome.timeouts} timeouts)`);
  if (outcome.non2xx > 0) problems.push(`${label}: ${outcome.non2xx} non-2xx responses`);
  if (outcome.badBodies > 0) problems.push(`${label}: ${outcome.badBodies} bad bodies, e.g. ${outcome.badBodySample}`);
  return problems;
}

async function throughputRun(
  service: RunningService,
  upstream: Upstream,
  direct: HttpTarget,
  connections: number,
  latencyMs: number,
  problems: string[],
): Promise<ThroughputRow> {
  const common = { connections, warmupSeconds: settings.warmupSeconds, durationSeconds: settings.durationSeconds };
  log(`throughput: ${connections} connections, upstream ${latencyMs} ms: direct`);
  const directOutcome = await runLoad<AutocannonOutcome>({ kind: 'autocannon', target: direct, check: 'direct', ...common });
  problems.push(...problemsOf(`direct ${connections}c/${latencyMs}ms`, directOutcome));
  log(`throughput: ${connections} connections, upstream ${latencyMs} ms: through the service`);
  const probe = probeService(service);
  const before = await upstream.command<{ count: number }>('count');
  const serviceOutcome = await runLoad<AutocannonOutcome>({ kind: 'autocannon', target: serviceTarget(service), check: 'service', ...common }, probe);
  const after = await upstream.command<{ count: number }>('count');
  problems.push(...problemsOf(`service ${connections}c/${latencyMs}ms`, serviceOutcome));
  const window = probe.result(serviceOutcome.responses);
  return {
    latencyMs,
    connections,
    direct: directOutcome,
    service: serviceOutcome,
    window,
    ratio: serviceOutcome.requestsPerSecond / directOutcome.requestsPerSecond,
    // Warm-up and measured run together; requests cut off at the end make it slightly high.
    upstreamCallsPerRequest: (after.count - before.count) / (serviceOutcome.responses + serviceOutcome.warmupResponses),
  };
}

async function moderateLoad(service: RunningService, upstream: Upstream, problems: string[], label: string): Promise<ModerateWindow> {
  log(`CPU per request at ${settings.moderateRate} requests/s (${label})`);
  const probe = probeService(service);
  const before = await upstream.command<{ count: number }>('count');
  const outcome = await runLoad<AutocannonOutcome>(
    {
      kind: 'autocannon',
      target: serviceTarget(service),
      check: 'service',
      connections: moderateConnections,
      warmupSeconds: settings.warmupSeconds,
      durationSeconds: settings.durationSeconds,
      overallRate: settings.moderateRate,
    },
    probe,
  );
  const after = await upstream.command<{ count: number }>('count');
  problems.push(...problemsOf(`moderate load (${label})`, outcome));
  const window = probe.result(outcome.responses);
  return {
    ...window,
    latencyP50Ms: outcome.latencyP50Ms,
    latencyP99Ms: outcome.latencyP99Ms,
    upstreamCallsPerRequest: (after.count - before.count) / (outcome.responses + outcome.warmupResponses),
  };
}

/** The figures of the side-by-side table for a peer gateway, with the loads the service gets. */
async function measurePeer(peer: RunningPeer, upstream: Upstream, captured: { json: HttpTarget; stream: HttpTarget }, notes: string[]): Promise<PeerFigures> {
  const asService: RunningService = { process: peer.process, url: '', token: '', startupMs: 0, warnLines: [] };
  let errors = 0;
  const count = (outcome: AutocannonOutcome): void => void (errors += outcome.errors + outcome.non2xx + outcome.badBodies);
  await sleep(1_000);
  const idle = await idleRss(asService).catch(() => processMemoryMb(peer.process.pid).rss);
  log(`${peer.name}: warm-up ${settings.serviceWarmupSeconds} s at 32 connections`);
  count(await runLoad<AutocannonOutcome>({ kind: 'autocannon', target: peer.json, check: 'direct', connections: 32, warmupSeconds: 0, durationSeconds: settings.serviceWarmupSeconds }));
  log(`${peer.name}: sequential latency`);
  const sequential = await runLoad<SequentialOutcome>({ kind: 'sequential', service: peer.json, direct: captured.json, serviceCheck: 'direct', warmup: settings.sequentialWarmup, count: settings.sequentialCount, maxSeconds: settings.sequentialMaxSeconds });
  log(`${peer.name}: first streamed byte`);
  const firstChunk = await runLoad<SequentialOutcome>({ kind: 'sequential', service: peer.stream, direct: captured.stream, serviceCheck: 'sse', directCheck: 'sse', firstByte: true, warmup: settings.streamWarmup, count: settings.streamCount, maxSeconds: settings.streamMaxSeconds });
  errors += sequential.errors + firstChunk.errors;
  for (const [label, outcome] of [['JSON', sequential], ['streamed', firstChunk]] as const) {
    if (!outcome.errorSample) continue;
    log(`${peer.name}: e.g. ${outcome.errorSample.slice(0, 300)}`);
    notes.push(`${peer.name}: ${outcome.errors} failed ${label} requests in the sequential runs, e.g. \`${outcome.errorSample.slice(0, 200).replace(/`/g, "'")}\`${outcome.serviceMs.count === 0 ? '; its figure for them is missing (n/a)' : ''}.`);
  }
  log(`${peer.name}: CPU per request at ${settings.moderateRate} requests/s`);
  const moderateProbe = probeService(asService);
  const moderate = await runLoad<AutocannonOutcome>(
    { kind: 'autocannon', target: peer.json, check: 'direct', connections: moderateConnections, warmupSeconds: settings.warmupSeconds, durationSeconds: settings.durationSeconds, overallRate: settings.moderateRate },
    moderateProbe,
  );
  count(moderate);
  await upstream.command('latency 50');
  log(`${peer.name}: throughput, 128 connections, upstream 50 ms`);
  const common = { connections: 128, warmupSeconds: settings.warmupSeconds, durationSeconds: settings.durationSeconds };
  const direct = await runLoad<AutocannonOutcome>({ kind: 'autocannon', target: captured.json, check: 'direct', ...common });
  const throughputProbe = probeService(asService);
  const through = await runLoad<AutocannonOutcome>({ kind: 'autocannon', target: peer.json, check: 'direct', ...common }, throughputProbe);
  count(through);
  await upstream.command('latency 0');
  return {
    name: peer.name,
    cpuPerRequestMs: moderateProbe.result(moderate.responses).cpuPerRequestMs,
    postgresCpuPerRequestMs: null,
    addedP50Ms: sequential.serviceMs.count === 0 ? Number.NaN : sequential.serviceMs.p50 - sequential.directMs.p50,
    addedFirstChunkMs: firstChunk.serviceMs.count === 0 ? Number.NaN : firstChunk.serviceMs.p50 - firstChunk.directMs.p50,
    throughputRatio: through.requestsPerSecond / direct.requestsPerSecond,
    throughputRps: through.requestsPerSecond,
    directRps: direct.requestsPerSecond,
    idleRssMb: idle,
    peakRssMb: throughputProbe.result(through.responses).peakRssMb,
    errors,
  };
}

/** incident-ai's column of the side-by-side table. */
function incidentAiFigures(moderate: ModerateWindow, sequential: SequentialOutcome, stream: StreamOutcome, throughput: ThroughputRow[], idleRssMb: number, problemCount: number): PeerFigures {
  const row = throughput.find((entry) => entry.connections === 128 && entry.latencyMs === 50)!;
  return {
    name: 'incident-ai',
    cpuPerRequestMs: moderate.cpuPerRequestMs,
    postgresCpuPerRequestMs: moderate.postgresCpuPerRequestMs,
    addedP50Ms: sequential.serviceMs.p50 - sequential.directMs.p50,
    addedFirstChunkMs: stream.websocketMs.p50 - stream.directMs.p50,
    throughputRatio: row.ratio,
    throughputRps: row.service.requestsPerSecond,
    directRps: row.direct.requestsPerSecond,
    idleRssMb,
    peakRssMb: row.window.peakRssMb,
    errors: problemCount,
  };
}

/** Installs and measures the peers (Portkey, the bare hop) one after the other on the service's core. */
async function peerComparison(upstream: Upstream, captured: { json: HttpTarget; stream: HttpTarget }, incidentAi: PeerFigures): Promise<{ columns: PeerFigures[]; notes: string[] }> {
  const peerNotes: string[] = [];
  const peerColumns: PeerFigures[] = [incidentAi];
  const portkeyFolder = path.join(temporaryDirectory!, 'portkey');
  await mkdir(portkeyFolder, { recursive: true });
  log(`installing @portkey-ai/gateway@${portkeyVersion} into a temporary folder`);
  const installed = await installPortkey(portkeyFolder);
  if ('error' in installed) {
    peerNotes.push(`Portkey ${portkeyVersion} could not be installed (${installed.error}): its column is missing.`);
    log(`Portkey not installed: ${installed.error}`);
  }
  const peerStarts: Array<() => Promise<RunningPeer>> = [
    ...('script' in installed ? [() => startPortkey(installed.script, upstream.url, captured, serviceCore)] : []),
    () => startHop(repoRoot, upstream.url, captured, serviceCore),
  ];
  for (const startPeer of peerStarts) {
    let peer: RunningPeer | null = null;
    try {
      peer = await startPeer();
      peerColumns.push(await measurePeer(peer, upstream, captured, peerNotes));
    } catch (error) {
      peerNotes.push(`${peer?.name ?? 'a peer'} could not be measured: ${(error as Error).message.slice(0, 300)}`);
      log(`peer failed: ${(error as Error).message}`);
    } finally {
      await peer?.process.stop(10_000);
    }
  }
  peerNotes.push('Idle RSS is read after a forced GC for every process; peak RSS is the highest sample (every 100 ms) during the 128-connection, 50 ms run. The hop runs under the tsx loader (its RSS includes it).');

  return { columns: peerColumns, notes: peerNotes };
}

// --- main ----------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  const loadAverageAtStart = os.loadavg();
  checkAnswer();
  await checkCitations();
  const problems: string[] = [];
  const notes: string[] = [];
  temporaryDirectory = await mkdtemp(path.join(os.tmpdir(), 'incident-ai-bench-'));
  await mkdir(outDirectory, { recursive: true });
  const results: Partial<BenchResults> = { machine: await machine(), settings: { ...settings, moderateConnections, quick }, schema };
  log(`machine: ${results.machine!.nproc} CPUs, ${results.machine!.cpuModel}, Node ${results.machine!.node}; schema ${schema}`);

  if (!skipBuild) {
    log('npm run build');
    results.buildMs = await build(notes);
  } else if (!existsSync(path.join(repoRoot, 'dist', 'src', 'main.js'))) {
    throw new Error('--no-build: dist/src/main.js does not exist');
  }

  results.otherLoadBeforeStartCores = await waitForQuiet(quick ? 0 : 45_000);
  const upstream = await startUpstream();
  log(`fake upstream at ${upstream.url} (CPU ${loadCore})`);

  // --- A: compiled, PostgreSQL: every main figure -------------------------------------------
  const dataA = path.join(temporaryDirectory, 'data-compiled');
  const compiled = await startService({ label: 'compiled', mode: 'compiled', database: 'postgres', dataDirectory: dataA, upstreamUrl: upstream.url });
  log(`service (node dist/src/main.js, PostgreSQL schema ${schema}) at ${compiled.url}, started in ${compiled.startupMs.toFixed(0)} ms (CPU ${serviceCore})`);
  await sleep(1_000);
  const idleProbe = probeService(compiled);
  idleProbe.onStart();
  await sleep(3_000);
  idleProbe.onEnd();
  const idleWindow = idleProbe.result(1);
  const idleCpuMsPerSecond = idleWindow.serviceCpuMs / idleWindow.seconds;
  log(`other processes on the machine: ${idleWindow.otherProcessesCores.toFixed(2)} cores busy, load average ${os.loadavg().map((value) => value.toFixed(2)).join(' ')}`);
  const idleRssAfterStart = await idleRss(compiled);
  log(`idle: RSS ${idleRssAfterStart.toFixed(1)} MB after GC, ${idleCpuMsPerSecond.toFixed(2)} ms CPU/s`);

  const smoke = await graphqlRequest(compiled, { input: mutationInput });
  if (smoke.status !== 200 || !smoke.body.includes('"provider":"openai"') || smoke.body.includes('"errors"')) {
    throw new Error(`the first mutation did not come back from openai: HTTP ${smoke.status} ${smoke.body.slice(0, 1_000)}`);
  }
  const streamed = await graphqlRequest(compiled, { input: { ...mutationInput, stream: true } });
  if (streamed.status !== 200 || !streamed.body.includes('"STREAMING"')) throw new Error(`the streaming mutation failed: ${streamed.body.slice(0, 1_000)}`);
  const captured = await waitForCapture(upstream);

  // V8 optimizes a function only after thousands of calls: until then much of the code runs
  // in its baseline tier at 2-3 times the CPU. A service in production is always warm.
  log(`warm-up: ${settings.serviceWarmupSeconds} s at 32 connections`);
  const compiledWarmup = await runLoad<AutocannonOutcome>({
    kind: 'autocannon',
    target: serviceTarget(compiled),
    check: 'service',
    connections: 32,
    warmupSeconds: 0,
    durationSeconds: settings.serviceWarmupSeconds,
  });
  problems.push(...problemsOf('warm-up (compiled)', compiledWarmup));

  log(`sequential latency: ${settings.sequentialCount} mutations on one keep-alive connection, alternating with the fake`);
  const sequentialProbe = probeService(compiled);
  const sequential = await runLoad<SequentialOutcome>(
    {
      kind: 'sequential',
      service: serviceTarget(compiled),
      direct: captured.json,
      warmup: settings.sequentialWarmup,
      count: settings.sequentialCount,
      maxSeconds: settings.sequentialMaxSeconds,
    },
    sequentialProbe,
  );
  const sequentialWindow = sequentialProbe.result(sequential.serviceMs.count);
  if (sequential.errors > 0) problems.push(`sequential: ${sequential.errors} errors, e.g. ${sequential.errorSample}`);

  log(`first streamed chunk: ${settings.streamCount} runs`);
  const streamProbe = probeService(compiled);
  const stream = await runLoad<StreamOutcome>(
    {
      kind: 'stream',
      serviceUrl: compiled.url,
      token: compiled.token,
      mutation: { query: mutation, variables: { input: { ...mutationInput, stream: true } } },
      direct: captured.stream,
      warmup: settings.streamWarmup,
      count: settings.streamCount,
      maxSeconds: settings.streamMaxSeconds,
    },
    streamProbe,
  );
  const streamWindow = streamProbe.result(stream.websocketMs.count + stream.httpMutationMs.count);
  if (stream.errors > 0) problems.push(`stream: ${stream.errors} errors, e.g. ${stream.errorSample}`);

  const moderateCompiled = await moderateLoad(compiled, upstream, problems, 'compiled');

  const throughput: ThroughputRow[] = [];
  for (const latencyMs of quick ? [50] : [0, 50]) {
    await upstream.command(`latency ${latencyMs}`);
    for (const connections of quick ? [128] : [32, 128]) throughput.push(await throughputRun(compiled, upstream, captured.json, connections, latencyMs, problems));
  }
  await upstream.command('latency 0');
  if (quick) {
    // The quick run (< 2 min): the figures of the side-by-side table only, no tsx, restart,
    // profiles or PGlite runs.
    const peakRss = processMemoryMb(compiled.process.pid).hwm;
    await stopService(compiled);
    const peers = await peerComparison(upstream, captured, incidentAiFigures(moderateCompiled, sequential, stream, throughput, idleRssAfterStart, problems.length));
    await upstream.process.stop();
    const { text: streamingSections } = await streamingAndModelSections(problems);
    const quickReport = [
      '# Quick benchmark (BENCH_QUICK=1 / --quick: short runs, for checking the benchmark; figures are rough)',
      '',
      `Machine: ${results.machine!.nproc} CPUs, ${results.machine!.cpuModel}, Node ${results.machine!.node}; load average at start ${loadAverageAtStart.map((value) => value.toFixed(2)).join(' ')}; whole run ${((performance.now() - started) / 1000).toFixed(0)} s. incident-ai peak RSS over the whole run (VmHWM): ${peakRss.toFixed(0)} MB.`,
      '',
      renderPeers(peers.columns, peers.notes),
      streamingSections,
      ...(problems.length > 0 ? ['## Problems', '', ...problems.map((problem) => `- ${problem}`), ''] : []),
    ].join('\n');
    await writeFile(path.join(outDirectory, 'RESULTS.quick.md'), quickReport);
    process.stdout.write(`${quickReport}\n`);
    log('wrote bench/out/RESULTS.quick.md');
    return;
  }
  await sleep(2_000);
  const idleRssAfterLoad = await idleRss(compiled);
  const hwmCompiled = processMemoryMb(compiled.process.pid).hwm;
  const stopCompiled = await stopService(compiled);
  if (stopCompiled.exitCode !== 0) problems.push(`compiled service exited with code ${stopCompiled.exitCode}`);
  if (compiled.warnLines.length > 0) problems.push(`compiled service logged ${compiled.warnLines.length} warn/error lines, e.g. ${compiled.warnLines[0]}`);

  // --- B: tsx, PostgreSQL: what running the sources costs ------------------------------------
  const tsx = await startService({ label: 'tsx', mode: 'tsx', database: 'postgres', dataDirectory: dataA, upstreamUrl: upstream.url });
  log(`service (node --import tsx src/main.ts) started in ${tsx.startupMs.toFixed(0)} ms`);
  await sleep(2_000);
  const idleRssTsx = await idleRss(tsx);
  log(`warm-up: ${settings.serviceWarmupSeconds} s at 32 connections`);
  const tsxWarmup = await runLoad<AutocannonOutcome>({
    kind: 'autocannon',
    target: serviceTarget(tsx),
    check: 'service',
    connections: 32,
    warmupSeconds: 0,
    durationSeconds: settings.serviceWarmupSeconds,
  });
  problems.push(...problemsOf('warm-up (tsx)', tsxWarmup));
  const moderateTsx = await moderateLoad(tsx, upstream, problems, 'tsx');
  const saturationTsx = await throughputRun(tsx, upstream, captured.json, 32, 0, problems);
  const stopTsx = await stopService(tsx);
  if (stopTsx.exitCode !== 0) problems.push(`tsx service exited with code ${stopTsx.exitCode}`);
  if (tsx.warnLines.length > 0) problems.push(`tsx service logged ${tsx.warnLines.length} warn/error lines, e.g. ${tsx.warnLines[0]}`);

  // --- C: compiled restart on the migrated schema: start time and idle RSS ------------------
  const restart = await startService({ label: 'compiled restart', mode: 'compiled', database: 'postgres', dataDirectory: dataA, upstreamUrl: upstream.url });
  await sleep(2_000);
  const idleRssRestart = await idleRss(restart);
  await stopService(restart);

  // --- D: profiles of the compiled service under load -----------------------------------------
  // A fresh service, warmed up, then two windows of the same load: the V8 sampling profiler
  // (started and stopped through the inspector, so it covers the window exactly), then `perf`
  // on every thread of the process (the native work V8's profiler reports as idle).
  const profiled = await startService({
    label: 'profiled',
    mode: 'compiled',
    database: 'postgres',
    dataDirectory: dataA,
    upstreamUrl: upstream.url,
    nodeArgs: ['--perf-basic-prof'],
  });
  const profileTarget = serviceTarget(profiled);
  const profileJob = (warmupSeconds: number): LoadJob => ({
    kind: 'autocannon',
    target: profileTarget,
    check: 'service',
    connections: 32,
    warmupSeconds,
    durationSeconds: settings.profileSeconds,
  });
  log(`V8 CPU profile: 32 connections, upstream 0 ms, ${settings.serviceWarmupSeconds} s warm-up, ${settings.profileSeconds} s profiled`);
  const inspector = await openInspector(profiled.process);
  await inspector.call('Profiler.enable');
  await inspector.call('Profiler.setSamplingInterval', { interval: 250 });
  const v8Probe = probeService(profiled);
  let profilerStarted: Promise<unknown> = Promise.resolve();
  let profilerStopped: Promise<{ profile: CpuProfile }> | null = null;
  const v8Load = await runLoad<AutocannonOutcome>(profileJob(settings.serviceWarmupSeconds), {
    onStart() {
      profilerStarted = inspector.call('Profiler.start');
      v8Probe.onStart();
    },
    onEnd() {
      v8Probe.onEnd();
      profilerStopped = profilerStarted.then(() => inspector.call<{ profile: CpuProfile }>('Profiler.stop'));
    },
    result: (requests) => v8Probe.result(requests),
  });
  problems.push(...problemsOf('V8 profile run', v8Load));
  const v8Window = v8Probe.result(v8Load.responses);
  const cpuProfile = profilerStopped ? (await (profilerStopped as Promise<{ profile: CpuProfile }>)).profile : null;
  await inspector.close();
  let profile: BenchResults['profile'] = null;
  if (cpuProfile) {
    const saved = path.join(outDirectory, quick ? 'service.quick.cpuprofile' : 'service.cpuprofile');
    await writeFile(saved, JSON.stringify(cpuProfile));
    profile = {
      summary: summarizeProfile(cpuProfile),
      requests: v8Load.responses,
      window: v8Window,
      requestsPerSecond: v8Load.requestsPerSecond,
      file: path.relative(repoRoot, saved),
    };
  } else {
    problems.push('the V8 profiler returned no profile');
  }

  let native: BenchResults['native'] = null;
  if (await perfAvailable()) {
    log(`perf: 32 connections, upstream 0 ms, ${settings.profileSeconds} s`);
    const perfFile = path.join(temporaryDirectory, 'perf.data');
    const perfProbe = probeService(profiled);
    let recorder: ManagedProcess | null = null;
    const perfLoad = await runLoad<AutocannonOutcome>(profileJob(0), {
      onStart() {
        recorder = startProcess({
          name: 'perf record',
          command: 'perf',
          args: ['record', '-F', '999', '-g', '-p', String(profiled.process.pid), '-o', perfFile],
          core: loadCore,
          cwd: repoRoot,
        });
        perfProbe.onStart();
      },
      onEnd() {
        perfProbe.onEnd();
        (recorder as ManagedProcess | null)?.child.kill('SIGINT');
      },
      result: (requests) => perfProbe.result(requests),
    });
    problems.push(...problemsOf('perf run', perfLoad));
    const stoppedRecorder = recorder as ManagedProcess | null;
    if (stoppedRecorder) await stoppedRecorder.exited;
    try {
      native = { summary: await summarizePerf(perfFile, profiled.process.pid), window: perfProbe.result(perfLoad.responses), requestsPerSecond: perfLoad.requestsPerSecond };
    } catch (error) {
      notes.push(`perf could not be read: ${(error as Error).message.slice(0, 300)}`);
    }
  } else {
    notes.push('`perf` is not installed: no native profile.');
  }
  await stopService(profiled);
  if (profiled.warnLines.length > 0) problems.push(`profiled service logged ${profiled.warnLines.length} warn/error lines, e.g. ${profiled.warnLines[0]}`);

  // --- E: PGlite, for reference --------------------------------------------------------------
  const dataPglite = path.join(temporaryDirectory, 'data-pglite');
  log('service with PGlite (first open of a new data folder)');
  const pglite = await startService({ label: 'pglite', mode: 'compiled', database: 'pglite', dataDirectory: dataPglite, upstreamUrl: upstream.url });
  const pgliteCheck = await graphqlRequest(pglite, { input: mutationInput });
  const pgliteOk = pgliteCheck.status === 200 && pgliteCheck.body.includes('"provider":"openai"') && !pgliteCheck.body.includes('"errors"');
  if (!pgliteOk) problems.push(`PGlite mutation failed: ${pgliteCheck.body.slice(0, 500)}`);
  await sleep(2_000);
  const idleRssPglite = await idleRss(pglite);
  const hwmPglite = processMemoryMb(pglite.process.pid).hwm;
  await stopService(pglite);

  // --- F: peers: the same figures for Portkey and a bare node:http hop ------------------------
  const peers = await peerComparison(upstream, captured, incidentAiFigures(moderateCompiled, sequential, stream, throughput, idleRssAfterStart, problems.length));
  const { text: streamingSections, cacheHit } = await streamingAndModelSections(problems);

  await upstream.process.stop();

  results.problems = problems;
  results.notes = notes;
  results.compiled = {
    startupMs: compiled.startupMs,
    idleRssAfterStartMb: idleRssAfterStart,
    idleRssAfterLoadMb: idleRssAfterLoad,
    peakRssMb: hwmCompiled,
    idleCpuMsPerSecond,
    idleWindow,
    loadAverageAtStart,
    shutdownMs: stopCompiled.shutdownMs,
    moderate: moderateCompiled,
    warmupRequests: compiledWarmup.responses,
  };
  results.tsx = { startupMs: tsx.startupMs, idleRssAfterStartMb: idleRssTsx, moderate: moderateTsx, saturation: saturationTsx };
  results.restart = { startupMs: restart.startupMs, idleRssAfterStartMb: idleRssRestart };
  results.pglite = { startupMs: pglite.startupMs, idleRssAfterStartMb: idleRssPglite, peakRssMb: hwmPglite, ok: pgliteOk };
  results.sequential = { ...sequential, window: sequentialWindow };
  results.stream = { ...stream, window: streamWindow };
  results.throughput = throughput;
  results.profile = profile;
  results.native = native;
  results.cacheHit = cacheHit;
  results.totalSeconds = (performance.now() - started) / 1000;

  const complete = results as BenchResults;
  await writeFile(path.join(outDirectory, quick ? 'results.quick.json' : 'results.json'), `${JSON.stringify(complete, null, 2)}\n`);
  const report = `${renderReport(complete)}\n${renderPeers(peers.columns, peers.notes)}\n${streamingSections}`;
  if (quick) {
    await writeFile(path.join(outDirectory, 'RESULTS.quick.md'), report);
    log('wrote bench/out/RESULTS.quick.md');
  } else {
    await writeFile(resultsFile, mergeIntoResults(existsSync(resultsFile) ? await readFile(resultsFile, 'utf8') : null, report));
    log('wrote bench/RESULTS.md');
  }
  process.stdout.write(`${report}\n`);
  if (problems.length > 0) log(`THE RUN HAD ${problems.length} PROBLEM(S): see "Problems" in the report`);
}

/**
 * Idle `draftStream` subscriptions (bench/idle-subscriptions.ts) and time to a whole draft with
 * a model-like upstream (bench/model-time.ts): each starts its own service and upstream, after
 * the main runs. A failure is a problem of the run, not its end.
 */
async function streamingAndModelSections(problems: string[]): Promise<{ text: string; cacheHit: CacheHitResult | null }> {
  const sections: string[] = ['## Response cache, streaming and time with a model', ''];
  let cacheHit: CacheHitResult | null = null;
  try {
    log('response cache hits: the same mutation repeated on one connection');
    cacheHit = await measureCacheHit(quick ? { warmup: 300, count: 300, maxSeconds: 5, log } : { warmup: 2_000, count: 2_000, maxSeconds: 25, log });
    if (cacheHit.errors > 0 || cacheHit.upstreamCalls > 0) problems.push(`response cache hits: ${cacheHit.errors} errors or non-hits, ${cacheHit.upstreamCalls} upstream calls`);
    sections.push(renderCacheHit(cacheHit, issueGoals.cacheHitAddedMs));
  } catch (error) {
    problems.push(`response cache hits: ${(error as Error).message.slice(0, 300)}`);
  }
  try {
    log(`idle subscriptions: ${quick ? 2_000 : 10_000}, one socket each and multiplexed`);
    const idle = await measureIdleSubscriptions(
      quick ? { subscriptions: 2_000, drafts: 20, sockets: 20, database: 'postgres', log } : { subscriptions: 10_000, drafts: 100, sockets: 100, database: 'postgres', log },
    );
    sections.push(renderIdleSubscriptions(idle));
  } catch (error) {
    problems.push(`idle subscriptions: ${(error as Error).message.slice(0, 300)}`);
  }
  try {
    log('time to a whole draft with a model-like upstream');
    const model = await measureModelTime(quick ? { runs: 1, features: ['status update', 'assistant', 'runbook', 'automation digest'], longIncidentEntries: 0, database: 'postgres', log } : { runs: 3, database: 'postgres', log });
    sections.push(renderModelTime(model));
  } catch (error) {
    problems.push(`time with a model: ${(error as Error).message.slice(0, 300)}`);
  }
  return { text: sections.join('\n'), cacheHit };
}

const beginMarker = '<!-- bench:begin (generated by npm run bench; edit outside the markers) -->';
const endMarker = '<!-- bench:end -->';

/** Replaces the generated part of RESULTS.md, keeping the hand-written analysis around it. */
function mergeIntoResults(existing: string | null, report: string): string {
  const generated = `${beginMarker}\n${report}\n${endMarker}`;
  if (existing) {
    const begin = existing.indexOf(beginMarker);
    const end = existing.indexOf(endMarker);
    if (begin !== -1 && end > begin) return `${existing.slice(0, begin)}${generated}${existing.slice(end + endMarker.length)}`;
  }
  return `# Benchmark results\n\n${generated}\n`;
}

try {
  await main();
} catch (error) {
  log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
