/**
 * A fake Rundeck / Runbook Automation server for tests, speaking the wire format of Rundeck's
 * published API reference (docs.rundeck.com/docs/api, the `rundeck/docs` repository's
 * `docs/api/index.md`, and the JSON rendering of `ExecutionController` in `rundeck/rundeck`):
 *
 * - `/api/{v}/...` with the version in the path: a version under 14 or above the server's
 *   current one is refused with 400 `api.error.api-version.unsupported`;
 * - authentication by `X-Rundeck-Auth-Token` (or the `authtoken` URL parameter): 401 otherwise;
 *   items listed as denied answer 403 `api.error.item.unauthorized`;
 * - `GET /job/{id}`: the job definition as a one-element list, JSON (`Accept: application/json`
 *   or `format=json`, API v44+ only) or YAML (`Accept: text/yaml` or `format=yaml`);
 *   `GET /job/{id}/info`: the job's metadata;
 * - `GET /execution/{id}`: execution info (`status`, `date-started`, `date-ended`, `job`,
 *   `successfulNodes`, `failedNodes`, ...);
 * - `GET /execution/{id}/output`: entries (`time`, `absolute_time`, `level`, `log`, `user`,
 *   `node`, `stepctx`) read from an opaque byte `offset`, `maxlines` at a time, `lastmod`,
 *   `lastlines` and the compacted form (v21+), with `offset` (a string), `completed` and
 *   `execCompleted` as Rundeck renders them;
 * - `POST /project/{project}/jobs/import`: YAML (`Content-Type: application/yaml`), JSON
 *   (v44+) or a form field `xmlBatch` with `fileformat`; `dupeOption`, `uuidOption`;
 * - on demand: any status (429 with `Retry-After`, 5xx), slow answers, malformed bodies.
 *
 * Logs can be generated lazily (`count` + `entry(index)`), so a 100,000-line log costs the
 * test process no memory of its own beyond one offset table.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

/** Log levels of Rundeck's output entries. */
export type RundeckLogLevel = 'ERROR' | 'WARN' | 'NORMAL' | 'VERBOSE' | 'DEBUG' | 'OTHER';

/** One line of an execution's output as the fake stores it. */
export interface FakeLogEntry {
  /** ISO-8601 instant of the line. */
  at: string;
  level: RundeckLogLevel;
  log: string;
  node?: string;
  stepctx?: string;
  user?: string;
}

/** An execution's output: a list, or a generator of `count` lines. */
export type FakeOutput = readonly FakeLogEntry[] | { count: number; entry(index: number): FakeLogEntry };

/** Execution statuses Rundeck documents. */
export type RundeckExecutionStatus = 'running' | 'succeeded' | 'failed' | 'aborted' | 'timedout' | 'failed-with-retry' | 'scheduled' | 'other';

/** A job as stored: its project and its definition map (job-yaml / job-json format). */
export interface FakeJob {
  project: string;
  /** The definition as exported: `id`, `uuid`, `name`, `group`, `description`, `sequence`, ... */
  definition: Record<string, unknown> & { uuid: string; name: string };
  averageDuration?: number;
}

export interface FakeExecution {
  id: number;
  /** The job's UUID; null for an ad hoc execution. */
  jobId: string | null;
  project: string;
  status: RundeckExecutionStatus;
  customStatus?: string;
  user: string;
  /** ISO-8601. */
  dateStarted: string;
  /** ISO-8601; null while running. */
  dateEnded: string | null;
  argstring?: string;
  /** Job options of the run (`job.options`). */
  options?: Record<string, string>;
  description?: string;
  successfulNodes?: string[];
  failedNodes?: string[];
  output: FakeOutput;
}

/** A canned answer for matching requests, used `times` times (default once). */
export interface FakeFault {
  method?: string;
  /** Matched against the path after `/api/{v}` (e.g. `/execution/7/output`). */
  path?: RegExp;
  /** Answer with this status (default: answer normally, after `delayMs`). */
  status?: number;
  headers?: Record<string, string>;
  /** Raw body to send (e.g. malformed JSON). Default: Rundeck's JSON error of the status. */
  body?: string;
  /** Wait this long before answering. */
  delayMs?: number;
  times?: number;
}

/** One request as the fake received it. */
export interface FakeRundeckRequest {
  method: string;
  /** The full path, `/api/{v}/...`. */
  path: string;
  apiVersion: number | null;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: string;
}

/** One import as the fake received it. */
export interface FakeImport {
  project: string;
  contentType: string;
  fileformat: string;
  dupeOption: string;
  uuidOption: string;
  /** The job definitions document exactly as sent. */
  document: string;
  /** The ids of the jobs created or updated. */
  jobIds: string[];
}

export interface FakeRundeckOptions {
  /** The accepted API token. */
  token?: string;
  /** The server's current API version (default 48, Rundeck 5.7). */
  currentApiVersion?: number;
  jobs?: FakeJob[];
  executions?: FakeExecution[];
  /** Projects that exist, besides those of the jobs and executions. */
  projects?: string[];
  /** Item ids the token may not read: answered 403. */
  deniedJobs?: string[];
  deniedExecutions?: number[];
  /** Entries returned when a request sends no `maxlines` (Rundeck returns everything from the offset: default unlimited). */
  defaultPageLines?: number;
}

export interface FakeRundeck {
  /** Base URL of the server (no `/api`). */
  readonly url: string;
  readonly token: string;
  readonly requests: FakeRundeckRequest[];
  readonly imports: FakeImport[];
  readonly jobs: Map<string, FakeJob>;
  readonly executions: Map<number, FakeExecution>;
  /** Queues a fault; faults are tried in the order added. */
  fault(fault: FakeFault): void;
  /** Requests whose path (after `/api/{v}`) matches. */
  requestsTo(path: RegExp): FakeRundeckRequest[];
  close(): Promise<void>;
}

/** Rundeck's minimum supported API version (docs: "Minimum"). */
export const rundeckMinimumApiVersion = 14;

/** Starts the fake on 127.0.0.1 (any free port). */
export async function startFakeRundeck(options: FakeRundeckOptions = {}): Promise<FakeRundeck> {
  const token = options.token ?? 'rundeck-test-token';
  const current = options.currentApiVersion ?? 48;
  const pageLines = options.defaultPageLines ?? Number.POSITIVE_INFINITY;
  const jobs = new Map((options.jobs ?? []).map((job) => [job.definition.uuid, job]));
  const executions = new Map((options.executions ?? []).map((execution) => [execution.id, execution]));
  const projects = new Set([...(options.projects ?? []), ...[...jobs.values()].map((job) => job.project), ...[...executions.values()].map((execution) => execution.project)]);
  const deniedJobs = new Set(options.deniedJobs ?? []);
  const deniedExecutions = new Set(options.deniedExecutions ?? []);
  const requests: FakeRundeckRequest[] = [];
  const imports: FakeImport[] = [];
  const faults: (FakeFault & { left: number })[] = [];
  const sockets = new Set<Socket>();
  const offsetTables = new WeakMap<object, Float64Array>();
  const startedAt = Date.now();

  const server = createServer((request, response) => {
    readBody(request).then(
      (body) => handle(request, response, body),
      () => response.destroy(),
    );
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  async function handle(request: IncomingMessage, response: ServerResponse, body: string): Promise<void> {
    const url = new URL(request.url ?? '/', baseUrl);
    const match = /^\/api\/([^/]+)(\/.*)$/.exec(url.pathname);
    const apiVersion = match && /^\d+$/.test(match[1]!) ? Number(match[1]) : null;
    const query = Object.fromEntries(url.searchParams);
    requests.push({ method: request.method ?? 'GET', path: url.pathname, apiVersion, query, headers: request.headers, body });
    const route = match ? match[2]! : url.pathname;

    const fault = faults.find((candidate) => candidate.left > 0 && (!candidate.method || candidate.method === request.method) && (!candidate.path || candidate.path.test(route)));
    if (fault) {
      fault.left -= 1;
      if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault.status !== undefined) {
        if (fault.body !== undefined) {
          response.writeHead(fault.status, { 'Content-Type': 'application/json;charset=utf-8', ...fault.headers });
          response.end(fault.body);
        } else {
          sendError(response, fault.status, apiVersion ?? current, fault.status === 429 ? 'api.error.rate-limited' : 'api.error.unknown', `Fake fault: HTTP ${fault.status}`, fault.headers);
        }
        return;
      }
    }

    if (!match || apiVersion === null || apiVersion < rundeckMinimumApiVersion || apiVersion > current) {
      const requested = match ? match[1] : '';
      sendError(response, 400, current, 'api.error.api-version.unsupported', `Unsupported API Version "${requested}". API Request: ${url.pathname}. Reason: ${apiVersion !== null && apiVersion > current ? `Current version: ${current}` : `Minimum supported version: ${rundeckMinimumApiVersion}`}`);
      return;
    }
    const sentToken = header(request, 'x-rundeck-auth-token') ?? url.searchParams.get('authtoken');
    if (sentToken !== token) {
      sendError(response, 401, apiVersion, 'unauthorized', '(Unauthenticated) Unauthorized');
      return;
    }

    const method = request.method ?? 'GET';
    let parts: RegExpExecArray | null;
    if (method === 'GET' && (parts = /^\/job\/([^/]+)$/.exec(route))) return jobDefinition(request, response, apiVersion, decodeURIComponent(parts[1]!), url.searchParams);
    if (method === 'GET' && (parts = /^\/job\/([^/]+)\/info$/.exec(route))) return jobInfo(response, apiVersion, decodeURIComponent(parts[1]!));
    if (method === 'GET' && (parts = /^\/execution\/([^/]+)$/.exec(route))) return executionInfo(response, apiVersion, parts[1]!);
    if (method === 'GET' && (parts = /^\/execution\/([^/]+)\/output(\.json|\.text)?$/.exec(route))) return executionOutput(request, response, apiVersion, parts[1]!, parts[2], url.searchParams);
    if (method === 'POST' && (parts = /^\/project\/([^/]+)\/jobs\/import$/.exec(route))) return importJobs(request, response, apiVersion, decodeURIComponent(parts[1]!), url.searchParams, body);
    sendError(response, 404, apiVersion, 'api.error.invalid.request', `Invalid API Request: ${url.pathname}`);
  }

  function jobOr404(response: ServerResponse, apiVersion: number, id: string): FakeJob | null {
    const job = jobs.get(id);
    if (!job) {
      sendError(response, 404, apiVersion, 'api.error.item.doesnotexist', `Job ID does not exist: ${id}`);
      return null;
    }
    if (deniedJobs.has(id)) {
      sendError(response, 403, apiVersion, 'api.error.item.unauthorized', `Not authorized for action "Read" for Job ID ${id}`);
      return null;
    }
    return job;
  }

  function jobDefinition(request: IncomingMessage, response: ServerResponse, apiVersion: number, id: string, search: URLSearchParams): void {
    const job = jobOr404(response, apiVersion, id);
    if (!job) return;
    const accept = header(request, 'accept') ?? '';
    const format = search.get('format') ?? (/yaml/.test(accept) ? 'yaml' : /json/.test(accept) ? 'json' : /xml/.test(accept) ? 'xml' : apiVersion >= 44 ? 'json' : 'xml');
    const exported = [{ ...job.definition, id: job.definition.uuid, uuid: job.definition.uuid }];
    if (format === 'yaml') {
      response.writeHead(200, { 'Content-Type': 'text/yaml;charset=utf-8' });
      response.end(stringifyYaml(exported));
      return;
    }
    if (format === 'json' && apiVersion >= 44) {
      sendJson(response, 200, exported);
      return;
    }
    // XML is a documented format this fake does not speak; JSON before v44 does not exist.
    sendError(response, 415, apiVersion, 'api.error.item.unsupported-format', `The format is not supported: ${format}`);
  }

  function jobInfo(response: ServerResponse, apiVersion: number, id: string): void {
    const job = jobOr404(response, apiVersion, id);
    if (!job) return;
    const definition = job.definition;
    sendJson(response, 200, {
      id,
      name: definition.name,
      group: definition.group ?? '',
      project: job.project,
      description: definition.description ?? '',
      href: `${baseUrl}/api/${apiVersion}/job/${id}`,
      permalink: `${baseUrl}/project/${job.project}/job/show/${id}`,
      scheduled: false,
      scheduleEnabled: definition.scheduleEnabled !== false,
      enabled: definition.executionEnabled !== false,
      averageDuration: job.averageDuration ?? 0,
    });
  }

  function executionOr404(response: ServerResponse, apiVersion: number, rawId: string): FakeExecution | null {
    const execution = /^\d+$/.test(rawId) ? executions.get(Number(rawId)) : undefined;
    if (!execution) {
      sendError(response, 404, apiVersion, 'api.error.item.doesnotexist', `Execution ID does not exist: ${rawId}`);
      return null;
    }
    if (deniedExecutions.has(execution.id)) {
      sendError(response, 403, apiVersion, 'api.error.item.unauthorized', `Not authorized for action "Read" for Execution ${rawId}`);
      return null;
    }
    return execution;
  }

  function executionInfo(response: ServerResponse, apiVersion: number, rawId: string): void {
    const execution = executionOr404(response, apiVersion, rawId);
    if (!execution) return;
    const job = execution.jobId ? jobs.get(execution.jobId) : undefined;
    const started = Date.parse(execution.dateStarted);
    const ended = execution.dateEnded ? Date.parse(execution.dateEnded) : null;
    sendJson(response, 200, {
      id: execution.id,
      href: `${baseUrl}/api/${apiVersion}/execution/${execution.id}`,
      permalink: `${baseUrl}/project/${execution.project}/execution/show/${execution.id}`,
      status: execution.status,
      ...(execution.customStatus && { customStatus: execution.customStatus }),
      project: execution.project,
      executionType: 'user',
      user: execution.user,
      'date-started': { unixtime: started, date: w3cDate(started) },
      ...(ended !== null && { 'date-ended': { unixtime: ended, date: w3cDate(ended) } }),
      ...(execution.jobId && {
        job: {
          id: execution.jobId,
          averageDuration: job?.averageDuration ?? 0,
          name: job?.definition.name ?? 'deleted job',
          group: job?.definition.group ?? '',
          project: execution.project,
          description: job?.definition.description ?? '',
          ...(execution.options && { options: execution.options }),
          href: `${baseUrl}/api/${apiVersion}/job/${execution.jobId}`,
          permalink: `${baseUrl}/project/${execution.project}/job/show/${execution.jobId}`,
        },
      }),
      description: execution.description ?? '',
      argstring: execution.argstring ?? null,
      ...(execution.successfulNodes && { successfulNodes: execution.successfulNodes }),
      ...(execution.failedNodes && { failedNodes: execution.failedNodes }),
    });
  }

  /** Byte offsets of every line in a pretend formatted log file (prefix sums; `count + 1` values). */
  function offsetsOf(output: FakeOutput): Float64Array {
    let table = offsetTables.get(output);
    if (!table) {
      const count = outputCount(output);
      table = new Float64Array(count + 1);
      // A line of Rundeck's log file carries its metadata; the exact size does not matter, only that
      // offsets are bytes, not line numbers.
      for (let index = 0; index < count; index += 1) {
        const entry = outputEntry(output, index);
        table[index + 1] = table[index]! + Buffer.byteLength(entry.log) + (entry.node?.length ?? 0) + (entry.stepctx?.length ?? 0) + 64;
      }
      offsetTables.set(output, table);
    }
    return table;
  }

  function executionOutput(request: IncomingMessage, response: ServerResponse, apiVersion: number, rawId: string, extension: string | undefined, search: URLSearchParams): void {
    const execution = /^\d+$/.test(rawId) ? executions.get(Number(rawId)) : undefined;
    const outputError = (status: number, message: string): void => sendJson(response, status, { error: message, id: rawId, offset: '0', completed: false });
    if (!execution) {
      sendError(response, 404, apiVersion, 'api.error.item.doesnotexist', `Execution ID does not exist: ${rawId}`);
      return;
    }
    if (deniedExecutions.has(execution.id)) return outputError(403, `Unauthorized: Read Execution ${rawId}`);
    const accept = header(request, 'accept') ?? '';
    const format = extension === '.text' || search.get('format') === 'text' || (/text\/plain/.test(accept) && !/json/.test(accept)) ? 'text' : 'json';

    const offsetParam = search.get('offset');
    const offset = offsetParam === null || offsetParam === '' ? 0 : /^\d+$/.test(offsetParam) ? Number(offsetParam) : -1;
    if (offset < 0) return outputError(400, `Invalid parameter offset: ${offsetParam}: Not an integer offset`);
    const table = offsetsOf(execution.output);
    const count = outputCount(execution.output);
    const totalSize = table[count]!;
    const jobComplete = execution.dateEnded !== null;
    const lastModified = execution.dateEnded ? Date.parse(execution.dateEnded) : startedAt;
    const started = Date.parse(execution.dateStarted);
    const execDuration = (execution.dateEnded ? Date.parse(execution.dateEnded) : Date.now()) - started;
    const common = {
      id: String(execution.id),
      execCompleted: jobComplete,
      hasFailedNodes: (execution.failedNodes?.length ?? 0) > 0,
      execState: execution.status,
      execDuration,
      retryBackoff: 0,
      clusterExec: false,
    };

    const lastmodParam = search.get('lastmod');
    if (lastmodParam !== null && lastmodParam !== '') {
      if (!/^\d+$/.test(lastmodParam)) return outputError(400, `Invalid parameter lastmod: ${lastmodParam}: Not a millisecond modification time`);
      if (lastModified <= Number(lastmodParam) && (offset === 0 || totalSize <= offset)) {
        sendJson(response, 200, { message: 'Unmodified', unmodified: true, ...common, offset: String(offset), completed: jobComplete, lastModified: String(lastModified), totalSize, entries: [] });
        return;
      }
    }

    let first: number;
    let max: number;
    const lastlines = Number(search.get('lastlines') ?? 0);
    if (lastlines > 0) {
      first = Math.max(0, count - lastlines);
      max = lastlines;
    } else {
      first = lineAtOffset(table, offset);
      max = Math.max(0, Number(search.get('maxlines') ?? 0) || 0) || pageLines;
    }
    const end = Math.min(count, first + max);
    const nextOffset = table[end]!;
    const completed = jobComplete && nextOffset >= totalSize;
    const entries: unknown[] = [];
    const compacted = apiVersion >= 21 && search.get('compacted') === 'true';
    let previous: Record<string, unknown> | null = null;
    for (let index = first; index < end; index += 1) {
      const entry = outputEntry(execution.output, index);
      const at = Date.parse(entry.at);
      const full: Record<string, unknown> = {
        time: w3cDate(at).slice(11, 19),
        absolute_time: w3cDate(at),
        log: entry.log,
        level: entry.level,
        ...(entry.user !== undefined && { user: entry.user }),
        ...(entry.stepctx !== undefined && { stepctx: entry.stepctx }),
        ...(entry.node !== undefined && { node: entry.node }),
      };
      entries.push(compacted ? compact(full, previous) : full);
      previous = full;
    }

    if (format === 'text') {
      response.writeHead(200, {
        'Content-Type': 'text/plain;charset=utf-8',
        'X-Rundeck-ExecOutput-Offset': String(nextOffset),
        'X-Rundeck-ExecOutput-Completed': String(completed),
        'X-Rundeck-Exec-Completed': String(jobComplete),
        'X-Rundeck-Exec-State': execution.status,
        'X-Rundeck-ExecOutput-TotalSize': String(totalSize),
      });
      const lines: string[] = [];
      for (let index = first; index < end; index += 1) lines.push(`${outputEntry(execution.output, index).log}\n`);
      response.end(lines.join(''));
      return;
    }
    sendJson(response, 200, {
      ...common,
      offset: String(nextOffset),
      completed,
      lastModified: String(lastModified),
      percentLoaded: totalSize > 0 ? (100 * nextOffset) / totalSize : 0,
      totalSize,
      lastLinesSupported: true,
      compacted,
      ...(compacted && { compactedAttr: 'log' }),
      entries,
    });
  }

  function importJobs(request: IncomingMessage, response: ServerResponse, apiVersion: number, project: string, search: URLSearchParams, body: string): void {
    const contentType = (header(request, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    let document = body;
    let fileformat = search.get('fileformat') ?? '';
    if (contentType === 'application/x-www-form-urlencoded') {
      const form = new URLSearchParams(body);
      document = form.get('xmlBatch') ?? '';
      fileformat ||= form.get('fileformat') ?? '';
    } else if (contentType === 'application/yaml' || contentType === 'text/yaml') {
      fileformat = 'yaml';
    } else if (contentType === 'application/json') {
      fileformat = 'json';
    } else if (contentType === 'application/xml') {
      fileformat = 'xml';
    }
    fileformat ||= 'json';
    const dupeOption = search.get('dupeOption') ?? 'create';
    const uuidOption = search.get('uuidOption') ?? 'preserve';
    if (!projects.has(project)) {
      sendError(response, 404, apiVersion, 'api.error.item.doesnotexist', `Project does not exist: ${project}`);
      return;
    }
    if (fileformat === 'xml' || (fileformat === 'json' && apiVersion < 44)) {
      sendError(response, 400, apiVersion, 'api.error.jobs.import.format.unsupported', `Unsupported format: ${fileformat}`);
      return;
    }
    let parsed: unknown;
    try {
      parsed = fileformat === 'yaml' ? parseYaml(document) : JSON.parse(document);
    } catch (error) {
      sendError(response, 400, apiVersion, 'api.error.jobs.import.invalid', `Jobs Document was invalid for format ${fileformat}: ${(error as Error).message}`);
      return;
    }
    if (!Array.isArray(parsed)) {
      sendError(response, 400, apiVersion, 'api.error.jobs.import.invalid', `Jobs Document was invalid for format ${fileformat}: expected a list of jobs`);
      return;
    }
    const result = { succeeded: [] as unknown[], failed: [] as unknown[], skipped: [] as unknown[] };
    const jobIds: string[] = [];
    parsed.forEach((raw, position) => {
      const index = position + 1;
      const definition = { ...(raw as Record<string, unknown>) };
      const name = typeof definition.name === 'string' ? definition.name : '';
      const group = typeof definition.group === 'string' ? definition.group : '';
      if (!name || !definition.sequence) {
        result.failed.push({ index, name, group, project, error: 'Job name and workflow sequence are required' });
        return;
      }
      if (uuidOption === 'remove') {
        delete definition.uuid;
        delete definition.id;
      }
      const existing = [...jobs.values()].find((job) => job.project === project && job.definition.name === name && (job.definition.group ?? '') === group);
      const givenUuid = typeof definition.uuid === 'string' ? definition.uuid : typeof definition.id === 'string' ? definition.id : null;
      if (givenUuid && jobs.has(givenUuid) && dupeOption !== 'update') {
        result.failed.push({ index, name, group, project, error: `Job UUID already exists: ${givenUuid}` });
        return;
      }
      if (existing && dupeOption === 'skip') {
        result.skipped.push(describe(existing.definition.uuid, index, name, group, project, apiVersion));
        return;
      }
      const uuid = existing && dupeOption === 'update' ? existing.definition.uuid : (givenUuid ?? randomUUID());
      delete definition.id;
      jobs.set(uuid, { project, definition: { ...definition, uuid, name } });
      jobIds.push(uuid);
      result.succeeded.push(describe(uuid, index, name, group, project, apiVersion));
    });
    imports.push({ project, contentType, fileformat, dupeOption, uuidOption, document, jobIds });
    sendJson(response, 200, result);
  }

  function describe(id: string, index: number, name: string, group: string, project: string, apiVersion: number): Record<string, unknown> {
    return { index, href: `${baseUrl}/api/${apiVersion}/job/${id}`, id, name, group, project, permalink: `${baseUrl}/project/${project}/job/show/${id}` };
  }

  return {
    url: baseUrl,
    token,
    requests,
    imports,
    jobs,
    executions,
    fault(fault) {
      faults.push({ ...fault, left: fault.times ?? 1 });
    },
    requestsTo(path) {
      return requests.filter((request) => path.test(request.path.replace(/^\/api\/[^/]+/, '')));
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Rundeck's compacted form: only what changed since the previous entry; a lone `log` as a string. */
function compact(entry: Record<string, unknown>, previous: Record<string, unknown> | null): unknown {
  if (!previous) return entry;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) if (previous[key] !== value) out[key] = value;
  for (const key of Object.keys(previous)) if (!(key in entry)) out[key] = null;
  const keys = Object.keys(out);
  return keys.length === 1 && keys[0] === 'log' ? out.log : out;
}

function outputCount(output: FakeOutput): number {
  return Array.isArray(output) ? output.length : (output as { count: number }).count;
}

function outputEntry(output: FakeOutput, index: number): FakeLogEntry {
  return Array.isArray(output) ? (output as readonly FakeLogEntry[])[index]! : (output as { entry(index: number): FakeLogEntry }).entry(index);
}

/** The first line starting at or after byte `offset`. */
function lineAtOffset(table: Float64Array, offset: number): number {
  let low = 0;
  let high = table.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (table[middle]! < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** `yyyy-MM-dd'T'HH:mm:ss'Z'` in UTC, as Rundeck's w3cDateValue renders. */
function w3cDate(millis: number): string {
  return new Date(millis).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json;charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

/** Rundeck's JSON error form: `{ error: true, apiversion, errorCode, message }`. */
function sendError(response: ServerResponse, status: number, apiVersion: number, errorCode: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(response, status, { error: true, apiversion: apiVersion, errorCode, message }, headers);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A job for the fake's seed data: `commands` as in job-yaml's `sequence.commands`. */
export function fakeJob(input: {
  uuid?: string;
  project: string;
  name: string;
  group?: string;
  description?: string;
  commands: Record<string, unknown>[];
  executionEnabled?: boolean;
}): FakeJob {
  const uuid = input.uuid ?? randomUUID();
  return {
    project: input.project,
    averageDuration: 61_000,
    definition: {
      uuid,
      name: input.name,
      ...(input.group !== undefined && { group: input.group }),
      description: input.description ?? '',
      loglevel: 'INFO',
      executionEnabled: input.executionEnabled ?? true,
      scheduleEnabled: true,
      sequence: { keepgoing: false, strategy: 'node-first', commands: input.commands },
    },
  };
}
