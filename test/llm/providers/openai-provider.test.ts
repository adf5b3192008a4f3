import { getEventListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { toProviderJsonSchema } from '../../../src/llm/json-schema.js';
import { createHttpFetch, type FetchFunction } from '../../../src/llm/providers/http-fetch.js';
import { IncomingResponse } from '../../../src/llm/providers/incoming-response.js';
import { createOpenAiProvider, type OpenAiProviderSettings } from '../../../src/llm/providers/openai-provider.js';
import { ProviderError, type Completion, type LlmProvider, type LlmRequest, type StreamEvent } from '../../../src/llm/types.js';
import { estimateTokens, startFakeOpenAi, type FakeOpenAi } from '../../fakes/openai-server.js';
import { schemaInstance } from '../../fakes/schema-instance.js';

const outputSchema = z.object({
  headline: z.string().min(3),
  severity: z.enum(['minor', 'major', 'critical']),
  impactedServices: z.array(z.string()).min(1),
  nextUpdateInMinutes: z.number().int().min(5).nullable(),
});
const jsonSchema = toProviderJsonSchema(outputSchema);

const baseRequest: LlmRequest = {
  feature: 'statusUpdate',
  model: 'gpt-4o-mini',
  messages: [
    { role: 'system', content: 'You write incident status updates.' },
    { role: 'user', content: 'Incident INC-7: checkout errors since 10:02.' },
  ],
  maxOutputTokens: 300,
  temperature: 0.2,
};
const structuredRequest: LlmRequest = {
  ...baseRequest,
  output: { name: 'status_update', description: 'A status update for the incident', jsonSchema },
};
const promptTokens = estimateTokens(baseRequest.messages.map((message) => message.content).join(''));

class TestAbortReason extends Error {
  override readonly name = 'TestAbortReason';
}

async function collect(stream: AsyncIterable<StreamEvent>): Promise<{ deltas: string[]; finish: Completion | null; error: unknown }> {
  const deltas: string[] = [];
  let finish: Completion | null = null;
  try {
    for await (const event of stream) {
      if (event.type === 'delta') deltas.push(event.text);
      else finish = event.completion;
    }
  } catch (error) {
    return { deltas, finish, error };
  }
  return { deltas, finish, error: null };
}

async function failureOf(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

const untilRequests = async (fake: FakeOpenAi, count: number): Promise<void> => {
  while (fake.requests.length < count) await new Promise((resolve) => setImmediate(resolve));
};

describe('openai provider, through the real SDK against the fake server', () => {
  let fake: FakeOpenAi;
  let provider: LlmProvider;
  const makeProvider = (overrides: Partial<OpenAiProviderSettings> = {}): LlmProvider =>
    createOpenAiProvider({ id: 'openai', apiKey: 'sk-test', baseURL: fake.url, selfHosted: false, structuredOutputs: true, ...overrides });

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    provider = makeProvider();
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());

  it('describes itself', () => {
    expect(provider).toMatchObject({ id: 'openai', kind: 'openai', degraded: false, selfHosted: false });
    expect(makeProvider({ id: 'vllm', selfHosted: true }).selfHosted).toBe(true);
  });

  it('completes a plain chat request', async () => {
    const completion = await provider.complete(baseRequest, new AbortController().signal);
    expect(completion.text).toMatch(/mitigated/);
    expect(completion.finishReason).toBe('stop');
    expect(completion.usage).toEqual({ inputTokens: promptTokens, outputTokens: estimateTokens(completion.text) });
    expect(completion.responseModel).toBe('gpt-4o-mini');
    expect(completion.providerRequestId).toMatch(/^chatcmpl-/);

    expect(fake.requests).toHaveLength(1);
    const seen = fake.requests[0]!;
    expect(seen).toMatchObject({ method: 'POST', path: '/v1/chat/completions' });
    expect(seen.headers.authorization).toBe('Bearer sk-test');
    // No SDK retries: the manager owns them.
    expect(seen.headers['x-stainless-retry-count']).toBe('0');
    expect(seen.body).toEqual({ model: 'gpt-4o-mini', messages: baseRequest.messages, max_tokens: 300, temperature: 0.2 });
  });

  it('sends the SDK\'s own headers on every call: its User-Agent, the bearer key, JSON', async () => {
    for (let index = 0; index < 3; index++) await provider.complete(baseRequest, new AbortController().signal);
    for await (const _ of provider.stream(baseRequest, new AbortController().signal)) void _;
    expect(fake.requests).toHaveLength(4);
    for (const seen of fake.requests) {
      expect(seen.headers['user-agent']).toMatch(/^OpenAI\/JS \d/);
      expect(seen.headers.authorization).toBe('Bearer sk-test');
      expect(seen.headers['content-type']).toBe('application/json');
      expect(seen.headers['x-stainless-lang']).toBe('js');
    }
    expect(fake.requests[0]!.headers.accept).toBe('application/json');
    expect(fake.requests.map((seen) => seen.path)).toEqual(Array(4).fill('/v1/chat/completions'));
  });

  it('sends the same headers on later calls as on the first, which the SDK builds itself', async () => {
    // A fresh provider: its first call of each kind goes through the SDK's own header building.
    const fresh = makeProvider();
    for (let index = 0; index < 3; index++) await fresh.complete(baseRequest, new AbortController().signal);
    for (let index = 0; index < 2; index++) for await (const _ of fresh.stream(baseRequest, new AbortController().signal)) void _;
    // A streamed body is longer (it asks for the usage chunk): every other header is the same.
    const [first, ...later] = fake.requests.map(({ headers: { 'content-length': _, ...headers } }) => headers);
    expect(first!['x-stainless-retry-count']).toBe('0');
    expect(Object.keys(first!).length).toBeGreaterThan(8);
    for (const headers of later) expect(headers).toEqual(first);
  });

  it('leaves no listener on the caller\'s signal once a call is done', async () => {
    const completeSignal = new AbortController().signal;
    await provider.complete(baseRequest, completeSignal);
    expect(getEventListeners(completeSignal, 'abort')).toHaveLength(0);
    fake.enqueue({ kind: 'error', status: 500 });
    const failedSignal = new AbortController().signal;
    expect((await failureOf(provider.complete(baseRequest, failedSignal))).kind).toBe('unavailable');
    expect(getEventListeners(failedSignal, 'abort')).toHaveLength(0);
  });

  it('maps finish_reason length', async () => {
    fake.enqueue({ kind: 'ok', content: 'cut sh', finishReason: 'length' });
    const completion = await provider.complete(baseRequest, new AbortController().signal);
    expect(completion).toMatchObject({ text: 'cut sh', finishReason: 'length' });
  });

  it('asks for strict json_schema structured output and returns the JSON text', async () => {
    const completion = await provider.complete(structuredRequest, new AbortController().signal);
    const body = fake.requests[0]!.body as Record<string, unknown>;
    expect(body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'status_update', description: 'A status update for the incident', schema: jsonSchema, strict: true },
    });
    expect(body.messages).toEqual(baseRequest.messages);
    const value = outputSchema.parse(JSON.parse(completion.text));
    expect(value).toEqual(schemaInstance(jsonSchema));
  });

  it('falls back to json_object with the schema in a system message', async () => {
    const jsonMode = makeProvider({ id: 'ollama', structuredOutputs: false });
    const completion = await jsonMode.complete(structuredRequest, new AbortController().signal);
    const body = fake.requests[0]!.body as { response_format: unknown; messages: Array<{ role: string; content: string }> };
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages).toHaveLength(3);
    expect(body.messages[0]).toEqual(baseRequest.messages[0]);
    expect(body.messages[1]!.role).toBe('system');
    expect(body.messages[1]!.content).toContain('JSON');
    expect(body.messages[1]!.content).toContain(JSON.stringify(jsonSchema));
    expect(body.messages[2]).toEqual(baseRequest.messages[1]);
    fake.enqueue({ kind: 'ok', json: schemaInstance(jsonSchema) });
    const answered = await jsonMode.complete(structuredRequest, new AbortController().signal);
    expect(outputSchema.safeParse(JSON.parse(answered.text)).success).toBe(true);
    expect(completion.finishReason).toBe('stop');
  });

  it('streams deltas, then one finish with the usage of the usage chunk', async () => {
    const { deltas, finish, error } = await collect(provider.stream(baseRequest, new AbortController().signal));
    expect(error).toBeNull();
    expect(deltas.length).toBeGreaterThanOrEqual(2);
    expect(finish).not.toBeNull();
    expect(finish!.text).toBe(deltas.join(''));
    expect(finish!.text).toMatch(/mitigated/);
    expect(finish!).toMatchObject({ finishReason: 'stop', responseModel: 'gpt-4o-mini' });
    expect(finish!.usage).toEqual({ inputTokens: promptTokens, outputTokens: estimateTokens(finish!.text) });
    expect(finish!.providerRequestId).toMatch(/^chatcmpl-/);
    expect(fake.requests[0]!.body).toMatchObject({ stream: true, stream_options: { include_usage: true }, max_tokens: 300 });
  });

  it('streams structured output whose text parses against the schema', async () => {
    const { deltas, finish } = await collect(provider.stream(structuredRequest, new AbortController().signal));
    expect(deltas.length).toBeGreaterThanOrEqual(2);
    expect(outputSchema.parse(JSON.parse(finish!.text))).toEqual(schemaInstance(jsonSchema));
  });

  it('estimates usage when the server sends none', async () => {
    fake.enqueue({ kind: 'ok', content: 'twelve chars', omitUsage: true }, { kind: 'ok', content: 'twelve chars', omitUsage: true });
    const streamed = await collect(provider.stream(baseRequest, new AbortController().signal));
    expect(streamed.finish!.usage).toEqual({ inputTokens: promptTokens, outputTokens: 3 });
    const completed = await provider.complete(baseRequest, new AbortController().signal);
    expect(completed.usage).toEqual({ inputTokens: promptTokens, outputTokens: 3 });
  });

  describe('error mapping', () => {
    it('maps 429 with Retry-After to rate_limited with retryAfterMs', async () => {
      fake.enqueue({ kind: 'error', status: 429, retryAfterSeconds: 7 });
      const error = await failureOf(provider.complete(baseRequest, new AbortController().signal));
      expect(error).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterMs: 7_000, status: 429, providerId: 'openai' });
      expect(fake.requests).toHaveLength(1);
    });

    it('prefers retry-after-ms, and has no retryAfterMs without a header', async () => {
      fake.enqueue(
        { kind: 'error', status: 429, retryAfterMs: 1_500, retryAfterSeconds: 9 },
        { kind: 'error', status: 429 },
      );
      expect((await failureOf(provider.complete(baseRequest, new AbortController().signal))).retryAfterMs).toBe(1_500);
      expect(await failureOf(provider.complete(baseRequest, new AbortController().signal))).toMatchObject({ kind: 'rate_limited', retryAfterMs: null });
    });

    it('maps 429 insufficient_quota to a rate_limited error that is not retryable', async () => {
      fake.enqueue({ kind: 'error', status: 429, body: { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', param: null, code: 'insufficient_quota' } } });
      expect(await failureOf(provider.complete(baseRequest, new AbortController().signal))).toMatchObject({ kind: 'rate_limited', retryable: false });
    });

    it('maps a 429 on a stream request the same way', async () => {
      fake.enqueue({ kind: 'error', status: 429, retryAfterSeconds: 2 });
      const { deltas, error } = await collect(provider.stream(baseRequest, new AbortController().signal));
      expect(deltas).toEqual([]);
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 2_000 });
    });

    it.each([500, 502, 503, 409])('maps %i to unavailable, retryable', async (status) => {
      fake.enqueue({ kind: 'error', status });
      const error = await failureOf(provider.complete(baseRequest, new AbortController().signal));
      expect(error).toMatchObject({ kind: 'unavailable', retryable: true, status });
      expect(fake.requests).toHaveLength(1);
    });

    it.each([408, 504])('maps %i to timeout, retryable', async (status) => {
      fake.enqueue({ kind: 'error', status });
      expect(await failureOf(provider.complete(baseRequest, new AbortController().signal))).toMatchObject({ kind: 'timeout', retryable: true, status });
    });

    it.each([400, 404, 422])('maps %i to bad_request, not retryable', async (status) => {
      fake.enqueue({ kind: 'error', status });
      const error = await failureOf(provider.complete(baseRequest, new AbortController().signal));
      expect(error).toMatchObject({ kind: 'bad_request', retryable: false, status });
    });

    it.each([401, 403])('maps %i to authentication, not retryable', async (status) => {
      fake.enqueue({ kind: 'error', status });
      expect(await failureOf(provider.complete(baseRequest, new AbortController().signal))).toMatchObject({ kind: 'authentication', retryable: false, status });
    });

    it('maps a 200 with an invalid JSON body to unavailable', async () => {
      fake.enqueue({ kind: 'malformed' });
      expect(await failureOf(provider.complete(baseRequest, new AbortController().signal))).toMatchObject({ kind: 'unavailable', retryable: true });
    });

    it('maps a malformed SSE line to unavailable', async () => {
      fake.enqueue({ kind: 'malformed' });
      const { error } = await collect(provider.stream(baseRequest, new AbortController().signal));
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ kind: 'unavailable', retryable: true });
    });

    it('maps a 200 that is not a chat completion to unavailable', async () => {
      fake.enqueue({ kind: 'error', status: 200, body: { hello: 'proxy' } });
      expect(await failureOf(provider.complete(baseRequest, new AbortController().signal))).toMatchObject({ kind: 'unavailable' });
    });

    it('maps a connection reset to unavailable', async () => {
      fake.enqueue({ kind: 'reset' }, { kind: 'reset' });
      expect(await failureOf(provider.complete(baseRequest, new AbortController().signal))).toMatchObject({ kind: 'unavailable', retryable: true });
      const { error } = await collect(provider.stream(baseRequest, new AbortController().signal));
      expect(error).toMatchObject({ kind: 'unavailable', retryable: true });
    });

    it('maps a refused connection to unavailable', async () => {
      const gone = await startFakeOpenAi();
      await gone.close();
      const offline = createOpenAiProvider({ id: 'gone', apiKey: 'sk', baseURL: gone.url, selfHosted: true, structuredOutputs: true });
      const error = await failureOf(offline.complete(baseRequest, new AbortController().signal));
      expect(error).toMatchObject({ kind: 'unavailable', retryable: true, providerId: 'gone' });
      expect(error.message).toMatch(/ECONNREFUSED/);
    });

    it('maps a stream broken mid-way to unavailable, after some deltas', async () => {
      fake.enqueue({ kind: 'broken-stream', chunks: 3 });
      const { deltas, finish, error } = await collect(provider.stream(baseRequest, new AbortController().signal));
      expect(deltas.length).toBeGreaterThan(0);
      expect(finish).toBeNull();
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ kind: 'unavailable', retryable: true });
    });

    it('maps a JSON body cut half-way to unavailable', async () => {
      fake.enqueue({ kind: 'broken-stream' });
      expect(await failureOf(provider.complete(baseRequest, new AbortController().signal))).toMatchObject({ kind: 'unavailable' });
    });

    it('maps finish_reason content_filter to content_filtered, complete and stream', async () => {
      fake.enqueue({ kind: 'content-filter' }, { kind: 'content-filter' });
      expect(await failureOf(provider.complete(baseRequest, new AbortController().signal))).toMatchObject({ kind: 'content_filtered', retryable: false });
      const { finish, error } = await collect(provider.stream(baseRequest, new AbortController().signal));
      expect(finish).toBeNull();
      expect(error).toMatchObject({ kind: 'content_filtered', retryable: false });
    });

    it('maps a refusal to content_filtered, complete and stream', async () => {
      fake.enqueue({ kind: 'refusal', refusal: 'I cannot help.' }, { kind: 'refusal' });
      const error = await failureOf(provider.complete(structuredRequest, new AbortController().signal));
      expect(error).toMatchObject({ kind: 'content_filtered' });
      expect(error.message).toContain('I cannot help.');
      const streamed = await collect(provider.stream(structuredRequest, new AbortController().signal));
      expect(streamed.error).toMatchObject({ kind: 'content_filtered' });
    });

    it('maps an error event inside the stream', async () => {
      // An SSE body carrying an OpenAI error object, as OpenAI and vLLM send mid-stream.
      const server = createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.end(
          'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}\n\n' +
            'data: {"error":{"message":"model overloaded","type":"BadRequestError","param":null,"code":503}}\n\n',
        );
      });
      const url = await listen(server);
      try {
        const { deltas, error } = await collect(makeProvider({ baseURL: url }).stream(baseRequest, new AbortController().signal));
        expect(deltas).toEqual(['Hi']);
        // vLLM puts the HTTP status in `code`: it is kept as the status.
        expect(error).toMatchObject({ kind: 'unavailable', status: 503 });
      } finally {
        server.closeAllConnections();
        server.close();
      }
    });
  });

  describe('non-streamed calls after the first (sent without the SDK\'s makeRequest)', () => {
    /** What a caller can see of a failure: the ProviderError and the SDK error it wraps. */
    const shapeOf = (error: ProviderError) => {
      const cause = error.cause as (Error & { status?: unknown; error?: unknown; code?: unknown; type?: unknown; headers?: unknown }) | undefined;
      return {
        name: error.name,
        kind: error.kind,
        message: error.message,
        status: error.status,
        retryable: error.retryable,
        retryAfterMs: error.retryAfterMs,
        cause: cause && {
          class: cause.constructor.name,
          name: cause.name,
          message: cause.message,
          status: cause.status,
          error: cause.error,
          code: cause.code,
          type: cause.type,
          headers: cause.headers instanceof Headers ? [...cause.headers].filter(([name]) => name !== 'date' && name !== 'x-request-id') : cause.headers,
          causeMessage: cause.cause instanceof Error ? cause.cause.message : undefined,
        },
      };
    };
    const outcomes: [string, Parameters<FakeOpenAi['enqueue']>[0]][] = [
      ['ok', { kind: 'ok' }],
      ['429 with Retry-After', { kind: 'error', status: 429, retryAfterSeconds: 7 }],
      ['429 with retry-after-ms', { kind: 'error', status: 429, retryAfterMs: 1_500 }],
      ['429 insufficient_quota', { kind: 'error', status: 429, body: { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', param: null, code: 'insufficient_quota' } } }],
      ['500', { kind: 'error', status: 500 }],
      ['401', { kind: 'error', status: 401 }],
      ['400 with a text body', { kind: 'error', status: 400, body: 'not json' as never }],
      ['200 not a chat completion', { kind: 'error', status: 200, body: { hello: 'proxy' } }],
      ['malformed JSON', { kind: 'malformed' }],
      ['reset', { kind: 'reset' }],
      ['body cut half-way', { kind: 'broken-stream' }],
      ['content filter', { kind: 'content-filter' }],
      ['refusal', { kind: 'refusal', refusal: 'I cannot help.' }],
    ];

    it.each(outcomes)('answer the SDK\'s way: %s', async (_name, behaviour) => {
      const outcome = async (warm: boolean): Promise<unknown> => {
        const client = makeProvider();
        if (warm) await client.complete(structuredRequest, new AbortController().signal);
        fake.enqueue(behaviour);
        const signal = new AbortController().signal;
        const settled = await client.complete(structuredRequest, signal).then(
          (completion) => ({ completion }),
          (error: unknown) => {
            expect(error).toBeInstanceOf(ProviderError);
            return shapeOf(error as ProviderError);
          },
        );
        expect(getEventListeners(signal, 'abort')).toHaveLength(0);
        return settled;
      };
      const viaSdk = await outcome(false);
      const direct = await outcome(true);
      if ('completion' in (viaSdk as object)) {
        // Ids differ per answer; everything else is the same.
        const strip = (value: unknown) => ({ ...(value as { completion: Completion }).completion, providerRequestId: typeof (value as { completion: Completion }).completion.providerRequestId });
        expect(strip(direct)).toEqual(strip(viaSdk));
      } else {
        expect(direct).toEqual(viaSdk);
      }
      // Same request on the wire (headers but the body's length, which the same request shares).
      const [first, , second] = fake.requests;
      expect(second!.headers).toEqual(first!.headers);
      expect(second!.body).toEqual(first!.body);
    });

    const streamOutcomes = outcomes.filter(([name]) => name !== '200 not a chat completion');

    it.each(streamOutcomes)('streamed, answer the SDK\'s way: %s', async (_name, behaviour) => {
      const sdkPost = vi.spyOn(OpenAI.prototype, 'post');
      try {
        const outcome = async (warm: boolean) => {
          const client = makeProvider();
          if (warm) await collect(client.stream(baseRequest, new AbortController().signal));
          fake.enqueue(behaviour);
          const before = sdkPost.mock.calls.length;
          const { deltas, finish, error } = await collect(client.stream(baseRequest, new AbortController().signal));
          return {
            sdkRequests: sdkPost.mock.calls.length - before,
            deltas,
            // Ids differ per answer; everything else is the same.
            finish: finish && { ...finish, providerRequestId: typeof finish.providerRequestId },
            error: error === null ? null : (expect(error).toBeInstanceOf(ProviderError), shapeOf(error as ProviderError)),
          };
        };
        const viaSdk = await outcome(false);
        const direct = await outcome(true);
        expect(viaSdk.sdkRequests).toBe(1);
        expect(direct.sdkRequests).toBe(0);
        expect({ ...direct, sdkRequests: 0 }).toEqual({ ...viaSdk, sdkRequests: 0 });
        const [first, , second] = fake.requests;
        expect(second!.headers).toEqual(first!.headers);
        expect(second!.body).toEqual(first!.body);
      } finally {
        sdkPost.mockRestore();
      }
    });

    it('closes a direct stream\'s request when the consumer stops reading, and a later call still works', async () => {
      const client = makeProvider();
      await collect(client.stream(baseRequest, new AbortController().signal));
      fake.enqueue({ kind: 'ok', content: 'slow pieces of text for the consumer to drop', chunkDelayMs: 60_000 });
      for await (const event of client.stream(baseRequest, new AbortController().signal)) {
        expect(event.type).toBe('delta');
        break;
      }
      expect((await collect(client.stream(baseRequest, new AbortController().signal))).finish?.finishReason).toBe('stop');
    });

    it('rejects a direct stream with the signal\'s reason while the server hangs', async () => {
      const client = makeProvider();
      await collect(client.stream(baseRequest, new AbortController().signal));
      fake.enqueue({ kind: 'hang' });
      const controller = new AbortController();
      const reason = new TestAbortReason('deadline');
      const collecting = collect(client.stream(baseRequest, controller.signal));
      await untilRequests(fake, 2);
      controller.abort(reason);
      expect((await collecting).error).toBe(reason);
    });

    it('reports the signal\'s reason when aborted while the server hangs', async () => {
      const client = makeProvider();
      await client.complete(baseRequest, new AbortController().signal);
      fake.enqueue({ kind: 'hang' });
      const controller = new AbortController();
      const reason = new TestAbortReason('stop');
      const pending = client.complete(baseRequest, controller.signal);
      await untilRequests(fake, 2);
      controller.abort(reason);
      await expect(pending).rejects.toBe(reason);
    });
  });

  describe('abort', () => {
    it('rejects with the signal reason when aborted while the server hangs', async () => {
      fake.enqueue({ kind: 'hang' });
      const controller = new AbortController();
      const reason = new TestAbortReason('attempt deadline');
      const pending = provider.complete(baseRequest, controller.signal);
      await untilRequests(fake, 1);
      controller.abort(reason);
      await expect(pending).rejects.toBe(reason);
    });

    it('rejects a stream with the signal reason while the server hangs', async () => {
      fake.enqueue({ kind: 'hang' });
      const controller = new AbortController();
      const reason = new TestAbortReason('deadline');
      const collecting = collect(provider.stream(baseRequest, controller.signal));
      await untilRequests(fake, 1);
      controller.abort(reason);
      expect((await collecting).error).toBe(reason);
    });

    it('rejects a stream with the signal reason when aborted between deltas', async () => {
      fake.enqueue({ kind: 'ok', content: 'a fairly long answer that arrives in several slow pieces', chunkDelayMs: 60_000 });
      const controller = new AbortController();
      const reason = new TestAbortReason('cancelled by the client');
      const events: StreamEvent[] = [];
      let failure: unknown = null;
      try {
        for await (const event of provider.stream(baseRequest, controller.signal)) {
          events.push(event);
          controller.abort(reason);
        }
      } catch (error) {
        failure = error;
      }
      expect(failure).toBe(reason);
      expect(events.some((event) => event.type === 'finish')).toBe(false);
    });

    it('rejects at once, without a request, when the signal is already aborted', async () => {
      const reason = new TestAbortReason('already');
      await expect(provider.complete(baseRequest, AbortSignal.abort(reason))).rejects.toBe(reason);
      expect((await collect(provider.stream(baseRequest, AbortSignal.abort(reason)))).error).toBe(reason);
      expect(fake.requests).toHaveLength(0);
    });

    it('closes the request when the consumer stops reading a stream', async () => {
      fake.enqueue({ kind: 'ok', content: 'slow pieces of text for the consumer to drop', chunkDelayMs: 60_000 });
      for await (const event of provider.stream(baseRequest, new AbortController().signal)) {
        expect(event.type).toBe('delta');
        break;
      }
      // The next call still works on the same provider (its pool is not stuck).
      expect((await provider.complete(baseRequest, new AbortController().signal)).finishReason).toBe('stop');
    });
  });

  describe('transport', () => {
    it('uses the fetch given in the settings', async () => {
      const calls: string[] = [];
      const transport = createHttpFetch();
      const counting: FetchFunction = (input, init) => {
        calls.push(`${init?.method} ${String(input)}`);
        return transport(input, init);
      };
      const completion = await makeProvider({ fetch: counting }).complete(baseRequest, new AbortController().signal);
      expect(completion.text).toMatch(/mitigated/);
      expect(calls).toEqual([`POST ${fake.url}/chat/completions`]);
      expect(fake.requests).toHaveLength(1);
    });

    it('uses the node:http fetch by default, not the platform fetch', async () => {
      await provider.complete(baseRequest, new AbortController().signal);
      // Node's fetch (undici) always sends these; node:http does not.
      expect(fake.requests[0]!.headers['sec-fetch-mode']).toBeUndefined();
      expect(fake.requests[0]!.headers['accept-language']).toBeUndefined();
    });

    it('honours OPENAI_BASE_URL when no baseURL is given (the SDK reads it)', async () => {
      const previous = process.env.OPENAI_BASE_URL;
      process.env.OPENAI_BASE_URL = fake.url;
      try {
        const fromEnvironment = createOpenAiProvider({ id: 'openai', apiKey: 'sk-env', selfHosted: false, structuredOutputs: true });
        const completion = await fromEnvironment.complete(baseRequest, new AbortController().signal);
        expect(completion.finishReason).toBe('stop');
        expect(fake.requests).toHaveLength(1);
        expect(fake.requests[0]!.headers.authorization).toBe('Bearer sk-env');
      } finally {
        if (previous === undefined) delete process.env.OPENAI_BASE_URL;
        else process.env.OPENAI_BASE_URL = previous;
      }
    });

    it('refuses an empty API key at creation', () => {
      expect(() => makeProvider({ apiKey: '' })).toThrow(/API key/);
    });

    it('reuses keep-alive connections across calls', async () => {
      const ports = new Set<number>();
      const server = createServer((request, response) => {
        ports.add(request.socket.remotePort ?? 0);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            id: 'c',
            object: 'chat.completion',
            created: 1,
            model: 'm',
            choices: [{ index: 0, message: { role: 'assistant', content: 'ok', refusal: null }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          }),
        );
      });
      const url = await listen(server);
      try {
        const local = makeProvider({ baseURL: url });
        for (let index = 0; index < 5; index++) await local.complete(baseRequest, new AbortController().signal);
        expect(ports.size).toBe(1);
      } finally {
        server.closeAllConnections();
        server.close();
      }
    });
  });
});

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`));
  });
}

describe('createHttpFetch', () => {
  let fake: FakeOpenAi;
  const httpFetch = createHttpFetch({ connections: 8, keepAliveTimeoutMs: 1_000 });
  const post = (body: unknown, init: RequestInit = {}): Promise<Response> =>
    httpFetch(`${fake.url}/chat/completions`, {
      method: 'POST',
      headers: new Headers({ 'content-type': 'application/json', authorization: 'Bearer sk' }),
      body: JSON.stringify(body),
      ...init,
    });
  const chat = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };

  beforeAll(async () => {
    fake = await startFakeOpenAi();
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());

  it('returns a WHATWG Response for a JSON answer', async () => {
    const response = await post(chat);
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expect(((await response.json()) as { object: string }).object).toBe('chat.completion');
    expect(fake.requests[0]!.headers).toMatchObject({ authorization: 'Bearer sk', 'content-type': 'application/json' });
    expect(fake.requests[0]!.body).toEqual(chat);
  });

  it('reads a header from the raw lines as Headers.get does: any case, repeated lines joined, whitespace trimmed', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, [
        ['Content-Type', 'application/json'],
        ['X-Repeated', 'one'],
        ['x-repeated', ' two\t'],
        ['X-Padded', '  padded  '],
        ['X-Empty', ''],
      ]);
      response.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await httpFetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(response).toBeInstanceOf(IncomingResponse);
      const names = ['content-type', 'x-repeated', 'x-padded', 'x-empty', 'x-absent'];
      const fromRawLines = names.map((name) => (response as IncomingResponse).header(name));
      expect(fromRawLines).toEqual(names.map((name) => response.headers.get(name)));
      expect(fromRawLines.slice(0, 2)).toEqual(['application/json', 'one, two']);
      // Once the Headers exist, they answer.
      expect((response as IncomingResponse).header('x-repeated')).toBe('one, two');
      await response.text();
    } finally {
      server.close();
    }
  });

  it('sends a string body as UTF-8 with its byte length', async () => {
    const text = { model: 'm', messages: [{ role: 'user', content: 'café ☕ 🚒 naïve — “quoted”' }] };
    const body = JSON.stringify(text);
    await (await post(text)).json();
    expect(fake.requests[0]!.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(fake.requests[0]!.body).toEqual(text);
  });

  it('reads a body once, through text(), json(), arrayBuffer() or body, as fetch does', async () => {
    const first = await post(chat);
    expect(first.bodyUsed).toBe(false);
    const text = await first.text();
    expect(first.bodyUsed).toBe(true);
    expect((JSON.parse(text) as { object: string }).object).toBe('chat.completion');
    await expect(first.json()).rejects.toBeInstanceOf(TypeError);

    const bytes = await (await post(chat)).arrayBuffer();
    expect(bytes).toBeInstanceOf(ArrayBuffer);
    expect((JSON.parse(new TextDecoder().decode(bytes)) as { object: string }).object).toBe('chat.completion');

    const streamed = await post(chat);
    const viaStream = await new Response(streamed.body).json();
    expect((viaStream as { object: string }).object).toBe('chat.completion');
    expect(streamed.bodyUsed).toBe(true);

    const original = await post(chat);
    const copy = original.clone();
    expect(((await copy.json()) as { object: string }).object).toBe('chat.completion');
    expect(((await original.json()) as { object: string }).object).toBe('chat.completion');
    expect(fake.requests).toHaveLength(4);
  });

  it('drops a UTF-8 byte order mark when decoding text', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"ok":true}')]));
    });
    const url = await listen(server);
    try {
      expect(await (await httpFetch(url)).json()).toEqual({ ok: true });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('rejects json() with the signal reason when aborted while the body is arriving', async () => {
    fake.enqueue({ kind: 'ok', content: 'first second third fourth fifth sixth seventh', chunkDelayMs: 60_000 });
    const controller = new AbortController();
    const response = await post({ ...chat, stream: true }, { signal: controller.signal });
    const reading = response.text();
    const reason = new TestAbortReason('stop');
    controller.abort(reason);
    await expect(reading).rejects.toBe(reason);
    expect((await post(chat)).status).toBe(200);
  });

  it('returns error statuses as responses, not rejections', async () => {
    fake.enqueue({ kind: 'error', status: 429, retryAfterSeconds: 3 });
    const response = await post(chat);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('rate_limit_exceeded');
  });

  it('streams an SSE body as it arrives', async () => {
    fake.enqueue({ kind: 'ok', content: 'first second third fourth fifth sixth seventh', chunkDelayMs: 60_000 });
    const controller = new AbortController();
    const response = await post({ ...chat, stream: true }, { signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const first = await reader.read();
    // The rest of the frames are a minute away: reading one proves nothing was buffered.
    expect(new TextDecoder().decode(first.value)).toMatch(/^data: \{.*"role":"assistant"/);
    const reason = new TestAbortReason('stop reading');
    controller.abort(reason);
    await expect(reader.read()).rejects.toBe(reason);
  });

  it('rejects with the signal reason while waiting for the response', async () => {
    fake.enqueue({ kind: 'hang' });
    const controller = new AbortController();
    const pending = post(chat, { signal: controller.signal });
    await untilRequests(fake, 1);
    const reason = new TestAbortReason('deadline');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect((await post(chat)).status).toBe(200);
  });

  it('rejects with an AbortError when the signal has no explicit reason', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(post(chat, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('errors the body with TypeError terminated when the connection breaks mid-body', async () => {
    fake.enqueue({ kind: 'broken-stream', chunks: 2 });
    const response = await post({ ...chat, stream: true });
    await expect(response.text()).rejects.toMatchObject({ name: 'TypeError', message: 'terminated' });
  });

  it('rejects with TypeError fetch failed on a reset before the response', async () => {
    fake.enqueue({ kind: 'reset' });
    await expect(post(chat)).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed' });
  });

  it('decodes gzip bodies and follows redirects', async () => {
    const server = createServer((request, response) => {
      if (request.url === '/old') {
        response.writeHead(307, { location: '/new' });
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      response.end(gzipSync(JSON.stringify({ path: request.url, method: request.method })));
    });
    const url = await listen(server);
    try {
      const origin = url.replace(/\/v1$/, '');
      const direct = await httpFetch(`${origin}/new`);
      expect(await direct.json()).toEqual({ path: '/new', method: 'GET' });
      const redirected = await httpFetch(`${origin}/old`, { method: 'POST', body: 'x' });
      expect(await redirected.json()).toEqual({ path: '/new', method: 'POST' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('returns a null body for 204 and HEAD', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(204);
      response.end();
    });
    const url = await listen(server);
    try {
      const response = await httpFetch(url);
      expect(response.status).toBe(204);
      expect(response.body).toBeNull();
      const head = await httpFetch(`${fake.url}/models`, { method: 'HEAD' });
      expect(head.body).toBeNull();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
