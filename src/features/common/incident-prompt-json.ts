import type { Alert, Incident, LogEntry, Note } from '../../incidents/types.js';
import type { IncidentTextOptions } from './incident-prompt-data.js';

/**
 * The incident as the first prompt versions (`*\/v1`) show it: one JSON object per record,
 * every record with the id a citation must use. Kept so evaluations can still compare
 * against those versions; current prompts use the line format of incident-prompt-data.ts.
 */
export function incidentPromptData(incident: Incident, options: Omit<IncidentTextOptions, 'logEntries'> = {}): Record<string, unknown> {
  return {
    ...incidentHeaderData(incident, options.description ?? incident.description),
    logEntries: logEntryRows(incident.logEntries),
    ...incidentNotesAndAlerts(incident, options),
  };
}

/** Notes and alerts as JSON objects, as shown (see {@link IncidentTextOptions}). */
export function incidentNotesAndAlerts(incident: Incident, options: Omit<IncidentTextOptions, 'logEntries' | 'description'>): Record<string, unknown> {
  const notes = options.notes ?? incident.notes;
  return {
    notes: notes.map((note: Note) => ({ sourceType: 'NOTE', id: note.id, at: note.at, author: note.author.name, content: note.content })),
    ...(options.notesOmitted && { notesOmitted: options.notesOmitted }),
    alerts: (options.alerts ?? incident.alerts).map((alert: Alert) => ({
      sourceType: 'ALERT',
      id: alert.id,
      at: alert.at,
      severity: alert.severity,
      status: alert.status,
      source: alert.source,
      summary: alert.summary,
      ...((options.alertDetails ?? true) && { details: alert.body }),
    })),
  };
}

/** The incident's own fields as JSON, before its records; `description` as the prompt can afford it. */
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

/** Log entries as JSON objects, each with the id a citation must use. */
export function logEntryRows(entries: readonly LogEntry[]): Record<string, unknown>[] {
  return entries.map((entry) => ({ sourceType: 'LOG_ENTRY', id: entry.id, at: entry.at, type: entry.type, agent: entry.agent, summary: entry.summary }));
}
