// Prints the count tables of README.md: rows per file x label x category (every row is frozen),
// plus injection-direct rows by language and by encoding, and document attacks by style.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { here } from './lib.mjs';

const FILES = ['injection-direct.jsonl', 'injection-documents.jsonl', 'pii.jsonl', 'config-secrets.jsonl', 'commands.jsonl'];
const read = (name) => readFileSync(join(here, name), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

function table(title, header, rows, keyOf) {
  const counts = new Map();
  for (const r of rows) {
    const k = keyOf(r);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const lines = [`#### ${title}`, '', `| ${header.join(' | ')} | rows |`, `|${header.map(() => '---|').join('')}---:|`];
  for (const k of [...counts.keys()].sort()) lines.push(`| ${k.split('\t').join(' | ')} | ${counts.get(k)} |`);
  lines.push(`| **all** |${header.slice(1).map(() => ' |').join('')} **${rows.length}** |`, '');
  console.log(lines.join('\n'));
}

for (const name of FILES) {
  const rows = read(name);
  const notFrozen = rows.filter((r) => r.split !== 'frozen').length;
  if (notFrozen) throw new Error(`${name}: ${notFrozen} rows are not frozen`);
  table(`${name} (${rows.length} rows)`, ['label', 'category'], rows, (r) => `${r.label}\t${r.category}`);
}
const direct = read('injection-direct.jsonl');
table('injection-direct.jsonl by language', ['label', 'language'], direct, (r) => `${r.label}\t${r.language}`);
table('injection-direct.jsonl obfuscation rows by encoding', ['encoding'], direct.filter((r) => r.encoding), (r) => r.encoding);
table('injection-documents.jsonl attack rows by style', ['style'], read('injection-documents.jsonl').filter((r) => r.label === 'attack'), (r) => r.style);
