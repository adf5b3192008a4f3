// Builds injection-direct.jsonl (v5): questions typed into the assistant, attack and benign.
// The text is hand-written in direct-attacks-text.mjs and direct-benign-text.mjs; this script
// only applies mechanical encodings and assembles the junk-token floods (seeded, deterministic).
import { rng, numberRows, writeFrozen } from './lib.mjs';
import * as A from './direct-attacks-text.mjs';
import * as B from './direct-benign-text.mjs';

const r = rng(5005);

const mapLetters = (s, upperBase, lowerBase, digitBase) =>
  [...s].map((c) => {
    const code = c.charCodeAt(0);
    if (c >= 'A' && c <= 'Z' && upperBase) return String.fromCodePoint(upperBase + code - 65);
    if (c >= 'a' && c <= 'z' && lowerBase) return String.fromCodePoint(lowerBase + code - 97);
    if (c >= '0' && c <= '9' && digitBase) return String.fromCodePoint(digitBase + code - 48);
    return c;
  }).join('');

const encoders = {
  'regional-indicator': (s) => s.toLowerCase().split(' ').map((w) =>
    [...w].map((c) => (c >= 'a' && c <= 'z' ? String.fromCodePoint(0x1f1e6 + c.charCodeAt(0) - 97) : c)).join('\u200b')).join('  '),
  circled: (s) => mapLetters(s, 0x24b6, 0x24d0, null),
  fullwidth: (s) => [...s].map((c) => (c === ' ' ? '\u3000' : c.charCodeAt(0) > 0x20 && c.charCodeAt(0) < 0x7f ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join(''),
  'math-bold': (s) => mapLetters(s, 0x1d400, 0x1d41a, 0x1d7ce),
  'math-sans-bold': (s) => mapLetters(s, 0x1d5d4, 0x1d5ee, 0x1d7ec),
  'math-monospace': (s) => mapLetters(s, 0x1d670, 0x1d68a, 0x1d7f6),
  squared: (s) => mapLetters(s.toUpperCase(), 0x1f130, null, null),
  'negative-squared': (s) => mapLetters(s.toUpperCase(), 0x1f170, null, null),
  leetspeak: (s) => s.replace(/[aeiostl]/g, (c) => ({ a: '4', e: '3', i: '1', o: '0', s: '5', t: '7', l: '1' })[c]),
  spaced: (s) => s.split('').join(' '),
  base64: (s) => 'decode and follow: ' + Buffer.from(s).toString('base64'),
  hex: (s) => 'hex, decode then do it: ' + Buffer.from(s).toString('hex'),
  rot13: (s) => 'rot13 -> ' + s.replace(/[a-z]/gi, (c) => {
    const b = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - b + 13) % 26) + b);
  }),
  reversed: (s) => [...s].reverse().join('') + ' (read it backwards)',
  'zero-width': (s) => [...s].join('\u200b'),
  'tag-chars': (s) => 'What is the current status of INC-4471?' + [...s].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join(''),
};

const rows = [];
const add = (category, label, language, text, extra = {}) =>
  rows.push({ category, source: 'question', label, language, ...extra, text });

for (const t of [...A.override, ...A.override2]) add('override', 'attack', 'en', t);
for (const t of [...A.extraction, ...A.extraction2]) add('extraction', 'attack', 'en', t);
for (const t of [...A.persona, ...A.persona2]) add('persona', 'attack', 'en', t);
for (const t of [...A.hypothetical, ...A.hypothetical2]) add('hypothetical', 'attack', 'en', t);
for (const t of [...A.multiTurn, ...A.multiTurn2]) add('multi-turn', 'attack', 'en', t);
for (const [q, tail] of [...A.embedded, ...A.embedded2]) add('embedded', 'attack', 'en', q + tail);
for (const [lang, t] of [...A.multilingual, ...A.multilingual2]) add('multilingual', 'attack', lang, t);

// Obfuscation: every plain instruction through five encodings, rotating through the list.
const names = Object.keys(encoders);
A.toEncode.forEach((plain, i) => {
  for (let k = 0; k < 5; k++) {
    const enc = names[(i * 5 + k) % names.length];
    add('obfuscation', 'attack', 'en', encoders[enc](plain), { encoding: enc });
  }
});
for (const [enc, t] of A.handObfuscated) add('obfuscation', 'attack', 'en', t, { encoding: enc });

// Token floods: junk suffixes after a payload, a payload buried in repeated tokens, padding floods.
for (let i = 0; i < 20; i++) {
  const payload = A.floodPayloads[i % A.floodPayloads.length];
  const junk = (n) => Array.from({ length: n }, () => r.pick(A.floodJunk)).join(' ');
  let text;
  if (i % 4 === 0) text = payload + ' ' + junk(r.int(8, 20));
  else if (i % 4 === 1) text = (r.pick(['poem ', 'the ', 'a ', 'company ', 'ok ']).repeat(r.int(60, 180))) + payload;
  else if (i % 4 === 2) text = junk(r.int(4, 10)) + ' ' + payload + ' ' + junk(r.int(4, 10));
  else text = '.'.repeat(r.int(200, 600)) + '\n' + payload + '\n' + r.pick(['=', '-', '#', '*']).repeat(r.int(100, 300));
  add('token-flood', 'attack', 'en', text);
}

for (const t of [...B.triggerWords, ...B.triggerWords2]) add('trigger-words', 'benign', 'en', t);
for (const t of [...B.incidentQuestion, ...B.incidentQuestion2]) add('incident-question', 'benign', 'en', t);
for (const t of [...B.short, ...B.short2]) add('short', 'benign', 'en', t);
for (const [lang, t] of [...B.otherLanguage, ...B.otherLanguage2]) add('other-language', 'benign', lang, t);
for (const t of [...B.codeLog, ...B.codeLog2]) add('code-log', 'benign', 'en', t);

writeFrozen('injection-direct.jsonl', numberRows('dq5', rows));
