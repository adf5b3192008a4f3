import type { Resolvers } from '../../generated/graphql.js';
import { requirePrincipal } from '../../graphql/require-principal.js';
import type { DraftRecord } from '../../store/types.js';

/**
 * A field of the structured output; null while the draft is streaming or failed. The
 * output's shape is the feature's zod schema, checked before it was stored; GraphQL checks
 * the returned value against the field's type again.
 */
const fromOutput =
  (field: string) =>
  (draft: DraftRecord): never =>
    ((draft.output?.[field] as unknown) ?? null) as never;

export const postmortemResolvers: Resolvers = {
  Mutation: {
    generatePostmortem: (_, { input }, context) => context.services.postmortem.run(requirePrincipal(context).principal, input),
  },
  PostmortemDraft: {
    preliminary: (draft) => draft.input.preliminary === true,
    condensation: (draft) => (draft.input.condensation ?? null) as never,
    title: fromOutput('title'),
    summary: fromOutput('summary'),
    impact: fromOutput('impact'),
    detection: fromOutput('detection'),
    timeline: fromOutput('timeline'),
    contributingFactors: fromOutput('contributingFactors'),
    rootCause: fromOutput('rootCause'),
    resolution: fromOutput('resolution'),
    actionItems: fromOutput('actionItems'),
  },
};
