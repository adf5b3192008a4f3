import type { Statement } from './citation.js';

/** Problems with a statement's citations: ids that are not in the input. */
export function citationProblems(where: string, statement: Statement, known: Map<string, Set<string>>): string[] {
  const problems: string[] = [];
  for (const citation of statement.citations) {
    if (!known.get(citation.sourceType)?.has(citation.sourceId)) {
      problems.push(`${where} cites ${citation.sourceType} "${citation.sourceId}", which is not in the input`);
    }
  }
  return problems;
}
