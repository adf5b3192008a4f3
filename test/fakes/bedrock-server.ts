/**
 * A fake Amazon Bedrock Runtime server (HTTP/1.1, loopback) that speaks the real wire format
 * of Converse and ConverseStream, so the real `@aws-sdk/client-bedrock-runtime` can be tested
 * end to end: JSON bodies, `x-amzn-errortype` errors and `application/vnd.amazon.eventstream`
 * binary framing. Behaviours are queued per request (else the default applies), which lets a
 * test script throttling, hangs, broken streams and corrupt frames.
 *
 * It stays cheap in CPU so benchmarks can use it: no per-request timers unless a latency or
 * delay is asked for, one encoder for every frame, and token counts are estimates
 * (`ceil(chars / 4)`), deterministic like everything else it answers.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { schemaInstance } from './schema-instance.js';

/** Stop reasons of the Converse API that the fake can answer with. */
export type BedrockStopReason =
  | 'end_turn'
  | 'tool_use'
  | 'max_tokens'
  | 'stop_sequence'
  | 'guardrail_intervened'
  | 'content_filtered';

/** HTTP error types Bedrock Runtime answers with, and their status codes. */
export const bedrockErrorStatus = {
  ThrottlingException: 429,
  ModelNotReadyException: 429,
  ServiceUnavailableException: 503,
  InternalServerException: 500,
  ModelTimeoutException: 408,
  ModelErrorException: 424,
  ModelStreamErrorException: 424,
  ValidationException: 400,
  ServiceQuotaExceededException: 400,
  AccessDeniedException: 403,
  UnrecognizedClientException: 403,
  ResourceNotFoundException: 404,
} as const;

/** A known Bedrock error type, or any other name (then `status` must be given). */
export type BedrockErrorType = keyof typeof bedrockErrorStatus;

/** Exceptions ConverseStream can send inside the event stream (`:exception-type`). */
export type BedrockStreamExceptionType =
  | 'throttlingException'
  | 'modelStreamErrorException'
  | 'internalServerException'
  | 'serviceUnavailableException'
  | 'validationException';

/** What the fake does with one request. */
export type FakeBedrockBehaviour =
  | {
      kind: 'ok';
      /** Answer exactly this text (never a toolUse). */
      text?: string;
      /**
       * Answer this value: as the input of a toolUse when the request has a tool config with a
       * forced or `any` tool choice, else as its JSON text. Without `text` and `json`, a forced
       * tool gets `schemaInstance(inputSchema.json)` and anything else a short text.
       */
      json?: unknown;
      /** Override the stop reason (default `end_turn`, or `tool_use` for a toolUse answer). */
      stopReason?: BedrockStopReason;
      /** Characters per `contentBlockDelta` in streams (default {@link defaultChunkSize}). */
      chunkSize?: number;
      /** Pause between stream events, for pacing benchmarks and mid-stream aborts (default 0). */
      eventDelayMs?: number;
    }
  | {
      kind: 'error';
      errorType: BedrockErrorType | (string & {});
      /** Default: the type's status in {@link bedrockErrorStatus}, else 500. */
      status?: number;
      message?: string;
      /** Sent as a `Retry-After` header (seconds or an HTTP date). */
      retryAfter?: string | number;
    }
  /** Accept the request and never answer (until the client goes away or the server closes). */
  | { kind: 'hang' }
  /** Wait `ms`, then behave as `then` (default `ok`). */
  | { kind: 'delay'; ms: number; then?: FakeBedrockBehaviour }
  /**
   * Streams: send the first `events` events (default 2) of a good answer, then close the
   * connection mid-response (`ending: 'drop'`, the default) or end the response cleanly
   * (`ending: 'end'`: a well-framed stream that lacks its messageStop). Converse: send half of
   * the body announced by `Content-Length`, then close the connection.
   */
  | { kind: 'broken-stream'; events?: number; ending?: 'drop' | 'end' }
  /**
   * Streams: send `events` events (default 2), then an exception event, then end the
   * response. Converse has no event stream: it answers the matching HTTP error instead.
   */
  | { kind: 'stream-exception'; events?: number; exceptionType?: BedrockStreamExceptionType; message?: string }
  /**
   * Streams: send `events` good events (default 1), then a frame with a wrong checksum.
   * Converse: a 200 whose JSON body is cut short.
   */
  | { kind: 'malformed'; events?: number }
  /** Destroy the socket as soon as the request is read, without any answer. */
  | { kind: 'reset' };

/** A behaviour, or the name of one that needs no parameters. */
export type FakeBedrockBehaviourInput =
  | FakeBedrockBehaviour
  | 'ok'
  | 'hang'
  | 'broken-stream'
  | 'stream-exception'
  | 'malformed'
  | 'reset';

/** The parts of a Converse request body the fake reads; everything else is kept as sent. */
export interface FakeConverseBody {
  system?: Array<{ text?: string }>;
  messages?: Array<{ role?: string; content?: Array<{ text?: string } & Record<string, unknown>> }>;
  inferenceConfig?: { maxTokens?: number; temperature?: number; topP?: number; stopSequences?: string[] };
  toolConfig?: {
    tools?: Array<{ toolSpec?: { name?: string; description?: string; inputSchema?: { json?: Record<string, unknown> } } }>;
    toolChoice?: { tool?: { name?: string }; any?: object; auto?: object };
  };
  [key: string]: unknown;
}

/** One request the fake received, recorded before its behaviour runs. */
export interface FakeBedrockRequest {
  method: string;
  /** The path as received (model id still URL-encoded). */
  path: string;
  operation: 'converse' | 'converse-stream';
  /** The decoded model id, e.g. `anthropic.claude-3-5-haiku-20241022-v1:0`. */
  modelId: string;
  /** Request headers, lower-cased; `authorization` holds the SigV4 signature. */
  headers: IncomingHttpHeaders;
  body: FakeConverseBody;
}

/** Options of {@link startFakeBedrock}. */
export interface FakeBedrockOptions {
  /** Behaviour when the queue is empty (default `ok`). */
  defaultBehaviour?: FakeBedrockBehaviourInput;
  /** Delay before every answer, in ms (default 0). */
  latencyMs?: number;
  /**
   * Reject, like Bedrock, conversations that do not start with a user message, do not
   * alternate roles or hold a blank text block: 400 ValidationException (default true).
   * Such requests are recorded but do not consume a queued behaviour.
   */
  validateConversation?: boolean;
  /** Recorded requests kept; older ones are dropped (default 1000). */
  maxRecordedRequests?: number;
}

/** A running fake Bedrock Runtime server. */
export interface FakeBedrock {
  /** `http://127.0.0.1:PORT`, for the client's `endpoint`. */
  readonly endpoint: string;
  /** Requests received, oldest first (the last `maxRecordedRequests` of them). */
  readonly requests: FakeBedrockRequest[];
  /**
   * Converse and ConverseStream requests served a behaviour, by the behaviour's kind, counted
   * since start or `reset()` (never capped, unlike `requests`).
   */
  readonly served: Record<FakeBedrockBehaviour['kind'], number>;
  /** Queue behaviours, consumed one per request in order. */
  enqueue(...behaviours: FakeBedrockBehaviourInput[]): void;
  /** Behaviour for requests that find the queue empty. */
  setDefault(behaviour: FakeBedrockBehaviourInput): void;
  /** Delay before every answer, in ms. */
  setLatency(ms: number): void;
  /** Empty the queue and the recorded requests; restore the default behaviour and latency given at start. */
  reset(): void;
  /** Stop the server, dropping open connections (hanging requests included). */
  close(): Promise<void>;
}

/** Characters per streamed delta when a behaviour does not say. */
export const defaultChunkSize = 16;
/** The text answered when nothing else is asked for. */
export const defaultFakeText = 'This is a fake Bedrock answer.';

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const errorTypeNamespace = ':http://internal.amazon.com/coral/com.amazon.bedrock/';

type Answer =
  | { kind: 'text'; text: string }
  | { kind: 'tool'; name: string; toolUseId: string; input: unknown; inputJson: string };

/** Starts a fake Bedrock Runtime server on 127.0.0.1 and a free port. */
export async function startFakeBedrock(options: FakeBedrockOptions = {}): Promise<FakeBedrock> {
  const initialDefault = normalise(options.defaultBehaviour ?? 'ok');
  const initialLatency = options.latencyMs ?? 0;
  const validateConversation = options.validateConversation ?? true;
  const maxRecorded = options.maxRecordedRequests ?? 1000;

  const requests: FakeBedrockRequest[] = [];
  const served = emptyTally();
  const queue: FakeBedrockBehaviour[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let defaultBehaviour = initialDefault;
  let latencyMs = initialLatency;
  let requestCounter = 0;

  // Timers die with the response or the server, so a closed fake never fires late.
  const later = (ms: number, response: ServerResponse, action: () => void): void => {
    const cancel = (): void => {
      clearTimeout(timer);
      timers.delete(timer);
    };
    const timer = setTimeout(() => {
      timers.delete(timer);
      response.off('close', cancel);
      if (!response.destroyed) action();
    }, ms);
    timers.add(timer);
    response.once('close', cancel);
  };

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handle(request, response, Buffer.concat(chunks).toString('utf8')));
  });

  function handle(request: IncomingMessage, response: ServerResponse, rawBody: string): void {
    requestCounter += 1;
    const requestId = fakeRequestId(requestCounter);
    const path = request.url ?? '/';
    const match = /^\/model\/([^/]+)\/(converse|converse-stream)$/.exec(path);
    if (request.method !== 'POST' || !match) {
      sendError(response, requestId, { kind: 'error', errorType: 'UnknownOperationException', status: 404 });
      return;
    }
    let body: FakeConverseBody;
    try {
      body = JSON.parse(rawBody) as FakeConverseBody;
    } catch {
      sendError(response, requestId, { kind: 'error', errorType: 'SerializationException', status: 400, message: 'Invalid JSON body' });
      return;
    }
    requests.push({
      method: request.method,
      path,
      operation: match[2] as FakeBedrockRequest['operation'],
      modelId: decodeURIComponent(match[1]!),
      headers: request.headers,
      body,
    });
    if (requests.length > maxRecorded) requests.shift();

    if (validateConversation) {
      const problem = conversationProblem(body);
      if (problem) {
        sendError(response, requestId, { kind: 'error', errorType: 'ValidationException', message: problem });
        return;
      }
    }

    const behaviour = queue.shift() ?? defaultBehaviour;
    served[behaviour.kind] += 1;
    const streaming = match[2] === 'converse-stream';
    const run = (): void => perform(behaviour, { response, request, body, streaming, requestId, latencyMs });
    if (latencyMs > 0) later(latencyMs, response, run);
    else run();
  }

  interface Exchange {
    request: IncomingMessage;
    response: ServerResponse;
    body: FakeConverseBody;
    streaming: boolean;
    requestId: string;
    latencyMs: number;
  }

  function perform(behaviour: FakeBedrockBehaviour, exchange: Exchange): void {
    const { response, streaming, requestId } = exchange;
    switch (behaviour.kind) {
      case 'ok':
        if (streaming) sendStream(exchange, streamFrames(exchange, behaviour), behaviour.eventDelayMs ?? 0, 'end');
        else sendJson(response, requestId, 200, converseBody(exchange, behaviour));
        return;
      case 'error':
        sendError(response, requestId, behaviour);
        return;
      case 'hang':
        return;
      case 'delay':
        later(behaviour.ms, response, () =>
          perform(behaviour.then ?? { kind: 'ok' }, { ...exchange, latencyMs: exchange.latencyMs + behaviour.ms }),
        );
        return;
      case 'reset':
        exchange.request.socket.destroy();
        return;
      case 'broken-stream': {
        if (streaming) {
          const frames = streamFrames(exchange, { kind: 'ok' }).slice(0, behaviour.events ?? 2);
          sendStream(exchange, frames, 0, behaviour.ending ?? 'drop');
          return;
        }
        const full = Buffer.from(JSON.stringify(converseBody(exchange, { kind: 'ok' })));
        response.writeHead(200, {
          'content-type': 'application/json',
          'content-length': full.length,
          'x-amzn-requestid': requestId,
        });
        response.write(full.subarray(0, full.length >> 1));
        dropConnection(response);
        return;
      }
      case 'stream-exception': {
        const exceptionType = behaviour.exceptionType ?? 'modelStreamErrorException';
        const message = behaviour.message ?? `Fake ${exceptionType}`;
        if (!streaming) {
          const errorType = exceptionType[0]!.toUpperCase() + exceptionType.slice(1);
          sendError(response, requestId, { kind: 'error', errorType, message });
          return;
        }
        const frames = streamFrames(exchange, { kind: 'ok' }).slice(0, behaviour.events ?? 2);
        frames.push(exceptionFrame(exceptionType, message));
        sendStream(exchange, frames, 0, 'end');
        return;
      }
      case 'malformed': {
        if (!streaming) {
          const text = '{"output":{"message":{"role":"assistant","content":[{"text":"cut sh';
          response.writeHead(200, {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(text),
            'x-amzn-requestid': requestId,
          });
          response.end(text);
          return;
        }
        const good = streamFrames(exchange, { kind: 'ok' });
        const count = Math.min(behaviour.events ?? 1, good.length - 1);
        const corrupt = Uint8Array.from(good[count]!);
        // The last four bytes are the message CRC: flipping one fails the checksum.
        corrupt[corrupt.length - 1]! ^= 0xff;
        sendStream(exchange, [...good.slice(0, count), corrupt], 0, 'end');
        return;
      }
    }
  }

  function answerOf(exchange: Exchange, behaviour: Extract<FakeBedrockBehaviour, { kind: 'ok' }>): Answer {
    if (behaviour.text !== undefined) return { kind: 'text', text: behaviour.text };
    const tool = chosenTool(exchange.body);
    if (tool) {
      const input = behaviour.json !== undefined ? behaviour.json : schemaInstance(tool.inputSchema?.json ?? {});
      return {
        kind: 'tool',
        name: tool.name ?? 'tool',
        toolUseId: `tooluse_fake${exchange.requestId.slice(-12)}`,
        input,
        inputJson: JSON.stringify(input),
      };
    }
    if (behaviour.json !== undefined) return { kind: 'text', text: JSON.stringify(behaviour.json) };
    return { kind: 'text', text: defaultFakeText };
  }

  function usageOf(body: FakeConverseBody, answer: Answer) {
    const inputTokens = estimateTokens(inputChars(body));
    const outputTokens = estimateTokens(answer.kind === 'text' ? answer.text.length : answer.inputJson.length);
    return { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens };
  }

  function converseBody(exchange: Exchange, behaviour: Extract<FakeBedrockBehaviour, { kind: 'ok' }>) {
    const answer = answerOf(exchange, behaviour);
    const content =
      answer.kind === 'text'
        ? [{ text: answer.text }]
        : [{ toolUse: { toolUseId: answer.toolUseId, name: answer.name, input: answer.input } }];
    return {
      output: { message: { role: 'assistant', content } },
      stopReason: behaviour.stopReason ?? (answer.kind === 'text' ? 'end_turn' : 'tool_use'),
      usage: usageOf(exchange.body, answer),
      metrics: { latencyMs: exchange.latencyMs },
    };
  }

  function streamFrames(exchange: Exchange, behaviour: Extract<FakeBedrockBehaviour, { kind: 'ok' }>): Uint8Array[] {
    const answer = answerOf(exchange, behaviour);
    const chunkSize = Math.max(1, behaviour.chunkSize ?? defaultChunkSize);
    const frames: Uint8Array[] = [eventFrame('messageStart', { role: 'assistant' })];
    if (answer.kind === 'text') {
      for (const piece of chunk(answer.text, chunkSize)) {
        frames.push(eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: piece } }));
      }
    } else {
      frames.push(
        eventFrame('contentBlockStart', {
          contentBlockIndex: 0,
          start: { toolUse: { toolUseId: answer.toolUseId, name: answer.name } },
        }),
      );
      for (const piece of chunk(answer.inputJson, chunkSize)) {
        frames.push(eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { toolUse: { input: piece } } }));
      }
    }
    frames.push(eventFrame('contentBlockStop', { contentBlockIndex: 0 }));
    frames.push(
      eventFrame('messageStop', {
        stopReason: behaviour.stopReason ?? (answer.kind === 'text' ? 'end_turn' : 'tool_use'),
      }),
    );
    frames.push(
      eventFrame('metadata', { usage: usageOf(exchange.body, answer), metrics: { latencyMs: exchange.latencyMs } }),
    );
    return frames;
  }

  function sendStream(exchange: Exchange, frames: Uint8Array[], eventDelayMs: number, ending: 'end' | 'drop'): void {
    const { response, requestId } = exchange;
    response.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': requestId });
    const finish = (): void => {
      if (ending === 'end') response.end();
      else dropConnection(response);
    };
    if (eventDelayMs <= 0) {
      response.cork();
      for (const frame of frames) response.write(frame);
      response.uncork();
      finish();
      return;
    }
    let index = 0;
    const next = (): void => {
      if (index >= frames.length) {
        finish();
        return;
      }
      response.write(frames[index]!);
      index += 1;
      later(eventDelayMs, response, next);
    };
    // Headers go out at once, so the client's call resolves before the first paced event.
    response.flushHeaders();
    next();
  }

  // Longer than any client's idle pool timeout, so a benchmark never races a server-side
  // idle close against the reuse of a pooled connection (a spurious ECONNRESET).
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    served,
    enqueue: (...behaviours) => queue.push(...behaviours.map(normalise)),
    setDefault: (behaviour) => {
      defaultBehaviour = normalise(behaviour);
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
    reset: () => {
      queue.length = 0;
      requests.length = 0;
      Object.assign(served, emptyTally());
      defaultBehaviour = initialDefault;
      latencyMs = initialLatency;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function emptyTally(): Record<FakeBedrockBehaviour['kind'], number> {
  return { ok: 0, error: 0, hang: 0, delay: 0, 'broken-stream': 0, 'stream-exception': 0, malformed: 0, reset: 0 };
}

function normalise(behaviour: FakeBedrockBehaviourInput): FakeBedrockBehaviour {
  return typeof behaviour === 'string' ? { kind: behaviour } : behaviour;
}

// end() flushes what was written before closing, where destroy() could discard it: the client
// then sees exactly the promised bytes followed by a connection closed mid-response.
function dropConnection(response: ServerResponse): void {
  response.flushHeaders();
  response.socket?.end();
}

function fakeRequestId(counter: number): string {
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

function sendJson(response: ServerResponse, requestId: string, status: number, payload: unknown, extra: http.OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(payload);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': requestId,
    ...extra,
  });
  response.end(text);
}

function sendError(response: ServerResponse, requestId: string, error: Extract<FakeBedrockBehaviour, { kind: 'error' }>): void {
  const status = error.status ?? bedrockErrorStatus[error.errorType as BedrockErrorType] ?? 500;
  const headers: http.OutgoingHttpHeaders = { 'x-amzn-errortype': `${error.errorType}${errorTypeNamespace}` };
  if (error.retryAfter !== undefined) headers['retry-after'] = String(error.retryAfter);
  sendJson(response, requestId, status, { message: error.message ?? `Fake ${error.errorType}` }, headers);
}

function eventFrame(eventType: string, payload: unknown): Uint8Array {
  return codec.encode({
    headers: {
      ':event-type': { type: 'string', value: eventType },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: 'event' },
    },
    body: fromUtf8(JSON.stringify(payload)),
  });
}

function exceptionFrame(exceptionType: string, message: string): Uint8Array {
  return codec.encode({
    headers: {
      ':exception-type': { type: 'string', value: exceptionType },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: 'exception' },
    },
    body: fromUtf8(JSON.stringify({ message })),
  });
}

function chosenTool(body: FakeConverseBody) {
  const tools = body.toolConfig?.tools;
  if (!tools || tools.length === 0) return undefined;
  const choice = body.toolConfig?.toolChoice;
  const forced = choice?.tool?.name;
  if (forced) return tools.find((tool) => tool.toolSpec?.name === forced)?.toolSpec;
  if (choice?.any) return tools[0]?.toolSpec;
  return undefined;
}

function inputChars(body: FakeConverseBody): number {
  let chars = 0;
  for (const block of body.system ?? []) chars += block.text?.length ?? 0;
  for (const message of body.messages ?? []) {
    for (const block of message.content ?? []) chars += block.text?.length ?? 0;
  }
  return chars;
}

/** The fake's token estimate: one token per four characters, rounded up. */
export function estimateTokens(chars: number): number {
  return Math.ceil(chars / 4);
}

function chunk(text: string, size: number): string[] {
  if (text.length === 0) return [];
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
  return pieces;
}

// Bedrock's own messages for these mistakes, so tests read like production logs.
function conversationProblem(body: FakeConverseBody): string | null {
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0) {
    return 'A conversation must start with a user message. Try again with a conversation that starts with a user message.';
  }
  if (messages[0]!.role !== 'user') {
    return 'A conversation must start with a user message. Try again with a conversation that starts with a user message.';
  }
  for (let index = 0; index < messages.length; index += 1) {
    const message = messages[index]!;
    if (index > 0 && message.role === messages[index - 1]!.role) {
      return 'A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.';
    }
    const content = message.content ?? [];
    if (content.length === 0) return `The content field in the Message object at messages.${index} is empty.`;
    for (let blockIndex = 0; blockIndex < content.length; blockIndex += 1) {
      const text = content[blockIndex]!.text;
      if (typeof text === 'string' && text.trim() === '') {
        return `The text field in the ContentBlock object at messages.${index}.content.${blockIndex} is blank. Add text to the text field, and try again.`;
      }
    }
  }
  return null;
}
