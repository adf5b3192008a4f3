import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics, type Metrics } from '../../src/telemetry/metrics.js';
import { scrapeMetrics } from '../support/scrape-metrics.js';

/** The Prometheus text of `metrics`, as /metrics serves it. */
const scrape = (metrics: Metrics): Promise<string> => scrapeMetrics((request, response) => metrics.handler(request, response));

const attempt = {
  feature: 'statusUpdate' as const,
  providerId: 'openai',
  providerKind: 'openai' as const,
  model: 'gpt-4o-mini',
  responseModel: 'gpt-4o-mini-2024-07-18',
  errorKind: null,
  inputTokens: 1800,
  outputTokens: 500,
  durationSeconds: 0.5,
};

/** The value of the sample line of `name` whose labels include every one of `labels`. */
function sample(text: string, name: string, labels: Record<string, string>): number | null {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const labelText = line.slice(name.length + 1, line.lastIndexOf('}'));
    if (Object.entries(labels).every(([key, value]) => labelText.includes(`${key}="${value}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return null;
}

describe('LLM attempt metrics', () => {
  let metrics: Metrics | null = null;
  afterEach(async () => {
    await metrics?.shutdown();
    metrics = null;
  });

  it('records duration and tokens per attempt kind, with the error type on failures only', async () => {
    metrics = createMetrics();
    metrics.llm.attemptEnded(attempt);
    metrics.llm.attemptEnded({ ...attempt, inputTokens: 200, outputTokens: 100 });
    metrics.llm.attemptEnded({ ...attempt, model: 'gpt-4o', responseModel: null, inputTokens: 7, outputTokens: 3 });
    metrics.llm.attemptEnded({ ...attempt, responseModel: null, errorKind: 'rate_limited', inputTokens: 0, outputTokens: 0 });
    const text = await scrape(metrics);

    const mini = { gen_ai_request_model: 'gpt-4o-mini', gen_ai_response_model: 'gpt-4o-mini-2024-07-18', incident_ai_feature: 'statusUpdate', incident_ai_provider_id: 'openai', gen_ai_provider_name: 'openai', gen_ai_operation_name: 'chat' };
    expect(sample(text, 'gen_ai_client_token_usage_sum', { ...mini, gen_ai_token_type: 'input' })).toBe(2000);
    expect(sample(text, 'gen_ai_client_token_usage_sum', { ...mini, gen_ai_token_type: 'output' })).toBe(600);
    expect(sample(text, 'gen_ai_client_operation_duration_count', mini)).toBe(2);
    expect(sample(text, 'gen_ai_client_token_usage_sum', { gen_ai_request_model: 'gpt-4o', gen_ai_token_type: 'input' })).toBe(7);
    // The failure: a duration series of its own, with error_type, and no token counts.
    expect(sample(text, 'gen_ai_client_operation_duration_count', { gen_ai_request_model: 'gpt-4o-mini', error_type: 'rate_limited' })).toBe(1);
    const failureLines = text.split('\n').filter((line) => line.includes('error_type="rate_limited"'));
    expect(failureLines.some((line) => line.startsWith('gen_ai_client_token_usage'))).toBe(false);
    expect(failureLines.some((line) => line.includes('gen_ai_response_model'))).toBe(false);
    // Successes carry no error_type.
    expect(text.split('\n').filter((line) => line.includes('gen_ai_token_type') && line.includes('error_type'))).toEqual([]);
  });

  it('keeps separate series for every kind of attempt past the attribute cache', async () => {
    metrics = createMetrics();
    for (let index = 0; index < 1_005; index++) metrics.llm.attemptEnded({ ...attempt, responseModel: `model-${index}`, inputTokens: 1, outputTokens: 1 });
    metrics.llm.attemptEnded({ ...attempt, responseModel: 'model-1004', inputTokens: 1, outputTokens: 1 });
    const text = await scrape(metrics);
    expect(sample(text, 'gen_ai_client_operation_duration_count', { gen_ai_response_model: 'model-0' })).toBe(1);
    expect(sample(text, 'gen_ai_client_operation_duration_count', { gen_ai_response_model: 'model-1004' })).toBe(2);
  });
});
