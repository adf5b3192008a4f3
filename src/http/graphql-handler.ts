/**
 * /graphql on plain `node:http`: the JSON body read within its limit, Apollo's
 * `executeHTTPGraphQLRequest`, and the answer written back, inside the request span. This is
 * the request path of every draft, so it skips express (its router, body-parser and response
 * helpers cost more CPU than the rest of the hop); the other routes stay on express.
 */
import type http from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import { context as otelContext, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { GraphQLContext } from '../graphql/context.js';

/** Options of {@link createGraphqlHandler}. */
export interface GraphqlHandlerOptions {
  apollo: ApolloServer<GraphQLContext>;
  /** The request's context (auth) from its Authorization header. */
  context: (authorization: string | undefined) => Promise<GraphQLContext>;
  /** Largest accepted body, bytes. */
  bodyLimitBytes: number;
  /** While true, answers ask the client to close the connection (shutdown). */
  stopping: () => boolean;
}

/** Whether a request URL is on /graphql (the path itself or below it, any query string). */
export function isGraphqlPath(url: string | undefined): boolean {
  if (!url?.startsWith('/graphql')) return false;
  const next = url.charCodeAt(8);
  return Number.isNaN(next) || next === 0x3f /* ? */ || next === 0x2f; /* / */
}

/** A handler for `isGraphqlPath` requests. */
export function createGraphqlHandler(options: GraphqlHandlerOptions): (request: http.IncomingMessage, response: http.ServerResponse) => void {
  const tracer = trace.getTracer('incident-ai');
  return (request, response) => {
    if (options.stopping()) response.setHeader('connection', 'close');
    const span = tracer.startSpan(`${request.method} /graphql`, {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': request.method ?? 'GET', 'url.path': '/graphql' },
    });
    response.once('finish', () => {
      span.setAttribute('http.response.status_code', response.statusCode);
      if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    otelContext.with(trace.setSpan(otelContext.active(), span), () => {
      handle(options, request, response).catch((error: unknown) => {
        span.recordException(error as Error);
        if (!response.headersSent) sendErrors(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
        else response.destroy();
      });
    });
  };
}

async function handle(options: GraphqlHandlerOptions, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const body = await readBody(request, options.bodyLimitBytes);
  if (body.kind === 'too-large') return sendErrors(response, 413, 'PAYLOAD_TOO_LARGE', 'request entity too large');
  if (body.kind === 'bad-json') return sendErrors(response, 400, 'BAD_REQUEST', body.message);
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = request.url ?? '/graphql';
  const query = url.indexOf('?');
  const httpGraphQLRequest: HTTPGraphQLRequest = {
    method: (request.method ?? 'GET').toUpperCase(),
    headers,
    search: query === -1 ? '' : url.slice(query),
    body: body.value,
  };
  const answer = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest,
    context: () => options.context(request.headers.authorization),
  });
  for (const [key, value] of answer.headers) response.setHeader(key, value);
  response.statusCode = answer.status ?? 200;
  if (answer.body.kind === 'complete') {
    response.end(answer.body.string);
    return;
  }
  for await (const chunk of answer.body.asyncIterator) response.write(chunk);
  response.end();
}

type Body = { kind: 'ok'; value: unknown } | { kind: 'too-large' } | { kind: 'bad-json'; message: string };

/** The JSON body (as express.json reads it: only for a JSON content type, `{}` when empty), within `limit` bytes. */
function readBody(request: http.IncomingMessage, limit: number): Promise<Body> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) {
    request.resume();
    return Promise.resolve({ kind: 'too-large' });
  }
  // Plain stream events: an async iterator over the request costs a generator, a promise per
  // chunk and end-of-stream listeners on every request of the hot path.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.once('end', () => resolve(size > limit ? { kind: 'too-large' } : parseBody(request.headers['content-type'], chunks, size)));
    request.once('error', reject);
    // A connection closed before the body ended (after `end`, `close` changes nothing).
    request.once('close', () => reject(new Error('the request closed before its body ended')));
  });
}

function parseBody(type: string | undefined, chunks: Buffer[], size: number): Body {
  if (!type || !/^application\/json\b/i.test(type)) return { kind: 'ok', value: undefined };
  if (size === 0) return { kind: 'ok', value: {} };
  const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, size).toString('utf8');
  try {
    return { kind: 'ok', value: JSON.parse(text) as unknown };
  } catch (error) {
    return { kind: 'bad-json', message: error instanceof Error ? error.message : 'Invalid JSON.' };
  }
}

function sendErrors(response: http.ServerResponse, status: number, code: string, message: string): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
