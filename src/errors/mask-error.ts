import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { isAppError } from './app-error.js';
import { ErrorCode } from './error-codes.js';
import { describeTokenLimit } from './token-limit.js';

/**
 * The logger of the request an error belongs to (its child with the request's trace ids,
 * request-trace.ts), noted when the request met the error: `formatError` is not given the
 * request's context.
 */
const requestLoggers = new WeakMap<object, Logger>();

/** Notes that `errors` belong to the request logging through `logger` (see {@link requestErrorLoggerPlugin}). */
export function noteRequestErrors(errors: readonly object[], logger: Logger): void {
  for (const error of errors) requestLoggers.set(error, logger);
}

/**
 * Apollo `formatError`: our typed errors keep their message and code; errors that already
 * carry a code (validation, parsing, limits) pass; anything else is masked and logged, so
 * no stack, SQL or provider detail ever reaches a client.
 */
export function createErrorMasker(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isAppError(original)) {
      return { ...formatted, message: original.message, extensions: { ...original.extensions, code: original.code } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      const tokenLimit = code === 'GRAPHQL_PARSE_FAILED' ? describeTokenLimit(formatted.message) : null;
      return tokenLimit ? { ...formatted, message: tokenLimit, extensions: { ...extensions, limit: 'maxTokens' } } : { ...formatted, extensions };
    }
    const requestLogger = typeof error === 'object' && error !== null ? requestLoggers.get(error) : undefined;
    (requestLogger ?? logger).error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL operation');
    return {
      message: 'Unexpected error. It has been logged; try again later.',
      ...(formatted.path && { path: formatted.path }),
      ...(formatted.locations && { locations: formatted.locations }),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
