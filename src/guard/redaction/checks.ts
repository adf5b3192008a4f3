/**
 * The checks that tell a secret from a look-alike once a pattern has matched: Luhn for card
 * numbers, Shannon entropy and character mix for unlabelled tokens, and what a base64 token decodes to.
 */
import { isMarker } from '../injection/spotlight.js';

/** Luhn checksum over a string of digits. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index -= 1) {
    let digit = digits.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return false;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const character of text) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const share = count / text.length;
    bits -= share * Math.log2(share);
  }
  return bits;
}

type CharacterClass = 'upper' | 'lower' | 'digit' | 'symbol';
const classOf = (character: string): CharacterClass =>
  character >= 'A' && character <= 'Z' ? 'upper' : character >= 'a' && character <= 'z' ? 'lower' : character >= '0' && character <= '9' ? 'digit' : 'symbol';

/**
 * Base64 of a small JSON object holding only numbers, booleans and nulls (`eyJwYWdlIjoyfQ==`,
 * `{"page":2}`): APIs hand these out as pagination cursors; they carry a position, not a
 * credential. A JWT has dots and is not one token here; a JSON object with a string is kept.
 */
function isPlainJsonCursor(token: string): boolean {
  if (!token.startsWith('eyJ') || token.length > 512) return false;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
  } catch {
    return false;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const members = Object.values(value);
  return members.length > 0 && members.every((member) => member === null || typeof member === 'number' || typeof member === 'boolean');
}

/**
 * Entropy a random token of this length reaches. A short string cannot score high (20
 * distinct characters at most give log2(20) = 4.3 bits), so the bar rises with length:
 * 3.6 bits at 20 characters, 4.0 at 30, 4.4 at 40, at most 4.5.
 */
export const entropyThreshold = (length: number): number => Math.min(4.5, 2.8 + 0.04 * length);

/**
 * Whether an unlabelled token of base64/base62 characters is a random secret.
 *
 * Decisions (see docs/decisions/2026-11-28-injection-detector.md, "Redaction"):
 * - Pure hex is never a secret here: git SHAs, digests, trace and span ids, UUIDs and
 *   request ids are all hex and fill incident logs; hex secrets are caught by their label
 *   (`token=`, `secret:`) instead.
 * - A secret mixes upper case, lower case and digits and switches between those classes often
 *   (random text switches on about 60% of characters, CamelCase and kebab-case names on 15%).
 * - Paths, dotted or dashed names whose parts are lower-case words, numbers or CamelCase words
 *   (Kubernetes pod names, hostnames, package names, thread names) and SRI hashes (`sha512-...`)
 *   are not secrets.
 */
export function looksLikeRandomSecret(raw: string): boolean {
  const token = raw.replace(/=+$/, '');
  if (token.length < 20 || token.length > 4096) return false;
  // The prompt's own spotlight fence markers (random per request, redacted after the prompt is
  // built): redacting them would break the fence. Nothing but createMarker makes this shape.
  if (isMarker(token)) return false;
  if (/^[0-9a-f-]+$/i.test(token)) return false;
  // A type prefix and hex is an id too: AWS unique ids (`AROA` + hex), `ch_3889…`, `evt_…`.
  if (/^(?:[A-Z]{2,5}|[a-z]{2,5}_)[0-9a-f]{12,}$/.test(token)) return false;
  if (/^sha(?:1|224|256|384|512)-/i.test(token)) return false;
  if (isPlainJsonCursor(raw)) return false;
  // A whole token of three or more CamelCase words, a word possibly versioned (`Argon2PasswordHasher`,
  // `Blake2bKeyEncoder`), is a class name; random text never is.
  if (/^(?:[A-Z][a-z]{2,}(?:\d{1,4}[a-z]{0,2})?){3,}$/.test(token)) return false;
  const parts = token.split(/[-_./+]/).filter((part) => part.length > 0);
  // A part may be CamelCase words (`ForkPoolWorker`, `INFO/MainProcess`, `Argon2PasswordHasher`): a class or thread name.
  if (parts.length >= 2 && parts.every((part) => /^(?:[a-z0-9]+|[A-Z0-9]+|[A-Z][a-z0-9]+|(?:[A-Z][a-z]{2,}\d{0,4}){2,})$/.test(part) && !/^(?=.*[a-z])(?=.*\d)[a-z\d]{12,}$/.test(part))) return false;
  if (token.startsWith('/') || ((token.match(/\//g)?.length ?? 0) >= 2 && !/[A-Z]/.test(token))) return false;
  // A path of words (`database/creds/readonly/5Jh2kXqM9r`, a Vault lease id) is judged by its segments.
  const segments = token.split('/');
  if (segments.filter((segment) => /^[a-z][a-z-]{2,}$/.test(segment)).length >= 2) return segments.some((segment) => looksLikeRandomSecret(segment));
  const classes = new Set<CharacterClass>();
  let switches = 0;
  let previous: CharacterClass | null = null;
  for (const character of token) {
    const current = classOf(character);
    classes.add(current);
    if (previous !== null && current !== previous) switches += 1;
    previous = current;
  }
  if (!classes.has('digit') || !classes.has('upper') || !classes.has('lower')) return false;
  if (switches / (token.length - 1) < 0.3) return false;
  return shannonEntropy(token) >= entropyThreshold(token.length);
}

/** What a base64 token decodes to: see {@link readBase64}. */
export type Base64Reading = 'credential' | 'text' | 'opaque';

/** Words that name a credential inside decoded text (`{"auths":…"auth":…}`, `db_password=…`, a PEM header). */
const credentialInText = /pass|secret|token|auth|key|cred|private|BEGIN/i;

/**
 * What a base64 (or base64url) token decodes to, one reading for every rule (branch redfp5 joined
 * evidence.ts's `decodesToCredential` and log-shapes.ts's `decodesToText`, which disagreed on
 * base64url, line breaks and the words that name a credential):
 *
 * - `credential`: printable text that is a `user:password` pair (a Basic or Docker `auth`) or names
 *   a credential;
 * - `text`: printable text of 12 or more characters naming none, JSON or words (a page cursor, a
 *   message body): an encoding, not a secret;
 * - `opaque`: bytes, or too short to say: the token is judged by its shape and what surrounds it.
 */
export function readBase64(token: string): Base64Reading {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(token) || token.replace(/=+$/, '').length % 4 === 1) return 'opaque';
  const decoded = Buffer.from(token, 'base64').toString('latin1');
  let printable = 0;
  for (let index = 0; index < decoded.length; index += 1) {
    const code = decoded.charCodeAt(index);
    if ((code >= 32 && code < 127) || code === 9 || code === 10 || code === 13) printable += 1;
  }
  // The last byte of unpadded base64 may be cut: allow one byte that is not text.
  if (decoded.length === 0 || printable < decoded.length - 1) return 'opaque';
  const trimmed = decoded.trim();
  // A user name is a name: `{"offset":40,…}` has the pair's shape but opens JSON.
  if (/^[\w.@+-]{1,64}:\S{4,}$/.test(trimmed) || credentialInText.test(decoded)) return 'credential';
  if (decoded.length < 12) return 'opaque';
  return /^\s*[[{]/.test(decoded) || /[A-Za-z]{2,} [A-Za-z]{2,}/.test(decoded) ? 'text' : 'opaque';
}
