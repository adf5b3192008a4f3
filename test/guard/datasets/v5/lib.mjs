// Helpers for the v5 guard datasets. The PRNG, Luhn and IBAN arithmetic come from v2's
// lib.mjs unchanged; v5 adds a writer that marks every row frozen (the whole set is held out).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { here } from '../v2/lib.mjs';

export { rng, luhnCheckDigit, luhnValid, makeIban, ibanValid, group4, hashOf, DIGITS, UPPER, LOWER, ALNUM } from '../v2/lib.mjs';

export const v5dir = here.replace(/v2$/, 'v5');

/** Numbers rows `prefix-category-NNN` in order of appearance per label and category. */
export function numberRows(prefix, rows, { idOf } = {}) {
  const seen = {};
  return rows.map((r) => {
    const k = r.label + '/' + r.category;
    seen[k] = (seen[k] ?? 0) + 1;
    const id = idOf ? idOf(r, seen[k]) : `${prefix}-${r.category}-${String(seen[k]).padStart(3, '0')}`;
    return { id, split: 'frozen', ...r };
  });
}

export function writeFrozen(name, rows) {
  const ids = new Set();
  for (const r of rows) {
    if (ids.has(r.id)) throw new Error('duplicate id ' + r.id);
    if (r.split !== 'frozen') throw new Error('row not frozen ' + r.id);
    if (typeof r.text !== 'string' || r.text.length === 0) throw new Error('empty text ' + r.id);
    ids.add(r.id);
  }
  writeFileSync(join(v5dir, name), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`${name}: ${rows.length} rows`);
}
