/**
 * Throttling through the API: past the configured rate, RATE_LIMITED with retryAfter; with
 * Redis, two service processes share one limit; with Redis down, the configured fail mode,
 * and recovery without a restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testRedisUrl } from '../../support/redis.js';
import { spawnService } from '../../support/spawn-service.js';
import { startTestApp, testDatabaseUrl } from '../../support/test-app.js';

const mutation = 'mutation { draftStatusUpdate(input: { incidentId: "PDEMO05", audience: PUBLIC }) { id } }';
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

async function post(url: string, token: string): Promise<{ code: string | null; retryAfter: unknown }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: mutation }),
  });
  const body = (await response.json()) as { errors?: { extensions: { code: string; retryAfter?: unknown } }[] };
  return { code: body.errors?.[0]?.extensions.code ?? null, retryAfter: body.errors?.[0]?.extensions.retryAfter };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (data: Buffer) => {
      output += data.toString();
      if (output.includes('Ready to accept connections')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
  });
}

describe('rate limit through the API', () => {
  it('two service processes sharing Redis share one limit; refusals carry retryAfter', async () => {
    const schema = `test_rl_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
    const dataDir = await mkdtemp(path.join(tmpdir(), 'incident-ai-rl-'));
    const environment = {
      DATABASE_URL: testDatabaseUrl,
      DATABASE_SCHEMA: schema,
      DATA_DIR: dataDir,
      REDIS_URL: testRedisUrl,
      REDIS_KEY_PREFIX: `test-${randomUUID()}`,
      RATE_LIMIT_RPM: '4',
      THROTTLE_RESERVED_SHARE: '0',
    };
    const first = await spawnService(environment);
    cleanups.push(() => first.stop());
    const second = await spawnService(environment);
    cleanups.push(() => second.stop());
    cleanups.push(async () => {
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
      await rm(dataDir, { recursive: true, force: true });
    });
    // Processes sharing DATA_DIR share the local signing key: either one's demo token works on both.
    expect(first.token).toBeTruthy();

    const results = [];
    for (let i = 0; i < 8; i += 1) results.push(await post((i % 2 === 0 ? first : second).url, first.token!));
    expect(results.filter((result) => result.code === null)).toHaveLength(4);
    const refused = results.filter((result) => result.code !== null);
    expect(refused).toHaveLength(4);
    for (const result of refused) {
      expect(result.code).toBe('RATE_LIMITED');
      expect(result.retryAfter).toBeGreaterThanOrEqual(1);
    }
  }, 90_000);

  it('in-process without Redis, the same limit holds', async () => {
    const service = await startTestApp({ RATE_LIMIT_RPM: '2', THROTTLE_RESERVED_SHARE: '0' });
    cleanups.push(() => service.close());
    const codes = [];
    for (let i = 0; i < 3; i += 1) codes.push((await post(service.url, service.token)).code);
    expect(codes).toEqual([null, null, 'RATE_LIMITED']);
  });

  it('with Redis down: fail open serves, fail closed refuses; both recover when Redis returns, without a restart', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    cleanups.push(async () => redis.kill('SIGKILL'));
    const url = `redis://127.0.0.1:${port}`;
    const open = await startTestApp({ REDIS_URL: url, RATE_LIMIT_RPM: '1000', THROTTLE_FAIL_MODE: 'open' });
    cleanups.push(() => open.close());
    const closed = await startTestApp({ REDIS_URL: url, RATE_LIMIT_RPM: '1000', THROTTLE_FAIL_MODE: 'closed' });
    cleanups.push(() => closed.close());
    expect((await post(open.url, open.token)).code).toBeNull();
    expect((await post(closed.url, closed.token)).code).toBeNull();

    redis.kill('SIGKILL');
    await new Promise((resolve) => redis.once('exit', resolve));
    expect((await post(open.url, open.token)).code).toBeNull();
    const refused = await post(closed.url, closed.token);
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.retryAfter).toBeGreaterThanOrEqual(1);

    redis = await startRedis(port);
    let recovered: string | null = 'RATE_LIMITED';
    for (let i = 0; i < 50 && recovered !== null; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      recovered = (await post(closed.url, closed.token)).code;
    }
    expect(recovered).toBeNull();
  }, 60_000);
});
