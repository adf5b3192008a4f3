/**
 * A small provider for manager tests: it implements our own `LlmProvider` contract and plays
 * a script, one step per call (the last step repeats once the script is used up).
 */
import {
  ProviderError,
  type Completion,
  type LlmProvider,
  type LlmRequest,
  type ProviderErrorKind,
  type ProviderKind,
  type StreamEvent,
} from '../../src/llm/types.js';

/** What one call does. */
export type ScriptStep =
  /**
   * Answer `text` (streamed as `deltas` when given, else as one delta; with `gapMs`, each delta
   * after a `setTimeout` of that long, so fake timers can pace a slow model).
   */
  | { reply: string; deltas?: string[]; gapMs?: number; usage?: { inputTokens: number; outputTokens: number }; finishReason?: Completion['finishReason'] }
  /** Fail with this error (after streaming `deltas` first, when streaming). */
  | { fail: unknown; deltas?: string[] }
  /** Never answer; reject with the signal's reason when aborted (as the contract requires). */
  | { hang: true; deltas?: string[] }
  /** Custom behaviour (e.g. advance a fake clock, then answer or throw). */
  | { run: (request: LlmRequest, signal: AbortSignal) => Promise<Completion> | Completion };

export interface ScriptedCall {
  request: LlmRequest;
  signal: AbortSignal;
  mode: 'complete' | 'stream';
}

export interface ScriptedProvider extends LlmProvider {
  readonly calls: ScriptedCall[];
}

export interface ScriptedProviderOptions {
  id: string;
  kind?: ProviderKind;
  degraded?: boolean;
  script: ScriptStep[];
}

export const completionOf = (
  text: string,
  model: string,
  usage = { inputTokens: 100, outputTokens: 20 },
  finishReason: Completion['finishReason'] = 'stop',
): Completion => ({
  text,
  finishReason,
  usage,
  responseModel: model,
  providerRequestId: `req-${text.length}`,
});

/** A ProviderError of `kind` from provider `id`. */
export const providerError = (
  id: string,
  kind: ProviderErrorKind,
  options: { retryAfterMs?: number; status?: number } = {},
): ProviderError => new ProviderError(id, kind, `${kind} from ${id}`, options);

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const waitForAbort = (signal: AbortSignal): Promise<never> =>
  new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

export function createScriptedProvider(options: ScriptedProviderOptions): ScriptedProvider {
  const calls: ScriptedCall[] = [];
  const kind = options.kind ?? 'openai';
  const next = (): ScriptStep => {
    const step = options.script[Math.min(calls.length - 1, options.script.length - 1)];
    if (!step) throw new Error(`scripted provider ${options.id} has an empty script`);
    return step;
  };

  return {
    id: options.id,
    kind,
    degraded: options.degraded ?? kind === 'extractive',
    selfHosted: false,
    calls,
    async complete(request, signal) {
      calls.push({ request, signal, mode: 'complete' });
      const step = next();
      if ('run' in step) return step.run(request, signal);
      if ('hang' in step) return waitForAbort(signal);
      if ('fail' in step) throw step.fail;
      return completionOf(step.reply, request.model, step.usage, step.finishReason);
    },
    async *stream(request, signal): AsyncGenerator<StreamEvent> {
      calls.push({ request, signal, mode: 'stream' });
      const step = next();
      if ('run' in step) {
        const completion = await step.run(request, signal);
        yield { type: 'delta', text: completion.text };
        yield { type: 'finish', completion };
        return;
      }
      for (const text of step.deltas ?? ('reply' in step ? [step.reply] : [])) {
        if ('gapMs' in step && step.gapMs !== undefined) await pause(step.gapMs);
        signal.throwIfAborted();
        yield { type: 'delta', text };
      }
      if ('hang' in step) return await waitForAbort(signal);
      if ('fail' in step) throw step.fail;
      yield { type: 'finish', completion: completionOf(step.reply, request.model, step.usage, step.finishReason) };
    },
  };
}
