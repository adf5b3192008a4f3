import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBedrockProvider, conversationStartPlaceholder, type BedrockProvider } from '../../../src/llm/providers/bedrock-provider.js';
import { ProviderError, type Completion, type LlmRequest, type StreamEvent } from '../../../src/llm/types.js';
import {
  defaultFakeText,
  estimateTokens,
  startFakeBedrock,
  type FakeBedrock,
  type FakeBedrockBehaviourInput,
} from '../../fakes/bedrock-server.js';
import { schemaInstance } from '../../fakes/schema-instance.js';

const model = 'anthropic.claude-3-5-haiku-20241022-v1:0';

const outputSchema = {
  type: 'object',
  properties: {
    headline: { type: 'string', minLength: 5 },
    impact: { type: 'string' },
    severity: { type: 'string', enum: ['SEV1', 'SEV2', 'SEV3'] },
    nextUpdateMinutes: { type: 'integer', minimum: 15 },
    components: { type: 'array', items: { type: 'string' } },
  },
  required: ['headline', 'impact', 'severity', 'nextUpdateMinutes', 'components'],
  additionalProperties: false,
};

function request(overrides: Partial<LlmRequest> = {}): LlmRequest {
  return {
    feature: 'statusUpdate',
    model,
    messages: [
      { role: 'system', content: 'You write incident status updates.' },
      { role: 'user', content: 'Checkout fails for 20% of users.' },
    ],
    maxOutputTokens: 300,
    temperature: 0.2,
    ...overrides,
  };
}

const structured = (): LlmRequest =>
  request({ output: { name: 'status_update', description: 'A customer-facing status update', jsonSchema: outputSchema } });

async function collect(events: AsyncIterable<StreamEvent>): Promise<{ deltas: string[]; completion: Completion }> {
  const deltas: string[] = [];
  let completion: Completion | undefined;
  for await (const event of events) {
    if (event.type === 'delta') deltas.push(event.text);
    else completion = event.completion;
  }
  if (!completion) throw new Error('no finish event');
  return { deltas, completion };
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('Bedrock provider (real SDK against the fake Bedrock server)', () => {
  let fake: FakeBedrock;
  let provider: BedrockProvider;
  const signal = new AbortController().signal;

  beforeAll(async () => {
    fake = await startFakeBedrock();
    provider = createBedrockProvider({
      id: 'bedrock',
      region: 'us-east-1',
      endpoint: fake.endpoint,
      credentials: { accessKeyId: 'AKIDTESTFAKE', secretAccessKey: 'test-secret' },
      selfHosted: false,
    });
  });
  afterEach(() => fake.reset());
  afterAll(async () => {
    provider.close();
    await fake.close();
  });

  it('describes itself', () => {
    expect(provider).toMatchObject({ id: 'bedrock', kind: 'bedrock', degraded: false, selfHosted: false });
  });

  it('completes plain text: system apart, inferenceConfig, SigV4-signed, URL-encoded model id', async () => {
    const completion = await provider.complete(request(), signal);
    const inputTokens = estimateTokens('You write incident status updates.'.length + 'Checkout fails for 20% of users.'.length);
    expect(completion).toEqual({
      text: defaultFakeText,
      finishReason: 'stop',
      usage: { inputTokens, outputTokens: estimateTokens(defaultFakeText.length) },
      responseModel: model,
      providerRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(fake.requests).toHaveLength(1);
    const seen = fake.requests[0]!;
    expect(seen.operation).toBe('converse');
    expect(seen.modelId).toBe(model);
    expect(seen.path).toBe(`/model/${encodeURIComponent(model)}/converse`);
    expect(seen.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDTESTFAKE\/\d{8}\/us-east-1\/bedrock\/aws4_request, SignedHeaders=.+, Signature=[0-9a-f]{64}$/,
    );
    expect(seen.body).toEqual({
      system: [{ text: 'You write incident status updates.' }],
      messages: [{ role: 'user', content: [{ text: 'Checkout fails for 20% of users.' }] }],
      inferenceConfig: { maxTokens: 300, temperature: 0.2 },
    });
  });

  it('merges consecutive same-role messages, drops blank ones and starts with a user turn', async () => {
    fake.enqueue({ kind: 'ok', text: 'merged' });
    const completion = await provider.complete(
      request({
        messages: [
          { role: 'system', content: 'Rule one.' },
          { role: 'assistant', content: 'Hello, how can I help?' },
          { role: 'system', content: 'Rule two.' },
          { role: 'user', content: 'First part.' },
          { role: 'user', content: '   ' },
          { role: 'user', content: 'Second part.' },
          { role: 'assistant', content: 'Noted.' },
          { role: 'assistant', content: 'Anything else?' },
          { role: 'user', content: 'Summarise.' },
        ],
      }),
      signal,
    );
    expect(completion.text).toBe('merged');
    expect(fake.requests[0]!.body.system).toEqual([{ text: 'Rule one.' }, { text: 'Rule two.' }]);
    expect(fake.requests[0]!.body.messages).toEqual([
      { role: 'user', content: [{ text: conversationStartPlaceholder }] },
      { role: 'assistant', content: [{ text: 'Hello, how can I help?' }] },
      { role: 'user', content: [{ text: 'First part.' }, { text: 'Second part.' }] },
      { role: 'assistant', content: [{ text: 'Noted.' }, { text: 'Anything else?' }] },
      { role: 'user', content: [{ text: 'Summarise.' }] },
    ]);
  });

  it('asks for structured output with a forced tool and answers the JSON of its input', async () => {
    const completion = await provider.complete(structured(), signal);
    expect(fake.requests[0]!.body.toolConfig).toEqual({
      tools: [
        {
          toolSpec: {
            name: 'status_update',
            description: 'A customer-facing status update',
            inputSchema: { json: outputSchema },
          },
        },
      ],
      toolChoice: { tool: { name: 'status_update' } },
    });
    expect(completion.finishReason).toBe('stop');
    expect(JSON.parse(completion.text)).toEqual(schemaInstance(outputSchema));
  });

  it('writes out the $defs a compact schema refers to, since Nova takes no definitions', async () => {
    const citation = { type: 'object', properties: { sourceId: { type: 'string' } }, required: ['sourceId'], additionalProperties: false };
    const statement = { type: 'object', properties: { text: { type: 'string' }, citations: { type: 'array', items: { $ref: '#/$defs/citation' } } }, required: ['text', 'citations'], additionalProperties: false };
    const jsonSchema = { type: 'object', properties: { summary: { $ref: '#/$defs/statement' }, cause: { anyOf: [{ $ref: '#/$defs/statement' }, { type: 'null' }] } }, required: ['summary', 'cause'], additionalProperties: false, $defs: { statement, citation } };
    await provider.complete(request({ output: { name: 'digest', description: 'A digest', jsonSchema } }), signal);
    const inlinedStatement = { ...statement, properties: { ...statement.properties, citations: { type: 'array', items: citation } } };
    expect(fake.requests[0]!.body.toolConfig!.tools![0]!.toolSpec!.inputSchema!.json).toEqual({
      type: 'object',
      properties: { summary: inlinedStatement, cause: { anyOf: [inlinedStatement, { type: 'null' }] } },
      required: ['summary', 'cause'],
      additionalProperties: false,
    });
  });

  it('answers an explicit JSON value through the forced tool', async () => {
    const value = { headline: 'Checkout degraded', impact: 'Some payments fail', severity: 'SEV2', nextUpdateMinutes: 30, components: ['checkout'] };
    fake.enqueue({ kind: 'ok', json: value });
    const completion = await provider.complete(structured(), signal);
    expect(JSON.parse(completion.text)).toEqual(value);
  });

  it('maps max_tokens to length', async () => {
    fake.enqueue({ kind: 'ok', text: 'cut', stopReason: 'max_tokens' });
    expect((await provider.complete(request(), signal)).finishReason).toBe('length');
    fake.enqueue({ kind: 'ok', stopReason: 'max_tokens', chunkSize: 4 });
    expect((await collect(provider.stream(request(), signal))).completion.finishReason).toBe('length');
  });

  it.each(['guardrail_intervened', 'content_filtered'] as const)('throws content_filtered on %s', async (stopReason) => {
    fake.enqueue({ kind: 'ok', stopReason }, { kind: 'ok', stopReason });
    const completeError = await failure(provider.complete(request(), signal));
    expect(completeError).toMatchObject({ kind: 'content_filtered', retryable: false, providerId: 'bedrock' });
    const streamError = await failure(collect(provider.stream(request(), signal)));
    expect(streamError.kind).toBe('content_filtered');
  });

  it('streams text deltas that concatenate to the completion, with usage from metadata', async () => {
    const text = 'Checkout is degraded; engineers are rolling back the last deploy.';
    fake.enqueue({ kind: 'ok', text, chunkSize: 7 });
    const { deltas, completion } = await collect(provider.stream(request(), signal));
    expect(deltas.length).toBe(Math.ceil(text.length / 7));
    expect(deltas.join('')).toBe(text);
    expect(completion).toEqual({
      text,
      finishReason: 'stop',
      usage: {
        inputTokens: estimateTokens('You write incident status updates.'.length + 'Checkout fails for 20% of users.'.length),
        outputTokens: estimateTokens(text.length),
      },
      responseModel: model,
      providerRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(fake.requests[0]!.operation).toBe('converse-stream');
    expect(fake.requests[0]!.body.inferenceConfig).toEqual({ maxTokens: 300, temperature: 0.2 });
  });

  it('streams tool input deltas that concatenate to the structured JSON', async () => {
    fake.enqueue({ kind: 'ok', chunkSize: 9 });
    const { deltas, completion } = await collect(provider.stream(structured(), signal));
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe(completion.text);
    expect(JSON.parse(completion.text)).toEqual(schemaInstance(outputSchema));
    expect(completion.finishReason).toBe('stop');
    expect(completion.usage.outputTokens).toBe(estimateTokens(completion.text.length));
    expect(fake.requests[0]!.body.toolConfig?.toolChoice).toEqual({ tool: { name: 'status_update' } });
  });

  describe('error mapping', () => {
    const cases: Array<[string, FakeBedrockBehaviourInput, Partial<ProviderError>]> = [
      [
        'ThrottlingException with Retry-After',
        { kind: 'error', errorType: 'ThrottlingException', retryAfter: 2 },
        { kind: 'rate_limited', retryable: true, status: 429, retryAfterMs: 2000 },
      ],
      ['ThrottlingException', { kind: 'error', errorType: 'ThrottlingException' }, { kind: 'rate_limited', status: 429, retryAfterMs: null }],
      ['ModelNotReadyException', { kind: 'error', errorType: 'ModelNotReadyException' }, { kind: 'rate_limited', status: 429 }],
      ['an unknown 429', { kind: 'error', errorType: 'SlowDownException', status: 429 }, { kind: 'rate_limited', status: 429 }],
      ['ServiceUnavailableException', { kind: 'error', errorType: 'ServiceUnavailableException' }, { kind: 'unavailable', retryable: true, status: 503 }],
      ['InternalServerException', { kind: 'error', errorType: 'InternalServerException' }, { kind: 'unavailable', status: 500 }],
      ['an unknown 502', { kind: 'error', errorType: 'BadGatewayException', status: 502 }, { kind: 'unavailable', status: 502 }],
      ['ModelTimeoutException', { kind: 'error', errorType: 'ModelTimeoutException' }, { kind: 'timeout', retryable: true, status: 408 }],
      ['ValidationException', { kind: 'error', errorType: 'ValidationException' }, { kind: 'bad_request', retryable: false, status: 400 }],
      ['AccessDeniedException', { kind: 'error', errorType: 'AccessDeniedException' }, { kind: 'authentication', retryable: false, status: 403 }],
      ['UnrecognizedClientException', { kind: 'error', errorType: 'UnrecognizedClientException' }, { kind: 'authentication', status: 403 }],
      ['a socket reset', 'reset', { kind: 'unavailable', retryable: true, status: null }],
      ['a body cut short', 'broken-stream', { kind: 'unavailable', status: null }],
      ['a malformed JSON body', 'malformed', { kind: 'unavailable' }],
    ];

    it.each(cases)('complete: %s', async (_name, behaviour, expected) => {
      fake.enqueue(behaviour);
      const error = await failure(provider.complete(request(), signal));
      expect(error).toMatchObject({ providerId: 'bedrock', ...expected });
    });

    it.each(cases.filter(([, behaviour]) => behaviour !== 'broken-stream' && behaviour !== 'malformed'))(
      'stream, before any event: %s',
      async (_name, behaviour, expected) => {
        fake.enqueue(behaviour);
        const error = await failure(collect(provider.stream(request(), signal)));
        expect(error).toMatchObject({ providerId: 'bedrock', ...expected });
      },
    );

    it.each([
      ['throttlingException', 'rate_limited'],
      ['modelStreamErrorException', 'unavailable'],
      ['internalServerException', 'unavailable'],
      ['serviceUnavailableException', 'unavailable'],
      ['validationException', 'bad_request'],
    ] as const)('stream: a %s mid-stream is %s, after the deltas sent before it', async (exceptionType, kind) => {
      fake.enqueue({ kind: 'stream-exception', events: 3, exceptionType, message: 'mid-stream trouble' });
      const deltas: string[] = [];
      const error = await failure(
        (async () => {
          for await (const event of provider.stream(request(), signal)) if (event.type === 'delta') deltas.push(event.text);
        })(),
      );
      expect(error.kind).toBe(kind);
      expect(error.message).toContain('mid-stream trouble');
      expect(deltas).toHaveLength(2);
    });

    it('stream: a connection dropped mid-stream is unavailable', async () => {
      fake.enqueue({ kind: 'broken-stream', events: 3 });
      const error = await failure(collect(provider.stream(request(), signal)));
      expect(error).toMatchObject({ kind: 'unavailable', retryable: true });
    });

    it('stream: a corrupt frame is unavailable', async () => {
      fake.enqueue({ kind: 'malformed', events: 2 });
      const error = await failure(collect(provider.stream(request(), signal)));
      expect(error).toMatchObject({ kind: 'unavailable', retryable: true });
    });

    it('stream: a stream that ends without messageStop is unavailable', async () => {
      fake.enqueue({ kind: 'broken-stream', events: 4, ending: 'end' });
      const error = await failure(collect(provider.stream(request(), signal)));
      expect(error.kind).toBe('unavailable');
      expect(error.message).toMatch(/messageStop/);
    });

    it('a structured output name Bedrock would refuse is a bad request, caught before any call', async () => {
      const error = await failure(
        provider.complete(request({ output: { name: 'status update!', description: 'x', jsonSchema: outputSchema } }), signal),
      );
      expect(error.kind).toBe('bad_request');
      expect(fake.requests).toHaveLength(0);
    });
  });

  describe('abort', () => {
    it('complete: an abort during a hang rejects with the signal reason', async () => {
      fake.enqueue('hang');
      const controller = new AbortController();
      const reason = new Error('attempt deadline');
      const pending = provider.complete(request(), controller.signal);
      await waitFor(() => fake.requests.length === 1);
      controller.abort(reason);
      await expect(pending).rejects.toBe(reason);
    });

    it('stream: an abort during a hang rejects with the signal reason', async () => {
      fake.enqueue('hang');
      const controller = new AbortController();
      const reason = new Error('attempt deadline');
      const pending = collect(provider.stream(request(), controller.signal));
      await waitFor(() => fake.requests.length === 1);
      controller.abort(reason);
      await expect(pending).rejects.toBe(reason);
    });

    it('stream: an abort between events rejects with the signal reason', async () => {
      fake.enqueue({ kind: 'ok', text: 'a long answer that trickles in slowly', chunkSize: 2, eventDelayMs: 20 });
      const controller = new AbortController();
      const reason = new Error('client went away');
      const deltas: string[] = [];
      const consumed = (async () => {
        for await (const event of provider.stream(request(), controller.signal)) {
          if (event.type !== 'delta') continue;
          deltas.push(event.text);
          if (deltas.length === 2) controller.abort(reason);
        }
      })();
      await expect(consumed).rejects.toBe(reason);
      expect(deltas).toHaveLength(2);
    });

    it('an abort while credentials are still resolving rejects with the signal reason', async () => {
      const stuck = createBedrockProvider({
        id: 'bedrock-stuck',
        region: 'us-east-1',
        endpoint: fake.endpoint,
        credentials: () => new Promise(() => {}),
        selfHosted: false,
      });
      try {
        const controller = new AbortController();
        const reason = new Error('deadline while signing');
        const completing = stuck.complete(request(), controller.signal);
        const streaming = collect(stuck.stream(request(), controller.signal));
        controller.abort(reason);
        await expect(completing).rejects.toBe(reason);
        await expect(streaming).rejects.toBe(reason);
        expect(fake.requests).toHaveLength(0);
      } finally {
        stuck.close();
      }
    });

    it('an already aborted signal rejects at once, without a request', async () => {
      const controller = new AbortController();
      const reason = new Error('too late');
      controller.abort(reason);
      await expect(provider.complete(request(), controller.signal)).rejects.toBe(reason);
      await expect(collect(provider.stream(request(), controller.signal))).rejects.toBe(reason);
      expect(fake.requests).toHaveLength(0);
    });

    it('a consumer that stops early releases the exchange; later calls still work', async () => {
      fake.enqueue({ kind: 'ok', text: 'x'.repeat(200), chunkSize: 1, eventDelayMs: 5 });
      for await (const event of provider.stream(request(), signal)) {
        if (event.type === 'delta') break;
      }
      const completion = await provider.complete(request(), signal);
      expect(completion.text).toBe(defaultFakeText);
    });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
