/**
 * `npm run eval` through a running service: its evaluation admin API
 * (schema/evaluation-admin.graphql) instead of the database, which the service holds when it is
 * the embedded one. The run opens with `startEvaluationRun`, its results follow in batches that
 * each stay under the service's request-body limit, and `finishEvaluationRun` stores them all.
 */
import type { AppConfig } from '../config/index.js';
import { call, findRemoteService, type RemoteService } from '../guard/auth/api-key-remote.js';
import { signLocalToken } from '../guard/auth/authenticator.js';
import { loadOrCreateLocalSigningKey } from '../guard/auth/local-signing-key.js';
import type { EvalResultRecord, EvalRunRecord } from '../store/eval-repository.js';
import { recordEvaluationsScope } from '../features/feedback/evaluation-upload.js';
import { EvalUsageError } from './variant.js';

/** Bytes of one request's JSON body: the service accepts 256 KB; the rest is headroom. */
export const defaultBatchBytes = 192 * 1024;

/** The account the CLI's own token names: runs belong to no account (see src/features/feedback/evaluation-upload.ts). */
const operatorAccount = 'operator';

export interface RemoteRecorder {
  service: RemoteService;
  /** Stores a run and its results through the service. */
  insertRun(run: EvalRunRecord, results: readonly EvalResultRecord[]): Promise<void>;
}

/**
 * The service to record through, or null for the direct path: `--url` when given, else the
 * service holding the embedded database in DATA_DIR (never with DATABASE_URL without `--url`).
 * The token: `--token`, else a 5-minute token with ai:admin and ai:eval signed with the local key.
 */
export async function findRemoteRecorder(
  config: AppConfig,
  options: { url?: string | null; token?: string | null; batchBytes?: number },
): Promise<RemoteRecorder | null> {
  const service = await findRemoteService(config, options.url ?? undefined);
  if (!service) return null;
  let token = options.token ?? null;
  if (!token) {
    if (!config.auth.localKeys) throw new EvalUsageError(`this deployment does not accept locally signed tokens: pass --token of a principal with ai:admin and ${recordEvaluationsScope}`);
    const key = await loadOrCreateLocalSigningKey(config.dataDir);
    token = await signLocalToken(key, { accountId: operatorAccount, userId: 'cli:eval', scopes: ['ai:admin', recordEvaluationsScope], expiresIn: Math.floor(Date.now() / 1000) + 300 });
  }
  const bearer = token;
  const batchBytes = options.batchBytes ?? defaultBatchBytes;
  return { service, insertRun: (run, results) => uploadRun(service, bearer, run, results, batchBytes) };
}

const metricList = (metrics: Record<string, number | null>) => Object.entries(metrics).map(([name, value]) => ({ name, value }));
const jsonText = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

function resultInput(result: EvalResultRecord) {
  return {
    caseId: result.caseId,
    ok: result.ok,
    errorCode: result.errorCode,
    errorMessage: result.errorMessage,
    metrics: metricList(result.metrics),
    notes: result.notes,
    text: result.text,
    output: jsonText(result.output),
    generation: jsonText(result.generation),
    judge: jsonText(result.judge),
  };
}

const recordMutation = 'mutation($runId: ID!, $results: [EvaluationResultInput!]!) { recordEvaluationResults(runId: $runId, results: $results) { received } }';

/** Results cut into batches whose request body stays within `maxBytes`. */
export function batchesOf<Item>(items: readonly Item[], maxBytes: number, sizeOf: (item: Item) => number): Item[][] {
  // The query text and the JSON around the list.
  const overhead = Buffer.byteLength(recordMutation) + 200;
  const batches: Item[][] = [];
  let current: Item[] = [];
  let bytes = overhead;
  for (const item of items) {
    const size = sizeOf(item) + 1;
    if (overhead + size > maxBytes) throw new Error(`one result (${size} bytes) is larger than a request may be (${maxBytes} bytes); store this run with the direct path`);
    if (bytes + size > maxBytes && current.length > 0) {
      batches.push(current);
      current = [];
      bytes = overhead;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

async function uploadRun(service: RemoteService, token: string, run: EvalRunRecord, results: readonly EvalResultRecord[], batchBytes: number): Promise<void> {
  await call(service, token, 'mutation($run: EvaluationRunInput!) { startEvaluationRun(run: $run) { runId } }', {
    run: {
      id: run.id,
      feature: run.feature,
      variant: run.variant,
      provider: run.provider,
      model: run.model,
      promptVersion: run.promptVersion,
      judge: run.judge,
      baselineRunId: run.baselineRunId,
      datasetHash: run.datasetHash,
      // The service stores the run only when exactly this many results arrived.
      caseCount: run.caseCount,
      metrics: metricList(run.metrics),
      judgeSummary: jsonText(run.judgeSummary),
      gate: jsonText(run.gate),
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
    },
  });
  const inputs = results.map(resultInput);
  for (const batch of batchesOf(inputs, batchBytes, (input) => Buffer.byteLength(JSON.stringify(input)))) {
    await call(service, token, recordMutation, { runId: run.id, results: batch });
  }
  await call(service, token, 'mutation($runId: ID!) { finishEvaluationRun(runId: $runId) { runId } }', { runId: run.id });
}
