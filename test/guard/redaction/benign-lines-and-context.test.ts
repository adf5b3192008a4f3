/**
 * Causes found by the blind v3 measurement (issue 11), each with rows written here in other
 * words and values than v3's: benign log and config lines that redaction used to alter, and the
 * secrets, cards, phone numbers and SSNs it used to miss.
 */
import { describe, expect, it } from 'vitest';
import { redact } from '../../../src/guard/redaction/redactor.js';
import { removes } from './removes.js';
import { looksLikeRandomSecret } from '../../../src/guard/redaction/checks.js';

describe('benign lines redaction used to alter', () => {
  it.each([
    // camelCase keys that name a secret object, an id, or a schedule
    ['Kubernetes secret name, camelCase', '  tlsSecretName: ingress-cert'],
    ['Helm chart existing secret', '  existingSecret: grafana-admin-creds'],
    ['secret id in JSON', '{"SecretId": "staging/billing/api"}'],
    ['secret reference', '      secretKeyRef: { name: app-env }'],
    ['rotation schedule', 'credential_rotation_cron: "15 2 * * 1"'],
    ['secret ARN', 'api_token_secret_arn = "arn:aws:secretsmanager:us-east-2:000011112222:secret:stage/api-XyZ9"'],
    ['resource name inside an ARN', 'ResourceArn arn:aws:secretsmanager:us-east-2:000011112222:secret:stage/api-XyZ9 updated'],
    // values that point at a secret kept elsewhere
    ['shell default expansion', 'REDIS_PASSWORD=${REDIS_PASSWORD:-changeme at runtime}'],
    ['CI secret expression', 'NPM_TOKEN: ${{ secrets.NPM_PUBLISH_TOKEN }}'],
    ['environment lookup in Python', "API_SECRET = os.getenv('PAYMENTS_API_SECRET')"],
    ['environment lookup in Node', 'const token = process.env.SLACK_BOT_TOKEN;'],
    ['empty YAML key followed by a block', 'secrets:\n  grafana_password:\n    external: true'],
    ['working directory in a sudo log', 'Jan 12 03:00:01 db-2 sudo: ops : TTY=pts/3 ; PWD=/var/lib/postgresql ; USER=postgres ; COMMAND=/usr/bin/psql'],
    // prose that mentions a secret word
    ['CLI warning about an option', 'warning: passing --token on the command line exposes it in ps output'],
    ['terraform progress line', 'aws_ssm_parameter.db_password: Modifications complete after 2s'],
    ['kubelet event with a quoted volume name', 'MountVolume.SetUp failed for volume "api-creds" : secret "api-creds" not found'],
    ['password policy change', 'admin bob updated password policy: require_symbols true'],
    // emails of roles and bots, public keys, key=value tokens
    ['bot commit author', 'Co-authored-by: deps-bot <deps-bot@users.noreply.github.com>'],
    ['no-reply sender', 'From: no-reply@status.example.org'],
    ['SSH public key', 'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBKx7Qz9vY3mN2pLw8dRf ops@bastion'],
    ['settings with digits', 'max_connections=500 shared_buffers=2GB work_mem=64MB'],
    ['region setting', 'GCP_ZONE=europe-west4-b'],
    ['Vault lease path', 'renewed lease_id=aws/creds/deploy-role/Qm7TzXp2Lk'],
  ])('%s stays as it is', (_why, line) => {
    expect(redact(line).text).toBe(line);
  });
});

describe('secrets redaction used to miss', () => {
  it.each([
    ['Kubernetes env name/value pair', '- name: SMTP_PASSWORD\n  value: "plover81#QmdTe"', 'plover81#QmdTe'],
    ['name/value pair on one line', '{"name": "api_token", "value": "Wq4-r7Ztu2pLx9"}', 'Wq4-r7Ztu2pLx9'],
    ['vendor key in a Secret manifest', 'stringData:\n  MAILGUN_KEY: kestrel19%RbWoxq', 'kestrel19%RbWoxq'],
    ['camelCase vendor key', '"sendgridKey": "Hx82kLmQ4vTz"', 'Hx82kLmQ4vTz'],
    ['redis-cli -a', "redis-cli -h sessions-2 -a 'heron55!Kd0p' ping", 'heron55!Kd0p'],
    ['docker login in a Jenkins step', "sh 'docker login -u builder -p Bitt3rn!7Qa ghcr.io'", 'Bitt3rn!7Qa'],
    ['password given without "is"', 'guest network: name lab-5g, password Gannet42=tyVq', 'Gannet42=tyVq'],
    ['recovery code in prose', 'backup code Zq8RmT3vXy2P for the shared admin account', 'Zq8RmT3vXy2P'],
    ['percent-encoded signature in a URL', 'https://cdn.example.net/f.tar?exp=1765000000&signature=Hq3%2Bz9Lk%2FpV0aa81Tm', 'Hq3%2Bz9Lk%2FpV0aa81Tm'],
  ])('%s', (_kind, text, secret) => removes(text, secret));

  it('keeps settings named like keys that hold no credential', () => {
    for (const line of ['CACHE_KEY: tenant-profile', 'SSH_KEY: ~/.ssh/deploy_ed25519', 'partitionKey: customer_id', 'SORT_KEY=created_at']) {
      expect(redact(line).text).toBe(line);
    }
  });

  it('still judges each segment of a path of words', () => {
    expect(looksLikeRandomSecret('kv/data/R8vq2LmZx7TpW4nKc9Yb')).toBe(true);
    expect(looksLikeRandomSecret('database/creds/readonly/Ab12')).toBe(false);
  });
});

describe('cards, phones and SSNs written in less common ways', () => {
  it.each([
    ['13-digit Visa grouped in fours', 'card on file 4929 5710 9812 4', '4929 5710 9812 4'],
    ['13-digit Visa with dashes', 'pan=4556-0172-4530-6 exp 11/28', '4556-0172-4530-6'],
    ['19-digit card grouped in fours', 'card 6212 3456 7890 1234 569', '6212 3456 7890 1234 569'],
    ['dotted North American number with trunk 1', 'call back on 1.312.555.0175 after 6', '1.312.555.0175'],
    ['SSN under a camelCase key', 'socialSecurityNo=512603287', '512603287'],
  ])('%s', (_kind, text, secret) => removes(text, secret));

  it('leaves counters grouped in fours whose last group is short when Luhn fails', () => {
    expect(redact('batch 4929 5710 9812 6 done').text).toBe('batch 4929 5710 9812 6 done');
  });
});
