/**
 * /healthz, /readyz and /metrics on plain node:http (src/http/probe-routes.ts) answer as express
 * answered them: each request is sent both to an express app with the routes as they were
 * (before the probes left express) and to node:http with the probe routes in front of that same
 * app, and the two answers compared: status, raw header lines in order (the Date line aside) and
 * body. The plain probes must be answered without express; the other forms are left to it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProbeRoutes } from '../../src/http/probe-routes.js';

type Readiness = { ready: boolean; reason?: string };
const state = { stopping: false, readiness: (async (): Promise<Readiness> => ({ ready: true })) as () => Promise<Readiness> };

function metricsHandler(_request: http.IncomingMessage, response: http.ServerResponse): void {
  const body = '# HELP up 1\nup 1\n';
  response.setHeader('content-type', 'text/plain');
  response.statusCode = 200;
  response.end(body);
}

/** The routes as src/http/http-server.ts mounted them on express before this change. */
function referenceApp(): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((_request, response, next) => {
    if (state.stopping) response.setHeader('connection', 'close');
    next();
  });
  app.get('/metrics', (request, response) => metricsHandler(request, response));
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', async (_request, response) => {
    const { ready, reason } = await state.readiness();
    response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', ...(reason && { reason }) });
  });
  return app;
}

const reference = referenceApp();
let leftToExpress = 0;
const probe = createProbeRoutes({
  readiness: () => state.readiness(),
  metricsHandler,
  stopping: () => state.stopping,
  fallback: (request, response) => {
    leftToExpress += 1;
    reference(request, response);
  },
});
const servers: http.Server[] = [];
let expressPort = 0;
let probePort = 0;

async function listen(handler: http.RequestListener): Promise<number> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  expressPort = await listen(reference);
  probePort = await listen((request, response) => {
    if (!probe(request, response)) {
      leftToExpress += 1;
      reference(request, response);
    }
  });
});
afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
});

interface Answer {
  status: number;
  headers: string[];
  body: string;
}

function send(port: number, method: string, path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const lines: string[] = [];
        for (let index = 0; index < response.rawHeaders.length; index += 2) {
          if (response.rawHeaders[index]!.toLowerCase() !== 'date') lines.push(`${response.rawHeaders[index]}: ${response.rawHeaders[index + 1]}`);
        }
        resolve({ status: response.statusCode!, headers: lines, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    request.on('error', reject);
    request.end();
  });
}

/** Sends the request to both servers; returns the answer and whether the probe routes answered it alone. */
async function compare(method: string, path: string, headers: Record<string, string> = {}): Promise<{ answer: Answer; byProbe: boolean }> {
  const expected = await send(expressPort, method, path, headers);
  const before = leftToExpress;
  const actual = await send(probePort, method, path, headers);
  expect(actual, `${method} ${path} ${JSON.stringify(headers)}`).toEqual(expected);
  return { answer: actual, byProbe: leftToExpress === before };
}

describe('the probe routes on node:http answer as express did', () => {
  it('answers GET and HEAD of /healthz, /readyz and /metrics (a query string too) without express', async () => {
    for (const method of ['GET', 'HEAD']) {
      for (const path of ['/healthz', '/readyz', '/metrics', '/healthz?from=kubelet', '/readyz?']) {
        const { answer, byProbe } = await compare(method, path);
        expect(answer.status).toBe(200);
        expect(byProbe, `${method} ${path}`).toBe(true);
      }
    }
    const healthz = await compare('GET', '/healthz');
    expect(healthz.answer.headers).toEqual(['Content-Type: application/json; charset=utf-8', 'Content-Length: 15', 'ETag: W/"f-VaSQ4oDUiZblZNAEkkN+sX+q3Sg"', 'Connection: close']);
    expect(healthz.answer.body).toBe('{"status":"ok"}');
  });

  it('answers 503 with the reason when not ready, and asks clients to close while stopping', async () => {
    state.readiness = async () => ({ ready: false, reason: 'database unreachable' });
    try {
      const notReady = await compare('GET', '/readyz');
      expect(notReady).toMatchObject({ byProbe: true, answer: { status: 503, body: '{"status":"not ready","reason":"database unreachable"}' } });
      expect((await compare('HEAD', '/readyz')).byProbe).toBe(true);
      state.stopping = true;
      for (const path of ['/healthz', '/readyz', '/metrics', '/nowhere']) {
        const { answer } = await compare('GET', path);
        expect(answer.headers).toContain('connection: close');
      }
    } finally {
      state.readiness = async () => ({ ready: true });
      state.stopping = false;
    }
  });

  it('leaves the other forms to express: other methods, paths, conditional requests, a failed readiness check', async () => {
    const etag = (await compare('GET', '/healthz')).answer.headers.find((line) => line.startsWith('ETag: '))!.slice(6);
    const cases: [string, string, Record<string, string>][] = [
      ['POST', '/healthz', {}],
      ['OPTIONS', '/readyz', {}],
      ['PUT', '/metrics', {}],
      ['GET', '/HEALTHZ', {}],
      ['GET', '/healthz/', {}],
      ['GET', '/healthz', { 'if-none-match': etag }],
      ['GET', '/readyz', { 'if-none-match': '"other"' }],
      ['HEAD', '/healthz', { 'if-modified-since': new Date().toUTCString() }],
      ['GET', '/nowhere', {}],
    ];
    for (const [method, path, headers] of cases) expect((await compare(method, path, headers)).byProbe, `${method} ${path}`).toBe(false);
    expect((await compare('GET', '/healthz', { 'if-none-match': etag })).answer.status).toBe(304);
    state.readiness = async () => {
      throw Object.assign(new Error('check failed'), { stack: 'Error: check failed' });
    };
    try {
      const failed = await compare('GET', '/readyz');
      expect(failed).toMatchObject({ byProbe: false, answer: { status: 500 } });
    } finally {
      state.readiness = async () => ({ ready: true });
    }
  });
});
