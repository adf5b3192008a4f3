/**
 * The one error family of incident sources: everything a caller may see when PagerDuty,
 * Runbook Automation or the supergraph cannot give us an incident. Messages name the source,
 * never a credential; `reason` lets tests and logs tell the cases apart.
 */
import { AppError } from '../../errors/app-error.js';
import { ErrorCode } from '../../errors/error-codes.js';

/** Why a source could not answer. */
export type UpstreamFailureReason =
  /** Connection refused, reset, DNS: the source did not answer at all. */
  | 'unreachable'
  /** The per-request timeout or the overall deadline passed. */
  | 'timeout'
  /** 5xx after the retries the deadline allowed. */
  | 'server_error'
  /** 429 that could not be waited out within the deadline. */
  | 'rate_limited'
  /** 401/403: the source refused our credentials. */
  | 'credentials_refused'
  /** Another 4xx: the source refused the request itself. */
  | 'request_refused'
  /** A body that is not JSON or does not match the documented shape. */
  | 'malformed_response'
  /** The circuit breaker of the source is open after repeated failures. */
  | 'circuit_open';

const messages: Record<UpstreamFailureReason, (source: string) => string> = {
  unreachable: (source) => `${source} could not be reached. Try again shortly.`,
  timeout: (source) => `${source} did not answer in time. Try again shortly.`,
  server_error: (source) => `${source} is failing (server errors). Try again shortly.`,
  rate_limited: (source) => `${source} is rate limiting our requests. Try again after the indicated time.`,
  credentials_refused: (source) => `${source} refused the service's credentials; an operator must fix the source's configuration.`,
  request_refused: (source) => `${source} refused the request.`,
  malformed_response: (source) => `${source} answered with data the service cannot read.`,
  circuit_open: (source) => `${source} is failing repeatedly; requests to it are paused. Try again shortly.`,
};

/** `INCIDENT_SOURCE_UNAVAILABLE` for one source and reason; `retryAfterMs` becomes `extensions.retryAfter` (seconds). */
export function sourceUnavailable(
  source: string,
  reason: UpstreamFailureReason,
  options: { retryAfterMs?: number | null; cause?: unknown } = {},
): AppError {
  const retryAfter = options.retryAfterMs != null ? Math.max(1, Math.ceil(options.retryAfterMs / 1000)) : undefined;
  return new AppError(ErrorCode.INCIDENT_SOURCE_UNAVAILABLE, messages[reason](source), {
    cause: options.cause,
    retryable: reason !== 'credentials_refused' && reason !== 'malformed_response' && reason !== 'request_refused',
    extensions: { source, reason, ...(retryAfter !== undefined && { retryAfter }) },
  });
}

/** The reason of an `INCIDENT_SOURCE_UNAVAILABLE` error, or null for any other error. */
export function upstreamReasonOf(error: unknown): UpstreamFailureReason | null {
  if (error instanceof AppError && error.code === ErrorCode.INCIDENT_SOURCE_UNAVAILABLE) {
    return (error.extensions.reason as UpstreamFailureReason | undefined) ?? null;
  }
  return null;
}
