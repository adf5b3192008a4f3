/**
 * How much of a model's context a postmortem may use. A postmortem reads the whole incident,
 * and a long incident has thousands of log entries, so every request the feature makes (the
 * final one, each map request of the staged summarization, and their repairs) is sized
 * against one context window. Tokens are estimated as characters / 4, as everywhere in the
 * service; the estimate is rough, so the window is the smallest we route postmortems to.
 */
import type { ChatMessage, StructuredOutputSpec } from '../../llm/types.js';

/** The token budget of the postmortem feature (estimated tokens: characters / 4). */
export interface PostmortemBudget {
  /**
   * Context window every request must fit: prompt (messages and output schema) plus the
   * answer it may produce, repair requests included. 16k is the smallest window of the
   * models we route to (self-hosted 8B-class models served with a 16k limit); larger
   * models simply get prompts well within theirs.
   */
  contextTokens: number;
  /** Longest answer of the final postmortem request. */
  finalOutputTokens: number;
  /** Longest answer of one map request (a chunk of the log condensed into events). */
  mapOutputTokens: number;
  /** Room kept for the repair instructions appended to a rejected answer. */
  repairAllowanceTokens: number;
  /** Least room the final prompt keeps for the timeline when notes and alerts are clipped to fit. */
  minTimelineTokens: number;
  /** Most events one map request may return. */
  maxEventsPerChunk: number;
  /** Map rounds before the timeline is thinned without a model (a round that does not converge). */
  maxRounds: number;
}

/** The budget in use unless a service is built with another one. */
export const postmortemBudget: Readonly<PostmortemBudget> = Object.freeze({
  contextTokens: 16_000,
  finalOutputTokens: 4_000,
  mapOutputTokens: 1_500,
  repairAllowanceTokens: 800,
  minTimelineTokens: 2_500,
  maxEventsPerChunk: 12,
  maxRounds: 4,
});

/**
 * Largest prompt of a request whose answer may take `outputTokens`: a repair resends the
 * prompt with the rejected answer and the problems, and must still leave room for its own
 * answer.
 */
export function promptLimit(budget: PostmortemBudget, outputTokens: number): number {
  return budget.contextTokens - 2 * outputTokens - budget.repairAllowanceTokens;
}

/** The service's token estimate: one token per four characters, rounded up. */
export const estimateTokens = (characters: number): number => Math.ceil(characters / 4);

// The wrapper of a structured-output request around the schema (name, description, strict).
const outputSpecOverhead = 80;

/** Characters of a request: its messages and the output schema sent with it. */
export function requestCharacters(messages: readonly ChatMessage[], output: StructuredOutputSpec): number {
  return (
    messages.reduce((total, message) => total + message.content.length, 0) +
    JSON.stringify(output.jsonSchema).length +
    output.name.length +
    output.description.length +
    outputSpecOverhead
  );
}

/** Estimated tokens of a request: its messages and the output schema sent with it. */
export const requestTokens = (messages: readonly ChatMessage[], output: StructuredOutputSpec): number =>
  estimateTokens(requestCharacters(messages, output));
