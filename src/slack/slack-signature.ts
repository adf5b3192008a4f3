/**
 * Slack's request signing (https://api.slack.com/authentication/verifying-requests-from-slack):
 * `X-Slack-Signature` is `v0=` + hex HMAC-SHA256, keyed by the app's signing secret, of
 * `v0:{X-Slack-Request-Timestamp}:{raw body}`; a timestamp more than five minutes from now is
 * a replay. Bolt checks the same, but only against the past and after reading any body
 * whole: this guard runs first, bounds the body, refuses timestamps from the future too,
 * and answers 401 before Bolt sees anything.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type express from 'express';
import type { Logger } from 'pino';

/** Largest distance between a request's timestamp and now, in seconds. */
export const slackReplayWindowSeconds = 5 * 60;

/** Largest request body accepted on /slack/events, in bytes (Slack's payloads are a few KiB). */
export const maxSlackBodyBytes = 512 * 1024;

/** A guard's answer: the same shape for every guard. */
export interface SlackSignatureResult {
  verdict: 'allow' | 'deny';
  /** Why a request was denied; null when allowed. */
  reason: string | null;
  data: { timestamp: number | null };
}

/** What {@link verifySlackSignature} checks. */
export interface SlackSignedRequest {
  signingSecret: string;
  /** `X-Slack-Request-Timestamp`: Unix seconds. */
  timestamp: string | undefined;
  /** `X-Slack-Signature`: `v0=<hex>`. */
  signature: string | undefined;
  /** The body exactly as received. */
  rawBody: Buffer;
  /** Now, in Unix milliseconds. */
  now: number;
}

/** The signature of a body as Slack computes it (`v0=<hex>`); also what tests sign with. */
export function slackSignature(signingSecret: string, timestamp: string | number, rawBody: string | Buffer): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}

/** Checks a request's signature and timestamp. */
export function verifySlackSignature(request: SlackSignedRequest): SlackSignatureResult {
  const deny = (reason: string, timestamp: number | null = null): SlackSignatureResult => ({ verdict: 'deny', reason, data: { timestamp } });
  if (!request.timestamp || !request.signature) return deny('the signature or timestamp header is missing');
  if (!/^\d{1,12}$/.test(request.timestamp)) return deny('the timestamp is not a number of seconds');
  const timestamp = Number(request.timestamp);
  if (Math.abs(request.now / 1000 - timestamp) > slackReplayWindowSeconds) return deny('the timestamp is outside the five-minute window (replayed or clock skew)', timestamp);
  const expected = Buffer.from(slackSignature(request.signingSecret, request.timestamp, request.rawBody));
  const given = Buffer.from(request.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return deny('the signature does not match', timestamp);
  return { verdict: 'allow', reason: null, data: { timestamp } };
}

/** A request whose raw body was read by the guard; Bolt's receiver reads `rawBody` instead of the stream. */
interface RequestWithRawBody extends express.Request {
  rawBody?: Buffer;
}

/**
 * Express middleware: reads the body (at most {@link maxSlackBodyBytes}), verifies it, and
 * answers 401 (413 when too large) or hands the request on with `rawBody` set.
 */
export function slackSignatureGuard(options: { signingSecret: string; logger: Logger; now?: () => number }): express.RequestHandler {
  const now = options.now ?? Date.now;
  return (request, response, next) => {
    readBody(request, maxSlackBodyBytes).then(
      (rawBody) => {
        if (rawBody === null) {
          response.status(413).send();
          return;
        }
        const result = verifySlackSignature({
          signingSecret: options.signingSecret,
          timestamp: headerOf(request, 'x-slack-request-timestamp'),
          signature: headerOf(request, 'x-slack-signature'),
          rawBody,
          now: now(),
        });
        if (result.verdict === 'deny') {
          options.logger.warn({ reason: result.reason }, 'slack request refused');
          response.status(401).send();
          return;
        }
        (request as RequestWithRawBody).rawBody = rawBody;
        next();
      },
      (error: unknown) => next(error),
    );
  };
}

function headerOf(request: express.Request, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The whole body, or null when it is larger than `limit` bytes (reading stops there). */
async function readBody(request: express.Request, limit: number): Promise<Buffer | null> {
  if (Number(request.headers['content-length'] ?? 0) > limit) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    // Leaving the loop destroys the stream: an oversized body is not read to its end.
    if (size > limit) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
