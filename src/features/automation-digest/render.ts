import type { Citation } from '../common/citation.js';
import type { DeepPartial } from '../common/feature.js';
import { statementText } from '../common/statement-text.js';
import type { AutomationDigestOutput, ExecutionOutcome } from './output-schema.js';
import type { AutomationDigestInput } from './prompt.js';

// Labels as long as their enum values, so a partial value renders as a prefix of its label.
const outcomeLabel: Record<ExecutionOutcome, string> = {
  SUCCEEDED: 'Succeeded',
  FAILED: 'Failed',
  ABORTED: 'Aborted',
  TIMED_OUT: 'Timed out',
  RUNNING: 'Running',
};

type PartialStatement = DeepPartial<AutomationDigestOutput['summary']> & { unverified?: boolean };
type PartialFailingStep = DeepPartial<NonNullable<AutomationDigestOutput['failingStep']>> & { unverified?: boolean };

/**
 * Markdown of an automation digest. Works on partial output while streaming: markup stays at
 * line starts so that a growing field only ever extends the text (see progressive-renderer).
 */
export function renderAutomationDigest(output: DeepPartial<AutomationDigestOutput>, input: Pick<AutomationDigestInput, 'jobId' | 'executionId'>): string {
  const lines: string[] = [`## Execution ${input.executionId} of job ${input.jobId}`, ''];
  if (output.outcome) lines.push(`**Outcome:** ${outcomeOf(output.outcome)}`, '');
  const summary = output.summary as PartialStatement | undefined;
  if (summary?.text) lines.push(statementText(summary), '');
  const step = output.failingStep as PartialFailingStep | null | undefined;
  if (step) lines.push(...failingStepLines(step));
  const cause = output.probableCause as PartialStatement | null | undefined;
  if (cause?.text) lines.push(`**Probable cause:** ${statementText(cause)}`, '');
  const nextSteps = ((output.nextSteps ?? []) as (PartialStatement | undefined)[]).filter(
    (item): item is PartialStatement & { text: string } => Boolean(item?.text),
  );
  if (nextSteps.length > 0) lines.push('**Next steps:**', ...nextSteps.map((item) => `- ${statementText(item)}`), '');
  return lines.join('\n');
}

function failingStepLines(step: PartialFailingStep): string[] {
  const number = typeof step.number === 'number' ? `${step.number}. ` : '';
  const flag = step.unverified ? ' _(unverified)_' : '';
  const lines = [`**Failing step:** ${number}${step.description ?? ''}${flag}`, ''];
  const cited = ((step.citations ?? []) as (DeepPartial<Citation> | undefined)[]).filter(
    (citation): citation is DeepPartial<Citation> & { sourceId: string } => Boolean(citation?.sourceId),
  );
  if (cited.length > 0) lines.push(...cited.map((citation) => `- ${citation.sourceId}${citation.excerpt ? `: ${citation.excerpt}` : ''}`), '');
  return lines;
}

// A partial enum value ("TIMED_") renders as its prefix so the text keeps growing.
function outcomeOf(outcome: string): string {
  const label = outcomeLabel[outcome as ExecutionOutcome];
  if (label) return label;
  const match = Object.entries(outcomeLabel).find(([key]) => key.startsWith(outcome));
  return match ? match[1].slice(0, outcome.length) : outcome;
}
