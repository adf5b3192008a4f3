/**
 * The incident data every feature reads, modelled on PagerDuty's REST API v2 (incidents,
 * log entries, notes, alerts) and Runbook Automation (jobs, executions). Drivers translate
 * their source into these shapes; features never see a driver's raw payloads.
 * All times are ISO-8601 strings in UTC.
 */
import type { Context } from '@opentelemetry/api';

export type IncidentStatus = 'triggered' | 'acknowledged' | 'resolved';
export type Urgency = 'high' | 'low';
export type Priority = 'P1' | 'P2' | 'P3' | 'P4' | 'P5';

export interface ServiceRef {
  id: string;
  name: string;
}

export interface Person {
  id: string;
  name: string;
  /** The team a person answers for, when known (used to suggest action-item owners). */
  team?: string;
}

/** One entry of the incident's log (PagerDuty `log_entries`). */
export interface LogEntry {
  id: string;
  /** PagerDuty log entry type without the `_log_entry` suffix. */
  type:
    | 'trigger'
    | 'acknowledge'
    | 'escalate'
    | 'assign'
    | 'notify'
    | 'annotate'
    | 'status_update'
    | 'priority_change'
    | 'urgency_change'
    | 'reach_trigger_limit'
    | 'resolve';
  at: string;
  /** Who or what caused it: a person's name, a service or an integration. */
  agent: string;
  /** One-line human summary, as PagerDuty's `summary`. */
  summary: string;
}

/** A responder note on the incident. Untrusted: anyone on the incident can write it. */
export interface Note {
  id: string;
  at: string;
  author: Person;
  content: string;
}

export type AlertSeverity = 'critical' | 'error' | 'warning' | 'info';

/** An alert grouped into the incident. Its body comes from monitoring tools: untrusted. */
export interface Alert {
  id: string;
  at: string;
  severity: AlertSeverity;
  status: 'triggered' | 'resolved';
  summary: string;
  /** The monitoring source (e.g. `prometheus`, `datadog`, `cloudwatch`). */
  source: string;
  /** The raw event payload (PagerDuty Events API v2 `payload.custom_details`). */
  body: Record<string, unknown>;
}

export interface Incident {
  id: string;
  /** The tenant that owns the incident. */
  accountId: string;
  number: number;
  title: string;
  description: string;
  status: IncidentStatus;
  urgency: Urgency;
  priority: Priority | null;
  /** Affected services; the first is the one the incident was opened on. */
  services: ServiceRef[];
  createdAt: string;
  resolvedAt: string | null;
  assignees: Person[];
  /** Marked private: its data must not leave for external AI providers (data policy). */
  private: boolean;
  logEntries: LogEntry[];
  notes: Note[];
  alerts: Alert[];
}

export interface RunbookJob {
  id: string;
  accountId: string;
  name: string;
  description: string;
  project: string;
}

export type ExecutionStatus = 'succeeded' | 'failed' | 'aborted' | 'running' | 'timedout';

/** One line of an execution log (Rundeck `execution/{id}/output` entries). */
export interface ExecutionLogLine {
  at: string;
  level: 'DEBUG' | 'VERBOSE' | 'NORMAL' | 'WARN' | 'ERROR';
  node: string;
  /** The step context, e.g. "1" or "2/1" for a sub-step. */
  step: string;
  text: string;
  /**
   * The line's 1-based number in the whole log at the source, when the driver holds only part
   * of a long log (see {@link JobExecution.logLineCount}); absent, the line's position in `log`.
   */
  number?: number;
}

export interface JobExecution {
  id: string;
  jobId: string;
  accountId: string;
  status: ExecutionStatus;
  startedAt: string;
  endedAt: string | null;
  user: string;
  /** Steps as defined by the job, in order, so a digest can name the failing one. */
  steps: { number: number; description: string }[];
  nodes: string[];
  /** The incident the execution ran for, when it was started from one. */
  incidentId: string | null;
  /** The log, whole or (for a long log) a bounded selection of its lines in order, each with its `number`. */
  log: ExecutionLogLine[];
  /** Lines of the whole log at the source, when `log` holds only some of them; absent: `log.length`. */
  logLineCount?: number;
}

/**
 * Who asks, for the sources that act with the caller's own credentials (the supergraph
 * driver forwards `authorization` to the router). Other sources ignore it. Secret: never
 * logged or stored.
 */
export interface SourceCaller {
  /** The caller's `Authorization` header, when they came with one. */
  authorization: string | null;
  /**
   * The trace context of the request asking: the upstream request spans are its children (the
   * service registers no context manager that follows awaits). Unset: the active context.
   */
  trace?: Context;
}

/**
 * Where incidents come from. `accountId` is the caller's account: a driver returns `null`
 * for anything the account may not see, exactly as for an unknown id, so nothing leaks.
 * `caller` is optional: sources with credentials of their own never need it.
 */
export interface IncidentSource {
  /** Loads many incidents at once, in the order of `ids` (DataLoader contract). */
  loadIncidents(accountId: string, ids: readonly string[], caller?: SourceCaller): Promise<(Incident | null)[]>;
  loadJob(accountId: string, jobId: string, caller?: SourceCaller): Promise<RunbookJob | null>;
  loadExecution(accountId: string, jobId: string, executionId: string, caller?: SourceCaller): Promise<JobExecution | null>;
}
