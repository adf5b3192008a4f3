/**
 * The HTTP callback protocol end to end: a tiny subgraph (buildSubgraphSchema + ApolloServer
 * with our plugin) and a fake router on 127.0.0.1 that answers like the Apollo Router's
 * callback endpoint: `check` -> 204 with `subscription-protocol: callback/1.0`, `next` -> 200,
 * `complete` -> 202, an unknown or finished subscription -> 404, a wrong verifier -> 401.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { gql } from 'graphql-tag';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors/app-error.js';
import { ErrorCode } from '../../src/errors/error-codes.js';
import { createErrorMasker } from '../../src/errors/mask-error.js';
import { callbackProtocolHeader, subscriptionCallbackPlugin } from '../../src/http/subscription-callback.js';
import { createLogger } from '../../src/telemetry/logger.js';

const logger = createLogger('silent');

// ---------------------------------------------------------------------------------------------
// The fake router

interface RecordedMessage {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
  /** What the fake router answered. */
  status: number;
}

interface FakeRouter {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  messages: RecordedMessage[];
  /** What the router does before sending a subscription: remember its id and verifier. */
  expect(id: string, verifier: string): void;
  /** Resolves once the recorded messages satisfy the predicate. */
  waitFor(predicate: (messages: RecordedMessage[]) => boolean): Promise<void>;
  close(): Promise<void>;
}

async function startFakeRouter(): Promise<FakeRouter> {
  const messages: RecordedMessage[] = [];
  const active = new Map<string, string>();
  const waiters: { predicate: (messages: RecordedMessage[]) => boolean; resolve: () => void }[] = [];

  const answer = (path: string, body: Record<string, unknown>): number => {
    const match = /^\/callback\/([^/]+)$/.exec(path);
    if (!match) return 404;
    if (body.kind !== 'subscription' || typeof body.id !== 'string' || typeof body.verifier !== 'string') return 400;
    if (body.id !== match[1]) return 400;
    const verifier = active.get(body.id);
    if (verifier === undefined) return 404;
    if (verifier !== body.verifier) return 401;
    switch (body.action) {
      case 'check':
        return 204;
      case 'next':
        return 200;
      case 'complete':
        active.delete(body.id);
        return 202;
      default:
        return 400;
    }
  };

  const server = http.createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      const path = request.url ?? '/';
      let body: Record<string, unknown> = {};
      let status: number;
      try {
        body = JSON.parse(Buffer.concat(parts).toString('utf8')) as Record<string, unknown>;
        status = request.method === 'POST' ? answer(path, body) : 405;
      } catch {
        status = 400;
      }
      messages.push({ method: request.method ?? '', path, headers: request.headers, body, status });
      if (status === 204) response.setHeader(callbackProtocolHeader.name, callbackProtocolHeader.value);
      response.statusCode = status;
      response.end();
      for (const waiter of [...waiters]) {
        if (waiter.predicate(messages)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    messages,
    expect: (id, verifier) => void active.set(id, verifier),
    waitFor: (predicate) =>
      predicate(messages) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ predicate, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const actions = (messages: RecordedMessage[]): unknown[] => messages.map((message) => message.body.action);

// ---------------------------------------------------------------------------------------------
// The tiny subgraph

const typeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  enum Ending {
    "Three ticks, then the stream waits for the test and ends."
    NORMALLY
    "One tick, then an unexpected error with internal detail in its message."
    UNEXPECTED_ERROR
    "One tick, then one of our typed errors (RATE_LIMITED)."
    TYPED_ERROR
  }

  type Tick {
    n: Int!
    "Fails unexpectedly on tick 2 when asked to."
    label(failOnTwo: Boolean = false): String
  }

  type Query {
    ping: Boolean!
  }

  type Subscription {
    ticks(ending: Ending = NORMALLY): Tick!
  }
`;

interface Subgraph {
  url: string;
  /** Lets a NORMALLY stream end after its three ticks. */
  release(): void;
  stop(): Promise<void>;
}

async function startSubgraph(isAllowedCallbackUrl: (url: URL) => boolean): Promise<Subgraph> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const resolvers = {
    Query: { ping: () => true },
    Tick: {
      label: (tick: { n: number }, args: { failOnTwo: boolean }) => {
        if (args.failOnTwo && tick.n === 2) throw new Error('upstream said: token sk-internal-detail expired');
        return `tick ${tick.n}`;
      },
    },
    Subscription: {
      ticks: {
        subscribe: async function* (_parent: unknown, args: { ending: string }) {
          yield { ticks: { n: 1 } };
          if (args.ending === 'UNEXPECTED_ERROR') throw new Error('pg: password authentication failed for user "ai"');
          if (args.ending === 'TYPED_ERROR') throw new AppError(ErrorCode.RATE_LIMITED, 'Too many generations; retry in 30 s.', { extensions: { retryAfter: 30 } });
          yield { ticks: { n: 2 } };
          yield { ticks: { n: 3 } };
          await held;
        },
      },
    },
  };
  const server = new ApolloServer({
    logger,
    schema: buildSubgraphSchema([{ typeDefs, resolvers }]),
    plugins: [
      subscriptionCallbackPlugin({
        logger,
        isAllowedCallbackUrl,
        formatError: createErrorMasker(logger),
        retry: { retries: 1, minTimeoutMs: 10, maxTimeoutMs: 20 },
      }),
    ],
  });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  return { url, release, stop: () => server.stop() };
}

/** What the router sends to start a subscription in callback mode. */
function subscribe(
  subgraph: Subgraph,
  subscription: { query: string; callbackUrl: string; id: string; verifier: string; heartbeatIntervalMs: number },
): Promise<Response> {
  return fetch(subgraph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json;callbackSpec=1.0' },
    body: JSON.stringify({
      query: subscription.query,
      extensions: {
        subscription: {
          callbackUrl: subscription.callbackUrl,
          subscriptionId: subscription.id,
          verifier: subscription.verifier,
          heartbeatIntervalMs: subscription.heartbeatIntervalMs,
        },
      },
    }),
  });
}

// ---------------------------------------------------------------------------------------------

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(): Promise<{ router: FakeRouter; subgraph: Subgraph }> {
  const router = await startFakeRouter();
  cleanups.push(() => router.close());
  const routerOrigin = new URL(router.url).host;
  const subgraph = await startSubgraph((url) => url.host === routerOrigin && url.pathname.startsWith('/callback/'));
  cleanups.push(() => subgraph.stop());
  return { router, subgraph };
}

describe('subscriptionCallbackPlugin', () => {
  it('confirms with check before answering, sends every event as next, heartbeats, then completes', async () => {
    const { router, subgraph } = await setUp();
    const id = 'c4a9d1b8-dc57-44ab-9e5a-6e6189b2b945';
    const verifier = 'verifier-of-c4a9';
    router.expect(id, verifier);

    const response = await subscribe(subgraph, {
      query: 'subscription { ticks { n label } }',
      callbackUrl: `${router.url}/callback/${id}`,
      id,
      verifier,
      heartbeatIntervalMs: 25,
    });
    // The check went out, and was accepted, before the subgraph answered the router.
    const sentBeforeAnswer = router.messages.slice();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: null });
    expect(sentBeforeAnswer[0]?.body).toEqual({ kind: 'subscription', action: 'check', id, verifier });
    expect(sentBeforeAnswer[0]?.status).toBe(204);

    // Three events, then at least one heartbeat while the stream is held open; then it ends.
    await router.waitFor((messages) => {
      const lastNext = messages.map((message) => message.body.action).lastIndexOf('next');
      return actions(messages).filter((action) => action === 'next').length === 3 && messages.slice(lastNext).some((message) => message.body.action === 'check');
    });
    subgraph.release();
    await router.waitFor((messages) => messages.some((message) => message.body.action === 'complete'));

    const messages = router.messages;
    const nexts = messages.filter((message) => message.body.action === 'next');
    expect(nexts.map((message) => message.body)).toEqual([1, 2, 3].map((n) => ({
      kind: 'subscription',
      action: 'next',
      id,
      verifier,
      payload: { data: { ticks: { n, label: `tick ${n}` } } },
    })));
    expect(nexts.every((message) => message.status === 200)).toBe(true);

    const heartbeats = messages.slice(1).filter((message) => message.body.action === 'check' && message.status === 204);
    expect(heartbeats.length).toBeGreaterThanOrEqual(1);
    for (const heartbeat of heartbeats) expect(heartbeat.body).toEqual({ kind: 'subscription', action: 'check', id, verifier });

    const completeIndex = actions(messages).indexOf('complete');
    expect(messages[completeIndex]?.body).toEqual({ kind: 'subscription', action: 'complete', id, verifier });
    expect(messages[completeIndex]?.status).toBe(202);
    expect(actions(messages.slice(completeIndex + 1))).not.toContain('next');

    for (const message of messages) {
      expect(message.method).toBe('POST');
      expect(message.path).toBe(`/callback/${id}`);
      expect(message.headers[callbackProtocolHeader.name]).toBe(callbackProtocolHeader.value);
      expect(message.headers['content-type']).toMatch(/^application\/json/);
    }
  });

  it('masks unexpected errors in next payloads and in complete, and keeps our typed errors', async () => {
    const { router, subgraph } = await setUp();

    router.expect('sub-label', 'v1');
    const first = await subscribe(subgraph, {
      query: 'subscription { ticks(ending: UNEXPECTED_ERROR) { n label(failOnTwo: true) } }',
      callbackUrl: `${router.url}/callback/sub-label`,
      id: 'sub-label',
      verifier: 'v1',
      heartbeatIntervalMs: 0,
    });
    expect(first.status).toBe(200);
    router.expect('sub-typed', 'v2');
    const second = await subscribe(subgraph, {
      query: 'subscription { ticks(ending: TYPED_ERROR) { n } }',
      callbackUrl: `${router.url}/callback/sub-typed`,
      id: 'sub-typed',
      verifier: 'v2',
      heartbeatIntervalMs: 0,
    });
    expect(second.status).toBe(200);
    await router.waitFor((messages) => messages.filter((message) => message.body.action === 'complete').length === 2);

    const completeOf = (id: string) => router.messages.find((message) => message.body.action === 'complete' && message.body.id === id)?.body;
    expect(completeOf('sub-label')).toMatchObject({
      kind: 'subscription',
      errors: [{ message: 'Unexpected error. It has been logged; try again later.', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }],
    });
    expect(completeOf('sub-typed')).toMatchObject({
      kind: 'subscription',
      errors: [{ message: 'Too many generations; retry in 30 s.', extensions: { code: ErrorCode.RATE_LIMITED, retryAfter: 30 } }],
    });
    expect(JSON.stringify(router.messages.map((message) => message.body))).not.toMatch(/password|sk-internal|stacktrace/);
    expect(router.messages.filter((message) => message.body.action === 'next').map((message) => message.body.id)).toEqual(['sub-label', 'sub-typed']);
  });

  it('masks a failing field inside a next payload', async () => {
    const { router, subgraph } = await setUp();
    router.expect('sub-field', 'v3');
    const response = await subscribe(subgraph, {
      query: 'subscription { ticks { n label(failOnTwo: true) } }',
      callbackUrl: `${router.url}/callback/sub-field`,
      id: 'sub-field',
      verifier: 'v3',
      heartbeatIntervalMs: 0,
    });
    expect(response.status).toBe(200);
    await router.waitFor((messages) => messages.filter((message) => message.body.action === 'next').length === 3);
    subgraph.release();
    await router.waitFor((messages) => messages.some((message) => message.body.action === 'complete'));

    const second = router.messages.filter((message) => message.body.action === 'next')[1]?.body;
    expect(second?.payload).toEqual({
      data: { ticks: { n: 2, label: null } },
      errors: [
        {
          message: 'Unexpected error. It has been logged; try again later.',
          path: ['ticks', 'label'],
          locations: [{ line: 1, column: 26 }],
          extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
        },
      ],
    });
  });

  it('fails the subscription request and sends no event when the router refuses the check', async () => {
    const { router, subgraph } = await setUp();
    router.expect('sub-refused', 'the-right-verifier');
    const response = await subscribe(subgraph, {
      query: 'subscription { ticks { n } }',
      callbackUrl: `${router.url}/callback/sub-refused`,
      id: 'sub-refused',
      verifier: 'a-wrong-verifier',
      heartbeatIntervalMs: 0,
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    const body = (await response.json()) as { errors?: unknown[] };
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(router.messages.map((message) => [message.body.action, message.status])).toEqual([['check', 401]]);
  });

  it('refuses a callback URL outside the allow-list without sending anything to it, and leaves other requests alone', async () => {
    const { router, subgraph } = await setUp();
    const elsewhere = await startFakeRouter();
    cleanups.push(() => elsewhere.close());
    elsewhere.expect('sub-ssrf', 'v');

    for (const callbackUrl of [`${elsewhere.url}/callback/sub-ssrf`, `${router.url}/admin/sub-ssrf`, 'file:///etc/passwd', 'not a url']) {
      const response = await subscribe(subgraph, { query: 'subscription { ticks { n } }', callbackUrl, id: 'sub-ssrf', verifier: 'v', heartbeatIntervalMs: 0 });
      expect(response.status).toBe(403);
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]?.extensions.code).toBe(ErrorCode.FORBIDDEN);
    }
    expect(elsewhere.messages).toEqual([]);
    expect(router.messages).toEqual([]);

    const query = await fetch(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ ping }' }) });
    expect(await query.json()).toEqual({ data: { ping: true } });
  });
});
