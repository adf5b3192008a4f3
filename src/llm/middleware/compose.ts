/** Applies a middleware list (outermost first) around a generation, a step or a provider call. */
import type { GenerateRequest, GenerateResult } from '../generation.js';
import type { Completion, LlmProvider, StreamEvent } from '../types.js';
import type { LlmMiddleware, ModelCall } from './types.js';

type Generation = (request: GenerateRequest) => Promise<GenerateResult>;

/** `core` wrapped by every `wrapGeneration`, the first middleware outermost. */
export function wrapGeneration(middleware: readonly LlmMiddleware[], core: Generation): Generation {
  return middleware.reduceRight<Generation>(
    (next, layer) => (layer.wrapGeneration ? (request) => layer.wrapGeneration!({ request, next }) : next),
    core,
  );
}

/** The first reason a middleware gives to keep `provider` out of this generation, or null. */
export function screenProvider(middleware: readonly LlmMiddleware[], request: GenerateRequest, provider: LlmProvider): string | null {
  for (const layer of middleware) {
    const reason = layer.screenProvider?.({ request, provider }) ?? null;
    if (reason !== null) return reason;
  }
  return null;
}

/**
 * Whether any layer of `middleware` wraps provider calls, asked per call and answered once per
 * list: with none (capture off), a call goes to the provider without building a chain of closures.
 */
const wrapsCalls = new WeakMap<readonly LlmMiddleware[], { generate: boolean; stream: boolean }>();

function callWrapping(middleware: readonly LlmMiddleware[]): { generate: boolean; stream: boolean } {
  let wrapping = wrapsCalls.get(middleware);
  if (wrapping === undefined) {
    wrapping = { generate: middleware.some((layer) => layer.wrapGenerate), stream: middleware.some((layer) => layer.wrapStream) };
    // Lists are built once per manager; a list changed afterwards is not seen here (none is).
    wrapsCalls.set(middleware, wrapping);
  }
  return wrapping;
}

/** The provider's `complete` for `call`, wrapped by every `wrapGenerate`. */
export function callGenerate(middleware: readonly LlmMiddleware[], call: ModelCall, signal: AbortSignal): Promise<Completion> {
  if (!callWrapping(middleware).generate) return call.provider.complete(call.request, signal);
  const inner = (): Promise<Completion> => call.provider.complete(call.request, signal);
  return middleware.reduceRight<() => Promise<Completion>>(
    (doGenerate, layer) => (layer.wrapGenerate ? () => layer.wrapGenerate!({ call, doGenerate }) : doGenerate),
    inner,
  )();
}

/** The provider's `stream` for `call`, wrapped by every `wrapStream`. */
export function callStream(middleware: readonly LlmMiddleware[], call: ModelCall, signal: AbortSignal): AsyncIterable<StreamEvent> {
  if (!callWrapping(middleware).stream) return call.provider.stream(call.request, signal);
  const inner = (): AsyncIterable<StreamEvent> => call.provider.stream(call.request, signal);
  return middleware.reduceRight<() => AsyncIterable<StreamEvent>>(
    (doStream, layer) => (layer.wrapStream ? () => layer.wrapStream!({ call, doStream }) : doStream),
    inner,
  )();
}
