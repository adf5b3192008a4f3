import type { Resolvers } from '../../generated/graphql.js';
import { requirePrincipal } from '../../graphql/require-principal.js';

export const automationDigestResolvers: Resolvers = {
  Mutation: {
    digestJobExecution: (_, { input }, context) => context.services.automationDigest.run(requirePrincipal(context).principal, input),
  },
};
