/**
 * Substring search in a text seen through a filter, without building the filtered copy.
 * `leaksCanary` (spotlight.ts) asks whether the answer, lower-cased and stripped of separators
 * (or of whitespace), contains the canary or an encoding of it; building those copies with
 * `replace` cost ~10 µs and ~10 KB per answer (hundreds of matches, one slice each), where
 * walking the text costs about a microsecond.
 */

/** Which character codes the filter drops. */
export type SkippedCode = (code: number) => boolean;

/**
 * Whether `text` with every character `skipped` drops removed contains `needle`. Both are
 * compared code unit by code unit, as `String.prototype.includes` does.
 */
export function includesSkipping(text: string, needle: string, skipped: SkippedCode): boolean {
  if (needle.length === 0) return true;
  // The filtered text holds no skipped character, so it cannot contain a needle that has one.
  for (let index = 0; index < needle.length; index += 1) if (skipped(needle.charCodeAt(index))) return false;
  const first = needle[0]!;
  for (let start = text.indexOf(first); start !== -1; start = text.indexOf(first, start + 1)) {
    let position = start + 1;
    let matched = 1;
    while (matched < needle.length) {
      while (position < text.length && skipped(text.charCodeAt(position))) position += 1;
      if (position === text.length) return false; // every later start runs out of text too
      if (text.charCodeAt(position) !== needle.charCodeAt(matched)) break;
      position += 1;
      matched += 1;
    }
    if (matched === needle.length) return true;
  }
  return false;
}

/** Drops all but ASCII digits and lower-case letters: `/[^0-9a-z]/`. */
export const notLowerAlphanumeric: SkippedCode = (code) => !((code >= 48 && code <= 57) || (code >= 97 && code <= 122));

/** Drops what `/\s/` matches in ASCII text: tab, line feed, vertical tab, form feed, carriage return, space. */
export const asciiWhitespace: SkippedCode = (code) => code === 32 || (code >= 9 && code <= 13);
