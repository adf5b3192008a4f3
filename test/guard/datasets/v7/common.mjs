// Shared helpers for the v7 blind set. Reuses the v2 helpers (seeded PRNG, Luhn, IBAN);
// every v7 row is `split: "frozen"` (the whole set is a one-time blind measurement).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export * from '../v2/lib.mjs';

export const here7 = dirname(fileURLToPath(import.meta.url));

/** Puts `split: "frozen"` second (after id) and writes JSONL; fails on duplicate ids. */
export function writeFrozen(name, rows) {
  const ids = new Set();
  const out = rows.map((r) => {
    if (ids.has(r.id)) throw new Error(`${name}: duplicate id ${r.id}`);
    ids.add(r.id);
    const { id, ...rest } = r;
    return { id, split: 'frozen', ...rest };
  });
  writeFileSync(join(here7, name), out.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`${name}: ${out.length} rows`);
}

/** Numbers rows per prefix: prefix-001, prefix-002, ... */
export function counter() {
  const n = new Map();
  return (prefix) => {
    const k = (n.get(prefix) ?? 0) + 1;
    n.set(prefix, k);
    return `${prefix}-${String(k).padStart(3, '0')}`;
  };
}

export function check(cond, msg) {
  if (!cond) throw new Error('check failed: ' + msg);
}
