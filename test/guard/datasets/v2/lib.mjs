// Shared helpers for the v2 guard datasets: deterministic split assignment,
// a seeded PRNG, Luhn and IBAN (ISO 13616, mod-97) arithmetic, JSONL output.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const here = dirname(fileURLToPath(import.meta.url));

export function hashOf(s) {
  return createHash('sha256').update(String(s)).digest('hex');
}

/**
 * Assigns `split` so that the result depends only on the ids (a sha256 of each split
 * key), balanced inside each group (category by default). Rows that share a split key
 * (the two rows of a document pair, the rows made from one template) share a split.
 */
export function assignSplits(rows, { key = (r) => r.id, group = (r) => r.category } = {}) {
  const groups = new Map();
  for (const r of rows) {
    const g = group(r);
    if (!groups.has(g)) groups.set(g, new Map());
    const sizes = groups.get(g);
    sizes.set(key(r), (sizes.get(key(r)) ?? 0) + 1);
  }
  const splitOf = new Map();
  for (const [g, sizes] of groups) {
    // Keys in sha256 order; each goes to the split holding fewer rows of this group so
    // far (ties broken by the key's own hash), so splits stay balanced per category
    // even when keys carry different numbers of rows.
    const ordered = [...sizes.keys()].sort((a, b) => (hashOf(a) < hashOf(b) ? -1 : 1));
    const filled = { dev: 0, frozen: 0 };
    for (const k of ordered) {
      const side = filled.dev === filled.frozen
        ? (parseInt(hashOf('side:' + g + ':' + k).slice(0, 2), 16) % 2 === 0 ? 'dev' : 'frozen')
        : filled.dev < filled.frozen ? 'dev' : 'frozen';
      filled[side] += sizes.get(k);
      splitOf.set(g + '\u0000' + k, side);
    }
  }
  return rows.map((r) => {
    const { id, ...rest } = r;
    return { id, split: splitOf.get(group(r) + '\u0000' + key(r)), ...rest };
  });
}

export function writeJsonl(name, rows) {
  const ids = new Set();
  for (const r of rows) {
    if (ids.has(r.id)) throw new Error('duplicate id ' + r.id);
    ids.add(r.id);
  }
  writeFileSync(join(here, name), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const counts = {};
  for (const r of rows) {
    const k = `${r.split}\t${r.label}\t${r.category}`;
    counts[k] = (counts[k] ?? 0) + 1;
  }
  console.log(`${name}: ${rows.length} rows`);
  return counts;
}

/** mulberry32: small seeded PRNG so every build writes the same bytes. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (arr) => arr[Math.floor(next() * arr.length)];
  const chars = (alphabet, n) => Array.from({ length: n }, () => pick(alphabet)).join('');
  return { next, int, pick, chars };
}

export const DIGITS = '0123456789';
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const ALNUM = UPPER + LOWER + DIGITS;

export function luhnCheckDigit(partial) {
  let sum = 0;
  const ds = partial.split('').reverse();
  for (let i = 0; i < ds.length; i++) {
    let d = Number(ds[i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function luhnValid(num) {
  const digits = num.replace(/\D/g, '');
  return luhnCheckDigit(digits.slice(0, -1)) === digits.slice(-1);
}

function mod97(numeric) {
  let rem = 0;
  for (const ch of numeric) rem = (rem * 10 + Number(ch)) % 97;
  return rem;
}

function ibanNumeric(s) {
  return s
    .split('')
    .map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c))
    .join('');
}

/** Builds an IBAN with a correct ISO 7064 mod-97-10 check from country + BBAN. */
export function makeIban(country, bban) {
  const rem = mod97(ibanNumeric(bban + country + '00'));
  const check = String(98 - rem).padStart(2, '0');
  return country + check + bban;
}

export function ibanValid(iban) {
  const s = iban.replace(/\s/g, '');
  return mod97(ibanNumeric(s.slice(4) + s.slice(0, 4))) === 1;
}

export function group4(s) {
  return s.replace(/(.{4})/g, '$1 ').trim();
}
