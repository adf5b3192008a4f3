/**
 * The native view of the service's CPU, from Linux `perf` (when the machine has it): what the
 * V8 profile cannot see. V8's sampler records native work outside JavaScript (the C++ HTTP
 * parser, libuv, system calls, the kernel's TCP stack) as "(idle)", and it only samples the
 * main thread, not V8's helper threads (concurrent GC, the optimizing compiler).
 *
 * The service runs with `--perf-basic-prof` (so JIT frames have names), `perf record -g` samples
 * every thread of the process, and each sample is classified by its leaf frame (kernel, V8
 * builtins, compiler, GC, JSON, JIT code...) and charged to the nearest JavaScript frame of a
 * package or src folder on its stack, like cpu-profile.ts does.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { componentOf } from './cpu-profile.js';

export interface PerfShare {
  name: string;
  percent: number;
}

export interface PerfSummary {
  samples: number;
  /** Share of the samples by thread: `main` (the event loop) and V8/libuv helper threads. */
  threads: PerfShare[];
  /** Main thread, by the kind of code the sample was in. */
  mainByLeaf: PerfShare[];
  /** Main thread, charged to the nearest package or src folder on the stack. */
  mainAttributed: PerfShare[];
  /** JavaScript samples of the main thread by tier: `*` optimized (TurboFan), `^` baseline (Sparkplug), `~` interpreted. */
  jsTiers: PerfShare[];
  /** Hottest leaf symbols of the main thread. */
  topSymbols: PerfShare[];
}

/** Whether `perf` can record here. */
export async function perfAvailable(): Promise<boolean> {
  try {
    await promisify(execFile)('perf', ['--version']);
    return true;
  } catch {
    return false;
  }
}

interface Frame {
  symbol: string;
  dso: string;
}

function leafKind(frame: Frame): string {
  const { symbol, dso } = frame;
  if (dso.includes('kernel')) return 'kernel (system calls, TCP, scheduling)';
  if (symbol.startsWith('JS:')) return 'JIT-compiled JavaScript';
  if (/compiler::|Turbofan|Maglev|maglev|OptimizedCompilationJob|PipelineImpl/.test(symbol)) return 'V8 optimizing compiler';
  if (/Scavenge|MarkCompact|Heap::|Marking|Sweeper|GCTracer|MinorMC|ConcurrentMarking|EvacuateNewSpace|Evacuat|MemoryAllocator|RecordWrite|Builtins_RecordWrite/.test(symbol)) {
    return 'V8 garbage collector';
  }
  if (/Json/.test(symbol)) return 'V8 JSON.parse/stringify';
  if (/^Builtins_(InterpreterEntryTrampoline|.*Bytecode|.*Handler)/.test(symbol)) return 'V8 interpreter (Ignition)';
  if (/^Builtins_.*Baseline|BaselineOutOfLinePrologue|BaselineLeaveFrame/.test(symbol)) return 'V8 baseline code (Sparkplug)';
  if (/^Builtins_/.test(symbol)) return 'V8 builtins (property access ICs, calls, promises, objects)';
  if (/llhttp/.test(symbol)) return 'HTTP parser (llhttp)';
  if (/^uv_|^uv__/.test(symbol)) return 'libuv';
  if (dso.includes('libc') || dso.includes('libstdc++') || dso.includes('libm')) return 'libc (malloc, memcpy)';
  if (/^v8::internal::(Runtime_|.*IC|LookupIterator|Object::|JSObject::|Map::|TransitionArray|StringTable|Factory)/.test(symbol)) {
    return 'V8 runtime (objects, maps, lookups)';
  }
  if (/^v8::|^v8::internal::/.test(symbol)) return 'V8 other C++';
  if (/^node::/.test(symbol)) return 'node C++ (bindings, streams)';
  if (dso.startsWith('[JIT]') || dso.includes('perf-')) return 'JIT code (unnamed)';
  return 'other native';
}

/** The URL of a `--perf-basic-prof` JS symbol: `JS:^name url:line:column`. */
function jsUrl(symbol: string): string {
  const location = symbol.slice(symbol.lastIndexOf(' ') + 1);
  return location.replace(/:\d+:\d+$/, '');
}

function toShares(counts: Map<string, number>, total: number, limit = Infinity, minimumPercent = 0): PerfShare[] {
  return [...counts.entries()]
    .map(([name, count]) => ({ name, percent: (100 * count) / total }))
    .filter((share) => share.percent >= minimumPercent)
    .sort((a, b) => b.percent - a.percent)
    .slice(0, limit);
}

/** Reads `perf script` of a recording of process `pid` and summarizes it. */
export async function summarizePerf(dataFile: string, pid: number): Promise<PerfSummary> {
  const { stdout } = await promisify(execFile)('perf', ['script', '-i', dataFile, '-F', 'tid,ip,sym,dso'], { maxBuffer: 1024 * 1024 * 1024 });
  const threads = new Map<string, number>();
  const mainByLeaf = new Map<string, number>();
  const mainAttributed = new Map<string, number>();
  const jsTiers = new Map<string, number>();
  const topSymbols = new Map<string, number>();
  let samples = 0;
  let mainSamples = 0;
  let jsSamples = 0;

  const finish = (tid: number, frames: Frame[]): void => {
    if (frames.length === 0) return;
    samples += 1;
    const main = tid === pid;
    const threadName = main ? 'main thread (event loop, JavaScript)' : 'other threads (concurrent GC and compiler, libuv pool)';
    threads.set(threadName, (threads.get(threadName) ?? 0) + 1);
    if (!main) return;
    mainSamples += 1;
    const leaf = frames[0]!;
    const kind = leafKind(leaf);
    mainByLeaf.set(kind, (mainByLeaf.get(kind) ?? 0) + 1);
    const symbolName = leaf.symbol.startsWith('JS:') ? leaf.symbol.replace(/^JS:[*^~+]?/, 'JS ') : leaf.symbol;
    topSymbols.set(symbolName || `[${leaf.dso}]`, (topSymbols.get(symbolName || `[${leaf.dso}]`) ?? 0) + 1);
    // The tier of the innermost JavaScript frame.
    const innermostJs = frames.find((frame) => frame.symbol.startsWith('JS:'));
    if (innermostJs) {
      jsSamples += 1;
      const tier = innermostJs.symbol[3] === '*' ? 'optimized (TurboFan)' : innermostJs.symbol[3] === '^' ? 'baseline (Sparkplug)' : innermostJs.symbol[3] === '+' ? 'Maglev' : 'interpreted (Ignition)';
      jsTiers.set(tier, (jsTiers.get(tier) ?? 0) + 1);
    }
    let owner: string | null = null;
    for (const frame of frames) {
      if (!frame.symbol.startsWith('JS:')) continue;
      const component = componentOf(jsUrl(frame.symbol), 'js');
      if (component.owner) {
        owner = component.component;
        break;
      }
    }
    const charged = owner ?? `no package on the stack: ${kind}`;
    mainAttributed.set(charged, (mainAttributed.get(charged) ?? 0) + 1);
  };

  let tid = -1;
  let frames: Frame[] = [];
  for (const line of stdout.split('\n')) {
    if (line.length === 0) {
      finish(tid, frames);
      frames = [];
      continue;
    }
    // A sample starts with its thread id alone on a line (perf pads it with spaces to a width).
    if (/^\s*\d+\s*$/.test(line)) {
      finish(tid, frames);
      frames = [];
      tid = Number.parseInt(line.trim(), 10);
      continue;
    }
    const match = /^\s*[0-9a-f]+\s+(.*?)\s+\(([^)]*)\)\s*$/.exec(line);
    if (match) frames.push({ symbol: match[1] === '[unknown]' ? '' : match[1]!, dso: match[2]! });
  }
  finish(tid, frames);

  return {
    samples,
    threads: toShares(threads, samples),
    mainByLeaf: toShares(mainByLeaf, mainSamples),
    mainAttributed: toShares(mainAttributed, mainSamples, Infinity, 0.3),
    jsTiers: toShares(jsTiers, jsSamples),
    topSymbols: toShares(topSymbols, mainSamples, 25),
  };
}
