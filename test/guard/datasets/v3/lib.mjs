// Helpers for the v3 guard datasets. The arithmetic (seeded PRNG, Luhn, IBAN mod-97, JSONL
// output) is v2's, re-exported rather than copied; v3 adds only what differs: every row frozen.
export {
  hashOf, rng, DIGITS, UPPER, LOWER, ALNUM, luhnCheckDigit, luhnValid, makeIban, ibanValid, group4,
} from '../v2/lib.mjs';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const here = dirname(fileURLToPath(import.meta.url));

/** Zero-padded running number for ids: seq(7) -> '007'. */
export function seq(n) {
  return String(n).padStart(3, '0');
}

/**
 * Writes rows as JSONL into this folder. v3 is held out as a whole, so every row gets
 * `split: "frozen"` (placed second, after `id`). Refuses duplicate ids and empty texts.
 */
export function writeFrozenJsonl(name, rows) {
  const ids = new Set();
  for (const r of rows) {
    if (ids.has(r.id)) throw new Error('duplicate id ' + r.id);
    if (typeof r.text !== 'string' || r.text.trim() === '') throw new Error('empty text in ' + r.id);
    ids.add(r.id);
  }
  const out = rows.map(({ id, ...rest }) => ({ id, split: 'frozen', ...rest }));
  writeFileSync(join(here, name), out.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`${name}: ${out.length} rows`);
}
