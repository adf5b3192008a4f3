/**
 * What the Slack app does, without Slack's transport: answer a mention in its thread with
 * the assistant, and run the `/incident-ai` command. The Bolt wiring is in slack-routes.ts.
 * The workspace acts for one account; a Slack user is `slack:<user id>` in that account.
 */
import type { Logger } from 'pino';
import { isAppError } from '../errors/app-error.js';
import type { AssistantService } from '../features/assistant/service.js';
import type { Principal } from '../guard/auth/principal.js';
import type { IncidentSource } from '../incidents/types.js';
import type { ConversationRepository } from '../store/conversation-repository.js';
import { answerMessage, escapeMrkdwn, noticeMessage, type SlackMessage } from './answer-message.js';
import { parseSlackCommand, slackCommandName, slackCommandUsage } from './slack-command.js';

/** An `app_mention` event, as far as the assistant reads it. */
export interface SlackMention {
  channel: string;
  /** The mentioning message. */
  ts: string;
  /** The thread it is in; null for a top-level message (which starts a thread). */
  threadTs: string | null;
  user: string | null;
  text: string;
}

/** A slash command invocation, as far as the assistant reads it. */
export interface SlackCommandRequest {
  channelId: string;
  userId: string;
  text: string;
}

/** A reply in a thread. */
export interface ThreadReply {
  channel: string;
  threadTs: string;
  message: SlackMessage;
}

/** The Slack app's behaviour, independent of Bolt. */
export interface SlackAssistant {
  /** The reply to a mention: the answer, or why there is none. */
  answerMention(mention: SlackMention): Promise<ThreadReply>;
  /** The ephemeral reply to a slash command. */
  runCommand(request: SlackCommandRequest): Promise<string>;
}

/** What {@link createSlackAssistant} works with. */
export interface SlackAssistantOptions {
  /** The account the workspace acts for. */
  accountId: string;
  assistant: AssistantService;
  incidents: IncidentSource;
  conversations: ConversationRepository;
  logger: Logger;
  now?: () => Date;
}

/** A thread's conversation id: one conversation per thread, stable across mentions. */
export const conversationIdOfThread = (channel: string, threadTs: string): string => `slack:${channel}:${threadTs}`;

/** The question of a mention: the text without user, channel and group mentions. */
export function questionOf(text: string): string {
  return text
    .replace(/<[@#!][^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Creates the Slack app's behaviour for one workspace (one account). */
export function createSlackAssistant(options: SlackAssistantOptions): SlackAssistant {
  const { accountId, assistant, incidents, conversations, logger } = options;
  const now = options.now ?? (() => new Date());

  const principalOf = (user: string | null): Principal => ({
    accountId,
    userId: `slack:${user ?? 'unknown'}`,
    // Slack users may ask and link, nothing else; the signing secret authenticated the workspace.
    scopes: new Set(['ai:read', 'ai:write']),
    method: 'slack',
  });

  return {
    async answerMention(mention) {
      const threadTs = mention.threadTs ?? mention.ts;
      const reply = (message: SlackMessage): ThreadReply => ({ channel: mention.channel, threadTs, message });
      const question = questionOf(mention.text);
      if (question.length === 0) {
        return reply(noticeMessage('Ask me a question about the incident linked to this channel, e.g. "@incident-ai what caused it?".'));
      }
      const conversationId = conversationIdOfThread(mention.channel, threadTs);
      try {
        const existing = await conversations.get(accountId, conversationId);
        const link = existing?.incidentId ? null : await conversations.channelLink(accountId, mention.channel);
        const incidentId = existing?.incidentId ?? link?.incidentId ?? null;
        if (incidentId === null) {
          return reply(noticeMessage(`This channel is not linked to an incident yet. Link it with \`${slackCommandName} link <incident id>\`, then ask again.`));
        }
        const conversation = await conversations.ensure({
          id: conversationId,
          accountId,
          incidentId,
          source: 'slack',
          channelId: mention.channel,
          threadTs,
          createdBy: principalOf(mention.user).userId,
          createdAt: now().toISOString(),
        });
        const answer = await assistant.run(principalOf(mention.user), {
          question,
          conversationId: conversation.id,
          // A thread stays on the incident it started with, even if the channel is relinked.
          incidentId: conversation.incidentId === null ? incidentId : null,
          stream: false,
        });
        return reply(answerMessage(answer));
      } catch (error) {
        if (isAppError(error)) return reply(noticeMessage(`I could not answer: ${error.message}`));
        logger.error({ err: error, channel: mention.channel }, 'slack mention failed');
        return reply(noticeMessage('Something went wrong while answering; the error has been logged.'));
      }
    },

    async runCommand(request) {
      const command = parseSlackCommand(request.text);
      switch (command.action) {
        case 'link': {
          const [incident] = await incidents.loadIncidents(accountId, [command.incidentId]);
          if (!incident) return escapeMrkdwn(`Incident ${command.incidentId} was not found.`);
          await conversations.linkChannel({
            accountId,
            channelId: request.channelId,
            incidentId: incident.id,
            linkedBy: `slack:${request.userId}`,
            linkedAt: now().toISOString(),
          });
          return escapeMrkdwn(`Linked this channel to ${incident.id}: ${incident.title}. Mention me with a question about it; I answer in the thread.`);
        }
        case 'unlink':
          return (await conversations.unlinkChannel(accountId, request.channelId))
            ? 'Unlinked this channel; threads already started keep their incident.'
            : 'This channel is not linked to an incident.';
        case 'status': {
          const link = await conversations.channelLink(accountId, request.channelId);
          return escapeMrkdwn(link ? `This channel is linked to ${link.incidentId}.` : `This channel is not linked to an incident. ${slackCommandUsage}`);
        }
        case 'help':
          return escapeMrkdwn([command.problem, slackCommandUsage].filter(Boolean).join('\n'));
      }
    },
  };
}
