/**
 * Where a draft's time goes between the service's own system calls, from an `strace -tt` of its
 * main thread while `bench/cpu-ab.ts` drives it (one connection, so that the calls of one draft
 * do not interleave with another's):
 *
 *   npx tsx bench/cpu-ab.ts --rounds 1 --n 3000 --connections 1 . &
 *   strace -p <service pid> -tt -o /tmp/trace.txt   (a few seconds, then ^C)
 *   npx tsx bench/strace-segments.ts /tmp/trace.txt
 *
 * Prints the system calls per draft by name, and the medians of five segments: request read →
 * upstream request written, the upstream's round trip, upstream answer read → PostgreSQL insert
 * written, PostgreSQL's round trip (the commit included), and the row read → the answer written.
 * strace slows every call, so the segments are longer than without it; their shares are what counts.
 */
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) throw new Error('usage: tsx bench/strace-segments.ts STRACE_OUTPUT');

const milliseconds = (clock: string): number => {
  const [hours, minutes, seconds] = clock.split(':').map(Number);
  return ((hours ?? 0) * 3600 + (minutes ?? 0) * 60 + (seconds ?? 0)) * 1000;
};

const segments = { requestToUpstream: [], upstreamRoundTrip: [], upstreamToInsert: [], insertRoundTrip: [], rowToAnswer: [] } as Record<string, number[]>;
const calls = new Map<string, number>();
let drafts = 0;
const lines = readFileSync(file, 'utf8').split('\n');
// `strace -f` prefixes each line with its thread id: the main thread is the one that reads the requests.
const mainThread = lines.map((line) => /^(\d+) .* read\(\d+, "POST \/graphql/.exec(line)?.[1]).find((thread) => thread !== undefined);
let step: { request?: number; upstreamWritten?: number; upstreamRead?: number; insertWritten?: number; rowRead?: number } = {};

for (const line of lines) {
  const match = /^(?:(\d+) +)?(\d\d:\d\d:\d\d\.\d+) (\w+)\((.*)$/.exec(line);
  if (!match) continue;
  const [, thread, clock, name, rest] = match as unknown as [string, string | undefined, string, string, string];
  if (thread !== mainThread) continue;
  const at = milliseconds(clock);
  calls.set(name, (calls.get(name) ?? 0) + 1);
  if (name === 'read' && rest.includes('"POST /graphql')) step = { request: at };
  else if (name === 'writev' && rest.includes('POST /v1/chat')) step.upstreamWritten = at;
  else if (name === 'read' && rest.includes('"HTTP/1.1 200 OK') && step.upstreamWritten !== undefined) step.upstreamRead = at;
  // PostgreSQL's Bind message of the insert, then its BindComplete ('2') followed by a RowDescription ('T') or,
  // for an insert that returns nothing, NoData ('n').
  else if (name === 'writev' && rest.includes('"B\\0') && step.upstreamRead !== undefined && step.insertWritten === undefined) step.insertWritten = at;
  else if (name === 'read' && (rest.includes('"2\\0\\0\\0\\4T') || rest.includes('"2\\0\\0\\0\\4n')) && step.insertWritten !== undefined) step.rowRead = at;
  else if (name === 'writev' && rest.includes('"HTTP/1.1 200 OK') && step.rowRead !== undefined && step.request !== undefined) {
    segments.requestToUpstream!.push(step.upstreamWritten! - step.request);
    segments.upstreamRoundTrip!.push(step.upstreamRead! - step.upstreamWritten!);
    segments.upstreamToInsert!.push(step.insertWritten! - step.upstreamRead!);
    segments.insertRoundTrip!.push(step.rowRead - step.insertWritten!);
    segments.rowToAnswer!.push(at - step.rowRead);
    drafts += 1;
    step = {};
  }
}

if (drafts === 0) throw new Error('no complete draft in the trace (one connection, the bench mutation, PostgreSQL?)');
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;
process.stdout.write(`${drafts} drafts\nsystem calls per draft:\n`);
for (const [name, count] of [...calls].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${name.padEnd(14)} ${(count / drafts).toFixed(2)}\n`);
process.stdout.write('median ms per draft:\n');
for (const [name, values] of Object.entries(segments)) process.stdout.write(`  ${name.padEnd(18)} ${median(values).toFixed(3)}\n`);
