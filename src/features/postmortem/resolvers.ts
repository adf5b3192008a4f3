import { z } from 'zod';
import type { Resolvers } from '../../generated/graphql.js';
import { requirePrincipal } from '../../graphql/require-principal.js';
import type { FeatureResolverParts } from '../common/feature-module.js';
import { withUnverifiedFlag } from '../common/stored-output.js';
import type { PostmortemOutput } from './output-schema.js';
import type { PostmortemService } from './service.js';

/** What the TimelineCondensation type shows of the condensation stored with the input (condensed-timeline.ts). */
const storedCondensationSchema = z.object({
  logEntries: z.number().int(),
  events: z.number().int(),
  rounds: z.number().int(),
  requests: z.number().int(),
  degraded: z.boolean(),
});

/** `generatePostmortem`, and the PostmortemDraft fields read from the stored output (null until COMPLETE). */
export function postmortemResolvers({ service, readOutput }: FeatureResolverParts<PostmortemOutput, PostmortemService>): Resolvers {
  return {
    Mutation: {
      generatePostmortem: (_, { input }, context) => service.run(requirePrincipal(context).principal, input, context.trace),
    },
    PostmortemDraft: {
      preliminary: (draft) => draft.input.preliminary === true,
      // Null for an incident whose whole log fitted the prompt, and for a row without it.
      condensation: (draft) => storedCondensationSchema.nullable().catch(null).parse(draft.input.condensation ?? null),
      title: (draft) => readOutput(draft)?.title ?? null,
      summary: (draft) => withUnverifiedFlag(readOutput(draft)?.summary),
      impact: (draft) => {
        const impact = readOutput(draft)?.impact;
        return impact ? { services: impact.services, duration: withUnverifiedFlag(impact.duration), customerEffect: withUnverifiedFlag(impact.customerEffect) } : null;
      },
      detection: (draft) => withUnverifiedFlag(readOutput(draft)?.detection),
      timeline: (draft) => readOutput(draft)?.timeline.map((event) => withUnverifiedFlag(event)) ?? null,
      contributingFactors: (draft) => readOutput(draft)?.contributingFactors.map((factor) => withUnverifiedFlag(factor)) ?? null,
      rootCause: (draft) => withUnverifiedFlag(readOutput(draft)?.rootCause),
      resolution: (draft) => withUnverifiedFlag(readOutput(draft)?.resolution),
      actionItems: (draft) => readOutput(draft)?.actionItems.map((item) => withUnverifiedFlag(item)) ?? null,
    },
  };
}
