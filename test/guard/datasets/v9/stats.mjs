// Prints the count tables of the v9 README from config-secrets.jsonl, and checks the rows.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const rows = readFileSync(join(here, 'config-secrets.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const counts = new Map();
let product = { benign: 0, secret: 0 };
for (const r of rows) {
  if (r.split !== 'frozen') throw new Error('not frozen: ' + r.id);
  for (const s of r.secrets) if (!r.text.includes(s)) throw new Error('secret not in text: ' + r.id);
  if (r.label === 'secret' && r.secrets.length === 0) throw new Error('secret row without secrets: ' + r.id);
  if (r.label === 'benign' && /[\w.+-]+@[\w-]+\.[a-z]{2,}\b/i.test(r.text.replace(/\w+@sha256:|@sha1:|@[0-9a-f]{40}\b|inflight@|glob@|@v?\d|:\/\/\w+@/g, ''))) {
    console.warn('benign row with an @address, check by hand: ' + r.id);
  }
  const k = `${r.label}\t${r.category}`;
  counts.set(k, (counts.get(k) ?? 0) + 1);
  if (r.id.includes('-p-')) product[r.label]++;
}
const labels = { benign: 0, secret: 0 };
console.log('| label | category | frozen |\n|---|---|---:|');
for (const k of [...counts.keys()].sort()) {
  const [label, category] = k.split('\t');
  labels[label] += counts.get(k);
  console.log(`| ${label} | ${category} | ${counts.get(k)} |`);
}
console.log(`| **all** | | **${rows.length}** |`);
console.log('');
console.log(`benign ${labels.benign}, of which product-shaped (job logs, incident notes, alerts, chat, timelines) ${product.benign} (${((100 * product.benign) / labels.benign).toFixed(1)}%)`);
console.log(`secret ${labels.secret}, of which product-shaped ${product.secret}; secret values ${rows.reduce((n, r) => n + r.secrets.length, 0)}`);
console.log(`templates ${new Set(rows.map((r) => r.template)).size}`);
