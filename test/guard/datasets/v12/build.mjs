// Builds config-secrets.jsonl and pii.jsonl of the v12 blind set from the hand-written
// templates in ./templates. Only random values are filled in here; rebuilds are byte-identical.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng, luhnValid, ibanValid, luhnCheckDigit, makeIban, DIGITS } from '../v2/lib.mjs';
import { plainValues, secretValues, piiValues } from './gen.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function writeJsonl(name, rows) {
  const ids = new Set();
  for (const row of rows) {
    if (ids.has(row.id)) throw new Error('duplicate id ' + row.id);
    ids.add(row.id);
  }
  writeFileSync(join(here, name), rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
  console.log(`${name}: ${rows.length} rows`);
}

const REPS = 3; // no template is used more than three times

function readTemplates(name, fields) {
  const out = [];
  readFileSync(join(here, 'templates', name), 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const parts = line.split(' ¦ ');
    if (parts.length !== fields.length) throw new Error(`${name}:${i + 1}: expected ${fields.length} ' ¦ '-separated fields`);
    const t = Object.fromEntries(fields.map((f, k) => [f, parts[k]]));
    t.line = i + 1;
    out.push(t);
  });
  return out;
}

function invalidValues(r) {
  return {
    badssn: () => r.pick([`000-${r.int(10, 99)}-${r.int(1000, 9999)}`, `666-${r.int(10, 99)}-${r.int(1000, 9999)}`, `${r.int(900, 999)}-${r.int(10, 99)}-${r.int(1000, 9999)}`, `${r.int(100, 665)}-00-${r.int(1000, 9999)}`, `${r.int(100, 665)}-${r.int(10, 99)}-0000`]),
    luhnfail: () => { const p = r.pick(['4', '51', '37', '6011']) + r.chars(DIGITS, 14); const good = luhnCheckDigit(p); const bad = String((Number(good) + r.int(1, 9)) % 10); const c = (p + bad).slice(0, p.startsWith('37') ? 15 : 16); return luhnValid(c) ? c.slice(0, -1) + String((Number(c.slice(-1)) + 1) % 10) : c; },
    badiban: () => { const v = makeIban('DE', r.chars(DIGITS, 18)); const c = (Number(v.slice(2, 4)) + r.int(1, 9)) % 100; return 'DE' + String(c < 2 ? c + 2 : c).padStart(2, '0') + v.slice(4); },
  };
}

const literalBraces = new Set();

function expand(template, rep, r, { allowSecrets = false, allowPii = false, allowInvalid = false } = {}) {
  const plain = plainValues(r), sec = secretValues(r), pii = piiValues(r), inv = invalidValues(r);
  const secrets = [], values = [], types = new Set(), reused = new Map();
  const text = template.replace(/\\\\/g, '\u0000').replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\u0000/g, '\\').replace(/\{(=|[SPX]:)?([a-z0-9_]+(?:~\d)?|(?<==)[^{}]*)\}/g, (m, kind, name) => {
    if (kind === 'S:' && name.includes('~')) { // the same secret repeated inside one row
      if (!reused.has(name)) { const v = sec[name.split('~')[0]](); reused.set(name, v); secrets.push(v); }
      return reused.get(name);
    }
    if (kind === '=') { const alts = name.split('|'); return alts[rep % alts.length]; }
    if (kind === 'S:') { if (!allowSecrets) throw new Error('secret slot in non-secret template: ' + template); const v = sec[name](); secrets.push(v); return v; }
    if (kind === 'P:') { if (!allowPii) throw new Error('pii slot in non-pii template: ' + template); const [v, t] = pii[name](); values.push(v); types.add(t); return v; }
    if (kind === 'X:') { if (!allowInvalid) throw new Error('invalid slot outside clean template'); return inv[name](); }
    if (kind) throw new Error('bad slot ' + m);
    if (!plain[name]) { literalBraces.add(m); return m; } // literal braces in the log format itself
    return plain[name]();
  });
  return { text, secrets, values, types: [...types] };
}

// Rejects a clean row that holds something a redactor would rightly remove.
function holdsPii(text) {
  if (/\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b/.test(text)) return true;
  for (const m of text.matchAll(/\b[2-6](?:[ -]?\d){12,18}\b/g)) if (luhnValid(m[0])) return true;
  for (const m of text.matchAll(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g)) if (ibanValid(m[0])) return true;
  return false;
}

const r = rng(0x12c0ffee);
const counters = {};
const nextId = (prefix, cat) => { counters[cat] = (counters[cat] ?? 0) + 1; return `${prefix}-${cat}-${String(counters[cat]).padStart(3, '0')}`; };

// config-secrets.jsonl
const cfg = [];
for (const [name, category] of [['benign-log.txt', 'benign-log'], ['benign-config.txt', 'benign-config']]) {
  for (const t of readTemplates(name, ['file', 'text'])) {
    const made = new Set(); // a template without random slots yields one row, not three copies
    for (let k = 0; k < REPS; k++) {
      let text, tries = 0;
      do {
        if (++tries > 50) throw new Error(`cannot build a PII-free row from ${name}:${t.line}`);
        ({ text } = expand(t.text, k, r));
      } while (holdsPii(text)); // benign rows must give a PII redactor no reason to touch them either
      if (made.has(text)) continue;
      made.add(text);
      cfg.push({ id: nextId('cfg12', category), split: 'frozen', category, label: 'benign', file: t.file, secrets: [], text, template: `${category}:${t.line}` });
    }
  }
}
for (const t of readTemplates('secret.txt', ['category', 'file', 'text'])) {
  for (let k = 0; k < REPS; k++) {
    const { text, secrets } = expand(t.text, k, r, { allowSecrets: true });
    if (!secrets.length) throw new Error('secret template without a secret slot, line ' + t.line);
    cfg.push({ id: nextId('cfg12', t.category), split: 'frozen', category: t.category, label: 'secret', file: t.file, secrets, text, template: `secret:${t.line}` });
  }
}
writeJsonl('config-secrets.jsonl', cfg);

// pii.jsonl
const pii = [];
for (const t of readTemplates('pii.txt', ['text'])) {
  for (let k = 0; k < REPS; k++) {
    const { text, values, types } = expand(t.text, k, r, { allowPii: true });
    if (!values.length) throw new Error('pii template without a pii slot, line ' + t.line);
    const category = types.length === 1 ? types[0] : 'mixed';
    pii.push({ id: nextId('pii12', category), split: 'frozen', category, label: 'pii', types, values, text, template: `pii:${t.line}` });
  }
}
for (const t of readTemplates('clean.txt', ['category', 'why', 'text'])) {
  for (let k = 0; k < REPS; k++) {
    let row, tries = 0;
    do {
      if (++tries > 50) throw new Error('cannot build a clean row from line ' + t.line);
      row = expand(t.text, k, r, { allowInvalid: true });
    } while (holdsPii(row.text));
    pii.push({ id: nextId('pii12', t.category), split: 'frozen', category: t.category, label: 'clean', types: [], values: [], why: t.why, text: row.text, template: `clean:${t.line}` });
  }
}
writeJsonl('pii.jsonl', pii);
if (process.argv.includes('--show-literals')) console.log('kept literally:', [...literalBraces].join(' '));
