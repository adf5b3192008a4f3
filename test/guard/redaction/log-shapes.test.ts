/**
 * Machine-log shapes that look random without being secrets (issue 11, branch redfp3): causes
 * found by running the redactor over this machine's own logs (bench/guard-machine-logs.ts), with
 * rows rewritten here in other values. Each rule is also shown keeping what is a secret.
 */
import { describe, expect, it } from 'vitest';
import { readBase64 } from '../../../src/guard/redaction/checks.js';
import { isDigestOrIdKey, isPaginationKey } from '../../../src/guard/redaction/log-shapes.js';
import { redact } from '../../../src/guard/redaction/redactor.js';
import { removes } from './removes.js';

const unchanged = (text: string): void => expect(redact(text).text).toBe(text);

describe('machine-log lines the redactor leaves alone', () => {
  it.each([
    ['package with an architecture (dpkg)', '2025-03-02 09:14:07 status unpacked libsecret-1-0:arm64 0.21.4-1'],
    ['package with an architecture and a full stop (apt term.log)', 'Selecting previously unselected package gir1.2-secret-1:i386.'],
    ['aligned digest column (broker banner)', '2025-03-02 09:14:07 [info] <0.231.0>  cookie hash    : Qx4vR8mN2kL7pT1wZc9bYg=='],
    ['digest of a secret under a key', 'audit rotated key_digest: Wm7Kq2Lp9Xv4Tb8Nz3Rc6Yd'],
    ['hash field of an audit record', 'audit actor=ci action=update target=hmac-sha256:bGVkZ2VyLWVudHJ5LTQy value_hash=Pz8Rq3Lm7Xv2Nb5Tc9Wk4Yd'],
    ['weak ETag in a request header', 'If-None-Match: W/"Jk4Lm8Np2Qr6St0Uv3Wx"'],
    ['server uid written after its name (database start line)', 'Starting server 11.4.2 server_uid Hq3Vx9Lm2Pk7Rt5Nz1Bc4Wd8Yg= as process 812'],
    ['id naming itself (cluster id)', "Initialising internal cluster ID to 'broker-cluster-id-Tq8Xm2Lv9Rk4Pz7Nc1Wb'"],
    ['tail of a dotted version', "Version: '11.4.7-MariaDB-1+deb13u2'  socket: '/run/mysqld/mysqld.sock'"],
    ['certificate file name (ca-certificates)', 'Adding debian:GTS_TrustRoot_R7_ECC.pem'],
    ['log file named after an Erlang node', 'log(s)         : /var/log/broker/broker@localhost.log'],
    ['bcrypt hash of a password', 'user created password_hash=$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy'],
    ['page token in a query string', 'GET /v1/items?page_token=Cg5TaGlwcGVkT3JkZXJzEgR4eTk5&page_size=25 200'],
    ['base64 cursor that decodes to JSON', 'GET /api/orders?cursor=eyJvZmZzZXQiOjIwMCwibGltaXQiOjUwfQ&limit=50 200 9ms'],
    ['base64 message body that decodes to words', 'frame data: VGhlIHF1aWNrIGJyb3duIGZveCBqdW1wcyBvdmVyIHRoZSBsYXp5IGRvZw=='],
  ])('%s', (_name, text) => unchanged(text));
});

describe('secrets the log-shape rules keep redacting', () => {
  it.each([
    ['session id under an id key', 'session_id=Vr8Lq2Nm7Xk4Tp9Zc3Wb6Yd', 'Vr8Lq2Nm7Xk4Tp9Zc3Wb6Yd'],
    ['access token, not a page token', 'access_token=Gh7Kp2Lm9Xq4Rv8Tz3Nc6Wb', 'Gh7Kp2Lm9Xq4Rv8Tz3Nc6Wb'],
    ['base64 of a user:password pair', 'relay creds aGFydmVzdDpUcjB1Ymw0ZEBmM3g=', 'aGFydmVzdDpUcjB1Ymw0ZEBmM3g='],
    ['base64 JSON naming a credential', 'cfg eyJwYXNzd29yZCI6Ik14N3FMMnZSOXRLNCJ9 loaded', 'eyJwYXNzd29yZCI6Ik14N3FMMnZSOXRLNCJ9'],
    ['password after a package-like key is not an architecture', 'db_password: Zx9Lq2Wm7Kr4', 'Zx9Lq2Wm7Kr4'],
  ])('%s', (_name, text, secret) => removes(text, secret));
});

describe('log-shape checks', () => {
  it('reads digest and id keys, not credential ids', () => {
    expect(isDigestOrIdKey('cookie hash    : ')).toBe(true);
    expect(isDigestOrIdKey('"nextCursor": "')).toBe(true);
    expect(isDigestOrIdKey('cursor=')).toBe(true);
    expect(isDigestOrIdKey('secret_id=')).toBe(false);
    expect(isDigestOrIdKey('refresh_token=')).toBe(false);
  });
  it('reads pagination keys', () => {
    expect(isPaginationKey('nextPageToken')).toBe(true);
    expect(isPaginationKey('page_token')).toBe(true);
    expect(isPaginationKey('api_token')).toBe(false);
  });
  it('reads base64 as text, a credential or bytes, in one function for every rule', () => {
    const encode = (text: string, form: 'base64' | 'base64url' = 'base64') => Buffer.from(text).toString(form);
    expect(readBase64(encode('{"offset":40,"limit":20}', 'base64url'))).toBe('text');
    expect(readBase64(encode('night job finished late'))).toBe('text');
    expect(readBase64(Buffer.from([1, 200, 33, 17, 250, 9, 140, 77, 3, 99, 181, 42, 7, 66]).toString('base64'))).toBe('opaque');
    expect(readBase64(encode('token for the night job'))).toBe('credential');
    expect(readBase64(encode('deploy:Wq8#rT2mZ'))).toBe('credential');
    // base64url and a line break no longer hide a credential (the old decodesToCredential missed both).
    expect(readBase64(encode('{"auth":"ZGVwbG95\n"}', 'base64url'))).toBe('credential');
    expect(readBase64(encode('short'))).toBe('opaque');
  });
});

describe('crypt hashes', () => {
  it('keeps an htpasswd line a credential', () => removes('deploy:$2y$10$Qm4Lx8Rv2Kp7Tz9Nc3Wb5uYd1Hs6Jf0Ga4Ek8Ti2Ol7Pn3Mq9Rw', 'Qm4Lx8Rv2Kp7Tz9Nc3Wb5uYd1Hs6Jf0Ga4Ek8Ti2Ol7Pn3Mq9Rw'));
});

describe('ids named by the words before them', () => {
  it.each([
    ['lease of a leader election (zap JSON)', '{"level":"info","msg":"lease acquired","lease":"Pb7Kq3Lm9Xv2Rt4Nz8Wd","holder":"node-2"}'],
    ['replication id (redis INFO)', 'master_replid:Ym4Lq8Xv2Kr7Tz9Nc3Wb1Pd5Hs'],
    ['allocation id in prose (search cluster)', 'shard failed for shard id [[logs][1]], allocation id [Rt8Kq2Lm9Xv4Pz7Nb3WcEf], primary term [2]'],
  ])('%s', (_name, text) => unchanged(text));
  it('keeps a session id in prose and under sid', () => {
    removes('session id Wc4Kq9Lm2Xv7Rt8Nz3Pb opened', 'Wc4Kq9Lm2Xv7Rt8Nz3Pb');
    removes('session 3 opened: sid=Nz3Kq9Lm2Xv7Rt8Wc4Pb', 'Nz3Kq9Lm2Xv7Rt8Wc4Pb');
  });
});

describe('public keys, digests, names and audit HMACs', () => {
  it.each([
    ['WireGuard peer', 'wg set wg1 peer Tq4Lx8Rm2Kv7Pz9Nb3Wc6Yd1Hs5Jf0Ga2Ek4Ti8Ol7= allowed-ips 10.9.0.4/32'],
    ['WireGuard interface public key', 'interface: wg1  public key: Ga2Ek4Ti8Ol7Tq4Lx8Rm2Kv7Pz9Nb3Wc6Yd1Hs5Jf0=  listening port: 51821'],
    ['CDN ray id header', 'cf-ray: 7c2e9a4b1d3f5e6a-AMS'],
    ['systemd mount unit with a random part', 'systemd[1]: run-containerd-runc-k8s.io-Pz9Nb3Wc6Yd1Hs5Jf0Ga2E.mount: Deactivated successfully.'],
    ['session name of an assumed role', '{"requestParameters":{"roleSessionName":"release-job-Nb3Wc6Yd1Hs5Jf0Ga2Ek4"}}'],
    ['Helm checksum annotation', 'checksum/secret: Wc6Yd1Hs5Jf0Ga2Ek4Ti8Ol7Tq'],
    ['artifact digest', 'artifact uploaded: tool-linux-arm64.tar.gz sha256=Jf0Ga2Ek4Ti8Ol7Tq4Lx8Rm2Kv7Pz9Nb3Wc6Yd1Hs5'],
    ['message id', 'Message-ID: <CAPz9Nb3Wc6Yd1Hs5Jf0Ga2Ek4Ti8Ol7Tq@mail.example.org>'],
    ['HMAC in an audit record', '{"auth":{"client_token":"hmac-sha256:Hs5Jf0Ga2Ek4Ti8Ol7Tq4Lx8Rm2Kv7","accessor":"hmac-sha256:Ol7Tq4Lx8Rm2Kv7Pz9Nb3Wc6Yd1"}}'],
  ])('%s', (_name, text) => unchanged(text));
  it.each([
    ['a private key named in words', 'private key: Ek4Ti8Ol7Tq4Lx8Rm2Kv7Pz9Nb3Wc6Yd1Hs5Jf0Ga2=', 'Ek4Ti8Ol7Tq4Lx8Rm2Kv7Pz9Nb3Wc6Yd1Hs5Jf0Ga2'],
    ['a client token in clear', '{"auth":{"client_token":"hvs.Ti8Ol7Tq4Lx8Rm2Kv7Pz9Nb3Wc6"}}', 'Ti8Ol7Tq4Lx8Rm2Kv7Pz9Nb3Wc6'],
    ['a reset code in a URL', 'GET /reset?code=Rm2Kv7Pz9Nb3Wc6Yd1Hs HTTP/1.1', 'Rm2Kv7Pz9Nb3Wc6Yd1Hs'],
  ])("still removes %s", (_name, text, secret) => removes(text, secret));
});

describe('secrets written into log lines stay redacted', () => {
  it.each([
    ['URL userinfo', '2025-07-01T02:03:04Z ERROR connect failed dsn=postgres://svc:Nm4Lq8Xk2Rt7@db-3:5432/ledger', 'Nm4Lq8Xk2Rt7'],
    ['bearer header', '2025-07-01T02:03:04Z DEBUG headers: Authorization: Bearer Tz9Kq2Lm7NpR4tYv8Bw3Cd5Ef', 'Tz9Kq2Lm7NpR4tYv8Bw3Cd5Ef'],
    ['JSON api key', '{"level":"debug","msg":"calling provider","apiKey":"Wd6Kq2Lm9Rt4Vb8Nz3Wc6Yd"}', 'Wd6Kq2Lm9Rt4Vb8Nz3Wc6Yd'],
    ['connection string password', '2025-07-01T02:03:04Z ERROR Server=sql2;Database=ledger;User Id=svc;Password=Kp7Wm2Lq9Xv4;', 'Kp7Wm2Lq9Xv4'],
    ['token in a webhook query', '2025-07-01T02:03:04Z ERROR webhook failed url=https://hooks.example.com/in?token=Lq9Xk2Rm7Tv4Nb8Zc3Wd', 'Lq9Xk2Rm7Tv4Nb8Zc3Wd'],
  ])('%s', (_name, text, secret) => removes(text, secret));
});
