/**
 * CPU per call of the `openai` provider of two builds, in ONE process, in alternating batches: the
 * paired form of bench/provider-cpu-ab.ts (same request, same fake upstream in its own process) for
 * a machine others are loading, where separate rounds differ by more than a small change. Each
 * batch of A is followed by one of B (the order swapped every pair); reported: CPU per call of each
 * (median over batches) and the median of the per-pair ratios B/A with its quartiles.
 *
 *   npx tsx bench/provider-paired.ts [--batches 40] [--batch 400] [--concurrency 8] [--stream] A B
 */
import { loadBenchProvider, startUpstream } from './provider-bench-request.js';

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const valued = ['--batches', '--batch', '--concurrency'];
const [first, second] = process.argv.slice(2).filter((value, index, all) => !value.startsWith('--') && !valued.includes(all[index - 1] ?? ''));
if (first === undefined || second === undefined) throw new Error('usage: tsx bench/provider-paired.ts [--batches 40] [--batch 400] [--stream] A B');
const streamed = process.argv.includes('--stream');
const batches = argument('--batches', 40);
const batch = argument('--batch', 400);
const concurrency = argument('--concurrency', 8);

const upstream = await startUpstream();
try {
  const a = await loadBenchProvider(first, upstream.url, { streamed, concurrency });
  const b = await loadBenchProvider(second, upstream.url, { streamed, concurrency });
  const measure = async (build: typeof a): Promise<number> => {
    const before = process.cpuUsage();
    await build.run(batch);
    const cpu = process.cpuUsage(before);
    return (cpu.user + cpu.system) / batch;
  };
  for (let warm = 0; warm < 6; warm += 1) await measure(warm % 2 === 0 ? a : b);
  const aMicros: number[] = [];
  const bMicros: number[] = [];
  const ratios: number[] = [];
  for (let pair = 0; pair < batches; pair += 1) {
    let aValue: number;
    let bValue: number;
    if (pair % 2 === 0) {
      aValue = await measure(a);
      bValue = await measure(b);
    } else {
      bValue = await measure(b);
      aValue = await measure(a);
    }
    aMicros.push(aValue);
    bMicros.push(bValue);
    ratios.push(bValue / aValue);
  }
  const quantile = (values: number[], q: number): number => [...values].sort((x, y) => x - y)[Math.floor(q * (values.length - 1))]!;
  process.stdout.write(
    `${first}: ${quantile(aMicros, 0.5).toFixed(1)} µs CPU per call (median of ${batches} batches of ${batch})\n` +
      `${second}: ${quantile(bMicros, 0.5).toFixed(1)} µs; median ratio B/A ${quantile(ratios, 0.5).toFixed(3)} (quartiles ${quantile(ratios, 0.25).toFixed(3)}-${quantile(ratios, 0.75).toFixed(3)})\n`,
  );
} finally {
  upstream.stop();
}
