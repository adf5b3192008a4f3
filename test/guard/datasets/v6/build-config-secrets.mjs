// Builds config-secrets.jsonl for the v6 blind set: hand-written templates (secret-templates,
// benign-config, benign-logs-*) filled with seeded random values. Deterministic: a rebuild
// writes the same bytes. Every row is `split: "frozen"` (the set is measured once).
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashOf, luhnValid, ibanValid } from '../v2/lib.mjs';
import { makeFiller } from './fill.mjs';
import { SECRET_TEMPLATES } from './secret-templates.mjs';
import { BENIGN_CONFIG } from './benign-config.mjs';
import { BENIGN_LOGS_A } from './benign-logs-a.mjs';
import { BENIGN_LOGS_B } from './benign-logs-b.mjs';
import { BENIGN_LOGS_C } from './benign-logs-c.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const seedOf = (key) => parseInt(hashOf('v6:' + key).slice(0, 8), 16);

// Things a benign row must never hold, so a redactor that changes it is wrong about a
// secret or about personal data, not about an accident of the random fill.
const FORBIDDEN_IN_BENIGN = [
  ['jwt', /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\./],
  // systemd instance units (postgresql@16-main.service) are kept on purpose: not an address.
  ['email', /[\w.+-]+@[\w-]+(\.[\w-]+)*\.(?!service\b|timer\b|socket\b)[a-z]{2,}\b/i],
  ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY/],
  ['token prefix', /\b(AKIA|ASIA)[A-Z2-7]{16}\b|\bgh[pousr]_[A-Za-z0-9]{30,}|\bxox[abpr]-|\bsk_live_|\bglpat-|\bnpm_[A-Za-z0-9]{30,}|\bAIza[\w-]{30,}|\bhvs\.|\bSG\.[\w-]{20,}\./],
  ['credential url', /\/\/[^\s/@:]+:[^\s/@]+@/],
  ['ssn', /\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b/],
];

function personalDataIn(text) {
  for (const [what, re] of FORBIDDEN_IN_BENIGN) if (re.test(text)) return what;
  for (const run of text.match(/\d{13,19}/g) ?? []) {
    if (/^[2-6]/.test(run) && luhnValid(run)) return 'luhn-valid number ' + run;
  }
  for (const m of text.match(/\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b/g) ?? []) if (ibanValid(m)) return 'iban ' + m;
  return null;
}

function benignRow(id, category, file, template, key) {
  const fill = makeFiller(seedOf(key));
  // Re-draw the random values (not the text) until nothing looks like a secret or PII.
  for (let attempt = 0; attempt < 20; attempt++) {
    const { text, secrets } = fill(template);
    if (secrets.length) throw new Error(`${id}: benign template has a secret placeholder`);
    if (!personalDataIn(text)) return { id, split: 'frozen', category, label: 'benign', file, secrets: [], text, template: key };
  }
  throw new Error(`${id}: could not fill without a forbidden pattern: ${personalDataIn(fill(template).text)}`);
}

function secretRow(id, category, file, template, key) {
  const { text, secrets } = makeFiller(seedOf(key))(template);
  if (!secrets.length) throw new Error(`${id}: secret row without a secret`);
  for (const s of secrets) if (!text.includes(s)) throw new Error(`${id}: secret not in text`);
  return { id, split: 'frozen', category, label: 'secret', file, secrets, text, template: key };
}

const rows = [];
const counters = {};
const nextId = (category) => {
  counters[category] = (counters[category] ?? 0) + 1;
  return `v6-cfg-${category}-${String(counters[category]).padStart(3, '0')}`;
};

SECRET_TEMPLATES.forEach(([category, file, template], i) => {
  rows.push(secretRow(nextId(category), category, file, template, `s${i + 1}`));
});
BENIGN_CONFIG.forEach(([file, template], i) => {
  rows.push(benignRow(nextId('benign-config'), 'benign-config', file, template, `c${i + 1}`));
});
[...BENIGN_LOGS_A, ...BENIGN_LOGS_B, ...BENIGN_LOGS_C].forEach(([system, template], i) => {
  rows.push(benignRow(nextId('benign-log'), 'benign-log', `${system} log`, template, `l${i + 1}`));
});

const texts = new Set();
for (const r of rows) {
  if (texts.has(r.text)) throw new Error('duplicate text in ' + r.id);
  texts.add(r.text);
}
writeFileSync(join(here, 'config-secrets.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(`config-secrets.jsonl: ${rows.length} rows`);
