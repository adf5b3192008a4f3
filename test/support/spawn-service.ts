/**
 * Runs the real entry point (src/main.ts) as a child process, the way `npm start` does, and
 * waits until it listens. For tests that need what only a process has: the OpenTelemetry
 * SDK, signals, several replicas.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface SpawnedService {
  process: ChildProcessWithoutNullStreams;
  url: string;
  token: string | null;
  output(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts src/main.ts and resolves once it printed its listening line and, when it signs local
 * tokens (no AUTH_JWKS_URL, not production, or AUTH_LOCAL_KEYS), its demo token line: both are
 * waited for as output, never as a pause. Rejects when the process exits first, or after
 * `timeoutMs` without them (a bound, so a hang fails the test). `nodeArgs` go before the script.
 */
export async function spawnService(environment: Record<string, string>, timeoutMs = 30_000, nodeArgs: readonly string[] = []): Promise<SpawnedService> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...environment },
  });
  let output = '';
  child.stdout.on('data', (data: Buffer) => (output += data.toString()));
  child.stderr.on('data', (data: Buffer) => (output += data.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const printsToken =
    environment.AUTH_LOCAL_KEYS === 'true' || (!environment.AUTH_JWKS_URL && (environment.NODE_ENV ?? process.env.NODE_ENV) !== 'production');
  const started = (): boolean => /listening on (http:\/\/\S+)\/graphql/.test(output) && (!printsToken || /demo token: \S+\n/.test(output));

  await new Promise<void>((resolve, reject) => {
    const check = (): void => {
      if (!started()) return;
      done();
      resolve();
    };
    const onExit = (code: number | null): void => {
      done();
      reject(new Error(`service exited with ${code}:\n${output}`));
    };
    const timer = setTimeout(() => {
      done();
      child.kill('SIGKILL');
      reject(new Error(`service did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const done = (): void => {
      clearTimeout(timer);
      child.stdout.off('data', check);
      child.off('exit', onExit);
    };
    child.stdout.on('data', check);
    child.once('exit', onExit);
  });
  const url = output.match(/listening on (http:\/\/\S+)\/graphql/)![1]!.replace('localhost', '127.0.0.1');
  const token = output.match(/demo token: (\S+)/)?.[1] ?? null;
  return {
    process: child,
    url,
    token,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
