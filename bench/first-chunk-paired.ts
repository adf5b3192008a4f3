/**
 * Time to the first streamed chunk of two or more builds, paired: the services run side by side
 * (on the same core, see bench-service.ts) and take the streamed drafts in turn, one draft
 * each per round, in an order that alternates, so a load that comes and goes on a shared
 * machine falls on all of them alike. bench/first-chunk-ab.ts runs the builds one after the
 * other; on a loaded machine its rounds differ by more than the builds do.
 *
 *   npx tsx bench/first-chunk-paired.ts [--n 400] [--warmup 100] DIR [DIR ...]
 *
 * A draft is what bench/load.ts's `stream` job times over graphql-ws: from sending the mutation
 * (`stream: true`) to the first `draftStream` chunk, on one connection, the subscription sent as
 * soon as the mutation's result arrives. Prints the median and p90 per build (and the median time
 * to the mutation's answer) and, per build after
 * the first, the median of the paired differences (this draft minus the first build's draft of
 * the same round).
 */
import WebSocket from 'ws';
import { numberArgument, quantile, startPairedServices, type BenchService } from './bench-service.js';
import { killAllProcessesNow, stopAllProcesses } from './processes.js';
import { benchIncidentId } from './status-update-answer.js';

const valued = ['--n', '--warmup'];
const count = numberArgument('--n', 400);
const warmup = numberArgument('--warmup', 100);
const directories = process.argv.slice(2).filter((value, index, all) => !value.startsWith('--') && !valued.includes(all[index - 1] ?? ''));
if (directories.length === 0) throw new Error('usage: tsx bench/first-chunk-paired.ts [--n 400] [--warmup 100] DIR [DIR ...]');
process.once('exit', killAllProcessesNow);

const mutation = `mutation BenchDraft($input: DraftStatusUpdateInput!) {
  draftStatusUpdate(input: $input) { id state text unverifiedCount generation { provider model degraded attempts } }
}`;
const subscription = `subscription BenchStream($draftId: ID!) {
  draftStream(draftId: $draftId) { sequence delta done error { code message } draft { id state generation { provider } } }
}`;

interface Message {
  id?: string;
  type: string;
  payload?: { data?: Record<string, { id?: string; state?: string; done?: boolean } | null>; errors?: unknown };
}

/** One graphql-ws connection; `firstChunkMs` times one streamed draft and follows it to its end. */
async function connect(service: BenchService): Promise<{ firstChunkMs(): Promise<number>; answerMs: number[]; close(): void }> {
  const socket = new WebSocket(`${service.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { perMessageDeflate: false });
  let handler: (message: Message) => void = () => undefined;
  socket.on('message', (data: WebSocket.RawData) => handler(JSON.parse(data.toString()) as Message));
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    handler = (message) => message.type === 'connection_ack' && resolve();
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${service.token}` } })));
  });
  let next = 0;
  const answerMs: number[] = [];
  return {
    answerMs,
    firstChunkMs: () =>
      new Promise((resolve, reject) => {
        const mutationId = String((next += 1));
        const subscriptionId = String((next += 1));
        const start = process.hrtime.bigint();
        let firstAt: bigint | null = null;
        handler = (message) => {
          if (message.type === 'error' || message.payload?.errors) return reject(new Error(JSON.stringify(message).slice(0, 300)));
          if (message.id === mutationId && message.type === 'next') {
            const draft = message.payload?.data?.draftStatusUpdate;
            if (draft?.state !== 'STREAMING') return reject(new Error(`no STREAMING draft: ${JSON.stringify(message).slice(0, 300)}`));
            answerMs.push(Number(process.hrtime.bigint() - start) / 1e6);
            socket.send(JSON.stringify({ id: subscriptionId, type: 'subscribe', payload: { query: subscription, variables: { draftId: draft.id } } }));
          } else if (message.id === subscriptionId && message.type === 'next') {
            firstAt ??= process.hrtime.bigint();
          } else if (message.id === subscriptionId && message.type === 'complete') {
            if (firstAt === null) reject(new Error('the stream completed without a chunk'));
            else resolve(Number(firstAt - start) / 1e6);
          }
        };
        socket.send(JSON.stringify({ id: mutationId, type: 'subscribe', payload: { query: mutation, variables: { input: { incidentId: benchIncidentId, audience: 'STAKEHOLDERS', stream: true } } } }));
      }),
    close: () => socket.close(),
  };
}

const services: BenchService[] = [];
try {
  await startPairedServices(directories, services);
  const connections = await Promise.all(services.map((service) => connect(service)));
  const times: number[][] = directories.map(() => []);
  for (let round = 0; round < warmup + count; round += 1) {
    // Alternate the order: neither build always goes first after a pause.
    const order = round % 2 === 0 ? connections.map((_, index) => index) : connections.map((_, index) => connections.length - 1 - index);
    for (const index of order) {
      const ms = await connections[index]!.firstChunkMs();
      if (round >= warmup) times[index]!.push(ms);
    }
  }
  for (const connection of connections) connection.close();
  process.stdout.write(`\nTime to the first streamed chunk over graphql-ws (mutation sent -> first chunk), paired, ${count} drafts each after ${warmup} warm-up:\n`);
  directories.forEach((directory, index) => {
    const mine = times[index]!;
    const paired = index === 0 ? '' : `; paired difference to ${directories[0]} (median) ${quantile(mine.map((ms, round) => ms - times[0]![round]!), 0.5).toFixed(2)} ms`;
    const answers = connections[index]!.answerMs.slice(warmup);
    process.stdout.write(`  ${directory}: p50 ${quantile(mine, 0.5).toFixed(2)} ms, p90 ${quantile(mine, 0.9).toFixed(2)} ms (the mutation's answer: p50 ${quantile(answers, 0.5).toFixed(2)} ms)${paired}\n`);
  });
} finally {
  await Promise.all(services.map((service) => service.stop()));
  await stopAllProcesses(5_000);
}
