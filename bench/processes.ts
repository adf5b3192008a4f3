/**
 * Child processes of the benchmark: pinned to a core, tied to the benchmark's life, read line
 * by line, and measured from /proc. Every process started here is registered, and
 * {@link stopAllProcesses} ends them all (SIGTERM, then SIGKILL), so a failed run leaves nothing
 * behind. `setpriv --pdeathsig` makes the kernel signal a child if the benchmark itself dies.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readlinkSync, readdirSync } from 'node:fs';
import { once } from 'node:events';
import WebSocket from 'ws';

export interface StartOptions {
  /** A short name for messages. */
  name: string;
  command: string;
  args: string[];
  /** The CPU the process runs on (`taskset -c`). */
  core: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Signal sent by the kernel when the benchmark dies; default KILL. */
  deathSignal?: 'TERM' | 'KILL';
}

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves with the first stdout line (already seen or future) matching `pattern`. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** Resolves with the next stdout line matching `pattern`, ignoring lines already seen. */
  nextLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** Calls `listener` for every stdout line from now on. */
  onLine(listener: (line: string) => void): void;
  /** The last 64 KB of stderr. */
  stderr(): string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly hasExited: boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ManagedProcess>();

export function startProcess(options: StartOptions): ManagedProcess {
  const child = spawn(
    'taskset',
    ['-c', String(options.core), 'setpriv', `--pdeathsig=${options.deathSignal ?? 'KILL'}`, options.command, ...options.args],
    { env: options.env ?? process.env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  if (child.pid === undefined) throw new Error(`${options.name}: could not start ${options.command}`);
  const lines: string[] = [];
  const listeners = new Set<(line: string) => void>();
  let stdoutBuffer = '';
  let stderrText = '';
  let exitedFlag = false;
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (data: string) => {
    stdoutBuffer += data;
    let newline: number;
    while ((newline = stdoutBuffer.indexOf('\n')) !== -1) {
      const line = stdoutBuffer.slice(0, newline);
      stdoutBuffer = stdoutBuffer.slice(newline + 1);
      lines.push(line);
      if (lines.length > 2_000) lines.splice(0, 1_000);
      for (const listener of [...listeners]) listener(line);
    }
  });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (data: string) => {
    stderrText = (stderrText + data).slice(-65_536);
  });
  // A child that exits closes its stdin; writes after that must not crash the benchmark.
  child.stdin!.on('error', () => undefined);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      exitedFlag = true;
      resolve({ code, signal });
    });
  });

  const wait = (pattern: RegExp, timeoutMs: number, includeSeen: boolean): Promise<RegExpMatchArray> =>
    new Promise((resolve, reject) => {
      if (includeSeen) {
        for (const line of lines) {
          const match = pattern.exec(line);
          if (match) return resolve(match);
        }
      }
      const finish = (): void => {
        clearTimeout(timer);
        listeners.delete(listener);
      };
      const listener = (line: string): void => {
        const match = pattern.exec(line);
        if (!match) return;
        finish();
        resolve(match);
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`${options.name}: no output line matching ${pattern} within ${timeoutMs} ms; stderr:\n${stderrText.slice(-3_000)}`));
      }, timeoutMs);
      listeners.add(listener);
      void exited.then(({ code, signal }) => {
        if (!listeners.has(listener)) return;
        finish();
        reject(new Error(`${options.name} exited (code ${code}, signal ${signal}) before printing ${pattern}; stderr:\n${stderrText.slice(-3_000)}`));
      });
    });

  const managed: ManagedProcess = {
    name: options.name,
    pid: child.pid,
    child,
    waitForLine: (pattern, timeoutMs) => wait(pattern, timeoutMs, true),
    nextLine: (pattern, timeoutMs) => wait(pattern, timeoutMs, false),
    onLine: (listener) => listeners.add(listener),
    stderr: () => stderrText,
    exited,
    get hasExited() {
      return exitedFlag;
    },
    async stop(graceMs = 10_000) {
      if (!exitedFlag) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
      running.delete(managed);
      return exited;
    },
  };
  running.add(managed);
  void exited.then(() => running.delete(managed));
  return managed;
}

/** Stops every process started by {@link startProcess} that is still running. */
export async function stopAllProcesses(graceMs = 5_000): Promise<void> {
  await Promise.all([...running].map((managed) => managed.stop(graceMs)));
}

/** Last resort on process exit: SIGKILL whatever is left (synchronous). */
export function killAllProcessesNow(): void {
  for (const managed of running) {
    try {
      managed.child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

// --- /proc -------------------------------------------------------------------------------------

const clockTicksPerSecond = 100; // getconf CLK_TCK on Linux x86-64

/** user + system CPU time of a process (all its threads), in ms. */
export function processCpuMs(pid: number): number {
  return statCpuMs(`/proc/${pid}/stat`);
}

/** user + system CPU time of one thread (the main thread of a process has the process's id), in ms. */
export function threadCpuMs(pid: number, tid: number): number {
  return statCpuMs(`/proc/${pid}/task/${tid}/stat`);
}

function statCpuMs(file: string): number {
  const stat = readFileSync(file, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / clockTicksPerSecond;
}

/**
 * CPU time of the whole machine since boot, in ms (all CPUs, /proc/stat): `busy` is time in
 * processes (user, nice, system; interrupt time is left out, as it is of process times), `steal`
 * the time the hypervisor gave our vCPUs to someone else.
 */
export function machineCpuMs(): { busy: number; steal: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [user, nice, system, , , , , steal] = line.trim().split(/\s+/).slice(1).map(Number) as number[];
  const toMs = (ticks: number): number => (ticks * 1000) / clockTicksPerSecond;
  return { busy: toMs(user! + nice! + system!), steal: toMs(steal!) };
}

/** CPU time of this process and of every process started by {@link startProcess} still running, in ms. */
export function ownCpuMs(): number {
  let total = processCpuMs(process.pid);
  for (const managed of running) {
    try {
      total += processCpuMs(managed.pid);
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

/** Resident set size and its high-water mark, in MB. */
export function processMemoryMb(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** Samples RSS every `intervalMs` until stopped; returns the peak in MB. */
export function sampleRss(pid: number, intervalMs = 100): { stop(): number } {
  let peak = 0;
  const read = (): void => {
    try {
      peak = Math.max(peak, processMemoryMb(pid).rss);
    } catch {
      // the process ended
    }
  };
  read();
  const timer = setInterval(read, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      read();
      return peak;
    },
  };
}

/**
 * Local TCP ports of a process's connections to `remotePort` (e.g. its PostgreSQL pool), read
 * from /proc: socket inodes of its file descriptors, matched in /proc/net/tcp{,6}.
 */
export function connectedLocalPorts(pid: number, remotePort: number): number[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]!);
    } catch {
      // closed meanwhile
    }
  }
  const ports: number[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const row of text.split('\n').slice(1)) {
      const columns = row.trim().split(/\s+/);
      if (columns.length < 10) continue;
      const local = columns[1]!;
      const remote = columns[2]!;
      const inode = columns[9]!;
      if (!inodes.has(inode)) continue;
      if (Number.parseInt(remote.split(':')[1]!, 16) !== remotePort) continue;
      ports.push(Number.parseInt(local.split(':')[1]!, 16));
    }
  }
  return ports;
}

// --- inspector ---------------------------------------------------------------------------------

/** A DevTools protocol session with a Node process. */
export interface InspectorSession {
  call<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** Receives every protocol event (messages without an id), e.g. heap snapshot chunks; null stops. */
  onEvent(listener: ((message: { method?: string; params?: unknown }) => void) | null): void;
  close(): Promise<void>;
}

/**
 * Opens the inspector of a Node process started with `--inspect-port=127.0.0.1:0` (SIGUSR1
 * makes it listen) and connects to it.
 */
export async function openInspector(managed: ManagedProcess): Promise<InspectorSession> {
  let url = /Debugger listening on (ws:\/\/\S+)/.exec(managed.stderr())?.[1];
  if (!url) {
    process.kill(managed.pid, 'SIGUSR1');
    const deadline = Date.now() + 5_000;
    while (!url && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      url = /Debugger listening on (ws:\/\/\S+)/.exec(managed.stderr())?.[1];
    }
    if (!url) throw new Error(`${managed.name}: the inspector did not open`);
  }
  const socket = new WebSocket(url, { maxPayload: 1024 * 1024 * 1024 });
  await once(socket, 'open');
  let id = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let eventListener: ((message: { method?: string; params?: unknown }) => void) | null = null;
  socket.on('message', (data: WebSocket.RawData) => {
    const message = JSON.parse(data.toString()) as { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } };
    if (message.id === undefined) {
      eventListener?.(message);
      return;
    }
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  socket.on('close', () => {
    for (const waiter of pending.values()) waiter.reject(new Error('the inspector connection closed'));
    pending.clear();
  });
  return {
    call<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const requestId = ++id;
        pending.set(requestId, { resolve: resolve as (value: unknown) => void, reject });
        socket.send(JSON.stringify({ id: requestId, method, params }));
      });
    },
    onEvent(listener) {
      eventListener = listener;
    },
    async close() {
      if (socket.readyState === WebSocket.CLOSED) return;
      socket.close();
      await once(socket, 'close').catch(() => undefined);
    },
  };
}

/** Runs a full garbage collection in the process (twice: finalizers can free more). */
export async function collectGarbage(managed: ManagedProcess): Promise<void> {
  const session = await openInspector(managed);
  try {
    await session.call('HeapProfiler.collectGarbage');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await session.call('HeapProfiler.collectGarbage');
  } finally {
    await session.close();
  }
}
