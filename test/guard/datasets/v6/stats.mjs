// Prints the count tables of the v6 README: rows per label and category, and how many
// distinct log sources and secret files the rows come from.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const rows = readFileSync(join(here, 'config-secrets.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

const byKey = new Map();
for (const r of rows) {
  const k = `${r.label} | ${r.category}`;
  byKey.set(k, (byKey.get(k) ?? 0) + 1);
}
console.log(`#### config-secrets.jsonl (${rows.length} rows, all split "frozen")\n`);
console.log('| label | category | rows |\n|---|---|---:|');
for (const k of [...byKey.keys()].sort()) console.log(`| ${k} | ${byKey.get(k)} |`);

const distinct = (label, category) => new Set(rows.filter((r) => r.label === label && (!category || r.category === category)).map((r) => r.file)).size;
const multiLine = rows.filter((r) => r.text.includes('\n'));
console.log('');
console.log(`- benign-log rows come from ${distinct('benign', 'benign-log')} log sources; benign-config rows from ${distinct('benign', 'benign-config')} file kinds; secret rows from ${distinct('secret')} file kinds.`);
console.log(`- secret values to remove: ${rows.reduce((n, r) => n + r.secrets.length, 0)}; multi-line rows: ${multiLine.length} (secret ${multiLine.filter((r) => r.label === 'secret').length}, benign ${multiLine.filter((r) => r.label === 'benign').length}).`);
