import { frozenData } from '../../guard/injection/spotlight.js';
import type { Incident, LogEntry } from '../../incidents/types.js';

/**
 * The incident as the model sees it: compact, every record with the id a citation must
 * use. Produced as plain data; the prompt builder decides how it is fenced.
 */
export function incidentPromptData(incident: Incident): Record<string, unknown> {
  const known = promptData.get(incident);
  if (known) return known;
  // Built once per incident object (sources and the guards hand out the same one until it
  // changes); frozen, as a JSON copy that shares nothing with the incident, so its JSON is made once too.
  const data = frozenData(JSON.parse(JSON.stringify(buildIncidentPromptData(incident))) as Record<string, unknown>);
  promptData.set(incident, data);
  return data;
}

const promptData = new WeakMap<Incident, Record<string, unknown>>();

function buildIncidentPromptData(incident: Incident): Record<string, unknown> {
  return {
    ...incidentHeaderData(incident, incident.description),
    logEntries: logEntryRows(incident.logEntries),
    notes: incident.notes.map((note) => ({
      sourceType: 'NOTE',
      id: note.id,
      at: note.at,
      author: note.author.name,
      content: note.content,
    })),
    alerts: incident.alerts.map((alert) => ({
      sourceType: 'ALERT',
      id: alert.id,
      at: alert.at,
      severity: alert.severity,
      status: alert.status,
      source: alert.source,
      summary: alert.summary,
      details: alert.body,
    })),
  };
}

/** The incident's own fields as the model sees them, before its records; `description` as the prompt can afford it. */
export function incidentHeaderData(incident: Incident, description: string): Record<string, unknown> {
  return {
    id: incident.id,
    title: incident.title,
    description,
    status: incident.status,
    urgency: incident.urgency,
    priority: incident.priority,
    services: incident.services.map((service) => service.name),
    createdAt: incident.createdAt,
    resolvedAt: incident.resolvedAt,
    assignees: incident.assignees.map((person) => ({ name: person.name, team: person.team ?? null })),
  };
}

/** Log entries as the model sees them, each with the id a citation must use. */
export function logEntryRows(entries: readonly LogEntry[]): Record<string, unknown>[] {
  return entries.map((entry) => ({
    sourceType: 'LOG_ENTRY',
    id: entry.id,
    at: entry.at,
    type: entry.type,
    agent: entry.agent,
    summary: entry.summary,
  }));
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
