import type { DeepPartial } from './feature.js';
import type { Statement } from './citation.js';

/**
 * A statement's text as shown to people: flagged when its sources could not be verified.
 * The flag follows the text, so a streamed rendering only ever grows.
 */
export function statementText(statement: DeepPartial<Statement> & { unverified?: boolean }): string {
  return statement.unverified ? `${statement.text ?? ''} _(unverified)_` : (statement.text ?? '');
}
