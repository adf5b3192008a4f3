/**
 * Added time to the first streamed chunk of one or more builds, in the same run (A/B): the
 * `stream` job of bench/load.ts (the one `npm run bench` runs: mutation with `stream: true`,
 * then `draftStream`, over graphql-ws and over HTTP + graphql-ws, alternating with the fake's
 * own first SSE byte) against each build in turn, `--rounds` times, each a fresh service.
 *
 *   npx tsx bench/first-chunk-ab.ts [--rounds 2] [--n 200] [--warmup 100] DIR [DIR ...]
 *
 * Each DIR is a checkout with a compiled `dist/src/main.js` (see bench/cpu-ab.ts).
 */
import path from 'node:path';
import type { HttpTarget, StreamOutcome } from './load.js';
import { numberArgument, repoRoot, startBenchService } from './bench-service.js';
import { killAllProcessesNow, startProcess, stopAllProcesses } from './processes.js';
import { benchIncidentId } from './status-update-answer.js';

const valued = ['--rounds', '--n', '--warmup'];
const rounds = numberArgument('--rounds', 2);
const count = numberArgument('--n', 200);
const warmup = numberArgument('--warmup', 100);
const directories = process.argv.slice(2).filter((value, index, all) => !value.startsWith('--') && !valued.includes(all[index - 1] ?? ''));
if (directories.length === 0) throw new Error('usage: tsx bench/first-chunk-ab.ts [--rounds 2] [--n 200] [--warmup 100] DIR [DIR ...]');
process.once('exit', killAllProcessesNow);

const mutation = `mutation BenchDraft($input: DraftStatusUpdateInput!) {
  draftStatusUpdate(input: $input) { id state text unverifiedCount generation { provider model degraded attempts } }
}`;

async function upstreamCommand<T>(upstream: ReturnType<typeof startProcess>, line: string): Promise<T> {
  const answer = upstream.nextLine(/^\{/, 10_000);
  upstream.child.stdin!.write(`${line}\n`);
  return JSON.parse((await answer).input!) as T;
}

async function runStreamJob(job: Record<string, unknown>): Promise<StreamOutcome> {
  const load = startProcess({ name: 'load (stream)', command: process.execPath, args: ['--import', 'tsx', 'bench/load.ts', JSON.stringify(job)], core: 0, cwd: repoRoot });
  let outcome: StreamOutcome | null = null;
  load.onLine((line) => {
    if (line.startsWith('{') && line.includes('"event":"result"')) outcome = JSON.parse(line) as StreamOutcome;
  });
  const { code } = await load.exited;
  if (code !== 0 || outcome === null) throw new Error(`stream job failed: ${load.stderr().slice(-1_500)}`);
  return outcome;
}

try {
  const upstream = startProcess({ name: 'fake upstream', command: process.execPath, args: ['--import', 'tsx', 'bench/upstream.ts', '--latency', '0'], core: 0, cwd: repoRoot });
  const upstreamUrl = (await upstream.waitForLine(/^listening (\S+)/, 30_000))[1]!;
  const rows: { directory: string; round: number; ws: number; http: number; direct: number; errors: number }[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    for (const directory of directories) {
      const service = await startBenchService({ name: `service ${directory}`, upstreamUrl, database: 'postgres', directory: path.resolve(directory) });
      try {
        const streamed = await service.graphql<{ draftStatusUpdate: { state: string } }>(mutation, { input: { incidentId: benchIncidentId, audience: 'STAKEHOLDERS', stream: true } });
        if (streamed.data?.draftStatusUpdate.state !== 'STREAMING') throw new Error(`no STREAMING draft: ${JSON.stringify(streamed).slice(0, 300)}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
        const captured = await upstreamCommand<{ stream: { headers: Record<string, string>; body: unknown } | null }>(upstream, 'captured');
        if (!captured.stream) throw new Error('the fake captured no streaming request');
        const direct: HttpTarget = { url: `${upstreamUrl}/chat/completions`, headers: captured.stream.headers, body: JSON.stringify(captured.stream.body) };
        const outcome = await runStreamJob({
          kind: 'stream',
          serviceUrl: service.url,
          token: service.token,
          mutation: { query: mutation, variables: { input: { incidentId: benchIncidentId, audience: 'STAKEHOLDERS', stream: true } } },
          direct,
          warmup,
          count,
          maxSeconds: 60,
        });
        const row = { directory, round, ws: outcome.websocketMs.p50, http: outcome.httpMutationMs.p50, direct: outcome.directMs.p50, errors: outcome.errors };
        rows.push(row);
        process.stderr.write(`round ${round} ${directory}: first chunk p50 ${row.ws.toFixed(2)} ms (graphql-ws), ${row.http.toFixed(2)} ms (HTTP + ws); fake ${row.direct.toFixed(2)} ms; errors ${row.errors}\n`);
      } finally {
        await service.stop();
      }
    }
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  process.stdout.write(`\nAdded time to the first streamed chunk, p50, median of ${rounds} rounds of ${count} (upstream 0 ms, every SSE frame at once):\n`);
  for (const directory of directories) {
    const mine = rows.filter((row) => row.directory === directory);
    const direct = median(mine.map((row) => row.direct));
    process.stdout.write(
      `  ${directory}: graphql-ws ${(median(mine.map((row) => row.ws)) - direct).toFixed(2)} ms, HTTP mutation + graphql-ws ${(median(mine.map((row) => row.http)) - direct).toFixed(2)} ms (fake's first byte ${direct.toFixed(2)} ms; errors ${mine.reduce((total, row) => total + row.errors, 0)})\n`,
    );
  }
} finally {
  await stopAllProcesses(5_000);
}
