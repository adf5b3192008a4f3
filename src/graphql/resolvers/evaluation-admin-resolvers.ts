/**
 * `startEvaluationRun`, `recordEvaluationResults`, `finishEvaluationRun`
 * (schema/evaluation-admin.graphql; ai:admin and ai:eval, src/graphql/permissions.ts).
 */
import { createEvaluationUploads, type EvaluationUploads } from '../../features/feedback/evaluation-upload.js';
import type { OfflineEvaluation, Resolvers } from '../../generated/graphql.js';
import type { EvalRunRecord } from '../../store/eval-repository.js';
import type { Store } from '../../store/store.js';
import { requirePrincipal } from '../require-principal.js';

// One set of open uploads per service (its store), kept here rather than in the shared
// Services so that adding this API touches no shared wiring.
const uploadsByStore = new WeakMap<Store, EvaluationUploads>();

function uploadsOf(store: Store): EvaluationUploads {
  let uploads = uploadsByStore.get(store);
  if (!uploads) {
    uploads = createEvaluationUploads({ evaluations: store.evaluations, auditEvents: store.auditEvents });
    uploadsByStore.set(store, uploads);
  }
  return uploads;
}

/** A stored run as `evaluationSummary` shows it. */
function offlineOf(run: EvalRunRecord): OfflineEvaluation {
  return {
    runId: run.id,
    variant: run.variant,
    finishedAt: run.finishedAt,
    cases: run.caseCount,
    passed: typeof run.gate?.passed === 'boolean' ? run.gate.passed : null,
    metrics: Object.entries(run.metrics).map(([name, value]) => ({ name, value: typeof value === 'number' ? value : null })),
  };
}

export const evaluationAdminResolvers: Resolvers = {
  Mutation: {
    startEvaluationRun: (_, { run }, context) => uploadsOf(context.services.store).start(requirePrincipal(context).principal, run),
    recordEvaluationResults: (_, { runId, results }, context) => uploadsOf(context.services.store).record(requirePrincipal(context).principal, runId, results),
    finishEvaluationRun: async (_, { runId }, context) => offlineOf(await uploadsOf(context.services.store).finish(requirePrincipal(context).principal, runId)),
  },
};
