/**
 * The guard memo: a hit is the result computed for the same text, never another's; long keys
 * (found by fingerprint and `===`, memoize.ts) keep that under collisions and evictions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoizeText } from '../../src/guard/memoize.js';

/** A memo of a function that says which text it was given, counting its calls. */
function countingMemo(maxEntries: number) {
  const calls: string[] = [];
  const memo = memoizeText((text: string) => {
    calls.push(text);
    return { of: text };
  }, { maxEntries, maxKeyLength: 100_000 });
  return { memo, calls };
}

/** Texts of one length that differ in one character: same length, mostly the same samples. */
const sameLength = (count: number, length: number): string[] =>
  Array.from({ length: count }, (_, index) => {
    const position = (index * 7919) % length;
    return `${'x'.repeat(position)}${String.fromCharCode(65 + (index % 26))}${'x'.repeat(length - position - 1)}`;
  });

describe('memoizeText', () => {
  it('computes a long text once, whatever string object carries it', () => {
    const { memo, calls } = countingMemo(10);
    const text = `prompt ${'incident data '.repeat(200)}`;
    const first = memo(text);
    const copy = [...text].join(''); // the same text in another string
    expect(memo(copy)).toBe(first);
    expect(calls).toHaveLength(1);
  });

  it('never answers for another text: short, long, colliding, evicted', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...sameLength(20, 600)), fc.constantFrom(...sameLength(3, 40)), fc.string({ maxLength: 700 })), { maxLength: 200 }),
        fc.integer({ min: 1, max: 12 }),
        (texts, maxEntries) => {
          const { memo } = countingMemo(maxEntries);
          return texts.every((text) => memo(text).of === text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps at most maxEntries texts, the most recently used', () => {
    const { memo, calls } = countingMemo(3);
    const [a, b, c, d] = sameLength(4, 1_000);
    for (const text of [a!, b!, c!, a!, d!]) memo(text); // b is the oldest when d comes
    expect(calls).toEqual([a, b, c, d]);
    memo(a!);
    memo(c!);
    memo(d!);
    expect(calls).toHaveLength(4);
    memo(b!);
    expect(calls).toEqual([a, b, c, d, b]);
  });

  it('finds texts past the fingerprint bucket limit too', () => {
    const { memo, calls } = countingMemo(100);
    // Twenty texts that differ only in their second character, where no sample looks: one fingerprint.
    const texts = Array.from({ length: 20 }, (_, index) => `x${String.fromCharCode(65 + index)}${'x'.repeat(2_046)}`);
    for (const text of texts) memo(text);
    for (const text of texts) expect(memo([...text].join('')).of).toBe(text);
    expect(calls).toEqual(texts);
  });
});
