// Prints counts per file/label/category of the v12 set and checks its consistency.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

const here = dirname(fileURLToPath(import.meta.url));
let problems = 0;
const fail = (msg) => { problems++; console.error('PROBLEM: ' + msg); };

for (const name of ['config-secrets.jsonl', 'pii.jsonl']) {
  const raw = readFileSync(join(here, name), 'utf8');
  const rows = raw.trimEnd().split('\n').map((l) => JSON.parse(l));
  const ids = new Set();
  const counts = new Map();
  const perTemplate = new Map();
  for (const r of rows) {
    if (ids.has(r.id)) fail(`${name}: duplicate id ${r.id}`);
    ids.add(r.id);
    if (r.split !== 'frozen') fail(`${name}: ${r.id} is not frozen`);
    perTemplate.set(r.template, (perTemplate.get(r.template) ?? 0) + 1);
    const key = `${r.label}\t${r.category}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const held = r.secrets ?? r.values ?? [];
    if ((r.label === 'secret' || r.label === 'pii') && held.length === 0) fail(`${r.id}: no values`);
    if ((r.label === 'benign' || r.label === 'clean') && held.length !== 0) fail(`${r.id}: benign/clean row holds values`);
    for (const v of held) if (!r.text.includes(v)) fail(`${r.id}: value not in text: ${v.slice(0, 12)}…`);
  }
  for (const [t, n] of perTemplate) if (n > 3) fail(`${name}: template ${t} used ${n} times`);
  console.log(`\n#### ${name} (${rows.length} rows, sha256 ${createHash('sha256').update(raw).digest('hex')})\n`);
  console.log('| label | category | rows |\n|---|---|---:|');
  for (const k of [...counts.keys()].sort()) { const [l, c] = k.split('\t'); console.log(`| ${l} | ${c} | ${counts.get(k)} |`); }
}
if (problems) { console.error(`${problems} problem(s)`); process.exit(1); }
console.log('\nall checks passed');
