/**
 * GraphQL resolvers of the evaluation (schema/evaluation.graphql). To be merged into
 * src/graphql/schema.ts, with the shield rule `evaluationSummary: isAdmin`.
 */
import type { Resolvers } from '../../generated/graphql.js';
import { requirePrincipal } from '../../graphql/require-principal.js';
import { evaluationSummary } from './evaluation-summary.js';

export const evaluationResolvers: Resolvers = {
  Query: {
    evaluationSummary: (_, { feature, from, to }, context) =>
      evaluationSummary(context.services.store.evaluations, requirePrincipal(context).principal.accountId, feature, from, to),
  },
};
