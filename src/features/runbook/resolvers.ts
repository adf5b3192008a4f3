import type { Resolvers } from '../../generated/graphql.js';
import { requirePrincipal } from '../../graphql/require-principal.js';

export const runbookJobResolvers: Resolvers = {
  Mutation: {
    generateRunbookJob: (_, { input }, context) => context.services.runbookJob.run(requirePrincipal(context).principal, input),
  },
};
