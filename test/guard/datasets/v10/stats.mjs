// Counts per file/label/category and consistency checks for the v10 sets.
// Run: node test/guard/datasets/v10/stats.mjs   (exit code 1 when a check fails)
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { luhnValid, ibanValid } from '../v2/lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FILES = ['injection-direct.jsonl', 'injection-documents.jsonl', 'pii.jsonl', 'config-secrets.jsonl', 'commands.jsonl'];
const problems = [];
const fail = (file, id, msg) => problems.push(`${file} ${id}: ${msg}`);

const SSN_RE = /(?<!\d)(\d{3})[- ](\d{2})[- ](\d{4})(?!\d)/g;
const issuedSsn = (t) => [...t.matchAll(SSN_RE)].some((m) => { const a = +m[1]; return a > 0 && a < 900 && a !== 666 && +m[2] > 0 && +m[3] > 0; });
const luhnRun = (t) => [...t.matchAll(/(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])/g)].some((m) => { const d = m[0].replace(/\D/g, ''); return /^[2-6]/.test(d) && luhnValid(d); });
const validIban = (t) => [...t.matchAll(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,8}\b/g)].some((m) => ibanValid(m[0]));

for (const file of FILES) {
  const raw = readFileSync(join(here, file), 'utf8');
  const rows = raw.trim().split('\n').map((l) => JSON.parse(l));
  const ids = new Set();
  const counts = {};
  for (const r of rows) {
    if (ids.has(r.id)) fail(file, r.id, 'duplicate id');
    ids.add(r.id);
    if (r.split !== 'frozen') fail(file, r.id, 'split is not frozen');
    if (typeof r.text !== 'string' || !r.text) fail(file, r.id, 'empty text');
    if (/\{\{[A-Za-z0-9_#:]+\}\}/.test(r.text)) fail(file, r.id, 'unfilled slot');
    const k = `${r.label}\t${r.category}`;
    counts[k] = (counts[k] ?? 0) + 1;
    if (file === 'config-secrets.jsonl') {
      if (r.label === 'secret') {
        if (!r.secrets?.length) fail(file, r.id, 'secret row without secrets');
        for (const s of r.secrets ?? []) if (!r.text.includes(s)) fail(file, r.id, 'secret not in text');
      } else if (r.label === 'benign') {
        if (r.secrets) fail(file, r.id, 'benign row with secrets field');
        if (!['benign-log', 'benign-config'].includes(r.category)) fail(file, r.id, 'benign category');
      } else fail(file, r.id, 'label');
    }
    if (file === 'pii.jsonl') {
      if (r.label === 'pii') {
        if (!r.values.length) fail(file, r.id, 'pii row without values');
        for (const v of r.values) if (!r.text.includes(v)) fail(file, r.id, 'value not in text');
        if (r.types.includes('credit_card')) for (const v of r.values) if (/^[2-6][\d -]{12,}$/.test(v) && v.replace(/\D/g, '').length >= 13 && !luhnValid(v)) fail(file, r.id, 'card fails Luhn');
        if (r.types.includes('iban')) for (const v of r.values) if (/^[A-Z]{2}\d\d/.test(v) && !ibanValid(v)) fail(file, r.id, 'iban fails mod-97');
      } else if (r.label === 'clean') {
        if (r.values.length || r.types.length) fail(file, r.id, 'clean row with values');
        if (issuedSsn(r.text) || luhnRun(r.text) || validIban(r.text)) fail(file, r.id, 'clean row holds PII-shaped valid value');
      } else fail(file, r.id, 'label');
    }
    if (file === 'injection-documents.jsonl') {
      const partner = rows.find((x) => x.pair === r.pair && x.id !== r.id);
      if (!partner || partner.label === r.label) fail(file, r.id, 'pair incomplete');
      if (r.label === 'attack') {
        const esc = JSON.stringify(r.injected).slice(1, -1);
        if (!r.text.includes(r.injected) && !r.text.includes(esc)) fail(file, r.id, 'injected text not in document');
        if (partner && (partner.text.includes(r.injected) || partner.text.includes(esc))) fail(file, r.id, 'benign partner holds the injection');
        if (!r.style) fail(file, r.id, 'no style');
      }
    }
    if (file === 'injection-direct.jsonl' && !['attack', 'benign'].includes(r.label)) fail(file, r.id, 'label');
    if (file === 'commands.jsonl' && !['destructive', 'read-only', 'changes-state'].includes(r.label)) fail(file, r.id, 'label');
  }
  const byLabel = {};
  for (const [k, n] of Object.entries(counts)) { const l = k.split('\t')[0]; byLabel[l] = (byLabel[l] ?? 0) + n; }
  console.log(`\n#### ${file} (${rows.length} rows; sha256 ${createHash('sha256').update(raw).digest('hex')})\n`);
  console.log('| label | category | rows |\n|---|---|---:|');
  for (const k of Object.keys(counts).sort()) console.log(`| ${k.replace('\t', ' | ')} | ${counts[k]} |`);
  console.log(`| **by label** | ${Object.entries(byLabel).map(([l, n]) => `${l} ${n}`).join(', ')} | |`);
}
if (problems.length) {
  console.error('\nPROBLEMS:\n' + problems.join('\n'));
  process.exit(1);
}
console.log('\nall checks passed');
