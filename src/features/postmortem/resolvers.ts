import type { Resolvers } from '../../generated/graphql.js';
import { requirePrincipal } from '../../graphql/require-principal.js';

export const postmortemResolvers: Resolvers = {
  Mutation: {
    generatePostmortem: (_, { input }, context) => context.services.postmortem.run(requirePrincipal(context).principal, input),
  },
};
