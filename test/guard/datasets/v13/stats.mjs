// Prints counts per label/category for config-secrets.jsonl and checks consistency:
// unique ids, every row frozen, each secret is a substring of its row's text, benign rows
// carry no secrets field, and benign rows hold no email, phone-like or Luhn-valid number.
// Usage: node test/guard/datasets/v13/stats.mjs
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { luhnValid } from '../v2/lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const rows = readFileSync(join(here, 'config-secrets.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
const problems = [];
const ids = new Set();
const counts = new Map();
const templatesPerCategory = new Map();
for (const r of rows) {
  if (ids.has(r.id)) problems.push(`duplicate id ${r.id}`);
  ids.add(r.id);
  if (r.split !== 'frozen') problems.push(`${r.id}: split ${r.split}`);
  const k = `${r.label}\t${r.category}`;
  counts.set(k, (counts.get(k) ?? 0) + 1);
  if (!templatesPerCategory.has(r.category)) templatesPerCategory.set(r.category, new Set());
  templatesPerCategory.get(r.category).add(r.template);
  if (r.label === 'secret') {
    if (!Array.isArray(r.secrets) || r.secrets.length === 0) problems.push(`${r.id}: no secrets`);
    for (const s of r.secrets ?? []) if (!r.text.includes(s)) problems.push(`${r.id}: secret not in text`);
    if (!r.file) problems.push(`${r.id}: no file`);
  } else if (r.label === 'benign') {
    if ('secrets' in r) problems.push(`${r.id}: benign row with secrets field`);
    if (/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}/.test(r.text)) problems.push(`${r.id}: email-like text`);
    if (/\+(?!0000)\d{1,3}[ -]?\d{3}|\(\d{3}\) ?\d{3}-\d{4}/.test(r.text)) problems.push(`${r.id}: phone-like text`);
    for (const m of r.text.match(/(?<![\d])\d{13,19}(?!\d)/g) ?? []) if (/^[2-6]/.test(m) && luhnValid(m)) problems.push(`${r.id}: Luhn-valid number ${m.length} digits`);
  } else problems.push(`${r.id}: label ${r.label}`);
}
const secretValues = new Set(rows.filter((r) => r.label === 'secret').flatMap((r) => r.secrets));
for (const r of rows) if (r.label === 'benign') for (const s of secretValues) if (r.text.includes(s)) problems.push(`${r.id}: holds a secret value`);

console.log(`config-secrets.jsonl (${rows.length} rows, all frozen)\n`);
console.log('| label | category | rows | templates |\n|---|---|---:|---:|');
for (const [k, n] of [...counts].sort()) {
  const [label, category] = k.split('\t');
  console.log(`| ${label} | ${category} | ${n} | ${templatesPerCategory.get(category).size} |`);
}
const byLabel = {};
for (const r of rows) byLabel[r.label] = (byLabel[r.label] ?? 0) + 1;
console.log(`\nby label: ${JSON.stringify(byLabel)}`);
if (problems.length) {
  console.log(`\n${problems.length} problem(s):\n` + problems.slice(0, 40).join('\n'));
  process.exitCode = 1;
} else console.log('\nconsistency checks: ok');
