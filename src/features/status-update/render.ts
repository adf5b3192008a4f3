import type { DeepPartial } from '../common/feature.js';
import type { Statement } from '../common/citation.js';
import { statementText } from '../common/statement-text.js';
import type { IncidentPhase, StatusUpdateOutput } from './output-schema.js';

const phaseLabel: Record<IncidentPhase, string> = {
  INVESTIGATING: 'Investigating',
  IDENTIFIED: 'Identified',
  MONITORING: 'Monitoring',
  RESOLVED: 'Resolved',
};

/**
 * Markdown of a status update. Works on partial output while streaming: markup stays at
 * line starts so that a growing field only ever extends the text (see progressive-renderer).
 */
export function renderStatusUpdate(output: DeepPartial<StatusUpdateOutput>): string {
  const lines: string[] = [];
  if (output.title) lines.push(`## ${output.title}`, '');
  if (output.phase) lines.push(`**Status:** ${phaseOf(output.phase)}`, '');
  if (output.summary?.text) lines.push(statementText(output.summary), '');
  if (output.impact?.text) lines.push(`**Impact:** ${statementText(output.impact)}`, '');
  const actions = (output.actions ?? []).filter((action): action is DeepPartial<Statement> & { text: string } => Boolean(action?.text));
  if (actions.length > 0) lines.push('**What we are doing:**', ...actions.map((action) => `- ${statementText(action)}`), '');
  if (typeof output.nextUpdateMinutes === 'number') lines.push(`**Next update:** within ${output.nextUpdateMinutes} minutes.`, '');
  return lines.join('\n');
}

// A partial enum value ("INVEST") renders as its prefix so the text keeps growing.
function phaseOf(phase: string): string {
  const label = phaseLabel[phase as IncidentPhase];
  if (label) return label;
  const match = Object.entries(phaseLabel).find(([key]) => key.startsWith(phase));
  return match ? match[1].slice(0, phase.length) : phase;
}
