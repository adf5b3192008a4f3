/**
 * The README's first command, as a user runs it: the real entry point on its embedded
 * default (PGlite in a fresh DATA_DIR, extractive engine, sample incidents), no database
 * server and no API keys. It must answer /healthz, print the demo token, draft a status
 * update, and stop cleanly on SIGTERM.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

let child: ChildProcessWithoutNullStreams | null = null;
let dataDir = '';

afterAll(async () => {
  child?.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function waitForLine(process: ChildProcessWithoutNullStreams, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; output:\n${buffer}`)), timeoutMs);
    const onData = (data: Buffer): void => {
      buffer += data.toString();
      const match = buffer.match(pattern);
      if (match) {
        clearTimeout(timer);
        process.stdout.off('data', onData);
        resolve(match);
      }
    };
    process.stdout.on('data', onData);
    process.once('exit', (code) => reject(new Error(`exited with ${code} before printing ${pattern}; output:\n${buffer}`)));
  });
}

describe('npm start (embedded default)', () => {
  it('starts from an empty DATA_DIR, prints the demo token, drafts, and exits 0 on SIGTERM', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'incident-ai-main-'));
    const environment: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: environment });
    const stderr: string[] = [];
    child.stderr.on('data', (data: Buffer) => stderr.push(data.toString()));

    const listening = await waitForLine(child, /listening on (http:\/\/\S+)\/graphql/, 30_000);
    const [, token] = await waitForLine(child, /demo token: (\S+)/, 5_000);
    const url = listening[1]!.replace('localhost', '127.0.0.1');

    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation { draftStatusUpdate(input: { incidentId: "PDEMO01", audience: PUBLIC }) { state text generation { provider degraded } } }' }),
    });
    const body = (await response.json()) as { data: { draftStatusUpdate: { state: string; text: string; generation: { provider: string; degraded: boolean } } } };
    expect(body.data.draftStatusUpdate).toMatchObject({ state: 'COMPLETE', generation: { provider: 'extractive', degraded: true } });
    expect(body.data.draftStatusUpdate.text).toContain('Payments API');

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr.join('')).toBe('');
  }, 90_000);
});
