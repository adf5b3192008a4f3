/**
 * /graphql on plain `node:http`: the JSON body read within its limit, the operation answered
 * (graphql-fast-path.ts for a known operation, else Apollo's `executeHTTPGraphQLRequest`), and
 * the answer written back, inside the request span. This is
 * the request path of every draft, so it skips express (its router, body-parser and response
 * helpers cost more CPU than the rest of the hop); the other routes stay on express.
 */
import type http from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import { context as otelContext, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { OperationDefinitionNode } from 'graphql';
import type { Logger } from 'pino';
import type { GraphQLContext } from '../graphql/context.js';
import { requestTrace, type RequestTrace } from '../telemetry/request-trace.js';
import { executeFast, fastOperation, type FastAnswer, type FastPathOptions } from './graphql-fast-path.js';

/** Options of {@link createGraphqlHandler}. */
export interface GraphqlHandlerOptions {
  apollo: ApolloServer<GraphQLContext>;
  /** The request's context (auth) from its Authorization header, carrying the request's trace. */
  context: (authorization: string | undefined, trace: RequestTrace) => Promise<GraphQLContext>;
  /** The process logger: each request's lines go through a child with its trace ids (request-trace.ts). */
  logger: Logger;
  /** Largest accepted body, bytes. */
  bodyLimitBytes: number;
  /** While true, answers ask the client to close the connection (shutdown). */
  stopping: () => boolean;
  /** Answers the common request without Apollo's pipeline (graphql-fast-path.ts); null: always Apollo. */
  fastPath: FastPathOptions<GraphQLContext> | null;
}

/** Names the request span after its operation (GraphQL semantic conventions). */
export function nameOperationSpan(span: Span, operation: OperationDefinitionNode): void {
  const operationName = operation.name?.value;
  span.updateName(`${operation.operation}${operationName ? ` ${operationName}` : ''}`);
  span.setAttribute('graphql.operation.type', operation.operation);
  if (operationName) span.setAttribute('graphql.operation.name', operationName);
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
    // The request's trace rides on its GraphQL context (no context manager follows the awaits);
    // the span is also active for the synchronous start of the handling.
    const carried = requestTrace(options.logger, span);
    otelContext.with(carried.context, () => {
      handle(options, request, response, span, carried).catch((error: unknown) => {
        span.recordException(error as Error);
        if (!response.headersSent) sendErrors(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
        else response.destroy();
      });
    });
  };
}

async function handle(options: GraphqlHandlerOptions, request: http.IncomingMessage, response: http.ServerResponse, span: Span, carried: RequestTrace): Promise<void> {
  const body = await readBody(request, options.bodyLimitBytes);
  if (body.kind === 'too-large') return sendErrors(response, 413, 'PAYLOAD_TOO_LARGE', 'request entity too large');
  if (body.kind === 'bad-json') return sendErrors(response, 400, 'BAD_REQUEST', body.message);
  // While stopping, Apollo answers: it refuses requests once it has stopped.
  const fast = options.fastPath && !options.stopping() ? fastOperation(options.fastPath.documents, request.method, request.headers, body.value) : null;
  if (!fast) return viaApollo(options, request, response, body.value, () => options.context(request.headers.authorization, carried));
  let context: GraphQLContext;
  try {
    context = await options.context(request.headers.authorization, carried);
  } catch {
    // Apollo's own answer to a context that cannot be built.
    return viaApollo(options, request, response, body.value, () => options.context(request.headers.authorization, carried));
  }
  nameOperationSpan(span, fast.operation);
  const answer = await executeFast(options.fastPath!, fast, context);
  if (answer) return writeFast(response, answer);
  // Nothing ran (variables that do not coerce): Apollo answers, with the same context.
  return viaApollo(options, request, response, body.value, () => Promise.resolve(context));
}

function writeFast(response: http.ServerResponse, answer: FastAnswer): void {
  for (const [key, value] of answer.headers) response.setHeader(key, value);
  response.statusCode = answer.status;
  response.end(answer.body);
}

async function viaApollo(
  options: GraphqlHandlerOptions,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  body: unknown,
  context: () => Promise<GraphQLContext>,
): Promise<void> {
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
    body,
  };
  const answer = await options.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context });
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
    let ended = false;
    request.once('end', () => {
      ended = true;
      resolve(size > limit ? { kind: 'too-large' } : parseBody(request.headers['content-type'], chunks, size));
    });
    request.once('error', reject);
    // A connection closed before the body ended. `close` follows every `end` too: the Error (and
    // its stack trace) is built only when it means something.
    request.once('close', () => {
      if (!ended) reject(new Error('the request closed before its body ended'));
    });
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
