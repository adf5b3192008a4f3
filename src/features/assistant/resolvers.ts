import type { Citation as CitationType, Resolvers } from '../../generated/graphql.js';
import { requirePrincipal } from '../../graphql/require-principal.js';
import type { Citation, Statement } from '../common/citation.js';
import type { FeatureResolverParts } from '../common/feature-module.js';
import { withUnverifiedFlag } from '../common/stored-output.js';
import type { AssistantOutput } from './output-schema.js';
import type { AssistantService } from './service.js';

/** Every record the statements cite, each once, in the order first cited. */
export function sourcesOf(statements: readonly Statement[]): Citation[] {
  const seen = new Set<string>();
  const sources: Citation[] = [];
  for (const citation of statements.flatMap((statement) => statement.citations)) {
    const key = `${citation.sourceType}/${citation.sourceId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sources.push(citation);
  }
  return sources;
}

// The service stored what it was asked (trimmed); a draft whose input kept no text has "".
const inputText = (input: Record<string, unknown>, field: string): string => {
  const value = input[field];
  return typeof value === 'string' ? value : '';
};

/**
 * `askAssistant`, and the AssistantAnswer fields read from the stored answer: null until the
 * draft is COMPLETE, and when the account's data policy kept no text.
 */
export function assistantResolvers({ service, readOutput }: FeatureResolverParts<AssistantOutput, AssistantService>): Resolvers {
  return {
    Mutation: {
      askAssistant: (_, { input }, context) => service.run(requirePrincipal(context).principal, input, context.trace),
    },
    AssistantAnswer: {
      question: (draft) => inputText(draft.input, 'question'),
      conversationId: (draft) => inputText(draft.input, 'conversationId'),
      answered: (draft) => readOutput(draft)?.answered ?? null,
      statements: (draft) => readOutput(draft)?.statements.map((statement) => withUnverifiedFlag(statement)) ?? null,
      missing: (draft) => readOutput(draft)?.missing ?? null,
      sources: (draft) => {
        const answer = readOutput(draft);
        return answer ? sourcesOf(answer.statements).map((citation): CitationType => ({ ...citation })) : null;
      },
    },
  };
}
