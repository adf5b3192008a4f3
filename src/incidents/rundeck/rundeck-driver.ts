/**
 * The `rundeck` driver: Runbook Automation / Rundeck jobs and executions over its REST API
 * (`/api/{v}/...`, header `X-Rundeck-Auth-Token`), through the shared upstream client
 * (timeouts, retries within the deadline, 429s waited out, circuit breaker, typed errors).
 *
 * How our arguments map onto Rundeck:
 * - `jobId` is the job's UUID (`GET /job/{uuid}/info` for its name, project and description;
 *   `GET /job/{uuid}` for its definition and steps);
 * - `executionId` is Rundeck's numeric execution id (`GET /execution/{id}`), unique on the
 *   server; an execution whose `job.id` is not `jobId` (another job's, or an ad hoc command)
 *   is not found, exactly like an unknown id.
 * - the execution's incident is the value of its job option `incident_id` (or `incidentId`,
 *   `pagerduty_incident_id`), when it was started with one.
 *
 * The output is read with `maxlines` pages of the compacted form (API v21+) from the opaque
 * byte `offset` each answer gives, until `completed` (or, for a running execution, until no
 * more is available); a {@link LogWindow} bounds what is held, so a 100,000-line log costs a
 * few thousand lines of memory.
 */
import { parse as parseYaml } from 'yaml';
import type { RundeckSourceSettings } from '../../config/incident-sources.js';
import type { DriverContext, IncidentDriver } from '../incident-driver.js';
import type { JobExecution, RunbookJob, SourceCaller } from '../types.js';
import { createUpstreamClient, type UpstreamClient } from '../upstream/upstream-client.js';
import { sourceUnavailable } from '../upstream/upstream-error.js';
import { createLogWindow, defaultLogWindowLimits, type LogWindowLimits } from './log-window.js';
import { executionInfoSchema, importResultSchema, jobDefinitionSchema, jobInfoSchema, outputPageSchema, type JobDefinition } from './rundeck-api.js';
import { incidentIdOf, isoOf, linesOfPage, statusOf, stepsOf } from './rundeck-mapping.js';

/** The name of the source in errors and logs. */
export const rundeckSourceName = 'Rundeck';

/** First API version that serves job definitions as JSON (older ones: YAML or XML). */
export const rundeckJsonJobsApiVersion = 44;

/** A job the driver imported. */
export interface ImportedRundeckJob {
  /** The UUID Rundeck gave the job. */
  id: string;
  name: string;
  project: string;
  /** The job's page in Rundeck's GUI, when Rundeck gave one. */
  permalink: string | null;
}

/** The rundeck driver: reads jobs and executions, imports generated jobs. */
export interface RundeckDriver extends IncidentDriver {
  readonly name: 'rundeck';
  loadJob(accountId: string, jobId: string, caller?: SourceCaller): Promise<RunbookJob | null>;
  loadExecution(accountId: string, jobId: string, executionId: string, caller?: SourceCaller): Promise<JobExecution | null>;
  /** The project jobs are imported into (RUNDECK_PROJECT); null: importing is off. */
  readonly project: string | null;
  /**
   * Imports one job definition (job-yaml) into {@link project} with `dupeOption=create` and
   * `uuidOption=remove`, so Rundeck gives it a fresh UUID and never updates an existing job.
   */
  importJob(yaml: string): Promise<ImportedRundeckJob>;
}

/** Options of {@link createRundeckDriver} beyond the settings. */
export interface RundeckDriverOptions {
  /** Lines asked per output page (`maxlines`). Default 2,000. */
  pageLines?: number;
  /** Caps of the held log. */
  window?: LogWindowLimits;
  /** Retry policy of the upstream client. */
  maxAttempts?: number;
  backoff?: { baseMs: number; maxMs: number };
}

export function createRundeckDriver(settings: RundeckSourceSettings, context: DriverContext, options: RundeckDriverOptions = {}): RundeckDriver {
  const version = settings.apiVersion;
  const pageLines = options.pageLines ?? 2_000;
  const client: UpstreamClient = createUpstreamClient({
    source: rundeckSourceName,
    baseUrl: settings.url,
    headers: { 'X-Rundeck-Auth-Token': settings.token, Accept: 'application/json' },
    credentialSetting: settings.tokenSetting,
    gate: context.upstream.gateFor(settings.token),
    breaker: context.upstream.breakerFor(rundeckSourceName, settings.url),
    requestTimeoutMs: context.requestTimeoutMs,
    deadlineMs: context.deadlineMs,
    backoff: options.backoff ?? { baseMs: 200, maxMs: 2_000 },
    maxAttempts: options.maxAttempts ?? 4,
    logger: context.logger,
  });
  const api = (path: string): string => `/api/${version}${path}`;
  const serves = (accountId: string): boolean => context.accountId === '*' || context.accountId === accountId;

  async function jobDefinition(jobId: string, deadline: ReturnType<UpstreamClient['deadline']>): Promise<JobDefinition | null> {
    const json = version >= rundeckJsonJobsApiVersion;
    const definitions = await client.request({
      path: api(`/job/${encodeURIComponent(jobId)}`),
      query: { format: json ? 'json' : 'yaml' },
      headers: { Accept: json ? 'application/json' : 'text/yaml' },
      ...(!json && { parse: (text: string) => parseYaml(text) }),
      schema: jobDefinitionSchema,
      deadline,
    });
    return definitions?.[0] ?? null;
  }

  async function readOutput(executionId: string, fallbackDay: string, deadline: ReturnType<UpstreamClient['deadline']>): Promise<{ lines: JobExecution['log']; total: number } | null> {
    const window = createLogWindow(options.window ?? defaultLogWindowLimits);
    let offset = 0;
    for (;;) {
      const page = await client.request({
        path: api(`/execution/${executionId}/output`),
        query: { offset, maxlines: pageLines, compacted: 'true', format: 'json' },
        schema: outputPageSchema,
        deadline,
      });
      if (page === null) return null;
      const lines = linesOfPage(page, fallbackDay);
      for (const line of lines) window.push(line);
      const next = Number(page.offset);
      if (page.completed) break;
      if (next < offset) {
        context.logger.warn({ source: rundeckSourceName, executionId, offset, next }, 'Rundeck output offset went backwards');
        throw sourceUnavailable(rundeckSourceName, 'malformed_response');
      }
      // Nothing more to read for now: a running execution, or a log still being stored.
      if (next === offset && lines.length === 0) break;
      offset = next;
    }
    return { lines: window.lines(), total: window.total };
  }

  return {
    name: 'rundeck',
    project: settings.project,

    async loadIncidents(_accountId, ids) {
      return ids.map(() => null);
    },

    async loadJob(accountId, jobId, caller) {
      if (!serves(accountId)) return null;
      const info = await client.request({ path: api(`/job/${encodeURIComponent(jobId)}/info`), schema: jobInfoSchema, ...(caller?.trace && { trace: caller.trace }) });
      if (!info) return null;
      return { id: info.id, accountId, name: info.name, description: info.description ?? '', project: info.project };
    },

    async loadExecution(accountId, jobId, executionId, caller) {
      // Rundeck execution ids are integers; anything else cannot exist there.
      if (!serves(accountId) || !/^\d{1,18}$/.test(executionId)) return null;
      const deadline = client.deadline(undefined, caller?.trace);
      const info = await client.request({ path: api(`/execution/${executionId}`), schema: executionInfoSchema, deadline });
      if (!info || !info.job || info.job.id !== jobId) return null;
      const startedAt = isoOf(info['date-started']) ?? new Date(0).toISOString();
      const [definition, output] = await Promise.all([jobDefinition(jobId, deadline), readOutput(executionId, startedAt.slice(0, 10), deadline)]);
      if (!output) return null;
      const nodes = new Set([...(info.successfulNodes ?? []), ...(info.failedNodes ?? [])]);
      for (const line of output.lines) if (line.node) nodes.add(line.node);
      return {
        id: String(info.id),
        jobId,
        accountId,
        status: statusOf(info),
        startedAt,
        endedAt: isoOf(info['date-ended']),
        user: info.user ?? '',
        steps: definition ? stepsOf(definition) : [],
        nodes: [...nodes],
        incidentId: incidentIdOf(info),
        log: output.lines,
        ...(output.total !== output.lines.length && { logLineCount: output.total }),
      };
    },

    async importJob(yaml) {
      const project = settings.project;
      if (!project) throw sourceUnavailable(rundeckSourceName, 'request_refused', { cause: 'no project configured' });
      const result = await client.request({
        method: 'POST',
        path: api(`/project/${encodeURIComponent(project)}/jobs/import`),
        query: { fileformat: 'yaml', dupeOption: 'create', uuidOption: 'remove' },
        rawBody: { text: yaml, contentType: 'application/yaml' },
        schema: importResultSchema,
      });
      if (result === null) {
        context.logger.error({ source: rundeckSourceName, project }, `Rundeck has no project ${project}: check RUNDECK_PROJECT`);
        throw sourceUnavailable(rundeckSourceName, 'request_refused', { cause: 'project not found' });
      }
      const imported = result.succeeded?.[0];
      if (!imported?.id) {
        const failure = result.failed?.[0]?.error ?? (result.skipped?.length ? 'skipped' : 'no job imported');
        context.logger.warn({ source: rundeckSourceName, project, failure }, 'Rundeck did not import the job');
        throw sourceUnavailable(rundeckSourceName, 'request_refused', { cause: failure });
      }
      return { id: imported.id, name: imported.name ?? '', project, permalink: imported.permalink ?? null };
    },
  };
}
