import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import type { FeatureResolvers, FeatureRootFields } from '../features/common/feature-module.js';
import { evaluationResolvers } from '../features/feedback/evaluation-resolvers.js';
import { apiKeyResolvers } from './resolvers/api-key-resolvers.js';
import { draftFeedbackResolvers } from '../features/feedback/resolvers.js';
import type { Resolvers } from '../generated/graphql.js';
import { permissions } from './permissions.js';
import { draftResolvers, draftTypeResolvers, type DraftTypeOfKind } from './resolvers/draft-resolvers.js';
import { generationResolvers } from './resolvers/generation-resolvers.js';
import { evaluationAdminResolvers } from './resolvers/evaluation-admin-resolvers.js';
import { dateTimeScalar } from './scalars.js';
import { loadTypeDefs } from './type-defs.js';
import { withKnownEntityTypes } from './entity-types.js';

/** What the schema needs of a registered feature, its service built (see FeatureModule). */
export interface SchemaFeature extends DraftTypeOfKind {
  rootFields: FeatureRootFields;
  typeDefs: string;
  resolvers: FeatureResolvers;
}

/** A resolver map of any shape: the generated `Resolvers` type knows only the schema/ types. */
type ResolverMap = Readonly<Record<string, object | undefined>>;

/** Merges resolver maps type by type (later maps add fields, never replace a type). */
function mergeResolvers(...maps: ResolverMap[]): ResolverMap {
  const merged: Record<string, object | undefined> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) merged[type] = { ...merged[type], ...fields };
  }
  return merged;
}

/**
 * The executable subgraph schema of the given features. Shield is applied after
 * buildSubgraphSchema (STACK-NOTES item 3): reference resolvers live in type extensions and
 * survive the middleware.
 */
export function buildSchema(options: { authDirectives?: boolean; features: readonly SchemaFeature[] }): GraphQLSchema {
  const { features } = options;
  const resolvers = mergeResolvers(
    draftResolvers,
    draftTypeResolvers(features),
    generationResolvers,
    ...features.map((feature) => feature.resolvers),
    draftFeedbackResolvers,
    evaluationResolvers,
    apiKeyResolvers,
    evaluationAdminResolvers,
    { DateTime: dateTimeScalar },
  );
  // The generated types are stricter than @apollo/subgraph's resolver map type.
  const schema = buildSubgraphSchema([{ typeDefs: loadTypeDefs({ authDirectives: options.authDirectives ?? false, features }), resolvers: resolvers as GraphQLResolverMap<unknown> }]);
  return applyMiddleware(withKnownEntityTypes(schema), permissions(schema, features.map((feature) => feature.rootFields)));
}
