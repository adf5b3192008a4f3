import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-codes.js';

/** Options of an {@link AppError}. */
export interface AppErrorOptions {
  /** The underlying error, kept for logs; never shown to clients. */
  cause?: unknown;
  /** Whether the same request may succeed if retried later. */
  retryable?: boolean;
  /** Extra public fields merged into GraphQL `extensions` (e.g. `retryAfter`). */
  extensions?: Record<string, unknown>;
}

/**
 * The base of every error the service raises on purpose. Its message is meant for a person
 * and is shown to clients; its `code` is stable.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  /** Public GraphQL extensions, `code` included (graphql-js copies them onto located errors). */
  readonly extensions: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.extensions = { ...options.extensions, code };
  }

  /** The error as GraphQL sends it: message plus `extensions.code` and public extensions. */
  toGraphQLError(): GraphQLError {
    return new GraphQLError(this.message, {
      extensions: this.extensions,
      originalError: this,
    });
  }
}

export const notFound = (what: string, id: string): AppError =>
  new AppError(ErrorCode.NOT_FOUND, `${what} "${id}" was not found.`, { extensions: { id } });

export const badInput = (message: string, field?: string): AppError =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, field ? { extensions: { field } } : {});

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
