import type { DeepPartial } from '../../../src/features/common/feature.js';
import { statementText } from '../../../src/features/common/statement-text.js';
import type { ToyOutput } from './output-schema.js';

/** Markdown of a (partial) toy output; markup only at line starts. */
export function renderToy(output: DeepPartial<ToyOutput>): string {
  const lines: string[] = [];
  if (output.headline) lines.push(`## ${output.headline}`, '');
  for (const fact of output.facts ?? []) if (fact?.text) lines.push(`- ${statementText(fact)}`);
  return lines.join('\n');
}
