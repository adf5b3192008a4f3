/**
 * The parts of PagerDuty REST API v2 bodies this driver reads, as published in PagerDuty's
 * OpenAPI description (github.com/PagerDuty/api-schema, reference/REST/openapiv3.json):
 * `Reference` (id, type, summary), `Incident`, `LogEntry`, `IncidentNote`, `Alert`, `User`,
 * `StatusUpdate` and the offset `Pagination` (offset, limit, more, total). Unknown fields
 * are ignored; a missing field we rely on makes the body malformed.
 */
import { z } from 'zod';

/** A date-time that parses (PagerDuty sends the account's or the requested time-zone offset). */
const dateTime = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'a date-time');

/** `Reference`: every PagerDuty object and reference has these. */
export const referenceSchema = z.object({
  id: z.string().min(1),
  type: z.string().optional(),
  summary: z.string().nullish(),
});

/** `Pagination` of list endpoints (classic offset pagination). */
export const paginationSchema = z.object({
  offset: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  more: z.boolean(),
  total: z.number().int().nullish(),
});

export const incidentSchema = referenceSchema.extend({
  incident_number: z.number().int(),
  title: z.string(),
  created_at: dateTime,
  status: z.enum(['triggered', 'acknowledged', 'resolved']),
  urgency: z.enum(['high', 'low']),
  service: referenceSchema.extend({ name: z.string().optional() }),
  assignments: z.array(z.object({ at: dateTime.optional(), assignee: referenceSchema.extend({ name: z.string().optional() }) })).default([]),
  last_status_change_at: dateTime.nullish(),
  resolved_at: dateTime.nullish(),
  /** `Priority` (a reference with `name`); null when the account has no priorities or none is set. */
  priority: referenceSchema.extend({ name: z.string().optional() }).nullish(),
  body: z.object({ details: z.unknown().optional() }).passthrough().nullish(),
});

export const getIncidentResponse = z.object({ incident: incidentSchema });

export const logEntrySchema = referenceSchema.extend({
  /** e.g. `trigger_log_entry`; any string, so a type PagerDuty adds later does not break reading. */
  type: z.string().min(1),
  created_at: dateTime,
  agent: referenceSchema.nullish(),
  channel: z.object({ type: z.string().optional(), summary: z.string().nullish() }).passthrough().nullish(),
  note: z.string().nullish(),
});

export const listLogEntriesResponse = paginationSchema.extend({ log_entries: z.array(logEntrySchema) });

export const noteSchema = z.object({
  id: z.string().min(1),
  user: referenceSchema.nullish(),
  content: z.string(),
  created_at: dateTime,
});

export const listNotesResponse = z.object({ notes: z.array(noteSchema) });

export const alertSchema = referenceSchema.extend({
  created_at: dateTime,
  status: z.enum(['triggered', 'resolved']),
  alert_key: z.string().nullish(),
  severity: z.enum(['info', 'warning', 'error', 'critical']).nullish(),
  service: referenceSchema.nullish(),
  integration: referenceSchema.nullish(),
  /** `body.details` holds the event's custom details (Events API v2 `payload.custom_details`). */
  body: z
    .object({ details: z.unknown().optional() })
    .passthrough()
    .nullish(),
});

export const listAlertsResponse = paginationSchema.extend({ alerts: z.array(alertSchema) });

export const userSchema = referenceSchema.extend({
  name: z.string(),
  email: z.string().optional(),
  teams: z.array(referenceSchema.extend({ name: z.string().optional() })).default([]),
});

export const getUserResponse = z.object({ user: userSchema });

export const statusUpdateResponse = z.object({
  status_update: z.object({ id: z.string().min(1), message: z.string().optional(), created_at: z.string().optional() }),
});

export type PagerDutyIncident = z.infer<typeof incidentSchema>;
export type PagerDutyLogEntry = z.infer<typeof logEntrySchema>;
export type PagerDutyNote = z.infer<typeof noteSchema>;
export type PagerDutyAlert = z.infer<typeof alertSchema>;
export type PagerDutyUser = z.infer<typeof userSchema>;
