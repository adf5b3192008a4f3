/**
 * A fake OpenAI-compatible HTTP server for tests and benchmarks. It speaks the real wire format of
 * `POST /v1/chat/completions` (JSON `chat.completion` objects, or SSE `chat.completion.chunk`
 * frames ending in `data: [DONE]`), OpenAI's error shape and `GET /v1/models`, so the official SDK
 * can talk to it over real HTTP. Each request consumes the next queued {@link FakeBehaviour}, or
 * the default one.
 *
 * Cheap in CPU on purpose (a benchmark uses it as the upstream at high concurrency): response
 * bodies are precompiled templates per (model, content, stream mode) and only the request id
 * and token counts are filled in per request.
 *
 * CLI: `tsx test/fakes/openai-server.ts --port N --latency MS` prints `listening <url>`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaInstance } from './schema-instance.js';

/** The finish reasons the fake can answer with. */
export type FakeFinishReason = 'stop' | 'length' | 'content_filter';

/** What the fake does with one request. */
export type FakeBehaviour =
  | {
      kind: 'ok';
      /** The answer text. Default: the schema instance for structured output, else a short text. */
      content?: string;
      /** A JSON value to answer with (serialised as the content); wins over `content`. */
      json?: unknown;
      /**
       * The JSON value to answer with, computed from the request's messages (a model that was
       * made to echo its prompt, for instance) and the requested JSON Schema (structured output,
       * else undefined); wins over `json` and `content`.
       */
      reply?: (messages: readonly { role: string; content: string }[], schema?: Record<string, unknown>) => unknown;
      /**
       * When streaming, the size of each content delta in characters (a model streaming in
       * small pieces); default: a few deltas of about 24 characters or more.
       */
      pieceSize?: number;
      /** Default `stop`. */
      finishReason?: FakeFinishReason;
      /** Leave usage out (some self-hosted servers never send it, even when asked). */
      omitUsage?: boolean;
      /**
       * When streaming, wait this long between SSE frames instead of sending them at once (the
       * role frame and the first content frame are sent together, at once).
       */
      chunkDelayMs?: number;
    }
  | {
      kind: 'error';
      status: number;
      /** Sent as `Retry-After` (seconds). */
      retryAfterSeconds?: number;
      /** Sent as `retry-after-ms`. */
      retryAfterMs?: number;
      /** The body: a value (sent as JSON) or raw text. Default: OpenAI's error shape for the status. */
      body?: unknown;
    }
  /** Never answers; the client has to give up (the socket is destroyed on `close()`). */
  | { kind: 'hang' }
  /** Waits `ms` (on top of the server latency), then answers as `then` (default `ok`). */
  | { kind: 'delay'; ms: number; then?: FakeBehaviour }
  /**
   * Sends the status line and `chunks` SSE frames (default 2), then destroys the socket without
   * `[DONE]`. For a non-streaming request: half of the JSON body, then the socket is destroyed.
   */
  | { kind: 'broken-stream'; chunks?: number }
  /** 200 with an invalid JSON body, or a malformed SSE `data:` line when streaming. */
  | { kind: 'malformed' }
  /** Destroys the socket at once, without a response. */
  | { kind: 'reset' }
  /** Answers with `finish_reason: content_filter` (and no content). */
  | { kind: 'content-filter' }
  /** Answers with a `refusal` instead of content, as OpenAI does under structured outputs. */
  | { kind: 'refusal'; refusal?: string };

/** A request as the fake saw it. */
export interface RecordedRequest {
  method: string;
  /** Path including the query string, e.g. `/v1/chat/completions`. */
  path: string;
  /** Lower-cased header names. */
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body; the raw text when it is not JSON; null when empty. */
  body: unknown;
}

/** Options of {@link startFakeOpenAi}. */
export interface FakeOpenAiOptions {
  /** Port on 127.0.0.1; default 0 (any free port). */
  port?: number;
  /** Latency added before every answer (ms); default 0. */
  latencyMs?: number;
  /** Record requests in `requests`; default true. Turn off for long benchmarks (memory). */
  recordRequests?: boolean;
  /** When set, requests without `Authorization: Bearer <apiKey>` get a 401. */
  apiKey?: string;
  /** Ids listed by `GET /v1/models`; default `['gpt-4o-mini', 'gpt-4o']`. */
  models?: string[];
  /** The answer to requests without structured output and without explicit content. */
  defaultText?: string;
}

/** A running fake server. */
export interface FakeOpenAi {
  /** Base URL including `/v1`, e.g. `http://127.0.0.1:41234/v1`. */
  readonly url: string;
  readonly port: number;
  /** Requests received, in order (when recording is on). */
  readonly requests: RecordedRequest[];
  /**
   * The behaviour each chat completion request was served, in the order the requests
   * arrived (when recording is on): the queued object itself, or the default. A test counts
   * the faults that reached the wire here, not the ones it planned.
   */
  readonly served: FakeBehaviour[];
  /** Queues behaviours, consumed one per request before the default applies. */
  enqueue(...behaviours: FakeBehaviour[]): void;
  /** The behaviour used when the queue is empty (initially `ok`). */
  setDefault(behaviour: FakeBehaviour): void;
  setLatency(ms: number): void;
  /** Clears the queue, the recorded requests and `served`, restores the default behaviour and latency. */
  reset(): void;
  /** Stops listening and destroys every open connection (including hanging ones). */
  close(): Promise<void>;
}

const defaultAnswer = 'The incident is mitigated; error rates are back to normal and we keep monitoring.';
const okBehaviour: FakeBehaviour = { kind: 'ok' };
const templateCacheLimit = 512;

/** Starts the fake on 127.0.0.1. */
export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const initialLatency = options.latencyMs ?? 0;
  const recordRequests = options.recordRequests ?? true;
  const models = options.models ?? ['gpt-4o-mini', 'gpt-4o'];
  const defaultText = options.defaultText ?? defaultAnswer;
  const expectedAuthorization = options.apiKey === undefined ? null : `Bearer ${options.apiKey}`;
  const requests: RecordedRequest[] = [];
  const served: FakeBehaviour[] = [];
  const queue: FakeBehaviour[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const templates = new Map<string, Template>();
  let defaultBehaviour: FakeBehaviour = okBehaviour;
  let latencyMs = initialLatency;
  let sequence = 0;
  let closed = false;

  const modelsBody = JSON.stringify({
    object: 'list',
    data: models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'fake-openai' })),
  });

  const later = (ms: number, action: () => void): void => {
    if (ms <= 0) return action();
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = chunks.length === 0 ? '' : chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
      handle(request, response, raw);
    });
  });
  // Longer than the clients' idle timeouts, so a client never reuses a socket we are closing.
  server.keepAliveTimeout = 65_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  function handle(request: IncomingMessage, response: ServerResponse, raw: string): void {
    const path = request.url ?? '/';
    let body: unknown = null;
    let invalidJson = false;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
        invalidJson = true;
      }
    }
    if (recordRequests) requests.push({ method: request.method ?? 'GET', path, headers: { ...request.headers }, body });

    if (expectedAuthorization !== null && request.headers.authorization !== expectedAuthorization) {
      return sendError(response, 401, openAiError(401, 'Incorrect API key provided.', 'invalid_api_key'));
    }
    if (request.method === 'GET' && path === '/v1/models') return sendJson(response, 200, modelsBody, nextRequestId());
    if (path !== '/v1/chat/completions' || request.method !== 'POST') {
      return sendError(response, 404, openAiError(404, `Unknown request URL: ${request.method} ${path}.`, 'unknown_url'));
    }
    if (invalidJson || body === null || typeof body !== 'object') {
      return sendError(response, 400, openAiError(400, 'We could not parse the JSON body of your request.', null));
    }
    const behaviour = queue.shift() ?? defaultBehaviour;
    if (recordRequests) served.push(behaviour);
    later(latencyMs, () => answer(response, body as ChatRequest, behaviour));
  }

  function answer(response: ServerResponse, chat: ChatRequest, behaviour: FakeBehaviour): void {
    if (response.destroyed || closed) return;
    switch (behaviour.kind) {
      case 'hang':
        return;
      case 'delay':
        return later(behaviour.ms, () => answer(response, chat, behaviour.then ?? okBehaviour));
      case 'reset':
        response.socket?.destroy();
        return;
      case 'error':
        return sendErrorBehaviour(response, behaviour);
      case 'malformed':
        if (chat.stream === true) {
          response.writeHead(200, sseHeaders(nextRequestId()));
          response.end('data: {"id":"chatcmpl-broken","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":\n\ndata: [DONE]\n\n');
        } else {
          sendJson(response, 200, '{"id":"chatcmpl-broken","object":"chat.completion","choices":[{"index":0,', nextRequestId());
        }
        return;
      case 'ok':
        if (behaviour.reply) {
          const { reply, ...rest } = behaviour;
          const schema = chat.response_format?.type === 'json_schema' ? chat.response_format.json_schema?.schema : undefined;
          return complete(response, chat, { ...rest, json: reply(Array.isArray(chat.messages) ? (chat.messages as { role: string; content: string }[]) : [], schema) });
        }
        return complete(response, chat, behaviour);
      case 'content-filter':
      case 'refusal':
      case 'broken-stream':
        return complete(response, chat, behaviour);
    }
  }

  function complete(response: ServerResponse, chat: ChatRequest, behaviour: FakeBehaviour): void {
    const template = templateFor(chat, behaviour);
    const id = `chatcmpl-fake${++sequence}`;
    const requestId = `req_fake${sequence}`;
    const promptTokens = estimateTokens(promptText(chat));
    const fill = { id, promptTokens, totalTokens: promptTokens + template.completionTokens };

    if (chat.stream !== true) {
      const text = render(template.json, fill);
      if (behaviour.kind === 'broken-stream') {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-request-id': requestId });
        response.write(text.slice(0, text.length >> 1), () => response.socket?.destroy());
        return;
      }
      return sendJson(response, 200, text, requestId);
    }

    response.writeHead(200, sseHeaders(requestId));
    const frames = template.frames;
    const withUsage = chat.stream_options?.include_usage === true && template.usageFrame !== null;
    if (behaviour.kind === 'broken-stream') {
      const count = Math.max(0, Math.min(behaviour.chunks ?? 2, frames.length));
      let text = '';
      for (let index = 0; index < count; index++) text += render(frames[index]!, fill);
      if (text.length === 0) {
        response.socket?.destroy();
        return;
      }
      response.write(text, () => response.socket?.destroy());
      return;
    }
    const chunkDelayMs = behaviour.kind === 'ok' ? (behaviour.chunkDelayMs ?? 0) : 0;
    if (chunkDelayMs <= 0) {
      let text = '';
      for (const frame of frames) text += render(frame, fill);
      if (withUsage) text += render(template.usageFrame!, fill);
      response.end(text + doneFrame);
      return;
    }
    const all = withUsage ? [...frames, template.usageFrame!] : frames;
    // The role frame and the first content frame go out together, so a client sees its first
    // delta at once and the pacing applies to the rest.
    const head = Math.min(2, all.length);
    let index = 0;
    let first = '';
    while (index < head) first += render(all[index++]!, fill);
    response.write(first);
    const writeNext = (): void => {
      if (response.destroyed || closed) return;
      if (index === all.length) {
        response.end(doneFrame);
        return;
      }
      response.write(render(all[index++]!, fill));
      later(chunkDelayMs, writeNext);
    };
    writeNext();
  }

  function templateFor(chat: ChatRequest, behaviour: FakeBehaviour): Template {
    const model = typeof chat.model === 'string' ? chat.model : 'unknown';
    const schema = chat.response_format?.type === 'json_schema' ? chat.response_format.json_schema?.schema : undefined;
    // OpenAI writes `"usage":null` into every chunk when usage was asked for; so do we.
    const usageRequested = chat.stream === true && chat.stream_options?.include_usage === true;
    const pieceSize = behaviour.kind === 'ok' ? behaviour.pieceSize : undefined;
    const key = `${usageRequested ? 'u' : '-'}${pieceSize ?? ''}\u0000${templateKey(model, behaviour, schema)}`;
    let template = templates.get(key);
    if (template === undefined) {
      if (templates.size >= templateCacheLimit) templates.clear();
      template = buildTemplate(model, answerOf(behaviour, schema, defaultText), usageRequested, pieceSize);
      templates.set(key, template);
    }
    return template;
  }

  function sendErrorBehaviour(response: ServerResponse, behaviour: Extract<FakeBehaviour, { kind: 'error' }>): void {
    const headers: Record<string, string> = {};
    if (behaviour.retryAfterSeconds !== undefined) headers['retry-after'] = String(behaviour.retryAfterSeconds);
    if (behaviour.retryAfterMs !== undefined) headers['retry-after-ms'] = String(behaviour.retryAfterMs);
    const body =
      behaviour.body === undefined
        ? defaultErrorBody(behaviour.status)
        : typeof behaviour.body === 'string'
          ? behaviour.body
          : JSON.stringify(behaviour.body);
    sendError(response, behaviour.status, body, headers);
  }

  function sendError(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
    const isJson = body.startsWith('{');
    response.writeHead(status, {
      'content-type': isJson ? 'application/json' : 'text/plain',
      'content-length': Buffer.byteLength(body),
      'x-request-id': nextRequestId(),
      ...headers,
    });
    response.end(body);
  }

  function nextRequestId(): string {
    return `req_fake${++sequence}`;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    served,
    enqueue: (...behaviours) => {
      queue.push(...behaviours);
    },
    setDefault: (behaviour) => {
      defaultBehaviour = behaviour;
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
    reset: () => {
      queue.length = 0;
      requests.length = 0;
      served.length = 0;
      defaultBehaviour = okBehaviour;
      latencyMs = initialLatency;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await stopped;
    },
  };
}

/** The fake's token estimate: one token per four characters, rounded up. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** The subset of a chat completion request the fake reads. */
interface ChatRequest {
  model?: unknown;
  messages?: unknown;
  stream?: unknown;
  stream_options?: { include_usage?: unknown } | null;
  response_format?: { type?: unknown; json_schema?: { schema?: Record<string, unknown> } } | null;
}

interface Answer {
  content: string | null;
  refusal: string | null;
  finishReason: FakeFinishReason;
  omitUsage: boolean;
}

function answerOf(behaviour: FakeBehaviour, schema: Record<string, unknown> | undefined, defaultText: string): Answer {
  const base: Answer = { content: null, refusal: null, finishReason: 'stop', omitUsage: false };
  switch (behaviour.kind) {
    case 'content-filter':
      return { ...base, finishReason: 'content_filter' };
    case 'refusal':
      return { ...base, refusal: behaviour.refusal ?? "I'm sorry, I can't help with that request." };
    case 'ok': {
      const content =
        behaviour.json !== undefined
          ? JSON.stringify(behaviour.json)
          : (behaviour.content ?? (schema ? JSON.stringify(schemaInstance(schema)) : defaultText));
      return { ...base, content, finishReason: behaviour.finishReason ?? 'stop', omitUsage: behaviour.omitUsage ?? false };
    }
    default:
      return { ...base, content: schema ? JSON.stringify(schemaInstance(schema)) : defaultText };
  }
}

function templateKey(model: string, behaviour: FakeBehaviour, schema: Record<string, unknown> | undefined): string {
  const schemaKey = schema === undefined ? '' : JSON.stringify(schema);
  switch (behaviour.kind) {
    case 'ok':
      return `ok\u0000${model}\u0000${behaviour.finishReason ?? 'stop'}\u0000${behaviour.omitUsage === true}\u0000${
        behaviour.json !== undefined ? `json:${JSON.stringify(behaviour.json)}` : behaviour.content !== undefined ? `text:${behaviour.content}` : schemaKey
      }`;
    case 'refusal':
      return `refusal\u0000${model}\u0000${behaviour.refusal ?? ''}`;
    case 'content-filter':
      return `content-filter\u0000${model}`;
    default:
      return `default\u0000${model}\u0000${schemaKey}`;
  }
}

// A template is a list of literal pieces and slots; rendering is a handful of concatenations.
type Slot = 'id' | 'promptTokens' | 'totalTokens';
type Piece = string | { slot: Slot };
type Compiled = readonly Piece[];
interface Template {
  json: Compiled;
  /** SSE frames before `[DONE]`, without the usage frame. */
  frames: readonly Compiled[];
  usageFrame: Compiled | null;
  completionTokens: number;
}
interface Fill {
  id: string;
  promptTokens: number;
  totalTokens: number;
}

// Placeholders written by JSON.stringify and cut out again by compile(). They are matched with
// their JSON key, which cannot occur unescaped inside a string value such as the content.
const idPlaceholder = '__fake_id__';
const promptPlaceholder = 987_654_321;
const totalPlaceholder = 987_654_322;
const slotPattern = /("id":"__fake_id__"|"prompt_tokens":987654321|"total_tokens":987654322)/;
const slotOf: Record<string, Slot> = {
  '"id":"__fake_id__"': 'id',
  '"prompt_tokens":987654321': 'promptTokens',
  '"total_tokens":987654322': 'totalTokens',
};
const doneFrame = 'data: [DONE]\n\n';

function compile(text: string): Compiled {
  return text
    .split(slotPattern)
    .filter((piece) => piece.length > 0)
    .map((piece): Piece => {
      const slot = slotOf[piece];
      return slot === undefined ? piece : { slot };
    });
}

function render(pieces: Compiled, fill: Fill): string {
  let out = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') out += piece;
    else if (piece.slot === 'id') out += `"id":"${fill.id}"`;
    else if (piece.slot === 'promptTokens') out += `"prompt_tokens":${fill.promptTokens}`;
    else out += `"total_tokens":${fill.totalTokens}`;
  }
  return out;
}

function buildTemplate(model: string, answer: Answer, usageRequested: boolean, pieceSize?: number): Template {
  const created = Math.floor(Date.now() / 1000);
  const id = idPlaceholder;
  const completionTokens = estimateTokens(answer.content ?? answer.refusal ?? '');
  const usage = answer.omitUsage
    ? undefined
    : { prompt_tokens: promptPlaceholder, completion_tokens: completionTokens, total_tokens: totalPlaceholder };
  const json = compile(
    JSON.stringify({
      id,
      object: 'chat.completion',
      created,
      model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: answer.content, refusal: answer.refusal },
          logprobs: null,
          finish_reason: answer.finishReason,
        },
      ],
      ...(usage ? { usage } : {}),
      system_fingerprint: 'fp_fake',
    }),
  );

  const chunk = (delta: Record<string, unknown>, finishReason: string | null): string =>
    `data: ${JSON.stringify({
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      system_fingerprint: 'fp_fake',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      ...(usageRequested ? { usage: null } : {}),
    })}\n\n`;
  const frames: Compiled[] = [compile(chunk({ role: 'assistant', content: '', refusal: null }, null))];
  if (answer.content !== null) for (const piece of splitDeltas(answer.content, pieceSize)) frames.push(compile(chunk({ content: piece }, null)));
  if (answer.refusal !== null) for (const piece of splitDeltas(answer.refusal)) frames.push(compile(chunk({ refusal: piece }, null)));
  frames.push(compile(chunk({}, answer.finishReason)));
  const usageFrame = usage
    ? compile(
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fp_fake', choices: [], usage })}\n\n`,
      )
    : null;
  return { json, frames, usageFrame, completionTokens };
}

/**
 * Splits an answer into deltas as a model would stream it: pieces of `pieceSize` characters,
 * or by default a few (at least two when the text allows).
 */
function splitDeltas(text: string, pieceSize?: number): string[] {
  if (text.length < 2) return [text];
  const count = Math.min(8, Math.max(2, Math.ceil(text.length / 24)));
  const size = pieceSize !== undefined && pieceSize > 0 ? pieceSize : Math.ceil(text.length / count);
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
  return pieces;
}

function promptText(chat: ChatRequest): string {
  if (!Array.isArray(chat.messages)) return '';
  let text = '';
  for (const message of chat.messages as Array<{ content?: unknown }>) {
    if (typeof message?.content === 'string') text += message.content;
  }
  return text;
}

function sseHeaders(requestId: string): Record<string, string> {
  return { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-request-id': requestId };
}

function sendJson(response: ServerResponse, status: number, body: string, requestId: string): void {
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-request-id': requestId,
  });
  response.end(body);
}

const errorTypes: Record<number, { type: string; code: string | null; message: string }> = {
  400: { type: 'invalid_request_error', code: null, message: 'Invalid request.' },
  401: { type: 'invalid_request_error', code: 'invalid_api_key', message: 'Incorrect API key provided.' },
  403: { type: 'invalid_request_error', code: 'unsupported_country_region_territory', message: 'Country, region, or territory not supported.' },
  404: { type: 'invalid_request_error', code: 'model_not_found', message: 'The model does not exist or you do not have access to it.' },
  408: { type: 'server_error', code: 'timeout', message: 'Request timed out.' },
  422: { type: 'invalid_request_error', code: null, message: 'Unprocessable request.' },
  429: { type: 'requests', code: 'rate_limit_exceeded', message: 'Rate limit reached for requests. Please try again later.' },
  500: { type: 'server_error', code: null, message: 'The server had an error while processing your request. Sorry about that!' },
  502: { type: 'server_error', code: null, message: 'Bad gateway.' },
  503: { type: 'server_error', code: null, message: 'The engine is currently overloaded, please try again later.' },
  504: { type: 'server_error', code: null, message: 'Gateway timeout.' },
};

function defaultErrorBody(status: number): string {
  const known = errorTypes[status];
  return known
    ? JSON.stringify({ error: { message: known.message, type: known.type, param: null, code: known.code } })
    : openAiError(status, `Fake error with status ${status}.`, null);
}

function openAiError(status: number, message: string, code: string | null): string {
  const type = status >= 500 ? 'server_error' : 'invalid_request_error';
  return JSON.stringify({ error: { message, type, param: null, code } });
}

function parseArguments(argv: readonly string[]): { port: number; latencyMs: number } {
  const valueOf = (name: string): string | undefined => {
    const index = argv.indexOf(name);
    return index === -1 ? undefined : argv[index + 1];
  };
  const port = Number(valueOf('--port') ?? 0);
  const latencyMs = Number(valueOf('--latency') ?? 0);
  if (!Number.isInteger(port) || port < 0 || !Number.isFinite(latencyMs) || latencyMs < 0) {
    throw new Error('usage: tsx test/fakes/openai-server.ts [--port N] [--latency MS]');
  }
  return { port, latencyMs };
}

const isMain = process.argv[1] !== undefined && resolvePath(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { port, latencyMs } = parseArguments(process.argv.slice(2));
  const fake = await startFakeOpenAi({ port, latencyMs, recordRequests: false });
  process.stdout.write(`listening ${fake.url}\n`);
  const stop = (): void => {
    void fake.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
