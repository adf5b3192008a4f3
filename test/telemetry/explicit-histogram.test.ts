/**
 * The attempt histograms aggregated by us (src/telemetry/explicit-histogram.ts) must export what
 * the SDK's own Histogram exported for the same records: every gen_ai_client_* line of /metrics is
 * compared with a reference MeterProvider fed the same attempts through SDK histograms.
 */
import type { Attributes } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics, type Metrics } from '../../src/telemetry/metrics.js';
import { scrapeMetrics as scrape } from '../support/scrape-metrics.js';

type Attempt = Parameters<Metrics['llm']['attemptEnded']>[0];

/** The SDK as the service used it before: two Histogram instruments, attributes per the GenAI conventions. */
function referenceMetrics() {
  const exporter = new PrometheusExporter({ preventServerStart: true });
  const provider = new MeterProvider({ readers: [exporter] });
  const meter = provider.getMeter('incident-ai');
  const tokens = meter.createHistogram('gen_ai.client.token.usage', {
    description: 'Number of input and output tokens used.',
    unit: '{token}',
    advice: { explicitBucketBoundaries: [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864] },
  });
  const duration = meter.createHistogram('gen_ai.client.operation.duration', {
    description: 'GenAI operation duration.',
    unit: 's',
    advice: { explicitBucketBoundaries: [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92] },
  });
  const names = { openai: 'openai', bedrock: 'aws.bedrock', extractive: 'incident_ai.extractive' } as const;
  return {
    attemptEnded(attempt: Attempt) {
      const common: Attributes = {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': names[attempt.providerKind],
        'gen_ai.request.model': attempt.model,
        'incident_ai.feature': attempt.feature,
        'incident_ai.provider.id': attempt.providerId,
        ...(attempt.responseModel ? { 'gen_ai.response.model': attempt.responseModel } : {}),
      };
      duration.record(attempt.durationSeconds, attempt.errorKind ? { ...common, 'error.type': attempt.errorKind } : common);
      if (attempt.errorKind === null) {
        tokens.record(attempt.inputTokens, { ...common, 'gen_ai.token.type': 'input' });
        tokens.record(attempt.outputTokens, { ...common, 'gen_ai.token.type': 'output' });
      }
    },
    scrape: () => scrape((request, response) => exporter.getMetricsRequestHandler(request, response)),
    shutdown: () => provider.shutdown(),
  };
}

const genAiLines = (text: string): string[] =>
  text
    .split('\n')
    .filter((line) => line.includes('gen_ai_client_'))
    .sort();

const base: Attempt = {
  feature: 'statusUpdate',
  providerId: 'openai',
  providerKind: 'openai',
  model: 'gpt-4o-mini',
  responseModel: 'gpt-4o-mini-2024-07-18',
  errorKind: null,
  inputTokens: 1800,
  outputTokens: 500,
  durationSeconds: 0.5,
};

describe('attempt histograms aggregated outside the SDK', () => {
  let metrics: Metrics | null = null;
  let reference: ReturnType<typeof referenceMetrics> | null = null;
  afterEach(async () => {
    await metrics?.shutdown();
    await reference?.shutdown();
    metrics = reference = null;
  });

  async function compare(attempts: Attempt[]): Promise<string[]> {
    metrics = createMetrics();
    reference = referenceMetrics();
    for (const attempt of attempts) {
      metrics.llm.attemptEnded(attempt);
      reference.attemptEnded(attempt);
    }
    const ours = genAiLines(await scrape((request, response) => metrics!.handler(request, response)));
    expect(ours).toEqual(genAiLines(await reference.scrape()));
    return ours;
  }

  it('exports the same lines as the SDK: buckets (bounds inclusive), sums, counts, help, type and unit', async () => {
    const attempts: Attempt[] = [];
    // Bucket bounds exactly, values between and past them, zero, and every kind of attempt.
    const durations = [0, 0.01, 0.015, 0.02, 0.32, 0.33, 81.92, 100, 0.0004];
    const tokenCounts = [0, 1, 2, 4, 1024, 1025, 67108864, 70000000];
    for (const [index, durationSeconds] of durations.entries()) {
      attempts.push({ ...base, durationSeconds, inputTokens: tokenCounts[index % tokenCounts.length]!, outputTokens: tokenCounts[(index + 3) % tokenCounts.length]! });
      attempts.push({ ...base, feature: 'postmortem', providerKind: 'bedrock', providerId: 'bedrock-eu', model: 'claude', responseModel: null, durationSeconds });
      attempts.push({ ...base, responseModel: null, errorKind: index % 2 ? 'rate_limited' : 'timeout', inputTokens: 0, outputTokens: 0, durationSeconds });
    }
    const lines = await compare(attempts);
    expect(lines.some((line) => line.startsWith('gen_ai_client_operation_duration_bucket{') && line.includes('error_type="timeout"'))).toBe(true);
    expect(lines.some((line) => line.startsWith('# UNIT gen_ai_client_token_usage'))).toBe(true);
  });

  it('exports no histogram before any attempt, as the SDK', async () => {
    expect(await compare([])).toEqual([]);
  });

  it('puts attribute sets past the cardinality limit in the same overflow series as the SDK', async () => {
    const attempts: Attempt[] = [];
    for (let index = 0; index < 2_100; index++) attempts.push({ ...base, responseModel: `model-${index}`, inputTokens: index, outputTokens: 1, durationSeconds: index / 100 });
    attempts.push({ ...base, responseModel: 'model-5', inputTokens: 3, outputTokens: 3 });
    attempts.push({ ...base, responseModel: 'model-2099', inputTokens: 3, outputTokens: 3 });
    const lines = await compare(attempts);
    expect(lines.some((line) => line.includes('otel_metric_overflow="true"'))).toBe(true);
  });
});
