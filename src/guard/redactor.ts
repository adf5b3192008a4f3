/**
 * Redaction of secrets and personal data before any text reaches a provider. Placeholders
 * keep the text readable (`[REDACTED:aws_access_key]`); only counts leave this module,
 * never values. Every pattern is linear (no nested quantifiers), so 50,000-line logs are safe.
 */

export type RedactionType =
  | 'private_key'
  | 'jwt'
  | 'aws_access_key'
  | 'aws_secret_key'
  | 'github_token'
  | 'slack_token'
  | 'slack_webhook'
  | 'stripe_key'
  | 'openai_key'
  | 'url_password'
  | 'password'
  | 'email'
  | 'card_number'
  | 'phone_number'
  | 'high_entropy_secret';

export interface RedactionResult {
  text: string;
  redactions: { type: RedactionType; count: number }[];
}

interface Rule {
  type: RedactionType;
  pattern: RegExp;
  /** Index of the capture group holding the secret; 0 replaces the whole match. */
  group?: number;
  accept?: (secret: string) => boolean;
}

const placeholder = (type: RedactionType): string => `[REDACTED:${type}]`;

function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index -= 1) {
    let digit = digits.charCodeAt(index) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

// Hex-only strings are hashes and ids (git SHAs, digests) far more often than secrets, and
// UUIDs are identifiers: neither is treated as a high-entropy secret.
const looksLikeIdentifier = (token: string): boolean => /^[0-9a-f]+$/i.test(token) || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(token);

const rules: Rule[] = [
  { type: 'private_key', pattern: /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[\s\S]{1,16384}?-----END [A-Z ]{0,40}PRIVATE KEY-----/g },
  { type: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { type: 'aws_access_key', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g },
  { type: 'aws_secret_key', pattern: /(aws_?secret_?access_?key|aws_?secret|secret_?access_?key)(["']?\s{0,3}[:=]\s{0,3}["']?)([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi, group: 3 },
  { type: 'github_token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g },
  { type: 'slack_webhook', pattern: /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]{20,}/g },
  { type: 'slack_token', pattern: /\bxox[abposre]-[A-Za-z0-9-]{10,}/g },
  { type: 'stripe_key', pattern: /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}\b/g },
  { type: 'openai_key', pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g },
  { type: 'url_password', pattern: /\b([a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/]{1,64}:)([^\s@/]{1,128})(@)/gi, group: 2 },
  {
    type: 'password',
    pattern: /\b(password|passwd|pwd|secret|api[_-]?key|access[_-]?token|auth[_-]?token|client[_-]?secret)(["']?\s{0,3}[:=]\s{0,3}["']?)([^\s"',;}{]{4,200})/gi,
    group: 3,
    accept: (secret) => !secret.startsWith('[REDACTED:'),
  },
  { type: 'email', pattern: /\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b/g },
  { type: 'card_number', pattern: /\b\d(?:[ -]?\d){12,18}\b/g, accept: (match) => luhn(match.replace(/[ -]/g, '')) },
  { type: 'phone_number', pattern: /(?<![\w.+-])(?:\+\d{1,3}[ .-]?)?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?![\w.-])|(?<![\w.+])\+\d{9,15}(?!\w)/g },
  {
    type: 'high_entropy_secret',
    pattern: /(?<![A-Za-z0-9+/_=-])[A-Za-z0-9+/_=-]{32,256}(?![A-Za-z0-9+/_=-])/g,
    accept: (token) => !looksLikeIdentifier(token) && /[a-z]/.test(token) && /[A-Z]/.test(token) && /\d/.test(token) && entropy(token) > 4.2,
  },
];

/** Replaces every secret and personal datum found with a typed placeholder. */
export function redact(text: string): RedactionResult {
  const counts = new Map<RedactionType, number>();
  let result = text;
  for (const rule of rules) {
    result = result.replace(rule.pattern, (match: string, ...groups: unknown[]) => {
      const secret = rule.group ? String(groups[rule.group - 1] ?? '') : match;
      if (rule.accept && !rule.accept(secret)) return match;
      counts.set(rule.type, (counts.get(rule.type) ?? 0) + 1);
      if (!rule.group) return placeholder(rule.type);
      const parts = groups.slice(0, countGroups(rule.pattern)).map(String);
      parts[rule.group - 1] = placeholder(rule.type);
      return parts.join('');
    });
  }
  return { text: result, redactions: [...counts].map(([type, count]) => ({ type, count })) };
}

const groupCounts = new Map<RegExp, number>();
function countGroups(pattern: RegExp): number {
  let count = groupCounts.get(pattern);
  if (count === undefined) {
    count = new RegExp(`${pattern.source}|`).exec('')!.length - 1;
    groupCounts.set(pattern, count);
  }
  return count;
}
