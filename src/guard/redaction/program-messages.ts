/**
 * Shapes of what daemons and command-line tools print that read like a credential or an address
 * without being one (issue 11, branch redfp7, found by running sshd, sudo/su, chpasswd, OpenSSH
 * clients and openssl over loopback: bench/real-logs/). Each check is about what the program's text
 * means, not about one program's strings:
 *
 * - a prompt and the program's next message sharing a line (`Password: su: Authentication failure`),
 *   a word of prose cut at its apostrophe (`read_passphrase: can't open /dev/tty`), or a
 *   parenthetical (`Private-Key: (2048 bit, 2 primes)`);
 * - PAM's `pam_<module>(<service>:<group>)` tag, which names a service and a management group;
 * - a dump of bytes as colon-separated hex pairs (openssl's modulus and signature lines), which a
 *   `.pgpass` line cannot be: there a `:` inside the password is escaped as `\:`;
 * - SSH protocol names (`chacha20-poly1305@openssh.com`): RFC 4251 §6 names local algorithms and
 *   extensions `name@domain`, and OpenSSH's debug lines print them where no person is named.
 */

/** An apostrophe and the end of an English contraction (`can't`, `it's`, `we'll`): the value was a word of prose. */
const contractionThenWords = /^'(?:t|s|re|ll|ve|d|m)\b/i;

/**
 * Whether a value after a secret-named key is the start of a message: a word cut at a contraction's
 * apostrophe, or a lower-case program name and a colon followed by more words (a prompt the program
 * printed, then its own message on the same line).
 */
export function isMessageAfterKey(value: string, after: string): boolean {
  if (/^[A-Za-z]+$/.test(value) && contractionThenWords.test(after)) return true;
  // `Private-Key: (2048 bit, 2 primes)`: a parenthesis opened by the value closes after words on the line.
  if (/^\([^)]{0,30}$/.test(value) && /^ +[A-Za-z0-9][^)\n]{0,60}\)/.test(after)) return true;
  return /^[a-z][a-z0-9_-]{0,30}:$/.test(value) && /^ +(?:\d+ )?[A-Za-z][a-z]+\b/.test(after);
}

/** PAM management groups a module is called for (pam(3)): `auth`, `account`, `session`, `password`, and `chauthtok` in the log tag. */
const pamGroup = /^(?:auth|account|session|password|chauthtok|setcred|open_session|close_session)$/;

/** Whether a value sits in PAM's log tag `pam_unix(chpasswd:chauthtok)`: a service name and a management group. */
export function isPamTag(value: string, before: string, after: string): boolean {
  return pamGroup.test(value) && after.startsWith(')') && /\bpam_[a-z0-9_]+\([a-z0-9_.-]*:$/i.test(before);
}

/** A line of bytes as colon-separated hex pairs (`0e:16:3b:66:25:…`), as openssl and key tools print them. */
export const isHexByteDump = (line: string): boolean => /^\s*[0-9a-f]{2}(?::[0-9a-f]{2}){3,}:?\s*$/i.test(line);

/** Whether a `.pgpass` password field holds an unescaped `:` (PostgreSQL escapes it as `\:`): then it is no password field. */
export const hasUnescapedColon = (value: string): boolean => /(?:^|[^\\])(?:\\\\)*:/.test(value);

/** OpenSSH's debug line prefix (`debug1: `, also after a syslog tag `sshd[42]: debug3: `). */
const sshDebugLine = /(?:^|\s)debug[1-3]: /;
/** A key's comment shown by the client (`Offering public key: jane@example.com ED25519 …`) is the owner's address. */
const keyComment = /\bkey:\s+$|\bcomment\s*[:=]?\s*["']?$/i;

/** Whether an address-shaped token in an OpenSSH debug line is a protocol name (`keepalive@openssh.com`), not a mailbox. */
export function isSshProtocolName(match: RegExpExecArray): boolean {
  const lineStart = match.input.lastIndexOf('\n', match.index) + 1;
  const before = match.input.slice(lineStart, match.index);
  return sshDebugLine.test(before) && !keyComment.test(before);
}
