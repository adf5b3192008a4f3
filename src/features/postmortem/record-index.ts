/**
 * The incident's citable records by source type and id, with their time and the text an
 * excerpt must quote. Lets the checks go beyond "the id exists": a timeline event's time
 * must be its records' time, and an excerpt must be a quote of the record it cites.
 */
import type { Alert, Incident } from '../../incidents/types.js';
import type { Citation } from '../common/citation.js';

/** What a citation's record says and when. */
export interface IndexedRecord {
  at: string;
  /** The text an excerpt may quote, normalized for comparison. */
  quotable: string;
}

export type RecordIndex = ReadonlyMap<string, IndexedRecord>;

const keyOf = (sourceType: string, sourceId: string): string => `${sourceType}/${sourceId}`;

// Quotes, backticks, ellipses and spacing are what models change when they quote.
export const normalizeQuote = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[`"'“”‘’]/g, '')
    .replace(/…|\.\.\./g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.,;:]+$/, '');

function alertText(alert: Alert): string {
  const values: string[] = [];
  const visit = (value: unknown): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object') Object.values(value).forEach(visit);
    else values.push(String(value));
  };
  visit(alert.body);
  return `${alert.summary} ${values.join(' ')}`;
}

/** Every log entry, note and alert of the incident. */
export function indexRecords(incident: Incident): RecordIndex {
  const index = new Map<string, IndexedRecord>();
  for (const entry of incident.logEntries) index.set(keyOf('LOG_ENTRY', entry.id), { at: entry.at, quotable: normalizeQuote(entry.summary) });
  for (const note of incident.notes) index.set(keyOf('NOTE', note.id), { at: note.at, quotable: normalizeQuote(note.content) });
  for (const alert of incident.alerts) index.set(keyOf('ALERT', alert.id), { at: alert.at, quotable: normalizeQuote(alertText(alert)) });
  return index;
}

/** The record a citation names, if the incident has it. */
export const recordOf = (index: RecordIndex, citation: Pick<Citation, 'sourceType' | 'sourceId'>): IndexedRecord | undefined =>
  index.get(keyOf(String(citation.sourceType), String(citation.sourceId)));

/** Whether the excerpt is a quote of the record (up to case, quotes and spacing). */
export function quotes(record: IndexedRecord, excerpt: string): boolean {
  const normalized = normalizeQuote(excerpt);
  return normalized.length === 0 || record.quotable.includes(normalized);
}
