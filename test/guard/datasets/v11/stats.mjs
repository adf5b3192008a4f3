// Prints counts per label/category for config-secrets.jsonl and checks the set's invariants:
// unique ids, every secret string present in its row's text, benign rows without secrets,
// secret rows with at least one secret, every row frozen, no unfilled template slot.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { here, hashOf, luhnValid } from '../v2/lib.mjs';

const file = join(here, '..', 'v11', 'config-secrets.jsonl');
const raw = readFileSync(file, 'utf8');
const rows = raw.trimEnd().split('\n').map((l) => JSON.parse(l));
const problems = [];
const ids = new Set();
const counts = new Map();
const templatesPer = new Map();
for (const r of rows) {
  if (ids.has(r.id)) problems.push('duplicate id ' + r.id);
  ids.add(r.id);
  if (r.split !== 'frozen') problems.push(r.id + ': split ' + r.split);
  if (r.label === 'secret') {
    if (!r.secrets.length) problems.push(r.id + ': secret row without secrets');
    for (const s of r.secrets) if (!r.text.includes(s)) problems.push(r.id + ': secret not in text');
  } else if (r.label === 'benign') {
    if (r.secrets.length) problems.push(r.id + ': benign row with secrets');
    if (!r.category.startsWith('benign-')) problems.push(r.id + ': benign label, category ' + r.category);
  } else problems.push(r.id + ': label ' + r.label);
  if (/\{\{[@!=\w]/.test(r.text) && /\{\{(@\w+|!?\w+(:[^}]*)?)\}\}/.test(r.text)) problems.push(r.id + ': unfilled slot?');
  const k = `${r.label}\t${r.category}`;
  counts.set(k, (counts.get(k) ?? 0) + 1);
  templatesPer.set(r.template, (templatesPer.get(r.template) ?? 0) + 1);
}
const byLabel = {};
console.log(`config-secrets.jsonl: ${rows.length} rows, ${templatesPer.size} templates, sha256 ${hashOf(raw)}`);
console.log('\n| label | category | rows |\n|---|---|---:|');
for (const k of [...counts.keys()].sort()) {
  const [label, category] = k.split('\t');
  byLabel[label] = (byLabel[label] ?? 0) + counts.get(k);
  console.log(`| ${label} | ${category} | ${counts.get(k)} |`);
}
for (const [l, n] of Object.entries(byLabel)) console.log(`| **${l}** | | **${n}** |`);
const maxUse = Math.max(...templatesPer.values());
// Not a secret, but a combined PII + secret redactor would touch these: reported so that a
// reader can measure benign rows with and without them.
const cardish = rows.filter((r) => r.label === 'benign' && (r.text.match(/(?<![\w.-])[2-6]\d{12,18}(?![\w.-])/g) ?? []).some((d) => luhnValid(d)));
console.log(`benign rows holding a Luhn-valid 13-19 digit run starting 2-6: ${cardish.length} (${[...new Set(cardish.map((r) => r.template))].join(', ')})`);
const emailish = rows.filter((r) => r.label === 'benign' && /[\w.+-]+@[\w-]+\.[\w.-]*[a-z]{2,}/i.test(r.text));
console.log(`benign rows holding an email-shaped string: ${emailish.length} (${[...new Set(emailish.map((r) => r.template))].join(', ')})`);
console.log(`\nmax rows per template: ${maxUse}`);
if (problems.length) {
  console.error(problems.slice(0, 30).join('\n'));
  console.error(`${problems.length} problem(s)`);
  process.exit(1);
}
console.log('checks: ok');
