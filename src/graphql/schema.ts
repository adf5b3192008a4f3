import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { evaluationResolvers } from '../features/feedback/evaluation-resolvers.js';
import { apiKeyResolvers } from './resolvers/api-key-resolvers.js';
import { assistantResolvers } from '../features/assistant/resolvers.js';
import { automationDigestResolvers } from '../features/automation-digest/resolvers.js';
import { draftFeedbackResolvers } from '../features/feedback/resolvers.js';
import { postmortemResolvers } from '../features/postmortem/resolvers.js';
import { runbookJobResolvers } from '../features/runbook/resolvers.js';
import { statusUpdateResolvers } from '../features/status-update/resolvers.js';
import type { Resolvers } from '../generated/graphql.js';
import { permissions } from './permissions.js';
import { draftResolvers } from './resolvers/draft-resolvers.js';
import { generationResolvers } from './resolvers/generation-resolvers.js';
import { evaluationAdminResolvers } from './resolvers/evaluation-admin-resolvers.js';
import { dateTimeScalar } from './scalars.js';
import { loadTypeDefs } from './type-defs.js';
import { withKnownEntityTypes } from './entity-types.js';

/** Merges resolver maps type by type (later maps add fields, never replace a type). */
function mergeResolvers(...maps: Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) merged[type] = { ...merged[type], ...(fields as object) };
  }
  return merged as Resolvers;
}

/**
 * The executable subgraph schema. Shield is applied after buildSubgraphSchema (STACK-NOTES
 * item 3): reference resolvers live in type extensions and survive the middleware.
 */
export function buildSchema(options: { authDirectives?: boolean } = {}): GraphQLSchema {
  const resolvers = mergeResolvers(
    draftResolvers,
    generationResolvers,
    statusUpdateResolvers,
    postmortemResolvers,
    runbookJobResolvers,
    assistantResolvers,
    automationDigestResolvers,
    draftFeedbackResolvers,
    evaluationResolvers,
    apiKeyResolvers,
    evaluationAdminResolvers,
    { DateTime: dateTimeScalar } as Resolvers,
  );
  // The generated types are stricter than @apollo/subgraph's resolver map type.
  const schema = buildSubgraphSchema([{ typeDefs: loadTypeDefs({ authDirectives: options.authDirectives ?? false }), resolvers: resolvers as unknown as GraphQLResolverMap<unknown> }]);
  return applyMiddleware(withKnownEntityTypes(schema), permissions(schema));
}
