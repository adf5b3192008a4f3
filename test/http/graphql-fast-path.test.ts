/**
 * The fast path (src/http/graphql-fast-path.ts) answers byte for byte as Apollo Server: one
 * service with it, one with GRAPHQL_FAST_PATH=false, the same requests to both in the same
 * order, every answer's status, headers (in order) and body compared.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface RawAnswer {
  status: number;
  headers: string[];
  body: string;
}

// Per connection or per moment: not part of what Apollo answers.
const transportHeaders = new Set(['date', 'connection', 'keep-alive']);

function send(service: TestApp, body: string, headers: Record<string, string>): Promise<RawAnswer> {
  const url = new URL(service.graphqlUrl);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        const raw = response.rawHeaders;
        const kept: string[] = [];
        for (let index = 0; index < raw.length; index += 2) {
          if (!transportHeaders.has(raw[index]!.toLowerCase())) kept.push(`${raw[index]!.toLowerCase()}: ${raw[index + 1]}`);
        }
        resolve({ status: response.statusCode ?? 0, headers: kept, body: text });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

let fast: TestApp;
let apollo: TestApp;
// Three generations a minute per account: the fourth draft of an account is throttled.
const environment = { RATE_LIMIT_RPM: '3' };
beforeAll(async () => {
  [fast, apollo] = await Promise.all([startTestApp(environment), startTestApp({ ...environment, GRAPHQL_FAST_PATH: 'false' })]);
});
afterAll(async () => {
  await Promise.all([fast?.close(), apollo?.close()]);
});

/** Sends `body` to both services `times` times; every answer must be the same on both. */
async function expectSameAnswers(body: unknown, options: { token?: 'demo' | 'none' | string; headers?: Record<string, string>; times?: number } = {}): Promise<RawAnswer[]> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const answers: RawAnswer[] = [];
  for (let round = 0; round < (options.times ?? 3); round++) {
    const tokenOf = (service: TestApp): string | undefined => (options.token === 'none' ? undefined : options.token === undefined || options.token === 'demo' ? service.token : options.token);
    const headersOf = (service: TestApp): Record<string, string> => {
      const token = tokenOf(service);
      return { ...(token && { authorization: `Bearer ${token}` }), ...options.headers };
    };
    const [viaFast, viaApollo] = await Promise.all([send(fast, text, headersOf(fast)), send(apollo, text, headersOf(apollo))]);
    expect(viaFast, `round ${round} of ${text}`).toEqual(viaApollo);
    answers.push(viaFast);
  }
  return answers;
}

const statusUpdate = /* GraphQL */ `
  mutation Draft($input: DraftStatusUpdateInput!) {
    draftStatusUpdate(input: $input) { kind state incidentId audience text unverifiedCount generation { provider model degraded attempts } }
  }
`;

describe('the fast path answers as Apollo Server', () => {
  it('a query, named or not, with and without an operation name', async () => {
    const [first] = await expectSameAnswers({ query: '{ _service { sdl } }' });
    expect(first!.status).toBe(200);
    expect(first!.headers).toEqual(['cache-control: no-store', 'content-type: application/json; charset=utf-8', `content-length: ${Buffer.byteLength(first!.body)}`]);
    await expectSameAnswers({ query: 'query Sdl { _service { sdl } }', operationName: 'Sdl' });
    await expectSameAnswers({ query: 'query Sdl { _service { sdl } }', operationName: null, variables: null });
    await expectSameAnswers({ query: 'query A { _service { sdl } } query B { __typename }', operationName: 'B' });
  });

  it('an operation name the document does not have, or none for a document of two', async () => {
    const [missing] = await expectSameAnswers({ query: 'query A { _service { sdl } } query B { __typename }', operationName: 'C' });
    expect(missing!.status).toBe(400);
    await expectSameAnswers({ query: 'query A { _service { sdl } } query B { __typename }' });
  });

  it('validation and parse errors', async () => {
    const [invalid] = await expectSameAnswers({ query: '{ noSuchField }' });
    expect(invalid!.status).toBe(400);
    await expectSameAnswers({ query: '{ _service { sdl }' });
    await expectSameAnswers({ query: '' });
  });

  it('a field that needs a caller, without one or with a bad token', async () => {
    const [anonymous] = await expectSameAnswers({ query: 'query($id: ID!) { draft(id: $id) { id } }', variables: { id: 'nope' } }, { token: 'none' });
    expect(anonymous!.body).toContain('UNAUTHENTICATED');
    await expectSameAnswers({ query: 'query($id: ID!) { draft(id: $id) { id } }', variables: { id: 'nope' } }, { token: 'not-a-jwt' });
  });

  it('a scope the caller does not have', async () => {
    const reader = await fast.tokenFor('demo', ['ai:read']);
    const readerOfApollo = await apollo.tokenFor('demo', ['ai:read']);
    const body = JSON.stringify({ query: '{ providerHealth { providerId } }' });
    for (let round = 0; round < 3; round++) {
      const [viaFast, viaApollo] = await Promise.all([send(fast, body, { authorization: `Bearer ${reader}` }), send(apollo, body, { authorization: `Bearer ${readerOfApollo}` })]);
      expect(viaFast).toEqual(viaApollo);
      expect(viaFast.body).toContain('FORBIDDEN');
    }
  });

  it('variables that do not coerce, and variables of the wrong shape', async () => {
    const query = 'query($id: ID!) { draft(id: $id) { id } }';
    const [missing] = await expectSameAnswers({ query, variables: {} });
    expect(missing!.status).toBe(400);
    await expectSameAnswers({ query, variables: { id: { not: 'an id' } } });
    await expectSameAnswers({ query, variables: '{"id": "x"}' });
    await expectSameAnswers({ query, variables: [1] });
    await expectSameAnswers({ query, operationName: 7 });
  });

  it('resolver results: a draft that is not there, a draft mutation, a typed error', async () => {
    const [notThere] = await expectSameAnswers({ query: 'query($id: ID!) { draft(id: $id) { id } }', variables: { id: '00000000-0000-0000-0000-000000000000' } });
    expect(notThere!.status).toBe(200);
    const [drafted] = await expectSameAnswers({ query: statusUpdate, variables: { input: { incidentId: 'PDEMO01', audience: 'RESPONDERS' } } }, { times: 2 });
    expect(drafted!.body).toContain('"state":"COMPLETE"');
    await expectSameAnswers({ query: statusUpdate, variables: { input: { incidentId: 'NO-SUCH-INCIDENT', audience: 'RESPONDERS' } } }, { times: 2 });
  });

  it('a throttled generation', async () => {
    const body = { query: statusUpdate, variables: { input: { incidentId: 'PDEMO02', audience: 'PUBLIC' } } };
    const tokens = await Promise.all([fast.tokenFor('demo', ['ai:read', 'ai:write']), apollo.tokenFor('demo', ['ai:read', 'ai:write'])]);
    const text = JSON.stringify(body);
    let throttled: RawAnswer | null = null;
    // The demo account's drafts of the tests before count too: at most four more reach the limit.
    for (let round = 0; round < 4 && !throttled; round++) {
      const [viaFast, viaApollo] = await Promise.all([send(fast, text, { authorization: `Bearer ${tokens[0]}` }), send(apollo, text, { authorization: `Bearer ${tokens[1]}` })]);
      expect(viaFast, `round ${round}`).toEqual(viaApollo);
      if (viaFast.body.includes('RATE_LIMITED')) throttled = viaFast;
    }
    expect(throttled).not.toBeNull();
  });

  it('accept headers, a batch, persisted queries, extensions, a trace request, a GET', async () => {
    const body = { query: '{ _service { sdl } }' };
    for (const accept of ['*/*', 'application/json', 'application/graphql-response+json', 'application/graphql-response+json,application/json;q=0.9', 'text/html', 'application/xml']) {
      await expectSameAnswers(body, { headers: { accept } });
    }
    await expectSameAnswers([body, body]);
    await expectSameAnswers({ ...body, extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } });
    await expectSameAnswers({ ...body, extensions: {} });
    await expectSameAnswers({ ...body, other: 1 });
    // A trace holds timings: Apollo answers it (twice, so the text is known), with a trace.
    for (let round = 0; round < 2; round++) {
      const traced = await send(fast, JSON.stringify(body), { authorization: `Bearer ${fast.token}`, 'apollo-federation-include-trace': 'ftv1' });
      expect(traced.status).toBe(200);
      expect((JSON.parse(traced.body) as { extensions?: { ftv1?: string } }).extensions?.ftv1).toEqual(expect.any(String));
    }
    await expectSameAnswers('{}');
    await expectSameAnswers('null');
  });
});
