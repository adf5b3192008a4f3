/**
 * A bare random-looking token is redacted only with evidence (src/guard/redaction/evidence.ts,
 * branch redfp4). The trade is deliberate and documented in docs/threat-model.md.
 */
import { describe, expect, it } from 'vitest';
import { redact } from '../../../src/guard/redaction/index.js';

const keeps = (text: string) => expect(redact(text).text).toBe(text);
const removes = (text: string, secret: string) => expect(redact(text).text).not.toContain(secret);

describe('random tokens without evidence are kept (the trade)', () => {
  it.each([
    ['a thread id in a job log', '2026-07-08T11:08:53.522Z pid=23860 tid=8h8d-b4Tdex3FPB8abHtJ9 class=WebhookDeliveryJob INFO: done'],
    ['a runner token prefix in CI output', '  on runner-14dfc1e4 B3xgXdBun5lOypzHSCEpx_, system ID: s_7ab8b0a1c013'],
    ['a thread name in brackets', '09:44:31.282 [eventLoopGroupProxy-4-52] INFO  ktor.application - 200 OK'],
    ['a CSP nonce', `directive: "script-src 'self' 'nonce-ESzMrFqjeF9-1rJSJm8yIv'"`],
    ['an unlabelled token in an error line', '2025-07-01T02:03:04Z ERROR [node-2] connect failed with Vb8Nz3Wc6Yd1Hs5Jf0Ga2Ek4Ti8'],
    ['a token in a space-separated log line', '2026-12-01 09:14:02 GET /app.js 200 Tq8Lm2XrN5vKz9Bc1Wp4Hy7Jd0Fs3Ga6 ok'],
  ])('%s', (_name, text) => keeps(text));
});

describe('random tokens with evidence are removed', () => {
  it.each([
    ['a credential word before it', 'X-Internal-Auth: Zk3x9QpL2mN7vR4tY8wB1cD6hJ0sQ5eA', 'Zk3x9QpL2mN7vR4tY8wB1cD6hJ0sQ5eA'],
    ['alone on its line', 'the value:\nZk3x9QpL2mN7vR4tY8wB1cD6hJ0sQ5eA\n', 'Zk3x9QpL2mN7vR4tY8wB1cD6hJ0sQ5eA'],
    ['base64 of a user:password pair', 'relay creds aGFydmVzdDpUcjB1Ymw0ZEBmM3g=', 'aGFydmVzdDpUcjB1Ymw0ZEBmM3g='],
    ['base64 JSON naming a credential', 'cfg eyJwYXNzd29yZCI6Ik14N3FMMnZSOXRLNCJ9 loaded', 'eyJwYXNzd29yZCI6Ik14N3FMMnZSOXRLNCJ9'],
    ['a webhook URL path', '{"webhook":"https://discord.com/api/webhooks/9011293940883755233/m7OvwhDVUUq9Lm2XkN8vBz5Wc1Yp7Jd0Fs3Ga6"}', 'm7OvwhDVUUq9Lm2XkN8vBz5Wc1Yp7Jd0Fs3Ga6'],
    ['a private JWK member', '{"kty":"OKP","crv":"Ed25519","d":"Xw2Kp7Rt4Lz9Vm1Nb6Qc3Hy8Me4Cu7Ab"}', 'Xw2Kp7Rt4Lz9Vm1Nb6Qc3Hy8Me4Cu7Ab'],
  ])('%s', (_name, text, secret) => removes(text, secret));
});

describe('code and resource names are not values (redfp4)', () => {
  it.each([
    ['a call under a token variable', '    token = client.refresh(session_id)'],
    ['a static method of a token class', 'Call to undefined method App\\Http\\Controllers\\TokenController::revoke() {"exception":"x"}'],
    ['an env() lookup', "    secret: env('AUTH_SECRET'),"],
    ['an exception message code', 'Microsoft.IdentityModel.Tokens.SecurityTokenSignatureKeyNotFoundException: IDX10503: Signature validation failed.'],
    ['an account id in a KMS ARN', '    key_arn: arn:aws:kms:eu-central-1:040257627520:key/9ddf55e3-5479-4c5c-8d31-38573a6520a5'],
    ['an account id in an IAM ARN', 'mfa_serial = arn:aws:iam::040257627520:mfa/ops-key'],
  ])('%s', (_name, text) => keeps(text));

  it.each([
    ['a password that is not a call', 'token = Zk3x9QpL2mN7vR4tY8wB1cD6', 'Zk3x9QpL2mN7vR4tY8wB1cD6'],
    ['a phone number after a colon', 'on-call: +1 415 555 0142', '555 0142'],
  ])('still removes %s', (_name, text, secret) => removes(text, secret));
});

describe('a password word does not reach into the next JSON field (redfp4)', () => {
  it('keeps a client id after a connection named for passwords', () =>
    keeps('{"connection":"Username-Password-Authentication","client_id":"4LUx_dOppbsRXKKlVVuT20b65928e5","client_name":"Dashboard"}'));
  it('still removes a password in a sentence', () => removes('the password is Qx7!vR2mT9zL', 'Qx7!vR2mT9zL'));
});
