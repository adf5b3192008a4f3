import type { Alert, Incident, LogEntry, Note } from '../../incidents/types.js';

/**
 * The incident as the model sees it, in a compact line format: a header, then one line per
 * record under a heading naming its sourceType and columns. Every record keeps the id a
 * citation must use; times are `HH:MM:SS` UTC on the incident's day (`+Nd`: N days later);
 * a log entry that repeats an earlier one says so instead of repeating its text; alert
 * payloads leave out what the alert's own line already says. Produced as plain text; the
 * prompt builder fences it.
 *
 * The line format takes about half the tokens of the same records as JSON objects (keys,
 * quotes and full ISO times on every record).
 */

/** What a prompt shows of the incident's records; every part defaults to the whole record. */
export interface IncidentTextOptions {
  /** The description as the prompt can afford it. */
  description?: string;
  /** The log entries shown; null: none (a prompt that shows them another way). */
  logEntries?: readonly LogEntry[] | null;
  /** The notes shown, their content as the prompt can afford it. */
  notes?: readonly Note[];
  /** Said after the notes when some were left out. */
  notesOmitted?: string | null;
  /** The alerts shown. */
  alerts?: readonly Alert[];
  /** Whether alert payloads are shown (default true), or which alerts' payloads. */
  alertDetails?: boolean | ((alert: Alert) => boolean);
}

const day = 86_400_000;

/** Times as the prompt writes them: `HH:MM:SS` UTC, `+Nd` when N days after `baseDate` (YYYY-MM-DD). */
export function shortTime(iso: string, baseDate: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return iso;
  const date = new Date(instant).toISOString();
  const offset = Math.round((Date.parse(date.slice(0, 10)) - Date.parse(baseDate)) / day);
  return `${date.slice(11, 19)}${offset === 0 ? '' : `${offset > 0 ? '+' : ''}${offset}d`}`;
}

/** The date the incident's times are written against. */
export const incidentBaseDate = (incident: Incident): string => incident.createdAt.slice(0, 10);

/** The sentence that tells the model how times are written. */
export const timeLegend = (baseDate: string): string => `times: UTC HH:MM:SS on ${baseDate}, "+Nd" N days later`;

// One record per line: a text's own line breaks become indented continuation lines.
const oneRecord = (text: string): string => text.replace(/\r?\n/g, '\n  ');

/** The incident's own fields, before its records. */
export function incidentHeaderText(incident: Incident, description: string = incident.description): string {
  const base = incidentBaseDate(incident);
  const assignees = incident.assignees.map((person) => (person.team ? `${person.name} (${person.team})` : person.name));
  return [
    `Incident ${incident.id}: ${oneRecord(incident.title)}`,
    [
      `status ${incident.status}`,
      `urgency ${incident.urgency}`,
      `priority ${incident.priority ?? 'none'}`,
      `created ${shortTime(incident.createdAt, base)}`,
      `resolved ${incident.resolvedAt ? shortTime(incident.resolvedAt, base) : 'no'}`,
    ].join(' | '),
    `services: ${incident.services.map((service) => service.name).join('; ') || 'none'}`,
    `assignees: ${assignees.join('; ') || 'none'}`,
    timeLegend(base),
    `description: ${oneRecord(description)}`,
  ].join('\n');
}

/** Log entries, one line each, `same as <id>` for an entry that repeats an earlier one. */
export function logEntryLines(entries: readonly LogEntry[], baseDate: string): string {
  const firstOf = new Map<string, string>();
  const lines = entries.map((entry) => {
    const key = `${entry.type}\u0000${entry.agent}\u0000${entry.summary}`;
    const earlier = firstOf.get(key);
    if (earlier === undefined) firstOf.set(key, entry.id);
    const text = earlier === undefined ? `${entry.type} ${entry.agent}: ${oneRecord(entry.summary)}` : `same as ${earlier}`;
    return `${entry.id} ${shortTime(entry.at, baseDate)} ${text}`;
  });
  return [`LOG_ENTRY records (id time type agent: summary):`, ...lines].join('\n');
}

function noteLines(notes: readonly Note[], baseDate: string): string {
  return [`NOTE records (id time author: content):`, ...notes.map((note) => `${note.id} ${shortTime(note.at, baseDate)} ${note.author.name}: ${oneRecord(note.content)}`)].join('\n');
}

const valueText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * An alert's payload without what its line already says: its severity, status or source, a
 * word of its summary, or a longer value its summary quotes (a host, a rule name). A short
 * value that is only part of a summary word ("payments" in "payments-api") stays.
 */
export function alertDetailsText(alert: Alert): string {
  const words = new Set([alert.severity, alert.status, alert.source, ...alert.summary.split(/[\s:,;()[\]{}]+/)]);
  const quoted = (text: string): boolean => text.length >= 8 && /[^A-Za-z0-9_]/.test(text) && alert.summary.includes(text);
  const entries = Object.entries(alert.body).filter(([, value]) => {
    const text = valueText(value);
    return text.length > 0 && !words.has(text) && !quoted(text);
  });
  return entries.map(([key, value]) => `${key}=${oneRecord(valueText(value))}`).join('; ');
}

function alertLines(alerts: readonly Alert[], baseDate: string, details: boolean | ((alert: Alert) => boolean)): string {
  const line = (alert: Alert): string => {
    const head = `${alert.id} ${shortTime(alert.at, baseDate)} ${alert.severity} ${alert.status} ${alert.source}: ${oneRecord(alert.summary)}`;
    const shown = typeof details === 'function' ? details(alert) : details;
    const payload = shown ? alertDetailsText(alert) : '';
    return payload ? `${head}\n  details: ${payload}` : head;
  };
  return [`ALERT records (id time severity status source: summary, then its payload):`, ...alerts.map(line)].join('\n');
}

/**
 * The incident as the model sees it (see the module comment). The whole-record texts (no
 * options, or only `alertDetails`) are made once per incident object: sources and the guards
 * hand out the same object until the incident changes.
 */
export function incidentPromptText(incident: Incident, options: IncidentTextOptions = {}): string {
  const keys = Object.keys(options);
  if (keys.some((key) => key !== 'alertDetails') || typeof options.alertDetails === 'function') return buildIncidentPromptText(incident, options);
  const cacheKey = options.alertDetails === false ? 'summaries' : 'details';
  let texts = promptTexts.get(incident);
  if (!texts) promptTexts.set(incident, (texts = new Map()));
  const known = texts.get(cacheKey);
  if (known !== undefined) return known;
  const text = buildIncidentPromptText(incident, options);
  texts.set(cacheKey, text);
  return text;
}

const promptTexts = new WeakMap<Incident, Map<string, string>>();

function buildIncidentPromptText(incident: Incident, options: IncidentTextOptions): string {
  const base = incidentBaseDate(incident);
  const logEntries = options.logEntries === undefined ? incident.logEntries : options.logEntries;
  const notes = options.notes ?? incident.notes;
  return [
    incidentHeaderText(incident, options.description ?? incident.description),
    ...(logEntries === null ? [] : [logEntryLines(logEntries, base)]),
    noteLines(notes, base) + (options.notesOmitted ? `\n(${options.notesOmitted})` : ''),
    alertLines(options.alerts ?? incident.alerts, base, options.alertDetails ?? true),
  ].join('\n\n');
}

/** Ids a citation to this incident may use, by source type; made once per incident object (shared: read-only). */
export function incidentSourceIds(incident: Incident): ReadonlyMap<string, ReadonlySet<string>> {
  const known = sourceIds.get(incident);
  if (known) return known;
  const ids = new Map([
    ['LOG_ENTRY', new Set(incident.logEntries.map((entry) => entry.id))],
    ['NOTE', new Set(incident.notes.map((note) => note.id))],
    ['ALERT', new Set(incident.alerts.map((alert) => alert.id))],
  ]);
  sourceIds.set(incident, ids);
  return ids;
}

const sourceIds = new WeakMap<Incident, ReadonlyMap<string, ReadonlySet<string>>>();
