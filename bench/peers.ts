/**
 * The peers measured beside incident-ai in `npm run bench`, with the same fake upstream, the
 * same request and the same load: the Portkey OSS gateway (`@portkey-ai/gateway`, installed at
 * run time into a temporary folder, never a dependency of this repository) and a bare
 * `node:http` hop (bench/hop.ts), the floor of any gateway.
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { writeFile } from 'node:fs/promises';
import type { HttpTarget } from './load.js';
import { startProcess, type ManagedProcess } from './processes.js';

/** The Portkey version the issue compares against. */
export const portkeyVersion = '1.15.2';

export interface RunningPeer {
  name: string;
  process: ManagedProcess;
  /** The request, shaped for this peer, that reaches the fake as the service's own does. */
  json: HttpTarget;
  stream: HttpTarget;
}

/** Installs the Portkey gateway under `folder`; returns its start script, or why it could not. */
export async function installPortkey(folder: string): Promise<{ script: string } | { error: string }> {
  try {
    await writeFile(path.join(folder, 'package.json'), '{"private":true}\n');
    await promisify(execFile)('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `@portkey-ai/gateway@${portkeyVersion}`], {
      cwd: folder,
      maxBuffer: 16 * 1024 * 1024,
      timeout: 240_000,
    });
    return { script: path.join(folder, 'node_modules', '@portkey-ai', 'gateway', 'build', 'start-server.js') };
  } catch (error) {
    return { error: (error as Error).message.split('\n').slice(0, 3).join(' ').slice(0, 400) };
  }
}

/** A free loopback port (Portkey takes a fixed `--port` and prints no other). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function retarget(target: HttpTarget, url: string, extraHeaders: Record<string, string>): HttpTarget {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(target.headers)) {
    if (!['host', 'content-length', 'connection'].includes(name.toLowerCase())) headers[name] = value;
  }
  return { url, headers: { ...headers, ...extraHeaders }, body: target.body };
}

/** Starts Portkey on `core`, forwarding to the fake OpenAI upstream (`upstreamUrl` ends with /v1). */
export async function startPortkey(script: string, upstreamUrl: string, captured: { json: HttpTarget; stream: HttpTarget }, core: number): Promise<RunningPeer> {
  const port = await freePort();
  const managed = startProcess({
    name: 'portkey',
    command: process.execPath,
    args: ['--inspect-port=127.0.0.1:0', script, `--port=${port}`, '--headless'],
    core,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production' },
    cwd: path.dirname(script),
    deathSignal: 'TERM',
  });
  await managed.waitForLine(/Ready for connections/, 60_000);
  const url = `http://127.0.0.1:${port}/v1/chat/completions`;
  const headers = { 'x-portkey-provider': 'openai', 'x-portkey-custom-host': upstreamUrl };
  return { name: `Portkey ${portkeyVersion}`, process: managed, json: retarget(captured.json, url, headers), stream: retarget(captured.stream, url, headers) };
}

/** Starts the bare node:http hop on `core`. */
export async function startHop(repoRoot: string, upstreamUrl: string, captured: { json: HttpTarget; stream: HttpTarget }, core: number): Promise<RunningPeer> {
  const managed = startProcess({
    name: 'node:http hop',
    command: process.execPath,
    args: ['--inspect-port=127.0.0.1:0', '--import', 'tsx', 'bench/hop.ts', '--upstream', new URL(upstreamUrl).origin],
    core,
    cwd: repoRoot,
    deathSignal: 'TERM',
  });
  const [, base] = await managed.waitForLine(/^listening (\S+)/, 30_000);
  const url = `${base}${new URL(captured.json.url).pathname}`;
  return { name: 'bare node:http hop', process: managed, json: retarget(captured.json, url, {}), stream: retarget(captured.stream, url, {}) };
}
