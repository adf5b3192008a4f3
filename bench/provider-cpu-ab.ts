/**
 * CPU per call of the `openai` provider alone (SDK + transport + our mapping), for one or more
 * builds, measured in the same run: each DIR is a checkout with a compiled `dist/` (`npm run build`).
 * In a fresh child per build and round: the provider of DIR/dist/src/llm/providers/openai-provider.js
 * makes `--n` non-streamed structured-output calls (`--concurrency` at a time) of the status update's
 * size (a 1 KB system and a 7 KB user message, its real output schema) against the benchmark's fake
 * upstream (bench/upstream.ts, its own process), after as many calls of warm-up. Reported:
 * `process.cpuUsage()` (user + system) per call, µs; rounds interleave the builds. On a loaded machine
 * the minimum over rounds is the steadier figure (contention only adds CPU time).
 *
 *   npx tsx bench/provider-cpu-ab.ts [--rounds 3] [--n 5000] [--concurrency 8] [--stream] DIR [DIR ...]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBenchProvider, startUpstream } from './provider-bench-request.js';

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const valued = ['--rounds', '--n', '--concurrency', '--child', '--url'];
const positional = process.argv.slice(2).filter((value, index, all) => !value.startsWith('--') && !valued.includes(all[index - 1] ?? ''));
const streamed = process.argv.includes('--stream');

async function child(directory: string, url: string): Promise<void> {
  const total = argument('--n', 5000);
  const { run } = await loadBenchProvider(directory, url, { streamed, concurrency: argument('--concurrency', 8) });
  await run(total);
  const before = process.cpuUsage();
  await run(total);
  const cpu = process.cpuUsage(before);
  process.stdout.write(`${JSON.stringify({ micros: (cpu.user + cpu.system) / total })}\n`);
}

const childIndex = process.argv.indexOf('--child');
if (childIndex !== -1) {
  const urlIndex = process.argv.indexOf('--url');
  await child(process.argv[childIndex + 1]!, process.argv[urlIndex + 1]!);
  process.exit(0);
}

if (positional.length === 0) throw new Error('usage: tsx bench/provider-cpu-ab.ts [--rounds 3] [--n 5000] [--concurrency 8] [--stream] DIR [DIR ...]');
const upstream = await startUpstream();
const results = new Map<string, number[]>();
try {
  for (let round = 1; round <= argument('--rounds', 3); round++) {
    for (const directory of positional) {
      const forwarded = process.argv.slice(2).filter((value, index, all) => value.startsWith('--') || valued.includes(all[index - 1] ?? ''));
      const script = fileURLToPath(import.meta.url);
      const worker = spawn(process.execPath, ['--import', 'tsx', script, ...forwarded, '--child', path.resolve(directory), '--url', upstream.url], { stdio: ['ignore', 'pipe', 'inherit'] });
      let output = '';
      worker.stdout.setEncoding('utf8');
      worker.stdout.on('data', (chunk: string) => (output += chunk));
      const [code] = (await once(worker, 'exit')) as [number | null];
      if (code !== 0) throw new Error(`${directory}: exit code ${code}`);
      const { micros } = JSON.parse(output.trim().split('\n').pop()!) as { micros: number };
      results.set(directory, [...(results.get(directory) ?? []), micros]);
      process.stdout.write(`round ${round} ${directory}: ${micros.toFixed(1)} µs CPU per call\n`);
    }
  }
} finally {
  upstream.stop();
}
for (const [directory, values] of results) {
  const sorted = [...values].sort((a, b) => a - b);
  process.stdout.write(`${directory}: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} µs, min ${sorted[0]!.toFixed(1)} µs (${values.map((value) => value.toFixed(1)).join(' ')})\n`);
}
