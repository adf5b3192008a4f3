/**
 * The documented incident shape of the supergraph source (docs/deployment.md), as zod: what
 * the router answers is validated and mapped onto our {@link Incident}; anything else is a
 * malformed answer (a typed error, nothing stored). Enum values are accepted in GraphQL's
 * upper case or ours; times must carry a zone and become UTC.
 */
import { z } from 'zod';
import type { Incident } from '../types.js';

const lower = <T extends readonly [string, ...string[]]>(values: T) =>
  z.string().transform((value) => value.toLowerCase()).pipe(z.enum(values));

const instant = z
  .string()
  .refine((value) => /([zZ]|[+-]\d{2}:?\d{2})$/.test(value) && !Number.isNaN(Date.parse(value)), 'an ISO-8601 time with a zone')
  .transform((value) => new Date(value).toISOString().replace('.000Z', 'Z'));

const person = z.object({ id: z.string(), name: z.string(), team: z.string().nullish() });
const logEntryTypes = ['trigger', 'acknowledge', 'escalate', 'assign', 'notify', 'annotate', 'status_update', 'priority_change', 'urgency_change', 'reach_trigger_limit', 'resolve'] as const;

/** One incident of `data.incidents`. */
export const graphqlIncidentSchema = z.object({
  id: z.string(),
  number: z.number().int().nullish(),
  title: z.string(),
  description: z.string().nullish(),
  status: lower(['triggered', 'acknowledged', 'resolved'] as const),
  urgency: lower(['high', 'low'] as const).nullish(),
  priority: z
    .string()
    .transform((value) => value.toUpperCase())
    .pipe(z.enum(['P1', 'P2', 'P3', 'P4', 'P5']))
    .nullish(),
  createdAt: instant,
  resolvedAt: instant.nullish(),
  private: z.boolean().nullish(),
  services: z.array(z.object({ id: z.string(), name: z.string() })).min(1),
  assignees: z.array(person).nullish(),
  logEntries: z.array(z.object({ id: z.string(), type: lower(logEntryTypes), at: instant, agent: z.string().nullish(), summary: z.string() })).nullish(),
  notes: z.array(z.object({ id: z.string(), at: instant, content: z.string(), author: person })).nullish(),
  alerts: z
    .array(
      z.object({
        id: z.string(),
        at: instant,
        severity: lower(['critical', 'error', 'warning', 'info'] as const),
        status: lower(['triggered', 'resolved'] as const),
        summary: z.string(),
        source: z.string().nullish(),
        // A JSON scalar, or its text.
        body: z.union([z.record(z.string(), z.unknown()), z.string().transform((text, context) => {
          try {
            const value: unknown = JSON.parse(text);
            if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
          } catch {
            // reported below
          }
          context.addIssue({ code: 'custom', message: 'alert body is not a JSON object' });
          return z.NEVER;
        })]).nullish(),
      }),
    )
    .nullish(),
});

/** A GraphQL response of the incident query. */
export const graphqlResponseSchema = z.object({
  data: z.object({ incidents: z.array(z.unknown().nullable()).nullable() }).nullable().optional(),
  errors: z.array(z.object({ message: z.string(), extensions: z.record(z.string(), z.unknown()).nullish() })).nullish(),
});

type GraphqlIncident = z.infer<typeof graphqlIncidentSchema>;

/** A validated supergraph incident as ours, owned by `accountId`. */
export function toIncident(raw: GraphqlIncident, accountId: string): Incident {
  const person = (value: { id: string; name: string; team?: string | null | undefined }) => ({ id: value.id, name: value.name, ...(value.team && { team: value.team }) });
  return {
    id: raw.id,
    accountId,
    number: raw.number ?? 0,
    title: raw.title,
    description: raw.description ?? '',
    status: raw.status,
    urgency: raw.urgency ?? 'high',
    priority: raw.priority ?? null,
    services: raw.services,
    createdAt: raw.createdAt,
    resolvedAt: raw.resolvedAt ?? null,
    assignees: (raw.assignees ?? []).map(person),
    private: raw.private ?? false,
    logEntries: (raw.logEntries ?? []).map((entry) => ({ id: entry.id, type: entry.type, at: entry.at, agent: entry.agent ?? '', summary: entry.summary })),
    notes: (raw.notes ?? []).map((note) => ({ id: note.id, at: note.at, content: note.content, author: person(note.author) })),
    alerts: (raw.alerts ?? []).map((alert) => ({
      id: alert.id,
      at: alert.at,
      severity: alert.severity,
      status: alert.status,
      summary: alert.summary,
      source: alert.source ?? '',
      body: alert.body ?? {},
    })),
  };
}
