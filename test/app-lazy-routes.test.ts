/**
 * What an idle service keeps off its heap until a request needs it (docs/stack-notes.md 41): express answers only the routes besides /graphql and the probes, and is imported
 * on the first request to one of them (src/http/lazy-express.ts); Apollo's inline trace plugin
 * with its protobuf on the first request asking for an `ftv1` trace (lean-apollo-plugins.ts).
 * The real entry point runs with the hook that lists the packages it loads (ES imports and the
 * CommonJS requires inside packages), on PostgreSQL through a proxy the test can cut, so /readyz
 * can answer 503.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnService, type SpawnedService } from './support/spawn-service.js';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const hook = ['--import', path.resolve('test/support/package-load-hook.mjs')];
const schema = `lazy_${randomBytes(4).toString('hex')}`;

/** A TCP proxy to PostgreSQL that can be cut (every connection closed, new ones refused) and opened again. */
function databaseProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  let port = 0;
  return {
    url: () => Object.assign(new URL(target.href), { hostname: '127.0.0.1', port: String(port) }).href,
    open: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => ((port = (server.address() as net.AddressInfo).port), resolve()))),
    cut: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

const proxy = databaseProxy(new URL(databaseUrl));
let service: SpawnedService;
let dataDir: string;

beforeAll(async () => {
  await proxy.open();
  dataDir = await mkdtemp(path.join(tmpdir(), 'incident-ai-lazy-'));
  service = await spawnService(
    { DATA_DIR: dataDir, DATABASE_URL: proxy.url(), DATABASE_SCHEMA: schema, OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' },
    60_000,
    hook,
  );
}, 90_000);

afterAll(async () => {
  await proxy.open().catch(() => undefined);
  await service?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`drop schema if exists "${schema}" cascade`).finally(() => client.end());
});

/** The packages the service has loaded so far. */
function loaded(): Set<string> {
  return new Set([...service.output().matchAll(/^PACKAGE (\S+)$/gm)].map((match) => match[1]!));
}

const expressPackages = ['express', 'router', 'body-parser', 'send'];

describe('an idle service without express and the trace protobuf', () => {
  it('answers /healthz, /readyz (ready, then 503) and /metrics without loading express', async () => {
    expect(loaded()).toContain('pg'); // the hook sees what the service loads
    const healthz = await fetch(`${service.url}/healthz`);
    expect(healthz.status).toBe(200);
    expect(healthz.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(healthz.headers.get('etag')).toBe('W/"f-VaSQ4oDUiZblZNAEkkN+sX+q3Sg"');
    expect(await healthz.text()).toBe('{"status":"ok"}');
    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    const metrics = await fetch(`${service.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^# (HELP|TYPE) /m);

    await proxy.cut();
    await expect
      .poll(async () => {
        const answer = await fetch(`${service.url}/readyz`);
        return { status: answer.status, body: await answer.json() };
      }, { timeout: 20_000, interval: 200 })
      .toEqual({ status: 503, body: { status: 'not ready', reason: 'database unreachable' } });
    await proxy.open();
    for (const name of expressPackages) expect(loaded()).not.toContain(name);
  }, 60_000);

  it('adds an ftv1 trace to a request that asks for one, loading the protobuf only then', async () => {
    const ask = (headers: Record<string, string>) =>
      fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${service.token}`, ...headers },
        body: JSON.stringify({ query: '{ _service { sdl } }' }),
      }).then((response) => response.json() as Promise<{ data?: unknown; extensions?: { ftv1?: string } }>);
    const plain = await ask({});
    expect(plain.extensions?.ftv1).toBeUndefined();
    expect(loaded()).not.toContain('@apollo/usage-reporting-protobuf');
    const traced = await ask({ 'apollo-federation-include-trace': 'ftv1' });
    expect(traced.data).toEqual(plain.data);
    expect(Buffer.from(traced.extensions!.ftv1!, 'base64').length).toBeGreaterThan(10);
    expect(loaded()).toContain('@apollo/usage-reporting-protobuf');
  }, 30_000);

  it('loads express on the first request to one of its routes, which then answers as before', async () => {
    const [page, json] = await Promise.all([
      fetch(`${service.url}/`, { headers: { accept: 'text/html' } }),
      fetch(`${service.url}/`, { headers: { accept: 'application/json' } }),
    ]);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<a href="/playground">');
    expect(json.status).toBe(200);
    expect(((await json.json()) as { links: unknown[] }).links.length).toBeGreaterThan(3);
    const missing = await fetch(`${service.url}/nowhere`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Cannot GET /nowhere');
    for (const name of expressPackages) expect(loaded()).toContain(name);
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
  }, 30_000);
});
