/**
 * PagerDuty bodies onto our incident types. Ids stay PagerDuty's, so a citation names a
 * real log entry; every time becomes UTC ISO-8601 whatever offset PagerDuty sent.
 */
import type { Alert, Incident, LogEntry, Note, Person, Priority } from '../types.js';
import type { PagerDutyAlert, PagerDutyIncident, PagerDutyLogEntry, PagerDutyNote } from './pagerduty-schemas.js';

/** `2026-03-01T09:30:00-07:00` → `2026-03-01T16:30:00.000Z`. */
export const toUtc = (value: string): string => new Date(value).toISOString();

/**
 * PagerDuty's log entry types (the `_log_entry` suffix removed) onto ours. Types without a
 * counterpart take the nearest one; the entry's own summary still says what happened.
 */
const logEntryTypes: Record<string, LogEntry['type']> = {
  trigger: 'trigger',
  acknowledge: 'acknowledge',
  snooze: 'acknowledge',
  unacknowledge: 'escalate',
  assign: 'assign',
  delegate: 'assign',
  escalate: 'escalate',
  exhaust_escalation_path: 'escalate',
  repeat_escalation_path: 'escalate',
  reach_ack_limit: 'escalate',
  notify: 'notify',
  annotate: 'annotate',
  resolve: 'resolve',
  reach_trigger_limit: 'reach_trigger_limit',
  urgency_change: 'urgency_change',
  priority_change: 'priority_change',
  status_update: 'status_update',
};

export function mapLogEntryType(type: string): LogEntry['type'] {
  return logEntryTypes[type.replace(/_log_entry$/, '')] ?? 'annotate';
}

/** `P1`…`P5` (also `SEV1`, `SEV-2`, `sev 3`); any other name, or none, is null. */
export function mapPriority(priority: PagerDutyIncident['priority']): Priority | null {
  const name = priority?.name ?? priority?.summary ?? '';
  const match = /^(?:p|sev)[\s-]?([1-5])$/i.exec(name.trim());
  return match ? (`P${match[1]}` as Priority) : null;
}

export function mapLogEntry(entry: PagerDutyLogEntry): LogEntry {
  const summary = entry.summary ?? entry.channel?.summary ?? entry.type.replace(/_log_entry$/, '').replaceAll('_', ' ');
  return {
    id: entry.id,
    type: mapLogEntryType(entry.type),
    at: toUtc(entry.created_at),
    agent: entry.agent?.summary ?? entry.agent?.id ?? 'PagerDuty',
    summary: entry.note && !summary.includes(entry.note) ? `${summary}: ${entry.note}` : summary,
  };
}

export function mapNote(note: PagerDutyNote): Note {
  return {
    id: note.id,
    at: toUtc(note.created_at),
    author: { id: note.user?.id ?? 'unknown', name: note.user?.summary ?? note.user?.id ?? 'unknown' },
    content: note.content,
  };
}

export function mapAlert(alert: PagerDutyAlert): Alert {
  const details = alert.body?.details;
  return {
    id: alert.id,
    at: toUtc(alert.created_at),
    severity: alert.severity ?? 'error',
    status: alert.status,
    summary: alert.summary ?? alert.alert_key ?? alert.id,
    source: alert.integration?.summary ?? alert.service?.summary ?? 'pagerduty',
    body: details && typeof details === 'object' && !Array.isArray(details) ? (details as Record<string, unknown>) : details === undefined ? {} : { details },
  };
}

/** The description: the incident body's details (text, or a `description` field), else the title. */
function descriptionOf(incident: PagerDutyIncident): string {
  const details = incident.body?.details;
  if (typeof details === 'string' && details.trim()) return details;
  if (details && typeof details === 'object' && typeof (details as { description?: unknown }).description === 'string') {
    return (details as { description: string }).description;
  }
  return incident.title;
}

/** The whole incident, for `accountId` (the account whose credential read it). */
export function mapIncident(
  accountId: string,
  incident: PagerDutyIncident,
  parts: { logEntries: PagerDutyLogEntry[]; notes: PagerDutyNote[]; alerts: PagerDutyAlert[]; assignees: Person[] },
): Incident {
  const logEntries = parts.logEntries.map(mapLogEntry).sort((a, b) => a.at.localeCompare(b.at));
  const resolvedAt =
    incident.status !== 'resolved'
      ? null
      : incident.resolved_at
        ? toUtc(incident.resolved_at)
        : (logEntries.findLast((entry) => entry.type === 'resolve')?.at ?? (incident.last_status_change_at ? toUtc(incident.last_status_change_at) : null));
  return {
    id: incident.id,
    accountId,
    number: incident.incident_number,
    title: incident.title,
    description: descriptionOf(incident),
    status: incident.status,
    urgency: incident.urgency,
    priority: mapPriority(incident.priority),
    services: [{ id: incident.service.id, name: incident.service.summary ?? incident.service.name ?? incident.service.id }],
    createdAt: toUtc(incident.created_at),
    resolvedAt,
    assignees: parts.assignees,
    private: false,
    logEntries,
    notes: parts.notes.map(mapNote).sort((a, b) => a.at.localeCompare(b.at)),
    alerts: parts.alerts.map(mapAlert).sort((a, b) => a.at.localeCompare(b.at)),
  };
}
