/**
 * A compiled service for the stand-alone benchmarks (idle subscriptions, time with a model):
 * `node dist/src/main.js` on PostgreSQL (a schema of its own, dropped by `stop`) or on the
 * embedded database (a temporary data folder), with the upstream and the resilience settings
 * the benchmark chooses through an LLM_CONFIG file. bench/run.ts keeps its own launcher: its
 * figures must not move when these benchmarks change.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { heapClasses, type HeapClasses } from './heap-classes.js';
import { collectGarbage, openInspector, processMemoryMb, startProcess, type ManagedProcess } from './processes.js';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The number after `name` on the command line, else `fallback`. */
export function numberArgument(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

/** Whether the module at `moduleUrl` is the script node was started with (not imported by bench/run.ts). */
export function isEntryScript(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && moduleUrl === new URL(`file://${path.resolve(process.argv[1])}`).href;
}
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchServiceOptions {
  name: string;
  /** OpenAI-compatible base URL (with `/v1`). */
  upstreamUrl: string;
  database: 'postgres' | 'embedded';
  /** Provider attempt timeout and generation deadline (ms); default the service's own. */
  attemptTimeoutMs?: number;
  deadlineMs?: number;
  /** Stream idle timeout (ms); default the service's own. */
  idleTimeoutMs?: number;
  core?: number;
  /** A checkout with a compiled dist/ (default this one), for A/B runs. */
  directory?: string;
  env?: NodeJS.ProcessEnv;
  nodeArgs?: string[];
}

export interface BenchService {
  process: ManagedProcess;
  url: string;
  token: string;
  /** RSS (MB, /proc) and V8 heap used (MB, inspector) after a forced GC. */
  memoryAfterGc(): Promise<{ rssMb: number; heapMb: number }>;
  /** Objects on the V8 heap by class (a heap snapshot; see heap-classes.ts). */
  heapClasses(): Promise<HeapClasses>;
  graphql<T>(query: string, variables: Record<string, unknown>): Promise<{ data?: T; errors?: { message: string }[] }>;
  stop(): Promise<void>;
}

export async function startBenchService(options: BenchServiceOptions): Promise<BenchService> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'incident-ai-bench-service-'));
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const resilience = {
    ...(options.attemptTimeoutMs !== undefined && { attemptTimeoutMs: options.attemptTimeoutMs }),
    ...(options.deadlineMs !== undefined && { deadlineMs: options.deadlineMs }),
    ...(options.idleTimeoutMs !== undefined && { idleTimeoutMs: options.idleTimeoutMs }),
  };
  const routingFile = path.join(folder, 'llm.json');
  await writeFile(
    routingFile,
    JSON.stringify({ providers: { openai: { kind: 'openai', baseURL: options.upstreamUrl } }, defaultChain: [{ provider: 'openai', model: 'gpt-4o-mini' }], resilience }),
  );
  const managed = startProcess({
    name: options.name,
    command: process.execPath,
    args: [...(options.nodeArgs ?? []), '--inspect-port=127.0.0.1:0', 'dist/src/main.js'],
    core: options.core ?? 1,
    cwd: options.directory ?? repoRoot,
    deathSignal: 'TERM',
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      OPENAI_API_KEY: 'x',
      LLM_CONFIG: routingFile,
      LOG_LEVEL: 'warn',
      DATA_DIR: path.join(folder, 'data'),
      PORT: '0',
      HOST: '127.0.0.1',
      RATE_LIMIT_RPM: '100000000',
      MAX_CONCURRENT_GENERATIONS: '100000',
      ...(options.database === 'postgres' && { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema }),
      ...options.env,
    },
  });
  const stop = async (): Promise<void> => {
    await managed.stop(15_000).catch(() => undefined);
    if (options.database === 'postgres') {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`).finally(() => client.end());
    }
    await rm(folder, { recursive: true, force: true });
  };
  try {
    const listening = await managed.waitForLine(/listening on (http:\/\/\S+)\/graphql/, 120_000);
    const token = await managed.waitForLine(/demo token: (\S+)/, 10_000);
    const url = listening[1]!.replace('localhost', '127.0.0.1');
    return {
      process: managed,
      url,
      token: token[1]!,
      async memoryAfterGc() {
        await collectGarbage(managed);
        await new Promise((resolve) => setTimeout(resolve, 500));
        const session = await openInspector(managed);
        try {
          const heap = await session.call<{ usedSize: number }>('Runtime.getHeapUsage');
          return { rssMb: processMemoryMb(managed.pid).rss, heapMb: heap.usedSize / 1024 / 1024 };
        } finally {
          await session.close();
        }
      },
      async heapClasses() {
        const session = await openInspector(managed);
        try {
          return await heapClasses(session);
        } finally {
          await session.close();
        }
      },
      async graphql<T>(query: string, variables: Record<string, unknown>) {
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token[1]}` },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as { data?: T; errors?: { message: string }[] };
      },
      stop,
    };
  } catch (error) {
    process.stderr.write(managed.stderr().slice(-2_000));
    await stop();
    throw error;
  }
}

/** The value at quantile `q` (0-1) of `values`. */
export const quantile = (values: number[], q: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]!;

/**
 * For the paired benchmarks: the fake upstream (0 ms) on core 0, then one service per build
 * directory, side by side on core 1, each pushed onto `services` as it starts (so the caller's
 * clean-up stops those that started when a later one fails). A build may carry environment
 * variables of its own after `+`: `.+NODE_ENV=production+AUTH_LOCAL_KEYS=true`.
 */
export async function startPairedServices(directories: readonly string[], services: BenchService[], onStarted?: (milliseconds: number) => void): Promise<void> {
  const upstream = startProcess({ name: 'fake upstream', command: process.execPath, args: ['--import', 'tsx', 'bench/upstream.ts', '--latency', '0'], core: 0, cwd: repoRoot });
  const upstreamUrl = (await upstream.waitForLine(/^listening (\S+)/, 30_000))[1]!;
  for (const spec of directories) {
    const [directory = '.', ...assignments] = spec.split('+');
    const env = Object.fromEntries(assignments.map((assignment) => [assignment.slice(0, assignment.indexOf('=')), assignment.slice(assignment.indexOf('=') + 1)]));
    const start = Date.now();
    services.push(await startBenchService({ name: `service ${spec}`, upstreamUrl, database: 'postgres', directory: path.resolve(directory), env }));
    onStarted?.(Date.now() - start);
  }
}
