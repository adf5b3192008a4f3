/**
 * A request's trace context, carried explicitly (the service registers no context manager that
 * follows promises: sync-context-manager.ts): the OpenTelemetry context with the request's span,
 * handed to every model call (`GenerateRequest.parent`) so attempt spans stay its children, and
 * a child logger whose lines carry the span's `trace_id` and `span_id`, built on first use
 * (most requests never log).
 */
import { ROOT_CONTEXT, trace, type Context, type Span } from '@opentelemetry/api';
import type { Logger } from 'pino';
import { traceLogFields } from '../llm/tracing.js';

export { traceLogFields };

export interface RequestTrace {
  /** The context with the request's span: the parent of what the request starts. */
  readonly context: Context;
  /** The process logger, with the request span's `trace_id` and `span_id` on every line. */
  readonly logger: Logger;
}

/** The trace of a request served under `span` (null: none, e.g. a graphql-ws operation). */
export function requestTrace(logger: Logger, span: Span | null): RequestTrace {
  return new LazyRequestTrace(logger, span ? trace.setSpan(ROOT_CONTEXT, span) : ROOT_CONTEXT);
}

/** The logger is built by a getter on the prototype, once, when something logs. */
class LazyRequestTrace implements RequestTrace {
  private child: Logger | null = null;

  constructor(
    private readonly base: Logger,
    readonly context: Context,
  ) {}

  get logger(): Logger {
    if (this.child) return this.child;
    const fields = traceLogFields(this.context);
    return (this.child = fields.trace_id ? this.base.child(fields) : this.base);
  }
}
