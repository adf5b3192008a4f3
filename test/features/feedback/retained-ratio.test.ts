import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retainedRatio, wordsOf } from '../../../src/features/feedback/retained-ratio.js';

/** Textbook word-level Levenshtein, to check the fast one against. */
function naiveWordDistance(a: string[], b: string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

const draft = [
  '## payments-api: fix applied, monitoring recovery',
  '',
  '**Status:** Monitoring',
  '',
  'A fix is in place for the incident affecting payments-api; responders are monitoring recovery.',
  '',
].join('\n');

describe('wordsOf', () => {
  it('reads words, not markup or punctuation, case-folded', () => {
    expect(wordsOf('**Status:** Monitoring _(unverified)_\n- Fix is at 14:02 UTC on payments-api.')).toEqual([
      'status',
      'monitoring',
      'fix',
      'is',
      'at',
      '14:02',
      'utc',
      'on',
      'payments-api',
    ]);
  });
});

describe('retainedRatio', () => {
  it('is 1 for the unchanged text, and for the same words without the markdown', () => {
    expect(retainedRatio(draft, draft)).toBe(1);
    expect(retainedRatio(draft, draft.replace(/[#*]/g, '').replace(/\n+/g, ' '))).toBe(1);
    expect(retainedRatio('Disk is full _(unverified)_', 'Disk is full')).toBe(1);
  });

  it('drops with the share of words changed', () => {
    const words = 'one two three four five six seven eight nine ten';
    expect(retainedRatio(words, words.replace('five', 'FIVE!'))).toBe(1);
    expect(retainedRatio(words, words.replace('five', 'cinq'))).toBe(0.9);
    expect(retainedRatio(words, 'one two three four five')).toBe(0.5);
    expect(retainedRatio(words, `${words} eleven twelve`)).toBe(0.8333);
    const edited = draft.replace('monitoring recovery.', 'watching error rates until they stay below 1% for an hour.');
    const ratio = retainedRatio(draft, edited);
    expect(ratio).toBeLessThan(1);
    expect(ratio).toBeGreaterThan(0.5);
  });

  it('is 0 when nothing survived, and 1 for two texts without words', () => {
    expect(retainedRatio(draft, 'All good now.')).toBe(0);
    expect(retainedRatio(draft, '')).toBe(0);
    expect(retainedRatio('', '...')).toBe(1);
  });

  it('handles a 50,000-character published text', () => {
    const long = Array.from({ length: 8_000 }, (_, index) => `word${index % 3_000}`).join(' ').slice(0, 50_000);
    expect(retainedRatio(long, long)).toBe(1);
    const ratio = retainedRatio(draft, long);
    expect(ratio).toBeGreaterThanOrEqual(0);
    expect(ratio).toBeLessThan(0.01);
  });

  it('equals 1 − word edit distance / longer length (property, against a naive implementation)', () => {
    const word = fc.constantFrom('api', 'db', 'down', 'up', 'fix', 'the', 'is', 'pods', 'rollback', 'error');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 80 }), fc.array(word, { maxLength: 80 }), (a, b) => {
        const expected = a.length + b.length === 0 ? 1 : 1 - naiveWordDistance(a, b) / Math.max(a.length, b.length);
        const ratio = retainedRatio(a.join(' '), b.join(' '));
        expect(ratio).toBeCloseTo(expected, 4);
        expect(ratio).toBeGreaterThanOrEqual(0);
        expect(ratio).toBeLessThanOrEqual(1);
        expect(retainedRatio(b.join(' '), a.join(' '))).toBe(ratio);
      }),
      { numRuns: 300 },
    );
  });
});
