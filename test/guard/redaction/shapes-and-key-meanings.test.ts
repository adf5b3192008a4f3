/**
 * Causes found by the blind v6 measurement (issue 11, branch redfp), each with rows written here
 * in other words and values than v6's: benign config and log lines redaction used to alter (a
 * key naming where secrets live or a digest of one, a permission level, a progress word, a masked
 * value, a secret store path, a printed token prefix, ids under any `*.id` key, thread names,
 * certificates and public keys, JWK public members, columns of tab-separated access logs, systemd
 * instance units, key ids in a URL path) and secrets it used to miss (an XML element holding a
 * password, a token under a `*_LOGIN` key). Each rule is also shown keeping what is a secret.
 */
import { describe, expect, it } from 'vitest';
import { redact } from '../../../src/guard/redaction/redactor.js';
import { removes } from './removes.js';

const unchanged = (text: string): void => expect(redact(text).text).toBe(text);

describe('benign lines redaction used to alter (v6 causes)', () => {
  it.each([
    // what the key means: where secrets are kept, a digest of one, a feature without one
    ['secret store backend', 'CREDENTIALS_BACKEND=aws-ssm'],
    ['region of a secret store', 'secrets_region = "ap-southeast-2"'],
    ['zone of a key ring', 'signing_key_zone: us-east1-b'],
    ['hash of an API key, JSON', '{"api_key_hash":"3b1f0c9e7a5d2b8f4e6c1a9d0b3f7e2c5a8d1f4b7e0c3a6d9f2b5e8c1a4d7f0b"}'],
    ['digest of a token', 'refresh_token_digest: 9e0f3a7c1b5d8e2f4a6c0b9d3e7f1a5c'],
    ['fingerprint of a key', 'deploy_key_fingerprint = SHA256:q0Wc4f7Yb2mTn8Lx5Rz1Kp3Vs9Hd6Ja'],
    ['feature flag for a flow without passwords', 'ENABLE_PASSWORDLESS=true\npasswordless_mode: magic-link'],
    // what the value is
    ['permission levels of a CI workflow', 'permissions:\n  id-token: write\n  pull-requests: read'],
    ['durations under secret-named keys', 'jwt:\n  signing_key_rotation_period: 90d\n  access_token_duration: 15m\n  refresh_token_max_age: PT12H'],
    ['Terraform progress on a secret resource', 'aws_secretsmanager_secret_version.api_token: Destroying...'],
    ['secret store path', '{"level":"info","msg":"fetched","secret":"kv/data/billing/stripe"}'],
    ['masked key in a URL query', 'GET /v2/metrics?apikey=**********************c91e0 200'],
    ['masked bearer token', 'debug: sending Authorization: Bearer ************8f2a'],
    ['printed token prefix', 'Uploading job artifacts to coordinator... ok  id=99120 token=Xq4rTb2M'],
    // ids, names and published keys
    ['node id under a dotted key', '{"cluster.uuid":"Qy4n0RfVt8eW2mZk1LpB3A","node.id":"r9Ts2XkqLm4VbN8wYc1ZPg"}'],
    ['ETag and correlation header', 'HTTP/1.1 304 Not Modified\netag: "W/\\"3c1a-Qz8Lm2Xr5Tn9Vb4Wk7Hc1Pj6\\""\ncorrelation: Mw4Rt8Zq2Xn6Lk1Vb9Pc3Hy7'],
    ['bare id in Terraform state', 'google_kms_crypto_key.main: Refreshing state... [id=kr-Pw8Zq1NcX4tRm6Vb0Lk2Hj]'],
    ['lease id that is a path', 'vault: renewed lease lease_id=aws/creds/deployer/Wq8rN2xTk5Lm9VbZ3cP7hJ01'],
    ['worker thread name', '[2026-12-01 09:14:02,118: WARNING/ForkPoolWorker-7] retrying task'],
    ['thread name in a Java log', '2026-12-01 09:14:02.118 INFO [HikariPool-2Housekeeper/BatchExecutor-14] pool stats'],
    ['certificate body', '-----BEGIN CERTIFICATE-----\nMIIC3zCCAcegAwIBAgIJAKx7Vq2pLm9ZMA0GCSqGSIb3DQEBCwUAMBQxEjAQBgNV\n-----END CERTIFICATE-----'],
    ['certificate a log cut short', 'tls: loaded chain\n-----BEGIN CERTIFICATE-----\nMIIC3zCCAcegAwIBAgIJAKx7Vq2pLm9ZMA0GCSqGSIb3DQEBCwUAMBQxEjAQBgNV\nBAMMCWxvY2FsaG9zdDAeFw0yNjEyMDEwOTE0MDJaFw0yNzEyMDEwOTE0MDJaMBQx'],
    ['public key body', '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAz7Qb4Lk9XvN2pRt8Ws1Hc6Yj3Fm0Ga5Ud7Ei2Ko4Pw=\n-----END PUBLIC KEY-----'],
    ['public RSA JWK', '{"kty":"RSA","kid":"2026-q4","use":"sig","n":"vB7q2LxK9mZp4Wt1Rc8Nf3Hy6Gd0Js5Ua2Ei7Ok","e":"AQAB"}'],
    ['request id column of a tab-separated access log', '2026-12-01\t09:14:02\tAMS1-C2\t1830\t203.0.113.9\tGET\tstatic.example.net\t/app.js\t200\t-\tcurl/8.4\tMiss\tTq8Lm2XrN5vKz9Bc1Wp4Hy7Jd0Fs3Ga6==\tstatic.example.net\thttps'],
    ['systemd instance unit', 'Dec 01 09:14:02 web-3 systemd[1]: Started openvpn-client@office-vpn.service - OpenVPN tunnel.'],
    ['KMS key id in a resource path', 'DELETE https://iam.example.googleapis.com/v1/projects/acme/serviceAccounts/118273645500192837465/keys/5c0b7e9d2a4f61830e7b5d9c2f4a6e18b3d5c7f9 200'],
  ])('%s', (_name, text) => unchanged(text));
});

describe('the same rules keep what is a secret', () => {
  it.each([
    ['a password next to a backend setting', 'SECRETS_BACKEND=file\nADMIN_PASSWORD=Vb7!qN2x#Lr9', 'Vb7!qN2x#Lr9'],
    ['a whole token under a token key', 'runner: job done token=Xq4rTb2MnL8vZp3Wk6Yc', 'Xq4rTb2MnL8vZp3Wk6Yc'],
    ['a password that is not a duration', 'DB_PASSWORD=15mQ!x9z', '15mQ!x9z'],
    ['a short value under an auth token key', 'auth_token=Ab3dE6gH', 'Ab3dE6gH'],
    ['a session id', 'SESSION_ID=Qm8vT2pXk9LrB4nWz7YcF3hJd6', 'Qm8vT2pXk9LrB4nWz7YcF3hJd6'],
    ["Vault's AppRole secret id", 'vault_secret_id: 9b2fK8qLmX4vR7tNpZ3wHc6yJd', '9b2fK8qLmX4vR7tNpZ3wHc6yJd'],
    ['the private member of a JWK', '{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}', 'jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI'],
    ['a private key after a certificate', '-----BEGIN CERTIFICATE-----\nMIIC3zCCAcegAwIBAgIJAKx7Vq2pLm9ZMA0GCSqGSIb3DQEBCwUAMBQxEjAQBgNV\n-----END CERTIFICATE-----\nclient_secret=Hq3Zt8Wm1Rx6Vn4Kb9Lc2Pj7', 'Hq3Zt8Wm1Rx6Vn4Kb9Lc2Pj7'],
    ['a token after a truncated certificate', '-----BEGIN CERTIFICATE-----\nMIIC3zCCAcegAwIBAgIJAKx7\n\nlater: the key is Hq3Zt8Wm1Rx6Vn4Kb9Lc2Pj7Yd', 'Hq3Zt8Wm1Rx6Vn4Kb9Lc2Pj7Yd'],
    ['a bot token in a URL path', 'POST https://api.telegram.org/bot7702114533:AAH4rTq9Lm2XkN8vBz5Wc1Yp7Jd0Fs3Ga6/sendMessage', 'AAH4rTq9Lm2XkN8vBz5Wc1Yp7Jd0Fs3Ga6'],
    ['an email next to a unit name', 'nightly-backup@db.service failed; paging dana.kim@example.org', 'dana.kim@example.org'],
  ])('%s', (_name, text, secret) => removes(text, secret));
});

describe('secrets redaction used to miss (v6 causes)', () => {
  it.each([
    ['password element of a Maven settings.xml', '<server>\n  <id>releases</id>\n  <username>ci</username>\n  <password>R7q!vT2m#Lp9w</password>\n</server>', 'R7q!vT2m#Lp9w'],
    ['token element with a namespace and attributes', '<cfg:apiToken scope="ci">Wk3Lp9Xr2Tq8Vm5Nb1Zc</cfg:apiToken>', 'Wk3Lp9Xr2Tq8Vm5Nb1Zc'],
    ['hex token under a *_LOGIN key', "SONARQUBE_LOGIN = '4f9a2c7e1b8d6035af92ce47b1d0e8f3a6c52b97'", '4f9a2c7e1b8d6035af92ce47b1d0e8f3a6c52b97'],
    ['generated token under a dotted login key', 'sonar.login=sqa_Kx7Vb2Lm9Qr4Tn1Wz8Yc3Pd6', 'sqa_Kx7Vb2Lm9Qr4Tn1Wz8Yc3Pd6'],
  ])('%s', (_name, text, secret) => removes(text, secret));

  it.each([
    ['a user name under a login key', 'registry.login: deploy-bot'],
    ['a time under a login key', 'last_login=2026-12-01T10:00:00Z'],
    ['an XML element naming a secret without holding one', '<passwordPolicy>strict</passwordPolicy><secretName>db-creds</secretName>'],
    ['an XML element holding a reference', '<password>${env.NEXUS_PASSWORD}</password>'],
  ])('leaves %s', (_name, text) => unchanged(text));
});

describe('git log lines (policy: a person\'s address goes, the name and the commit stay)', () => {
  it('redacts the author, committer and trailer addresses of a person and keeps names, SHA and date', () => {
    const text = 'commit 9c3e5a7b1d2f4e6a8c0b\nAuthor: Priya Raman <priya.raman@example.net>\nDate:   Tue Dec 1 10:20:30 2026 +0000\n\n    cap retries\n\n    Co-authored-by: Tom Berg <tberg@example.org>';
    expect(redact(text).text).toBe(
      'commit 9c3e5a7b1d2f4e6a8c0b\nAuthor: Priya Raman <[REDACTED:email]>\nDate:   Tue Dec 1 10:20:30 2026 +0000\n\n    cap retries\n\n    Co-authored-by: Tom Berg <[REDACTED:email]>',
    );
  });

  it('redacts a one-line log with %ae', () => removes('9c3e5a7 priya.raman@example.net cap retries', 'priya.raman@example.net'));

  it('keeps bot and noreply addresses, which name a function', () => {
    unchanged('Author: renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>');
    unchanged('Author: Priya Raman <41225@users.noreply.github.com>');
  });
});
