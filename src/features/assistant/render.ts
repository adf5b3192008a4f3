import type { Statement } from '../common/citation.js';
import type { DeepPartial } from '../common/feature.js';
import { statementText } from '../common/statement-text.js';
import type { AssistantOutput } from './output-schema.js';

type PartialStatement = DeepPartial<Statement> & { unverified?: boolean };

/** Label of the sentence saying what the incident data does not hold. */
export const missingLabel = '**Not in the incident data:**';

/**
 * Markdown of an answer: one paragraph per statement, then what the data does not say.
 * Works on partial output while streaming: markup stays at line starts so that a growing
 * field only ever extends the text (see progressive-renderer).
 */
export function renderAssistantAnswer(output: DeepPartial<AssistantOutput>): string {
  const lines: string[] = [];
  const statements = ((output.statements ?? []) as (PartialStatement | undefined)[]).filter(
    (statement): statement is PartialStatement & { text: string } => Boolean(statement?.text),
  );
  for (const statement of statements) lines.push(statementText(statement), '');
  if (output.answered !== true && typeof output.missing === 'string' && output.missing.length > 0) {
    lines.push(`${missingLabel} ${output.missing}`, '');
  }
  return lines.join('\n');
}
