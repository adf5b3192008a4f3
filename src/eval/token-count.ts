/**
 * Token counts of what a case sent and received, with OpenAI's o200k_base encoding (the
 * GPT-4o / GPT-4.1 / o-series tokenizer): the same figure whatever provider the variant is,
 * so prompt versions compare on what they would cost, not on a provider's own count (the
 * extractive engine reports characters / 4 of the messages only).
 */
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import type { LlmRequest } from '../llm/types.js';
import type { CapturedCall } from './request-capture.js';

// Chat formatting OpenAI adds: a few tokens around each message, three to prime the reply.
const tokensPerMessage = 3;
const replyPrimingTokens = 3;

/** o200k tokens of a text. */
export const countTokens = (text: string): number => (text.length === 0 ? 0 : encode(text).length);

/** Input tokens of one request: every message, plus the structured-output schema sent with it. */
export function requestTokenCount(request: LlmRequest): number {
  const messages = request.messages.reduce((total, message) => total + tokensPerMessage + countTokens(message.content), 0);
  const schema = request.output ? countTokens(`${request.output.name}\n${request.output.description}\n${JSON.stringify(request.output.jsonSchema)}`) : 0;
  return messages + schema + replyPrimingTokens;
}

/** Input and output tokens of every call a case made (map stages and repairs included). */
export function callTokenCounts(calls: readonly CapturedCall[]): { input: number; output: number } {
  return calls.reduce(
    (total, call) => ({ input: total.input + requestTokenCount(call.request), output: total.output + (call.completion ? countTokens(call.completion.text) : 0) }),
    { input: 0, output: 0 },
  );
}
