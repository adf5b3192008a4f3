/**
 * The HTTP JSON client every incident driver uses, on the global `fetch`. Per request: a
 * timeout; per load: an overall deadline. Retries with exponential backoff and full jitter
 * on network errors, timeouts, 5xx and 429 while the deadline allows; a 429 closes the
 * token's gate for every caller until the source's reset. One circuit breaker per
 * upstream. Every failure becomes `INCIDENT_SOURCE_UNAVAILABLE`; a 404 is `null`.
 *
 * Credentials live only in the `headers` given at creation: they are sent, never logged,
 * never put in an error (messages name the source; the log names the setting to fix).
 */
import { context as otelContext, isSpanContextValid, SpanKind, SpanStatusCode, trace, type Context, type Span, type Tracer } from '@opentelemetry/api';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { backoffDelay } from '../../resilience/backoff.js';
/** The tracer of upstream requests to incident sources (the service's one name, as in llm/tracing.ts). */
const tracerName = 'incident-ai';
import type { CircuitBreaker } from '../../resilience/circuit-breaker.js';
import { createDeadline, sleep, type Deadline } from './deadline.js';
import { retryAfterMs } from './retry-after.js';
import { CoolDownPastDeadline, type TokenGate } from './token-gate.js';
import { sourceUnavailable, type UpstreamFailureReason } from './upstream-error.js';

/** Options of {@link createUpstreamClient}. */
export interface UpstreamClientOptions {
  /** Name shown to callers and in logs, e.g. `PagerDuty`. */
  source: string;
  /** Base URL; request paths are appended to it. */
  baseUrl: string;
  /** Sent with every request (authorization included). Never logged. */
  headers: Record<string, string>;
  /** The setting an operator fixes when the source refuses the credentials, e.g. `PAGERDUTY_API_TOKEN`. */
  credentialSetting: string;
  /** The gate of the credential (shared by every client using the same token). */
  gate: TokenGate;
  /** The breaker of this upstream. */
  breaker: CircuitBreaker;
  /** Timeout of one HTTP request (ms). */
  requestTimeoutMs: number;
  /** Default overall deadline of one load, retries and pages included (ms). */
  deadlineMs: number;
  /** Backoff of retries: first cap and upper cap (ms). */
  backoff: { baseMs: number; maxMs: number };
  /** Attempts per request, the first included. */
  maxAttempts: number;
  logger: Logger;
  /** One CLIENT span per attempt (method, path, status, attempt; never a header). Default: the global tracer. */
  tracer?: Tracer;
  clock?: { now(): number };
  random?: () => number;
}

/** One request. `query` values that are arrays are sent as repeated `key[]=value` pairs. */
export interface UpstreamRequest<T> {
  method?: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | number | boolean | readonly string[] | undefined>;
  body?: unknown;
  /** A body sent as is with its content type (e.g. Rundeck's YAML job import), instead of `body`. */
  rawBody?: { text: string; contentType: string };
  /** Reads a 2xx body's text (default `JSON.parse`); a throw makes the answer malformed. */
  parse?: (text: string) => unknown;
  /** Extra headers of this request (e.g. PagerDuty's `From`). */
  headers?: Record<string, string>;
  /** The documented shape of a 2xx body. */
  schema: z.ZodType<T>;
  /** The overall deadline (from {@link UpstreamClient.deadline}); default a fresh one. */
  deadline?: Deadline;
  /** The trace context of the request asking (its spans' parent); default the deadline's, else the active one. */
  trace?: Context;
  /** Retry non-idempotent requests too (default: GET only). */
  retry?: boolean;
}

export interface UpstreamClient {
  readonly source: string;
  /** A deadline covering several requests (all pages of one incident); `trace`: the asking request's trace context. */
  deadline(parent?: AbortSignal, trace?: Context): Deadline;
  /** The parsed body, or null on 404. Throws `INCIDENT_SOURCE_UNAVAILABLE` otherwise. */
  request<T>(request: UpstreamRequest<T>): Promise<T | null>;
}

type AttemptOutcome<T> =
  | { kind: 'done'; value: T | null }
  | { kind: 'retry'; reason: UpstreamFailureReason; waitMs: number | null; cause?: unknown };

export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const clock = options.clock ?? Date;
  const random = options.random ?? Math.random;
  const { source, logger, gate, breaker } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const tracer = options.tracer ?? trace.getTracer(tracerName);

  const urlOf = (request: UpstreamRequest<unknown>): string => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const item of value) search.append(`${key}[]`, item);
      else search.append(key, String(value));
    }
    const query = search.toString();
    return `${baseUrl}${request.path}${query ? `?${query}` : ''}`;
  };

  async function attempt<T>(request: UpstreamRequest<T>, deadline: Deadline, attemptNumber: number): Promise<AttemptOutcome<T>> {
    const method = request.method ?? 'GET';
    // The parent is carried explicitly (no context manager follows the awaits); the span is
    // active for the synchronous start of the attempt, and its ids are on the attempt's log lines.
    const parent = request.trace ?? deadline.trace ?? otelContext.active();
    const span = tracer.startSpan(
      `${method} ${source}`,
      {
        kind: SpanKind.CLIENT,
        attributes: { 'http.request.method': method, 'url.path': request.path, 'incident_ai.source': source, 'incident_ai.attempt': attemptNumber },
      },
      parent,
    );
    return otelContext.with(trace.setSpan(parent, span), async () => {
      try {
        const outcome = await attemptInSpan(request, deadline, span);
        if (outcome.kind === 'retry') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.reason });
        return outcome;
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as { extensions?: { reason?: string } }).extensions?.reason ?? 'error' });
        throw error;
      } finally {
        span.end();
      }
    });
  }

  async function attemptInSpan<T>(request: UpstreamRequest<T>, deadline: Deadline, span: Span): Promise<AttemptOutcome<T>> {
    let leave: () => void;
    try {
      leave = await gate.enter(deadline);
    } catch (error) {
      if (error instanceof CoolDownPastDeadline) throw sourceUnavailable(source, 'rate_limited', { retryAfterMs: error.retryAfterMs });
      throw sourceUnavailable(source, 'timeout', { cause: error });
    }
    const permit = breaker.acquire();
    if (!permit) {
      leave();
      throw sourceUnavailable(source, 'circuit_open');
    }
    const signal = AbortSignal.any([deadline.signal, AbortSignal.timeout(options.requestTimeoutMs)]);
    const method = request.method ?? 'GET';
    try {
      let response: Response;
      let text: string;
      try {
        response = await fetch(urlOf(request), {
          method,
          signal,
          headers: {
            ...options.headers,
            ...request.headers,
            ...(request.body !== undefined && { 'Content-Type': 'application/json' }),
            ...(request.rawBody && { 'Content-Type': request.rawBody.contentType }),
          },
          ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
          ...(request.rawBody && { body: request.rawBody.text }),
        });
        text = await response.text();
      } catch (error) {
        permit.failure();
        const timedOut = signal.aborted;
        return { kind: 'retry', reason: timedOut ? 'timeout' : 'unreachable', waitMs: null, cause: describeCause(error) };
      }
      const status = response.status;
      span.setAttribute('http.response.status_code', status);
      if (status === 404) {
        permit.success();
        return { kind: 'done', value: null };
      }
      if (status === 401 || status === 403) {
        permit.neutral();
        logger.error({ source, status, path: request.path, setting: options.credentialSetting, ...spanLogFields(span) }, `${source} refused the credentials: check ${options.credentialSetting}`);
        throw sourceUnavailable(source, 'credentials_refused');
      }
      if (status === 429) {
        permit.neutral();
        const waitMs = retryAfterMs(response.headers, clock.now());
        gate.coolDown(waitMs ?? backoffDelay(0, options.backoff, () => 1));
        return { kind: 'retry', reason: 'rate_limited', waitMs: waitMs ?? 0 };
      }
      if (status >= 500) {
        permit.failure();
        return { kind: 'retry', reason: 'server_error', waitMs: retryAfterMs(response.headers, clock.now()), cause: `HTTP ${status}` };
      }
      if (status < 200 || status >= 300) {
        permit.neutral();
        logger.warn({ source, status, path: request.path, ...spanLogFields(span) }, `${source} refused a request`);
        throw sourceUnavailable(source, 'request_refused', { cause: `HTTP ${status}` });
      }
      permit.success();
      let json: unknown;
      try {
        json = text === '' ? null : (request.parse ?? JSON.parse)(text);
      } catch {
        logger.warn({ source, path: request.path, status, ...spanLogFields(span) }, `${source} answered a body that is not JSON`);
        throw sourceUnavailable(source, 'malformed_response');
      }
      const parsed = request.schema.safeParse(json);
      if (!parsed.success) {
        const issues = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
        logger.warn({ source, path: request.path, issues, ...spanLogFields(span) }, `${source} answered a body that does not match its documented shape`);
        throw sourceUnavailable(source, 'malformed_response');
      }
      return { kind: 'done', value: parsed.data };
    } finally {
      leave();
    }
  }

  return {
    source,
    deadline: (parent, trace) => createDeadline(options.deadlineMs, clock, parent, trace),
    async request(request) {
      const deadline = request.deadline ?? createDeadline(options.deadlineMs, clock);
      const retries = request.retry ?? (request.method ?? 'GET') === 'GET';
      for (let attemptNumber = 1; ; attemptNumber += 1) {
        if (deadline.signal.aborted) throw sourceUnavailable(source, 'timeout');
        const outcome = await attempt(request, deadline, attemptNumber);
        if (outcome.kind === 'done') return outcome.value;
        const delay = Math.max(outcome.waitMs ?? 0, backoffDelay(attemptNumber - 1, options.backoff, random));
        const last = !retries || attemptNumber >= options.maxAttempts || delay >= deadline.remainingMs();
        logger.warn({ source, path: request.path, attempt: attemptNumber, reason: outcome.reason, cause: outcome.cause, retrying: !last, ...parentLogFields(request.trace ?? deadline.trace) }, `${source} request failed`);
        if (last) {
          const retryAfter = outcome.reason === 'rate_limited' ? Math.max(outcome.waitMs ?? 0, gate.coolingMs()) : outcome.waitMs;
          throw sourceUnavailable(source, outcome.reason, { retryAfterMs: retryAfter, cause: outcome.cause });
        }
        try {
          await sleep(delay, deadline.signal);
        } catch {
          throw sourceUnavailable(source, 'timeout');
        }
      }
    },
  };
}

/** A span's ids as log fields (the logger's names), as the log mixin writes them for an active span. */
function spanLogFields(span: Span): { trace_id?: string; span_id?: string } {
  const spanContext = span.spanContext();
  return isSpanContextValid(spanContext) ? { trace_id: spanContext.traceId, span_id: spanContext.spanId } : {};
}

/** The ids of the span in a carried trace context, as log fields; none without one. */
function parentLogFields(carried: Context | undefined): { trace_id?: string; span_id?: string } {
  const span = carried && trace.getSpan(carried);
  return span ? spanLogFields(span) : {};
}

/** A network error's name and code only: its message may quote a URL, never a header. */
function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const cause = error.cause as { code?: string } | undefined;
  return [error.name, cause?.code].filter(Boolean).join(' ');
}
