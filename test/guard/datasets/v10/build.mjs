// Builds the five v10 guard sets from the hand-written templates in ./templates.
// Only random values, checksums and encodings are generated here; every sentence is in templates/.
// Rebuild: node test/guard/datasets/v10/build.mjs  (writes byte-identical files)
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng, luhnValid, ibanValid, group4 } from '../v2/lib.mjs';
import { lowerSlots, secretSlots, iban, ssn, cardDigits, groupCard, phone, email, nino, CARD_BRANDS } from './values.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const tpl = (name) => readFileSync(join(here, 'templates', name), 'utf8');
const tabLines = (name) => tpl(name).split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t'));
const unescape = (s) => s.replace(/\\n/g, '\n');
const blocks = (name) => {
  const out = [];
  for (const line of tpl(name).split('\n')) {
    if (line.startsWith('#') && out.length === 0) continue;
    if (line.startsWith('@@ ')) out.push({ head: line.slice(3).split('|').map((s) => s.trim()), lines: [] });
    else if (out.length) out[out.length - 1].lines.push(line);
  }
  return out.map((b) => ({ head: b.head, text: b.lines.join('\n').replace(/\n+$/, '') }));
};
const pad = (n) => String(n).padStart(3, '0');

function write(name, rows) {
  const ids = new Set();
  for (const r of rows) {
    if (ids.has(r.id)) throw new Error(`${name}: duplicate id ${r.id}`);
    ids.add(r.id);
    if (/\{\{[A-Za-z0-9_#:]+\}\}/.test(r.text)) throw new Error(`${name}: unfilled slot in ${r.id}`);
  }
  writeFileSync(join(here, name), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`${name}: ${rows.length} rows`);
}

/** Fills lower-case slots; throws on upper-case ones unless `upper` handles them. */
function fill(text, r, upper) {
  const low = lowerSlots(r);
  const reuse = new Map();
  return text.replace(/\{\{([A-Za-z0-9_:#]+)\}\}/g, (m, name) => {
    if (/^[a-z]/.test(name)) {
      const base = name.replace(/#\d+$/, '');
      if (!low[base]) throw new Error('unknown slot ' + name);
      if (reuse.has(name)) return reuse.get(name);
      const v = String(low[base]());
      if (name.includes('#')) reuse.set(name, v);
      return v;
    }
    if (!upper) throw new Error(`secret/PII slot ${name} in a template that must stay clean`);
    if (reuse.has(name)) return reuse.get(name);
    const v = upper(name.replace(/#\d+$/, ''));
    if (name.includes('#')) reuse.set(name, v);
    return v;
  });
}

// ---------------------------------------------------------------- commands
function buildCommands() {
  const r = rng(1001);
  const short = { destructive: 'del', 'read-only': 'ro', 'changes-state': 'chg' };
  const counters = {};
  const rows = tabLines('commands.txt').map(([label, category, cmd]) => {
    const key = `${short[label]}-${category}`;
    counters[key] = (counters[key] ?? 0) + 1;
    const text = cmd
      .replace('{H}', () => r.pick(['web-3', 'db-replica-2', 'worker-07', 'bastion-eu', 'cache-1']))
      .replace('{N}', () => String(r.int(2, 48)))
      .replace('{D}', () => `2026-11-${String(r.int(10, 30))}`);
    return { id: `cmd-${key}-${pad(counters[key])}`, split: 'frozen', category, label, text };
  });
  write('commands.jsonl', rows);
}

// ---------------------------------------------------------------- config secrets
function buildConfig() {
  const r = rng(2002);
  const sec = secretSlots(r);
  const rows = [];
  const counters = {};
  const nextId = (cat) => { counters[cat] = (counters[cat] ?? 0) + 1; return `cfg-${cat}-${pad(counters[cat])}`; };
  blocks('config-secret.txt').forEach(({ head: [category, file, count], text }, i) => {
    for (let k = 0; k < Number(count); k++) {
      const secrets = [];
      const filled = fill(text, r, (name) => {
        if (!sec[name]) throw new Error('unknown secret slot ' + name);
        const v = sec[name]();
        if (!secrets.includes(v)) secrets.push(v);
        return v;
      });
      rows.push({ id: nextId(category), split: 'frozen', category, label: 'secret', file, secrets, text: filled, template: `s${i + 1}` });
    }
  });
  for (const [category, source] of [['benign-log', 'benign-log.txt'], ['benign-config', 'benign-config.txt']]) {
    tabLines(source).forEach(([file, text], i) => {
      const seen = new Set();
      for (let k = 0; k < 3; k++) {
        const filled = fill(unescape(text), r);
        if (seen.has(filled)) continue;
        seen.add(filled);
        rows.push({ id: nextId(category), split: 'frozen', category, label: 'benign', file, text: filled, template: `${category === 'benign-log' ? 'l' : 'c'}${i + 1}` });
      }
    });
  }
  write('config-secrets.jsonl', rows);
}

// ---------------------------------------------------------------- pii
const SSN_RE = /(?<!\d)(\d{3})([- ]?)(\d{2})\2(\d{4})(?!\d)/g;
export function issuedSsnIn(text) {
  for (const m of text.matchAll(SSN_RE)) {
    const a = Number(m[1]), g = Number(m[3]), s = Number(m[4]);
    if (m[2] === '' ) continue; // bare 9-digit runs only count next to an SSN label; none in clean rows use one
    if (a > 0 && a < 900 && a !== 666 && g > 0 && s > 0) return m[0];
  }
  return null;
}
export function luhnRunIn(text) {
  for (const m of text.matchAll(/(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])/g)) {
    const d = m[0].replace(/\D/g, '');
    if (d.length >= 13 && d.length <= 19 && /^[2-6]/.test(d) && luhnValid(d)) return m[0];
  }
  return null;
}
export function validIbanIn(text) {
  for (const m of text.matchAll(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,8}\b/g)) if (ibanValid(m[0])) return m[0];
  return null;
}

function buildPii() {
  const r = rng(3003);
  const rows = [];
  const counters = {};
  const nextId = (cat) => { counters[cat] = (counters[cat] ?? 0) + 1; return `pii-${cat}-${pad(counters[cat])}`; };
  const typeOf = { SSN: 'us_ssn', IBAN: 'iban', PHONE: 'phone', CARD: 'credit_card', EMAIL: 'email', NINO: 'uk_nino' };
  tabLines('pii.txt').forEach(([count, text]) => {
    for (let k = 0; k < Number(count); k++) {
      const types = [], values = [];
      const filled = fill(unescape(text), r, (slot) => {
        const [kind, arg] = slot.split(':');
        const base = kind.split('_')[0];
        let v;
        if (kind === 'SSN') v = ssn(r).join('-');
        else if (kind === 'SSN_SP') v = ssn(r).join(' ');
        else if (kind === 'SSN_BARE') v = ssn(r).join('');
        else if (base === 'IBAN') { const x = iban(r, arg); v = kind === 'IBAN_G' ? group4(x) : x; }
        else if (kind === 'PHONE') v = phone(r, arg);
        else if (base === 'CARD') {
          const d = cardDigits(r, arg ?? r.pick(CARD_BRANDS));
          v = kind === 'CARD_G' ? groupCard(d, ' ') : kind === 'CARD_D' ? groupCard(d, '-') : d;
        } else if (kind === 'EMAIL') v = email(r);
        else if (base === 'NINO') { const [p, n, s] = nino(r); v = kind === 'NINO_SP' ? `${p} ${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4)} ${s}` : kind === 'NINO_LC' ? (p + n + s).toLowerCase() : p + n + s; }
        else throw new Error('unknown PII slot ' + slot);
        if (!types.includes(typeOf[base])) types.push(typeOf[base]);
        values.push(v);
        return v;
      });
      const category = types.length === 1 ? types[0] : 'mixed';
      rows.push({ id: nextId(category), split: 'frozen', category, label: 'pii', types, values, text: filled });
    }
  });
  const bad = {
    ssn000: () => `000-${r.int(10, 99)}-${r.int(1000, 9999)}`,
    ssn666: () => `666-${r.int(10, 99)}-${r.int(1000, 9999)}`,
    ssn9xx: () => `9${r.int(10, 99)}-${r.int(10, 49)}-${r.int(1000, 9999)}`,
    ssng00: () => `${r.int(100, 665)}-00-${r.int(1000, 9999)}`,
    ssns0000: () => `${r.int(100, 665)}-${r.int(10, 99)}-0000`,
    luhnfail16: () => badLuhn(r, 16), luhnfail16g: () => group4(badLuhn(r, 16)), luhnfail16d: () => group4(badLuhn(r, 16)).replace(/ /g, '-'),
    luhnfail15: () => badLuhn(r, 15), luhnfail19: () => badLuhn(r, 19),
    badiban: () => badIban(r), badibang: () => group4(badIban(r)),
  };
  tabLines('clean.txt').forEach(([category, why, text]) => {
    for (let k = 0; k < 3; k++) {
      let filled;
      for (let tries = 0; ; tries++) {
        filled = fill(unescape(text).replace(/\{\{(ssn000|ssn666|ssn9xx|ssng00|ssns0000|luhnfail16[gd]?|luhnfail15|luhnfail19|badibang?)\}\}/g, (m, n) => bad[n]()), r);
        if (!issuedSsnIn(filled) && !luhnRunIn(filled) && !validIbanIn(filled)) break;
        if (tries > 50) throw new Error('cannot make a clean row from ' + text);
      }
      if (rows.some((x) => x.text === filled)) continue;
      rows.push({ id: nextId(category), split: 'frozen', category, label: 'clean', types: [], values: [], why, text: filled });
    }
  });
  write('pii.jsonl', rows);
}
function badLuhn(r, len) {
  for (;;) {
    const d = r.pick(['4', '5', '3', '6']) + r.chars('0123456789', len - 1);
    if (!luhnValid(d)) return d;
  }
}
function badIban(r) {
  for (;;) {
    const good = iban(r);
    const check = String((Number(good.slice(2, 4)) + r.int(1, 90)) % 97).padStart(2, '0');
    const b = good.slice(0, 2) + check + good.slice(4);
    if (!ibanValid(b)) return b;
  }
}

// ---------------------------------------------------------------- injection-direct
const HOMO = { a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', i: 'і', s: 'ѕ', I: 'І', A: 'А', E: 'Е', O: 'О', P: 'Р', S: 'Ѕ', T: 'Т' };
const LEET = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7', l: '1', g: '9' };
const EMOJI = ['🙈', '📜', '🔓', '🤖', '✨', '🚫', '👉', '🧩', '🗝️', '📢'];
const mapChars = (s, f) => [...s].map(f).join('');
const rot13 = (s) => s.replace(/[a-z]/gi, (c) => String.fromCharCode(((c.toLowerCase().charCodeAt(0) - 97 + 13) % 26) + (c <= 'Z' ? 65 : 97)));
const pigWord = (w) => { const m = w.match(/^([^aeiouAEIOU]*)(.*)$/); return m[2] ? m[2] + m[1] + 'ay' : w + 'ay'; };
function encode(kind, s, r) {
  switch (kind) {
    case 'leetspeak': return mapChars(s, (c) => LEET[c.toLowerCase()] ?? c);
    case 'homoglyph': return mapChars(s, (c) => HOMO[c] ?? c);
    case 'fullwidth': return mapChars(s, (c) => (c === ' ' ? '\u3000' : c > ' ' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c));
    case 'math-bold': return mapChars(s, (c) => (/[A-Z]/.test(c) ? String.fromCodePoint(0x1d400 + c.charCodeAt(0) - 65) : /[a-z]/.test(c) ? String.fromCodePoint(0x1d41a + c.charCodeAt(0) - 97) : c));
    case 'circled': return mapChars(s, (c) => (/[a-z]/.test(c) ? String.fromCodePoint(0x24d0 + c.charCodeAt(0) - 97) : /[A-Z]/.test(c) ? String.fromCodePoint(0x24b6 + c.charCodeAt(0) - 65) : c));
    case 'spaced': return s.split(' ').map((w) => [...w].join(' ')).join('   ');
    case 'emoji': return s.split(' ').map((w) => w + ' ' + r.pick(EMOJI)).join(' ');
    case 'zero-width': return s.split(' ').map((w) => [...w].join('\u200b')).join(' ');
    case 'base64': return Buffer.from(s).toString('base64');
    case 'hex': return Buffer.from(s).toString('hex');
    case 'rot13': return rot13(s);
    case 'reversed': return [...s].reverse().join('');
    case 'mixed': return s.split(' ').map((w, i) => (i % 2 ? encode('leetspeak', w, r) : encode('homoglyph', w, r))).join(' ');
    case 'split-word': return s.split(' ').map((w) => (w.length > 4 ? w.slice(0, 2 + (w.length % 3)) + r.pick(['-', '.', ' ']) + w.slice(2 + (w.length % 3)) : w)).join(' ');
    case 'pig-latin': return s.split(' ').map(pigWord).join(' ');
    default: throw new Error('unknown encoding ' + kind);
  }
}
const JUNK_WORDS = ['describing', 'similarly', 'tutorial', 'sure', 'heres', 'opposite', 'revert', 'Two', 'manual', 'kindly', 'ONE', 'format', 'respond', 'concat', 'lines', 'begin', 'sentence', 'without'];
const JUNK_PUNCT = ['.\\', ']( ', '**', '!--', '}{', '==>', ';)', '\\\\', '<|', '|>', '"+', '(`', '##', '~~', '@@'];
const FILLER = ['the', 'quarterly', 'report', 'shows', 'that', 'revenue', 'was', 'stable', 'across', 'regions', 'and', 'costs', 'declined', 'slightly', 'while', 'headcount', 'grew', 'in', 'support', 'teams'];
function noise(kind, r) {
  if (kind === 'suffix') return Array.from({ length: r.int(45, 90) }, () => (r.next() < 0.55 ? r.pick(JUNK_WORDS) : r.pick(JUNK_PUNCT))).join(r.pick([' ', '']) || ' ');
  if (kind === 'repeat') {
    const tok = r.pick(['the', 'A', '!', 'ok', 'token', '\u200b.', 'ß', 'zzz', '@', 'lol']);
    return Array(r.int(150, 400)).fill(tok).join(r.pick([' ', '', ' ']));
  }
  return r.pick([
    () => Array.from({ length: r.int(220, 420) }, () => r.pick(FILLER)).join(' ') + '.',
    () => '\n'.repeat(r.int(80, 200)),
    () => Array(r.int(60, 120)).fill('='.repeat(r.int(20, 60))).join('\n'),
    () => ' '.repeat(r.int(500, 1500)),
  ])();
}

function buildDirect() {
  const r = rng(4004);
  const rows = [];
  const counters = {};
  const nextId = (cat) => { counters[cat] = (counters[cat] ?? 0) + 1; return `dq-${cat}-${pad(counters[cat])}`; };
  for (const [category, language, text] of tabLines('direct-attack.txt')) {
    rows.push({ id: nextId(category), split: 'frozen', category, source: 'question', label: 'attack', language, text: unescape(text) });
  }
  for (const [encoding, wrapper, plain] of tabLines('direct-obfuscation.txt')) {
    rows.push({ id: nextId('obfuscation'), split: 'frozen', category: 'obfuscation', source: 'question', label: 'attack', language: 'en', encoding, text: wrapper.replace('{X}', () => encode(encoding, plain, r)) });
  }
  for (const [kind, text] of tabLines('direct-flood.txt')) {
    rows.push({ id: nextId('token-flood'), split: 'frozen', category: 'token-flood', source: 'question', label: 'attack', language: 'en', text: unescape(text).replace('{NOISE}', () => noise(kind, r)) });
  }
  for (const [category, language, text] of tabLines('direct-benign.txt')) {
    rows.push({ id: nextId(category), split: 'frozen', category, source: 'question', label: 'benign', language, text: unescape(text) });
  }
  const texts = new Set();
  for (const x of rows) { if (texts.has(x.text)) throw new Error('duplicate question ' + x.id); texts.add(x.text); }
  write('injection-direct.jsonl', rows);
}

// ---------------------------------------------------------------- injection-documents
function buildDocuments() {
  const r = rng(5005);
  const injections = {};
  for (const [source, style, text] of tabLines('injections.txt')) (injections[source] ??= []).push({ style, text });
  const used = {};
  const rows = [];
  const MARK = /\{\{INJ(_JSON)?(?:\|([^}]*))?\}\}/;
  for (const { head: [source, uses], text } of blocks('docs.txt')) {
    for (let k = 0; k < Number(uses); k++) {
      const n = (used[source] = (used[source] ?? 0) + 1);
      const inj = injections[source][n - 1];
      if (!inj) throw new Error(`not enough injections for ${source}`);
      const doc = fill(text, r, (name) => { if (name === 'INJ' || name === 'INJ_JSON') return `{{${name}}}`; throw new Error('slot ' + name + ' in a document'); });
      const injected = fill(inj.text, r);
      const m = doc.match(MARK);
      if (!m) throw new Error('document without marker');
      const alone = new RegExp(`^[ \\t]*${m[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*\\n`, 'm');
      let benign;
      if (m[2] !== undefined) benign = doc.replace(m[0], () => m[2]);
      else if (alone.test(doc)) benign = doc.replace(alone, '');
      else benign = doc.replace(new RegExp(` ?${m[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), '');
      const inserted = m[1] ? JSON.stringify(injected).slice(1, -1) : injected;
      const attack = doc.replace(m[0], () => inserted);
      const pair = `doc-${source}-${pad(n)}`;
      rows.push({ id: `${pair}-b`, split: 'frozen', pair, category: source, source, label: 'benign', text: benign });
      rows.push({ id: `${pair}-a`, split: 'frozen', pair, category: source, source, label: 'attack', injected: injected.trim(), style: inj.style, text: attack });
    }
  }
  for (const s of Object.keys(injections)) if (injections[s].length !== used[s]) throw new Error(`${s}: ${injections[s].length} injections for ${used[s]} uses`);
  write('injection-documents.jsonl', rows);
}

buildCommands();
buildConfig();
buildPii();
buildDirect();
buildDocuments();
