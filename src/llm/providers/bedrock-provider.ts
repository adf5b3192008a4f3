/**
 * The Amazon Bedrock provider: the Converse API (ConverseCommand, ConverseStreamCommand) of
 * `@aws-sdk/client-bedrock-runtime`, so one adapter serves every Bedrock chat model. Structured
 * output is a forced tool whose input schema is the feature's JSON Schema; the completion text
 * is the JSON of the tool's input.
 */
import http from 'node:http';
import https from 'node:https';
import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  type BedrockRuntimeClientConfig,
  type ContentBlock,
  type ConverseCommandInput,
  type ConverseStreamOutput,
  type Message,
  type StopReason,
  type ToolInputSchema,
} from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import {
  ProviderError,
  isProviderError,
  parseRetryAfter,
  type ChatMessage,
  type Completion,
  type FinishReason,
  type LlmProvider,
  type LlmRequest,
  type ProviderErrorKind,
  type StreamEvent,
  type TokenUsage,
} from '../types.js';
import { raceAbort } from '../abort.js';
import { withoutDefinitions } from '../json-schema.js';

/** Settings of {@link createBedrockProvider}. */
export interface BedrockProviderSettings {
  /** The provider's id in the routing config, e.g. `bedrock`. */
  id: string;
  /** AWS region of the Bedrock Runtime endpoint, e.g. `us-east-1`. */
  region: string;
  /** Endpoint override (a VPC endpoint, a proxy, the fake server in tests); default: the region's public endpoint. */
  endpoint?: string;
  /**
   * AWS credentials, static or a provider function. Default: the SDK's standard credential
   * chain (environment, shared config and SSO, web identity, container and instance metadata).
   */
  credentials?: BedrockRuntimeClientConfig['credentials'];
  /** Whether the operator controls the infrastructure (data policy); usually false for Bedrock. */
  selfHosted: boolean;
}

/** A Bedrock {@link LlmProvider}, plus a way to free its connection pool at shutdown. */
export interface BedrockProvider extends LlmProvider {
  readonly kind: 'bedrock';
  /** Closes the pooled keep-alive connections; the provider must not be used afterwards. */
  close(): void;
}

/**
 * Converse needs a user turn first; a conversation that has none gets this one, so the
 * request still reaches the model instead of failing on a Bedrock-only rule.
 */
export const conversationStartPlaceholder = '(start of conversation)';

/** The SDK's opaque JSON document type, as a tool input schema takes it. */
type JsonDocument = NonNullable<ToolInputSchema.JsonMember['json']>;

/** Creates the Bedrock provider (Converse API, HTTP/1.1 keep-alive, no SDK retries). */
export function createBedrockProvider(settings: BedrockProviderSettings): BedrockProvider {
  const { id } = settings;
  const client = new BedrockRuntimeClient({
    region: settings.region,
    ...(settings.endpoint !== undefined && { endpoint: settings.endpoint }),
    ...(settings.credentials !== undefined && { credentials: settings.credentials }),
    // The manager owns retries, backoff and fallback.
    maxAttempts: 1,
    // The client's default handler is HTTP/2, which fails against HTTP/1.1 endpoints
    // (proxies, VPC endpoints behind load balancers, the test fake): STACK-NOTES item 5.
    requestHandler: new NodeHttpHandler({
      httpAgent: new http.Agent({ keepAlive: true }),
      httpsAgent: new https.Agent({ keepAlive: true }),
    }),
  });

  async function complete(request: LlmRequest, signal: AbortSignal): Promise<Completion> {
    if (signal.aborted) throw signal.reason;
    const input = toConverseInput(id, request);
    let output;
    try {
      // The SDK only watches the signal on the wire, not while it resolves credentials or decodes events.
      output = await raceAbort(client.send(new ConverseCommand(input), { abortSignal: signal }), signal);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw toProviderError(id, error);
    }
    const forcedTool = request.output?.name;
    const content = output.output?.message?.content ?? [];
    const toolUse = forcedTool ? content.find((block) => block.toolUse?.name === forcedTool)?.toolUse : undefined;
    const text = toolUse
      ? JSON.stringify(toolUse.input ?? {})
      : content.map((block) => block.text ?? '').join('');
    return {
      text,
      finishReason: toFinishReason(id, output.stopReason, toolUse !== undefined),
      usage: { inputTokens: output.usage?.inputTokens ?? 0, outputTokens: output.usage?.outputTokens ?? 0 },
      responseModel: request.model,
      providerRequestId: output.$metadata.requestId ?? null,
    };
  }

  async function* stream(request: LlmRequest, signal: AbortSignal): AsyncGenerator<StreamEvent> {
    if (signal.aborted) throw signal.reason;
    const input = toConverseInput(id, request);
    // Our own controller also ends the HTTP exchange when the consumer stops early or the
    // stream fails: the SDK's event iterator does not close the socket when it is abandoned.
    const exchange = new AbortController();
    const forwardAbort = (): void => exchange.abort(signal.reason);
    signal.addEventListener('abort', forwardAbort, { once: true });
    let finished = false;
    try {
      let events: AsyncIterable<ConverseStreamOutput> | undefined;
      let requestId: string | null = null;
      try {
        const output = await raceAbort(
          client.send(new ConverseStreamCommand(input), { abortSignal: exchange.signal }),
          signal,
        );
        events = output.stream;
        requestId = output.$metadata.requestId ?? null;
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        throw toProviderError(id, error);
      }
      if (!events) throw new ProviderError(id, 'unavailable', 'Bedrock ConverseStream answered without an event stream');

      const state: StreamState = { forcedTool: request.output?.name, toolBlocks: new Set(), parts: [], sawForcedTool: false, stopReason: undefined, usage: { inputTokens: 0, outputTokens: 0 } };
      const iterator = events[Symbol.asyncIterator]();
      while (true) {
        let result: IteratorResult<ConverseStreamOutput>;
        try {
          result = await raceAbort(iterator.next(), signal);
        } catch (error) {
          if (signal.aborted) throw signal.reason;
          throw toProviderError(id, error);
        }
        if (result.done) break;
        const piece = foldStreamEvent(id, state, result.value);
        if (piece) yield { type: 'delta', text: piece };
      }
      const { stopReason, sawForcedTool, usage } = state;
      if (stopReason === undefined) {
        throw new ProviderError(id, 'unavailable', 'Bedrock stream ended before messageStop');
      }
      const finishReason = toFinishReason(id, stopReason, sawForcedTool);
      let text = state.parts.join('');
      if (sawForcedTool && text === '') text = '{}';
      finished = true;
      yield {
        type: 'finish',
        completion: { text, finishReason, usage, responseModel: request.model, providerRequestId: requestId },
      };
    } finally {
      signal.removeEventListener('abort', forwardAbort);
      if (!finished && !exchange.signal.aborted) exchange.abort(new Error('stream abandoned'));
    }
  }

  return {
    id,
    kind: 'bedrock',
    degraded: false,
    selfHosted: settings.selfHosted,
    complete,
    stream,
    close: () => client.destroy(),
  };
}

/** Builds the Converse input: system blocks apart, user/assistant turns alternating and user first. */
export function toConverseInput(providerId: string, request: LlmRequest): ConverseCommandInput {
  const system = request.messages
    .filter((message) => message.role === 'system' && message.content.trim() !== '')
    .map((message) => ({ text: message.content }));
  const messages = toConverseMessages(request.messages);
  const input: ConverseCommandInput = {
    modelId: request.model,
    messages,
    inferenceConfig: { maxTokens: request.maxOutputTokens, temperature: request.temperature },
  };
  if (system.length > 0) input.system = system;
  if (request.output) {
    const { name, description, jsonSchema } = request.output;
    if (!/^[a-zA-Z0-9_-]{1,64}$/.test(name)) {
      throw new ProviderError(providerId, 'bad_request', `structured output name "${name}" is not a valid Bedrock tool name`);
    }
    input.toolConfig = {
      // Tool schemas get no `$defs` (Nova refuses them): references are written out in full.
      tools: [{ toolSpec: { name, description, inputSchema: { json: withoutDefinitions(jsonSchema) as JsonDocument } } }],
      toolChoice: { tool: { name } },
    };
  }
  return input;
}

function toConverseMessages(chatMessages: ChatMessage[]): Message[] {
  const messages: Message[] = [];
  for (const message of chatMessages) {
    // Converse rejects blank text blocks, and system text travels in `system`.
    if (message.role === 'system' || message.content.trim() === '') continue;
    const block: ContentBlock = { text: message.content };
    const last = messages[messages.length - 1];
    if (last && last.role === message.role) last.content!.push(block);
    else messages.push({ role: message.role, content: [block] });
  }
  if (messages[0]?.role !== 'user') {
    messages.unshift({ role: 'user', content: [{ text: conversationStartPlaceholder }] });
  }
  return messages;
}

function toFinishReason(providerId: string, stopReason: StopReason | string | undefined, answeredWithForcedTool: boolean): FinishReason {
  switch (stopReason) {
    case 'tool_use':
      return answeredWithForcedTool ? 'stop' : 'tool_call';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'guardrail_intervened':
    case 'content_filtered':
      throw new ProviderError(providerId, 'content_filtered', `Bedrock stopped the answer: ${stopReason}`);
    case 'malformed_model_output':
    case 'malformed_tool_use':
      // A glitch of one generation, not of the prompt: another attempt usually succeeds.
      throw new ProviderError(providerId, 'invalid_output', `Bedrock reported ${stopReason}`, { retryable: true });
    default:
      return 'stop';
  }
}

/** What a ConverseStream has said so far. */
interface StreamState {
  /** The tool whose input is the structured answer, when the request asked for one. */
  forcedTool: string | undefined;
  toolBlocks: Set<number>;
  parts: string[];
  sawForcedTool: boolean;
  stopReason: StopReason | string | undefined;
  usage: TokenUsage;
}

/** Folds one stream event into `state`; returns the answer text it adds, if any. Throws a ProviderError for an exception event. */
function foldStreamEvent(id: string, state: StreamState, event: ConverseStreamOutput): string | undefined {
  const { forcedTool } = state;
  if (event.contentBlockStart) {
    const start = event.contentBlockStart;
    if (forcedTool && start.start?.toolUse?.name === forcedTool && start.contentBlockIndex !== undefined) {
      state.toolBlocks.add(start.contentBlockIndex);
      state.sawForcedTool = true;
    }
  } else if (event.contentBlockDelta) {
    const { delta, contentBlockIndex } = event.contentBlockDelta;
    // With structured output only the tool input is the answer; any text the model
    // says around the call would corrupt the JSON a consumer assembles from deltas.
    const piece = forcedTool
      ? contentBlockIndex !== undefined && state.toolBlocks.has(contentBlockIndex)
        ? delta?.toolUse?.input
        : undefined
      : delta?.text;
    if (piece) state.parts.push(piece);
    return piece;
  } else if (event.messageStop) {
    state.stopReason = event.messageStop.stopReason;
  } else if (event.metadata) {
    state.usage = { inputTokens: event.metadata.usage?.inputTokens ?? 0, outputTokens: event.metadata.usage?.outputTokens ?? 0 };
  } else {
    const exception = streamException(event);
    if (exception) throw toProviderError(id, exception);
  }
  return undefined;
}

// The SDK normally throws stream exceptions itself; this covers one delivered as an event.
function streamException(event: ConverseStreamOutput): Error | null {
  const members = [
    ['ThrottlingException', event.throttlingException],
    ['ModelStreamErrorException', event.modelStreamErrorException],
    ['InternalServerException', event.internalServerException],
    ['ServiceUnavailableException', event.serviceUnavailableException],
    ['ValidationException', event.validationException],
  ] as const;
  for (const [name, value] of members) {
    if (value) return Object.assign(new Error(value.message ?? name), { name });
  }
  return null;
}

const kindByErrorName = new Map<string, ProviderErrorKind>(Object.entries({
  ThrottlingException: 'rate_limited',
  ModelNotReadyException: 'rate_limited',
  TooManyRequestsException: 'rate_limited',
  ServiceUnavailableException: 'unavailable',
  InternalServerException: 'unavailable',
  ModelStreamErrorException: 'unavailable',
  ModelErrorException: 'unavailable',
  ModelTimeoutException: 'timeout',
  TimeoutError: 'timeout',
  ValidationException: 'bad_request',
  ResourceNotFoundException: 'bad_request',
  ServiceQuotaExceededException: 'bad_request',
  ConflictException: 'bad_request',
  AccessDeniedException: 'authentication',
  UnrecognizedClientException: 'authentication',
  InvalidSignatureException: 'authentication',
  ExpiredTokenException: 'authentication',
  CredentialsProviderError: 'authentication',
} satisfies Record<string, ProviderErrorKind>));

/** What the SDK's errors carry beyond `Error`: metadata and the raw response. */
interface SdkErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number; headers?: Record<string, string | undefined> };
}

/** Maps any failure of the SDK or the network to a {@link ProviderError}. */
export function toProviderError(providerId: string, error: unknown): ProviderError {
  if (isProviderError(error)) return error;
  const shape: SdkErrorShape = typeof error === 'object' && error !== null ? (error as SdkErrorShape) : {};
  // NodeHttpHandler renames ECONNRESET and EPIPE to `TimeoutError`: they are broken connections.
  const brokenConnection = shape.name === 'TimeoutError' && (shape.code === 'ECONNRESET' || shape.code === 'EPIPE');
  const name = brokenConnection ? `ConnectionError ${shape.code}` : (shape.name ?? 'Error');
  const rawStatus = shape.$metadata?.httpStatusCode ?? shape.$response?.statusCode;
  const status = rawStatus !== undefined && rawStatus >= 400 ? rawStatus : null;
  const kind = kindByErrorName.get(name) ?? kindByStatus(status);
  const retryAfterMs = kind === 'rate_limited' ? parseRetryAfter(header(shape.$response?.headers, 'retry-after')) : null;
  const detail = shape.message ?? String(error);
  return new ProviderError(providerId, kind, `Bedrock ${name}${status ? ` (HTTP ${status})` : ''}: ${detail}`, {
    cause: error,
    status,
    retryAfterMs,
  });
}

// Without a status the failure is the connection or the framing (reset, truncated or corrupt
// stream, unparsable body): the service may well answer the next attempt.
function kindByStatus(status: number | null): ProviderErrorKind {
  if (status === null) return 'unavailable';
  if (status === 429) return 'rate_limited';
  if (status === 408) return 'timeout';
  if (status === 401 || status === 403) return 'authentication';
  if (status >= 500 || status === 424) return 'unavailable';
  if (status >= 400) return 'bad_request';
  return 'unavailable';
}

function header(headers: Record<string, string | undefined> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const direct = headers[name];
  if (direct !== undefined) return direct;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}
