/**
 * The public error codes: every error that leaves the service carries one of these as
 * GraphQL `extensions.code`. Clients switch on them, so a code is never renamed.
 */
export const ErrorCode = {
  /** No credentials, or credentials that do not verify. HTTP 401. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** Authenticated, but the scope or tenant does not allow it. HTTP 403. */
  FORBIDDEN: 'FORBIDDEN',
  /** The request is malformed or an argument is out of range. HTTP 400. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** The incident, job, execution or draft does not exist (for this account). */
  NOT_FOUND: 'NOT_FOUND',
  /** Too many requests for the account; `extensions.retryAfter` says when to retry (seconds). */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The account's token budget for the period is spent; `extensions.retryAfter` in seconds. */
  BUDGET_EXCEEDED: 'BUDGET_EXCEEDED',
  /** A direct prompt injection was detected in the caller's own text. */
  INJECTION_BLOCKED: 'INJECTION_BLOCKED',
  /**
   * The incident source (PagerDuty, Runbook Automation, the supergraph) is down, too slow,
   * refused our credentials or answered something we cannot read. Retryable; `extensions.retryAfter`
   * (seconds) when the source said when.
   */
  INCIDENT_SOURCE_UNAVAILABLE: 'INCIDENT_SOURCE_UNAVAILABLE',
  /** The draft was published already; publish again with `force: true` to send it once more. HTTP 409. */
  ALREADY_PUBLISHED: 'ALREADY_PUBLISHED',
  /** Every provider in the feature's chain failed. */
  PROVIDER_UNAVAILABLE: 'PROVIDER_UNAVAILABLE',
  /** The model's answer did not match the output schema, even after the repair attempt. */
  INVALID_MODEL_OUTPUT: 'INVALID_MODEL_OUTPUT',
  /** The overall deadline of a generation passed. */
  DEADLINE_EXCEEDED: 'DEADLINE_EXCEEDED',
  /** The field's feature is declared in the contract but not built yet. */
  NOT_IMPLEMENTED: 'NOT_IMPLEMENTED',
  /** The process producing a streamed draft went away before finishing it; generate again. */
  GENERATION_INTERRUPTED: 'GENERATION_INTERRUPTED',
  /** The service is shutting down or not ready; retry on another replica. HTTP 503. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** A stored draft's output no longer parses with its feature's schema (an old or damaged row). */
  STORED_OUTPUT_INVALID: 'STORED_OUTPUT_INVALID',
  /** Anything unexpected; the message is masked and the details are in the logs. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** HTTP status that goes with a code when the error ends a plain HTTP request. */
export const httpStatusOf: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  BUDGET_EXCEEDED: 429,
  INJECTION_BLOCKED: 400,
  INCIDENT_SOURCE_UNAVAILABLE: 503,
  ALREADY_PUBLISHED: 409,
  PROVIDER_UNAVAILABLE: 503,
  INVALID_MODEL_OUTPUT: 502,
  DEADLINE_EXCEEDED: 504,
  NOT_IMPLEMENTED: 501,
  GENERATION_INTERRUPTED: 503,
  SERVICE_UNAVAILABLE: 503,
  STORED_OUTPUT_INVALID: 500,
  INTERNAL_SERVER_ERROR: 500,
};
