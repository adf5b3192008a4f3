/**
 * What idle `draftStream` subscriptions cost the service in memory: the compiled service
 * (`dist/src/main.js`, run `npm run build` first) with a slow fake upstream, so its drafts stay
 * STREAMING; `--subscriptions` subscriptions over graphql-ws spread over `--drafts` drafts,
 * one socket per subscription, then the same number multiplexed over `--sockets` sockets
 * (a fresh service for each). RSS and V8 heap after a forced GC, before and after.
 *
 *   npx tsx bench/idle-subscriptions.ts [--subscriptions 10000] [--drafts 100] [--sockets 100] [--embedded] [--classes]
 *
 * Each subscription is counted open when its first chunk (the replayed first delta) arrives.
 * The bench process itself holds the client sockets (`ulimit -n` must exceed the count).
 */
import WebSocket from 'ws';
import { startFakeOpenAi, type FakeOpenAi } from '../test/fakes/openai-server.js';
import { isEntryScript, numberArgument, startBenchService, type BenchService } from './bench-service.js';
import { heapGrowth } from './heap-classes.js';
import { killAllProcessesNow } from './processes.js';
import { benchIncidentId, statusUpdateAnswer } from './status-update-answer.js';

export interface IdleSubscriptionsOptions {
  subscriptions: number;
  drafts: number;
  /** Sockets of the multiplexed run. */
  sockets: number;
  database: 'postgres' | 'embedded';
  /** Also print what grew on the heap, by class, per subscription (two heap snapshots). */
  classes?: boolean;
  log?: (message: string) => void;
}

export interface IdleSubscriptionsRun {
  label: string;
  sockets: number;
  subscriptions: number;
  before: { rssMb: number; heapMb: number };
  after: { rssMb: number; heapMb: number };
  openSeconds: number;
}

export interface IdleSubscriptionsResult {
  options: IdleSubscriptionsOptions;
  runs: IdleSubscriptionsRun[];
}

const streamMutation = `mutation IdleDraft($input: DraftStatusUpdateInput!) { draftStatusUpdate(input: $input) { id state } }`;
const subscription = 'subscription Idle($draftId: ID!) { draftStream(draftId: $draftId) { sequence delta done } }';
// The fake sends its first delta at once, then nothing for longer than any run.
const silenceMs = 30 * 60_000;

/** One graphql-ws connection (the `graphql-transport-ws` protocol, spoken directly: 10,000 clients of the library would weigh on the bench process). */
async function openConnection(wsUrl: string, token: string): Promise<WebSocket> {
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws', { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('message', function ack(data: WebSocket.RawData) {
      const message = JSON.parse(data.toString()) as { type: string };
      if (message.type !== 'connection_ack') return;
      socket.off('message', ack);
      socket.off('error', reject);
      resolve();
    });
  });
  return socket;
}

/** Subscribes `ids` on one connection; resolves when each has received its first chunk. */
function subscribeAll(socket: WebSocket, subscriptions: { id: string; draftId: string }[]): Promise<void> {
  const waiting = new Set(subscriptions.map((entry) => entry.id));
  return new Promise((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const message = JSON.parse(data.toString()) as { type: string; id?: string; payload?: unknown };
      if (message.type === 'error' || (message.type === 'next' && JSON.stringify(message.payload).includes('"errors"'))) {
        reject(new Error(`subscription ${message.id}: ${JSON.stringify(message.payload).slice(0, 300)}`));
        return;
      }
      if (message.type === 'complete') {
        reject(new Error(`subscription ${message.id} completed: the draft did not stay STREAMING`));
        return;
      }
      if (message.type === 'next' && message.id && waiting.delete(message.id) && waiting.size === 0) {
        socket.off('message', onMessage);
        resolve();
      }
    };
    socket.on('message', onMessage);
    for (const { id, draftId } of subscriptions) socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: subscription, variables: { draftId } } }));
  });
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(work));
}

async function measureRun(fake: FakeOpenAi, options: IdleSubscriptionsOptions, sockets: number, label: string): Promise<IdleSubscriptionsRun> {
  const log = options.log ?? (() => undefined);
  const service: BenchService = await startBenchService({
    name: `service (${label})`,
    upstreamUrl: fake.url,
    database: options.database,
    attemptTimeoutMs: silenceMs,
    deadlineMs: silenceMs,
    // The drafts must stay STREAMING through the silence: the stream idle timeout would end them after 30 s.
    idleTimeoutMs: silenceMs,
  });
  const clients: WebSocket[] = [];
  try {
    const draftIds: string[] = [];
    for (let index = 0; index < options.drafts; index += 1) {
      const result = await service.graphql<{ draftStatusUpdate: { id: string; state: string } }>(streamMutation, {
        input: { incidentId: benchIncidentId, audience: 'STAKEHOLDERS', stream: true },
      });
      if (!result.data || result.data.draftStatusUpdate.state !== 'STREAMING') throw new Error(`a streamed draft did not start: ${JSON.stringify(result).slice(0, 500)}`);
      draftIds.push(result.data.draftStatusUpdate.id);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const before = await service.memoryAfterGc();
    const classesBefore = options.classes ? await service.heapClasses() : null;
    log(`${label}: ${options.drafts} drafts STREAMING; RSS ${before.rssMb.toFixed(1)} MB, heap ${before.heapMb.toFixed(1)} MB after GC`);

    const started = performance.now();
    const wsUrl = `${service.url.replace(/^http/, 'ws')}/graphql`;
    const perSocket = Math.ceil(options.subscriptions / sockets);
    const plan = Array.from({ length: sockets }, (_, socketIndex) =>
      Array.from({ length: Math.min(perSocket, options.subscriptions - socketIndex * perSocket) }, (_, offset) => {
        const number = socketIndex * perSocket + offset;
        return { id: String(number), draftId: draftIds[number % draftIds.length]! };
      }),
    ).filter((entries) => entries.length > 0);
    await inBatches(plan, 200, async (entries) => {
      const socket = await openConnection(wsUrl, service.token);
      clients.push(socket);
      await subscribeAll(socket, entries);
    });
    const openSeconds = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const after = await service.memoryAfterGc();
    if (classesBefore) log(`${label}, per subscription:\n${heapGrowth(classesBefore, await service.heapClasses(), options.subscriptions)}`);
    log(`${label}: ${options.subscriptions} subscriptions open in ${openSeconds.toFixed(1)} s; RSS ${after.rssMb.toFixed(1)} MB, heap ${after.heapMb.toFixed(1)} MB after GC`);
    return { label, sockets: plan.length, subscriptions: options.subscriptions, before, after, openSeconds };
  } finally {
    for (const socket of clients) socket.terminate();
    await service.stop();
  }
}

export async function measureIdleSubscriptions(options: IdleSubscriptionsOptions): Promise<IdleSubscriptionsResult> {
  const fake = await startFakeOpenAi({ port: 0, recordRequests: false });
  fake.setDefault({ kind: 'ok', content: JSON.stringify(statusUpdateAnswer), chunkDelayMs: silenceMs });
  try {
    const runs: IdleSubscriptionsRun[] = [];
    runs.push(await measureRun(fake, options, options.subscriptions, 'one socket per subscription'));
    runs.push(await measureRun(fake, options, options.sockets, `${options.sockets} sockets`));
    return { options, runs };
  } finally {
    await fake.close();
  }
}

export function renderIdleSubscriptions(result: IdleSubscriptionsResult): string {
  const { options } = result;
  const mb = (value: number): string => `${value.toFixed(1)} MB`;
  const kb = (value: number): string => `${((value * 1024) / result.options.subscriptions).toFixed(1)} KB`;
  return [
    `### Idle \`draftStream\` subscriptions (bench/idle-subscriptions.ts)`,
    '',
    `${options.subscriptions} subscriptions over graphql-ws to ${options.drafts} drafts that stay STREAMING (the fake sends the first delta, then nothing); compiled service, ${options.database === 'postgres' ? 'PostgreSQL' : 'embedded database'}; memory after a forced GC. Target: ≤ 300 MB RSS with 10,000 subscriptions.`,
    '',
    '| run | sockets | RSS before | RSS with subscriptions | RSS per subscription | heap before | heap with subscriptions | heap per subscription | opened in |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...result.runs.map((run) =>
      [
        run.label,
        String(run.sockets),
        mb(run.before.rssMb),
        `**${mb(run.after.rssMb)}**`,
        kb(run.after.rssMb - run.before.rssMb),
        mb(run.before.heapMb),
        mb(run.after.heapMb),
        kb(run.after.heapMb - run.before.heapMb),
        `${run.openSeconds.toFixed(1)} s`,
      ].join(' | ').replace(/^/, '| ').replace(/$/, ' |'),
    ),
    '',
  ].join('\n');
}

if (isEntryScript(import.meta.url)) {
  process.once('exit', killAllProcessesNow);
  const result = await measureIdleSubscriptions({
    subscriptions: numberArgument('--subscriptions', 10_000),
    drafts: numberArgument('--drafts', 100),
    sockets: numberArgument('--sockets', 100),
    database: process.argv.includes('--embedded') ? 'embedded' : 'postgres',
    classes: process.argv.includes('--classes'),
    log: (message) => process.stderr.write(`[idle-subscriptions] ${message}\n`),
  });
  process.stdout.write(renderIdleSubscriptions(result));
}
