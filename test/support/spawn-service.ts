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

export async function spawnService(environment: Record<string, string>, timeoutMs = 30_000): Promise<SpawnedService> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...environment },
  });
  let output = '';
  child.stdout.on('data', (data: Buffer) => (output += data.toString()));
  child.stderr.on('data', (data: Buffer) => (output += data.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const deadline = Date.now() + timeoutMs;
  while (!/listening on (http:\/\/\S+)\/graphql/.test(output)) {
    if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`service did not listen within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => setTimeout(resolve, 50)); // the token line follows the listening line
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
