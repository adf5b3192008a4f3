import type { Citation as CitationType, Resolvers, Statement as StatementType } from '../../generated/graphql.js';
import { requirePrincipal } from '../../graphql/require-principal.js';
import type { DraftRecord } from '../../store/types.js';
import type { Citation, Statement } from '../common/citation.js';
import type { AssistantOutput } from './output-schema.js';

/** A statement as stored: checked by the citation check, which marks it verified or not. */
type MarkedStatement = Statement & { unverified?: boolean };

type StoredAnswer = Omit<AssistantOutput, 'statements'> & { statements: MarkedStatement[] };

/**
 * The answer as stored; null until the draft is COMPLETE, and when the account's data policy
 * kept no text (the output is then `{ retained: false }`).
 */
function storedAnswer(draft: DraftRecord): StoredAnswer | null {
  const output = draft.output;
  if (!output || typeof output.answered !== 'boolean' || !Array.isArray(output.statements)) return null;
  // The output was checked against the feature's schema before it was stored.
  return output as unknown as StoredAnswer;
}

const statementOf = (statement: MarkedStatement): StatementType => ({
  text: statement.text,
  citations: statement.citations,
  unverified: Boolean(statement.unverified),
});

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

/** `askAssistant`, and the AssistantAnswer fields read from the stored answer. */
export const assistantResolvers: Resolvers = {
  Mutation: {
    askAssistant: (_, { input }, context) => context.services.assistant.run(requirePrincipal(context).principal, input),
  },
  AssistantAnswer: {
    answered: (draft) => storedAnswer(draft)?.answered ?? null,
    statements: (draft) => storedAnswer(draft)?.statements.map(statementOf) ?? null,
    missing: (draft) => storedAnswer(draft)?.missing ?? null,
    sources: (draft) => {
      const answer = storedAnswer(draft);
      return answer ? sourcesOf(answer.statements).map((citation): CitationType => ({ ...citation })) : null;
    },
  },
};
