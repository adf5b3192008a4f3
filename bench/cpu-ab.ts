/**
 * CPU per non-streamed draft of one or more builds of the service, measured in the same run
 * (A/B), robust on a loaded machine: CPU time of the service process and of its PostgreSQL
 * backends (from /proc) divided by the mutations answered, not latency or throughput.
 *
 *   npx tsx bench/cpu-ab.ts [--rounds 3] [--n 1500] [--connections 16] [--latency 0] [--node-arg=FLAG ...] [--env=NAME=VALUE ...] [--profile] [--stream] [--paired BATCH] DIR [DIR ...]
 *
 * Each DIR is a checkout with a compiled `dist/src/main.js` (e.g. this repository after
 * `npm run build`, and an older commit exported with `git archive` and built the same way).
 * The builds are measured in turn, `--rounds` times each, with the same fake upstream and the
 * same request as `npm run bench`; each round is a fresh service, warmed up first. With
 * `--profile`, the last round of each build runs with `--cpu-prof` and its summary is printed.
 * `--connections` and `--latency` (of the fake upstream, ms) change the load; the peak RSS of
 * each round (VmHWM, warm-up included) is printed with its CPU figures. `--node-arg=FLAG` (repeatable)
 * starts every service with that Node flag (e.g. `--node-arg=--max-semi-space-size=32`);
 * `--env=NAME=VALUE` (repeatable) adds a variable to every service's environment. A DIR may carry
 * settings of its own after a `+`, each a Node flag or NAME=VALUE: `. .+--max-semi-space-size=32
 * .+HEAP_GROWING_PERCENT=50` measures one build three ways in the same run.
 * With `--paired BATCH`, the builds run side by side and take the load in alternating batches
 * (see pairedRun): the steadier comparison on a machine others are loading.
 * With `--stream`, each draft is streamed instead (bench/stream-drive.ts: the mutation with
 * `stream: true` and the `draftStream` subscription to its end, over graphql-ws).
 * With `--classes`, the last round of each build also takes two heap snapshots (bench/heap-classes.ts):
 * after the warm-up with no request in flight, and in the middle of the measured load (every
 * connection's request in flight); what grew, per request in flight, is printed. The snapshot
 * pauses the service, so that round's CPU figure includes the snapshots: read it as a diagnosis.
 * With `--allocations`, the last round of each build samples what the measured load allocates
 * (V8's sampling heap profiler, objects collected by scavenges and full GCs included) and prints
 * the bytes allocated per request by the nearest package or src folder on the allocating stack.
 */
import http from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { componentOf, summarizeProfile, type CpuProfile } from './cpu-profile.js';
import { connectedLocalPorts, openInspector, processCpuMs, startProcess, stopAllProcesses, killAllProcessesNow, type ManagedProcess } from './processes.js';
import { benchIncidentId } from './status-update-answer.js';
import { driveStreams } from './stream-drive.js';
import { heapClasses, heapGrowth, type HeapClasses } from './heap-classes.js';
import { readdirSync, readFileSync } from 'node:fs';

const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const rounds = argument('--rounds', 3);
const count = argument('--n', 1500);
const connections = argument('--connections', 16);
const upstreamLatencyMs = argument('--latency', 0);
const profile = process.argv.includes('--profile');
const pairedBatch = argument('--paired', 0);
const extraEnvironment = Object.fromEntries(
  process.argv.filter((value) => value.startsWith('--env=')).map((value) => {
    const [name, ...rest] = value.slice('--env='.length).split('=');
    return [name!, rest.join('=')];
  }),
);
const nodeArgs = process.argv.filter((value) => value.startsWith('--node-arg=')).map((value) => value.slice('--node-arg='.length));
const streamed = process.argv.includes('--stream');
const classes = process.argv.includes('--classes');
const allocations = process.argv.includes('--allocations');
const valued = ['--rounds', '--n', '--connections', '--latency', '--paired'];
const directories = process.argv.slice(2).filter((value, index, all) => !value.startsWith('--') && !valued.includes(all[index - 1] ?? ''));
if (directories.length === 0) throw new Error('usage: tsx bench/cpu-ab.ts [--rounds 3] [--n 1500] [--profile] DIR [DIR ...]');

const mutation = `mutation BenchDraft($input: DraftStatusUpdateInput!) {
  draftStatusUpdate(input: $input) { id state text unverifiedCount generation { provider model degraded attempts } }
}`;
const body = JSON.stringify({ query: mutation, variables: { input: { incidentId: benchIncidentId, audience: 'STAKEHOLDERS' } } });
const schemas: string[] = [];
process.once('exit', killAllProcessesNow);

function postgresBackendCpu(servicePid: number): Map<number, number> {
  const ports = new Set(connectedLocalPorts(servicePid, 5432));
  const cpu = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const port = /^postgres:.*\((\d+)\)/.exec(title)?.[1];
      if (port && ports.has(Number(port))) cpu.set(Number(entry), processCpuMs(Number(entry)));
    } catch {
      // gone meanwhile
    }
  }
  return cpu;
}

/** `total` mutations over `connections` keep-alive connections; counts non-OK answers. */
async function drive(url: string, token: string, total: number, connections: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  let sent = 0;
  let bad = 0;
  const one = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const request = http.request(`${url}/graphql`, { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          if (response.statusCode !== 200 || !text.includes('"provider":"openai"') || text.includes('"errors"')) {
            if (bad === 0) process.stderr.write(`bad answer: ${response.statusCode} ${text.slice(0, 300)}\n`);
            bad += 1;
          }
          resolve();
        });
      });
      request.on('error', reject);
      request.end(body);
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (sent < total) {
        sent += 1;
        await one();
      }
    }),
  );
  agent.destroy();
  return bad;
}

/** Peak resident set of a process (VmHWM), MB. */
function peakRssMb(pid: number): number {
  const kilobytes = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kilobytes ?? Number.NaN) / 1024;
}

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

/** V8's sampling heap profiler over the measured load; `stop` sums the bytes by component. */
async function startAllocationSampling(service: ManagedProcess): Promise<{ stop(requests: number): Promise<string> }> {
  const session = await openInspector(service);
  await session.call('HeapProfiler.enable');
  await session.call('HeapProfiler.startSampling', { samplingInterval: 16_384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  return {
    async stop(requests) {
      const { profile } = await session.call<{ profile: { head: SamplingNode } }>('HeapProfiler.stopSampling');
      await session.close();
      const byComponent = new Map<string, number>();
      const byFunction = new Map<string, number>();
      let total = 0;
      const walk = (node: SamplingNode, owner: string): void => {
        const { component, owner: isOwner } = componentOf(node.callFrame.url, node.callFrame.functionName);
        const charged = isOwner ? component : owner;
        if (node.selfSize > 0) {
          total += node.selfSize;
          byComponent.set(charged, (byComponent.get(charged) ?? 0) + node.selfSize);
          const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/')}:${node.callFrame.lineNumber + 1} [${charged}]`;
          byFunction.set(name, (byFunction.get(name) ?? 0) + node.selfSize);
        }
        for (const child of node.children) walk(child, charged);
      };
      walk(profile.head, '(no package on the stack)');
      const rows = (map: Map<string, number>, top: number): string[] =>
        [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, bytes]) => `${(bytes / requests / 1024).toFixed(1).padStart(8)} KB  ${name}`);
      return [`total ${(total / requests / 1024).toFixed(1)} KB per request`, ...rows(byComponent, 20), '  top allocating functions [charged to]:', ...rows(byFunction, 80)].join('\n');
    },
  };
}

/** A DIR argument: the checkout, and the Node flags and environment variables of its own after `+`. */
function buildSpec(spec: string): { directory: string; flags: string[]; environment: Record<string, string> } {
  const [directory, ...settings] = spec.split('+');
  const flags = settings.filter((setting) => setting.startsWith('--'));
  const environment = Object.fromEntries(settings.filter((setting) => !setting.startsWith('--')).map((setting) => [setting.slice(0, setting.indexOf('=')), setting.slice(setting.indexOf('=') + 1)]));
  return { directory: directory!, flags, environment };
}

interface RunningService {
  service: ManagedProcess;
  url: string;
  token: string;
  dataDirectory: string;
}

async function startService(spec: string, upstreamUrl: string, profileDir: string | null, withInspector = false): Promise<RunningService> {
  const { directory, flags, environment } = buildSpec(spec);
  const schema = `bench_ab_${randomBytes(4).toString('hex')}`;
  schemas.push(schema);
  const dataDirectory = await mkdtemp(path.join(os.tmpdir(), 'incident-ai-ab-'));
  const service: ManagedProcess = startProcess({
    name: `service ${directory}`,
    command: process.execPath,
    args: [...nodeArgs, ...flags, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), ...(withInspector ? ['--inspect-port=127.0.0.1:0'] : []), 'dist/src/main.js'],
    core: 1,
    cwd: directory,
    deathSignal: 'TERM',
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      OPENAI_API_KEY: 'x',
      OPENAI_BASE_URL: upstreamUrl,
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDirectory,
      PORT: '0',
      HOST: '127.0.0.1',
      RATE_LIMIT_RPM: '100000000',
      MAX_CONCURRENT_GENERATIONS: '100000',
      DATABASE_URL: databaseUrl,
      DATABASE_SCHEMA: schema,
      ...extraEnvironment,
      ...environment,
    },
  });
  const listening = await service.waitForLine(/listening on (http:\/\/\S+)\/graphql/, 90_000);
  const token = (await service.waitForLine(/demo token: (\S+)/, 10_000))[1]!;
  return { service, url: listening[1]!.replace('localhost', '127.0.0.1'), token, dataDirectory };
}

async function measure(spec: string, upstreamUrl: string, withProfile: boolean, withClasses = false, withAllocations = false): Promise<{ cpu: number; pg: number; bad: number; rssMb: number; profileDir: string | null }> {
  const profileDir = withProfile ? await mkdtemp(path.join(os.tmpdir(), 'incident-ai-prof-')) : null;
  const { service, url, token, dataDirectory } = await startService(spec, upstreamUrl, profileDir, withClasses || withAllocations);
  const load = streamed ? driveStreams : drive;
  await load(url, token, Math.max(1500, count), connections);
  const snapshot = async (): Promise<HeapClasses> => {
    const session = await openInspector(service);
    try {
      return await heapClasses(session);
    } finally {
      await session.close();
    }
  };
  const idleClasses = withClasses ? await snapshot() : null;
  const sampler = withAllocations ? await startAllocationSampling(service) : null;
  const cpuStart = processCpuMs(service.pid);
  const pgStart = postgresBackendCpu(service.pid);
  const loading = load(url, token, count, connections);
  if (idleClasses) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    process.stdout.write(`\nheap of ${spec} in the middle of the load, growth per request in flight (${connections}):\n${heapGrowth(idleClasses, await snapshot(), connections, 40)}\n`);
  }
  const bad = await loading;
  if (sampler) process.stdout.write(`\nallocated by ${spec} per request (sampled, ${connections} connections):\n${await sampler.stop(count)}\n`);
  const cpuEnd = processCpuMs(service.pid);
  const pgEnd = postgresBackendCpu(service.pid);
  const rssMb = peakRssMb(service.pid);
  let pgCpu = 0;
  for (const [pid, end] of pgEnd) pgCpu += end - (pgStart.get(pid) ?? 0);
  await service.stop(30_000);
  await rm(dataDirectory, { recursive: true, force: true });
  return { cpu: (cpuEnd - cpuStart) / count, pg: pgCpu / count, bad, rssMb, profileDir };
}

/**
 * `--paired BATCH`: every build's service runs at once (all on CPU 1, one loaded at a time); after
 * their warm-ups, batches of BATCH drafts go to each in turn until each had `--n`, so that load
 * from other processes on the machine falls on the builds alike. Per build: CPU per draft over
 * all batches; per later build: the median of its per-batch ratio to the first build.
 */
async function pairedRun(upstreamUrl: string, batch: number): Promise<void> {
  const services = [];
  for (const directory of directories) services.push({ directory, ...(await startService(directory, upstreamUrl, null)) });
  const load = streamed ? driveStreams : drive;
  for (const running of services) await load(running.url, running.token, Math.max(1500, count), connections);
  const totals = services.map(() => ({ cpu: 0, pg: 0, drafts: 0, bad: 0 }));
  const ratios: number[][] = services.map(() => []);
  for (let done = 0; done < count; done += batch) {
    const perDraft: number[] = [];
    for (const [index, running] of services.entries()) {
      const cpuStart = processCpuMs(running.service.pid);
      const pgStart = postgresBackendCpu(running.service.pid);
      totals[index]!.bad += await load(running.url, running.token, batch, connections);
      const cpu = processCpuMs(running.service.pid) - cpuStart;
      for (const [pid, end] of postgresBackendCpu(running.service.pid)) totals[index]!.pg += end - (pgStart.get(pid) ?? 0);
      totals[index]!.cpu += cpu;
      totals[index]!.drafts += batch;
      perDraft.push(cpu / batch);
    }
    for (const index of perDraft.keys()) ratios[index]!.push(perDraft[index]! / perDraft[0]!);
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  process.stdout.write(`\nCPU per ${streamed ? 'streamed' : 'non-streamed'} draft, paired batches of ${batch} up to ${count} each (${connections} connections, upstream ${upstreamLatencyMs} ms):\n`);
  for (const [index, running] of services.entries()) {
    const total = totals[index]!;
    const ratio = index === 0 ? '' : `; median batch ratio to ${directories[0]}: ${median(ratios[index]!).toFixed(3)} (quartiles ${quartiles(ratios[index]!)})`;
    process.stdout.write(`  ${running.directory}: service ${(total.cpu / total.drafts).toFixed(3)} ms, PostgreSQL ${(total.pg / total.drafts).toFixed(3)} ms, peak RSS ${peakRssMb(running.service.pid).toFixed(0)} MB, bad ${total.bad}${ratio}\n`);
  }
  for (const running of services) {
    await running.service.stop(30_000);
    await rm(running.dataDirectory, { recursive: true, force: true });
  }
}

function quartiles(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted[Math.floor(sorted.length / 4)]!.toFixed(3)}-${sorted[Math.floor((3 * sorted.length) / 4)]!.toFixed(3)}`;
}

try {
  const upstream = startProcess({ name: 'fake upstream', command: process.execPath, args: ['--import', 'tsx', 'bench/upstream.ts', '--latency', String(upstreamLatencyMs)], core: 0, cwd: path.resolve('.') });
  const upstreamUrl = (await upstream.waitForLine(/^listening (\S+)/, 30_000))[1]!;
  const figures = new Map<string, Array<{ cpu: number; pg: number; bad: number; rssMb: number }>>();
  if (pairedBatch > 0) await pairedRun(upstreamUrl, pairedBatch);
  for (let round = 0; round < (pairedBatch > 0 ? 0 : rounds); round += 1) {
    for (const directory of directories) {
      const last = round === rounds - 1;
      const result = await measure(directory, upstreamUrl, profile && last, classes && last, allocations && last);
      figures.set(directory, [...(figures.get(directory) ?? []), result]);
      process.stderr.write(`round ${round + 1} ${directory}: service ${result.cpu.toFixed(3)} ms, PostgreSQL ${result.pg.toFixed(3)} ms per draft, peak RSS ${result.rssMb.toFixed(0)} MB, bad ${result.bad}\n`);
      if (result.profileDir) {
        const file = (await readdir(result.profileDir)).find((name) => name.endsWith('.cpuprofile'));
        if (file) {
          const summary = summarizeProfile(JSON.parse(await readFile(path.join(result.profileDir, file), 'utf8')) as CpuProfile);
          process.stdout.write(`\nprofile of ${directory} (whole life, warm-up included): busy ${summary.busyMs.toFixed(0)} ms\n`);
          for (const share of summary.attributedByComponent.slice(0, 18)) process.stdout.write(`  ${share.percent.toFixed(1).padStart(5)}%  ${share.name}\n`);
          process.stdout.write('  top self:\n');
          for (const share of summary.topFunctions.slice(0, 25)) process.stdout.write(`  ${share.percent.toFixed(1).padStart(5)}%  ${share.name} ${share.location}\n`);
          process.stdout.write(`  (profile: ${path.join(result.profileDir, file)})\n`);
        }
      }
    }
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  if (pairedBatch === 0) process.stdout.write(`\nCPU per ${streamed ? 'streamed' : 'non-streamed'} draft, median of ${rounds} rounds of ${count} (${connections} connections, upstream ${upstreamLatencyMs} ms):\n`);
  for (const [directory, results] of figures) {
    process.stdout.write(`  ${directory}: service ${median(results.map((r) => r.cpu)).toFixed(3)} ms, PostgreSQL ${median(results.map((r) => r.pg)).toFixed(3)} ms (rounds: ${results.map((r) => r.cpu.toFixed(2)).join(' ')}; peak RSS ${results.map((r) => r.rssMb.toFixed(0)).join(' ')} MB; bad answers ${results.reduce((t, r) => t + r.bad, 0)})\n`);
  }
} finally {
  await stopAllProcesses(5_000);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  for (const schema of schemas) await client.query(`drop schema if exists "${schema}" cascade`);
  await client.end();
}
