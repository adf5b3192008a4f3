/** Reads the line format of incident-prompt-data.ts back into ids and lines, for prompt tests. */
import type { Alert, Incident, LogEntry, Note } from '../../src/incidents/types.js';
import { fencedTexts, testSpotlight } from './spotlight.js';

/** One record line of the prompt: its id and the whole line (continuation lines joined). */
export interface RecordLine {
  id: string;
  line: string;
}

/** The incident as a prompt showed it. */
export interface IncidentText {
  id: string;
  header: string;
  logEntries: RecordLine[];
  notes: RecordLine[];
  alerts: RecordLine[];
}

function recordsUnder(text: string, sourceType: string): RecordLine[] {
  const section = text.split('\n\n').find((part) => part.startsWith(`${sourceType} records`));
  if (!section) return [];
  const records: RecordLine[] = [];
  for (const line of section.split('\n').slice(1)) {
    if (line.startsWith('  ') && records.length > 0) records.at(-1)!.line += `\n${line}`;
    else if (!line.startsWith('(')) records.push({ id: line.split(' ')[0]!, line });
  }
  return records;
}

/** The incident of a fenced incident text. */
export function parseIncidentText(text: string): IncidentText {
  const header = text.split('\n\n')[0]!;
  const id = /^Incident (\S+):/.exec(header)?.[1];
  if (!id) throw new Error(`not an incident text: ${text.slice(0, 80)}`);
  return { id, header, logEntries: recordsUnder(text, 'LOG_ENTRY'), notes: recordsUnder(text, 'NOTE'), alerts: recordsUnder(text, 'ALERT') };
}

/** The text of the fenced block that follows `heading` in `content`. */
export function fencedTextAfter(content: string, heading: string, marker = testSpotlight.marker): string {
  const at = content.indexOf(heading);
  if (at < 0) throw new Error(`no "${heading}" in the prompt`);
  const [first] = fencedTexts(content.slice(at), marker);
  if (first === undefined) throw new Error(`no fenced block after "${heading}"`);
  return first;
}

/** The incident shown in the fenced block after `heading`. */
export const incidentAfter = (content: string, heading: string, marker = testSpotlight.marker): IncidentText => parseIncidentText(fencedTextAfter(content, heading, marker));

const isoOf = (time: string, baseDate: string): string => {
  const match = /^(\d{2}:\d{2}:\d{2})([+-]\d+)d$|^(\d{2}:\d{2}:\d{2})$/.exec(time);
  if (!match) throw new Error(`not a prompt time: ${time}`);
  const clock = match[1] ?? match[3]!;
  const days = Number(match[2] ?? 0);
  return new Date(Date.parse(`${baseDate}T${clock}Z`) + days * 86_400_000).toISOString().replace('.000Z', 'Z');
};

const fieldOf = (header: string, name: string): string => {
  const line = header.split('\n').find((candidate) => candidate.startsWith(`${name}: `));
  if (line === undefined) throw new Error(`no "${name}:" in the incident header`);
  return line.slice(name.length + 2);
};

const splitAt = (text: string, separator: string): [string, string] => {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
};

/** Continuation lines back to the text's own line breaks. */
const joined = (line: string): string => line.replace(/\n {2}/g, '\n');

/**
 * The incident a prompt's line-format text carries, read back into an `Incident` (what a
 * model could know from the prompt alone; account, number and person ids are made up).
 */
export function incidentFromText(text: string): Incident {
  const shown = parseIncidentText(text);
  const lines = shown.header.split('\n');
  const baseDate = /on (\d{4}-\d{2}-\d{2})/.exec(fieldOf(shown.header, 'times'))![1]!;
  const facts = Object.fromEntries(lines[1]!.split(' | ').map((part) => splitAt(part, ' ')));
  const logEntries: LogEntry[] = [];
  for (const record of shown.logEntries) {
    const [, time, rest] = /^\S+ (\S+) ([\s\S]*)$/.exec(record.line)!;
    const same = /^same as (\S+)$/.exec(rest!);
    const earlier = same ? logEntries.find((entry) => entry.id === same[1]) : undefined;
    const [typeAndAgent, summary] = splitAt(rest!, ': ');
    const [type, agent] = splitAt(typeAndAgent, ' ');
    logEntries.push(earlier ? { ...earlier, id: record.id, at: isoOf(time!, baseDate) } : { id: record.id, at: isoOf(time!, baseDate), type: type as LogEntry['type'], agent, summary: joined(summary) });
  }
  const notes: Note[] = shown.notes.map((record) => {
    const [, time, rest] = /^\S+ (\S+) ([\s\S]*)$/.exec(record.line)!;
    const [author, content] = splitAt(rest!, ': ');
    return { id: record.id, at: isoOf(time!, baseDate), author: { id: author, name: author }, content: joined(content) };
  });
  const alerts: Alert[] = shown.alerts.map((record) => {
    const [head, details = ''] = record.line.split('\n  details: ');
    const [, time, severity, status, source, summary] = /^\S+ (\S+) (\S+) (\S+) (\S+?): ([\s\S]*)$/.exec(head!)!;
    const body = Object.fromEntries(details.split('; ').filter(Boolean).map((pair) => splitAt(pair, '=')));
    return { id: record.id, at: isoOf(time!, baseDate), severity: severity as Alert['severity'], status: status as Alert['status'], source: source!, summary: joined(summary!), body };
  });
  const assignees = fieldOf(shown.header, 'assignees');
  return {
    id: shown.id,
    accountId: 'demo',
    number: 0,
    title: splitAt(lines[0]!, ': ')[1],
    description: joined(fieldOf(shown.header, 'description')),
    status: facts.status as Incident['status'],
    urgency: facts.urgency as Incident['urgency'],
    priority: facts.priority === 'none' ? null : (facts.priority as Incident['priority']),
    services: fieldOf(shown.header, 'services').split('; ').filter((name) => name !== 'none').map((name) => ({ id: name, name })),
    createdAt: isoOf(facts.created!, baseDate),
    resolvedAt: facts.resolved === 'no' ? null : isoOf(facts.resolved!, baseDate),
    assignees: assignees === 'none' ? [] : assignees.split('; ').map((person) => {
      const match = /^(.*?)(?: \((.*)\))?$/.exec(person)!;
      return { id: match[1]!, name: match[1]!, ...(match[2] && { team: match[2] }) };
    }),
    private: false,
    logEntries,
    notes,
    alerts,
  };
}
