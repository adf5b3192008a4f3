/**
 * Start-up refusals as a user meets them, with the real entry point (`npm start` runs
 * `tsx src/main.ts`): one line naming what to change, a non-zero exit, no stack trace.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from './support/test-app.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

function start(environment: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...environment },
  });
  let output = '';
  child.stdout.on('data', (data: Buffer) => (output += data.toString()));
  child.stderr.on('data', (data: Buffer) => (output += data.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, output })));
}

const lines = (output: string): string[] => output.split('\n').filter((line) => line.trim().length > 0);

describe('npm start refusals', () => {
  it('a port already in use: one line naming the port and PORT, exit 1', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    const schema = `test_port_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const dataDir = await mkdtemp(path.join(tmpdir(), 'incident-ai-port-'));
    cleanups.push(async () => {
      await new Promise((resolve) => taken.close(resolve));
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
      await rm(dataDir, { recursive: true, force: true });
    });

    const { code, output } = await start({ PORT: String(port), DATABASE_URL: testDatabaseUrl, DATABASE_SCHEMA: schema, DATA_DIR: dataDir });
    console.info(output);
    expect(code).toBe(1);
    expect(lines(output)).toEqual([`incident-ai: port ${port} on 127.0.0.1 is already in use; set PORT to another port (e.g. PORT=4000)`]);
  });

  it.each([
    [{ SLACK_SIGNING_SECRET: 'secret' }, 'SLACK_BOT_TOKEN'],
    [{ AUTH_ISSUER: 'https://idp.example' }, 'AUTH_JWKS_URL'],
  ])('a setting without its partner (%o): one line naming %s, exit 78', async (environment, missing) => {
    const { code, output } = await start({ PORT: '0', DATA_DIR: '/nonexistent-never-created', ...environment });
    expect(code).toBe(78);
    expect(lines(output)).toHaveLength(1);
    expect(output).toMatch(new RegExp(`^incident-ai: Invalid environment: ${missing}: ${Object.keys(environment)[0]} is set but ${missing} is not`));
  });
});
