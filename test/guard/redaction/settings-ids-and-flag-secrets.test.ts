/**
 * Causes found by the blind v5 measurement (issue 11), each with rows written here in other
 * words and values than v5's: benign config and log lines redaction used to alter (a setting or
 * a version under a secret-named key, digests, ids, IAM actions, committed ciphertext, masked
 * values, paths, prose after a key), secrets it used to miss (flags naming a secret, values
 * piped into `--password-stdin`), NINOs quoted in payroll lines, and account-number groups read
 * as a phone number.
 */
import { describe, expect, it } from 'vitest';
import { redact } from '../../../src/guard/redaction/redactor.js';
import { removes } from './removes.js';

describe('benign lines redaction used to alter', () => {
  it.each([
    // a setting, not a secret, under a key naming one
    ['hashing algorithm', 'PASSWORD_HASHING = pbkdf2_sha256'],
    ['token encryption cipher', 'session_token_encryption = aes-256-gcm'],
    ['hashing of client secrets', 'client_secret_hashing: bcrypt'],
    ['package version under a package named like a token', '    "oauth-token-refresher": "^2.14.0",'],
    ['version of a token library', 'token-cache = 2.3.1'],
    // digests, ids, actions and ciphertext
    ['Helm checksum annotation of a credentials file', '    checksum/credentials: 0c4f1e5b9a7d3b8e2f6a1c9d4e7b0a3f5c8d2e6b9f1a4c7d0e3b6a9c2f5e8d1b'],
    ['Go module sum', 'golang.org/x/crypto v0.31.0 h1:ZmFrZXN1bVZhbHVlRm9yVGVzdGluZ09ubHkx='],
    ['AWS role unique id in a caller identity', '"UserId": "AIDA5f0e2b7c9d14a6b3e8:deployer"'],
    ['payment provider request id', 'WARN adyen refused (reason=expired_card) psp_ref=8815 request_id=req_Tm9wZVRoaXNJc0Fu'],
    ['trace id with a random-looking value', 'span ended trace_id=Zx8Rq2Lm9Vt4Kp7Wn3Yb status=OK'],
    ['IAM action on the token service', '"Action": ["kms:Decrypt", "ssm:GetParameter", "secretsmanager:DescribeSecret"]'],
    ['SealedSecret ciphertext', 'kind: SealedSecret\nspec:\n  encryptedData:\n    api_token: AgCq9ZTr7sKx2LmWv5Nb8Pq3Yd6Fh1Jk4Mn7Rs0Tv'],
    ['SOPS-encrypted value', 'db_password: ENC[AES256_GCM,data:p8Yk2w==,iv:Zq1m,tag:Lr4x,type:str]'],
    // masked, placeholder and path values
    ['masked token in a CLI status', '  - Token: glpat-*********************'],
    ['Terraform sensitive placeholder', '      + client_secret = (sensitive value)'],
    ['systemd credential loaded from a file', 'LoadCredential=smtp-token:/run/credstore/smtp-token'],
    // references and placeholders: YAML tags, filtered log parameters, keywords
    ['Ansible vault tag', 'smtp_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  3431623236356232'],
    ['CloudFormation reference', '      ApiToken: !Ref SlackTokenParameter'],
    ['Rails filtered parameter', 'Parameters: {"session"=>{"login"=>"ops", "password"=>"[FILTERED]"}}'],
    ['reusable workflow inheriting secrets', '    secrets: inherit'],
    ['placeholder to replace', 'PAGERDUTY_TOKEN=CHANGE_ME'],
    ['git credential helper', 'git config --global credential.helper cache && credential.helper=cache'],
    ['JWKS key id', 'jwks refresh ok kid=Pq7Lm2Zx9Vt4Kr8Wn3Yb'],
    ['API key id (not the key)', 'audit: revoked apiKeyId=ak_Wq3Zt8Lp2Mx7Rv4Kn9Yd by admin'],
    ['OAuth state in a callback log', 'callback received code=*** state=Hy6Tp2Lq9Zx4Wm8Rv3Nc'],
    ['date after a password word', 'password: 2027-01-31 (next rotation)'],
    // prose after a key, and a time after a job's name
    ['log line after a secret-named logger', 'INFO secrets: loaded 7 secrets for tenant acme'],
    ['job duration after its name', 'job "reset-admin-password" finished in 01:12:09 with status ok'],
  ])('%s stays as it is', (_why, line) => {
    expect(redact(line).text).toBe(line);
  });
});

describe('secrets redaction used to miss', () => {
  it.each([
    ['flag with a prefix word, in a JSON argument list', 'args: ["valkey-server", "--masterauth", "Tern7&wQzLp4"]', 'Tern7&wQzLp4'],
    ['single-dash Go-style flag', './migrate -source file://db -admin_password Plover!88aXy -verbose', 'Plover!88aXy'],
    ['flag ending in "token", value after a blank', 'agent --enroll-token Kd9vR2xq7TmW4 --insecure', 'Kd9vR2xq7TmW4'],
    ['value piped into a registry login', 'printf "Gull42#beta" | podman login quay.io -u robot --password-stdin', 'Gull42#beta'],
  ])('%s', (_kind, text, secret) => removes(text, secret));

  it('still redacts a random session id and an AppRole secret id', () => {
    removes('session_id=Mv4Rq8Zt2Lp7Xw3Kn9Yb logged out', 'Mv4Rq8Zt2Lp7Xw3Kn9Yb');
    removes('secret_id=Bn7Yq2Wx8Lt4Zp9Rm3Kc role_id=app', 'Bn7Yq2Wx8Lt4Zp9Rm3Kc');
  });

  it('keeps a flag without a value and a piped variable', () => {
    for (const line of ['echo "$REG_PASS" | helm registry login ghcr.io --password-stdin', 'docker login --password-stdin < token.txt']) {
      expect(redact(line).text).toBe(line);
    }
  });
});

describe('NINOs in payroll lines, account numbers that are not phones', () => {
  it.each([
    ['after "ref" in a payroll line', 'PAYE ref JT482913C mismatch, raised with HMRC', 'JT482913C'],
    ['after "id" in an HR export', 'id PW305518A; leaver processed by payroll', 'PW305518A'],
  ])('%s', (_kind, text, secret) => removes(text, secret));

  it('leaves an invalid IBAN whole', () => {
    const line = 'rejected IBAN NL47 0201 5345 6789 (checksum)';
    expect(redact(line).text).toBe(line);
  });

  it('still redacts a phone number after words', () => {
    removes('call 0201 5345 6789 about the refund', '0201 5345 6789');
  });
});

describe('ciphertext context ends with its YAML document', () => {
  it('redacts a plain Secret after a SealedSecret', () => {
    removes('kind: SealedSecret\nspec:\n  encryptedData:\n    token: AgB7x\n---\nkind: Secret\nstringData:\n  api_token: Wr8qZ2mKx5Tn', 'Wr8qZ2mKx5Tn');
  });
});
