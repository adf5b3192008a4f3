import { requirePrincipal } from '../../../src/graphql/require-principal.js';
import type { GraphQLContext } from '../../../src/graphql/context.js';
import type { FeatureResolverParts } from '../../../src/features/common/feature-module.js';
import { withUnverifiedFlag } from '../../../src/features/common/stored-output.js';
import type { DraftRecord } from '../../../src/store/types.js';
import type { ToyOutput } from './output-schema.js';
import type { ToyService } from './service.js';

/** `draftToy` and the ToyDraft fields (no generated types: the toy's SDL is its module's typeDefs). */
export function toyResolvers({ service, readOutput }: FeatureResolverParts<ToyOutput, ToyService>) {
  return {
    Mutation: {
      draftToy: (_: unknown, args: { incidentId: string }, context: GraphQLContext) => service.draft(requirePrincipal(context).principal, args),
    },
    ToyDraft: {
      headline: (draft: DraftRecord) => readOutput(draft)?.headline ?? null,
      facts: (draft: DraftRecord) => readOutput(draft)?.facts.map((fact) => withUnverifiedFlag(fact)) ?? null,
    },
  };
}
