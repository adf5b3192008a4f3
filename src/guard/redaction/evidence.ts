/**
 * Evidence for a bare random-looking token (issue 11, branch redfp4). The `high_entropy_secret`
 * rule runs last: every credential position (URL userinfo, Authorization/Cookie headers, `-p` and
 * `--password` flags, PEM blocks, `.netrc`/`.pgpass` fields, secret-naming keys) and every vendor
 * format (AKIA, ghp_, xox*, sk-, glpat-, JWTs, ...) has been judged by the rules before it. What
 * reaches this rule is a token whose only sign of being a secret is that it looks random. Request
 * ids, trace ids, job ids, thread names, CSP nonces, pod names and event ids look just as random, so
 * randomness alone is not evidence: the token is redacted only when
 *
 * - words naming a credential stand just before it on its line (`"auth": "…"`, `key = …`,
 *   `vault login …`, `X-Internal-Auth: …`, `signing value …`, `embed?key=…`);
 * - it stands alone on its line (a value pasted by itself, nothing says what it is);
 * - it follows `user:` and a modular-crypt prefix (an htpasswd or shadow line);
 * - it is base64 of a `user:password` pair or of text naming a credential (a Docker `auth`, a JSON config);
 * - it is a private member of a JSON Web Key (`"d"`, `"p"`, `"q"`, `"dp"`, `"dq"`, `"qi"`, `"k"`).
 *
 * The trade: a random token in log or prose text with none of these (`connect failed with Zk9x…`)
 * is kept; see docs/threat-model.md.
 */

import { readBase64 } from './checks.js';

/** Words that name a credential, read in the text just before the token on its line. */
// A word that is a label of a dotted name (`auth.example.org`, Kafka topic `auth.dlq`, `session.py`)
// names a host, a topic or a file, not a credential: the word must not be followed by `.` and a letter.
const credentialWords =
  /(?:pass|pwd|secret|token|auth|key|login|bearer|basic|signing|cookie|session|cred|private|requirepass)(?![A-Za-z0-9_-]*\.[A-Za-z])[^\n]{0,24}$|[?&;]code=$|hooks\/(?:[^\s/]{1,40}\/)?$/i;
/** How many characters before the token are read for credential words. */
const lookBehind = 48;
/** A private member of a JSON Web Key, read when the text holds a `kty`. */
const jwkPrivateMember = /"(?:d|p|q|dp|dq|qi|k)"\s*:\s*"$/;

/** The text on the token's line before it, at most {@link lookBehind} characters. */
function lineBefore(match: RegExpExecArray): string {
  const lineStart = match.input.lastIndexOf('\n', match.index - 1) + 1;
  const line = match.input.slice(Math.max(lineStart, match.index - 4 * lookBehind), match.index);
  // A placeholder left by an earlier rule, and a token long enough to be replaced by one, read as
  // one space, whole, before the window is cut: the window is then the same before and after a
  // redaction, which keeps `redact` idempotent.
  return line.replace(/\[REDACTED:[a-z_]+\]|[A-Za-z0-9+/_-]{20,}={0,2}/g, ' ').slice(-lookBehind);
}

/** The rest of the token's line after it. */
function lineAfter(match: RegExpExecArray, token: string): string {
  const rest = match.input.slice(match.index + token.length);
  const end = rest.indexOf('\n');
  return end === -1 ? rest : rest.slice(0, end);
}

/** True when the token stands alone on its line, quotes, commas and blanks aside. */
function standsAlone(match: RegExpExecArray, token: string): boolean {
  const lineStart = match.input.lastIndexOf('\n', match.index - 1) + 1;
  return /^[\s"'`]*$/.test(match.input.slice(lineStart, match.index)) && /^[\s"'`,;]*$/.test(lineAfter(match, token));
}

/** True when something around a random-looking token says it is a credential. */
export function hasSecretEvidence(token: string, match: RegExpExecArray): boolean {
  const before = lineBefore(match);
  if (credentialWords.test(before) || /hooks\//.test(token) || standsAlone(match, token) || readBase64(token) === 'credential') return true;
  if (/(?:^|[\s:])[\w.-]+:\$[0-9a-z]{1,6}\$\S*$/i.test(match.input.slice(Math.max(0, match.index - 4 * lookBehind), match.index))) return true;
  return jwkPrivateMember.test(before) && /"kty"\s*:/.test(match.input);
}
