import http from 'node:http';
import { EventStreamCodec, type Message } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultFakeText, estimateTokens, startFakeBedrock, type FakeBedrock } from './bedrock-server.js';
import { schemaInstance } from './schema-instance.js';

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const model = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const modelPath = encodeURIComponent(model);

const toolSchema = {
  type: 'object',
  properties: { headline: { type: 'string', minLength: 3 }, severity: { type: 'string', enum: ['SEV1', 'SEV2'] } },
  required: ['headline', 'severity'],
  additionalProperties: false,
};

const plainBody = {
  system: [{ text: 'You write status updates.' }],
  messages: [{ role: 'user', content: [{ text: 'Database is down.' }] }],
  inferenceConfig: { maxTokens: 200, temperature: 0.2 },
};

const toolBody = {
  ...plainBody,
  toolConfig: {
    tools: [{ toolSpec: { name: 'status_update', description: 'The update', inputSchema: { json: toolSchema } } }],
    toolChoice: { tool: { name: 'status_update' } },
  },
};

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Set when the connection dropped before the response ended. */
  error: Error | null;
}

/** Posts with node:http so a connection dropped mid-body still yields the bytes received. */
function post(fake: FakeBedrock, path: string, body: unknown): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${fake.endpoint}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, agent: false });
    request.on('error', reject);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      const done = (error: Error | null): void =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), error });
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null));
      response.on('error', (error) => done(error));
    });
    request.end(JSON.stringify(body));
  });
}

/** Splits an event-stream body into its frames (each starts with its total length, big endian). */
function frames(body: Buffer): Uint8Array[] {
  const result: Uint8Array[] = [];
  let offset = 0;
  while (offset + 4 <= body.length) {
    const length = body.readUInt32BE(offset);
    result.push(new Uint8Array(body.subarray(offset, offset + length)));
    offset += length;
  }
  return result;
}

function headerValue(message: Message, name: string): unknown {
  return message.headers[name]?.value;
}

function payload(message: Message): Record<string, unknown> {
  return JSON.parse(toUtf8(message.body)) as Record<string, unknown>;
}

describe('fake Bedrock server', () => {
  let fake: FakeBedrock;
  beforeAll(async () => {
    fake = await startFakeBedrock();
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());

  it('answers Converse with text, usage estimates and a request id, recording the decoded model id', async () => {
    const response = await post(fake, `/model/${modelPath}/converse`, plainBody);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    const inputTokens = estimateTokens('You write status updates.'.length + 'Database is down.'.length);
    const outputTokens = estimateTokens(defaultFakeText.length);
    expect(JSON.parse(response.body.toString())).toEqual({
      output: { message: { role: 'assistant', content: [{ text: defaultFakeText }] } },
      stopReason: 'end_turn',
      usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
      metrics: { latencyMs: 0 },
    });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ operation: 'converse', modelId: model, path: `/model/${modelPath}/converse` });
    expect(fake.requests[0]!.body).toEqual(plainBody);
  });

  it('answers a forced tool with a toolUse whose input is valid for the schema', async () => {
    const response = await post(fake, `/model/${modelPath}/converse`, toolBody);
    const body = JSON.parse(response.body.toString()) as { output: { message: { content: Array<{ toolUse: unknown }> } }; stopReason: string };
    expect(body.stopReason).toBe('tool_use');
    expect(body.output.message.content[0]!.toolUse).toMatchObject({ name: 'status_update', input: schemaInstance(toolSchema) });
  });

  it('frames a text stream as Bedrock does', async () => {
    fake.enqueue({ kind: 'ok', text: 'Hello from the fake stream', chunkSize: 5 });
    const response = await post(fake, `/model/${modelPath}/converse-stream`, plainBody);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.amazon.eventstream');
    const messages = frames(response.body).map((frame) => codec.decode(frame));
    for (const message of messages) {
      expect(headerValue(message, ':message-type')).toBe('event');
      expect(headerValue(message, ':content-type')).toBe('application/json');
    }
    const types = messages.map((message) => headerValue(message, ':event-type'));
    expect(types).toEqual([
      'messageStart',
      ...Array(6).fill('contentBlockDelta'),
      'contentBlockStop',
      'messageStop',
      'metadata',
    ]);
    const text = messages
      .filter((message) => headerValue(message, ':event-type') === 'contentBlockDelta')
      .map((message) => (payload(message).delta as { text: string }).text)
      .join('');
    expect(text).toBe('Hello from the fake stream');
    expect(payload(messages[8]!)).toEqual({ stopReason: 'end_turn' });
    expect(payload(messages[9]!)).toMatchObject({ usage: { outputTokens: estimateTokens(text.length) } });
  });

  it('streams tool input as partial JSON strings after a contentBlockStart', async () => {
    const response = await post(fake, `/model/${modelPath}/converse-stream`, toolBody);
    const messages = frames(response.body).map((frame) => codec.decode(frame));
    expect(headerValue(messages[1]!, ':event-type')).toBe('contentBlockStart');
    expect(payload(messages[1]!)).toMatchObject({ contentBlockIndex: 0, start: { toolUse: { name: 'status_update' } } });
    const input = messages
      .filter((message) => headerValue(message, ':event-type') === 'contentBlockDelta')
      .map((message) => (payload(message).delta as { toolUse: { input: string } }).toolUse.input)
      .join('');
    expect(JSON.parse(input)).toEqual(schemaInstance(toolSchema));
    const stop = messages.find((message) => headerValue(message, ':event-type') === 'messageStop')!;
    expect(payload(stop)).toEqual({ stopReason: 'tool_use' });
  });

  it('sends an exception event mid-stream', async () => {
    fake.enqueue({ kind: 'stream-exception', events: 2, exceptionType: 'throttlingException', message: 'slow down' });
    const response = await post(fake, `/model/${modelPath}/converse-stream`, plainBody);
    const messages = frames(response.body).map((frame) => codec.decode(frame));
    expect(messages).toHaveLength(3);
    const last = messages[2]!;
    expect(headerValue(last, ':message-type')).toBe('exception');
    expect(headerValue(last, ':exception-type')).toBe('throttlingException');
    expect(payload(last)).toEqual({ message: 'slow down' });
  });

  it('corrupts a frame on malformed streams and cuts the JSON on malformed Converse', async () => {
    fake.enqueue({ kind: 'malformed', events: 1 }, 'malformed');
    const stream = await post(fake, `/model/${modelPath}/converse-stream`, plainBody);
    const [first, corrupt] = frames(stream.body);
    expect(headerValue(codec.decode(first!), ':event-type')).toBe('messageStart');
    expect(() => codec.decode(corrupt!)).toThrow(/checksum/i);
    const converse = await post(fake, `/model/${modelPath}/converse`, plainBody);
    expect(converse.status).toBe(200);
    expect(() => JSON.parse(converse.body.toString())).toThrow(SyntaxError);
  });

  it('drops the connection after N events on broken streams', async () => {
    fake.enqueue({ kind: 'broken-stream', events: 3 }, 'broken-stream');
    const stream = await post(fake, `/model/${modelPath}/converse-stream`, plainBody);
    expect(stream.error).not.toBeNull();
    expect(frames(stream.body).map((frame) => headerValue(codec.decode(frame), ':event-type'))).toEqual([
      'messageStart',
      'contentBlockDelta',
      'contentBlockDelta',
    ]);
    const converse = await post(fake, `/model/${modelPath}/converse`, plainBody);
    expect(converse.error).not.toBeNull();
    expect(converse.body.length).toBeLessThan(Number(converse.headers['content-length']));
  });

  it('ends a stream cleanly without messageStop when asked', async () => {
    fake.enqueue({ kind: 'broken-stream', events: 2, ending: 'end' });
    const stream = await post(fake, `/model/${modelPath}/converse-stream`, plainBody);
    expect(stream.error).toBeNull();
    expect(frames(stream.body)).toHaveLength(2);
  });

  it.each([
    ['ThrottlingException', 429],
    ['ModelNotReadyException', 429],
    ['ServiceUnavailableException', 503],
    ['ModelTimeoutException', 408],
    ['ValidationException', 400],
    ['AccessDeniedException', 403],
    ['InternalServerException', 500],
  ] as const)('answers %s with HTTP %i, x-amzn-errortype and a JSON message', async (errorType, status) => {
    fake.enqueue({ kind: 'error', errorType, message: 'nope' });
    const response = await post(fake, `/model/${modelPath}/converse`, plainBody);
    expect(response.status).toBe(status);
    expect(String(response.headers['x-amzn-errortype']).split(':')[0]).toBe(errorType);
    expect(response.headers['retry-after']).toBeUndefined();
    expect(JSON.parse(response.body.toString())).toEqual({ message: 'nope' });
  });

  it('sends Retry-After when asked, and errors on streams before any event', async () => {
    fake.enqueue({ kind: 'error', errorType: 'ThrottlingException', retryAfter: 3 });
    const response = await post(fake, `/model/${modelPath}/converse-stream`, plainBody);
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('3');
    expect(response.headers['content-type']).toBe('application/json');
  });

  it('rejects conversations Bedrock rejects, without consuming the queue', async () => {
    fake.enqueue({ kind: 'ok', text: 'queued' });
    const assistantFirst = { messages: [{ role: 'assistant', content: [{ text: 'hi' }] }] };
    const notAlternating = {
      messages: [
        { role: 'user', content: [{ text: 'a' }] },
        { role: 'user', content: [{ text: 'b' }] },
      ],
    };
    const blank = { messages: [{ role: 'user', content: [{ text: '  ' }] }] };
    for (const body of [assistantFirst, notAlternating, blank]) {
      const response = await post(fake, `/model/${modelPath}/converse`, body);
      expect(response.status).toBe(400);
      expect(String(response.headers['x-amzn-errortype'])).toMatch(/^ValidationException:/);
    }
    const ok = await post(fake, `/model/${modelPath}/converse`, plainBody);
    expect(JSON.parse(ok.body.toString()).output.message.content[0].text).toBe('queued');
  });

  it('consumes the queue in order, then the default; reset restores the start state', async () => {
    fake.enqueue({ kind: 'ok', text: 'one' }, { kind: 'delay', ms: 1, then: { kind: 'ok', text: 'two' } });
    fake.setDefault({ kind: 'ok', text: 'default' });
    fake.setLatency(1);
    const texts: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const response = await post(fake, `/model/${modelPath}/converse`, plainBody);
      texts.push(JSON.parse(response.body.toString()).output.message.content[0].text);
    }
    expect(texts).toEqual(['one', 'two', 'default']);
    fake.reset();
    expect(fake.requests).toHaveLength(0);
    const response = await post(fake, `/model/${modelPath}/converse`, plainBody);
    expect(JSON.parse(response.body.toString())).toMatchObject({
      output: { message: { content: [{ text: defaultFakeText }] } },
      metrics: { latencyMs: 0 },
    });
  });

  it('resets the socket on reset, and 404s unknown operations', async () => {
    fake.enqueue('reset');
    await expect(post(fake, `/model/${modelPath}/converse`, plainBody)).rejects.toThrow(/socket hang up|ECONNRESET/);
    const unknown = await post(fake, `/model/${modelPath}/invoke`, plainBody);
    expect(unknown.status).toBe(404);
  });

  it('holds a hanging request until the client leaves, and closes with one pending', async () => {
    const own = await startFakeBedrock({ defaultBehaviour: 'hang' });
    const controller = new AbortController();
    const pending = fetch(`${own.endpoint}/model/${modelPath}/converse`, {
      method: 'POST',
      body: JSON.stringify(plainBody),
      signal: controller.signal,
    });
    await waitFor(() => own.requests.length === 1);
    controller.abort(new Error('gave up'));
    await expect(pending).rejects.toThrow('gave up');
    const another = post(own, `/model/${modelPath}/converse`, plainBody);
    await waitFor(() => own.requests.length === 2);
    await own.close();
    await expect(another).rejects.toThrow();
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
