/**
 * The zod schemas of what an evaluation case carries: the incident, job and execution in
 * exactly the shape {@link IncidentSource} returns them, so a case runs through the same
 * feature code as a live request. The `satisfies`-style annotations make the compiler reject
 * a schema that drifts from `src/incidents/types.ts`.
 */
import { z } from 'zod';
import type { Alert, Incident, JobExecution, LogEntry, Note, Person, RunbookJob } from '../incidents/types.js';

const personSchema: z.ZodType<Person> = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  team: z.string().optional(),
});

const logEntryTypes = [
  'trigger',
  'acknowledge',
  'escalate',
  'assign',
  'notify',
  'annotate',
  'status_update',
  'priority_change',
  'urgency_change',
  'reach_trigger_limit',
  'resolve',
] as const satisfies readonly LogEntry['type'][];

const logEntrySchema: z.ZodType<LogEntry> = z.object({
  id: z.string().min(1),
  type: z.enum(logEntryTypes),
  at: z.string().min(1),
  agent: z.string(),
  summary: z.string(),
});

const noteSchema: z.ZodType<Note> = z.object({
  id: z.string().min(1),
  at: z.string().min(1),
  author: personSchema,
  content: z.string(),
});

const alertSchema: z.ZodType<Alert> = z.object({
  id: z.string().min(1),
  at: z.string().min(1),
  severity: z.enum(['critical', 'error', 'warning', 'info']),
  status: z.enum(['triggered', 'resolved']),
  summary: z.string(),
  source: z.string(),
  body: z.record(z.string(), z.unknown()),
});

/** An incident as `IncidentSource.loadIncidents` returns it. */
export const incidentSchema: z.ZodType<Incident> = z.object({
  id: z.string().min(1),
  accountId: z.string().min(1),
  number: z.number().int(),
  title: z.string().min(1),
  description: z.string(),
  status: z.enum(['triggered', 'acknowledged', 'resolved']),
  urgency: z.enum(['high', 'low']),
  priority: z.enum(['P1', 'P2', 'P3', 'P4', 'P5']).nullable(),
  services: z.array(z.object({ id: z.string().min(1), name: z.string().min(1) })),
  createdAt: z.string().min(1),
  resolvedAt: z.string().nullable(),
  assignees: z.array(personSchema),
  private: z.boolean(),
  logEntries: z.array(logEntrySchema),
  notes: z.array(noteSchema),
  alerts: z.array(alertSchema),
});

/** A runbook job as `IncidentSource.loadJob` returns it. */
export const runbookJobSchema: z.ZodType<RunbookJob> = z.object({
  id: z.string().min(1),
  accountId: z.string().min(1),
  name: z.string().min(1),
  description: z.string(),
  project: z.string(),
});

/** A job execution as `IncidentSource.loadExecution` returns it. */
export const jobExecutionSchema: z.ZodType<JobExecution> = z.object({
  id: z.string().min(1),
  jobId: z.string().min(1),
  accountId: z.string().min(1),
  status: z.enum(['succeeded', 'failed', 'aborted', 'running', 'timedout']),
  startedAt: z.string().min(1),
  endedAt: z.string().nullable(),
  user: z.string(),
  steps: z.array(z.object({ number: z.number().int().min(1), description: z.string() })),
  nodes: z.array(z.string()),
  incidentId: z.string().nullable(),
  log: z.array(
    z.object({
      at: z.string().min(1),
      level: z.enum(['DEBUG', 'VERBOSE', 'NORMAL', 'WARN', 'ERROR']),
      node: z.string(),
      step: z.string(),
      text: z.string(),
    }),
  ),
});

/** The records a case's feature reads, as the incident source would load them. */
export const caseDataSchema = z.object({
  incident: incidentSchema.nullable().default(null),
  job: runbookJobSchema.nullable().default(null),
  execution: jobExecutionSchema.nullable().default(null),
});
export type CaseData = z.infer<typeof caseDataSchema>;
