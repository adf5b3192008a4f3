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

/** The provider's `complete` for `call`, wrapped by every `wrapGenerate`. */
export function callGenerate(middleware: readonly LlmMiddleware[], call: ModelCall, signal: AbortSignal): Promise<Completion> {
  const inner = (): Promise<Completion> => call.provider.complete(call.request, signal);
  return middleware.reduceRight<() => Promise<Completion>>(
    (doGenerate, layer) => (layer.wrapGenerate ? () => layer.wrapGenerate!({ call, doGenerate }) : doGenerate),
    inner,
  )();
}

/** The provider's `stream` for `call`, wrapped by every `wrapStream`. */
export function callStream(middleware: readonly LlmMiddleware[], call: ModelCall, signal: AbortSignal): AsyncIterable<StreamEvent> {
  const inner = (): AsyncIterable<StreamEvent> => call.provider.stream(call.request, signal);
  return middleware.reduceRight<() => AsyncIterable<StreamEvent>>(
    (doStream, layer) => (layer.wrapStream ? () => layer.wrapStream!({ call, doStream }) : doStream),
    inner,
  )();
}
