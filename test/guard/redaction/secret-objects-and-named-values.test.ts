/**
 * The rules added by branch redfp5 (issue 11, after v9). Each row here was written for this file
 * (none is copied from a dataset): Kubernetes Secret data and kubeconfig client credentials, values
 * printed under a trace line that reads a secret, keys named in prose, and the non-secret shapes
 * (masks in words, references, names of Secrets, URLs without userinfo, ids) that were altered.
 */
import { describe, expect, it } from 'vitest';
import { redact } from '../../../src/guard/redaction/index.js';
import { removes } from './removes.js';

const keeps = (text: string) => expect(redact(text).text, JSON.stringify(redact(text).text)).toBe(text);

describe('Kubernetes objects whose fields are credentials by declaration', () => {
  it('removes every value under data: and stringData: of a Secret, whatever its key', () => {
    removes('kind: Secret\napiVersion: v1\nmetadata:\n  name: mq\ndata:\n  .brokerrc: cGFzc3dvcmQ9cXVldWUtN0JnUA==\n  amqp-url: YW1xcDovL2hvc3Q=\n', 'cGFzc3dvcmQ9cXVldWUtN0JnUA==', 'YW1xcDovL2hvc3Q=');
    removes('apiVersion: v1\nkind: Secret\nstringData:\n  smtp: Mh3v!Lq0pZr\n', 'Mh3v!Lq0pZr');
  });
  it('removes a block scalar under data:, every line of it', () => {
    removes('kind: Secret\nstringData:\n  config.ini: |\n    user = relay\n    secret = Tb4!wQ9zLm\n  other: x9Yb\n', 'Tb4!wQ9zLm', 'x9Yb');
  });
  it('removes the data of a Secret printed as JSON', () => {
    removes('{"apiVersion":"v1","kind":"Secret","metadata":{"name":"ldap"},"data":{"bind-dn-secret":"S2V5OkxkNHAhMjAyNg=="}}', 'S2V5OkxkNHAhMjAyNg==');
  });
  it('keeps data of other kinds, and a Secret value that holds nothing', () => {
    keeps('apiVersion: v1\nkind: ConfigMap\ndata:\n  LOG_LEVEL: debug\n  FEATURE_X: "on"\n');
    keeps('kind: Secret\nstringData:\n  password: ${DB_PASSWORD}\n  token: "<set by CI>"\n');
    keeps('kind: ExternalSecret\nspec:\n  data:\n    - secretKey: password\n');
  });
  it("removes a kubeconfig user's client certificate and key, keeps the cluster's CA", () => {
    const text = 'clusters:\n- cluster:\n    certificate-authority-data: Q0EtY2VydGlmaWNhdGUtYm9keS1oZXJl\nusers:\n- name: ops\n  user:\n    client-certificate-data: Q2xpZW50Q2VydEJvZHkxMjM0NTY3OA==\n    client-key-data: S2V5Qm9keVNlY3JldDk4NzY1NDMyMQ==\n';
    const output = redact(text).text;
    expect(output).toContain('Q0EtY2VydGlmaWNhdGUtYm9keS1oZXJl');
    expect(output).not.toContain('Q2xpZW50Q2VydEJvZHkxMjM0NTY3OA==');
    expect(output).not.toContain('S2V5Qm9keVNlY3JldDk4NzY1NDMyMQ==');
  });
});

describe('a value printed under a trace line that reads a secret', () => {
  it('removes the value on the next line', () => {
    removes('+ vault kv get -field=api_token kv/ci/deployer\nRv7~pQ2!xLm9Zt\n+ echo done', 'Rv7~pQ2!xLm9Zt');
    removes('$ cat /run/secrets/smtp_password\nWq8#rT2mZ5\n', 'Wq8#rT2mZ5');
  });
  it('keeps output that is words, a path or a name, and output of commands naming no secret', () => {
    keeps('+ kubectl get secret smtp-creds -o name\nsecret/smtp-creds\n');
    keeps('+ terraform output -raw db_password\nThe output "db_password" is sensitive\n');
    keeps('+ git rev-parse --short HEAD\nA1b2C3d4E5\n');
  });
});

describe('a key named in prose', () => {
  it('removes hex and generated values after an API, app or access key named in a sentence', () => {
    removes('note: the Sentry app key for staging: 9c1e7a44b0d35f6e8a2b71c0d94e3f5a, rotate next week', '9c1e7a44b0d35f6e8a2b71c0d94e3f5a');
    removes('handover: access token Zt9!qLm2Vb7Rx4Kp for the relay', 'Zt9!qLm2Vb7Rx4Kp');
  });
  it('keeps prose about the key: its id, its rotation, an assignment describing it', () => {
    keeps('the API key id 4d1f0c2a9e8b7d6c5b4a39281706f5e4 was revoked');
    keeps('09:14 rotated API key (key_id=kid_q8w7e6r5t4y3, old key revoked)');
    keeps('API key rotation scheduled for every 90 days');
    keeps('service token for deploy-bot-2026Q4-prod');
  });
  it('removes a password holding "=" in a one-line env dump: a logfmt record is read only after a colon', () => {
    removes('env: DB_PASSWORD=tr4il=mix9 LOG_LEVEL=debug', 'tr4il=mix9');
  });
});

describe('non-secret shapes under secret-sounding keys', () => {
  it.each([
    ['a value masked in words', '{"credentials":{"accessToken":"WITHHELD_FOR_PRIVACY","expires":"2026-01-02"}}'],
    ['the name of an existing Secret (Helm)', 'redis:\n  passwordExistingSecret: redis-auth-3\n'],
    ['a logfmt record after a program named for secrets', '2026-03-01T10:00:00Z sealed-secrets: level=info msg="unsealed" name=ns/app'],
    ['a DSN without user information', 'ERROR_TRACKER_DSN=https://errors.internal/api/17/store/'],
    ['an HCL reference with an index', 'api_token = data.aws_ssm_parameter.ci.value["token"]'],
    ['a reference under a *_KEY name', 'signing_key = ${__file{/etc/app/signing.key}}'],
    ['an empty INI password', '[smtp]\nuser = relay\npassword =\nport = 587'],
    ['a URL user on its host', 'REPLICA_URL=mysql://reporting@db-7.internal:3306/sales'],
    ['a token id under a tokens/ collection', 'GET /v1/tokens/0b7c2f4e-1d3a-4e5b-9c8d-7f6a5b4c3d2e/usage 200'],
    ['a migration version', '== 20250317104512 CreateApiKeys: migrating ===='],
    ['a queue id after a syslog tag', 'Mar  1 10:00:00 mx postfix/qmgr[4021]: 0612345678: removed'],
    ['a message signature', '{"Type":"Notification","Signature":"Hq3vLm8Rt2Zx5Wp9Kb4Nc7Jd1Fs6Ga0YeUi3Oq8Xw==","SignatureVersion":"1"}'],
    ['a command that fetches the password', 'smtp_password_command = "secret-tool lookup smtp relay"'],
    ['a hash of a secret', '{"hashed_secret": "0f9e8d7c6b5a49382716f5e4d3c2b1a098765432"}'],
    ['Spring Cloud Config ciphertext', 'client-secret: "{cipher}AQB7x9Lm2Vb"'],
    ['a Vault path with a field', 'token: "{{ lookup(\'hashi_vault\', \'secret=kv/data/ci:token\') }}"'],
    ['an instruction in a WordPress define', "define( 'SECURE_AUTH_SALT', 'put your unique phrase here' );"],
    ['the name of a stored secret after --secret', 'gcloud secrets versions access latest --secret=payments-api-key --project=ops'],
    ['a namespaced script name', '{"scripts": {"token:refresh": "node refresh.mjs"}}'],
  ])('%s', (_name, text) => keeps(text));
});
