/**
 * `/slack/events` on the service's own HTTP server: Bolt with an ExpressReceiver whose router
 * is mounted beside /graphql (Bolt never listens itself). Our signature guard runs first;
 * Bolt verifies the signature again, answers `url_verification`, acknowledges events at once
 * and runs the listeners after the response, since an answer can take longer than the three
 * seconds Slack waits.
 */
import { App, ExpressReceiver } from '@slack/bolt';
import type express from 'express';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/index.js';
import type { Services } from '../graphql/context.js';
import { boltLogger } from './bolt-logger.js';
import { createSlackAssistant, type SlackAssistant } from './slack-assistant.js';
import { slackCommandName } from './slack-command.js';
import { slackSignatureGuard } from './slack-signature.js';

/** What the Slack routes are built from (see src/app.ts). */
export interface SlackRoutesOptions {
  config: NonNullable<AppConfig['slack']>;
  services: Services;
  logger: Logger;
}

/** The path Slack posts events, slash commands and interactions to. */
export const slackEventsPath = '/slack/events';

/** Mentions remembered to drop Slack's redeliveries of one message. */
const rememberedMentions = 1_000;

/** Mounts `/slack/events` (Events API and the slash command). */
export function createSlackRoutes(options: SlackRoutesOptions): (app: express.Express) => void {
  const logger = options.logger.child({ component: 'slack' });
  const receiver = new ExpressReceiver({
    signingSecret: options.config.signingSecret,
    signatureVerification: true,
    processBeforeResponse: false,
    endpoints: slackEventsPath,
    logger: boltLogger(logger),
  });
  const bolt = new App({
    receiver,
    token: options.config.botToken,
    // auth.test runs on the first event instead of in this constructor, where a failure
    // (Slack unreachable at start) would be an unhandled rejection.
    tokenVerificationEnabled: false,
    logger: boltLogger(logger),
    clientOptions: { slackApiUrl: options.config.apiUrl, retryConfig: { retries: 2 }, timeout: 10_000 },
  });
  const assistant = createSlackAssistant({
    accountId: options.config.accountId,
    assistant: options.services.assistant,
    incidents: options.services.incidents,
    conversations: options.services.store.conversations,
    logger,
  });
  registerListeners(bolt, assistant, logger);

  return (app) => {
    app.use(slackEventsPath, slackSignatureGuard({ signingSecret: options.config.signingSecret, logger }));
    app.use(receiver.router);
  };
}

function registerListeners(bolt: App, assistant: SlackAssistant, logger: Logger): void {
  const seen = new Set<string>();
  // Slack redelivers an event it thinks was not acknowledged in time; answer each message once.
  const firstDelivery = (key: string): boolean => {
    if (seen.has(key)) return false;
    seen.add(key);
    if (seen.size > rememberedMentions) seen.delete(seen.values().next().value as string);
    return true;
  };

  bolt.event('app_mention', async ({ event, client }) => {
    if (!firstDelivery(`${event.channel}/${event.ts}`)) return;
    const reply = await assistant.answerMention({
      channel: event.channel,
      ts: event.ts,
      threadTs: event.thread_ts ?? null,
      user: event.user ?? null,
      text: event.text,
    });
    await client.chat.postMessage({
      channel: reply.channel,
      thread_ts: reply.threadTs,
      text: reply.message.text,
      blocks: reply.message.blocks,
    });
  });

  bolt.command(slackCommandName, async ({ command, ack }) => {
    const text = await assistant.runCommand({ channelId: command.channel_id, userId: command.user_id, text: command.text }).catch((error: unknown) => {
      logger.error({ err: error }, 'slack command failed');
      return 'Something went wrong; the error has been logged.';
    });
    await ack({ response_type: 'ephemeral', text });
  });

  bolt.error(async (error) => {
    logger.error({ err: error }, 'slack listener failed');
  });
}
