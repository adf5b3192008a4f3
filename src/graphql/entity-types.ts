/**
 * `_entities` with a representation of a type this subgraph does not resolve: @apollo/subgraph
 * throws a plain Error, which would be masked as INTERNAL_SERVER_ERROR. It is the caller's
 * mistake (a gateway with a stale supergraph, a hand-written query), so it answers
 * BAD_USER_INPUT naming the type and the types this subgraph resolves.
 */
import { isUnionType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { badInput } from '../errors/app-error.js';

/** Checks every representation's `__typename` before `_entities` resolves; returns the same schema. */
export function withKnownEntityTypes(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  const union = schema.getType('_Entity');
  if (!field || !isUnionType(union)) return schema;
  const known = union.getTypes().map((type) => type.name);
  const resolve = field.resolve as GraphQLFieldResolver<unknown, unknown, { representations?: unknown }>;
  field.resolve = (source, args: { representations?: unknown }, context, info) => {
    for (const representation of Array.isArray(args.representations) ? args.representations : []) {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      if (typeof typename !== 'string' || !known.includes(typename)) {
        throw badInput(`_entities: this subgraph resolves no entity of type ${JSON.stringify(typename ?? null)}; it resolves ${known.join(', ')}.`, 'representations');
      }
    }
    return resolve(source, args, context, info);
  };
  return schema;
}
