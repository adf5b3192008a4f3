import type { Resolvers } from '../../generated/graphql.js';
import { requirePrincipal } from '../require-principal.js';

/** `apiKeys`, `createApiKey`, `revokeApiKey` (ai:admin, src/graphql/permissions.ts). */
export const apiKeyResolvers: Resolvers = {
  Query: {
    apiKeys: (_, __, context) => context.services.apiKeys.list(requirePrincipal(context).principal),
  },
  Mutation: {
    createApiKey: (_, { input }, context) =>
      context.services.apiKeys.create(requirePrincipal(context).principal, { name: input.name, scopes: input.scopes, expiresAt: input.expiresAt ?? null }),
    revokeApiKey: (_, { id }, context) => context.services.apiKeys.revoke(requirePrincipal(context).principal, id),
  },
};
