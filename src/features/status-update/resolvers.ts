import type { Resolvers } from '../../generated/graphql.js';
import { requirePrincipal } from '../../graphql/require-principal.js';

export const statusUpdateResolvers: Resolvers = {
  Mutation: {
    draftStatusUpdate: (_, { input }, context) => context.services.statusUpdate.draft(requirePrincipal(context).principal, input),
    publishStatusUpdate: (_, { input }, context) => context.services.publishStatusUpdate.publish(requirePrincipal(context).principal, input),
  },
};
