import type { Resolvers } from '../../generated/graphql.js';
import { requirePrincipal } from '../../graphql/require-principal.js';
import type { FeatureResolverParts } from '../common/feature-module.js';
import { withUnverifiedFlag } from '../common/stored-output.js';
import { audiences, type Audience, type StatusUpdateOutput } from './output-schema.js';
import type { StatusUpdateService } from './service.js';

// The service validated the audience before the draft was stored.
const audienceOf = (input: Record<string, unknown>): Audience => audiences.find((audience) => audience === input.audience) ?? 'RESPONDERS';

/** `draftStatusUpdate`, `publishStatusUpdate`, and the StatusUpdateDraft fields read from the stored output. */
export function statusUpdateResolvers({ service, readOutput }: FeatureResolverParts<StatusUpdateOutput, StatusUpdateService>): Resolvers {
  return {
    Mutation: {
      draftStatusUpdate: (_, { input }, context) => service.draft(requirePrincipal(context).principal, input, context.trace),
      publishStatusUpdate: (_, { input }, context) => context.services.publishStatusUpdate.publish(requirePrincipal(context).principal, input),
    },
    StatusUpdateDraft: {
      audience: (draft) => audienceOf(draft.input),
      title: (draft) => readOutput(draft)?.title ?? null,
      phase: (draft) => readOutput(draft)?.phase ?? null,
      summary: (draft) => withUnverifiedFlag(readOutput(draft)?.summary),
      impact: (draft) => withUnverifiedFlag(readOutput(draft)?.impact),
      actions: (draft) => readOutput(draft)?.actions.map((action) => withUnverifiedFlag(action)) ?? null,
      nextUpdateMinutes: (draft) => readOutput(draft)?.nextUpdateMinutes ?? null,
      publication: (draft, _, context) => requirePrincipal(context).loaders.publicationByDraft.load(draft.id),
    },
  };
}
