/**
 * Which earlier turns of a conversation go into the prompt: the newest ones, at most
 * {@link maxPriorTurns} of them and at most {@link priorTurnsTokenBudget} estimated tokens
 * together, so a long conversation never crowds the incident data out of the prompt.
 */
import type { ConversationTurnRecord } from '../../store/conversation-repository.js';

/** One earlier turn as the prompt shows it (and as it is stored with the answer's input). */
export interface PriorTurn {
  question: string;
  /** The answer's rendered text, possibly shortened. */
  answer: string;
}

/** Most earlier turns a prompt shows. */
export const maxPriorTurns = 6;

/** Most estimated tokens (characters / 4) the earlier turns take together. */
export const priorTurnsTokenBudget = 2_000;

/** Longest answer text kept of one earlier turn, in characters. */
export const maxPriorAnswerCharacters = 1_500;

const estimateTokens = (characters: number): number => Math.ceil(characters / 4);

/**
 * The newest turns that fit the limits, oldest first. A turn that does not fit ends the
 * selection: dropping it but keeping an older one would leave a gap in the conversation.
 */
export function selectPriorTurns(
  turns: readonly ConversationTurnRecord[],
  limits: { maxTurns?: number; tokenBudget?: number } = {},
): PriorTurn[] {
  const maxTurns = limits.maxTurns ?? maxPriorTurns;
  let remaining = limits.tokenBudget ?? priorTurnsTokenBudget;
  const selected: PriorTurn[] = [];
  for (const turn of [...turns].reverse()) {
    if (selected.length >= maxTurns) break;
    const candidate = { question: turn.question, answer: shorten(turn.answer.trim(), maxPriorAnswerCharacters) };
    const cost = estimateTokens(candidate.question.length + candidate.answer.length);
    if (cost > remaining) break;
    remaining -= cost;
    selected.push(candidate);
  }
  return selected.reverse();
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
