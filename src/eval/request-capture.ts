/**
 * What an evaluation case actually sent to its provider: every request (messages and output
 * schema) and every completion, captured by wrapping the variant's provider. The runner opens
 * one capture per case with {@link captureRequests}; the wrapper finds it through the async
 * context, so concurrent cases never mix their requests and the service's code is unchanged.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Completion, LlmProvider, LlmRequest, StreamEvent } from '../llm/types.js';

/** One provider call of a case. */
export interface CapturedCall {
  request: LlmRequest;
  /** Null when the call failed. */
  completion: Completion | null;
}

const scope = new AsyncLocalStorage<CapturedCall[]>();

/** Runs `work` with a fresh capture; returns its result and the calls it made through capturing providers. */
export async function captureRequests<T>(work: () => Promise<T>): Promise<{ result: T; calls: CapturedCall[] }> {
  const calls: CapturedCall[] = [];
  const result = await scope.run(calls, work);
  return { result, calls };
}

/** The provider, recording each call into the capture of the case that makes it (none outside a capture). */
export function capturingProvider(provider: LlmProvider): LlmProvider {
  const open = (request: LlmRequest): CapturedCall | null => {
    const calls = scope.getStore();
    if (!calls) return null;
    const call: CapturedCall = { request, completion: null };
    calls.push(call);
    return call;
  };
  return {
    ...provider,
    async complete(request, signal): Promise<Completion> {
      const call = open(request);
      const completion = await provider.complete(request, signal);
      if (call) call.completion = completion;
      return completion;
    },
    async *stream(request, signal): AsyncIterable<StreamEvent> {
      const call = open(request);
      for await (const event of provider.stream(request, signal)) {
        if (event.type === 'finish' && call) call.completion = event.completion;
        yield event;
      }
    },
  };
}
