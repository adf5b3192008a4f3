/**
 * What daemons and command-line tools print (issue 11, branch redfp7): causes found by running
 * sshd, sudo/su, chpasswd, OpenSSH clients and openssl over loopback (bench/real-logs/), with lines
 * written here in the same shapes and other values. Each rule is also shown keeping what is a secret.
 */
import { describe, expect, it } from 'vitest';
import { hasUnescapedColon, isHexByteDump, isMessageAfterKey, isPamTag } from '../../../src/guard/redaction/program-messages.js';
import { redact } from '../../../src/guard/redaction/redactor.js';
import { removes } from './removes.js';

const unchanged = (text: string): void => expect(redact(text).text).toBe(text);

describe('program output the redactor leaves alone', () => {
  it.each([
    ['a prompt, then the program’s message on the same line (su)', 'Password: su: Authentication failure'],
    ['a prompt, then sudo’s message', 'Password: sudo: 3 incorrect password attempts'],
    ['a word of prose cut at its apostrophe (ssh)', "debug1: read_passphrase: can't open /dev/tty: No such device or address"],
    ['a contraction after a secret word', "passphrase: couldn't read from the agent"],
    ['PAM tag: service and management group (chpasswd)', 'Mar  3 10:12:44 web-7 chpasswd[4410]: pam_unix(chpasswd:chauthtok): password changed for deploy'],
    ['PAM tag: passwd changing a password', 'Mar  3 10:13:02 web-7 passwd[4502]: pam_unix(passwd:chauthtok): password changed for ops'],
    ['hex byte dump (openssl x509 -text modulus)', '                    a4:1c:9e:07:5b:d2:33:f8:10:6e:c4:92:7a:0d:e1:58:b9'],
    ['hex byte dump, signature value', '         3f:88:02:c1:de:47:95:ab:16:70:2e:d9:4c:b3:08:f1:6a:25'],
    ['SSH cipher named name@domain (ssh -v)', 'debug1: kex: client->server cipher: aes256-gcm@openssh.com MAC: <implicit> compression: zlib@openssh.com'],
    ['SSH extension list (ssh -v)', 'debug1: kex_input_ext_info: server-sig-algs=<ssh-ed25519,sk-ssh-ed25519@openssh.com,rsa-sha2-256>'],
    ['SSH global request in sshd’s debug line', 'Mar  3 10:14:09 bastion sshd[9120]: debug1: server_input_global_request: rtype keepalive@openssh.com want_reply 1'],
    ['a type annotation (TypeScript docs)', '  tokens: Array<number>'],
    ['a primitive type in an annotation', '  refreshToken: boolean | undefined'],
    ['a git remote after a terminal colour code', 'cloning \u001b[1mgit@gitlab.example.org:infra/deploy.git\u001b[0m'],
    ['a terminal colour code after a key named in prose', ' \u001b[32m✓\u001b[39m keeps a private key after a certificate\u001b[32m 3\u001b[2mms\u001b[22m'],
    ['OpenSSL cipher names holding PSK', 'ssl_ciphers ECDHE-PSK-AES128-CBC-SHA:PSK-AES256-GCM-SHA384:DHE-PSK-AES128-GCM-SHA256;'],
    ['a PSK identity left empty (openssl s_client)', '    PSK identity: None'],
    ['a key size in parentheses (openssl rsa -text)', 'Private-Key: (4096 bit, 2 primes)'],
    ['a Secret name after a terminal colour code', ' \u001b[22msecret: payments-db-credentials mounted; token expired'],
  ])('%s', (_name, text) => unchanged(text));
});

describe('secrets the program-message rules keep redacting', () => {
  it.each([
    ['a password typed after a prompt', 'Password: Wq8-zL2mR7vK', 'Wq8-zL2mR7vK'],
    ['a password ending in a colon without a message after it', 'password: Zt7qLm2x:', 'Zt7qLm2x'],
    ['a password holding an apostrophe-free word then words', 'db_password=Kv9Lp2Xq7Rm4 retry', 'Kv9Lp2Xq7Rm4'],
    ['a .pgpass line', 'db.internal:5432:payments:app:Lx7Rq2Vm9Kt4', 'Lx7Rq2Vm9Kt4'],
    ['a .pgpass line with an escaped colon', 'db.internal:5432:*:app:Lx7\\:Rq2Vm9', 'Rq2Vm9'],
    ['an address in an SSH debug line naming a key', 'debug1: Will attempt key: priya.natarajan@example.com ED25519 SHA256:Hx2b9Qk0v7c4L1mZ8pYt3wRn6sUe5aJd agent', 'priya.natarajan@example.com'],
    ['an address outside SSH debug output', 'login ok for priya.natarajan@example.com from 10.2.3.4', 'priya.natarajan@example.com'],
    ['an address after a terminal colour code', 'owner \u001b[1mpriya.natarajan@example.com\u001b[0m', 'priya.natarajan@example.com'],
    ['a password in a SQL statement log', "LOG:  statement: ALTER ROLE reporting PASSWORD 'Vq7-Lm2xR9tK'", 'Vq7-Lm2xR9tK'],
    ['a password after a terminal colour code', '\u001b[1mpassword: Wq8zL2mR7vK\u001b[0m', 'Wq8zL2mR7vK'],
    ['a TLS 1.3 resumption pre-shared key (openssl s_client)', '    Resumption PSK: 9B41D07E2AC35F8816E0B4A97C2D3F51E8A06B9C4D7E21F30A5B8C6D9E0F1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B', '9B41D07E2AC35F88'],
    ['a WPA pre-shared key', 'wpa_psk=Lz4-qR8mVx2T', 'Lz4-qR8mVx2T'],
    ['a TLS master secret (openssl s_client)', '    Master-Key: 7F3A9C21D0B84E56A1C3F7092B8D4E61A5C7E9F10B2D4C6E8A0B1C3D5E7F9A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6E7F8', '7F3A9C21D0B84E56'],
  ])('%s', (_name, text, secret) => removes(text, secret));
});

it('a terminal colour code after a password stays, only the password goes', () => {
  expect(redact('\u001b[1mpassword: Wq8zL2mR7vK\u001b[0m').text).toBe('\u001b[1mpassword: [REDACTED:password]\u001b[0m');
});

describe('a private key printed as text (openssl rsa|ec -text)', () => {
  const hex = (seed: number, pairs: number): string =>
    Array.from({ length: pairs }, (_, index) => ((seed * 37 + index * 53) % 256).toString(16).padStart(2, '0')).join(':');
  const rsa = [
    'Private-Key: (512 bit, 2 primes)',
    'modulus:',
    `    ${hex(1, 15)}:`,
    `    ${hex(2, 9)}`,
    'publicExponent: 65537 (0x10001)',
    'privateExponent:',
    `    ${hex(3, 15)}:`,
    `    ${hex(4, 9)}`,
    'prime1:',
    `    ${hex(5, 15)}:`,
    `    ${hex(6, 2)}`,
    'coefficient:',
    `    ${hex(7, 15)}`,
  ].join('\n');

  it('redacts every private member and keeps the public ones', () => {
    const output = redact(rsa).text;
    for (const seed of [3, 4, 5, 6, 7]) expect(output).not.toContain(hex(seed, seed === 6 ? 2 : 9));
    expect(output).toContain(hex(1, 15));
    expect(output).toContain('publicExponent: 65537 (0x10001)');
    expect(output.match(/\[REDACTED:private_key\]/g)).toHaveLength(3);
  });

  it('redacts an EC key’s priv: under the header, keeps pub:', () => {
    const ec = ['read EC key', 'Private-Key: (256 bit)', 'priv:', `    ${hex(8, 15)}:`, `    ${hex(9, 2)}`, 'pub:', `    ${hex(10, 15)}`, 'ASN1 OID: prime256v1'].join('\n');
    const output = redact(ec).text;
    expect(output).not.toContain(hex(8, 15));
    expect(output).not.toContain(hex(9, 2));
    expect(output).toContain(hex(10, 15));
  });

  it('leaves a certificate’s modulus and signature alone', () => {
    const certificate = ['        Subject Public Key Info:', '            Public Key Algorithm: rsaEncryption', '                Modulus:', `                    ${hex(11, 15)}:`, '    Signature Value:', `        ${hex(12, 18)}`].join('\n');
    expect(redact(certificate).text).toBe(certificate);
  });

  it('is idempotent', () => {
    const once = redact(rsa).text;
    expect(redact(once).text).toBe(once);
  });
});

describe('the checks alone', () => {
  it('a message after a key is a program tag and words, or a word cut at a contraction', () => {
    expect(isMessageAfterKey('su:', ' Authentication failure')).toBe(true);
    expect(isMessageAfterKey('can', "'t open /dev/tty")).toBe(true);
    expect(isMessageAfterKey('Zt7qLm2x:', '')).toBe(false);
    expect(isMessageAfterKey('hunter', "'s")).toBe(true);
    expect(isMessageAfterKey('hunter2', "'t")).toBe(false);
  });
  it('a PAM tag needs pam_<module>( before and ) after', () => {
    expect(isPamTag('chauthtok', 'sshd[1]: pam_unix(passwd:', '): password changed')).toBe(true);
    expect(isPamTag('chauthtok', 'passwd:', ' now')).toBe(false);
    expect(isPamTag('Zt7qLm2x', 'pam_unix(passwd:', ')')).toBe(false);
  });
  it('a byte dump is hex pairs joined by colons; a .pgpass password escapes its colons', () => {
    expect(isHexByteDump('    0e:16:3b:66:25')).toBe(true);
    expect(isHexByteDump('db:5432:app:user:pw')).toBe(false);
    expect(hasUnescapedColon('25:95:5d')).toBe(true);
    expect(hasUnescapedColon('Lx7\\:Rq2')).toBe(false);
  });
});
