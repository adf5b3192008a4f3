/**
 * The provider contract: the one thing every model adapter implements and the only way the
 * LLM Manager talks to a model. Read this file first when adding a provider.
 *
 * Rules every provider follows:
 * - `complete` and `stream` honour the AbortSignal at once: an aborted call rejects with the
 *   signal's reason (the manager uses this for per-attempt timeouts and deadlines).
 * - Every failure is a {@link ProviderError}; a provider never lets an SDK error escape.
 * - A provider does not retry: retries, backoff, fallback and circuit breaking are the
 *   manager's job (SDK-level retries are turned off).
 * - Model defaults live in config; a provider uses `request.model` as given.
 */
import type { Incident, JobExecution, RunbookJob } from '../incidents/types.js';

import { builtInFeatureNames, type FeatureName } from '../config/feature-names.js';

export { builtInFeatureNames, type FeatureName };

export type ProviderKind = 'openai' | 'bedrock' | 'extractive';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Structured output: the model must answer one JSON value valid against `jsonSchema`. */
export interface StructuredOutputSpec {
  /** A short identifier (`[a-zA-Z0-9_-]{1,64}`), used as OpenAI schema name / Bedrock tool name. */
  name: string;
  description: string;
  /** JSON Schema (draft 2020-12 subset accepted by OpenAI strict mode). */
  jsonSchema: Record<string, unknown>;
}

/**
 * The structured data a request was built from. Model providers ignore it (they read the
 * messages); the offline extractive provider builds its answer from it.
 */
export interface Grounding {
  incident?: Incident;
  job?: RunbookJob;
  execution?: JobExecution;
  /** The feature's own input (audience, guidance, question, description, ...). */
  input: Record<string, unknown>;
}

export interface LlmRequest {
  feature: FeatureName;
  /** The provider's model id, e.g. `gpt-4o-mini`, `anthropic.claude-3-5-haiku-20241022-v1:0`. */
  model: string;
  messages: ChatMessage[];
  maxOutputTokens: number;
  temperature: number;
  output?: StructuredOutputSpec;
  grounding?: Grounding;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** Normalised finish reasons (OpenTelemetry `gen_ai.response.finish_reasons` values). */
export type FinishReason = 'stop' | 'length' | 'content_filter' | 'tool_call' | 'error';

export interface Completion {
  /** The answer. With structured output, the JSON text of the value. */
  text: string;
  finishReason: FinishReason;
  usage: TokenUsage;
  /** The model that actually answered (`gen_ai.response.model`). */
  responseModel: string;
  /** The provider's own id for the call (OpenAI `id`, Bedrock `x-amzn-requestid`). */
  providerRequestId: string | null;
}

/** What a stream yields: text deltas, then exactly one `finish` with the whole completion. */
export type StreamEvent = { type: 'delta'; text: string } | { type: 'finish'; completion: Completion };

export interface LlmProvider {
  /** Unique id in the routing config, e.g. `openai`, `vllm`, `bedrock`, `extractive`. */
  readonly id: string;
  readonly kind: ProviderKind;
  /** True for engines whose drafts are a fallback quality (the extractive engine). */
  readonly degraded: boolean;
  /** Whether the provider runs on infrastructure the operator controls (data policy). */
  readonly selfHosted: boolean;
  complete(request: LlmRequest, signal: AbortSignal): Promise<Completion>;
  stream(request: LlmRequest, signal: AbortSignal): AsyncIterable<StreamEvent>;
}

/** Failure classes shared by every provider. */
export type ProviderErrorKind =
  | 'rate_limited'
  | 'timeout'
  | 'unavailable'
  | 'bad_request'
  | 'authentication'
  | 'content_filtered'
  | 'invalid_output';

const retryableKinds: ReadonlySet<ProviderErrorKind> = new Set(['rate_limited', 'timeout', 'unavailable']);

/** The one error family providers throw. */
export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly retryable: boolean;
  /** From `Retry-After` (or the provider's equivalent), in milliseconds. */
  readonly retryAfterMs: number | null;
  /** HTTP status when the failure came from one. */
  readonly status: number | null;
  readonly providerId: string;

  constructor(
    providerId: string,
    kind: ProviderErrorKind,
    message: string,
    options: { cause?: unknown; retryAfterMs?: number | null; status?: number | null; retryable?: boolean } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProviderError';
    this.providerId = providerId;
    this.kind = kind;
    this.retryable = options.retryable ?? retryableKinds.has(kind);
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.status = options.status ?? null;
  }
}

export const isProviderError = (error: unknown): error is ProviderError => error instanceof ProviderError;

/** Parses an HTTP `Retry-After` value (seconds or HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
