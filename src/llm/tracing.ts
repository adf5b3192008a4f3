/**
 * Tracing of provider attempts: one OpenTelemetry CLIENT span per attempt, named and
 * attributed after the GenAI semantic conventions (`gen_ai.*`), plus our own `incident_ai.*`
 * attributes. Spans are children of the caller's context (the GraphQL operation's span).
 */
import {
  SpanKind,
  SpanStatusCode,
  isSpanContextValid,
  trace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import type { WorkPriority } from '../guard/throttle/throttle-store.js';
import type { Completion, FeatureName, ProviderKind } from './types.js';

/** The instrumentation scope name of every span the service creates. */
export const tracerName = 'incident-ai';

/** The GenAI operation of every provider call (chat completion / Converse). */
export const genAiOperation = 'chat';

/** GenAI semantic-convention attribute names we set. */
export const GenAiAttribute = {
  operationName: 'gen_ai.operation.name',
  providerName: 'gen_ai.provider.name',
  requestModel: 'gen_ai.request.model',
  requestMaxTokens: 'gen_ai.request.max_tokens',
  requestTemperature: 'gen_ai.request.temperature',
  responseModel: 'gen_ai.response.model',
  responseId: 'gen_ai.response.id',
  responseFinishReasons: 'gen_ai.response.finish_reasons',
  usageInputTokens: 'gen_ai.usage.input_tokens',
  usageOutputTokens: 'gen_ai.usage.output_tokens',
} as const;

/** The general `error.type` attribute: set on failed attempts. */
export const errorTypeAttribute = 'error.type';

/** Our own attributes on attempt spans. */
export const IncidentAiAttribute = {
  feature: 'incident_ai.feature',
  accountId: 'incident_ai.account_id',
  /** 1-based attempt number across the whole generation. */
  attempt: 'incident_ai.attempt',
  /** Whether the attempt's route step is a fallback (step index > 0). */
  fallback: 'incident_ai.fallback',
  providerId: 'incident_ai.provider.id',
  /** The priority the request stated (`high` / `normal`); absent when it stated none. */
  priority: 'incident_ai.priority',
  /**
   * The routing-config chain the attempt's step belongs to (see `configuredChain` in route.ts):
   * e.g. `features.postmortem`, `defaultChain`, `normalPriority.defaultChain`, or `none`.
   */
  route: 'incident_ai.route',
  /** On a failed attempt, the timer that ended it: `attempt`, `idle` (a stream sent no chunk in time) or `deadline`. */
  timeout: 'incident_ai.timeout',
} as const;

const providerNames: Record<ProviderKind, string> = {
  openai: 'openai',
  bedrock: 'aws.bedrock',
  extractive: 'incident_ai.extractive',
};

/** `gen_ai.provider.name` of a provider kind (well-known values where the convention has one). */
export const genAiProviderName = (kind: ProviderKind): string => providerNames[kind];

/** What an attempt span is started with. */
export interface AttemptSpanStart {
  feature: FeatureName;
  accountId: string;
  providerId: string;
  providerKind: ProviderKind;
  model: string;
  maxOutputTokens: number;
  temperature: number;
  attempt: number;
  fallback: boolean;
  /** The request's priority; undefined leaves `incident_ai.priority` out. */
  priority?: WorkPriority;
  /** Where the chain came from in the routing config (`incident_ai.route`). */
  route: string;
}

/** An open attempt span; end it exactly once through `succeed` or `fail`. */
export interface AttemptSpan {
  readonly span: Span;
  /** The parent context with this span active: run the provider call in it. */
  readonly context: Context;
  /** The span's trace id, null when tracing is off (invalid span context). */
  readonly traceId: string | null;
  succeed(completion: Completion): void;
  /** `errorType` becomes `error.type`: a ProviderError kind, `timeout`, `aborted`, `deadline` or `unknown`. */
  fail(errorType: string, message: string): void;
}

/** Starts the CLIENT span of one provider attempt as a child of `parent`. */
export function startAttemptSpan(tracer: Tracer, parent: Context, start: AttemptSpanStart): AttemptSpan {
  const attributes: Attributes = {
    [GenAiAttribute.operationName]: genAiOperation,
    [GenAiAttribute.providerName]: genAiProviderName(start.providerKind),
    [GenAiAttribute.requestModel]: start.model,
    [GenAiAttribute.requestMaxTokens]: start.maxOutputTokens,
    [GenAiAttribute.requestTemperature]: start.temperature,
    [IncidentAiAttribute.feature]: start.feature,
    [IncidentAiAttribute.accountId]: start.accountId,
    [IncidentAiAttribute.attempt]: start.attempt,
    [IncidentAiAttribute.fallback]: start.fallback,
    [IncidentAiAttribute.providerId]: start.providerId,
    [IncidentAiAttribute.route]: start.route,
  };
  if (start.priority !== undefined) attributes[IncidentAiAttribute.priority] = start.priority;
  const span = tracer.startSpan(`${genAiOperation} ${start.model}`, { kind: SpanKind.CLIENT, attributes }, parent);
  const spanContext = span.spanContext();
  return {
    span,
    context: trace.setSpan(parent, span),
    traceId: isSpanContextValid(spanContext) ? spanContext.traceId : null,
    succeed(completion) {
      // Without an exporter spans are not recorded (tracing-sdk.ts): nothing to build for them.
      if (!span.isRecording()) return span.end();
      span.setAttributes({
        [GenAiAttribute.responseModel]: completion.responseModel,
        [GenAiAttribute.responseFinishReasons]: [completion.finishReason],
        [GenAiAttribute.usageInputTokens]: completion.usage.inputTokens,
        [GenAiAttribute.usageOutputTokens]: completion.usage.outputTokens,
      });
      if (completion.providerRequestId !== null) span.setAttribute(GenAiAttribute.responseId, completion.providerRequestId);
      span.end();
    },
    fail(errorType, message) {
      span.setAttribute(errorTypeAttribute, errorType);
      span.setStatus({ code: SpanStatusCode.ERROR, message });
      span.end();
    },
  };
}

/** `trace_id` and `span_id` of the span in `context`, as log fields (the logger's names); none without a valid span. */
export function traceLogFields(context: Context | undefined): { trace_id?: string; span_id?: string } {
  const spanContext = context && trace.getSpanContext(context);
  return spanContext && isSpanContextValid(spanContext) ? { trace_id: spanContext.traceId, span_id: spanContext.spanId } : {};
}
