/**
 * The common /graphql request without Apollo Server's pipeline: a POST of one operation whose
 * text Apollo has already parsed and validated, executed with graphql-js `execute` against the
 * same schema (shield and every resolver as through Apollo) and answered with the bytes Apollo
 * would answer. Apollo's pipeline costs a SHA-256 of the operation text, a document cache
 * lookup, a context copy, ~15 plugin hooks each awaited through `Promise.all`, and header maps,
 * on every draft; none of it changes the answer of such a request.
 *
 * What Apollo (with our plugins, http-server.ts) does to such a request, and where it is here:
 * - CSRF prevention: passes for every JSON content type, the only bodies the handler parses.
 * - Parsing, validation (our rules and Apollo's own), the token limit: done by Apollo the first
 *   time a text is seen; {@link rememberValidatedDocumentsPlugin} keeps the document.
 * - `didResolveOperation` (operation span name): {@link FastPathOptions.onOperation}.
 * - `didEncounterErrors` (armor's suggestion mask outside development): `errorPlugins`.
 * - `formatError` (our masking) and Apollo's error normalization: {@link formatErrors}.
 * - `willSendResponse` (`cache-control: no-store`, lean-apollo-plugins.ts) and the content type.
 * Anything else goes through Apollo: other methods, batches, APQ or other `extensions`, an
 * `accept` header not in {@link contentTypeByAccept}, an ftv1 trace request, a subscription, an
 * operation name the document does not have, variables that do not coerce (execution stops
 * before any resolver runs, so Apollo runs it again from the start with the same context), and
 * the first request of every operation text.
 */
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import { execute, getOperationAST, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLFormattedError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { IncomingHttpHeaders } from 'node:http';
import type { ValidatedDocuments } from '../graphql/validated-documents.js';

/** An operation the fast path can answer: its document and the request's own parts. */
export interface FastOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
  contentType: string;
}

/** The answer to write: Apollo's status, headers (in Apollo's order) and body. */
export interface FastAnswer {
  status: number;
  headers: [string, string][];
  body: string;
}

export interface FastPathOptions<Context extends BaseContext> {
  schema: GraphQLSchema;
  documents: ValidatedDocuments;
  /** Apollo's `formatError`. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** The plugins whose `didEncounterErrors` must see the errors of an answer (armor's). */
  errorPlugins: readonly ApolloServerPlugin<Context>[];
}

// Apollo's answer for each `accept` value (chooseContentTypeForSingleResultResponse, negotiated);
// the handler's test sends each one through both paths.
const applicationJson = 'application/json; charset=utf-8';
const contentTypeByAccept = new Map<string | undefined, string>([
  [undefined, applicationJson],
  ['', applicationJson],
  ['*/*', applicationJson],
  ['application/json', applicationJson],
  ['application/json, */*', applicationJson],
  ['application/json;charset=utf-8', applicationJson],
  ['application/graphql-response+json', 'application/graphql-response+json; charset=utf-8'],
  ['application/graphql-response+json, application/json;q=0.9', 'application/graphql-response+json; charset=utf-8'],
  ['application/graphql-response+json,application/json;q=0.9', 'application/graphql-response+json; charset=utf-8'],
]);

const allowedKeys = new Set(['query', 'variables', 'operationName']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);

/** The operation of a request body the fast path can answer, or null for Apollo. */
export function fastOperation(documents: ValidatedDocuments, method: string | undefined, headers: IncomingHttpHeaders, body: unknown): FastOperation | null {
  if (method !== 'POST' || !isRecord(body)) return null;
  const contentType = contentTypeByAccept.get(headers.accept);
  if (contentType === undefined || headers['apollo-federation-include-trace'] !== undefined) return null;
  for (const key in body) if (!allowedKeys.has(key)) return null;
  const { query, variables, operationName } = body;
  if (typeof query !== 'string' || query.length === 0) return null;
  if (variables !== undefined && variables !== null && !isRecord(variables)) return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  const document = documents.get(query);
  if (document === undefined) return null;
  const name = typeof operationName === 'string' ? operationName : undefined;
  const operation = getOperationAST(document, name);
  if (!operation || operation.operation === 'subscription') return null;
  return { document, operation, variables: isRecord(variables) ? variables : undefined, operationName: name, contentType };
}

/**
 * Executes `operation` with `contextValue`; null when execution stopped before any resolver
 * ran (no data: variables that do not coerce), for Apollo to answer.
 */
export async function executeFast<Context extends BaseContext>(options: FastPathOptions<Context>, operation: FastOperation, contextValue: Context): Promise<FastAnswer | null> {
  let result: ExecutionResult;
  try {
    result = await execute({ schema: options.schema, document: operation.document, contextValue, variableValues: operation.variables, operationName: operation.operationName });
  } catch (error) {
    // Apollo's answer to an execution that threw: its errors, status 500.
    return answer(operation, await errorsAnswered(options, [asGraphQLError(error)], contextValue), undefined, 500);
  }
  if (result.data === undefined) return null;
  const errors = result.errors ? await errorsAnswered(options, result.errors, contextValue) : null;
  return answer(operation, errors, result, 200);
}

interface AnsweredErrors {
  formatted: GraphQLFormattedError[];
  status: number | undefined;
  headers: [string, string][];
}

async function errorsAnswered<Context extends BaseContext>(options: FastPathOptions<Context>, errors: readonly GraphQLError[], contextValue: Context): Promise<AnsweredErrors> {
  for (const plugin of options.errorPlugins) {
    // The plugins given here read nothing of the request context but `contextValue` (armor's
    // mask reads nothing; the request error logger its trace).
    const listener = await plugin.requestDidStart?.({ contextValue } as GraphQLRequestContext<Context>);
    await listener?.didEncounterErrors?.({ errors, contextValue } as never);
  }
  return formatErrors(errors, options.formatError);
}

function answer(operation: FastOperation, errors: AnsweredErrors | null, result: ExecutionResult | undefined, status: number): FastAnswer {
  // Apollo's order: headers from errors, then cache-control (willSendResponse), then content-type.
  const headers: [string, string][] = errors ? [...errors.headers] : [];
  setHeader(headers, 'cache-control', 'no-store', (existing) => existing === 'no-store' || /^max-age=(\d+), (public|private)$/.test(existing));
  setHeader(headers, 'content-type', operation.contentType, () => false);
  // Apollo's body: errors, data, extensions in that order (orderExecutionResultFields), then a newline.
  const body = `${JSON.stringify({ errors: errors?.formatted, data: result?.data, extensions: result?.extensions })}\n`;
  return { status: errors?.status ?? status, headers, body };
}

/** Sets `name` unless present; a present value is replaced only when `replaces` says so. */
function setHeader(headers: [string, string][], name: string, value: string, replaces: (existing: string) => boolean): void {
  const entry = headers.find(([key]) => key === name);
  if (!entry) headers.push([name, value]);
  else if (replaces(entry[1])) entry[1] = value;
}

/** Apollo's `normalizeAndFormatErrors` (errorNormalize.js) without stack traces (`includeStacktraceInErrorResponses: false`). */
export function formatErrors(
  errors: readonly GraphQLError[],
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
): AnsweredErrors {
  let status: number | undefined;
  const headers: [string, string][] = [];
  const formatted = errors.map((error) => {
    try {
      return formatError(enrich(error), error);
    } catch {
      return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
  });
  return { formatted, status, headers };

  function enrich(error: unknown): GraphQLFormattedError {
    const graphqlError = asGraphQLError(error);
    const extensions: Record<string, unknown> = { ...graphqlError.extensions, code: graphqlError.extensions.code ?? 'INTERNAL_SERVER_ERROR' };
    const http = extensions.http;
    if (isHttpHead(http)) {
      if (http.status) status = http.status;
      for (const [name, value] of http.headers ?? []) {
        const entry = headers.find(([key]) => key === name);
        if (entry) entry[1] = value;
        else headers.push([name, value]);
      }
      delete extensions.http;
    }
    return { ...graphqlError.toJSON(), extensions };
  }
}

function isHttpHead(value: unknown): value is { status?: number; headers?: Map<string, string> } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (!('status' in value) || typeof value.status === 'number') &&
    (!('headers' in value) || value.headers instanceof Map)
  );
}

function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof Error) return new GraphQLError(error.message, { originalError: error });
  return new GraphQLError(`Unexpected error value: ${String(error)}`);
}

/**
 * Keeps every document Apollo parsed and validated (reaching `didResolveOperation` means both
 * passed), by its operation text, for {@link fastOperation}.
 */
export function rememberValidatedDocumentsPlugin<Context extends BaseContext>(documents: ValidatedDocuments): ApolloServerPlugin<Context> {
  const listener = {
    async didResolveOperation({ source, document }: { source: string; document: DocumentNode }) {
      if (documents.get(source) === undefined) documents.remember(source, document);
    },
  };
  return { requestDidStart: async () => listener };
}
