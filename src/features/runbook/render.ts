import type { CommandSafety } from '../../guard/command-policy.js';
import type { DeepPartial } from '../common/feature.js';
import type { RunbookOption, RunbookOutput, RunbookStep } from './output-schema.js';
import type { RunbookInput } from './prompt.js';
import { reviewRunbook, stepSafety, type RunbookReview } from './safety-review.js';

/**
 * Markdown of a runbook job. Works on partial output while streaming: fields render in the
 * order the model writes them, markup stays at line starts, and what depends on a whole value
 * (a step's safety, the approval) appears only once that value is complete, so the text only
 * ever grows (see progressive-renderer).
 */
export function renderRunbook(output: DeepPartial<RunbookOutput>, input: RunbookInput): string {
  const lines: string[] = [];
  // A streamed offline draft says it early (matched comes first); a model's draft once its steps are reviewed.
  const review = typeof output.keepGoing === 'boolean' ? reviewOf(output, input) : null;
  if (output.matched === false || (review && !review.match.matched)) {
    lines.push(`**No runbook matches this request**${review?.match.reason ? `: ${review.match.reason}` : ''}. The job below does not do what was asked; do not run it as is.`, '');
  }
  if (output.name) lines.push(`## ${output.name}`, '');
  if (output.description) lines.push(output.description.replace(/\s*\n\s*/g, ' '), '');
  const options = (output.options ?? []).filter((option): option is DeepPartial<RunbookOption> & { name: string } => Boolean(option?.name));
  if (options.length > 0) lines.push('**Options:**', ...options.map(optionLine), '');

  // The JSON holds nodeFilter and keepGoing after the steps: once either is there, every step is whole.
  const stepsDone = 'nodeFilter' in output || 'keepGoing' in output;
  const steps = (output.steps ?? []).filter((step): step is DeepPartial<RunbookStep> => Boolean(step));
  steps.forEach((step, index) => {
    lines.push(...stepLines(step, index + 1, stepsDone || index < steps.length - 1));
  });

  if ('nodeFilter' in output && output.nodeFilter !== undefined) {
    lines.push(`**Runs on:** ${typeof output.nodeFilter === 'string' ? `nodes matching \`${output.nodeFilter}\`` : 'the Rundeck server'}`, '');
  }
  if (typeof output.keepGoing === 'boolean') {
    lines.push(`**If a step fails:** ${output.keepGoing ? 'the job runs the remaining steps, then fails.' : 'the job stops there.'}`, '');
    lines.push(...approvalLines(review!));
  }
  return lines.join('\n');
}

function optionLine(option: DeepPartial<RunbookOption> & { name: string }): string {
  let line = `- \`${option.name}\``;
  if (option.description) line += `: ${option.description}`;
  if (option.required === true) line += ' (required)';
  if (typeof option.defaultValue === 'string') line += ` Default: \`${option.defaultValue}\``;
  return line;
}

function stepLines(step: DeepPartial<RunbookStep>, order: number, complete: boolean): string[] {
  const lines = [`### Step ${order}${step.description ? `: ${step.description}` : ''}`, ''];
  if (step.kind) lines.push(step.kind.startsWith('s') ? '**Script:**' : '**Command:**', '');
  if (typeof step.command === 'string' && step.command.length > 0) {
    // An indented code block has no closing fence that a growing command would have to move.
    lines.push(...step.command.replace(/\n+$/, '').split('\n').map((line) => (line.length > 0 ? `    ${line}` : '')), '');
  }
  const safety = complete ? stepSafety(step) : null;
  if (safety) lines.push(`**Safety:** ${safetyText(safety)}`, '');
  return lines;
}

function safetyText(safety: CommandSafety): string {
  return `${safety.class}: ${safety.reasons.join('; ')}`;
}

function reviewOf(output: DeepPartial<RunbookOutput>, input: RunbookInput): RunbookReview {
  const steps = (output.steps ?? []).filter((step): step is RunbookStep => typeof step?.command === 'string' && typeof step.kind === 'string');
  const options = (output.options ?? []).filter((option): option is RunbookOption => typeof option?.name === 'string');
  return reviewRunbook(
    {
      matched: output.matched ?? null,
      name: output.name ?? '',
      description: output.description ?? '',
      options: options.map((option) => ({ ...option, description: option.description ?? '', required: option.required ?? false, defaultValue: option.defaultValue ?? null })),
      steps: steps.map((step) => ({ description: step.description ?? '', kind: step.kind, command: step.command })),
      nodeFilter: typeof output.nodeFilter === 'string' ? output.nodeFilter : null,
      keepGoing: output.keepGoing ?? false,
    },
    input.description,
  );
}

function approvalLines(review: RunbookReview): string[] {
  if (!review.requiresApproval) return ['**Approval:** not required: no step is destructive and every step stays within what the request asks.', ''];
  return ['**Approval required before running:**', ...review.approvalReasons.map((reason) => `- ${reason}`), ''];
}
