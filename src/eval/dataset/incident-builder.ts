/**
 * Builds realistic incidents for evaluation datasets from compact scenarios: a scenario is
 * the whole life of an incident (alerts, log entries, notes, each tagged with the response
 * stage it belongs to), and {@link incidentAt} cuts it at a stage, so one scenario gives the
 * incident as it looked while investigating, once the cause was identified, while
 * monitoring, and resolved. Records get PagerDuty-like ids; times are UTC.
 */
import type { Alert, AlertSeverity, Incident, LogEntry, Person, Priority, Urgency } from '../../incidents/types.js';

/** How far the response got. */
export type Stage = 'investigating' | 'identified' | 'monitoring' | 'resolved';
export const stages: readonly Stage[] = ['investigating', 'identified', 'monitoring', 'resolved'];

/** The status-page phase of a stage. */
export const phaseOfStage: Record<Stage, 'INVESTIGATING' | 'IDENTIFIED' | 'MONITORING' | 'RESOLVED'> = {
  investigating: 'INVESTIGATING',
  identified: 'IDENTIFIED',
  monitoring: 'MONITORING',
  resolved: 'RESOLVED',
};

/** One thing that happened: a log entry, or a note (which also logs an `annotate` entry). */
export interface ScenarioEvent {
  /** `HH:MM` or `HH:MM:SS` on the scenario's date, or a full ISO time. */
  at: string;
  kind: LogEntry['type'] | 'note';
  /** A person of the scenario (by name) or an agent ("PagerDuty", "Prometheus Alertmanager"). */
  by: string;
  /** The log entry's summary, or the note's content. */
  text: string;
  /** Notes: the summary of the `annotate` entry PagerDuty logs for it; none: no entry. */
  annotate?: string;
  /** The stage this event moves the response to; later events stay in it. */
  stage?: Stage;
}

/** An alert grouped into the incident. */
export interface ScenarioAlert {
  at: string;
  severity: AlertSeverity;
  source: string;
  summary: string;
  body: Record<string, unknown>;
  /** From this stage on the alert shows as resolved; none: stays triggered. */
  resolvesAt?: Stage;
}

/** The whole life of one incident. */
export interface IncidentScenario {
  id: string;
  number: number;
  /** `YYYY-MM-DD` of the first event. */
  date: string;
  title: string;
  description: string;
  urgency: Urgency;
  priority: Priority | null;
  services: readonly (readonly [id: string, name: string])[];
  people: readonly Person[];
  /** Names of the assignees (from `people`). */
  assignees: readonly string[];
  private?: boolean;
  alerts: readonly ScenarioAlert[];
  events: readonly ScenarioEvent[];
}

const rank = (stage: Stage): number => stages.indexOf(stage);

/** An ISO time from a scenario time. */
export function isoTime(date: string, at: string): string {
  if (at.includes('T')) return at;
  const [hours, minutes, seconds] = at.split(':');
  return `${date}T${hours!.padStart(2, '0')}:${minutes}:${(seconds ?? '00').padStart(2, '0')}Z`;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** Options of {@link incidentAt}. */
export interface IncidentCut {
  /** Another id for the incident and its records (variants of one scenario in one dataset). */
  id?: string;
  /** Extra notes (adversarial content, late findings), placed in time order. */
  extraNotes?: readonly { at: string; by: string; text: string }[];
  /** Extra alerts. */
  extraAlerts?: readonly ScenarioAlert[];
}

/** The incident as it stood when the response had reached `stage`. */
export function incidentAt(scenario: IncidentScenario, stage: Stage, cut: IncidentCut = {}): Incident {
  const id = cut.id ?? scenario.id;
  const person = (name: string): Person => scenario.people.find((candidate) => candidate.name === name) ?? { id: `PU${name.replace(/[^A-Z]/g, '').padEnd(5, 'X')}`, name };
  let current: Stage = 'investigating';
  const included: { event: ScenarioEvent; at: string }[] = [];
  const extras = (cut.extraNotes ?? []).map((note): ScenarioEvent => ({ at: note.at, kind: 'note', by: note.by, text: note.text }));
  const ordered = [...scenario.events, ...extras]
    .map((event, index) => ({ event, index, at: isoTime(scenario.date, event.at) }))
    .sort((a, b) => a.at.localeCompare(b.at) || a.index - b.index);
  for (const { event, at } of ordered) {
    if (event.stage && rank(event.stage) > rank(current)) {
      if (rank(event.stage) > rank(stage)) break;
      current = event.stage;
    }
    included.push({ event, at });
  }
  const lastAt = included.at(-1)?.at ?? isoTime(scenario.date, scenario.events[0]?.at ?? '00:00');

  const logEntries: LogEntry[] = [];
  const notes: Incident['notes'] = [];
  for (const { event, at } of included) {
    if (event.kind === 'note') {
      notes.push({ id: `${id}-NOTE-${notes.length + 1}`, at, author: person(event.by), content: event.text });
      if (event.annotate !== undefined) {
        logEntries.push({ id: `${id}-LOG-${pad(logEntries.length + 1)}`, type: 'annotate', at, agent: event.by, summary: `Note added: ${event.annotate}` });
      }
    } else {
      logEntries.push({ id: `${id}-LOG-${pad(logEntries.length + 1)}`, type: event.kind, at, agent: event.by, summary: event.text });
    }
  }
  const alerts: Alert[] = [...scenario.alerts, ...(cut.extraAlerts ?? [])]
    .map((alert) => ({ alert, at: isoTime(scenario.date, alert.at) }))
    .filter(({ at }) => at <= lastAt)
    .sort((a, b) => a.at.localeCompare(b.at))
    .map(({ alert, at }, index) => ({
      id: `${id}-ALERT-${index + 1}`,
      at,
      severity: alert.severity,
      status: alert.resolvesAt && rank(current) >= rank(alert.resolvesAt) ? 'resolved' : 'triggered',
      summary: alert.summary,
      source: alert.source,
      body: structuredClone(alert.body),
    }));
  const resolved = current === 'resolved';
  const resolveEntry = resolved ? [...logEntries].reverse().find((entry) => entry.type === 'resolve') : undefined;
  return {
    id,
    accountId: 'demo',
    number: scenario.number,
    title: scenario.title,
    description: scenario.description,
    status: resolved ? 'resolved' : logEntries.some((entry) => entry.type === 'acknowledge') ? 'acknowledged' : 'triggered',
    urgency: scenario.urgency,
    priority: scenario.priority,
    services: scenario.services.map(([serviceId, name]) => ({ id: serviceId, name })),
    createdAt: logEntries[0]?.at ?? lastAt,
    resolvedAt: resolveEntry?.at ?? null,
    assignees: scenario.assignees.map(person),
    private: scenario.private ?? false,
    logEntries,
    notes,
    alerts,
  };
}

/** Every person a scenario names. */
export const peopleNames = (scenario: IncidentScenario): string[] => scenario.people.map((person) => person.name);

/**
 * An incident as it stood at `at`: records after it left out, and unresolved if its
 * resolution came later (the sample incidents, seen before they ended).
 */
export function incidentUntil(incident: Incident, at: string): Incident {
  const keep = <T extends { at: string }>(records: readonly T[]): T[] => records.filter((record) => record.at <= at).map((record) => structuredClone(record));
  const logEntries = keep(incident.logEntries);
  const resolved = incident.resolvedAt !== null && incident.resolvedAt <= at;
  return {
    ...structuredClone(incident),
    status: resolved ? 'resolved' : logEntries.some((entry) => entry.type === 'acknowledge') ? 'acknowledged' : 'triggered',
    resolvedAt: resolved ? incident.resolvedAt : null,
    logEntries,
    notes: keep(incident.notes),
    alerts: keep(incident.alerts).map((alert) => (resolved ? alert : { ...alert, status: 'triggered' as const })),
  };
}

/**
 * The incident with `rounds` of alert churn added (re-triggers, notifications, acknowledgements
 * and escalations every few minutes from `from`): the long, noisy log of a flapping alert.
 */
export function withAlertChurn(incident: Incident, from: string, rounds: number, people: readonly string[]): Incident {
  const start = Date.parse(from);
  const churn: LogEntry[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const at = (offsetSeconds: number): string => new Date(start + round * 150_000 + offsetSeconds * 1000).toISOString().replace('.000Z', 'Z');
    const who = people[round % people.length] ?? 'On-call';
    churn.push(
      { id: '', type: 'trigger', at: at(0), agent: 'Prometheus Alertmanager', summary: `Re-triggered: alert flapped (${round % 2 === 0 ? 'firing' : 'firing again'}, occurrence ${round + 2}).` },
      { id: '', type: 'notify', at: at(2), agent: 'PagerDuty', summary: `Notified ${who} by push notification.` },
      round % 5 === 4
        ? { id: '', type: 'escalate', at: at(40), agent: 'PagerDuty', summary: 'Escalated to level 2: not acknowledged after 5 minutes.' }
        : { id: '', type: 'acknowledge', at: at(40), agent: who, summary: `Acknowledged by ${who}.` },
    );
  }
  const logEntries = [...incident.logEntries, ...churn]
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at.localeCompare(b.entry.at) || a.index - b.index)
    .map(({ entry }, index) => ({ ...entry, id: `${incident.id}-LOG-${String(index + 1).padStart(3, '0')}` }));
  return { ...structuredClone(incident), logEntries };
}
