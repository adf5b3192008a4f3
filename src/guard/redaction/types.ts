/**
 * The contract of the redactor: what it replaces and what it tells about it. Only counts
 * leave it, never values, so a redaction report is safe to log and to put on a metric.
 */

/** Kinds of secret and personal data the redactor replaces, in the order it looks for them. */
export const redactionTypes = [
  'private_key',
  'jwt',
  'aws_access_key',
  'aws_secret_key',
  'github_token',
  'slack_webhook',
  'slack_token',
  'stripe_key',
  'anthropic_key',
  'openai_key',
  'google_api_key',
  'api_token',
  'bearer_token',
  'url_password',
  'url_token',
  'password',
  'iban',
  'ssn',
  'uk_nino',
  'card_number',
  'email',
  'phone_number',
  'high_entropy_secret',
] as const;

export type RedactionType = (typeof redactionTypes)[number];

/** How many of one kind were replaced. */
export interface RedactionCount {
  type: RedactionType;
  count: number;
}

export interface RedactionResult {
  /** The text with each secret replaced by `[REDACTED:<type>]`. */
  text: string;
  /** One entry per type found, in {@link redactionTypes} order; empty when nothing was found. */
  redactions: RedactionCount[];
}

/** Options of {@link createRedactor}. */
export interface RedactorOptions {
  /** Types to leave in the text (e.g. `['email']` for a responder-only draft). Default: none. */
  keep?: readonly RedactionType[];
}

/** The placeholder for a type: readable, and matched by no rule, so redaction is idempotent. */
export const placeholder = (type: RedactionType): string => `[REDACTED:${type}]`;
