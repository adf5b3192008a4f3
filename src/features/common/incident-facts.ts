/**
 * Small, pure helpers the extractors share to read an incident: records in time order,
 * short quotes, times and durations as people write them, the people and hosts it names.
 * No clock: every time is derived from the incident's own timestamps.
 */
import type { Alert, Incident, LogEntry, Note } from '../../incidents/types.js';

/** An incident record a statement can cite, with the text a quote is taken from. */
export type CitableRecord =
  | { sourceType: 'LOG_ENTRY'; id: string; at: string; text: string; record: LogEntry }
  | { sourceType: 'NOTE'; id: string; at: string; text: string; record: Note }
  | { sourceType: 'ALERT'; id: string; at: string; text: string; record: Alert };

export const logEntryRecord = (entry: LogEntry): CitableRecord => ({
  sourceType: 'LOG_ENTRY',
  id: entry.id,
  at: entry.at,
  text: entry.summary,
  record: entry,
});

export const noteRecord = (note: Note): CitableRecord => ({ sourceType: 'NOTE', id: note.id, at: note.at, text: note.content, record: note });

export const alertRecord = (alert: Alert): CitableRecord => ({
  sourceType: 'ALERT',
  id: alert.id,
  at: alert.at,
  text: alert.summary,
  record: alert,
});

const timeOf = (iso: string): number => {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? 0 : time;
};

/** A copy in time order; records with the same time keep their input order. */
export function inTimeOrder<T extends { at: string }>(records: readonly T[]): T[] {
  return records
    .map((record, index) => ({ record, index }))
    .sort((a, b) => timeOf(a.record.at) - timeOf(b.record.at) || a.index - b.index)
    .map(({ record }) => record);
}

/** Whitespace collapsed to single spaces. */
export const normalizeSpace = (text: string): string => text.replace(/\s+/g, ' ').trim();

// A sentence ends at . ! or ? before a capital, digit or quote, but not after a single
// letter or a common abbreviation ("N. Virginia", "e.g. this").
const sentenceBreak = /(?<=[.!?])(?<!\b[A-Za-z]\.)(?<!\b(?:vs|etc|approx|incl|Mr|Ms|Dr|St)\.)\s+(?=[A-Z0-9"'`(\[])/;

/** The text's sentences. */
export function sentencesOf(text: string): string[] {
  return normalizeSpace(text)
    .split(sentenceBreak)
    .filter((sentence) => sentence.length > 0);
}

/** At most `max` characters, cut at a word boundary, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const normalized = normalizeSpace(text);
  if (normalized.length <= max) return normalized;
  const cut = normalized.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/**
 * Whole sentences, as many as fit in `max` characters; the first one always, whole, however
 * long. A statement never ends mid-sentence ("…has a static…"): a reader gets every sentence
 * it shows entire, and the citation leads to the rest.
 */
export function clipSentences(text: string, max: number): string {
  const sentences = sentencesOf(text);
  let kept = sentences[0] ?? '';
  for (const sentence of sentences.slice(1)) {
    if (kept.length + 1 + sentence.length > max) break;
    kept += ` ${sentence}`;
  }
  return kept;
}

/**
 * A short quote for a citation: the first sentence (or the given one), cut at a word
 * boundary without an ellipsis, so it stays a verbatim part of the record.
 */
export function quote(text: string, max = 160): string {
  const sentence = sentencesOf(text)[0] ?? '';
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:-]+$/, '');
}

/** At most `max` words. */
export function clipWords(text: string, max: number): string {
  const words = normalizeSpace(text).split(' ');
  return words.length <= max ? words.join(' ') : words.slice(0, max).join(' ').replace(/[,;:.-]+$/, '');
}

/** "a", "a and b", "a, b and c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "14:02 UTC". */
export function formatClock(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(11, 16)} UTC`;
}

/** "2025-03-11 14:02 UTC". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)} UTC`;
}

/** Whole minutes from `from` to `to` (0 when `to` is earlier or either is not a date). */
export function minutesBetween(from: string, to: string): number {
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return 0;
  return Math.round((end - start) / 60_000);
}

/** "47 min", "1 h 12 min", "2 d 3 h". */
export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** The time of the incident's latest record (log entry, note or alert), or its creation. */
export function latestActivityAt(incident: Incident): string {
  let latest = incident.createdAt;
  for (const record of [...incident.logEntries, ...incident.notes, ...incident.alerts]) {
    if (timeOf(record.at) > timeOf(latest)) latest = record.at;
  }
  return latest;
}

// Log entry types a person performs; trigger and notify agents are integrations.
const personActions: ReadonlySet<LogEntry['type']> = new Set([
  'acknowledge',
  'assign',
  'annotate',
  'status_update',
  'priority_change',
  'urgency_change',
  'resolve',
]);
const namedInSummary = /\b(?:Notified|Assigned to|Acknowledged by|Resolved by|Reassigned to)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})/g;

/**
 * Names of the people the incident mentions in its structure: assignees, note authors,
 * agents of the actions people take, and people notified or assigned in log summaries.
 */
export function peopleNamesOf(incident: Incident): string[] {
  const names = new Set<string>();
  for (const person of incident.assignees) names.add(person.name);
  for (const note of incident.notes) names.add(note.author.name);
  for (const entry of incident.logEntries) {
    if (personActions.has(entry.type)) names.add(entry.agent);
    for (const match of entry.summary.matchAll(namedInSummary)) if (match[1]) names.add(match[1]);
  }
  return [...names].filter((name) => name.trim().length > 0);
}

const hostFields = new Set(['instance', 'host', 'hostname', 'node', 'server', 'pod', 'target']);
const dottedNamePattern = /\b[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+\b/gi;
const internalLabels = new Set(['internal', 'corp', 'local', 'lan']);

/** Internal hostnames (with an `.internal`, `.corp`, `.local` or `.lan` label) a text names. */
export function internalHostsIn(text: string): string[] {
  // Three labels at least: "prod.internal" alone is a zone, not a host. A match right after
  // a dot or a wildcard is the tail of a name the pattern could not read whole.
  const hosts = [...text.matchAll(dottedNamePattern)]
    .filter((match) => match.index === 0 || !/[.*]/.test(text[match.index - 1] ?? ''))
    .map((match) => match[0])
    .filter((name) => {
      const labels = name.toLowerCase().split('.');
      return labels.length >= 3 && labels.slice(1).some((label) => internalLabels.has(label));
    });
  return [...new Set(hosts)];
}

/** Hosts an alert names: its instance/host/node/pod fields and internal hostnames in its summary. */
export function hostsOfAlert(alert: Alert): string[] {
  const hosts: string[] = [];
  for (const [key, value] of Object.entries(alert.body)) {
    if (hostFields.has(key.toLowerCase()) && typeof value === 'string' && value.length > 0) hosts.push(value.replace(/:\d+$/, ''));
  }
  hosts.push(...internalHostsIn(alert.summary));
  return [...new Set(hosts)];
}
