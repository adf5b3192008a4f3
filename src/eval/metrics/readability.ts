/**
 * Reading level and length. Flesch–Kincaid grade level and Flesch reading ease, written out:
 *
 *   grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
 *   ease  = 206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words)
 *
 * Syllables are counted with the usual English heuristic (vowel groups, a silent final `e`,
 * `-le` endings), which is within one syllable for most words and is what every FK tool does.
 * Markdown markup is removed first; headings, bullets and lines count as sentences, because
 * that is how a reader takes them in.
 */

/** Counts of a text. */
export interface TextStatistics {
  words: number;
  sentences: number;
  syllables: number;
}

/** A text's reading level; grade and ease are null for a text without words. */
export interface Readability extends TextStatistics {
  fleschKincaidGrade: number | null;
  fleschReadingEase: number | null;
}

/** Syllables of one word (at least 1). Tokens without letters (numbers, times) count as 1. */
export function syllablesOf(word: string): number {
  const letters = word.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length === 0) return 1;
  if (letters.length <= 3) return 1;
  let stem = letters;
  // A final "e" is silent ("database", "make"), except in "-le" after a consonant ("table").
  if (/[^aeiouy]e$/.test(stem) && !/[^aeiouy]le$/.test(stem)) stem = stem.slice(0, -1);
  // "-es" and "-ed" endings add no syllable unless after t/d ("started") or s/z/x/ch/sh ("fixes").
  else if (/[^aeiouy]ed$/.test(stem) && !/[td]ed$/.test(stem)) stem = stem.slice(0, -2);
  else if (/[^aeiouy]es$/.test(stem) && !/(?:[sxz]|ch|sh|ce|ge)es$/.test(stem)) stem = stem.slice(0, -2);
  const groups = stem.match(/[aeiouy]+/g)?.length ?? 0;
  return Math.max(1, groups);
}

/** Markdown to plain prose: markup and our own annotations removed, each block line a sentence. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\s*_\(unverified\)_/g, '')
    .replace(/```[\s\S]*?```/g, ' ')
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s{4,}.*$/, '')
        .replace(/^\s*(?:#{1,6}\s+|[-*+]\s+|\d+\.\s+|>\s*)/, '')
        .replace(/\*\*|__|`/g, '')
        .trim(),
    )
    .filter((line) => line.length > 0)
    .map((line) => (/[.!?:;]$/.test(line) ? line : `${line}.`))
    .join(' ');
}

const wordPattern = /[\p{L}\p{N}]+(?:['’.:/_-][\p{L}\p{N}]+)*/gu;

/** Word, sentence and syllable counts of plain text. */
export function textStatistics(text: string): TextStatistics {
  const words = text.match(wordPattern) ?? [];
  const sentences = text
    .split(/(?<=[.!?])\s+|\n+/)
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence)).length;
  const syllables = words.reduce((total, word) => total + syllablesOf(word), 0);
  return { words: words.length, sentences: Math.max(sentences, words.length > 0 ? 1 : 0), syllables };
}

const round = (value: number): number => Math.round(value * 100) / 100;

/** Reading level of plain text. */
export function readability(text: string): Readability {
  const stats = textStatistics(text);
  if (stats.words === 0) return { ...stats, fleschKincaidGrade: null, fleschReadingEase: null };
  const wordsPerSentence = stats.words / stats.sentences;
  const syllablesPerWord = stats.syllables / stats.words;
  return {
    ...stats,
    fleschKincaidGrade: round(0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59),
    fleschReadingEase: round(206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord),
  };
}

/** What a text for one audience should look like. */
export interface AudienceTarget {
  minWords: number;
  maxWords: number;
  /** Highest acceptable Flesch–Kincaid grade. */
  maxGrade: number;
}

/** Whether a text meets its audience's length and reading level. */
export interface TargetCheck {
  readability: Readability;
  lengthOk: boolean;
  readingLevelOk: boolean;
}

/** Checks a plain text against a target. */
export function checkTarget(text: string, target: AudienceTarget): TargetCheck {
  const result = readability(text);
  return {
    readability: result,
    lengthOk: result.words >= target.minWords && result.words <= target.maxWords,
    readingLevelOk: result.fleschKincaidGrade !== null && result.fleschKincaidGrade <= target.maxGrade,
  };
}
