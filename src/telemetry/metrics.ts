/**
 * Metrics, served at /metrics in the Prometheus text format: the OpenTelemetry GenAI client
 * metrics (`gen_ai.client.token.usage`, `gen_ai.client.operation.duration`) and our own
 * counters and gauges. One MeterProvider per app instance, so tests can read their own.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Attributes, Meter } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import type { ProviderHealth } from '../llm/generation.js';
import type { LlmMetricsRecorder } from '../llm/manager.js';
import { genAiOperation, genAiProviderName } from '../llm/tracing.js';
import { ExplicitHistogram, histogramProducer, type HistogramSeries } from './explicit-histogram.js';

/** The instrumentation scope of every metric the service records. */
const meterName = 'incident-ai';

// Bucket boundaries advised by the GenAI semantic conventions.
const tokenBuckets = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];
const durationBuckets = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];

export interface Metrics {
  /** What the LLM Manager reports. */
  llm: LlmMetricsRecorder;
  /** A request throttled or refused for budget (`reason`: rate, concurrency, budget). */
  throttled(accountId: string, reason: string): void;
  /** A guard fired (`guard`: injection, redaction, canary, output-check, command-policy). */
  guardHit(guard: string, feature: string, verdict: string): void;
  /** A lookup of the exact response cache (`hit` or `miss`). */
  responseCache(feature: string, hit: boolean): void;
  /** Gauges read at scrape time. */
  observe(sources: { subscribers: () => number; providers: () => ProviderHealth[] }): void;
  /** The /metrics handler. */
  handler(request: IncomingMessage, response: ServerResponse): void;
  shutdown(): Promise<void>;
}

type AttemptReport = Parameters<LlmMetricsRecorder['attemptEnded']>[0];

/** The series of one kind of attempt: its duration, and (successes only) its input and output token counts. */
interface AttemptSeries {
  duration: HistogramSeries;
  input: HistogramSeries | null;
  output: HistogramSeries | null;
}

/**
 * The series of an attempt, found once per (feature, provider, model, response model, error):
 * every attempt of the same kind records into the same series, with no attribute set built or
 * hashed per call. Past the histograms' cardinality limit a new kind records into their overflow
 * series and is not kept (the SDK keeps nothing more per attribute set either).
 */
function attemptSeriesCache(duration: ExplicitHistogram, tokens: ExplicitHistogram): (attempt: AttemptReport) => AttemptSeries {
  const cache = new Map<string, AttemptSeries>();
  return (attempt) => {
    const key = `${attempt.feature}\u0000${attempt.providerKind}\u0000${attempt.providerId}\u0000${attempt.model}\u0000${attempt.responseModel ?? ''}\u0000${attempt.errorKind ?? ''}`;
    let series = cache.get(key);
    if (series === undefined) {
      const attributes = buildAttemptAttributes(attempt);
      const success = attempt.errorKind === null;
      series = {
        duration: duration.newSeries(attributes.duration),
        input: success ? tokens.newSeries(attributes.input) : null,
        output: success ? tokens.newSeries(attributes.output) : null,
      };
      // Kept once it holds a series of its own, or that series would be made again.
      if (!series.duration.overflow || (series.input !== null && !series.input.overflow)) cache.set(key, series);
    }
    return series;
  };
}

function buildAttemptAttributes(attempt: AttemptReport): { duration: Attributes; input: Attributes; output: Attributes } {
  const common: Attributes = {
    'gen_ai.operation.name': genAiOperation,
    'gen_ai.provider.name': genAiProviderName(attempt.providerKind),
    'gen_ai.request.model': attempt.model,
    'incident_ai.feature': attempt.feature,
    'incident_ai.provider.id': attempt.providerId,
  };
  if (attempt.responseModel) common['gen_ai.response.model'] = attempt.responseModel;
  return {
    duration: Object.freeze(attempt.errorKind ? { ...common, 'error.type': attempt.errorKind } : common),
    input: Object.freeze({ ...common, 'gen_ai.token.type': 'input' }),
    output: Object.freeze({ ...common, 'gen_ai.token.type': 'output' }),
  };
}

export function createMetrics(): Metrics {
  // Recorded per attempt, so aggregated by us (explicit-histogram.ts) and collected with the meter's metrics.
  const tokenUsage = new ExplicitHistogram('gen_ai.client.token.usage', {
    description: 'Number of input and output tokens used.',
    unit: '{token}',
    boundaries: tokenBuckets,
  });
  const operationDuration = new ExplicitHistogram('gen_ai.client.operation.duration', {
    description: 'GenAI operation duration.',
    unit: 's',
    boundaries: durationBuckets,
  });
  // The exporter is only a reader here: /metrics is served by our own HTTP server.
  const exporter = new PrometheusExporter({ preventServerStart: true, metricProducers: [histogramProducer(meterName, [tokenUsage, operationDuration])] });
  const meterProvider = new MeterProvider({ readers: [exporter] });
  const meter: Meter = meterProvider.getMeter(meterName);

  const retries = meter.createCounter('incident_ai.llm.retries', { description: 'Provider attempts retried after a retryable failure.' });
  const fallbacks = meter.createCounter('incident_ai.llm.fallbacks', { description: 'Generations answered by a provider after the first of the chain.' });
  const throttles = meter.createCounter('incident_ai.throttle.rejections', { description: 'Requests refused by rate limits, concurrency limits or token budgets.' });
  const cacheLookups = meter.createCounter('incident_ai.response_cache.lookups', { description: 'Lookups of the exact response cache, by result (hit: answered without a model call).' });
  const guardHits = meter.createCounter('incident_ai.guard.hits', { description: 'Guards that fired (injection, redaction, canary, output checks, command policy).' });
  const subscribers = meter.createObservableGauge('incident_ai.stream.subscribers', { description: 'Open draftStream subscriptions.' });
  const circuits = meter.createObservableGauge('incident_ai.llm.circuit_state', {
    description: 'Circuit breaker state per provider: 0 closed, 1 half-open, 2 open.',
  });

  const attemptSeries = attemptSeriesCache(operationDuration, tokenUsage);
  const llm: LlmMetricsRecorder = {
    attemptEnded(attempt) {
      const series = attemptSeries(attempt);
      series.duration.record(attempt.durationSeconds);
      if (attempt.errorKind === null) {
        series.input?.record(attempt.inputTokens);
        series.output?.record(attempt.outputTokens);
      }
    },
    retried(feature, providerId) {
      retries.add(1, { 'incident_ai.feature': feature, 'incident_ai.provider.id': providerId });
    },
    redacted(feature, redactions) {
      for (const { type, count } of redactions) guardHits.add(count, { guard: 'redaction', 'incident_ai.feature': feature, verdict: type });
    },
    fellBack(feature, fromProviderId, toProviderId) {
      fallbacks.add(1, { 'incident_ai.feature': feature, 'incident_ai.fallback.from': fromProviderId, 'incident_ai.provider.id': toProviderId });
    },
  };

  return {
    llm,
    throttled: (accountId, reason) => throttles.add(1, { 'incident_ai.account_id': accountId, reason }),
    guardHit: (guard, feature, verdict) => guardHits.add(1, { guard, 'incident_ai.feature': feature, verdict }),
    responseCache: (feature, hit) => cacheLookups.add(1, { 'incident_ai.feature': feature, result: hit ? 'hit' : 'miss' }),
    observe(sources) {
      subscribers.addCallback((result) => result.observe(sources.subscribers()));
      circuits.addCallback((result) => {
        for (const provider of sources.providers()) {
          result.observe(provider.circuit === 'open' ? 2 : provider.circuit === 'half_open' ? 1 : 0, { 'incident_ai.provider.id': provider.providerId });
        }
      });
    },
    handler: (request, response) => exporter.getMetricsRequestHandler(request, response),
    shutdown: () => meterProvider.shutdown(),
  };
}
