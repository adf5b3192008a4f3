/**
 * The `openai` provider: OpenAI's Chat Completions API through the official SDK, and through
 * `baseURL` any OpenAI-compatible server (vLLM, Ollama, llama.cpp, LiteLLM, Azure's v1 endpoint).
 *
 * The SDK is a transport here: its retries are off and its timeout is not relied upon (the
 * manager owns retries and aborts each attempt through the AbortSignal), and every SDK error is
 * mapped to a {@link ProviderError}.
 */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { Stream } from 'openai/streaming';
import {
  ProviderError,
  parseRetryAfter,
  type ChatMessage,
  type Completion,
  type FinishReason,
  type LlmProvider,
  type LlmRequest,
  type ProviderErrorKind,
  type StreamEvent,
  type StructuredOutputSpec,
  type TokenUsage,
} from '../types.js';
import { createHttpFetch, type FetchFunction } from './http-fetch.js';
import { IncomingResponse } from './incoming-response.js';

/** Settings of one OpenAI-compatible provider (one entry of the routing config's `providers`). */
export interface OpenAiProviderSettings {
  /** The provider's id in the routing config, e.g. `openai`, `vllm`. */
  id: string;
  /** Sent as `Authorization: Bearer`. Servers without authentication accept any non-empty value. */
  apiKey: string;
  /**
   * Base URL of the API including `/v1`, e.g. `http://vllm:8000/v1`. Unset: the SDK's default,
   * `OPENAI_BASE_URL` if set, else `https://api.openai.com/v1`.
   */
  baseURL?: string;
  /** Whether the server runs on infrastructure the operator controls (data policy). */
  selfHosted: boolean;
  /**
   * Structured output through `response_format: json_schema` with `strict: true`. False for
   * servers without it: JSON mode (`json_object`) plus the schema in a system message.
   */
  structuredOutputs: boolean;
  /** The HTTP transport; default {@link createHttpFetch}, a keep-alive node:http fetch. */
  fetch?: FetchFunction;
}

type ChatParams = OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;
type ChatStreamParams = OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming;
type ChatCompletion = OpenAI.Chat.Completions.ChatCompletion;
type RequestOptions = Exclude<Parameters<OpenAI['post']>[1], Promise<unknown> | undefined>;

/**
 * Requests go through the SDK's `post` with the JSON body already written, which is what
 * `chat.completions.create` does (same path, headers, auth, error mapping, SSE parsing) minus
 * serializing the whole body itself: the `response_format` with its JSON Schema, the same for
 * every call of a feature, is serialized once per output spec ({@link requestBody}).
 */
const chatPath = '/chat/completions';
const jsonContentType = { 'content-type': 'application/json' } as const;

function chatOptions(body: string, stream: boolean, signal: AbortSignal): RequestOptions {
  // A string body with a content-type is sent as it is (the SDK's buildBody).
  return { body, headers: jsonContentType, stream, signal };
}

type AuthHeaders = Awaited<ReturnType<OpenAI['authHeaders']>>;
type BuiltRequest = Awaited<ReturnType<OpenAI['buildRequest']>>;
type ClientOptions = NonNullable<ConstructorParameters<typeof OpenAI>[0]>;

/**
 * The SDK's client, keeping what it would otherwise rebuild on every call, through its own
 * extension points (stack-notes items 21, 29 and 35):
 * - the authentication headers (two `Headers` objects per call; the API key is a fixed string);
 * - the URL of a path without a query;
 * - the request headers of a chat call: the SDK merges them into a `Headers` (its defaults,
 *   `X-Stainless-*`, the bearer, ours) on every call, the same every time for this provider's
 *   calls (no SDK retries, one timeout, one content type, no idempotency key: the OpenAI client
 *   sets no idempotency header). The first call builds them the SDK's way and later calls reuse
 *   that `Headers` (the SDK only reads it);
 * - for a non-streamed call, the SDK's per-call `setTimeout` (10 minutes) and its abort listener
 *   on the caller's signal, never removed (item 8): the transport gets the caller's signal itself
 *   and drops its listener when the response is read. The manager owns the time limits. A
 *   streamed call keeps the SDK's own path: its `Stream` aborts the request through the SDK's
 *   controller when the reader stops early.
 */
class ReusingOpenAI extends OpenAI {
  #bearerHeaders: AuthHeaders | null = null;
  readonly #urls = new Map<string, string>();
  /** The headers of a chat call, as the SDK built them; one set per kind, so a call's kind is known by identity. */
  #jsonCallHeaders: CallHeaders | null = null;
  #streamCallHeaders: CallHeaders | null = null;
  readonly #transport: FetchFunction;
  /** Whether {@link postJsonDirect} does what the SDK would: nothing this client is set up with changes a call. */
  readonly #direct: boolean;

  constructor(options: ClientOptions & { fetch: FetchFunction }) {
    super(options);
    this.#transport = options.fetch;
    this.#direct =
      this.maxRetries === 0 &&
      this.logLevel === 'off' &&
      typeof this._options.apiKey === 'string' &&
      this._options.provider == null &&
      this._options.workloadIdentity == null &&
      this.fetchOptions === undefined &&
      this.idempotencyHeader === undefined;
  }

  protected override async authHeaders(options: Parameters<OpenAI['authHeaders']>[0], schemes?: Parameters<OpenAI['authHeaders']>[1]): Promise<AuthHeaders> {
    // Bearer only (what every call of this provider asks for), and a key that cannot change.
    if (schemes?.bearerAuth !== true || schemes.adminAPIKeyAuth === true || typeof this.apiKey !== 'string') return super.authHeaders(options, schemes);
    this.#bearerHeaders ??= await super.authHeaders(options, schemes);
    return this.#bearerHeaders;
  }

  override buildURL(path: string, query: Record<string, unknown> | null | undefined, defaultBaseURL?: string): string {
    if (query != null || defaultBaseURL !== undefined) return super.buildURL(path, query, defaultBaseURL);
    let url = this.#urls.get(path);
    if (url === undefined) {
      url = super.buildURL(path, query, defaultBaseURL);
      if (this.#urls.size < 64) this.#urls.set(path, url);
    }
    return url;
  }

  override async buildRequest(options: Parameters<OpenAI['buildRequest']>[0], context?: Parameters<OpenAI['buildRequest']>[1]): Promise<BuiltRequest> {
    // An idempotency header would differ per call (the OpenAI client sets none).
    const reusable = isChatCall(options) && (context?.retryCount ?? 0) === 0 && this.fetchOptions === undefined && this.idempotencyHeader === undefined;
    if (!reusable) return super.buildRequest(options, context);
    const stream = options.stream === true;
    let headers = stream ? this.#streamCallHeaders : this.#jsonCallHeaders;
    if (headers === null) {
      const built = await super.buildRequest(options, context);
      headers = callHeaders(built.req.headers);
      if (stream) this.#streamCallHeaders = headers;
      else this.#jsonCallHeaders = headers;
    }
    // Nothing writes to the request's Headers (only the SDK's workload identity auth would, which this client has not).
    const req: BuiltRequest['req'] = { method: options.method, headers: headers.headers, body: options.body as string };
    if (options.signal) req.signal = options.signal;
    return { req, url: this.buildURL(options.path, null), timeout: this.timeout };
  }

  // The SDK's hooks below are async functions doing nothing for this client's chat calls; each
  // still costs a promise per call (and, in the service, the promise hooks of stack-notes item 24).
  protected override prepareOptions(options: Parameters<OpenAI['prepareOptions']>[0]): Promise<void> {
    // The SDK's own only resolves an API key given as a function; this client's is a string.
    return typeof this._options.apiKey === 'string' ? done : super.prepareOptions(options);
  }

  protected override prepareRequest(): Promise<void> {
    // The SDK's own is an empty hook for subclasses.
    return done;
  }

  protected override fetchWithAuth(...args: Parameters<OpenAI['fetchWithAuth']>): Promise<Response> {
    // The SDK's own adds workload identity tokens, which this client is not configured with.
    const [url, init, timeout, controller] = args;
    if (this.#jsonCallHeaders === null || init.headers !== this.#jsonCallHeaders.headers) return super.fetchWithAuth(...args);
    return this.fetchWithTimeout(url, init, timeout, controller);
  }

  /**
   * A non-streamed chat call once the SDK has built its headers (the first call goes through the
   * SDK): the request sent and the answer read as the SDK's `makeRequest` and `defaultParseResponse`
   * would (this client: no retries, no workload identity, no custom provider, logging off), minus
   * what they do per call for nothing here: a promise chain through `APIPromise`, three
   * `formatRequestDetails` of the request and response for a debug log that is off, an
   * `AbortController` and a log id. Errors are the SDK's: `APIUserAbortError`,
   * `APIConnectionTimeoutError`, `APIConnectionError` and its status errors (`makeStatusError`).
   * Null when the call must take the SDK's path.
   */
  postJsonDirect(path: string, body: string, signal: AbortSignal): Promise<unknown> | null {
    const json = this.#jsonCallHeaders;
    if (json === null || !this.#direct) return null;
    return this.#sendJson(this.buildURL(path, null), json, body, signal);
  }

  /**
   * A streamed chat call once the SDK has built its stream headers: sent as {@link postJsonDirect}
   * sends a JSON one, its answer read by the SDK's own `Stream.fromSSEResponse` (SSE framing, error
   * events, closing the request when the reader stops early), as the SDK's `defaultParseResponse`
   * does for a stream. Null when the call must take the SDK's path.
   */
  postStreamDirect<Chunk>(path: string, body: string, signal: AbortSignal): Promise<{ data: Stream<Chunk>; request_id: string | null }> | null {
    const headers = this.#streamCallHeaders;
    if (headers === null || !this.#direct) return null;
    return this.#sendStream<Chunk>(this.buildURL(path, null), headers, body, signal);
  }

  async #sendStream<Chunk>(url: string, headers: CallHeaders, body: string, signal: AbortSignal): Promise<{ data: Stream<Chunk>; request_id: string | null }> {
    if (signal.aborted) throw new APIUserAbortError();
    // The SDK's stream closes its request through this controller when its reader stops early;
    // the caller's signal aborts it as the SDK's fetchWithTimeout wires it.
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort(), { once: true });
    const response = await this.#post(url, headers, body, controller.signal, signal);
    return { data: Stream.fromSSEResponse<Chunk>(response, controller, this), request_id: headerOf(response, 'x-request-id') };
  }

  /** Sends a chat call; resolves with a 2xx response, rejects the way the SDK's `makeRequest` does (no retries). */
  async #post(url: string, headers: CallHeaders, body: string, requestSignal: AbortSignal, callerSignal: AbortSignal): Promise<Response> {
    let response: Response;
    try {
      response = await this.#transport(url, { method: 'POST', headers: headers.record, body, signal: requestSignal });
    } catch (thrown) {
      // makeRequest's handling of a failed fetch, without retries.
      const error = castToError(thrown);
      if (callerSignal.aborted) throw new APIUserAbortError();
      const isTimeout = isAbortError(error) || /timed? ?out/i.test(String(error) + ('cause' in error ? String(error.cause) : ''));
      if (isTimeout) throw new APIConnectionTimeoutError();
      throw new APIConnectionError({ message: connectionErrorMessage(error), cause: error });
    }
    if (!response.ok) {
      const errorText = await response.text().catch((error: unknown) => castToError(error).message);
      const errorJson = parsedOrUndefined(errorText);
      throw this.makeStatusError(response.status, errorJson as object, errorJson ? undefined : errorText, response.headers);
    }
    return response;
  }

  async #sendJson(url: string, json: CallHeaders, body: string, signal: AbortSignal): Promise<unknown> {
    const response = await this.#post(url, json, body, signal, signal);
    // defaultParseResponse of a non-streamed call.
    if (response.status === 204) return null;
    const mediaType = headerOf(response, 'content-type')?.split(';')[0]?.trim();
    if (mediaType?.includes('application/json') || mediaType?.endsWith('+json')) {
      if (headerOf(response, 'content-length') === '0') return undefined;
      const value: unknown = await response.json();
      if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
      return Object.defineProperty(value, '_request_id', { value: headerOf(response, 'x-request-id'), enumerable: false });
    }
    return response.text();
  }

  override fetchWithTimeout(url: Parameters<OpenAI['fetchWithTimeout']>[0], init: RequestInit | undefined, ms: number, controller: AbortController): Promise<Response> {
    const json = this.#jsonCallHeaders;
    if (json === null || init?.headers !== json.headers) return super.fetchWithTimeout(url, init, ms, controller);
    try {
      return this.#transport(url as string, { method: 'POST', headers: json.record, body: init.body ?? null, signal: init.signal ?? null });
    } catch (error) {
      // A fetch that throws instead of rejecting still fails the call the SDK's way.
      return Promise.reject(error);
    }
  }
}

const done: Promise<void> = Promise.resolve();

/** `response.headers.get(name)` (`name` lower-case), without building the `Headers` of this transport's responses. */
function headerOf(response: Response, name: string): string | null {
  return response instanceof IncomingResponse ? response.header(name) : response.headers.get(name);
}

/** The SDK's `castToError` (openai/internal/errors.mjs, not exported). */
function castToError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  if (typeof thrown === 'object' && thrown !== null) {
    try {
      if (Object.prototype.toString.call(thrown) === '[object Error]') {
        const like = thrown as { message?: string; cause?: unknown; stack?: string; name?: string };
        const error = new Error(like.message, like.cause ? { cause: like.cause } : {});
        if (like.stack) error.stack = like.stack;
        if (like.cause && !error.cause) error.cause = like.cause;
        if (like.name) error.name = like.name;
        return error;
      }
    } catch {
      // as the SDK: fall through
    }
    try {
      return new Error(JSON.stringify(thrown));
    } catch {
      // as the SDK: fall through
    }
  }
  return new Error(thrown as string);
}

/** The SDK's `getConnectionErrorMessage` (client.mjs): a hint for an undici dispatcher of another version. */
function connectionErrorMessage(error: Error): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth += 1) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (code === 'UND_ERR_INVALID_ARG' && typeof message === 'string' && message.includes('invalid onRequestStart method')) {
      return "Connection error. This may be caused by passing an undici dispatcher, such as ProxyAgent, that is incompatible with the fetch implementation. If you are using undici's ProxyAgent, pass the fetch implementation from the same undici package: import { fetch, ProxyAgent } from 'undici'; new OpenAI({ fetch, fetchOptions: { dispatcher: new ProxyAgent(...) } });";
    }
    current = cause;
  }
  return undefined;
}

/** The SDK's `isAbortError`. */
function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (('name' in error && error.name === 'AbortError') || ('message' in error && String(error.message).includes('FetchRequestCanceledException')))
  );
}

/** The SDK's `safeJSON`. */
function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A chat call's headers: the SDK's `Headers`, and the same as a record for the transport. */
interface CallHeaders {
  headers: Headers;
  record: Readonly<Record<string, string>>;
}

function callHeaders(headers: Headers): CallHeaders {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = value;
  });
  return { headers, record: Object.freeze(record) };
}

/** The options of a call made by this provider ({@link chatOptions}), whose headers never vary. */
function isChatCall(options: Parameters<OpenAI['buildRequest']>[0]): boolean {
  return (
    options.headers === jsonContentType &&
    options.method === 'post' &&
    typeof options.body === 'string' &&
    options.query == null &&
    options.defaultBaseURL === undefined &&
    options.timeout === undefined &&
    options.idempotencyKey === undefined &&
    options.fetchOptions === undefined &&
    options.__security === undefined
  );
}
// The SDK names itself after the client's class in User-Agent (`OpenAI/JS <version>`).
Object.defineProperty(ReusingOpenAI, 'name', { value: OpenAI.name });

/** Creates the provider. Throws at once on unusable settings (an empty API key). */
export function createOpenAiProvider(settings: OpenAiProviderSettings): LlmProvider {
  const providerId = settings.id;
  if (!settings.apiKey) {
    throw new Error(`provider "${providerId}": the API key is empty (use any placeholder for a server without authentication)`);
  }
  const client = new ReusingOpenAI({
    apiKey: settings.apiKey,
    // Left undefined, the SDK falls back to OPENAI_BASE_URL, then to api.openai.com.
    baseURL: settings.baseURL,
    maxRetries: 0,
    fetch: settings.fetch ?? createHttpFetch(),
    // Failures are returned as ProviderErrors and logged by the manager, with the account's context.
    logLevel: 'off',
  });

  const fail = (error: unknown, signal: AbortSignal): unknown => (signal.aborted ? signal.reason : toProviderError(providerId, error));

  return {
    id: providerId,
    kind: 'openai',
    degraded: false,
    selfHosted: settings.selfHosted,

    async complete(request: LlmRequest, signal: AbortSignal): Promise<Completion> {
      signal.throwIfAborted();
      const params = buildParams(request, settings.structuredOutputs);
      let completion: ChatCompletion & { _request_id?: string | null };
      try {
        const body = requestBody(params, request.output, settings.structuredOutputs);
        const direct = client.postJsonDirect(chatPath, body, signal) as Promise<ChatCompletion> | null;
        completion = await (direct ?? client.post<ChatCompletion>(chatPath, chatOptions(body, false, signal)));
      } catch (error) {
        throw fail(error, signal);
      }
      return toCompletion(providerId, completion, request, params.messages);
    },

    async *stream(request: LlmRequest, signal: AbortSignal): AsyncIterable<StreamEvent> {
      signal.throwIfAborted();
      const params: ChatParams | ChatStreamParams = { ...buildParams(request, settings.structuredOutputs), stream: true, stream_options: { include_usage: true } };
      let stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>;
      let requestId: string | null;
      try {
        const body = requestBody(params, request.output, settings.structuredOutputs);
        const { data, request_id } =
          (await client.postStreamDirect<OpenAI.Chat.Completions.ChatCompletionChunk>(chatPath, body, signal)) ??
          (await client.post<Stream<OpenAI.Chat.Completions.ChatCompletionChunk>>(chatPath, chatOptions(body, true, signal)).withResponse());
        stream = data;
        requestId = request_id;
      } catch (error) {
        throw fail(error, signal);
      }

      let text = '';
      let refusal = '';
      let finish: string | null = null;
      let usage: OpenAI.Completions.CompletionUsage | null = null;
      let responseModel: string | null = null;
      let completionId: string | null = null;
      try {
        for await (const chunk of stream) {
          completionId ??= chunk.id || null;
          responseModel ??= chunk.model || null;
          if (chunk.usage) usage = chunk.usage;
          const choice = chunk.choices?.[0];
          if (!choice) continue;
          if (choice.finish_reason) finish = choice.finish_reason;
          if (choice.delta?.refusal) refusal += choice.delta.refusal;
          const delta = choice.delta?.content;
          if (delta) {
            text += delta;
            yield { type: 'delta', text: delta };
          }
        }
      } catch (error) {
        // A connection dropped after the final chunk loses only usage, which is estimated below.
        if (signal.aborted || finish === null) throw fail(error, signal);
      }
      // The SDK ends the iteration quietly when the request is aborted.
      signal.throwIfAborted();
      if (finish === null) {
        throw new ProviderError(providerId, 'unavailable', `${providerId}: the stream ended before the completion finished`);
      }
      if (refusal) throw refused(providerId, refusal);
      const finishReason = toFinishReason(finish);
      if (finishReason === 'content_filter') throw filtered(providerId);
      yield {
        type: 'finish',
        completion: {
          text,
          finishReason,
          usage: toUsage(usage, params.messages, text),
          responseModel: responseModel ?? request.model,
          providerRequestId: completionId ?? requestId,
        },
      };
    },
  };
}

// `max_tokens`, not `max_completion_tokens`: vLLM, Ollama, llama.cpp and most other
// OpenAI-compatible servers only know the older name, and OpenAI still accepts it for chat
// models (its reasoning models require the new name: route those through a provider that
// sets it once one is needed). With structured outputs, `response_format` is added by
// {@link requestBody}, already serialized.
function buildParams(request: LlmRequest, structuredOutputs: boolean): ChatParams {
  const params: ChatParams = {
    model: request.model,
    messages: request.messages.map(toMessageParam),
    max_tokens: request.maxOutputTokens,
    temperature: request.temperature,
  };
  const output = request.output;
  if (!output || structuredOutputs) return params;
  // JSON mode guarantees JSON only; the schema has to travel in the prompt (which also
  // satisfies OpenAI's rule that JSON mode prompts mention JSON).
  params.response_format = { type: 'json_object' };
  const schemaMessage: OpenAI.Chat.Completions.ChatCompletionSystemMessageParam = { role: 'system', content: schemaInstruction(output) };
  const firstNonSystem = params.messages.findIndex((message) => message.role !== 'system');
  params.messages.splice(firstNonSystem === -1 ? params.messages.length : firstNonSystem, 0, schemaMessage);
  return params;
}

/** The JSON text of the request: `params`, then the `response_format` of strict structured output. */
function requestBody(params: ChatParams | ChatStreamParams, output: StructuredOutputSpec | undefined, structuredOutputs: boolean): string {
  const json = JSON.stringify(params);
  if (!output || !structuredOutputs) return json;
  return `${json.slice(0, -1)},"response_format":${strictResponseFormat(output)}}`;
}

// Per output spec object: a feature's spec is a module constant, so these hold one entry per feature.
const responseFormats = new WeakMap<StructuredOutputSpec, string>();
const schemaInstructions = new WeakMap<StructuredOutputSpec, string>();

/** `response_format: json_schema` with `strict: true`, serialized once per output spec. */
function strictResponseFormat(output: StructuredOutputSpec): string {
  let json = responseFormats.get(output);
  if (json === undefined) {
    const format: OpenAI.ResponseFormatJSONSchema = {
      type: 'json_schema',
      json_schema: { name: output.name, description: output.description, schema: output.jsonSchema, strict: true },
    };
    json = JSON.stringify(format);
    responseFormats.set(output, json);
  }
  return json;
}

/** The system message that carries the schema in JSON mode, written once per output spec. */
function schemaInstruction(output: StructuredOutputSpec): string {
  let text = schemaInstructions.get(output);
  if (text === undefined) {
    text =
      `Answer with one JSON value and nothing else. It must be valid against this JSON Schema ` +
      `(${output.name}: ${output.description}):\n${JSON.stringify(output.jsonSchema)}`;
    schemaInstructions.set(output, text);
  }
  return text;
}

function toMessageParam(message: ChatMessage): OpenAI.Chat.Completions.ChatCompletionMessageParam {
  return { role: message.role, content: message.content };
}

function toCompletion(
  providerId: string,
  completion: ChatCompletion & { _request_id?: string | null },
  request: LlmRequest,
  messages: ChatParams['messages'],
): Completion {
  // A 200 that is not a chat completion: a proxy's page, or a server speaking another dialect.
  const choice = typeof completion === 'object' && completion !== null ? completion.choices?.[0] : undefined;
  if (!choice?.message) {
    throw new ProviderError(providerId, 'unavailable', `${providerId}: the response is not a chat completion`);
  }
  if (choice.message.refusal) throw refused(providerId, choice.message.refusal);
  const finishReason = toFinishReason(choice.finish_reason);
  if (finishReason === 'content_filter') throw filtered(providerId);
  const text = choice.message.content ?? '';
  return {
    text,
    finishReason,
    usage: toUsage(completion.usage ?? null, messages, text),
    responseModel: completion.model || request.model,
    providerRequestId: completion.id || completion._request_id || null,
  };
}

function toFinishReason(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'stop':
    case null:
    case undefined:
      return 'stop';
    case 'length':
      return 'length';
    case 'tool_calls':
    case 'function_call':
      return 'tool_call';
    case 'content_filter':
      return 'content_filter';
    default:
      return 'error';
  }
}

/** Servers that send no usage (some self-hosted ones, even when asked) get an estimate: 4 characters a token. */
function toUsage(usage: OpenAI.Completions.CompletionUsage | null, messages: ChatParams['messages'], text: string): TokenUsage {
  if (usage && Number.isFinite(usage.prompt_tokens) && Number.isFinite(usage.completion_tokens)) {
    return { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens };
  }
  let promptCharacters = 0;
  for (const message of messages) if (typeof message.content === 'string') promptCharacters += message.content.length;
  return { inputTokens: Math.ceil(promptCharacters / 4), outputTokens: Math.ceil(text.length / 4) };
}

function refused(providerId: string, refusal: string): ProviderError {
  return new ProviderError(providerId, 'content_filtered', `${providerId}: the model refused: ${refusal}`);
}

function filtered(providerId: string): ProviderError {
  return new ProviderError(providerId, 'content_filtered', `${providerId}: the answer was stopped by the content filter`);
}

/** Maps anything the SDK (or the transport under it) throws to a ProviderError. */
function toProviderError(providerId: string, error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  if (error instanceof APIConnectionTimeoutError) {
    return new ProviderError(providerId, 'timeout', `${providerId}: the request timed out`, { cause: error });
  }
  if (error instanceof APIUserAbortError) {
    // Only reachable when something other than our signal aborted the SDK's request.
    return new ProviderError(providerId, 'unavailable', `${providerId}: the request was aborted`, { cause: error });
  }
  if (error instanceof APIConnectionError) {
    return new ProviderError(providerId, 'unavailable', `${providerId}: connection failed: ${describeCause(error)}`, { cause: error });
  }
  if (error instanceof APIError) return fromApiError(providerId, error);
  if (error instanceof SyntaxError) {
    return new ProviderError(providerId, 'unavailable', `${providerId}: the response is not valid JSON`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError(providerId, 'unavailable', `${providerId}: ${message}`, { cause: error });
}

function fromApiError(providerId: string, error: APIError): ProviderError {
  // Errors sent inside a stream carry no HTTP status; vLLM puts the status in `code`.
  const status = error.status ?? (typeof error.code === 'number' && error.code >= 400 && error.code < 600 ? error.code : null);
  if (status === null) {
    const kind: ProviderErrorKind =
      error.code === 'rate_limit_exceeded' ? 'rate_limited' : error.type === 'invalid_request_error' ? 'bad_request' : 'unavailable';
    return new ProviderError(providerId, kind, `${providerId}: error in the stream: ${error.message}`, { cause: error });
  }
  const kind = kindOfStatus(status);
  const message = `${providerId}: ${error.message}`;
  if (kind !== 'rate_limited') return new ProviderError(providerId, kind, message, { cause: error, status });
  return new ProviderError(providerId, kind, message, {
    cause: error,
    status,
    retryAfterMs: retryAfterOf(error.headers),
    // OpenAI answers 429 `insufficient_quota` when billing is exhausted: waiting does not help.
    ...(error.code === 'insufficient_quota' && { retryable: false }),
  });
}

function kindOfStatus(status: number): ProviderErrorKind {
  if (status === 429) return 'rate_limited';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 401 || status === 403) return 'authentication';
  // 409 is OpenAI's lock contention, which it asks clients to retry.
  if (status === 409 || status >= 500) return 'unavailable';
  if (status >= 400) return 'bad_request';
  return 'unavailable';
}

function retryAfterOf(headers: Headers | undefined): number | null {
  const milliseconds = headers?.get('retry-after-ms');
  if (milliseconds) {
    const value = Number(milliseconds);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  return parseRetryAfter(headers?.get('retry-after'));
}

function describeCause(error: APIConnectionError): string {
  const cause = error.cause;
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
    return `${cause.message}${inner}`;
  }
  return error.message;
}
