/**
 * The redactor: replaces secrets and personal data with readable placeholders before any
 * text reaches a provider, a log or a stored prompt.
 *
 * ```ts
 * const { text, redactions } = redact('postgres://app:s3cr3t@db:5432/payments');
 * // text: 'postgres://app:[REDACTED:url_password]@db:5432/payments'
 * // redactions: [{ type: 'url_password', count: 1 }]
 * ```
 *
 * Pure, synchronous and linear in the text's length; `redact(redact(x).text).text` equals
 * `redact(x).text`.
 */
import { redactionRules } from './rules.js';
import { redactionTypes, type RedactionResult, type RedactionType, type RedactorOptions } from './types.js';

/** A configured redactor. */
export type Redactor = (text: string) => RedactionResult;

/** Creates a redactor; without options it replaces every type in {@link redactionTypes}. */
export function createRedactor(options: RedactorOptions = {}): Redactor {
  const kept = new Set<RedactionType>(options.keep ?? []);
  const rules = redactionRules.filter((rule) => !kept.has(rule.type));
  return (text) => {
    const counts = new Map<RedactionType, number>();
    let result = text;
    for (const rule of rules) {
      result = rule.apply(result, () => counts.set(rule.type, (counts.get(rule.type) ?? 0) + 1));
    }
    return {
      text: result,
      redactions: redactionTypes.filter((type) => counts.has(type)).map((type) => ({ type, count: counts.get(type)! })),
    };
  };
}

/** Redacts every supported type: {@link createRedactor} with the defaults. */
export const redact: Redactor = createRedactor();
