/**
 * Redaction of secrets and personal data: `redact(text) => { text, redactions }`.
 * See redactor.ts for the contract and rules.ts for what is found and how.
 */
export { createRedactor, redact, type Redactor } from './redactor.js';
export { looksLikeRandomSecret, passesLuhn, shannonEntropy } from './checks.js';
export { placeholder, redactionTypes, type RedactionCount, type RedactionResult, type RedactionType, type RedactorOptions } from './types.js';
