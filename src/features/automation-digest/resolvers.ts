import type { FailingStep as FailingStepType, Resolvers } from '../../generated/graphql.js';
import { requirePrincipal } from '../../graphql/require-principal.js';
import type { FeatureResolverParts } from '../common/feature-module.js';
import { withUnverifiedFlag, type Marked } from '../common/stored-output.js';
import { lineNumberOfId } from './execution-facts.js';
import type { AutomationDigestOutput, FailingStep } from './output-schema.js';
import type { AutomationDigestService } from './service.js';

function failingStepFields(step: Marked<FailingStep>): FailingStepType {
  return {
    number: step.number,
    description: step.description,
    citations: step.citations,
    unverified: Boolean(step.unverified),
    logLines: step.citations.flatMap((citation) => {
      const line = citation.sourceType === 'LOG_LINE' ? lineNumberOfId(citation.sourceId) : null;
      return line === null ? [] : [{ line, text: citation.excerpt }];
    }),
  };
}

/** `digestJobExecution`, and the AutomationDigest fields read from the stored digest (null until COMPLETE). */
export function automationDigestResolvers({ service, readOutput }: FeatureResolverParts<AutomationDigestOutput, AutomationDigestService>): Resolvers {
  return {
    Mutation: {
      digestJobExecution: (_, { input }, context) => service.run(requirePrincipal(context).principal, input, context.trace),
    },
    AutomationDigest: {
      jobId: (draft) => draft.jobId ?? '',
      executionId: (draft) => draft.executionId ?? '',
      outcome: (draft) => readOutput(draft)?.outcome ?? null,
      summary: (draft) => withUnverifiedFlag(readOutput(draft)?.summary),
      failingStep: (draft) => {
        const step = readOutput(draft)?.failingStep;
        return step ? failingStepFields(step) : null;
      },
      probableCause: (draft) => withUnverifiedFlag(readOutput(draft)?.probableCause),
      nextSteps: (draft) => readOutput(draft)?.nextSteps.map((step) => withUnverifiedFlag(step)) ?? null,
    },
  };
}
