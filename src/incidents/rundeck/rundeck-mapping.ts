/**
 * Rundeck's documented records onto our types: job steps from `sequence.commands`, execution
 * statuses, and output entries (the compacted form expanded) as {@link ExecutionLogLine}s.
 * Pure: no I/O.
 */
import type { ExecutionLogLine, ExecutionStatus, JobExecution } from '../types.js';
import type { ExecutionInfo, JobCommand, JobDefinition, OutputPage } from './rundeck-api.js';

/** Longest step description kept (a description can be a whole paragraph, a script a whole file). */
const maxStepDescription = 200;

/**
 * The job's top-level steps, numbered from 1 as Rundeck numbers step contexts (`stepctx` "3"
 * or "3/1" is step 3). A step without a description is named after what it runs.
 */
export function stepsOf(definition: JobDefinition): JobExecution['steps'] {
  return definition.sequence.commands.map((command, index) => ({ number: index + 1, description: clip(describeCommand(command)) }));
}

function describeCommand(command: JobCommand): string {
  const description = command.description?.trim();
  if (description) return description;
  if (command.exec) return `Command: ${command.exec}`;
  if (command.script) return `Script: ${command.script.split('\n').find((line) => line.trim() && !line.startsWith('#!'))?.trim() ?? 'inline script'}`;
  if (command.scriptfile) return `Script file: ${command.scriptfile}`;
  if (command.scripturl) return `Script URL: ${command.scripturl}`;
  if (command.jobref) return `Job reference: ${[command.jobref.group, command.jobref.name].filter(Boolean).join('/') || command.jobref.uuid || 'job'}`;
  if (command.type) return `Plugin step: ${command.type}`;
  return 'Step';
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= maxStepDescription ? flat : `${flat.slice(0, maxStepDescription - 1)}…`;
}

/**
 * Rundeck's status onto ours. `failed-with-retry` and `retried` failed; `scheduled` has not
 * ended; a custom status (`other`) is a failure once the execution ended (it did not report
 * success), else still running.
 */
export function statusOf(info: ExecutionInfo): ExecutionStatus {
  switch (info.status) {
    case 'succeeded':
    case 'failed':
    case 'aborted':
    case 'running':
    case 'timedout':
      return info.status;
    case 'failed-with-retry':
    case 'retried':
      return 'failed';
    case 'scheduled':
    case 'queued':
      return 'running';
    default:
      return info['date-ended'] ? 'failed' : 'running';
  }
}

/** Job option names read as the incident an execution ran for. */
export const incidentOptionNames = ['incident_id', 'incidentId', 'pagerduty_incident_id'] as const;

/** The incident id the execution was started with (a job option), or null. */
export function incidentIdOf(info: ExecutionInfo): string | null {
  const options = info.job?.options ?? {};
  for (const name of incidentOptionNames) {
    const value = options[name]?.trim();
    if (value) return value;
  }
  return null;
}

/** A Rundeck W3C date (or `unixtime`) as ISO-8601 UTC. */
export function isoOf(date: { unixtime: number; date: string } | null | undefined): string | null {
  if (!date) return null;
  const parsed = Date.parse(date.date);
  const millis = Number.isNaN(parsed) ? date.unixtime : parsed;
  return new Date(millis).toISOString().replace('.000Z', 'Z');
}

const levels: ReadonlySet<string> = new Set(['DEBUG', 'VERBOSE', 'NORMAL', 'WARN', 'ERROR']);

type FullEntry = { absolute_time?: string | null; time?: string | null; level?: string | null; log?: string | null; node?: string | null; stepctx?: string | null };

/**
 * The entries of one output page as log lines, in order. A compacted page lists only what
 * changed from the entry before (a lone string: only `log`; `null`: the key was removed);
 * the first entry of every page is complete. `fallbackDay` dates entries that carry only
 * `time` (HH:MM:SS).
 */
export function linesOfPage(page: OutputPage, fallbackDay: string): ExecutionLogLine[] {
  const lines: ExecutionLogLine[] = [];
  let current: FullEntry = {};
  for (const entry of page.entries ?? []) {
    if (typeof entry === 'string') current = { ...current, log: entry };
    else {
      const next: FullEntry = { ...current };
      for (const [key, value] of Object.entries(entry) as [keyof FullEntry, string | null | undefined][]) {
        if (value === undefined) continue;
        if (value === null) delete next[key];
        else next[key] = value;
      }
      current = next;
    }
    const level = (current.level ?? 'NORMAL').toUpperCase();
    lines.push({
      at: atOf(current, fallbackDay),
      level: levels.has(level) ? (level as ExecutionLogLine['level']) : 'NORMAL',
      node: current.node ?? '',
      step: current.stepctx ?? '',
      text: current.log ?? '',
    });
  }
  return lines;
}

function atOf(entry: FullEntry, fallbackDay: string): string {
  if (entry.absolute_time) {
    const parsed = Date.parse(entry.absolute_time);
    if (!Number.isNaN(parsed)) return new Date(parsed).toISOString().replace('.000Z', 'Z');
  }
  if (entry.time && /^\d{2}:\d{2}:\d{2}$/.test(entry.time)) return `${fallbackDay}T${entry.time}Z`;
  return `${fallbackDay}T00:00:00Z`;
}
