/**
 * Normalised text matching, the basis of fact recall and forbidden content: case, accents,
 * quotes, dashes, thousands separators and punctuation do not decide whether a fact was
 * stated. `pg-payments-02.prod.internal` contains the fact `pg-payments-02`; `2,140` matches
 * `2140`; `38.2%` matches `38.2 percent`; `resolved` does not match inside `unresolved`.
 */

/**
 * The text as space-separated lowercase tokens: letters and digits, with a decimal point
 * kept between digits and `%` spelled `percent`.
 */
export function normalizeText(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      // Thousands separators: "2,140" and "1,184,220" are numbers, not lists.
      .replace(/(?<=\d),(?=\d{3}(?!\d))/g, '')
      .replace(/%/g, ' percent ')
      // A point between digits is a decimal point; any other punctuation separates tokens.
      .replace(/(?<=\d)\.(?=\d)/g, '\u0000')
      .replace(/[^\p{L}\p{N}\u0000]+/gu, ' ')
      .replace(/\u0000/g, '.')
      .trim()
  );
}

/** Whether `phrase` occurs in `normalizedText` (already normalised) as whole tokens. */
export function containsNormalized(normalizedText: string, phrase: string): boolean {
  const needle = normalizeText(phrase);
  if (needle.length === 0) return false;
  return ` ${normalizedText} `.includes(` ${needle} `);
}

/** Whether `phrase` occurs in `text` as whole tokens, after normalising both. */
export function containsPhrase(text: string, phrase: string): boolean {
  return containsNormalized(normalizeText(text), phrase);
}

/**
 * Every string value of a structured output, depth first, except citation ids and types:
 * the words the model wrote.
 */
export function stringsOf(value: unknown, skipKeys: ReadonlySet<string> = defaultSkippedKeys): string[] {
  const strings: string[] = [];
  const visit = (node: unknown, key: string | null): void => {
    if (key !== null && skipKeys.has(key)) return;
    if (typeof node === 'string') strings.push(node);
    else if (Array.isArray(node)) for (const item of node) visit(item, null);
    else if (node !== null && typeof node === 'object') for (const [childKey, child] of Object.entries(node)) visit(child, childKey);
  };
  visit(value, null);
  return strings;
}

const defaultSkippedKeys: ReadonlySet<string> = new Set(['sourceType', 'sourceId']);

/** Citation excerpts are quotes of the input, not the model's own words. */
export const quoteKeys: ReadonlySet<string> = new Set(['sourceType', 'sourceId', 'excerpt']);
