/**
 * Message capture as middleware: the (already redacted) prompt and the completion go on the
 * attempt's span when capture is on, never for an account under zero retention
 * (src/llm/message-capture.ts has the attribute shapes).
 */
import { trace } from '@opentelemetry/api';
import type { DataPolicy } from '../../guard/data-policy.js';
import { inputContentAttributes, outputContentAttributes } from '../message-capture.js';
import type { Completion, StreamEvent } from '../types.js';
import type { LlmMiddleware, ModelCall } from './types.js';

/** Options of {@link messageCaptureMiddleware}. */
export interface MessageCaptureOptions {
  /** `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT`. */
  enabled: boolean;
  /** Zero-retention accounts (`retainText: false`) are never captured; default: every account retains. */
  dataPolicy?: Pick<DataPolicy, 'forAccount'>;
}

/** Creates the message-capture middleware. */
export function messageCaptureMiddleware(options: MessageCaptureOptions): LlmMiddleware {
  const captures = (call: ModelCall): boolean => options.dataPolicy?.forAccount(call.generation.accountId).retainText ?? true;

  async function* captured(call: ModelCall, events: AsyncIterable<StreamEvent>): AsyncIterable<StreamEvent> {
    const span = call.span ?? trace.getActiveSpan();
    span?.setAttributes(inputContentAttributes(call.request.messages));
    for await (const event of events) {
      if (event.type === 'finish') span?.setAttributes(outputContentAttributes(event.completion.text, event.completion.finishReason));
      yield event;
    }
  }

  async function capturedGenerate(call: ModelCall, doGenerate: () => Promise<Completion>): Promise<Completion> {
    const span = call.span ?? trace.getActiveSpan();
    span?.setAttributes(inputContentAttributes(call.request.messages));
    const completion = await doGenerate();
    span?.setAttributes(outputContentAttributes(completion.text, completion.finishReason));
    return completion;
  }

  // Off: no hooks at all, so provider calls are not wrapped (compose.ts calls the provider directly).
  if (!options.enabled) return { name: 'message-capture' };
  return {
    name: 'message-capture',
    // Not async: a call that is not captured goes through without a promise of its own.
    wrapGenerate({ call, doGenerate }) {
      return captures(call) ? capturedGenerate(call, doGenerate) : doGenerate();
    },
    wrapStream({ call, doStream }) {
      return captures(call) ? captured(call, doStream()) : doStream();
    },
  };
}
