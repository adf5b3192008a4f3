import type { Statement } from '../common/citation.js';
import type { DeepPartial } from '../common/feature.js';
import { statementText } from '../common/statement-text.js';
import { isIsoDateTime, utcClock, utcDate, utcDateTime } from './iso-time.js';
import { actionItemPriorities, type ActionItemPriority, type PostmortemOutput } from './output-schema.js';
import type { PostmortemInput } from './prompt.js';

const priorityLabel: Record<ActionItemPriority, string> = { HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low' };
const isPriority = (value: unknown): value is ActionItemPriority => actionItemPriorities.includes(value as ActionItemPriority);

type Flagged<T> = DeepPartial<T> & { unverified?: boolean };
const hasText = (statement: Flagged<Statement> | undefined): statement is Flagged<Statement> & { text: string } => Boolean(statement?.text);

/** What the render needs of the input; a partial draft's input is complete from the start. */
export type PostmortemRenderInput = Pick<PostmortemInput, 'preliminary' | 'incidentStatus' | 'asOf'>;

/**
 * Markdown of a postmortem. Works on partial output while streaming: markup stays at line
 * starts or before the growing field, and a part that depends on a later field (a closing
 * label, an "none recorded") only appears once that field has begun, so a growing output
 * only ever extends the text (see progressive-renderer).
 */
export function renderPostmortem(output: DeepPartial<PostmortemOutput>, input: PostmortemRenderInput): string {
  const lines: string[] = [];
  // First, from the input: it is known before the model says anything, so it never moves.
  if (input.preliminary) {
    lines.push(
      `> **Preliminary postmortem:** the incident is still ${input.incidentStatus} (latest record ${isIsoDateTime(input.asOf) ? utcDateTime(input.asOf) : input.asOf}); what follows will change as it is worked.`,
      '',
    );
  }
  if (output.title) lines.push(`# Postmortem: ${output.title}`, '');

  if (hasText(output.summary)) lines.push('## Summary', '', statementText(output.summary), '');

  const impact = output.impact;
  const services = (impact?.services ?? []).filter((service): service is string => Boolean(service));
  if (services.length > 0 || hasText(impact?.duration) || hasText(impact?.customerEffect)) {
    lines.push('## Impact', '');
    if (services.length > 0) lines.push(`- **Services:** ${services.join(', ')}`);
    if (hasText(impact?.duration)) lines.push(`- **Duration:** ${statementText(impact.duration)}`);
    if (hasText(impact?.customerEffect)) lines.push(`- **Customer effect:** ${statementText(impact.customerEffect)}`);
    lines.push('');
  }

  if (hasText(output.detection)) lines.push('## Detection', '', statementText(output.detection), '');

  const timeline = timelineLines(output.timeline ?? []);
  if (timeline.length > 0) lines.push('## Timeline', '', ...timeline, '');

  const factors = (output.contributingFactors ?? []).filter(hasText);
  if (factors.length > 0) lines.push('## Contributing factors', '', ...factors.map((factor) => `- ${statementText(factor)}`), '');
  else if (output.contributingFactors && output.rootCause !== undefined) lines.push('## Contributing factors', '', 'None recorded in the incident data.', '');

  const rootCause = output.rootCause;
  // The hypothesis flag comes before the text: once the text has begun, the flag is final.
  if (rootCause?.text !== undefined && typeof rootCause.hypothesis === 'boolean' && rootCause.text) {
    const label = rootCause.hypothesis ? '**Hypothesis** (not established by the incident data): ' : '';
    lines.push('## Root cause', '', `${label}${statementText(rootCause)}`, '');
  }

  if (hasText(output.resolution)) lines.push('## Resolution', '', statementText(output.resolution), '');

  const items = actionItemLines(output.actionItems ?? []);
  if (items.length > 0) lines.push('## Action items', '', ...items, '');
  return lines.join('\n');
}

/** One bullet per event whose time is complete; the date is shown when it changes. */
function timelineLines(events: DeepPartial<PostmortemOutput['timeline']>): string[] {
  const lines: string[] = [];
  let day: string | null = null;
  for (const event of events as Flagged<PostmortemOutput['timeline'][number]>[]) {
    if (!event?.at || !isIsoDateTime(event.at)) break;
    const date = utcDate(event.at);
    const time = date === day ? utcClock(event.at) : utcDateTime(event.at);
    day = date;
    lines.push(`- **${time}** ${event.text ? statementText(event as Flagged<Statement>) : ''}`.trimEnd());
  }
  return lines;
}

/** `- **High** · owner: Team · title`: each part once the one before it is complete. */
function actionItemLines(items: DeepPartial<PostmortemOutput['actionItems']>): string[] {
  const lines: string[] = [];
  for (const item of items as Flagged<PostmortemOutput['actionItems'][number]>[]) {
    if (!item || !isPriority(item.priority)) break;
    let line = `- **${priorityLabel[item.priority]}**`;
    if (item.ownerTeam !== undefined) line += ` · owner: ${item.ownerTeam ?? 'to be decided'}`;
    if (item.title !== undefined && item.ownerTeam !== undefined) line += ` · ${item.title}${item.unverified ? ' _(unverified)_' : ''}`;
    lines.push(line);
  }
  return lines;
}
