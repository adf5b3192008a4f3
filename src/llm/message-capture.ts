/**
 * Opt-in capture of prompt and completion text on provider-call spans
 * (`OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true`), in the shape of the GenAI
 * semantic conventions: `gen_ai.system_instructions`, `gen_ai.input.messages` and
 * `gen_ai.output.messages`, each a JSON string. The manager records only what it sent, i.e.
 * after redaction, and never for an account under zero retention.
 */
import type { Attributes } from '@opentelemetry/api';
import type { ChatMessage, FinishReason } from './types.js';

/** Attribute names of captured content. */
export const GenAiContentAttribute = {
  systemInstructions: 'gen_ai.system_instructions',
  inputMessages: 'gen_ai.input.messages',
  outputMessages: 'gen_ai.output.messages',
} as const;

const textPart = (content: string) => ({ type: 'text', content });

/** The request's messages: system messages as instructions, the rest as input messages. */
export function inputContentAttributes(messages: readonly ChatMessage[]): Attributes {
  const system = messages.filter((message) => message.role === 'system');
  const input = messages.filter((message) => message.role !== 'system');
  return {
    ...(system.length > 0 && { [GenAiContentAttribute.systemInstructions]: JSON.stringify(system.map((message) => textPart(message.content))) }),
    [GenAiContentAttribute.inputMessages]: JSON.stringify(input.map((message) => ({ role: message.role, parts: [textPart(message.content)] }))),
  };
}

/** The model's answer as one assistant output message. */
export function outputContentAttributes(text: string, finishReason: FinishReason): Attributes {
  return {
    [GenAiContentAttribute.outputMessages]: JSON.stringify([{ role: 'assistant', parts: [textPart(text)], finish_reason: finishReason }]),
  };
}
