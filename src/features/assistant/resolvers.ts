import type { Resolvers } from '../../generated/graphql.js';
import { requirePrincipal } from '../../graphql/require-principal.js';

export const assistantResolvers: Resolvers = {
  Mutation: {
    askAssistant: (_, { input }, context) => context.services.assistant.run(requirePrincipal(context).principal, input),
  },
};
