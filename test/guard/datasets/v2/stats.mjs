// Prints, for each v2 set, a Markdown table of row counts per label and category,
// split dev / frozen (the tables in README.md come from this script).
import { readFileSync, readdirSync } from 'node:fs';
import { here } from './lib.mjs';
import { join } from 'node:path';

for (const f of readdirSync(here).filter((n) => n.endsWith('.jsonl')).sort()) {
  const rows = readFileSync(join(here, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const keys = new Map();
  for (const r of rows) {
    const k = `${r.label} | ${r.category}`;
    const c = keys.get(k) ?? { dev: 0, frozen: 0 };
    c[r.split] += 1;
    keys.set(k, c);
  }
  const total = { dev: 0, frozen: 0 };
  console.log(`\n#### ${f} (${rows.length} rows)\n\n| label | category | dev | frozen |\n|---|---|---:|---:|`);
  for (const [k, c] of [...keys].sort()) {
    console.log(`| ${k} | ${c.dev} | ${c.frozen} |`);
    total.dev += c.dev;
    total.frozen += c.frozen;
  }
  console.log(`| **all** | | **${total.dev}** | **${total.frozen}** |`);
}
