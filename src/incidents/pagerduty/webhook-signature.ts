/**
 * PagerDuty V3 webhook signatures: `X-PagerDuty-Signature` holds one or more comma-separated
 * `v1=<hex HMAC-SHA256 of the raw body>` (several while a secret is being rotated); the
 * request is genuine when any of them matches ours.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The signature PagerDuty sends for `rawBody` (`v1=<hex>`); also what tests sign with. */
export function pagerDutySignature(secret: string, rawBody: string | Buffer): string {
  return `v1=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** The same shape as every guard: a verdict, why, and what it looked at. */
export interface WebhookSignatureResult {
  verdict: 'allow' | 'deny';
  reason: string | null;
  data: { signatures: number };
}

export function verifyPagerDutySignature(secret: string, header: string | undefined, rawBody: Buffer): WebhookSignatureResult {
  const offered = (header ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='));
  if (offered.length === 0) return { verdict: 'deny', reason: 'no v1 signature', data: { signatures: 0 } };
  const expected = Buffer.from(pagerDutySignature(secret, rawBody));
  const matches = offered.some((signature) => {
    const candidate = Buffer.from(signature);
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
  return matches ? { verdict: 'allow', reason: null, data: { signatures: offered.length } } : { verdict: 'deny', reason: 'no signature matches', data: { signatures: offered.length } };
}
