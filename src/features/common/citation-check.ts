/**
 * Citation verification for any feature output: every object with a `citations` array is a
 * statement; each of its citations must name a record of the input, and a statement of
 * fact must cite at least one. Works on the whole output tree, so a new feature gets it by
 * using `statementSchema` (or any object with `citations`).
 */
import type { SourceType } from './citation.js';

/** Ids a citation may use, by source type. */
export type KnownSources = ReadonlyMap<SourceType | string, ReadonlySet<string>>;

export interface CitationReport {
  /** One line per problem, for the repair prompt. */
  problems: string[];
  /** The output with `unverified: true|false` set on every statement. */
  marked: unknown;
  unverifiedCount: number;
}

interface CitationLike {
  sourceType?: unknown;
  sourceId?: unknown;
}

export function verifyCitations(output: unknown, known: KnownSources): CitationReport {
  const problems: string[] = [];
  let unverifiedCount = 0;

  function visit(node: unknown, path: string): unknown {
    if (Array.isArray(node)) return node.map((item, index) => visit(item, `${path}[${index}]`));
    if (node === null || typeof node !== 'object') return node;
    const record = node as Record<string, unknown>;
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) {
      result[key] = key === 'citations' ? value : visit(value, path ? `${path}.${key}` : key);
    }
    if (Array.isArray(record.citations)) {
      const citations = record.citations as CitationLike[];
      const before = problems.length;
      if (citations.length === 0) problems.push(`${path || 'statement'} states a fact without citing any record`);
      for (const citation of citations) {
        const type = String(citation.sourceType);
        const id = String(citation.sourceId);
        if (!known.get(type)?.has(id)) problems.push(`${path || 'statement'} cites ${type} "${id}", which is not in the input`);
      }
      const unverified = problems.length > before;
      if (unverified) unverifiedCount += 1;
      result.unverified = unverified;
    }
    return result;
  }

  const marked = visit(output, '');
  return { problems, marked, unverifiedCount };
}
