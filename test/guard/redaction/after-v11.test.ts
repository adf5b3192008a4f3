/**
 * Causes found in v11's benign rows (issue 11, branch redfp8), each written here as a general
 * property with lines in other shapes and values than the set's; each rule is also shown keeping
 * what is a secret or personal data.
 */
import { describe, expect, it } from 'vitest';
import { isIdentifierField } from '../../../src/guard/redaction/phone-numbers.js';
import { redact } from '../../../src/guard/redaction/redactor.js';
import { removes } from './removes.js';

const unchanged = (text: string): void => expect(redact(text).text).toBe(text);

describe('benign text the v11 rules leave alone', () => {
  it.each([
    ['an account number under an id-named JSON field', '{"OwnerId": "031847266950", "state": "available"}'],
    ['an account named by a capitalised field', '  "Account": "009152387741",'],
    ['a run-together id field (firewall key=value log)', 'devname="edge-2" logid="0104044546" type="event"'],
    ['a record id that passes Luhn', 'event=delivered id=4539578763621486 channel=email'],
    ['two numbers blank-separated, the second too long for a card group', 'worker 4412 371449635398431 done'],
    ['a pytest node id with a secret-sounding file name', 'FAILED tests/unit/test_secrets.py::test_reload_keeps_versions[kv2] - KeyError'],
    ['a C++ scope after a secret-sounding name', 'crypto::token::refresh() threw after 3 attempts'],
    ['a Go module path whose last segment sounds secret', 'example.org/platform/tokens: example.org/platform@v1.4.2: missing go.sum entry'],
    ['a credential word as a host name label', 'GET https://auth.internal.example.net/.well-known/openid-configuration/Q7mVx2LpR9tK4wZs8NbY3c returned 404'],
    ['a credential word as a topic name label', 'Created topic session.events with topic ID Zq4LmR8xV2tK9pWs3NbYcQ.'],
    ['a value in words saying it is not logged', "ok: [web-4] => (item={'user': 'svc', 'token': 'NOT_LOGGED_DUE_TO_NO_LOG'})"],
    ['a keyed digest in an audit record', '"response":{"data":{"password":"hmac-sha256:0f6ad52c81e94b77a3d1c26fe08b9d443ac57e21b6f09d8c4a7e3f12b5c6d7e8"}}'],
    ['a prompt line and the error on the next line', 'Enter passphrase:\nFATAL: could not decrypt vault file'],
    ['a token type named in German', 'Fehler beim Abruf, Token-Typ: Bearer, erneuter Versuch in 5 s.'],
    ['a JWT header type', '{"alg":"ES256","typ":"JWT","kid":"k-2026-11"}'],
    ['a workload identity (GCP service account)', 'granted roles/storage.objectViewer to deployer@build-prod.iam.gserviceaccount.com'],
    ['an Erlang node name', 'connection to node "couchdb@db-3.cluster.local" lost'],
    ['a Kubernetes taint as key and value', '- key: dedicated\n  value: gpu-pool\n  effect: NoSchedule'],
    ['an actuator /env object for a setting', '"app.mail.host": {"value": "smtp.internal", "origin": "env"},'],
    ['a connection string that logs in as the process', '<add name="Reports" connectionString="Server=rpt-sql;Database=reports;Trusted_Connection=True;Encrypt=True" />'],
  ])('%s', (_name, text) => unchanged(text));
});

describe('secrets and personal data the v11 rules keep redacting', () => {
  it.each([
    ['a phone number under a phone field', '"contactPhone": "020 7946 0018"', '7946 0018'],
    ['a card under a card field', 'card=4539578763621486', '4539578763621486'],
    ['a card printed in fours', 'paid with 4539 5787 6362 1486', '4539 5787 6362 1486'],
    ['a password after a key (one colon)', 'db_password: Rv7:Lq2xMz9t', 'Lq2xMz9t'],
    ['a token after a credential word with no dotted name', 'auth header was Zq4LmR8xV2tK9pWs3NbYcQ7e', 'Zq4LmR8xV2tK9pWs3NbYcQ7e'],
    ['a password after a prompt on the same line', 'Enter passphrase: Kx9-vLq2Rm7T', 'Kx9-vLq2Rm7T'],
    ['a raw token under a token type key', 'token_value: Bm2xQ9vL7rKt4WzP8sNc', 'Bm2xQ9vL7rKt4WzP8sNc'],
    ['a person’s address', 'login ok for jonas.weber@corp.example.com', 'jonas.weber@corp.example.com'],
    ['an address not named a node', 'owner: couchdb@db-3.example.com', 'couchdb@db-3.example.com'],
    ['a connection string with a password', 'connectionString="Server=rpt-sql;Database=reports;User ID=rpt;Password=Lm4-xQ9vR2tK"', 'Lm4-xQ9vR2tK'],
    ['a storage connection string with an account key', 'StorageConnectionString=DefaultEndpointsProtocol=https;AccountName=rpt;AccountKey=Qm9vL2xR7tK4wZs8NbY3cA==', 'Qm9vL2xR7tK4wZs8NbY3cA=='],
    ['a token in a Postman header list', '{"key": "X-Service-Api-Token", "value": "Vq8LmR2xK9tZ4wPs7NbY", "type": "text"}', 'Vq8LmR2xK9tZ4wPs7NbY'],
    ['a password in an actuator /env object', '"app.mail.password": {"value": "Lm4-xQ9vR2tK", "origin": "env"},', 'Lm4-xQ9vR2tK'],
    ['a Shopify admin token in prose', 'store admin token is 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 for now', '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'],
    ['a Grafana service-account token in prose', 'exporter uses glsa_Q7mVx2LpR9tK4wZs8NbY3cAe5fGh6jKl_9e0b1c2d (read only)', 'glsa_Q7mVx2LpR9tK4wZs8NbY3cAe5fGh6jKl_9e0b1c2d'],
  ])('%s', (_name, text, secret) => removes(text, secret));
});

describe('isIdentifierField', () => {
  it.each([
    ['"accountId": "', true],
    ['registryId=', true],
    ['logid="', true],
    ['id=', true],
    ['"AWSAccountId":"', true],
    ['"phoneId": "', false],
    ['valid: ', false],
    ['call me at ', false],
  ])('%s → %s', (before, expected) => expect(isIdentifierField(before)).toBe(expected));
});
