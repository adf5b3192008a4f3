/**
 * Latency of one non-streamed draft at a time, two or more builds paired: the services run side
 * by side (on the same core, see bench-service.ts), each behind its own keep-alive connection,
 * and take the drafts in turn, one each per round, in an order that alternates, so a load that
 * comes and goes on a shared machine falls on all of them alike. The figure is what
 * `npm run bench` reports as "added latency p50, one keep-alive connection" before the direct
 * call is subtracted (the same mutation, the same fake upstream at 0 ms).
 *
 *   npx tsx bench/latency-paired.ts [--n 2000] [--warmup 300] DIR [DIR ...]
 *
 * Prints per build the p50, p90 and the service CPU per draft over the measured rounds and, per
 * build after the first, the median of the paired differences (this draft minus the first
 * build's draft of the same round).
 */
import http from 'node:http';
import { numberArgument, quantile, startPairedServices, type BenchService } from './bench-service.js';
import { killAllProcessesNow, processCpuMs, stopAllProcesses } from './processes.js';
import { benchIncidentId } from './status-update-answer.js';

const valued = ['--n', '--warmup'];
const count = numberArgument('--n', 2_000);
const warmup = numberArgument('--warmup', 300);
const directories = process.argv.slice(2).filter((value, index, all) => !value.startsWith('--') && !valued.includes(all[index - 1] ?? ''));
if (directories.length === 0) throw new Error('usage: tsx bench/latency-paired.ts [--n 2000] [--warmup 300] DIR [DIR ...]');
process.once('exit', killAllProcessesNow);

const body = JSON.stringify({
  query: `mutation BenchDraft($input: DraftStatusUpdateInput!) {
  draftStatusUpdate(input: $input) { id state text unverifiedCount generation { provider model degraded attempts } }
}`,
  variables: { input: { incidentId: benchIncidentId, audience: 'STAKEHOLDERS' } },
});

/** One keep-alive connection to a service; `draftMs` times one mutation and checks its answer. */
function connect(service: BenchService): { draftMs(): Promise<number>; close(): void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(`${service.url}/graphql`);
  const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${service.token}` };
  return {
    draftMs: () =>
      new Promise((resolve, reject) => {
        const start = process.hrtime.bigint();
        const request = http.request({ agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers }, (response) => {
          const parts: Buffer[] = [];
          response.on('data', (part: Buffer) => parts.push(part));
          response.on('end', () => {
            const ms = Number(process.hrtime.bigint() - start) / 1e6;
            const text = Buffer.concat(parts).toString();
            if (response.statusCode !== 200 || !text.includes('"provider":"openai"') || text.includes('"errors"')) reject(new Error(`bad answer ${response.statusCode}: ${text.slice(0, 300)}`));
            else resolve(ms);
          });
        });
        request.once('error', reject);
        request.end(body);
      }),
    close: () => agent.destroy(),
  };
}

const services: BenchService[] = [];
try {
  await startPairedServices(directories, services);
  const connections = services.map((service) => connect(service));
  const times: number[][] = directories.map(() => []);
  let cpuAtStart: number[] = [];
  for (let round = 0; round < warmup + count; round += 1) {
    if (round === warmup) cpuAtStart = services.map((service) => processCpuMs(service.process.pid));
    // Alternate the order: neither build always goes first after a pause.
    const order = round % 2 === 0 ? connections.map((_, index) => index) : connections.map((_, index) => connections.length - 1 - index);
    for (const index of order) {
      const ms = await connections[index]!.draftMs();
      if (round >= warmup) times[index]!.push(ms);
    }
  }
  const cpuMs = services.map((service, index) => (processCpuMs(service.process.pid) - cpuAtStart[index]!) / count);
  for (const connection of connections) connection.close();
  process.stdout.write(`\nLatency of one non-streamed draft on one keep-alive connection, paired, ${count} drafts each after ${warmup} warm-up:\n`);
  directories.forEach((directory, index) => {
    const mine = times[index]!;
    const paired = index === 0 ? '' : `; paired difference to ${directories[0]} (median) ${quantile(mine.map((ms, round) => ms - times[0]![round]!), 0.5).toFixed(3)} ms`;
    process.stdout.write(`  ${directory}: p50 ${quantile(mine, 0.5).toFixed(3)} ms, p90 ${quantile(mine, 0.9).toFixed(3)} ms, service CPU ${cpuMs[index]!.toFixed(3)} ms/draft${paired}\n`);
  });
} finally {
  await Promise.all(services.map((service) => service.stop()));
  await stopAllProcesses(5_000);
}
