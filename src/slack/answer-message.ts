/**
 * An assistant answer as a Slack message: the statements as mrkdwn with numbered source
 * markers, what the data does not say, and a context block listing the cited records.
 * Built from the stored structured answer, not from its markdown (Slack's mrkdwn differs).
 */
import type { types } from '@slack/bolt';
import type { Citation, Statement } from '../features/common/citation.js';
import type { DraftRecord } from '../store/types.js';

/** A message to post: blocks, and the plain text Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** Slack's limit on a section's text, in characters. */
const maxSectionText = 3_000;
/** Slack's limit on a context block's elements. */
const maxContextElements = 10;
const maxExcerpt = 120;
const maxNotificationText = 300;

type MarkedStatement = Statement & { unverified?: boolean };

/** The stored answer, as far as the message needs it; null when the draft holds none. */
interface StoredAnswer {
  answered: boolean;
  statements: MarkedStatement[];
  missing: string | null;
}

/** Escapes the three characters Slack's mrkdwn reserves (https://api.slack.com/reference/surfaces/formatting#escaping). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function storedAnswer(draft: DraftRecord): StoredAnswer | null {
  const output = draft.output;
  if (!output || typeof output.answered !== 'boolean' || !Array.isArray(output.statements)) return null;
  // The output was checked against the assistant's schema before it was stored.
  return {
    answered: output.answered,
    statements: output.statements as MarkedStatement[],
    missing: typeof output.missing === 'string' ? output.missing : null,
  };
}

/** The message answering a question in its thread. */
export function answerMessage(draft: DraftRecord): SlackMessage {
  const answer = storedAnswer(draft);
  if (!answer) return noticeMessage(draft.error?.message ?? 'The assistant could not answer this question.');

  const sources: Citation[] = [];
  const numberOf = (citation: Citation): number => {
    const index = sources.findIndex((source) => source.sourceType === citation.sourceType && source.sourceId === citation.sourceId);
    if (index >= 0) return index + 1;
    sources.push(citation);
    return sources.length;
  };
  const paragraphs = answer.statements.map((statement) => {
    const markers = statement.citations.map((citation) => `[${numberOf(citation)}]`).join('');
    const flag = statement.unverified ? ' _(unverified)_' : '';
    return `${escapeMrkdwn(statement.text)}${markers ? ` ${markers}` : ''}${flag}`;
  });
  if (!answer.answered && answer.missing) paragraphs.push(`:grey_question: *Not in the incident data:* ${escapeMrkdwn(answer.missing)}`);
  const body = clip(paragraphs.join('\n\n') || 'No answer.', maxSectionText);

  const blocks: types.KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: body } }];
  if (sources.length > 0) {
    const shown = sources.slice(0, maxContextElements - 1);
    const elements: types.MrkdwnElement[] = [
      { type: 'mrkdwn', text: '*Sources*' },
      ...shown.map((source, index): types.MrkdwnElement => ({
        type: 'mrkdwn',
        text: `[${index + 1}] ${sourceLabel[source.sourceType]} \`${escapeMrkdwn(source.sourceId)}\`: “${escapeMrkdwn(clip(source.excerpt, maxExcerpt))}”`,
      })),
    ];
    // One element is the heading; the rest are sources, as many as the block takes.
    if (sources.length > shown.length) elements[elements.length - 1] = { type: 'mrkdwn', text: `…and ${sources.length - shown.length + 1} more` };
    blocks.push({ type: 'context', elements });
  }
  const generation = draft.generation;
  if (generation?.degraded) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Answered offline from the incident records (no model).' }] });
  }
  const plain = answer.statements.map((statement) => statement.text).join(' ') || answer.missing || 'No answer.';
  return { text: clip(plain, maxNotificationText), blocks };
}

/** A one-line message (a hint, or why the question could not be answered). */
export function noticeMessage(text: string): SlackMessage {
  return { text: clip(text, maxNotificationText), blocks: [{ type: 'section', text: { type: 'mrkdwn', text: clip(escapeMrkdwn(text), maxSectionText) } }] };
}

const sourceLabel: Record<Citation['sourceType'], string> = {
  LOG_ENTRY: 'Log entry',
  NOTE: 'Note',
  ALERT: 'Alert',
  LOG_LINE: 'Log line',
};

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
