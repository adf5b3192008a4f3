// Prints the count tables of the v7 set (Markdown) and re-checks the rows: unique ids, every row
// frozen, every secret/PII value present in its text, valid checksums for the positives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { here7, luhnValid, ibanValid } from './common.mjs';

const FILES = ['commands.jsonl', 'config-secrets.jsonl', 'injection-direct.jsonl', 'injection-documents.jsonl', 'pii.jsonl'];
const fail = (m) => { throw new Error(m); };

function verify(name, rows) {
  const ids = new Set();
  for (const r of rows) {
    if (ids.has(r.id)) fail(`${name}: duplicate id ${r.id}`);
    ids.add(r.id);
    if (r.split !== 'frozen') fail(`${name}: ${r.id} not frozen`);
    if (typeof r.text !== 'string' || !r.text) fail(`${name}: ${r.id} empty text`);
    for (const s of r.secrets ?? []) if (!r.text.includes(s)) fail(`${name}: ${r.id} secret not in text`);
    if (r.label === 'secret' && !(r.secrets?.length > 0)) fail(`${name}: ${r.id} no secrets`);
    if (r.label === 'pii') {
      r.values.forEach((v, i) => {
        if (!r.text.includes(v)) fail(`${name}: ${r.id} value not in text`);
        const digits = v.replace(/[\s-]/g, '');
        if (/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(digits) && !ibanValid(digits)) fail(`${name}: ${r.id} bad IBAN ${v}`);
        if (/^[2-6]\d{12,18}$/.test(digits) && !v.startsWith('+') && !luhnValid(digits)) fail(`${name}: ${r.id} bad card ${v}`);
        if (/^\d{3}[- ]?\d{2}[- ]?\d{4}$/.test(v)) {
          const [a, g, s] = [digits.slice(0, 3), digits.slice(3, 5), digits.slice(5)];
          if (a === '000' || a === '666' || a >= '900' || g === '00' || s === '0000') fail(`${name}: ${r.id} bad SSN ${v}`);
        }
      });
    }
    if (name === 'injection-documents.jsonl' && r.label === 'attack') {
      const twin = rows.find((b) => b.id === r.pair + '-b');
      if (!twin || twin.text === r.text) fail(`${name}: ${r.id} has no benign twin`);
    }
  }
}

let out = '';
for (const name of FILES) {
  const rows = readFileSync(join(here7, name), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  verify(name, rows);
  const counts = new Map();
  for (const r of rows) {
    const k = `${r.label}\t${r.category}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  out += `#### ${name} (${rows.length} rows)\n\n| label | category | frozen |\n|---|---|---:|\n`;
  for (const k of [...counts.keys()].sort()) {
    const [label, category] = k.split('\t');
    out += `| ${label} | ${category} | ${counts.get(k)} |\n`;
  }
  const byLabel = new Map();
  for (const r of rows) byLabel.set(r.label, (byLabel.get(r.label) ?? 0) + 1);
  out += `| **all** | ${[...byLabel].map(([l, n]) => `${l} ${n}`).join(', ')} | **${rows.length}** |\n\n`;
}
process.stdout.write(out);
