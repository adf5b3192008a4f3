// Prints the count tables of the v8 set (label × category, and systems/files covered).
//   node test/guard/datasets/v8/stats.mjs
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const rows = readFileSync(join(here, 'config-secrets.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const counts = new Map();
for (const r of rows) {
  const k = `${r.label}\t${r.category}`;
  counts.set(k, (counts.get(k) ?? 0) + 1);
}
console.log(`#### config-secrets.jsonl (${rows.length} rows, all split: frozen)\n`);
console.log('| label | category | rows |\n|---|---|---:|');
for (const k of [...counts.keys()].sort()) {
  const [label, category] = k.split('\t');
  console.log(`| ${label} | ${category} | ${counts.get(k)} |`);
}
const by = (label, cat) => rows.filter((r) => r.label === label && (!cat || r.category === cat));
const distinct = (rs, f) => new Set(rs.map(f)).size;
console.log(`| **all** | | **${rows.length}** |\n`);
console.log(`- benign-log rows: ${by('benign', 'benign-log').length} from ${distinct(by('benign', 'benign-log'), (r) => r.template)} templates over ${distinct(by('benign', 'benign-log'), (r) => r.file)} systems`);
console.log(`- benign-config rows: ${by('benign', 'benign-config').length} from ${distinct(by('benign', 'benign-config'), (r) => r.template)} templates over ${distinct(by('benign', 'benign-config'), (r) => r.file)} file kinds`);
console.log(`- secret rows: ${by('secret').length} from ${distinct(by('secret'), (r) => r.template)} templates over ${distinct(by('secret'), (r) => r.file)} file kinds, ${by('secret').reduce((n, r) => n + r.secrets.length, 0)} secret values`);
console.log(`- multi-line rows: ${rows.filter((r) => r.text.includes('\n')).length}`);
