/**
 * `startEvaluationRun`, `recordEvaluationResults`, `finishEvaluationRun`
 * (schema/evaluation-admin.graphql; ai:admin and ai:eval, src/graphql/permissions.ts).
 */
import { createEvaluationUploads, type EvaluationUploads } from '../../features/feedback/evaluation-upload.js';
import type { Resolvers } from '../../generated/graphql.js';
import { offlineOf } from '../../features/feedback/evaluation-summary.js';
import type { Store } from '../../store/store.js';
import { requirePrincipal } from '../require-principal.js';

// One set of open uploads per service (its store), kept here rather than in the shared
// Services so that adding this API touches no shared wiring.
const uploadsByStore = new WeakMap<Store, EvaluationUploads>();

function uploadsOf(store: Store): EvaluationUploads {
  let uploads = uploadsByStore.get(store);
  if (!uploads) {
    uploads = createEvaluationUploads({ evaluations: store.evaluations, auditEvents: store.auditEvents, draftKinds: store.draftKinds });
    uploadsByStore.set(store, uploads);
  }
  return uploads;
}

export const evaluationAdminResolvers: Resolvers = {
  Mutation: {
    startEvaluationRun: (_, { run }, context) => uploadsOf(context.services.store).start(requirePrincipal(context).principal, run),
    recordEvaluationResults: (_, { runId, results }, context) => uploadsOf(context.services.store).record(requirePrincipal(context).principal, runId, results),
    finishEvaluationRun: async (_, { runId }, context) => offlineOf(await uploadsOf(context.services.store).finish(requirePrincipal(context).principal, runId)),
  },
};
