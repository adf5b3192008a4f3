import { describe, expect, it } from 'vitest';
import { checkTarget, plainText, readability, syllablesOf, textStatistics } from '../../../src/eval/metrics/readability.js';

describe('syllablesOf', () => {
  it.each([
    ['the', 1],
    ['cat', 1],
    ['database', 3],
    ['incident', 3],
    ['payments', 2],
    ['available', 4],
    ['table', 2],
    ['failed', 1],
    ['started', 2],
    ['fixes', 2],
    ['makes', 1],
    ['monitoring', 4],
    ['14:02', 1],
  ])('%s has %i', (word, count) => {
    expect(syllablesOf(word)).toBe(count);
  });
});

describe('Flesch–Kincaid', () => {
  it('computes grade and ease from the formulas', () => {
    // 6 words, 1 sentence, 6 syllables.
    const result = readability('The cat sat on the mat.');
    expect(result).toMatchObject({ words: 6, sentences: 1, syllables: 6 });
    expect(result.fleschKincaidGrade).toBeCloseTo(0.39 * 6 + 11.8 * 1 - 15.59, 2);
    expect(result.fleschReadingEase).toBeCloseTo(206.835 - 1.015 * 6 - 84.6 * 1, 2);
  });

  it('rates technical text harder than plain text', () => {
    const plain = readability('Card payments failed for a while. They work again now.');
    const technical = readability('Patroni promoted the replica, but PgBouncer continued targeting the decommissioned primary through a statically configured address.');
    expect(technical.fleschKincaidGrade!).toBeGreaterThan(plain.fleschKincaidGrade! + 6);
  });

  it('is null without words', () => {
    expect(readability('')).toMatchObject({ words: 0, fleschKincaidGrade: null, fleschReadingEase: null });
  });

  it('reads markdown as prose: markup and annotations out, each line a sentence', () => {
    const text = plainText('## Payments restored\n\n**Status:** Resolved\n\n- Fix deployed _(unverified)_\n\n    kubectl get pods\n');
    expect(text).toBe('Payments restored. Status: Resolved. Fix deployed.');
    expect(textStatistics(text)).toMatchObject({ words: 6, sentences: 3 });
  });
});

describe('checkTarget', () => {
  it('checks length and grade against an audience target', () => {
    const result = checkTarget('Card payments failed for a while. They work again now.', { minWords: 5, maxWords: 20, maxGrade: 8 });
    expect(result.lengthOk).toBe(true);
    expect(result.readingLevelOk).toBe(true);
    expect(checkTarget('Too short.', { minWords: 5, maxWords: 20, maxGrade: 8 }).lengthOk).toBe(false);
  });
});
