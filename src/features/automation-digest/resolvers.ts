import type { FailingStep as FailingStepType, Resolvers, Statement as StatementType } from '../../generated/graphql.js';
import { requirePrincipal } from '../../graphql/require-principal.js';
import type { DraftRecord } from '../../store/types.js';
import type { Statement } from '../common/citation.js';
import { lineNumberOfId } from './execution-facts.js';
import type { AutomationDigestOutput, FailingStep } from './output-schema.js';

/** The digest as stored: the validated output with every statement marked by the citation check. */
type Marked<T> = T & { unverified?: boolean };
interface StoredDigest {
  outcome?: AutomationDigestOutput['outcome'];
  summary?: Marked<Statement> | null;
  failingStep?: Marked<FailingStep> | null;
  probableCause?: Marked<Statement> | null;
  nextSteps?: Marked<Statement>[];
}

// The output was checked against the feature's schema before it was stored.
const storedDigest = (draft: DraftRecord): StoredDigest => (draft.output ?? {}) as StoredDigest;

const statementOf = (statement: Marked<Statement>): StatementType => ({ ...statement, unverified: Boolean(statement.unverified) });

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

export const automationDigestResolvers: Resolvers = {
  Mutation: {
    digestJobExecution: (_, { input }, context) => context.services.automationDigest.run(requirePrincipal(context).principal, input),
  },
  AutomationDigest: {
    outcome: (draft) => storedDigest(draft).outcome ?? null,
    summary: (draft) => {
      const summary = storedDigest(draft).summary;
      return summary ? statementOf(summary) : null;
    },
    failingStep: (draft) => {
      const step = storedDigest(draft).failingStep;
      return step ? failingStepFields(step) : null;
    },
    probableCause: (draft) => {
      const cause = storedDigest(draft).probableCause;
      return cause ? statementOf(cause) : null;
    },
    nextSteps: (draft) => storedDigest(draft).nextSteps?.map(statementOf) ?? null,
  },
};
