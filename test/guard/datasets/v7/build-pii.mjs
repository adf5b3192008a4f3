// Builds pii.jsonl (v7) from the hand-written sentences in text-pii.mjs. The script only makes
// the values: SSNs in issued ranges, IBANs with correct mod-97 checks, phones, Luhn-valid cards,
// emails, NINOs, and for clean rows invalid lookalikes (checked to be invalid).
import { writeFrozen, counter, check, rng, DIGITS, UPPER, LOWER, ALNUM, makeIban, ibanValid, luhnCheckDigit, luhnValid, group4 } from './common.mjs';
import { PII, CLEAN } from './text-pii.mjs';

const r = rng(0x7e11);
const HEX = '0123456789abcdef';
const d = (n) => r.chars(DIGITS, n);
const pad = (n, w) => String(n).padStart(w, '0');

// ---- SSN ----
function ssnParts() {
  let area;
  do area = r.int(1, 899); while (area === 666);
  return [pad(area, 3), pad(r.int(1, 99), 2), pad(r.int(1, 9999), 4)];
}
function ssn(i, text) {
  const p = ssnParts();
  const f = i % 3;
  if (f === 2 && /ssn|social/i.test(text)) return p.join('');
  return p.join(f === 1 ? ' ' : '-');
}
// ---- IBAN: [country, BBAN pattern (n digit, a upper, c alnum upper), total length] ----
const IBAN = [['DE', 'nnnnnnnnnnnnnnnnnn', 22], ['FR', 'nnnnnnnnnnnnnnnnnnnnnnn', 27], ['GB', 'aaaannnnnnnnnnnnnn', 22], ['NL', 'aaaannnnnnnnnn', 18], ['ES', 'nnnnnnnnnnnnnnnnnnnn', 24], ['IT', 'annnnnnnnnnnnnnnnnnnnnn', 27], ['BE', 'nnnnnnnnnnnn', 16], ['CH', 'nnnnnnnnnnnnnnnnn', 21], ['AT', 'nnnnnnnnnnnnnnnn', 20], ['PL', 'nnnnnnnnnnnnnnnnnnnnnnnn', 28], ['PT', 'nnnnnnnnnnnnnnnnnnnnn', 25], ['IE', 'aaaannnnnnnnnnnnnn', 22], ['SE', 'nnnnnnnnnnnnnnnnnnnn', 24], ['DK', 'nnnnnnnnnnnnnn', 18], ['NO', 'nnnnnnnnnnn', 15], ['FI', 'nnnnnnnnnnnnnn', 18], ['LU', 'nnnccccccccccccc', 20], ['CZ', 'nnnnnnnnnnnnnnnnnnnn', 24], ['HU', 'nnnnnnnnnnnnnnnnnnnnnnnn', 28], ['RO', 'aaaacccccccccccccccc', 24], ['GR', 'nnnnnnnnnnnnnnnnnnnnnnn', 27], ['SA', 'nnnnnnnnnnnnnnnnnnnn', 24], ['AE', 'nnnnnnnnnnnnnnnnnnn', 23], ['TR', 'nnnnnnnnnnnnnnnnnnnnnn', 26], ['BR', 'nnnnnnnnnnnnnnnnnnnnnnnac', 29], ['HR', 'nnnnnnnnnnnnnnnnn', 21], ['SK', 'nnnnnnnnnnnnnnnnnnnn', 24], ['LT', 'nnnnnnnnnnnnnnnn', 20]];
function ibanRaw(k) {
  const [cc, pat, len] = IBAN[k % IBAN.length];
  const bban = Array.from(pat, (c) => (c === 'n' ? r.pick(DIGITS) : c === 'a' ? r.pick(UPPER) : r.pick(UPPER + DIGITS))).join('');
  const v = makeIban(cc, bban);
  check(v.length === len && ibanValid(v), 'iban ' + v);
  return v;
}
const ibanFmt = (v, i) => (i % 2 ? group4(v) : v);
// ---- phones: patterns with d = random digit ----
const PHONES = ['+1 415-555-01dd', '(212) 555-01dd', '+1 (646) 555-01dd', '617.555.01dd', '+141555501dd', '+44 7700 900ddd', '07700 900ddd', '+44 20 7946 0ddd', '020 7946 0ddd', '0161 496 0ddd', '+44 (0)113 496 0ddd', '+49 30 dddddddd', '030 ddddddd', '+49 151 dddddddd', '0170/ddddddd', '+49 (0)89 dddd dddd', '0049 40 ddddddd', '+33 6 dd dd dd dd', '06 dd dd dd dd', '01.dd.dd.dd.dd', '+33 (0)1 dd dd dd dd', '0033 7 dd dd dd dd', '+91 98ddd ddddd', '+91-22-dddd-dddd', '098ddd ddddd', '+919ddddddddd', '+31 6 dddddddd', '+34 6dd ddd ddd', '+61 4dd ddd ddd', '(02) 9ddd dddd', '+81 90-dddd-dddd', '03-dddd-dddd', '+55 11 9dddd-dddd', '+39 347 ddd dddd', '+353 87 ddd dddd', '+65 9ddd dddd', '+52 55 dddd dddd', '+27 82 ddd dddd', '+1 416 555 01dd', '+48 601 ddd ddd', '+46 70 ddd dd dd', '+41 79 ddd dd dd', '+43 664 ddddddd', '+971 50 ddd dddd', '+82 10-dddd-dddd'];
const phone = (k) => PHONES[k % PHONES.length].replace(/d/g, () => r.pick(DIGITS));
// ---- cards: [prefix generator, length, grouping] ----
const CARDS = [
  [() => '4', 16], [() => '4', 16], [() => String(r.int(51, 55)), 16], [() => String(r.int(2221, 2720)), 16],
  [() => r.pick(['34', '37']), 15], [() => '6011', 16], [() => String(r.int(3528, 3589)), 16], [() => '36', 14],
  [() => '62', 16], [() => '62', 19], [() => r.pick(['6759', '5018', '6304']), 16], [() => '65', 16], [() => '4', 13],
];
function card(k) {
  const [pre, len] = CARDS[k % CARDS.length];
  const p = pre();
  const partial = p + d(len - 1 - p.length);
  const num = partial + luhnCheckDigit(partial);
  check(luhnValid(num) && num.length === len, 'card');
  const style = Math.floor(k / CARDS.length) % 3;
  if (style === 0 || len === 13) return num;
  const sep = style === 1 ? ' ' : '-';
  if (len === 15) return [num.slice(0, 4), num.slice(4, 10), num.slice(10)].join(sep);
  if (len === 14) return [num.slice(0, 4), num.slice(4, 10), num.slice(10)].join(sep);
  return group4(num).replace(/ /g, sep);
}
// ---- emails ----
const FIRST = ['maria', 'j.smith', 'li.wei', 'a.okafor', 'sven', 'priya.n', 'tom_b', 'chloe.martin', 'k.tanaka', 'ines'];
const DOMAINS = ['gmail.com', 'outlook.com', 'helios-travel.com', 'nordicbooks.se', 'mail.casa-verde.es', 'yahoo.co.uk', 'proton.me', 'web.de', 'example.org', 'orange.fr'];
const email = (k) => {
  const name = FIRST[k % FIRST.length] + (k % 3 === 0 ? '+' + r.pick(['billing', 'ops', 'test']) : k % 3 === 1 ? d(2) : '');
  const e = name + '@' + DOMAINS[(k * 7) % DOMAINS.length];
  return k % 5 === 4 ? e.replace(/^./, (c) => c.toUpperCase()) : e;
};
// ---- NINO ----
const NINO_BAD_PAIRS = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);
function nino(k) {
  let p;
  do p = r.pick('ABCEGHJKLMNOPRSTWXYZ'.split('')) + r.pick('ABCEGHJKLMNPRSTWXYZ'.split('')); while (NINO_BAD_PAIRS.has(p));
  const n = d(6); const s = r.pick(['A', 'B', 'C', 'D']);
  const f = k % 3;
  if (f === 0) return p + n + s;
  if (f === 1) return `${p} ${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4)} ${s}`;
  return (p + n + s).toLowerCase();
}
const GEN = { us_ssn: (k, t) => ssn(k, t), iban: (k) => ibanFmt(ibanRaw(k), k), phone, credit_card: card, email, uk_nino: nino };

// ---- invalid lookalikes for clean rows ----
function badSsn(k) {
  const p = ssnParts();
  const w = k % 5;
  if (w === 0) p[0] = '000'; else if (w === 1) p[0] = '666'; else if (w === 2) p[0] = String(r.int(900, 999)); else if (w === 3) p[1] = '00'; else p[2] = '0000';
  return p.join('-');
}
function badCard(k) {
  let v;
  do { v = card(k).replace(/\d$/, (c) => String((Number(c) + 1 + r.int(0, 7)) % 10)); } while (luhnValid(v));
  return v;
}
function badIban(k) {
  const v = ibanRaw(k);
  let bad;
  do bad = v.slice(0, 2) + pad(r.int(2, 98), 2) + v.slice(4); while (ibanValid(bad));
  return k % 2 ? group4(bad) : bad;
}
const FILL = {
  uuid: () => `${r.chars(HEX, 8)}-${r.chars(HEX, 4)}-4${r.chars(HEX, 3)}-a${r.chars(HEX, 3)}-${r.chars(HEX, 12)}`,
  sha7: () => r.chars(HEX, 7), hex12: () => r.chars(HEX, 12), hex16: () => r.chars(HEX, 16), hex32: () => r.chars(HEX, 32), hex40: () => r.chars(HEX, 40), hex64: () => r.chars(HEX, 64),
  n4: () => String(r.int(1000, 9999)), n5: () => String(r.int(10000, 99999)), n6: () => String(r.int(100000, 999999)), n8: () => String(r.int(10000000, 99999999)),
  b64: () => r.chars(ALNUM + '-_', 32), alnum16: () => r.chars(UPPER + DIGITS, 16), alnum14: () => r.chars(ALNUM, 14),
};
const BAD = { ssn: badSsn, card: badCard, iban: badIban };

// Rules every clean row must pass: no issued-range SSN, no Luhn-valid 13-19 digit run
// starting 2-6, no valid IBAN.
function cleanOk(text) {
  for (const m of text.matchAll(/\b(\d{3})[- ](\d{2})[- ](\d{4})\b/g)) {
    const a = Number(m[1]);
    if (a > 0 && a < 900 && a !== 666 && m[2] !== '00' && m[3] !== '0000') return false;
  }
  for (const m of text.matchAll(/\d(?:[ -]?\d){12,18}/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (/^[2-6]/.test(digits) && digits.length <= 19 && luhnValid(digits)) return false;
  }
  for (const m of text.matchAll(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}/g)) if (ibanValid(m[0])) return false;
  return true;
}

const WHY = {
  'clean-log': 'ids, hashes, digests, versions, times, counts and references; no personal data',
  'clean-invalid-ssn': 'SSN-shaped but outside the issued ranges (area 000/666/9xx, group 00 or serial 0000)',
  'clean-luhn-fail': 'card-shaped number whose Luhn check fails',
  'clean-bad-iban': 'IBAN-shaped with wrong mod-97 check digits',
  'clean-lookalike': 'identifiers and numbers that look structured but are not personal data',
};
const next = counter();
const rows = [];
const seenText = new Set();
const push = (row) => { check(!seenText.has(row.text), 'duplicate ' + row.text); seenText.add(row.text); rows.push(row); };
let k = 0;
for (const [type, list] of Object.entries(PII)) {
  if (type === 'mixed') continue;
  const times = type === 'email' || type === 'uk_nino' ? 2 : type === 'us_ssn' ? 2 : type === 'iban' ? 3 : type === 'phone' ? 3 : 3;
  list.forEach((tpl) => {
    for (let t = 0; t < times; t++) {
      const v = GEN[type](k++, tpl);
      push({ id: next(`pii7-${type}`), category: type, label: 'pii', types: [type], values: [v], text: tpl.replace('{V}', () => v) });
    }
  });
}
const SLOT = { ssn: 'us_ssn', iban: 'iban', phone: 'phone', card: 'credit_card', email: 'email', nino: 'uk_nino' };
for (const tpl of PII.mixed) {
  for (let t = 0; t < 2; t++) {
    const types = []; const values = [];
    const text = tpl.replace(/\{(ssn|iban|phone|card|email|nino)\}/g, (_, s) => {
      const v = GEN[SLOT[s]](k++, tpl); types.push(SLOT[s]); values.push(v); return v;
    });
    push({ id: next('pii7-mixed'), category: 'mixed', label: 'pii', types: [...new Set(types)], values, text });
  }
}
for (const row of rows) {
  for (const v of row.values) check(row.text.includes(v), 'value in text ' + v);
  row.values.forEach((v, i) => {
    if (/^\d{3}[- ]?\d{2}[- ]?\d{4}$/.test(v)) { const a = Number(v.slice(0, 3)); check(a > 0 && a < 900 && a !== 666, 'ssn range ' + v); }
  });
  if (row.types.includes('iban') && row.category === 'iban') check(ibanValid(row.values[0]), 'iban valid');
  if (row.category === 'credit_card') check(luhnValid(row.values[0]), 'luhn');
}
for (const [category, list] of Object.entries(CLEAN)) {
  const times = category === 'clean-log' || category === 'clean-lookalike' ? 1 : 2;
  list.forEach((tpl) => {
    for (let t = 0; t < times; t++) {
      const text = tpl.replace(/\{([FX]):(\w+)\}/g, (_, kind, name) => (kind === 'F' ? FILL[name]() : BAD[name](k++)));
      check(cleanOk(text), 'clean row holds a valid value: ' + text);
      push({ id: next(`pii7-${category}`), category, label: 'clean', types: [], values: [], why: WHY[category], text });
    }
  });
}
writeFrozen('pii.jsonl', rows);
