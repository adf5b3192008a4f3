import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDataPolicy } from '../../src/guard/data-policy.js';
import { messageCaptureMiddleware } from '../../src/llm/middleware/message-capture.js';
import { redactionMiddleware } from '../../src/llm/middleware/redaction.js';
import { genAiProviderName } from '../../src/llm/tracing.js';
import { baseRequest, createHarness } from './manager-harness.js';
import { createScriptedProvider, providerError } from './scripted-provider.js';

const exporter = new InMemorySpanExporter();
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = tracerProvider.getTracer('incident-ai');
const contextManager = new AsyncLocalStorageContextManager();

beforeAll(() => {
  // Active-context propagation across awaits, as the OpenTelemetry Node SDK sets it up.
  context.setGlobalContextManager(contextManager.enable());
});
afterAll(async () => {
  context.disable();
  await tracerProvider.shutdown();
});
beforeEach(() => exporter.reset());

describe('LLM Manager: tracing', () => {
  it('records one CLIENT span per attempt with GenAI and incident_ai attributes, under the active span', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ fail: providerError('openai', 'rate_limited', { retryAfterMs: 60_000 }) }] });
    const bedrock = createScriptedProvider({ id: 'bedrock', kind: 'bedrock', script: [{ reply: 'ok', usage: { inputTokens: 321, outputTokens: 45 } }] });
    const h = createHarness({ providers: [openai, bedrock], tracer });

    const parent = tracer.startSpan('graphql.operation');
    const result = await context.with(trace.setSpan(context.active(), parent), () =>
      h.manager.generate({ ...baseRequest, maxOutputTokens: 500, temperature: 0.3 }),
    );
    parent.end();

    const spans = exporter.getFinishedSpans().filter((s) => s.name !== 'graphql.operation');
    expect(spans.map((s) => s.name)).toEqual(['chat gpt-4o-mini', 'chat amazon.nova-lite-v1:0']);
    const parentContext = parent.spanContext();
    for (const span of spans) {
      expect(span.kind).toBe(SpanKind.CLIENT);
      expect(span.instrumentationScope.name).toBe('incident-ai');
      expect(span.parentSpanContext?.spanId).toBe(parentContext.spanId);
      expect(span.spanContext().traceId).toBe(parentContext.traceId);
    }

    const [failed, succeeded] = spans;
    expect(failed?.attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.request.max_tokens': 500,
      'gen_ai.request.temperature': 0.3,
      'incident_ai.feature': 'statusUpdate',
      'incident_ai.account_id': 'acct-1',
      'incident_ai.attempt': 1,
      'incident_ai.fallback': false,
      'incident_ai.provider.id': 'openai',
      'incident_ai.route': 'defaultChain',
      'error.type': 'rate_limited',
    });
    // No priority in the request: no priority attribute.
    expect(failed?.attributes).not.toHaveProperty('incident_ai.priority');
    expect(failed?.status.code).toBe(SpanStatusCode.ERROR);

    expect(succeeded?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'aws.bedrock',
      'gen_ai.request.model': 'amazon.nova-lite-v1:0',
      'gen_ai.response.model': 'amazon.nova-lite-v1:0',
      'gen_ai.usage.input_tokens': 321,
      'gen_ai.usage.output_tokens': 45,
      'gen_ai.response.finish_reasons': ['stop'],
      'incident_ai.attempt': 2,
      'incident_ai.fallback': true,
      'incident_ai.provider.id': 'bedrock',
    });
    expect(succeeded?.attributes['error.type']).toBeUndefined();
    expect(succeeded?.status.code).not.toBe(SpanStatusCode.ERROR);

    expect(result.traceId).toBe(parentContext.traceId);
    expect(h.records.map((r) => r.traceId)).toEqual([parentContext.traceId, parentContext.traceId]);
  });

  it('records the priority and the routing-config chain that was used', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ reply: 'ok' }] });
    const routing = {
      defaultChain: [{ provider: 'openai', model: 'gpt-4.1' }],
      features: { postmortem: [{ provider: 'openai', model: 'gpt-4o' }] },
      normalPriority: { defaultChain: [{ provider: 'openai', model: 'gpt-4o-mini' }] },
    };
    const h = createHarness({ providers: [openai], tracer, routing });

    await h.manager.generate({ ...baseRequest, priority: 'normal' });
    await h.manager.generate({ ...baseRequest, priority: 'high' });
    await h.manager.generate({ ...baseRequest, feature: 'postmortem', priority: 'high' });

    expect(
      exporter.getFinishedSpans().map((s) => [s.attributes['gen_ai.request.model'], s.attributes['incident_ai.priority'], s.attributes['incident_ai.route']]),
    ).toEqual([
      ['gpt-4o-mini', 'normal', 'normalPriority.defaultChain'],
      ['gpt-4.1', 'high', 'defaultChain'],
      ['gpt-4o', 'high', 'features.postmortem'],
    ]);
  });

  it('makes the attempt span active while the provider runs', async () => {
    let activeInProvider: string | undefined;
    const openai = createScriptedProvider({
      id: 'openai',
      script: [
        {
          run: async (request) => {
            activeInProvider = trace.getActiveSpan()?.spanContext().spanId;
            return { text: 'ok', finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 }, responseModel: request.model, providerRequestId: null };
          },
        },
      ],
    });
    const h = createHarness({ providers: [openai], tracer });
    await h.manager.generate(baseRequest);
    const [span] = exporter.getFinishedSpans();
    expect(activeInProvider).toBe(span?.spanContext().spanId);
  });

  it('marks timeouts and the extractive provider', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ hang: true }] });
    const ext = createScriptedProvider({ id: 'extractive', kind: 'extractive', script: [{ reply: 'fallback' }] });
    const h = createHarness({ providers: [openai, ext], tracer, resilience: { attemptTimeoutMs: 20, maxRetries: 0 } });

    await h.manager.generate(baseRequest);

    const [timedOut, extractive] = exporter.getFinishedSpans();
    expect(timedOut?.attributes['error.type']).toBe('timeout');
    expect(timedOut?.attributes['incident_ai.timeout']).toBe('attempt');
    expect(extractive?.attributes['incident_ai.timeout']).toBeUndefined();
    expect(extractive?.name).toBe('chat extractive');
    expect(extractive?.attributes['gen_ai.provider.name']).toBe(genAiProviderName('extractive'));
    expect(extractive?.attributes['gen_ai.provider.name']).toBe('incident_ai.extractive');
  });

  it('records which timer ended an attempt: the stream idle timeout, or the deadline', async () => {
    const stalled = createScriptedProvider({ id: 'openai', script: [{ hang: true, deltas: ['par'] }] });
    const ext = createScriptedProvider({ id: 'extractive', kind: 'extractive', script: [{ reply: 'fallback' }] });
    const idle = createHarness({ providers: [stalled, ext], tracer, resilience: { attemptTimeoutMs: 60_000, idleTimeoutMs: 20, maxRetries: 0 } });
    await idle.manager.generate({ ...baseRequest, stream: true });
    const hung = createScriptedProvider({ id: 'openai', script: [{ hang: true }] });
    const late = createHarness({ providers: [hung], tracer, resilience: { attemptTimeoutMs: 60_000, deadlineMs: 20 } });
    await expect(late.manager.generate(baseRequest)).rejects.toMatchObject({ extensions: { code: 'DEADLINE_EXCEEDED' } });

    const [idleSpan, , deadlineSpan] = exporter.getFinishedSpans();
    expect(idleSpan?.attributes).toMatchObject({ 'error.type': 'timeout', 'incident_ai.timeout': 'idle' });
    expect(idleSpan?.status.message).toBe('timeout (stream idle)');
    expect(deadlineSpan?.attributes).toMatchObject({ 'error.type': 'deadline', 'incident_ai.timeout': 'deadline' });
  });

  it('starts a new trace per attempt when there is no active span', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ reply: 'ok' }] });
    const h = createHarness({ providers: [openai], tracer });
    const result = await h.manager.generate(baseRequest);
    const [span] = exporter.getFinishedSpans();
    expect(span?.parentSpanContext).toBeUndefined();
    expect(result.traceId).toBe(span?.spanContext().traceId);
  });
});

describe('LLM Manager: message content capture', () => {
  const request = {
    ...baseRequest,
    messages: [
      { role: 'system' as const, content: 'You draft status updates.' },
      { role: 'user' as const, content: 'Key AKIAIOSFODNN7EXAMPLE leaked; write the update.' },
    ],
  };
  const content = (attributes: Record<string, unknown>) => Object.keys(attributes).filter((key) => key.startsWith('gen_ai.') && key.endsWith('messages') || key === 'gen_ai.system_instructions');

  it('records nothing by default', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ reply: '{"ok":true}' }] });
    await createHarness({ providers: [openai], tracer }).manager.generate(request);
    const [span] = exporter.getFinishedSpans();
    expect(content(span!.attributes)).toEqual([]);
  });

  it('when enabled, records the redacted prompt and the completion in the GenAI shape', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ reply: '{"ok":true}' }] });
    await createHarness({ providers: [openai], tracer, captureMessageContent: true }).manager.generate(request);
    const [span] = exporter.getFinishedSpans();
    expect(JSON.parse(span!.attributes['gen_ai.system_instructions'] as string)).toEqual([{ type: 'text', content: 'You draft status updates.' }]);
    const input = JSON.parse(span!.attributes['gen_ai.input.messages'] as string) as { role: string; parts: { content: string }[] }[];
    expect(input).toEqual([{ role: 'user', parts: [{ type: 'text', content: 'Key [REDACTED:aws_access_key] leaked; write the update.' }] }]);
    expect(JSON.stringify(span!.attributes)).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(JSON.parse(span!.attributes['gen_ai.output.messages'] as string)).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: '{"ok":true}' }], finish_reason: 'stop' },
    ]);
  });

  it('records nothing when the middleware is listed but off (as app.ts lists it), streamed or not', async () => {
    const middleware = [redactionMiddleware(), messageCaptureMiddleware({ enabled: false })];
    const openai = createScriptedProvider({ id: 'openai', script: [{ reply: '{"ok":true}' }, { reply: '{"ok":true}' }] });
    const harness = createHarness({ providers: [openai], tracer, middleware });
    await harness.manager.generate(request);
    await harness.manager.generate({ ...request, stream: true });
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(2);
    for (const span of spans) expect(content(span.attributes)).toEqual([]);
  });

  it('when enabled in a middleware list, records a streamed call too', async () => {
    const middleware = [redactionMiddleware(), messageCaptureMiddleware({ enabled: true })];
    const openai = createScriptedProvider({ id: 'openai', script: [{ reply: '{"ok":true}' }] });
    await createHarness({ providers: [openai], tracer, middleware }).manager.generate({ ...request, stream: true });
    const [span] = exporter.getFinishedSpans();
    expect(content(span!.attributes).sort()).toEqual(['gen_ai.input.messages', 'gen_ai.output.messages', 'gen_ai.system_instructions']);
  });

  it('never records the text of a zero-retention account', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ reply: '{"ok":true}' }] });
    const dataPolicy = createDataPolicy({ 'acct-1': { retainText: false } });
    await createHarness({ providers: [openai], tracer, captureMessageContent: true, dataPolicy }).manager.generate(request);
    const [span] = exporter.getFinishedSpans();
    expect(content(span!.attributes)).toEqual([]);
    expect(span!.attributes['gen_ai.request.model']).toBe('gpt-4o-mini');
  });
});
