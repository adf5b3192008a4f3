/**
 * Offline evaluation runs recorded through the running service (`startEvaluationRun`,
 * `recordEvaluationResults`, `finishEvaluationRun`): what `npm run eval` writes to the
 * database, for when the service holds the embedded one.
 *
 * Who may record: runs are not tenant data (`eval_runs` has no account; every account's
 * `evaluationSummary` shows the latest run of a route), so an account's admin must not be able
 * to write them. Recording needs `ai:admin` and the operator scope {@link recordEvaluationsScope},
 * which API keys cannot carry (their scopes are ai:read, ai:write, ai:admin only, so an account
 * admin cannot mint it): it comes from a token signed with the local key in DATA_DIR (whoever
 * reads DATA_DIR can already write the database) or from an identity-provider token the
 * operator grants it to.
 *
 * Why in batches: a run's results can exceed the request-body limit (256 KB). They are kept in
 * this process until `finish`, which stores the run and its results in one transaction, so a
 * half-uploaded run never shows. Bounded: {@link uploadLimits}. Uploads live in one process:
 * through a load balancer over several replicas, use the direct path (DATABASE_URL) instead.
 */
import { AppError, badInput, notFound } from '../../errors/app-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import type { Principal } from '../../guard/auth/principal.js';
import { actorOf, toAuditRecord } from '../../guard/audit-log.js';
import type { AuditEventRepository } from '../../store/audit-repository.js';
import { registeredFeature, type DraftKinds } from '../../store/draft-kinds.js';
import type { EvalResultRecord, EvalRunRecord, EvaluationRepository } from '../../store/eval-repository.js';
import type { GenerationRecord } from '../../store/types.js';

/** The operator scope that records evaluation runs (with ai:admin). Not an API-key scope. */
export const recordEvaluationsScope = 'ai:eval';

export const uploadLimits = {
  /** Results a run may declare. */
  maxCases: 10_000,
  /** Uploads open at once (in this process). */
  maxOpenUploads: 8,
  /** Characters of results one upload may hold in memory. */
  maxCharacters: 16 * 1024 * 1024,
  /** An upload with no call for this long is dropped. */
  idleMs: 15 * 60_000,
} as const;

type MetricInput = { name: string; value?: number | null };

/** The fields of an uploaded run that the store keeps as they are sent. */
type PlainRunField = 'id' | 'feature' | 'variant' | 'provider' | 'model' | 'promptVersion' | 'datasetHash' | 'caseCount' | 'startedAt' | 'finishedAt';

export interface EvaluationRunInput extends Pick<EvalRunRecord, PlainRunField> {
  judge?: string | null;
  baselineRunId?: string | null;
  metrics: readonly MetricInput[];
  judgeSummary?: string | null;
  gate?: string | null;
}

export interface EvaluationResultInput {
  caseId: string;
  ok: boolean;
  errorCode?: string | null;
  errorMessage?: string | null;
  metrics: readonly MetricInput[];
  notes: readonly string[];
  text: string;
  output?: string | null;
  generation?: string | null;
  judge?: string | null;
}

/** What the client sees of an open upload. */
export interface UploadState {
  runId: string;
  expected: number;
  received: number;
}

export interface EvaluationUploads {
  start(principal: Principal, run: EvaluationRunInput): Promise<UploadState>;
  record(principal: Principal, runId: string, results: readonly EvaluationResultInput[]): UploadState;
  /** Stores the run and its results (one transaction); the stored run. */
  finish(principal: Principal, runId: string): Promise<EvalRunRecord>;
}

interface Upload {
  run: EvalRunRecord;
  owner: string;
  results: Map<string, EvalResultRecord>;
  characters: number;
  touchedAt: number;
}

const runIdPattern = /^[A-Za-z0-9._:-]{1,100}$/;

function metricsOf(list: readonly MetricInput[], field: string): Record<string, number | null> {
  const metrics: Record<string, number | null> = {};
  for (const metric of list) {
    if (!metric.name.trim()) throw badInput('A metric needs a name.', field);
    metrics[metric.name] = typeof metric.value === 'number' && Number.isFinite(metric.value) ? metric.value : null;
  }
  return metrics;
}

/** A JSON object sent as a string, or null. */
function jsonObject(text: string | null | undefined, field: string): Record<string, unknown> | null {
  if (text === null || text === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badInput(`${field} must be a JSON object (it does not parse).`, field);
  }
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw badInput(`${field} must be a JSON object.`, field);
  return value as Record<string, unknown>;
}

function timestamp(text: string, field: string): string {
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw badInput(`${field} must be an ISO-8601 date-time.`, field);
  return new Date(time).toISOString();
}

const ownerOf = (principal: Principal): string => `${principal.accountId}\u0000${principal.userId}`;

/** Each stored run is audited (`evaluation.record`, the run id as target) in the recorder's account. */
export function createEvaluationUploads(options: {
  evaluations: EvaluationRepository;
  auditEvents: AuditEventRepository;
  /** The registered features: a run of another feature is refused. */
  draftKinds: DraftKinds;
  now?: () => number;
}): EvaluationUploads {
  const now = options.now ?? Date.now;
  const uploads = new Map<string, Upload>();

  function sweep(): void {
    for (const [id, upload] of uploads) if (now() - upload.touchedAt > uploadLimits.idleMs) uploads.delete(id);
  }

  /** The caller's open upload; another principal's is NOT_FOUND, as an unknown one is. */
  function open(principal: Principal, runId: string): Upload {
    sweep();
    const upload = uploads.get(runId);
    if (!upload || upload.owner !== ownerOf(principal)) throw notFound('EvaluationRunUpload', runId);
    upload.touchedAt = now();
    return upload;
  }

  const state = (upload: Upload): UploadState => ({ runId: upload.run.id, expected: upload.run.caseCount, received: upload.results.size });

  return {
    async start(principal, input) {
      sweep();
      if (!runIdPattern.test(input.id)) throw badInput('id must be 1 to 100 letters, digits, ".", "_", ":" or "-".', 'id');
      registeredFeature(options.draftKinds, input.feature);
      if (!Number.isInteger(input.caseCount) || input.caseCount < 0 || input.caseCount > uploadLimits.maxCases) {
        throw badInput(`caseCount must be an integer from 0 to ${uploadLimits.maxCases}.`, 'caseCount');
      }
      for (const field of ['variant', 'provider', 'model', 'promptVersion', 'datasetHash'] as const) {
        if (!input[field].trim() || input[field].length > 500) throw badInput(`${field} must be 1 to 500 characters.`, field);
      }
      if (uploads.has(input.id) || (await options.evaluations.getRun(input.id))) {
        throw new AppError(ErrorCode.BAD_USER_INPUT, `Evaluation run "${input.id}" already exists or is being uploaded.`, { extensions: { field: 'id' } });
      }
      if (uploads.size >= uploadLimits.maxOpenUploads) {
        throw new AppError(ErrorCode.BAD_USER_INPUT, `${uploadLimits.maxOpenUploads} evaluation uploads are already open; finish one or wait 15 minutes.`);
      }
      const run: EvalRunRecord = {
        id: input.id,
        feature: input.feature,
        variant: input.variant,
        provider: input.provider,
        model: input.model,
        promptVersion: input.promptVersion,
        judge: input.judge ?? null,
        baselineRunId: input.baselineRunId ?? null,
        datasetHash: input.datasetHash,
        caseCount: input.caseCount,
        metrics: metricsOf(input.metrics, 'metrics'),
        judgeSummary: jsonObject(input.judgeSummary, 'judgeSummary'),
        gate: jsonObject(input.gate, 'gate'),
        startedAt: timestamp(input.startedAt, 'startedAt'),
        finishedAt: timestamp(input.finishedAt, 'finishedAt'),
      };
      const upload: Upload = { run, owner: ownerOf(principal), results: new Map(), characters: 0, touchedAt: now() };
      uploads.set(run.id, upload);
      return state(upload);
    },

    record(principal, runId, results) {
      const upload = open(principal, runId);
      const records = results.map((result): EvalResultRecord => {
        if (!result.caseId.trim() || result.caseId.length > 200) throw badInput('caseId must be 1 to 200 characters.', 'caseId');
        return {
          runId,
          caseId: result.caseId,
          ok: result.ok,
          errorCode: result.errorCode ?? null,
          errorMessage: result.errorMessage ?? null,
          metrics: metricsOf(result.metrics, 'results.metrics'),
          notes: [...result.notes],
          text: result.text,
          output: jsonObject(result.output, 'output'),
          generation: jsonObject(result.generation, 'generation') as GenerationRecord | null,
          judge: jsonObject(result.judge, 'judge'),
        };
      });
      const characters = results.reduce(
        (sum, result) => sum + result.text.length + (result.output?.length ?? 0) + (result.generation?.length ?? 0) + (result.judge?.length ?? 0) + result.notes.join('').length,
        0,
      );
      const added = records.filter((record) => !upload.results.has(record.caseId)).length;
      if (upload.results.size + added > upload.run.caseCount) {
        throw badInput(`Run "${runId}" declared ${upload.run.caseCount} results; this batch would make ${upload.results.size + added}.`, 'results');
      }
      if (upload.characters + characters > uploadLimits.maxCharacters) {
        uploads.delete(runId);
        throw badInput(`Run "${runId}" is larger than ${uploadLimits.maxCharacters} characters of results; the upload was dropped (use the direct path).`, 'results');
      }
      upload.characters += characters;
      for (const record of records) upload.results.set(record.caseId, record);
      return state(upload);
    },

    async finish(principal, runId) {
      const upload = open(principal, runId);
      if (upload.results.size !== upload.run.caseCount) {
        throw badInput(`Run "${runId}" declared ${upload.run.caseCount} results and ${upload.results.size} arrived; nothing was stored.`, 'runId');
      }
      // Out of the map first: a second finish of the same run is NOT_FOUND, not a second insert.
      uploads.delete(runId);
      try {
        await options.evaluations.insertRun(upload.run, [...upload.results.values()]);
      } catch (error) {
        uploads.set(runId, upload);
        throw error;
      }
      const { run } = upload;
      await options.auditEvents.insertMany([
        toAuditRecord({ ...actorOf(principal), action: 'evaluation.record', outcome: 'success', target: run.id, feature: run.feature, provider: run.provider, model: run.model }),
      ]);
      return run;
    },
  };
}
