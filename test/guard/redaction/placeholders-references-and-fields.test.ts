/**
 * Causes found by the blind v7 measurement (issue 11, branch redfp2), each with rows written here
 * in other words and values than v7's: benign lines redaction used to alter (a placeholder in
 * brackets or `YOUR_*`, a Slack webhook URL holding only placeholders, PAM's option list after
 * `password`, a file name used as a key, the key of a Secret holding a password, a key's prefix
 * setting, a Terraform reference, a class name with digits, a base64 pagination cursor, an id in a
 * run of bracketed log fields, an operation's id after its noun, an article number grouped like a
 * phone number) and a secret it used to miss (`pass <value>` in a sentence). Each rule is also
 * shown keeping what is a secret.
 */
import { describe, expect, it } from 'vitest';
import { redact } from '../../../src/guard/redaction/redactor.js';
import { removes } from './removes.js';

const unchanged = (text: string): void => expect(redact(text).text).toBe(text);

describe('benign lines redaction used to alter (v7 causes)', () => {
  it.each([
    ['bracketed placeholder a tool prints', 'INFO loader - vault_password=[PROTECTED] taken from the keychain'],
    ['bracketed placeholder of two words', 'db_pass: [NOT SHOWN] (see runbook)'],
    ['YOUR_* placeholder in a sample', 'smtp_password: YOUR_SMTP_PASSWORD_HERE'],
    ['YOUR_* placeholder in a commented netrc line', '# machine git.corp.example login YOUR_USER password YOUR_TOKEN'],
    ['Slack webhook URL with placeholder segments', 'alert_webhook: https://hooks.slack.com/services/XXXXXXXX/XXXXXXXX/XXXXXXXXXXXX'],
    ['PAM option list after password', 'password    [success=2 default=bad] pam_sss.so use_authtok'],
    ['file name used as a key in a config provider', 'sasl.jaas.config=${file:/etc/broker/passwords.properties:client}'],
    ['key of a Secret that holds the password', 'auth:\n  replicationPasswordKey: repl-pass\n  PASSWORD_KEY: db_password'],
    ['prefix and suffix settings of tokens', 'REFRESH_TOKEN_PREFIX=rt_prod_\nsession_secret_suffix: _blue'],
    ['Terraform reference to a generated password', 'master_password = random_password.rds_master.result'],
    ['Terraform variable and module output', 'admin_password = var.admin_password\npassword = module.db.generated_password'],
    ['class name with a versioned word', "HASHERS = ['app.auth.Pbkdf2Sha1PasswordHasher']"],
    ['class name alone with a versioned word', 'class Argon2idKeyDerivation loaded; using com.example.crypto.Blake2bPasswordEncoder'],
    ['base64 pagination cursor in a log', 'DEBUG fetch page next_cursor=eyJwb3MiOjEyMDAsImNvdW50IjoyNSwiZGVzYyI6ZmFsc2V9 more=1'],
    ['node id in a run of bracketed fields', '[o.e.i.r.RecoverySourceHandler] [es-hot-1] recovery of [logs-2026.12.01][0] from [Hq7Lp2Xv9Rm4Tk8Zw1Nc3B][es-hot-1]'],
    ['node id in a run of braced fields', 'joined {es-warm-3}{Tz5Kq1Wm8Rb3Xn7Lc2Vp9H}{10.4.1.7} to the cluster'],
    ['upload id after its noun', 'archive upload Pq4Xz8Lm2Rt6Vn0Bk3Hc7Wj9Yd1 finished in 41s'],
    ['execution id after its noun', 'workflow execution Tz5Kq1Wm8Rb3Xn7Lc2Vp9Hd4 succeeded'],
    ['part number grouped like a phone number', 'part no. 0800-2231-45 back-ordered, ETA Friday'],
    ['serial number grouped like a phone number', 'replaced PSU, serial 0207-9461-33'],
  ])('%s', (_name, text) => unchanged(text));
});

describe('what the same rules keep redacting', () => {
  it('a bracketed value holding digits is a password', () => removes('db_pass=[x7Kq29!mZ]', 'x7Kq29!mZ'));
  it('a Slack webhook with real segments', () =>
    removes('alert_webhook: https://hooks.slack.com/services/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', 'q8Wm2Zt5Rk9Lx1Vn7Bc4Hp6J'));
  it('a password that is dotted words, not a reference', () => removes('password = blue.kite.harbor', 'blue.kite.harbor'));
  it('an API key and a signing key stay secrets', () => removes('API_KEY=Zq8Wm2Xt5Rk9Lx1Vn7Bc\nSIGNING_KEY=Hq7Lp2Xv9Rm4Tk8Zw1Nc', 'Zq8Wm2Xt5Rk9Lx1Vn7Bc', 'Hq7Lp2Xv9Rm4Tk8Zw1Nc'));
  it('a bracketed token alone is not a field of a run', () => removes('token [Zq8Wm2Xt5Rk9Lx1Vn7Bc4Hp6J] accepted', 'Zq8Wm2Xt5Rk9Lx1Vn7Bc4Hp6J'));
  it('a token after "upload token" is a credential', () => removes('upload token Pq4Xz8Lm2Rt6Vn0Bk3Hc7Wj9Yd1 issued', 'Pq4Xz8Lm2Rt6Vn0Bk3Hc7Wj9Yd1'));
  it('a number with a phone word is a phone number', () => removes('on-call phone 0800-2231-457, ask for ops', '2231'));
});

describe('secrets redaction used to miss (v7 causes)', () => {
  it('pass and a generated value in a sentence', () => removes('vpn login for tonight: user ops_oncall / pass Wq7#Tide2Lamp', 'Wq7#Tide2Lamp'));
  it('pass with a value after a comma', () => removes('shared box, user admin, pass Mx4vTq9Lz2, rotate after', 'Mx4vTq9Lz2'));
  it('pass in ordinary prose is left alone', () => unchanged('all builds pass on main since 09:10; bypass ticket closed'));
});
