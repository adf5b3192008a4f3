import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slackSignature } from '../../src/slack/slack-signature.js';
import { startFakeSlack, type FakeSlack, type SlackApiCall } from '../fakes/slack-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const signingSecret = 'test-signing-secret-0123456789';
const botToken = 'xoxb-test-token';

let slack: FakeSlack;
let service: TestApp;
let eventCounter = 0;

beforeAll(async () => {
  slack = await startFakeSlack();
  service = await startTestApp({
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_BOT_TOKEN: botToken,
    SLACK_API_URL: slack.apiUrl,
    SLACK_ACCOUNT_ID: 'demo',
  });
});
afterAll(async () => {
  await service?.close();
  await slack?.close();
});
beforeEach(() => slack.reset());

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

interface PostOptions {
  contentType?: string;
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Default: the correct signature for the body and timestamp. */
  signature?: string;
}

async function postToSlackEndpoint(body: string, options: PostOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? nowSeconds();
  return fetch(`${service.url}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? slackSignature(signingSecret, timestamp, body),
    },
    body,
  });
}

/** An Events API envelope for an app_mention; `ts` is unique per call. */
function mentionEvent(channel: string, text: string, threadTs?: string): { body: string; ts: string } {
  eventCounter += 1;
  const ts = `1710000000.${String(eventCounter).padStart(6, '0')}`;
  const event = {
    type: 'app_mention',
    user: 'U0ASKER',
    text,
    ts,
    channel,
    event_ts: ts,
    ...(threadTs && { thread_ts: threadTs }),
  };
  const body = JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T0FAKE',
    api_app_id: 'A0INCAI',
    type: 'event_callback',
    event_id: `Ev${eventCounter}`,
    event_time: 1_710_000_000 + eventCounter,
    event,
    authorizations: [{ team_id: 'T0FAKE', user_id: 'U0INCAI', is_bot: true }],
  });
  return { body, ts };
}

async function slashCommand(channelId: string, text: string): Promise<{ status: number; body: { response_type?: string; text?: string } }> {
  const body = new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0FAKE',
    team_domain: 'fake',
    channel_id: channelId,
    channel_name: 'inc-payments',
    user_id: 'U0LINKER',
    user_name: 'linker',
    command: '/incident-ai',
    text,
    api_app_id: 'A0INCAI',
    response_url: 'https://hooks.slack.invalid/commands/1',
    trigger_id: '1.2.3',
  }).toString();
  const response = await postToSlackEndpoint(body, { contentType: 'application/x-www-form-urlencoded' });
  return { status: response.status, body: (await response.json()) as { response_type?: string; text?: string } };
}

function blocksText(call: SlackApiCall): string {
  return JSON.stringify(call.params.blocks ?? []);
}

describe('/slack/events', () => {
  it('answers the url_verification challenge', async () => {
    const response = await postToSlackEndpoint(JSON.stringify({ token: 'x', challenge: 'challenge-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P', type: 'url_verification' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: 'challenge-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('links a channel to an incident with the slash command, ephemerally, per account', async () => {
    const linked = await slashCommand('C0LINKED', 'link PDEMO01');
    expect(linked.status).toBe(200);
    expect(linked.body.response_type).toBe('ephemeral');
    expect(linked.body.text).toContain('Linked this channel to PDEMO01');
    expect(await service.sql('select account_id, channel_id, incident_id, linked_by from slack_channel_links where channel_id = $1', ['C0LINKED'])).toEqual([
      { account_id: 'demo', channel_id: 'C0LINKED', incident_id: 'PDEMO01', linked_by: 'slack:U0LINKER' },
    ]);

    const status = await slashCommand('C0LINKED', 'status');
    expect(status.body.text).toContain('linked to PDEMO01');

    const unknown = await slashCommand('C0LINKED', 'link PNOPE99');
    expect(unknown.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('PNOPE99 was not found') });
    const help = await slashCommand('C0LINKED', 'frobnicate');
    expect(help.body.text).toContain('Unknown command');
    expect(help.body.text).toContain('link &lt;incident id&gt;');
    // The command answers in the HTTP response: nothing was posted through the Web API.
    expect(slack.callsOf('chat.postMessage')).toEqual([]);
  });

  it('answers a correctly signed app_mention in its thread, with the sources it cites', async () => {
    await slashCommand('C0ANSWER', 'link PDEMO01');
    const mention = mentionEvent('C0ANSWER', '<@U0INCAI> which replication slot filled the WAL volume?');
    const response = await postToSlackEndpoint(mention.body);
    expect(response.status).toBe(200);

    const [post] = await slack.waitForCalls('chat.postMessage', 1);
    expect(post!.token).toBe(botToken);
    expect(post!.params).toMatchObject({ channel: 'C0ANSWER', thread_ts: mention.ts });
    expect(String(post!.params.text)).toMatch(/slot/i);
    const blocks = post!.params.blocks as { type: string; elements?: { text: string }[] }[];
    const sources = blocks.find((block) => block.type === 'context' && block.elements?.[0]?.text === '*Sources*');
    expect(sources, blocksText(post!)).toBeDefined();
    expect(sources!.elements!.slice(1).map((element) => element.text).join('\n')).toMatch(/`PDEMO01-(NOTE|LOG)-\d+`/);

    // The thread is a conversation: a follow-up in it carries the first question as history.
    const followUp = mentionEvent('C0ANSWER', '<@U0INCAI> who fixed it?', mention.ts);
    expect((await postToSlackEndpoint(followUp.body)).status).toBe(200);
    const posts = await slack.waitForCalls('chat.postMessage', 2);
    expect(posts[1]!.params).toMatchObject({ channel: 'C0ANSWER', thread_ts: mention.ts });
    const turns = await service.sql<{ input: { question: string; conversationId: string; priorTurns: { question: string }[] } }>(
      `select input from drafts where kind = 'ASSISTANT_ANSWER' and input ->> 'conversationId' = $1 order by created_at`,
      [`slack:C0ANSWER:${mention.ts}`],
    );
    expect(turns.map((turn) => turn.input.question)).toEqual(['which replication slot filled the WAL volume?', 'who fixed it?']);
    expect(turns[1]!.input.priorTurns.map((turn) => turn.question)).toEqual(['which replication slot filled the WAL volume?']);
    const conversations = await service.sql('select account_id, incident_id, source, channel_id, thread_ts from conversations where id = $1', [`slack:C0ANSWER:${mention.ts}`]);
    expect(conversations).toEqual([{ account_id: 'demo', incident_id: 'PDEMO01', source: 'slack', channel_id: 'C0ANSWER', thread_ts: mention.ts }]);
    // Audited as Slack users (the audit buffer flushes in the background).
    const auditOf = () => service.sql<{ auth_method: string }>(`select auth_method from audit_events where action = 'draft.generate' and user_id like 'slack:%'`);
    let audited = await auditOf();
    for (let waited = 0; audited.length < 2 && waited < 10_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      audited = await auditOf();
    }
    expect(audited.length).toBeGreaterThanOrEqual(2);
    expect(new Set(audited.map((row) => row.auth_method))).toEqual(new Set(['slack']));
  });

  it('asks for a link in a channel that has none, without asking the assistant', async () => {
    const mention = mentionEvent('C0UNLINKED', '<@U0INCAI> what caused it?');
    expect((await postToSlackEndpoint(mention.body)).status).toBe(200);
    const [post] = await slack.waitForCalls('chat.postMessage', 1);
    expect(post!.params).toMatchObject({ channel: 'C0UNLINKED', thread_ts: mention.ts });
    expect(String(post!.params.text)).toContain('/incident-ai link');
    expect(await service.sql('select id from conversations where channel_id = $1', ['C0UNLINKED'])).toEqual([]);
  });

  it('refuses a badly signed or replayed request with 401 and posts nothing for it', async () => {
    await slashCommand('C0GUARDED', 'link PDEMO02');
    const forged = mentionEvent('C0GUARDED', '<@U0INCAI> why did the certificate expire?');
    const wrongSecret = await postToSlackEndpoint(forged.body, { signature: slackSignature('not-the-secret', nowSeconds(), forged.body) });
    expect(wrongSecret.status).toBe(401);
    const unsigned = await fetch(`${service.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: forged.body });
    expect(unsigned.status).toBe(401);

    // Correctly signed, but six minutes old: a replay.
    const replayed = mentionEvent('C0GUARDED', '<@U0INCAI> why did the certificate expire?');
    const stale = await postToSlackEndpoint(replayed.body, { timestamp: nowSeconds() - 6 * 60 });
    expect(stale.status).toBe(401);
    // Signed for one body, sent with another.
    const tampered = mentionEvent('C0GUARDED', '<@U0INCAI> why did the certificate expire?');
    const signature = slackSignature(signingSecret, nowSeconds(), tampered.body);
    const altered = await postToSlackEndpoint(tampered.body.replace('certificate', 'database'), { signature });
    expect(altered.status).toBe(401);

    // A genuine request afterwards is answered; it is the only one that was.
    const genuine = mentionEvent('C0GUARDED', '<@U0INCAI> why did the certificate expire?');
    expect((await postToSlackEndpoint(genuine.body)).status).toBe(200);
    const posts = await slack.waitForCalls('chat.postMessage', 1);
    expect(posts.map((post) => post.params.thread_ts)).toEqual([genuine.ts]);
    const answered = await service.sql<{ input: { conversationId: string } }>(`select input from drafts where kind = 'ASSISTANT_ANSWER' and input ->> 'conversationId' like 'slack:C0GUARDED:%'`);
    expect(answered.map((row) => row.input.conversationId)).toEqual([`slack:C0GUARDED:${genuine.ts}`]);
  });

  it('answers a redelivered mention once', async () => {
    await slashCommand('C0RETRY', 'link PDEMO03');
    const mention = mentionEvent('C0RETRY', '<@U0INCAI> were any orders lost?');
    expect((await postToSlackEndpoint(mention.body)).status).toBe(200);
    await slack.waitForCalls('chat.postMessage', 1);
    expect((await postToSlackEndpoint(mention.body)).status).toBe(200);
    // A later, different mention is answered; the redelivery in between was not.
    const next = mentionEvent('C0RETRY', '<@U0INCAI> what changed in the rate limit config?');
    expect((await postToSlackEndpoint(next.body)).status).toBe(200);
    const posts = await slack.waitForCalls('chat.postMessage', 2);
    expect(posts.map((post) => post.params.thread_ts)).toEqual([mention.ts, next.ts]);
  });
});
