/**
 * GraphQL resolvers of the evaluation (schema/evaluation.graphql). To be merged into
 * src/graphql/schema.ts, with the shield rule `evaluationSummary: isAdmin`.
 */
import type { Resolvers } from '../../generated/graphql.js';
import { requirePrincipal } from '../../graphql/require-principal.js';
import { evaluationSummary } from './evaluation-summary.js';

export const evaluationResolvers: Resolvers = {
  Query: {
    evaluationSummary: async (_, { feature, from, to }, context) => {
      const { accountId } = requirePrincipal(context).principal;
      const summary = await evaluationSummary(context.services.store, accountId, feature, from, to);
      // The window and the feature are checked (and normalized) by evaluationSummary.
      const days = await context.services.store.usageReports.feedbackByDay(accountId, summary.kind, summary.from, summary.to);
      return { ...summary, days };
    },
  },
};
