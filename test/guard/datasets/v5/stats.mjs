// Prints the count tables of the v5 README: rows per file x label x category (all frozen),
// plus languages of injection-direct and encodings of its obfuscation rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { v5dir } from './lib.mjs';

const files = ['injection-direct.jsonl', 'injection-documents.jsonl', 'pii.jsonl', 'config-secrets.jsonl', 'commands.jsonl'];
const tally = (rows, keyOf) => {
  const m = new Map();
  for (const r of rows) m.set(keyOf(r), (m.get(keyOf(r)) ?? 0) + 1);
  return [...m].sort(([a], [b]) => (a < b ? -1 : 1));
};
for (const f of files) {
  const rows = readFileSync(join(v5dir, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const notFrozen = rows.filter((r) => r.split !== 'frozen').length;
  console.log(`#### ${f} (${rows.length} rows${notFrozen ? `, ${notFrozen} NOT frozen` : ', all frozen'})\n`);
  console.log('| label | category | rows |\n|---|---|---:|');
  for (const [k, n] of tally(rows, (r) => `${r.label} | ${r.category}`)) console.log(`| ${k} | ${n} |`);
  for (const [label, n] of tally(rows, (r) => r.label)) console.log(`| **${label}** | | **${n}** |`);
  if (f === 'injection-direct.jsonl') {
    console.log('\nlanguages: ' + tally(rows, (r) => r.language).map(([k, n]) => `${k} ${n}`).join(', '));
    console.log('\nencodings (obfuscation): ' + tally(rows.filter((r) => r.encoding), (r) => r.encoding).map(([k, n]) => `${k} ${n}`).join(', '));
  }
  if (f === 'injection-documents.jsonl') {
    console.log('\nstyles (attack rows): ' + tally(rows.filter((r) => r.style), (r) => r.style).map(([k, n]) => `${k} ${n}`).join(', '));
  }
  if (f === 'pii.jsonl') {
    console.log('\nvalues per type (pii rows): ' + tally(rows.flatMap((r) => r.types.map((t) => ({ t }))), (x) => x.t).map(([k, n]) => `${k} ${n}`).join(', '));
  }
  console.log('');
}
