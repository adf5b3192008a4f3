/**
 * Redaction that survives the per-request random tokens of a prompt. Every prompt carries a
 * spotlight marker and a canary that are random per request (guard/injection/spotlight.ts), so
 * the same incident's prompt is a new text each time and a memo of `redact` never hits. Here
 * those tokens are swapped for fixed ones of the same shape and length before the (memoized)
 * redaction, and swapped back after; when the redaction touched a placeholder, the real text
 * is redacted instead, so the result is always what redacting the real text gives.
 */
import type { RedactionResult } from './types.js';

/** Spotlight markers and canaries, as createMarker and createCanary make them. */
const requestToken = /UNTRUSTED_[0-9a-f]{16}|canary-[0-9a-f]{24}/g;
const markerPlaceholder = `UNTRUSTED_${'0'.repeat(16)}`;
const canaryPlaceholder = `canary-${'0'.repeat(24)}`;

/** `redact` (pure; usually memoized) applied so that the per-request tokens do not defeat its memo. */
export function redactAroundRequestTokens(text: string, redact: (text: string) => RedactionResult): RedactionResult {
  const tokens: string[] = [];
  const stable = text.replace(requestToken, (token) => {
    tokens.push(token);
    return token.startsWith('U') ? markerPlaceholder : canaryPlaceholder;
  });
  if (tokens.length === 0) return redact(text);
  const redacted = redact(stable);
  // Nothing redacted (the usual prompt): the placeholders are intact and the text is the caller's.
  if (redacted.text === stable) return { text, redactions: redacted.redactions };
  // Every placeholder must come out untouched and in order, or the real text is redacted.
  let index = 0;
  let intact = true;
  const restored = redacted.text.replace(requestToken, (placeholder) => {
    const token = tokens[index];
    index += 1;
    if (token === undefined || placeholder !== (token.startsWith('U') ? markerPlaceholder : canaryPlaceholder)) intact = false;
    return token ?? placeholder;
  });
  if (!intact || index !== tokens.length) return redact(text);
  return { text: restored, redactions: redacted.redactions };
}
