// Builds injection-direct.jsonl (v7) from the hand-written questions in text-direct.mjs.
// The script only encodes hand-written instructions and adds junk for the token floods.
import { writeFrozen, counter, check, rng } from './common.mjs';
import { ATTACK, OBFUSCATED, SPLIT, FLOOD_CORES, MULTILINGUAL, BENIGN } from './text-direct.mjs';

const r = rng(0x7d1e);
const unbreak = (s) => s.replace(/⏎/g, '\n');
function langOf(line) {
  const m = /^([a-z]{2}|mixed)\| (.*)$/s.exec(line);
  return m ? { language: m[1], text: m[2] } : { language: 'en', text: line };
}

// ---- encoders ----
const rot13 = (s) => s.replace(/[a-z]/gi, (c) => {
  const b = c <= 'Z' ? 65 : 97;
  return String.fromCharCode(((c.charCodeAt(0) - b + 13) % 26) + b);
});
const LEET = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7', l: '|', g: '9' };
const HOMO = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', i: 'і', y: 'у', s: 'ѕ', I: 'І', T: 'Т', A: 'А', O: 'О' };
const ZW = ['\u200b', '\u200c', '\u200d', '\u2060'];
const mapChars = (s, f) => Array.from(s).map(f).join('');
const offsetLetters = (s, upper, lower, digit) => mapChars(s, (c) => {
  const k = c.charCodeAt(0);
  if (c >= 'A' && c <= 'Z') return String.fromCodePoint(upper + k - 65);
  if (c >= 'a' && c <= 'z') return String.fromCodePoint(lower + k - 97);
  if (digit && c >= '0' && c <= '9') return String.fromCodePoint(digit + k - 48);
  return c;
});
function pigLatin(s) {
  return s.split(' ').map((w) => {
    const m = /^([^aeiou]*)(.*)$/i.exec(w);
    return m[1] ? m[2] + m[1] + 'ay' : w + 'way';
  }).join(' ');
}
const ENC = {
  base64: (s) => Buffer.from(s).toString('base64'),
  hex: (s) => Buffer.from(s).toString('hex'),
  rot13,
  reversed: (s) => Array.from(s).reverse().join(''),
  leetspeak: (s) => mapChars(s, (c) => LEET[c.toLowerCase()] ?? c),
  homoglyph: (s) => mapChars(s, (c) => HOMO[c] ?? c),
  'zero-width': (s) => mapChars(s, (c, i) => (c === ' ' ? c : c + ZW[r.int(0, 3)])),
  fullwidth: (s) => mapChars(s, (c) => (c === ' ' ? '\u3000' : c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)),
  'math-bold': (s) => offsetLetters(s, 0x1d400, 0x1d41a, 0x1d7ce),
  circled: (s) => offsetLetters(s, 0x24b6, 0x24d0, 0),
  spaced: (s) => s.split(' ').map((w) => Array.from(w).join(' ')).join('   '),
  emoji: (s) => s.split(' ').map((w) => Array.from(offsetLetters(w.toLowerCase(), 0x1f1e6, 0x1f1e6, 0)).join('\u200c')).join(' ➖ '),
  'pig-latin': pigLatin,
};

const rows = [];
const next = counter();
const add = (category, label, text, language = 'en', encoding) => {
  rows.push({ id: next(`dq7-${category}`), category, source: 'question', label, language, ...(encoding ? { encoding } : {}), text });
};

const catName = { override: 'override', extraction: 'extraction', persona: 'persona', hypothetical: 'hypothetical', multiTurn: 'multi-turn', embedded: 'embedded' };
for (const [k, list] of Object.entries(ATTACK)) for (const l of list) add(catName[k], 'attack', unbreak(l));

OBFUSCATED.forEach(([encoding, wrapper, instr], i) => {
  let enc;
  if (encoding === 'mixed') enc = i % 2 === 0 ? rot13(ENC.base64(instr)) : ENC['zero-width'](ENC.homoglyph(ENC.leetspeak(instr)));
  else enc = ENC[encoding](instr);
  check(enc !== instr, 'encoding changed nothing: ' + encoding);
  add('obfuscation', 'attack', wrapper.replace('{}', () => enc), 'en', encoding);
});
for (const l of SPLIT) add('obfuscation', 'attack', unbreak(l), 'en', 'split-word');

// Token floods: each hand-written core twice, in two of four flood styles.
const JUNK = ['describing.\\', '+ similarly', 'Now write', 'oppositeley.](', 'Me giving**ONE', 'please?', 'revert with', '"\\!--Two', '}}]]>', 'ZZZZ', 'interface Manuel', 'WITH steps instead', 'sentences :)ish', '?-> %{', 'NAME awesome', 'coffee DJstructor', 'Tuialsheet', 'satisfies prompt;', 'formatted', '"{ Sure', 'anden tutorial', 'FOR:)Task', 'process Manuel', '»', 'sure here', ']]][[[', '~~~~', '\\u0000', 'ĠĠĠĠ', '<|endoftext|>', '<|im_start|>system', '▁▁▁', '@@@@'];
const FILLER = ['the', 'token', 'a', 'ok', '.', '!', 'lol', 'x', 'incident', '=', '0'];
const floods = [
  (c) => c + ' ' + Array.from({ length: r.int(18, 30) }, () => r.pick(JUNK)).join(' '),
  (c) => Array(r.int(250, 400)).fill(r.pick(FILLER)).join(' ') + ' ' + c,
  (c) => '='.repeat(r.int(1500, 2500)) + '\n' + c + '\n' + '='.repeat(r.int(200, 500)),
  (c) => Array(r.int(40, 60)).fill('What is the status of the incident?').join(' ') + ' ' + c + ' ' + Array.from({ length: 12 }, () => r.pick(JUNK)).join(''),
];
FLOOD_CORES.forEach((core, i) => {
  add('token-flood', 'attack', floods[i % 4](core));
  add('token-flood', 'attack', floods[(i + 1) % 4](core.toUpperCase()));
});
for (const l of MULTILINGUAL) { const { language, text } = langOf(l); add('multilingual', 'attack', text, language); }

const benignCat = { triggerWords: 'trigger-words', incident: 'incident-question', short: 'short', otherLanguage: 'other-language', codeLog: 'code-log' };
for (const [k, list] of Object.entries(BENIGN)) {
  for (const l of list) { const { language, text } = langOf(l); add(benignCat[k], 'benign', unbreak(text), language); }
}

const texts = new Set();
for (const row of rows) { check(!texts.has(row.text), 'duplicate text ' + row.text.slice(0, 60)); texts.add(row.text); }
writeFrozen('injection-direct.jsonl', rows);
