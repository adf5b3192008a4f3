/**
 * Citation validity: the share of an output's statements whose citations all name records
 * of the input (the draft generator marks each statement `unverified: true|false`, with the
 * same check that runs on every live draft).
 */

/** Statements found in a marked output and how many of them are verified. */
export interface CitationTally {
  statements: number;
  verified: number;
  /** verified / statements; null for an output without statements. */
  validity: number | null;
}

/** Counts the marked statements of a stored draft output. */
export function citationTally(marked: unknown): CitationTally {
  let statements = 0;
  let verified = 0;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.unverified === 'boolean') {
      statements += 1;
      if (!record.unverified) verified += 1;
    }
    for (const [key, value] of Object.entries(record)) if (key !== 'citations') visit(value);
  };
  visit(marked);
  return { statements, verified, validity: statements === 0 ? null : verified / statements };
}
