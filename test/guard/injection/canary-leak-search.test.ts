/**
 * leaksCanary searches ASCII answers in place (skipping-search.ts) instead of building their
 * lower-cased, filtered copies: it must answer exactly what the copies answered. The reference
 * below is the implementation that built them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCanary, leaksCanary } from '../../../src/guard/injection/spotlight.js';
import { asciiWhitespace, includesSkipping, notLowerAlphanumeric } from '../../../src/guard/injection/skipping-search.js';

function referenceLeaksCanary(output: string, canary: string): boolean {
  const secret = canary.slice(canary.indexOf('-') + 1).toLowerCase();
  const normalized = /[^\u0000-\u007f]/.test(output) ? output.normalize('NFKC') : output;
  const compact = normalized.toLowerCase().replace(/[^0-9a-z]+/g, '');
  if (compact.includes(secret) || compact.includes([...secret].reverse().join(''))) return true;
  const encodedForms = [canary, secret].flatMap((value) => [Buffer.from(value).toString('base64').replace(/=+$/, ''), Buffer.from(value).toString('hex')]);
  const raw = output.replace(/\s+/g, '').toLowerCase();
  return encodedForms.some((form) => raw.includes(form.toLowerCase()));
}

let seed = 7;
const random = (size: number): Uint8Array =>
  Uint8Array.from({ length: size }, () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed >>> 24;
  });

/** The canary's leakable forms, so that generated answers contain them (or near misses) often. */
function leakForms(canary: string): string[] {
  const secret = canary.slice('canary-'.length);
  return [canary, secret, [...secret].reverse().join(''), Buffer.from(canary).toString('base64'), Buffer.from(secret).toString('base64'), Buffer.from(canary).toString('hex'), Buffer.from(secret).toString('hex')];
}

/** An answer built from words, separators and pieces of the canary's forms, each piece mangled a little. */
const answer = (canary: string) => {
  const forms = leakForms(canary);
  const piece = fc.oneof(
    fc.constantFrom('the', 'card', 'payments', 'recovered', '14:52', 'PDEMO01-LOG-11', '"', '{', ':', ',', 'deadbeef', '2026', 'a', 'b', 'c', 'f'),
    fc.constantFrom(' ', '  ', '\n', '\t', '-', '_', '.', '\u000b', '\u000c', '\r'),
    fc.record({ form: fc.constantFrom(...forms), start: fc.nat(60), end: fc.nat(60), cut: fc.nat(60), separator: fc.constantFrom('', ' ', '-', '\n', '\t'), upper: fc.boolean() }).map(
      ({ form, start, end, cut, separator, upper }) => {
        // Half of the pieces whole, the rest cut short at one end or both (near misses).
        const slice = start % 2 === 0 ? form : form.slice(start % 3, form.length - (end % 3));
        const joined = cut % 3 === 0 ? [...slice].join(separator) : slice;
        return upper ? joined.toUpperCase() : joined;
      },
    ),
    fc.string({ maxLength: 6 }),
  );
  return fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''));
};

describe('leaksCanary on ASCII answers', () => {
  it('answers what searching the filtered copies answered', () => {
    for (let round = 0; round < 20; round += 1) {
      const canary = createCanary(random);
      let leaks = 0;
      fc.assert(
        fc.property(answer(canary), (output) => {
          const expected = referenceLeaksCanary(output, canary);
          if (expected) leaks += 1;
          return leaksCanary(output, canary) === expected;
        }),
        { numRuns: 300 },
      );
      // The generator must produce both kinds, or the comparison proves little.
      expect(leaks).toBeGreaterThan(0);
      expect(leaks).toBeLessThan(300);
    }
  });

  it('answers what the copies answered for a canary not in lower case', () => {
    const canary = 'canary-3F1C2A9B7D4E6F80A1B2C3D4';
    for (const output of [Buffer.from(canary).toString('hex'), Buffer.from(canary.toLowerCase()).toString('hex'), Buffer.from(canary).toString('base64'), '3f1c 2a9b 7d4e 6f80 a1b2 c3d4', 'nothing here']) {
      expect(leaksCanary(output, canary)).toBe(referenceLeaksCanary(output, canary));
    }
    expect(leaksCanary(Buffer.from(canary).toString('hex'), canary)).toBe(true);
  });

  it('answers what the copies answered for non-ASCII text too', () => {
    const canary = createCanary(random);
    const secret = canary.slice('canary-'.length);
    for (const output of [`ｃａｎａｒｙ ${secret.toUpperCase()}`, `İ ${[...secret].join('\u200b')}`, 'Kelvin \u212a and İ only', `${secret.slice(0, 12)}é${secret.slice(12)}`]) {
      expect(leaksCanary(output, canary)).toBe(referenceLeaksCanary(output, canary));
    }
  });
});

describe('includesSkipping', () => {
  it('is includes() on the filtered text', () => {
    // Each filter against the regular expression it stands for (on ASCII text).
    const filters = [
      { skipped: notLowerAlphanumeric, pattern: /[^0-9a-z]/g },
      { skipped: asciiWhitespace, pattern: /\s/g },
    ];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'z', '0', '9', ' ', '-', '_', '\t', '\n', '\u000b', '\u000c', '\r', 'A', 'Z', '~', '@'), maxLength: 40 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'z', '0', '9', ' ', '-', '\u000b'), maxLength: 5 }), fc.nat(1), (text, needle, which) => {
        const { skipped, pattern } = filters[which]!;
        return includesSkipping(text, needle, skipped) === text.replace(pattern, '').includes(needle);
      }),
      { numRuns: 3000 },
    );
  });
});
