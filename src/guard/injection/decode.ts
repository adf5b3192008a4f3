/**
 * Finds text hidden in encodings a model reads without effort (base64, hex, URL encoding,
 * HTML entities, \u escapes, ROT13, reversed text) so the detector can screen it too.
 * Only decodings that read as text are kept: a SHA-256, a certificate or a protobuf blob
 * decodes to bytes, not words, and is dropped. Budgets keep a 5 MB log linear.
 */
import type { TextView } from './types.js';

/** A piece of text recovered from an encoding. */
export interface Decoded {
  encoding: Extract<TextView, 'base64' | 'hex' | 'url-encoding' | 'html-entities' | 'unicode-escapes' | 'rot13' | 'reversed'>;
  text: string;
}

/** Limits on decoding work per text. */
export interface DecodeBudget {
  /** Encoded runs tried per encoding (default 200). */
  maxRuns: number;
  /** Characters of decoded text kept in total (default 200,000). */
  maxDecodedLength: number;
  /** Longest text for the whole-text transforms ROT13 and reversal (default 100,000). */
  maxTransformLength: number;
}

export const defaultDecodeBudget: DecodeBudget = { maxRuns: 200, maxDecodedLength: 200_000, maxTransformLength: 100_000 };

const base64Run = /(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{16,}={0,2}(?![A-Za-z0-9+/=_-])/g;
const hexRun = /(?<![0-9A-Za-z])(?:0x)?(?:[0-9A-Fa-f]{2}){8,}(?![0-9A-Za-z])/g;
const spacedHexRun = /(?<![0-9A-Za-z])(?:[0-9A-Fa-f]{2}[ :,]){7,}[0-9A-Fa-f]{2}(?![0-9A-Za-z])/g;
const escapedHexRun = /(?:\\{1,2}x[0-9A-Fa-f]{2}){4,}/g;
const percentRun = /(?:%[0-9A-Fa-f]{2})+/g;
const entity = /&(?:#(\d{1,7})|#x([0-9A-Fa-f]{1,6})|(lt|gt|amp|quot|apos|nbsp|sol|colon|lpar|rpar|excl|period|comma));/gi;
const unicodeEscape = /\\u\{?([0-9A-Fa-f]{4,6})\}?/g;

const namedEntities: Readonly<Record<string, string>> = {
  lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ', sol: '/', colon: ':', lpar: '(', rpar: ')', excl: '!', period: '.', comma: ',',
};

/**
 * Does a decoding read as words? Mostly letters and blanks, no control characters, at
 * least two words. Binary and identifiers fail this.
 */
export function readsAsText(text: string): boolean {
  if (text.length < 8 || text.includes('\uFFFD')) return false;
  let letters = 0;
  let blanks = 0;
  let controls = 0;
  for (const character of text) {
    if (/\p{L}/u.test(character)) letters += 1;
    else if (character === ' ' || character === '\n' || character === '\t') blanks += 1;
    else if (/[\p{Cc}\p{Cn}\p{Co}]/u.test(character)) controls += 1;
  }
  const length = [...text].length;
  // CJK text has no blanks between words, so letters alone suffice for it.
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text);
  // A link or markup hides no blanks either (an image beacon decoded from hex).
  const markup = /https?:\/\/|!\[|<[a-z|]/i.test(text);
  return controls === 0 && (markup || (letters / length >= 0.6 && (blanks >= 1 || cjk) && (letters + blanks) / length >= 0.75));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeBytes(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

function fromBase64(run: string): string | null {
  const body = run.replace(/=+$/, '');
  if (body.length % 4 === 1) return null;
  // Identifiers and words also match the alphabet; real base64 of text mixes cases and digits.
  if (!/[A-Z]/.test(body) || !/[a-z]/.test(body)) return null;
  return decodeBytes(Buffer.from(body.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
}

function fromHex(run: string): string | null {
  const digits = run.replace(/^0x/i, '').replace(/\\+x|[ :,]/gi, '');
  if (digits.length % 2 !== 0) return null;
  return decodeBytes(Buffer.from(digits, 'hex'));
}

function fromPercent(run: string): string | null {
  try {
    return decodeURIComponent(run);
  } catch {
    // Invalid UTF-8 after decoding: decode byte by byte.
    return run.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  }
}

function codePoint(value: number): string {
  return value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : '';
}

/** ROT13 of the Latin letters. */
export function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (character) => {
    const base = character <= 'Z' ? 65 : 97;
    return String.fromCharCode(((character.charCodeAt(0) - base + 13) % 26) + base);
  });
}

/**
 * Every readable text hidden in `text` by one layer of encoding. The caller decodes the
 * results again for nested layers.
 */
export function decodeEmbedded(text: string, budget: DecodeBudget = defaultDecodeBudget): Decoded[] {
  const found: Decoded[] = [];
  let kept = 0;
  // Whole-text substitutions (URL, entities, escapes) keep the text around them, so only
  // decoded runs (base64, hex) must read as text on their own.
  const keep = (encoding: Decoded['encoding'], decoded: string | null, inPlace = false): void => {
    // A decoding that is itself an encoded run (base64 inside hex) is kept for the next layer.
    if (decoded === null || kept >= budget.maxDecodedLength) return;
    const layered = /^[A-Za-z0-9+/=_\s-]{16,}$/.test(decoded);
    if (!inPlace && !layered && !readsAsText(decoded)) return;
    const clipped = decoded.slice(0, budget.maxDecodedLength - kept);
    kept += clipped.length;
    found.push({ encoding, text: clipped });
  };
  const eachRun = (pattern: RegExp, visit: (run: string) => void): void => {
    let runs = 0;
    for (const match of text.matchAll(pattern)) {
      if ((runs += 1) > budget.maxRuns) break;
      visit(match[0]);
    }
  };

  eachRun(base64Run, (run) => keep('base64', fromBase64(run)));
  eachRun(hexRun, (run) => keep('hex', fromHex(run)));
  eachRun(spacedHexRun, (run) => keep('hex', fromHex(run)));
  eachRun(escapedHexRun, (run) => keep('hex', fromHex(run)));
  if (text.includes('%')) {
    let decoded = '';
    let changed = false;
    let last = 0;
    let runs = 0;
    for (const match of text.matchAll(percentRun)) {
      if ((runs += 1) > budget.maxRuns) break;
      const plain = fromPercent(match[0]);
      if (plain === null) continue;
      decoded += text.slice(last, match.index) + plain;
      last = match.index + match[0].length;
      changed = true;
    }
    if (changed) keep('url-encoding', decoded + text.slice(last), true);
  }
  if (text.includes('&')) {
    const decoded = text.replace(entity, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) =>
      decimal ? codePoint(Number(decimal)) : hex ? codePoint(Number.parseInt(hex, 16)) : (namedEntities[name!.toLowerCase()] ?? whole),
    );
    if (decoded !== text) keep('html-entities', decoded, true);
  }
  if (text.includes('\\u')) {
    const decoded = text.replace(unicodeEscape, (_, hex: string) => codePoint(Number.parseInt(hex, 16)));
    if (decoded !== text) keep('unicode-escapes', decoded, true);
  }
  if (text.length <= budget.maxTransformLength) {
    if (/[a-z]{3}/i.test(text)) found.push({ encoding: 'rot13', text: rot13(text) });
    found.push({ encoding: 'reversed', text: [...text].reverse().join('') });
  }
  return found;
}
