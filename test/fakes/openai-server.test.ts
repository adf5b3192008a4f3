import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { estimateTokens, startFakeOpenAi, type FakeOpenAi } from './openai-server.js';
import { schemaInstance } from './schema-instance.js';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** Set when the connection broke before the end of the response. */
  error: NodeJS.ErrnoException | null;
  /** Whether a response (status line) arrived at all. */
  answered: boolean;
}

/** One request on a fresh connection, with node:http only, so the wire format is seen as sent. */
function send(url: string, options: { method?: string; path?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  const target = new URL(`${url}${options.path ?? '/chat/completions'}`);
  const payload = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  return new Promise((resolve) => {
    const result: RawResponse = { status: 0, headers: {}, text: '', error: null, answered: false };
    const request = httpRequest(
      target,
      {
        method: options.method ?? (payload === undefined ? 'GET' : 'POST'),
        agent: false,
        headers: { 'content-type': 'application/json', ...options.headers },
      },
      (response) => {
        result.answered = true;
        result.status = response.statusCode ?? 0;
        result.headers = response.headers;
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (result.text += chunk));
        response.on('end', () => resolve(result));
        response.on('error', (error) => resolve({ ...result, error }));
      },
    );
    request.on('error', (error) => resolve({ ...result, error }));
    request.end(payload);
  });
}

const messages = [
  { role: 'system', content: 'You write status updates.' },
  { role: 'user', content: 'Summarise incident INC-1.' },
];
const promptTokens = estimateTokens(messages.map((message) => message.content).join(''));
const schema = {
  type: 'object',
  properties: {
    headline: { type: 'string', minLength: 3 },
    severity: { type: 'string', enum: ['minor', 'major'] },
    impacted: { type: 'array', items: { type: 'string' }, minItems: 2 },
    eta: { anyOf: [{ type: 'integer', minimum: 5 }, { type: 'null' }] },
  },
  required: ['headline', 'severity', 'impacted', 'eta'],
  additionalProperties: false,
};

/** Splits an SSE body into its `data:` payloads, checking the framing on the way. */
function sseData(text: string): string[] {
  expect(text.endsWith('\n\n')).toBe(true);
  const frames = text.slice(0, -2).split('\n\n');
  return frames.map((frame) => {
    expect(frame.startsWith('data: ')).toBe(true);
    expect(frame.includes('\n')).toBe(false);
    return frame.slice('data: '.length);
  });
}

interface Chunk {
  id: string;
  object: string;
  model: string;
  choices: Array<{ index: number; delta: { role?: string; content?: string; refusal?: string | null }; finish_reason: string | null }>;
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null;
}

describe('fake OpenAI server: wire format', () => {
  let fake: FakeOpenAi;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());

  it('answers a chat completion as a chat.completion object with usage and x-request-id', async () => {
    const response = await send(fake.url, { body: { model: 'gpt-4o-mini', messages } });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['x-request-id']).toMatch(/^req_/);
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.text));
    const body = JSON.parse(response.text);
    expect(body).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant', refusal: null }, finish_reason: 'stop' }],
    });
    expect(body.id).toMatch(/^chatcmpl-/);
    expect(Number.isInteger(body.created)).toBe(true);
    const content = body.choices[0].message.content as string;
    expect(content.length).toBeGreaterThan(0);
    expect(body.usage).toEqual({
      prompt_tokens: promptTokens,
      completion_tokens: estimateTokens(content),
      total_tokens: promptTokens + estimateTokens(content),
    });
  });

  it('gives every completion its own id, even from a cached template', async () => {
    const first = JSON.parse((await send(fake.url, { body: { model: 'm', messages } })).text);
    const second = JSON.parse((await send(fake.url, { body: { model: 'm', messages } })).text);
    expect(first.id).not.toBe(second.id);
    expect(first.choices).toEqual(second.choices);
  });

  it('answers structured output requests with an instance of the json_schema', async () => {
    const response = await send(fake.url, {
      body: { model: 'gpt-4o', messages, response_format: { type: 'json_schema', json_schema: { name: 'update', schema, strict: true } } },
    });
    const content = JSON.parse(response.text).choices[0].message.content as string;
    expect(JSON.parse(content)).toEqual(schemaInstance(schema));
  });

  it('answers explicit content or a JSON value, with the requested finish reason', async () => {
    fake.enqueue({ kind: 'ok', content: 'hello', finishReason: 'length' }, { kind: 'ok', json: { a: [1, 2] } });
    const first = JSON.parse((await send(fake.url, { body: { model: 'm', messages } })).text);
    expect(first.choices[0]).toMatchObject({ message: { content: 'hello' }, finish_reason: 'length' });
    const second = JSON.parse((await send(fake.url, { body: { model: 'm', messages } })).text);
    expect(JSON.parse(second.choices[0].message.content)).toEqual({ a: [1, 2] });
  });

  it('streams chat.completion.chunk frames over SSE, then usage, then [DONE]', async () => {
    const response = await send(fake.url, {
      body: { model: 'gpt-4o-mini', messages, stream: true, stream_options: { include_usage: true } },
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(response.headers['x-request-id']).toMatch(/^req_/);
    const data = sseData(response.text);
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data.slice(0, -1).map((payload) => JSON.parse(payload) as Chunk);
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({ object: 'chat.completion.chunk', model: 'gpt-4o-mini' });
      expect(chunk.id).toBe(chunks[0]!.id);
    }
    expect(chunks[0]!.choices[0]!.delta.role).toBe('assistant');
    const contentChunks = chunks.filter((chunk) => chunk.choices[0]?.delta.content);
    expect(contentChunks.length).toBeGreaterThanOrEqual(2);
    const text = contentChunks.map((chunk) => chunk.choices[0]!.delta.content).join('');
    const finals = chunks.filter((chunk) => chunk.choices[0]?.finish_reason);
    expect(finals).toHaveLength(1);
    expect(finals[0]!.choices[0]!.finish_reason).toBe('stop');
    const usageChunk = chunks.at(-1)!;
    expect(usageChunk.choices).toEqual([]);
    expect(usageChunk.usage).toEqual({
      prompt_tokens: promptTokens,
      completion_tokens: estimateTokens(text),
      total_tokens: promptTokens + estimateTokens(text),
    });
    // Like OpenAI, every other chunk carries `usage: null` when usage was asked for.
    for (const chunk of chunks.slice(0, -1)) expect(chunk.usage).toBeNull();
  });

  it('sends no usage chunk when the request did not ask for one, or when told to omit it', async () => {
    const plain = sseData((await send(fake.url, { body: { model: 'm', messages, stream: true } })).text);
    expect(plain.slice(0, -1).every((payload) => !('usage' in JSON.parse(payload)))).toBe(true);
    expect(JSON.parse(plain.at(-2)!).choices[0].finish_reason).toBe('stop');

    fake.enqueue({ kind: 'ok', omitUsage: true });
    const omitted = sseData((await send(fake.url, { body: { model: 'm', messages, stream: true, stream_options: { include_usage: true } } })).text);
    expect(omitted.slice(0, -1).every((payload) => !JSON.parse(payload).usage)).toBe(true);
    expect(omitted.at(-1)).toBe('[DONE]');
  });

  it('streams structured output whose deltas concatenate to the schema instance', async () => {
    const response = await send(fake.url, {
      body: { model: 'm', messages, stream: true, response_format: { type: 'json_schema', json_schema: { name: 'update', schema } } },
    });
    const chunks = sseData(response.text).slice(0, -1).map((payload) => JSON.parse(payload) as Chunk);
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(JSON.parse(text)).toEqual(schemaInstance(schema));
  });

  it('paces SSE frames with chunkDelayMs and still ends with [DONE]', async () => {
    fake.enqueue({ kind: 'ok', content: 'one two three four five six', chunkDelayMs: 5 });
    const response = await send(fake.url, { body: { model: 'm', messages, stream: true } });
    const data = sseData(response.text);
    expect(data.at(-1)).toBe('[DONE]');
    expect(data.slice(0, -1).map((payload) => (JSON.parse(payload) as Chunk).choices[0]!.delta.content ?? '').join('')).toBe(
      'one two three four five six',
    );
  });

  it('answers errors in OpenAI shape with Retry-After and retry-after-ms', async () => {
    fake.enqueue({ kind: 'error', status: 429, retryAfterSeconds: 7 }, { kind: 'error', status: 429, retryAfterMs: 1500 });
    const first = await send(fake.url, { body: { model: 'm', messages } });
    expect(first.status).toBe(429);
    expect(first.headers['retry-after']).toBe('7');
    expect(first.headers['content-type']).toBe('application/json');
    expect(JSON.parse(first.text)).toEqual({
      error: { message: expect.any(String), type: 'requests', param: null, code: 'rate_limit_exceeded' },
    });
    const second = await send(fake.url, { body: { model: 'm', messages } });
    expect(second.headers['retry-after-ms']).toBe('1500');
    expect(second.headers['retry-after']).toBeUndefined();
  });

  it.each([400, 401, 403, 404, 408, 422, 500, 502, 503, 504, 418])('answers a %i error with an error object', async (status) => {
    fake.enqueue({ kind: 'error', status });
    const response = await send(fake.url, { body: { model: 'm', messages, stream: true } });
    expect(response.status).toBe(status);
    const body = JSON.parse(response.text);
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
    expect(typeof body.error.message).toBe('string');
  });

  it('sends a custom error body as given', async () => {
    fake.enqueue({ kind: 'error', status: 400, body: { error: { message: 'bad schema', type: 'invalid_request_error', param: 'response_format', code: null } } });
    fake.enqueue({ kind: 'error', status: 502, body: '<html>bad gateway</html>' });
    expect(JSON.parse((await send(fake.url, { body: { model: 'm', messages } })).text).error.param).toBe('response_format');
    const html = await send(fake.url, { body: { model: 'm', messages } });
    expect(html.text).toBe('<html>bad gateway</html>');
    expect(html.headers['content-type']).toBe('text/plain');
  });

  it('answers finish_reason content_filter and refusals', async () => {
    fake.enqueue({ kind: 'content-filter' }, { kind: 'refusal', refusal: 'No.' }, { kind: 'refusal', refusal: 'Not that.' });
    const filtered = JSON.parse((await send(fake.url, { body: { model: 'm', messages } })).text);
    expect(filtered.choices[0]).toMatchObject({ message: { content: null }, finish_reason: 'content_filter' });
    const refused = JSON.parse((await send(fake.url, { body: { model: 'm', messages } })).text);
    expect(refused.choices[0].message).toEqual({ role: 'assistant', content: null, refusal: 'No.' });
    const streamed = sseData((await send(fake.url, { body: { model: 'm', messages, stream: true } })).text);
    const refusal = streamed
      .slice(0, -1)
      .map((payload) => (JSON.parse(payload) as Chunk).choices[0]?.delta.refusal ?? '')
      .join('');
    expect(refusal).toBe('Not that.');
  });

  it('answers malformed JSON, or a malformed SSE line when streaming', async () => {
    fake.enqueue({ kind: 'malformed' }, { kind: 'malformed' });
    const json = await send(fake.url, { body: { model: 'm', messages } });
    expect(json.status).toBe(200);
    expect(() => JSON.parse(json.text)).toThrow(SyntaxError);
    const sse = await send(fake.url, { body: { model: 'm', messages, stream: true } });
    const data = sseData(sse.text);
    expect(() => JSON.parse(data[0]!)).toThrow(SyntaxError);
  });

  it('breaks a stream after N chunks without [DONE]', async () => {
    fake.enqueue({ kind: 'broken-stream', chunks: 2 });
    const response = await send(fake.url, { body: { model: 'm', messages, stream: true } });
    expect(response.answered).toBe(true);
    expect(response.error).not.toBeNull();
    expect(response.text.includes('[DONE]')).toBe(false);
    expect(response.text.split('\n\n').filter((frame) => frame.startsWith('data: '))).toHaveLength(2);
  });

  it('breaks a JSON body half-way when the request is not streaming', async () => {
    fake.enqueue({ kind: 'broken-stream' });
    const response = await send(fake.url, { body: { model: 'm', messages } });
    expect(response.answered).toBe(true);
    expect(response.error).not.toBeNull();
    expect(Number(response.headers['content-length'])).toBeGreaterThan(Buffer.byteLength(response.text));
  });

  it('resets the connection without an answer', async () => {
    fake.enqueue({ kind: 'reset' });
    const response = await send(fake.url, { body: { model: 'm', messages } });
    expect(response.answered).toBe(false);
    expect(response.error?.code).toBe('ECONNRESET');
  });

  it('answers after a delay, and consumes the queue before the default', async () => {
    fake.setDefault({ kind: 'error', status: 503 });
    fake.enqueue({ kind: 'delay', ms: 20 }, { kind: 'delay', ms: 1, then: { kind: 'ok', content: 'late' } });
    expect((await send(fake.url, { body: { model: 'm', messages } })).status).toBe(200);
    expect(JSON.parse((await send(fake.url, { body: { model: 'm', messages } })).text).choices[0].message.content).toBe('late');
    expect((await send(fake.url, { body: { model: 'm', messages } })).status).toBe(503);
    fake.reset();
    expect((await send(fake.url, { body: { model: 'm', messages } })).status).toBe(200);
    fake.setLatency(5);
    expect((await send(fake.url, { body: { model: 'm', messages, stream: true } })).text.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('records method, path, headers and the parsed body', async () => {
    await send(fake.url, { body: { model: 'm', messages }, headers: { authorization: 'Bearer sk-x' } });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      headers: { authorization: 'Bearer sk-x', 'content-type': 'application/json' },
      body: { model: 'm', messages },
    });
  });

  it('lists models, answers 404 on unknown paths and 400 on invalid JSON', async () => {
    const models = await send(fake.url, { path: '/models' });
    expect(JSON.parse(models.text)).toMatchObject({ object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model' }, { id: 'gpt-4o' }] });
    const unknown = await send(fake.url, { path: '/embeddings', body: {} });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text).error.type).toBe('invalid_request_error');
    const invalid = await send(fake.url, { body: '{"model":' });
    expect(invalid.status).toBe(400);
  });
});

describe('fake OpenAI server: lifecycle', () => {
  it('checks the API key when one is configured', async () => {
    const fake = await startFakeOpenAi({ apiKey: 'sk-right' });
    try {
      expect((await send(fake.url, { body: { model: 'm', messages } })).status).toBe(401);
      const wrong = await send(fake.url, { body: { model: 'm', messages }, headers: { authorization: 'Bearer sk-wrong' } });
      expect(JSON.parse(wrong.text).error.code).toBe('invalid_api_key');
      expect((await send(fake.url, { body: { model: 'm', messages }, headers: { authorization: 'Bearer sk-right' } })).status).toBe(200);
    } finally {
      await fake.close();
    }
  });

  it('drops hanging requests on close()', async () => {
    const fake = await startFakeOpenAi();
    fake.setDefault({ kind: 'hang' });
    const pending = send(fake.url, { body: { model: 'm', messages } });
    while (fake.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    await fake.close();
    const response = await pending;
    expect(response.answered).toBe(false);
    expect(response.error).not.toBeNull();
  });

  it('drops timers of delayed answers and paced streams on close()', async () => {
    const fake = await startFakeOpenAi({ latencyMs: 60_000 });
    const pending = send(fake.url, { body: { model: 'm', messages } });
    while (fake.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    await fake.close();
    expect((await pending).answered).toBe(false);
  });

  it('runs as a CLI that prints its URL', async () => {
    const script = fileURLToPath(new URL('./openai-server.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--port', '0', '--latency', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      for await (const chunk of child.stdout as AsyncIterable<string>) {
        output += chunk;
        if (output.includes('\n')) break;
      }
      const url = /^listening (http:\/\/127\.0\.0\.1:\d+\/v1)$/m.exec(output)?.[1];
      expect(url).toBeDefined();
      const response = await send(url!, { body: { model: 'm', messages } });
      expect(JSON.parse(response.text).object).toBe('chat.completion');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
