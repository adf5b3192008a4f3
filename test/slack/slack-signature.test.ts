import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { slackReplayWindowSeconds, slackSignature, verifySlackSignature } from '../../src/slack/slack-signature.js';

const signingSecret = '8f742231b10e8888abcd99yyyzzz85a5';
const body = Buffer.from('token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Fincident-ai&text=link+PDEMO01');
const timestamp = 1_531_420_618;
const now = timestamp * 1000;

describe('Slack request signatures', () => {
  it('computes v0= HMAC-SHA256 of v0:{timestamp}:{raw body} with the signing secret', () => {
    const expected = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body.toString()}`).digest('hex')}`;
    expect(slackSignature(signingSecret, timestamp, body)).toBe(expected);
  });

  it('allows a correctly signed, fresh request', () => {
    const result = verifySlackSignature({ signingSecret, timestamp: String(timestamp), signature: slackSignature(signingSecret, timestamp, body), rawBody: body, now });
    expect(result).toEqual({ verdict: 'allow', reason: null, data: { timestamp } });
  });

  it('denies a wrong secret, an altered body, a missing or malformed header', () => {
    const signature = slackSignature(signingSecret, timestamp, body);
    const cases = [
      { signature: slackSignature('another-secret', timestamp, body), timestamp: String(timestamp), rawBody: body },
      { signature, timestamp: String(timestamp), rawBody: Buffer.from(`${body.toString()}&x=1`) },
      { signature: undefined, timestamp: String(timestamp), rawBody: body },
      { signature, timestamp: undefined, rawBody: body },
      { signature, timestamp: 'yesterday', rawBody: body },
      { signature: signature.slice(0, -2), timestamp: String(timestamp), rawBody: body },
    ];
    for (const request of cases) expect(verifySlackSignature({ signingSecret, now, ...request }).verdict).toBe('deny');
  });

  it('denies a timestamp more than five minutes old or ahead (a replay), even when correctly signed', () => {
    for (const offset of [-(slackReplayWindowSeconds + 1), slackReplayWindowSeconds + 1]) {
      const stale = timestamp + offset;
      const result = verifySlackSignature({ signingSecret, timestamp: String(stale), signature: slackSignature(signingSecret, stale, body), rawBody: body, now });
      expect(result.verdict).toBe('deny');
      expect(result.reason).toMatch(/five-minute window/);
    }
    const edge = timestamp - slackReplayWindowSeconds;
    expect(verifySlackSignature({ signingSecret, timestamp: String(edge), signature: slackSignature(signingSecret, edge, body), rawBody: body, now }).verdict).toBe('allow');
  });
});
