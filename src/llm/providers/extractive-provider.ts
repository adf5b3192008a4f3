/**
 * The built-in extractive engine: an offline, deterministic provider that answers a
 * feature's request by assembling its structured output from the request's grounding (the
 * incident, job or execution data), with no model, network, clock or randomness. It is the
 * embedded default and the last step of every chain, and always reports `degraded`.
 */
import {
  ProviderError,
  type Completion,
  type LlmProvider,
  type LlmRequest,
  type StreamEvent,
} from '../types.js';
import { isGroundingError } from './extractive/extractor.js';
import type { ExtractorRegistry } from './extractive/registry.js';

/** Options of {@link createExtractiveProvider}. */
export interface ExtractiveProviderOptions {
  /** Provider id in the routing config (default `extractive`). */
  id?: string;
  /** Extractors by feature; `app.ts` passes every feature's (`features/extractors.ts`). */
  extractors: ExtractorRegistry;
}

/** The `responseModel` every extractive completion reports. */
export const extractiveModel = 'extractive';

const deltaCount = 4;

const estimateTokens = (characters: number): number => Math.ceil(characters / 4);

// Whole code points only, so a delta never ends in half a surrogate pair.
function splitIntoDeltas(text: string, count: number): string[] {
  const characters = Array.from(text);
  const size = Math.max(1, Math.ceil(characters.length / count));
  const deltas: string[] = [];
  for (let start = 0; start < characters.length; start += size) deltas.push(characters.slice(start, start + size).join(''));
  return deltas;
}

/** Creates the extractive provider. */
export function createExtractiveProvider(options: ExtractiveProviderOptions): LlmProvider {
  const id = options.id ?? 'extractive';
  const extractors = options.extractors;

  function answer(request: LlmRequest): Completion {
    const extractor = extractors[request.feature];
    if (!extractor) {
      throw new ProviderError(id, 'bad_request', `the extractive engine has no extractor for feature "${request.feature}"`);
    }
    if (!request.grounding) {
      throw new ProviderError(id, 'bad_request', `feature "${request.feature}" needs request.grounding for the extractive engine`);
    }
    let output: unknown;
    try {
      output = extractor.extract(request.grounding);
    } catch (error) {
      if (isGroundingError(error)) throw new ProviderError(id, 'bad_request', error.message, { cause: error });
      throw new ProviderError(id, 'unavailable', `the extractive engine failed on feature "${request.feature}"`, {
        cause: error,
        retryable: false,
      });
    }
    const text = JSON.stringify(output);
    const inputCharacters = request.messages.reduce((total, message) => total + message.content.length, 0);
    return {
      text,
      finishReason: 'stop',
      usage: { inputTokens: estimateTokens(inputCharacters), outputTokens: estimateTokens(text.length) },
      responseModel: extractiveModel,
      providerRequestId: null,
    };
  }

  return {
    id,
    kind: 'extractive',
    degraded: true,
    selfHosted: true,
    async complete(request: LlmRequest, signal: AbortSignal): Promise<Completion> {
      signal.throwIfAborted();
      return answer(request);
    },
    async *stream(request: LlmRequest, signal: AbortSignal): AsyncIterable<StreamEvent> {
      signal.throwIfAborted();
      const completion = answer(request);
      for (const text of splitIntoDeltas(completion.text, deltaCount)) {
        signal.throwIfAborted();
        yield { type: 'delta', text };
      }
      signal.throwIfAborted();
      yield { type: 'finish', completion };
    },
  };
}
