import type { Resolvers } from '../../generated/graphql.js';
import { requirePrincipal } from '../../graphql/require-principal.js';

export const draftFeedbackResolvers: Resolvers = {
  Mutation: {
    submitDraftFeedback: (_, { input }, context) => context.services.draftFeedback.run(requirePrincipal(context).principal, input),
  },
};
