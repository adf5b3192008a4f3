/**
 * How much of a draft survived into what a responder published: 1 − the word-level edit
 * distance between the two texts, normalized by the longer one. Words, not characters: a
 * status page edit is a matter of words, and a 50,000-character text is ~8,000 words, which
 * keeps the distance cheap (fastest-levenshtein's bit-parallel Myers algorithm over one
 * code unit per distinct word).
 */
import { distance } from 'fastest-levenshtein';

// Our own annotation of a doubtful statement, not text the model wrote.
const unverifiedMarker = /\s*_\(unverified\)_/g;
// A word: letters and digits, joined by inner punctuation ("payments-api", "14:02", "don't").
const wordPattern = /[\p{L}\p{N}]+(?:['’._:/-][\p{L}\p{N}]+)*/gu;

/**
 * The words a comparison looks at, case-folded: markdown markup and punctuation are left out,
 * so publishing the draft's words without its formatting counts as keeping them.
 */
export function wordsOf(text: string): string[] {
  return text.replace(unverifiedMarker, '').toLowerCase().match(wordPattern) ?? [];
}

// UTF-16 code units outside the surrogate range: one per distinct word.
const codeUnitCount = 0x10000 - 0x800;
const codeUnitOf = (index: number): string => {
  const unit = index % codeUnitCount;
  return String.fromCharCode(unit < 0xd800 ? unit : unit + 0x800);
};

/**
 * Share of the draft kept in the published text, in [0, 1], rounded to 4 decimals: 1 for
 * the same words in the same order, 0 when nothing is left. Two empty texts are equal (1).
 */
export function retainedRatio(draftText: string, publishedText: string): number {
  const draftWords = wordsOf(draftText);
  const publishedWords = wordsOf(publishedText);
  const longest = Math.max(draftWords.length, publishedWords.length);
  if (longest === 0) return 1;
  const codes = new Map<string, string>();
  // Past 63,488 distinct words two words may share a unit; the ratio can only rise by it,
  // and texts within the input limits never get there.
  const encode = (words: string[]): string =>
    words
      .map((word) => {
        let code = codes.get(word);
        if (code === undefined) {
          code = codeUnitOf(codes.size);
          codes.set(word, code);
        }
        return code;
      })
      .join('');
  const edits = distance(encode(draftWords), encode(publishedWords));
  return Math.round((1 - edits / longest) * 10_000) / 10_000;
}
