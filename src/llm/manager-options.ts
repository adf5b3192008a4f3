/**
 * What the LLM Manager is built from: its options, the small ports it takes (clock, sleep,
 * logger, metrics) and their defaults. The manager itself is in manager.ts.
 */
import { sleep } from '../resilience/sleep.js';
import type { Tracer } from '@opentelemetry/api';
import type { RoutingConfig } from '../config/llm-routing.js';
import type { DataPolicy } from '../guard/data-policy.js';
import type { UsageSink } from './generation.js';
import type { LlmMiddleware } from './middleware/types.js';
import type { FeatureName, LlmProvider } from './types.js';

/** A time source in milliseconds since the epoch. */
export interface Clock {
  now(): number;
}

/** Waits `ms`; rejects (or resolves early) when `signal` aborts. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** The logging the manager needs; a pino logger fits. */
export interface LlmManagerLogger {
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** Request defaults used when a {@link GenerateRequest} leaves them out. */
export interface GenerationDefaults {
  /** Default 1024. */
  maxOutputTokens: number;
  /** Default 0.2: drafts should be steady, not creative. */
  temperature: number;
}

/** Options of {@link createLlmManager}. */
export interface LlmManagerOptions {
  /** Every provider the routing may name; ids must be unique. */
  providers: readonly LlmProvider[];
  /** Chains, prices and resilience settings. Validated here: a chain naming an unknown provider throws. */
  routing: RoutingConfig;
  /**
   * The registered features' names (`app.ts` passes the feature modules'): a routing config
   * naming another feature is refused with a ConfigError. Absent: names are not checked (tests
   * and tools that build a manager for features they know).
   */
  features?: readonly FeatureName[];
  /** Receives one record per provider attempt. */
  usage: UsageSink;
  /**
   * The middleware around every generation and provider call, outermost first (`app.ts` lists
   * them). Default: {@link defaultMiddleware} of these options (redaction, then the data
   * policy and message capture when `dataPolicy` / `captureMessageContent` are given).
   */
  middleware?: readonly LlmMiddleware[];
  /** Default `Date`. Used for latencies, `startedAt`, the deadline check and the circuit breakers. */
  clock?: Clock;
  /**
   * The wait between retries. Default: a `setTimeout` that the signal cancels. Per-attempt
   * timeouts and the deadline abort use real timers; the clock decides whether the deadline
   * has passed between attempts.
   */
  sleep?: Sleep;
  /** Uniform [0, 1) for backoff jitter. Default `Math.random`. */
  random?: () => number;
  /** Default `trace.getTracer('incident-ai')` (no-op until the OpenTelemetry SDK is started). */
  tracer?: Tracer;
  /** Default: silent. */
  logger?: LlmManagerLogger;
  /** Defaults for requests that set no `maxOutputTokens` / `temperature`. */
  generationDefaults?: Partial<GenerationDefaults>;
  /** Metric instruments (src/telemetry/metrics.ts); default: none. */
  metrics?: LlmMetricsRecorder;
  /** Which providers may receive an account's data (default middleware only); default: every provider. */
  dataPolicy?: DataPolicy;
  /**
   * Record the (redacted) prompt and completion text on provider-call spans
   * (`OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT`), never for a zero-retention
   * account (default middleware only); default false.
   */
  captureMessageContent?: boolean;
}

/** What the manager reports to metrics; every method must be cheap and never throw. */
export interface LlmMetricsRecorder {
  attemptEnded(attempt: {
    feature: FeatureName;
    providerId: string;
    providerKind: LlmProvider['kind'];
    model: string;
    responseModel: string | null;
    errorKind: string | null;
    inputTokens: number;
    outputTokens: number;
    durationSeconds: number;
  }): void;
  retried(feature: FeatureName, providerId: string): void;
  fellBack(feature: FeatureName, fromProviderId: string, toProviderId: string): void;
  /** Secrets were redacted from a request's messages. */
  redacted?(feature: FeatureName, redactions: { type: string; count: number }[]): void;
}

/** Defaults of {@link GenerationDefaults}. */
export const defaultGenerationDefaults: Readonly<GenerationDefaults> = Object.freeze({ maxOutputTokens: 1024, temperature: 0.2 });

export const silentLogger: LlmManagerLogger = { warn: () => undefined, error: () => undefined };

export const defaultSleep: Sleep = sleep;
