/**
 * A fake PagerDuty REST API v2 for tests, built from PagerDuty's published OpenAPI
 * description (github.com/PagerDuty/api-schema, reference/REST/openapiv3.json) and its rate
 * limit page: `GET /incidents/{id}`, `/incidents/{id}/log_entries` and `/alerts` with classic
 * offset pagination (`limit`, `offset`, `more`, `total: null`), `/incidents/{id}/notes`,
 * `/users/{id}` (`include[]=teams`), `POST /incidents/{id}/status_updates` (requires `From`).
 * Auth is `Authorization: Token token=<key>`; each key sees only its own incidents (two
 * PagerDuty accounts). Errors use the documented body `{ error: { message, code } }`.
 * Faults on demand: any status with headers (429 + `ratelimit-reset`), slow answers,
 * malformed bodies. Every request is recorded, headers included.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request as the fake saw it. */
export interface PagerDutyRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/** A fault served instead of the normal answer to matching requests. */
export interface PagerDutyFault {
  /** Requests whose path matches (default: every request). */
  path?: RegExp;
  /** How many matching requests get it (default 1). */
  times?: number;
  /** Status to answer (default 200 with the normal body, e.g. for a slow answer). */
  status?: number;
  headers?: Record<string, string>;
  /** A raw body (e.g. malformed JSON); default the documented error body for errors. */
  rawBody?: string;
  /** Wait this long before answering (ms). */
  delayMs?: number;
}

/** Raw PagerDuty objects of one incident, as the API returns them. */
export interface FakePagerDutyIncident {
  incident: Record<string, unknown> & { id: string };
  logEntries: Record<string, unknown>[];
  notes: Record<string, unknown>[];
  alerts: Record<string, unknown>[];
}

export interface FakePagerDuty {
  readonly url: string;
  readonly requests: PagerDutyRequest[];
  /** Serves `incident` to callers using `token`. */
  addIncident(token: string, incident: FakePagerDutyIncident): void;
  addUser(user: Record<string, unknown> & { id: string }): void;
  fail(fault: PagerDutyFault): void;
  requestsTo(path: RegExp): PagerDutyRequest[];
  /** Status updates received per incident id. */
  statusUpdates: { incidentId: string; from: string | undefined; body: unknown; id: string }[];
  reset(): void;
  close(): Promise<void>;
}

// Documented error codes: 2100 Not Found (OpenAPI example), 2020 Rate Limit Exceeded (REST API Rate Limits page).
const errorCodes: Record<number, number> = { 404: 2100, 429: 2020 };
// Classic pagination: default 25, at most 100, and offset + limit at most 10,000 (else 400).
const defaultPageSize = 25;
const maxPageSize = 100;

export async function startFakePagerDuty(): Promise<FakePagerDuty> {
  const requests: PagerDutyRequest[] = [];
  const byToken = new Map<string, Map<string, FakePagerDutyIncident>>();
  const users = new Map<string, Record<string, unknown>>();
  let faults: (PagerDutyFault & { left: number })[] = [];
  const statusUpdates: FakePagerDuty['statusUpdates'] = [];
  const sockets = new Set<Socket>();
  let sequence = 0;

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => void answer(request, response, Buffer.concat(chunks).toString('utf8')));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  const sendJson = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    if (response.destroyed) return;
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
  const sendError = (response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void =>
    sendJson(response, status, { error: { message, code: errorCodes[status] ?? status } }, headers);

  async function answer(request: IncomingMessage, response: ServerResponse, raw: string): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let body: unknown = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      body = raw;
    }
    requests.push({ method: request.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: request.headers, body });

    const fault = faults.find((candidate) => candidate.left > 0 && (!candidate.path || candidate.path.test(url.pathname)));
    if (fault) {
      fault.left -= 1;
      if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault.rawBody !== undefined) {
        if (response.destroyed) return;
        response.writeHead(fault.status ?? 200, { 'Content-Type': 'application/json', ...fault.headers });
        response.end(fault.rawBody);
        return;
      }
      if (fault.status && fault.status !== 200) {
        sendError(response, fault.status, fault.status === 429 ? 'Rate Limit Exceeded' : 'Fault', fault.headers);
        return;
      }
    }

    const authorization = request.headers.authorization ?? '';
    const token = /^Token token=(.+)$/.exec(authorization)?.[1];
    const visible = token ? byToken.get(token) : undefined;
    if (!visible) {
      sendError(response, 401, 'Unauthorized');
      return;
    }
    if (request.headers.accept !== 'application/vnd.pagerduty+json;version=2') {
      sendError(response, 400, 'Unsupported Accept header');
      return;
    }

    const userMatch = /^\/users\/([^/]+)$/.exec(url.pathname);
    if (userMatch && request.method === 'GET') {
      const user = users.get(decodeURIComponent(userMatch[1] ?? ''));
      if (!user) return sendError(response, 404, 'Not Found');
      const includeTeams = url.searchParams.getAll('include[]').includes('teams');
      const teams = (user.teams as Record<string, unknown>[] | undefined) ?? [];
      return sendJson(response, 200, {
        user: { ...user, teams: includeTeams ? teams.map((team) => ({ ...team, type: 'team', name: team.summary })) : teams },
      });
    }

    const match = /^\/incidents\/([^/]+)(?:\/(log_entries|notes|alerts|status_updates))?$/.exec(url.pathname);
    const incident = match ? visible.get(decodeURIComponent(match[1] ?? '')) : undefined;
    if (!match || !incident) return sendError(response, 404, 'Not Found');
    const part = match[2];

    if (request.method === 'POST' && part === 'status_updates') {
      const from = request.headers.from as string | undefined;
      if (!from) return sendError(response, 400, 'You must specify a user\'s email address in the "From" header to perform this action');
      const message = (body as { message?: unknown } | null)?.message;
      if (typeof message !== 'string' || !message) return sendError(response, 400, 'Invalid Input Provided');
      sequence += 1;
      const id = `PSU${String(sequence).padStart(4, '0')}`;
      statusUpdates.push({ incidentId: incident.incident.id, from, body, id });
      return sendJson(response, 200, { status_update: { id, message, created_at: new Date(0).toISOString(), sender: { id: 'PUSER01', type: 'user_reference' } } });
    }
    if (request.method !== 'GET') return sendError(response, 405, 'Method Not Allowed');

    if (!part) return sendJson(response, 200, { incident: incident.incident });
    if (part === 'notes') return sendJson(response, 200, { notes: incident.notes });
    const all = part === 'log_entries' ? incident.logEntries : incident.alerts;
    const limit = Math.min(maxPageSize, Math.max(1, Number(url.searchParams.get('limit') ?? defaultPageSize) || defaultPageSize));
    const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0) || 0);
    if (offset + limit > 10_000) return sendError(response, 400, 'Offset must be less than 10000');
    const page = all.slice(offset, offset + limit);
    return sendJson(response, 200, { [part]: page, limit, offset, more: offset + limit < all.length, total: url.searchParams.get('total') === 'true' ? all.length : null });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    statusUpdates,
    addIncident(token, incident) {
      let visible = byToken.get(token);
      if (!visible) byToken.set(token, (visible = new Map()));
      visible.set(incident.incident.id, incident);
    },
    addUser: (user) => void users.set(user.id, user),
    fail: (fault) => void faults.push({ ...fault, left: fault.times ?? 1 }),
    requestsTo: (path) => requests.filter((request) => path.test(request.path)),
    reset() {
      requests.length = 0;
      statusUpdates.length = 0;
      faults = [];
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A realistic incident in PagerDuty's wire format: times carry the account's `-07:00` offset,
 * `logEntryCount` entries (so several pages), alerts with custom details, a note and an
 * assignee `PUSER01`. The last log entry (`<id>-LE-last`) holds the finding.
 */
export function fakePagerDutyIncident(id: string, options: { logEntryCount?: number; alertCount?: number; priority?: string | null } = {}): FakePagerDutyIncident {
  const logEntryCount = options.logEntryCount ?? 3;
  const alertCount = options.alertCount ?? 2;
  const at = (minute: number): string => {
    const time = new Date(Date.UTC(2026, 10, 3, 16, 0) + minute * 60_000);
    // Shown as local time at -07:00, as PagerDuty does for an account in that zone.
    const local = new Date(time.getTime() - 7 * 3_600_000).toISOString().slice(0, 19);
    return `${local}-07:00`;
  };
  const service = { id: 'PSVC001', type: 'service_reference', summary: 'checkout-api' };
  const agentUser = { id: 'PUSER01', type: 'user_reference', summary: 'Dana Ops' };
  const logEntries: Record<string, unknown>[] = [
    { id: `${id}-LE-0001`, type: 'trigger_log_entry', summary: 'Triggered through the API.', created_at: at(0), agent: { id: 'PINT001', type: 'integration_reference', summary: 'Prometheus' }, channel: { type: 'api' } },
  ];
  for (let index = 1; index < logEntryCount - 1; index += 1) {
    logEntries.push({
      id: `${id}-LE-${String(index + 1).padStart(4, '0')}`,
      type: index % 2 ? 'notify_log_entry' : 'annotate_log_entry',
      summary: index % 2 ? `Notified Dana Ops by SMS (round ${index}).` : `Checked dashboards, error rate ${index}%.`,
      created_at: at(index),
      agent: index % 2 ? service : agentUser,
    });
  }
  if (logEntryCount > 1) {
    logEntries.push({
      id: `${id}-LE-last`,
      type: 'annotate_log_entry',
      summary: 'Root cause identified: connection pool exhausted after config push; rolled back.',
      created_at: at(logEntryCount),
      agent: agentUser,
    });
  }
  return {
    incident: {
      id,
      type: 'incident',
      summary: `[#1234] Checkout API errors (${id})`,
      incident_number: 1234,
      title: `Checkout API errors (${id})`,
      created_at: at(0),
      updated_at: at(logEntryCount),
      status: 'acknowledged',
      urgency: 'high',
      service,
      assignments: [{ at: at(1), assignee: agentUser }],
      last_status_change_at: at(1),
      priority: options.priority === null ? null : { id: 'PPRIO01', type: 'priority', summary: options.priority ?? 'P1', name: options.priority ?? 'P1' },
      body: { type: 'incident_body', details: 'Checkout requests fail with HTTP 503.' },
    },
    // Oldest first, so the finding (the newest entry) is on the last page; the driver sorts by time either way.
    logEntries,
    notes: [{ id: `${id}-N1`, user: agentUser, content: 'Rollback started.', created_at: at(2), channel: { summary: 'The PagerDuty website' } }],
    alerts: Array.from({ length: alertCount }, (_, index) => ({
      id: `${id}-A${index + 1}`,
      type: 'alert',
      summary: `HTTP 503 rate above 5% on checkout-api (${index + 1})`,
      created_at: at(index),
      status: 'triggered',
      alert_key: `checkout-503-${index + 1}`,
      severity: 'critical',
      service,
      integration: { id: 'PINT001', type: 'events_api_v2_inbound_integration_reference', summary: 'Prometheus' },
      body: { type: 'alert_body', details: { error_rate: '7.2%', region: 'eu-west-1' } },
    })),
  };
}

/** The assignee of {@link fakePagerDutyIncident}. */
export const fakePagerDutyUser = { id: 'PUSER01', type: 'user', summary: 'Dana Ops', name: 'Dana Ops', email: 'dana@example.com', teams: [{ id: 'PTEAM01', type: 'team_reference', summary: 'Payments SRE' }] };
