import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entropyThreshold, looksLikeRandomSecret, passesLuhn, shannonEntropy } from '../../../src/guard/redaction/checks.js';
import { createRedactor, redact } from '../../../src/guard/redaction/redactor.js';
import { redactionTypes, type RedactionType } from '../../../src/guard/redaction/types.js';
import { createCanary, createSpotlight } from '../../../src/guard/injection/spotlight.js';

const base62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const token = (length: number, alphabet = base62) => fc.string({ unit: fc.constantFrom(...alphabet), minLength: length, maxLength: length });
// Generated secrets always mix classes, as real ones do (a 36-letter run of "a" is no token).
const mixed = (length: number) => token(length).map((value) => `Aa9${value.slice(3)}`);

describe('secret types', () => {
  it.each<[RedactionType, string, string]>([
    ['aws_access_key', 'key AKIAIOSFODNN7EXAMPLE in the log', 'key [REDACTED:aws_access_key] in the log'],
    ['aws_secret_key', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aws_secret_access_key = [REDACTED:aws_secret_key]'],
    ['github_token', 'GITHUB_TOKEN=ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789', 'GITHUB_TOKEN=[REDACTED:github_token]'],
    ['github_token', 'pat github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRS', 'pat [REDACTED:github_token]'],
    ['slack_token', 'SLACK_BOT_TOKEN=xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx', 'SLACK_BOT_TOKEN=[REDACTED:slack_token]'],
    ['slack_webhook', 'post to https://hooks.slack.com/services/T0ABCDEF1/B0ABCDEF123/AbCdEfGhIjKlMnOpQrStUvWx now', 'post to [REDACTED:slack_webhook] now'],
    ['stripe_key', 'stripe sk_live_51H8abcdefGHIJKLmnopQRSTuv and rk_live_51H8abcdefGHIJKLmnop', 'stripe [REDACTED:stripe_key] and [REDACTED:stripe_key]'],
    ['openai_key', 'OPENAI_API_KEY=sk-proj-abcDEF123456ghiJKL789012mnoPQR', 'OPENAI_API_KEY=[REDACTED:openai_key]'],
    ['anthropic_key', 'key sk-ant-api03-abcdefghijKLMNOP1234567890 rejected', 'key [REDACTED:anthropic_key] rejected'],
    ['google_api_key', 'maps AIzaSyA1234567890abcdefghijklmnopqrstuv ok', 'maps [REDACTED:google_api_key] ok'],
    ['jwt', 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', 'Authorization: Bearer [REDACTED:jwt]'],
    ['bearer_token', 'Authorization: Bearer 9f8e7d6c5b4a3928abcdef01', 'Authorization: Bearer [REDACTED:bearer_token]'],
    ['url_password', 'DATABASE_URL=postgres://app:s3cr3t-P4ss@pg-payments-01:5432/payments', 'DATABASE_URL=postgres://app:[REDACTED:url_password]@pg-payments-01:5432/payments'],
    ['password', 'password=hunter2!! and secret: "abc123XYZ"', 'password=[REDACTED:password] and secret: "[REDACTED:password]"'],
    ['password', '{"username":"admin","password":"Tr0ub4dor&3"}', '{"username":"admin","password":"[REDACTED:password]"}'],
    ['password', 'the root password is Spring2025! (rotate it)', 'the root password is [REDACTED:password] (rotate it)'],
    ['card_number', 'card 4111 1111 1111 1111 charged twice', 'card [REDACTED:card_number] charged twice'],
    ['card_number', 'pan 378282246310005 declined', 'pan [REDACTED:card_number] declined'],
    ['email', 'acked by priya.raman@northwind.io', 'acked by [REDACTED:email]'],
    ['phone_number', 'call +1 415 555 0142 or (212) 555-0199 or +44 20 7946 0958', 'call [REDACTED:phone_number] or [REDACTED:phone_number] or [REDACTED:phone_number]'],
    ['phone_number', 'DBA on 06 12 34 56 78 tonight', 'DBA on [REDACTED:phone_number] tonight'],
    ['high_entropy_secret', 'the signing value Zk3x9QpL2mN7vR4tY8wB1cD6hJ0sQ5eA was pasted', 'the signing value [REDACTED:high_entropy_secret] was pasted'],
    ['high_entropy_secret', 'X-Internal-Auth: Zk3x9QpL2mN7vR4tY8wB1cD6hJ0sQ5eA', 'X-Internal-Auth: [REDACTED:high_entropy_secret]'],
  ])('%s', (type, text, expected) => {
    const result = redact(text);
    expect(result.text).toBe(expected);
    expect(result.redactions.map((redaction) => redaction.type)).toContain(type);
  });

  it('redacts multi-line PEM private keys, escaped ones and truncated ones', () => {
    const body = 'MIIEowIBAAKCAQEA7bq3rT0cE1v2jN9kQw\nZx8yV5uT4sR3qP2oN1mL0kJ9iH8gF7eD6==';
    expect(redact(`key:\n-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----\ndone`).text).toBe('key:\n[REDACTED:private_key]\ndone');
    expect(redact(JSON.stringify({ key: `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----` })).text).toBe('{"key":"[REDACTED:private_key]"}');
    expect(redact(`-----BEGIN OPENSSH PRIVATE KEY-----\n${body}`).text).toBe('[REDACTED:private_key]');
  });

  it('counts per type and never reports a value', () => {
    const result = redact('a@b.io c@d.io AKIAIOSFODNN7EXAMPLE');
    expect(result.redactions).toEqual([
      { type: 'aws_access_key', count: 1 },
      { type: 'email', count: 2 },
    ]);
    expect(JSON.stringify(result.redactions)).not.toMatch(/@|AKIA/);
  });

  it('can keep chosen types', () => {
    expect(createRedactor({ keep: ['email'] })('mail priya@northwind.io key AKIAIOSFODNN7EXAMPLE').text).toBe('mail priya@northwind.io key [REDACTED:aws_access_key]');
  });
});

describe('look-alikes that stay', () => {
  it.each([
    'deployed commit 3f1c2a9b7d4e6f80a1b2c3d4e5f60718293a4b5c to prod',
    'request_id=123e4567-e89b-12d3-a456-426614174000',
    'image sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    'upgraded from v1.24.3 to v2.0.0-rc.1+build.77',
    'order #1234567890 refunded; 2025-03-11T14:02:11.123Z; epoch 1741701731',
    'pod payments-api-5f9c8d7b6-8dkq2 on ip-10-0-36-201.ec2.internal, 10.42.8.15:5432',
    'alert PaymentsAPIHighErrorRate and CamelCaseIdentifiersLikeThisOneHere',
    'trace 4bf92f3577b34da6a3ce929d0e0e4736 span 00f067aa0ba902b7',
    'git@github.com:northwind/payments-api.git and images/logo@2x.png',
    'secret: payments-db-credentials mounted; token expired; password: ********; PGPASSWORD=${PGPASSWORD}',
    'the password is rotated every 30 days',
    '1234 5678 9012 3456 fails Luhn',
    'npm integrity sha512-Vj0kZbXuK3bpsdJTqzHvV6XWQc1tJxVcA4b0LGZgQ4vQJYxkfWyQ8tIf1N9tO3Rqz7H1oGmQYPmn2sw7oDtUqg==',
    '/var/lib/postgresql/16/main/pg_wal/000000080000012A000000C4',
  ])('%s', (text) => {
    expect(redact(text)).toEqual({ text, redactions: [] });
  });
});

describe('prompt guards', () => {
  it('leaves every spotlight fence marker and canary intact, so redaction never breaks a fence', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), (bytes) => {
        const spotlight = createSpotlight((size) => bytes.slice(0, size));
        const canary = createCanary((size) => bytes.slice(8, 8 + size));
        const prompt = `${spotlight.instruction}\nConfidential marker: ${canary}.\n${spotlight.fence('note: nothing secret here')}`;
        expect(redact(prompt)).toEqual({ text: prompt, redactions: [] });
      }),
    );
  });

  it('still redacts a secret inside a fence', () => {
    const spotlight = createSpotlight(() => new Uint8Array(8).fill(7));
    const fenced = spotlight.fence('token ghp_1234567890abcdefghijklmnopqrstuvwxyzAB');
    expect(redact(fenced).text).toBe(spotlight.fence('token [REDACTED:github_token]'));
  });
});

describe('checks', () => {
  it('Luhn', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
  });
  it('entropy and its length-dependent bar', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(entropyThreshold(20)).toBeCloseTo(3.6);
    expect(entropyThreshold(100)).toBe(4.5);
  });
  it('random-secret heuristic', () => {
    expect(looksLikeRandomSecret('Zk3x9QpL2mN7vR4tY8wB1cD6')).toBe(true);
    expect(looksLikeRandomSecret('3f1c2a9b7d4e6f80a1b2c3d4e5f60718293a4b5c')).toBe(false);
    expect(looksLikeRandomSecret('payments-api-5f9c8d7b6-8dkq2')).toBe(false);
  });
});

describe('properties', () => {
  const secrets: Record<string, fc.Arbitrary<string>> = {
    aws: token(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567').map((value) => `AKIA${value}`),
    github: mixed(36).map((value) => `ghp_${value}`),
    slack: mixed(24).map((value) => `xoxb-123456789012-1234567890123-${value}`),
    stripe: mixed(24).map((value) => `sk_live_${value}`),
    openai: mixed(40).map((value) => `sk-proj-${value}`),
    jwt: fc.tuple(mixed(20), mixed(30)).map(([payload, signature]) => `eyJhbGciOiJIUzI1NiJ9.eyJ${payload}.${signature}`),
    email: fc.tuple(token(8, 'abcdefghijklmnop'), fc.constantFrom('northwind.io', 'example.com')).map(([local, domain]) => `${local}@${domain}`),
    password: mixed(12).map((value) => `${value}!`),
  };
  const context = fc.string({ maxLength: 40 }).map((text) => text.replace(/[A-Za-z0-9]$/, ' '));

  it('never leaves a secret in the text', () => {
    fc.assert(
      fc.property(fc.oneof(...Object.entries(secrets).map(([kind, arbitrary]) => arbitrary.map((secret) => [kind, secret] as const))), context, context, ([kind, secret], before, after) => {
        const wrapped = kind === 'password' ? `password=${secret}` : secret;
        return !redact(`${before} ${wrapped} ${after}`).text.includes(secret);
      }),
      { numRuns: 400 },
    );
  });

  it('never reads a redaction marker as the value of a password written in prose (found by the property below)', () => {
    const once = redact('PW 4111 1111 1111 1111').text;
    expect(once).toBe('PW [REDACTED:card_number]');
    expect(redact(once).text).toBe(once);
  });

  it('is idempotent', () => {
    const piece = fc.oneof(fc.string({ maxLength: 30 }), ...Object.values(secrets), fc.constantFrom('password=', 'postgres://u:p4ss@h/', ' +1 415 555 0142 ', '4111 1111 1111 1111', '-----BEGIN PRIVATE KEY-----\nabc'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const once = redact(parts.join(' ')).text;
        return redact(once).text === once;
      }),
      { numRuns: 500 },
    );
  });

  it('reports only known types with positive counts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => redact(text).redactions.every(({ type, count }) => redactionTypes.includes(type) && count > 0)),
    );
  });
});
