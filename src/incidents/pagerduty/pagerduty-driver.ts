/**
 * The `pagerduty` driver: PagerDuty REST API v2. One incident is `GET /incidents/{id}`, then
 * every page of its log entries and alerts, its notes, and its assignees (names, teams), all
 * within one deadline. Headers as documented: `Authorization: Token token=<key>` and
 * `Accept: application/vnd.pagerduty+json;version=2`. It also publishes status updates.
 */
import type { z } from 'zod';
import type { PagerDutySourceSettings } from '../../config/incident-sources.js';
import type { DriverContext, IncidentDriver } from '../incident-driver.js';
import type { Incident, Person } from '../types.js';
import type { Deadline } from '../upstream/deadline.js';
import { createUpstreamClient, type UpstreamClient } from '../upstream/upstream-client.js';
import { sourceUnavailable } from '../upstream/upstream-error.js';
import { mapIncident } from './pagerduty-mapping.js';
import {
  getIncidentResponse,
  getUserResponse,
  listAlertsResponse,
  listLogEntriesResponse,
  listNotesResponse,
  paginationSchema,
  statusUpdateResponse,
} from './pagerduty-schemas.js';

/** Name shown to callers and in logs. */
export const pagerDutySourceName = 'PagerDuty';
/** The documented media type of REST API v2. */
export const pagerDutyAccept = 'application/vnd.pagerduty+json;version=2';
/** Page size asked for (PagerDuty's classic pagination allows up to 100). */
export const pagerDutyPageSize = 100;
/** Most list items kept per incident and list (log entries, alerts): bounds memory and time. */
export const pagerDutyMaxItems = 10_000;

/** A status update as PagerDuty stored it. */
export interface PublishedStatusUpdate {
  /** PagerDuty's id of the status update. */
  id: string;
}

export interface PagerDutyDriver extends IncidentDriver {
  readonly name: 'pagerduty';
  /** The settings' `From:` address, used when the caller has no email claim. */
  readonly fromEmail: string | null;
  /** `POST /incidents/{id}/status_updates`; null when PagerDuty does not know the incident. */
  publishStatusUpdate(incidentId: string, message: string, fromEmail: string): Promise<PublishedStatusUpdate | null>;
}

export function createPagerDutyDriver(settings: PagerDutySourceSettings, context: DriverContext): PagerDutyDriver {
  const client = createUpstreamClient({
    source: pagerDutySourceName,
    baseUrl: settings.url,
    headers: { Authorization: `Token token=${settings.token}`, Accept: pagerDutyAccept },
    credentialSetting: settings.tokenSetting,
    gate: context.upstream.gateFor(settings.token),
    breaker: context.upstream.breakerFor('pagerduty', settings.url),
    requestTimeoutMs: context.requestTimeoutMs,
    deadlineMs: context.deadlineMs,
    backoff: { baseMs: 200, maxMs: 2_000 },
    maxAttempts: 4,
    logger: context.logger,
    ...(context.tracer && { tracer: context.tracer }),
  });

  const loadIncident = async (accountId: string, id: string, deadline: Deadline): Promise<Incident | null> => {
    const path = `/incidents/${encodeURIComponent(id)}`;
    const found = await client.request({ path, schema: getIncidentResponse, deadline });
    if (!found) return null;
    const { incident } = found;
    const [logEntries, alerts, notes, assignees] = await Promise.all([
      allPages(client, `${path}/log_entries`, listLogEntriesResponse, (page) => page.log_entries, deadline),
      allPages(client, `${path}/alerts`, listAlertsResponse, (page) => page.alerts, deadline),
      client.request({ path: `${path}/notes`, schema: listNotesResponse, deadline }),
      Promise.all(incident.assignments.map((assignment) => loadPerson(client, assignment.assignee, deadline))),
    ]);
    // The incident was there a moment ago: a 404 on its parts means it went away (merged, deleted).
    if (logEntries === null || alerts === null || notes === null) return null;
    return mapIncident(accountId, incident, { logEntries, alerts, notes: notes.notes, assignees });
  };

  return {
    name: 'pagerduty',
    fromEmail: settings.fromEmail,
    async loadIncidents(accountId, ids, caller) {
      const deadline = client.deadline(undefined, caller?.trace);
      return Promise.all(ids.map((id) => loadIncident(accountId, id, deadline)));
    },
    async publishStatusUpdate(incidentId, message, fromEmail) {
      const created = await client.request({
        method: 'POST',
        path: `/incidents/${encodeURIComponent(incidentId)}/status_updates`,
        headers: { From: fromEmail },
        body: { message },
        schema: statusUpdateResponse,
      });
      return created ? { id: created.status_update.id } : null;
    },
  };
}

/** Every page of an offset-paginated list, following `more`; null on 404. */
async function allPages<Item, Page extends z.infer<typeof paginationSchema>>(
  client: UpstreamClient,
  path: string,
  schema: z.ZodType<Page>,
  itemsOf: (page: Page) => Item[],
  deadline: Deadline,
): Promise<Item[] | null> {
  const items: Item[] = [];
  for (let offset = 0; ; ) {
    const page = await client.request({ path, query: { limit: pagerDutyPageSize, offset }, schema, deadline });
    if (!page) return offset === 0 ? null : items;
    const pageItems = itemsOf(page);
    items.push(...pageItems);
    if (!page.more) return items;
    if (pageItems.length === 0) throw sourceUnavailable(pagerDutySourceName, 'malformed_response');
    if (items.length >= pagerDutyMaxItems) return items.slice(0, pagerDutyMaxItems);
    offset = page.offset + pageItems.length;
  }
}

/** An assignee with their name and first team (`GET /users/{id}?include[]=teams`). */
async function loadPerson(client: UpstreamClient, reference: { id: string; summary?: string | null | undefined }, deadline: Deadline): Promise<Person> {
  const found = await client.request({ path: `/users/${encodeURIComponent(reference.id)}`, query: { include: ['teams'] }, schema: getUserResponse, deadline });
  const team = found?.user.teams[0];
  const teamName = team ? (team.summary ?? team.name ?? null) : null;
  return {
    id: reference.id,
    name: found?.user.name ?? reference.summary ?? reference.id,
    ...(teamName && { team: teamName }),
  };
}
