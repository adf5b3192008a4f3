// Builds pii.jsonl (v5): personal data that redaction must remove, and look-alike "clean"
// text that must come out unchanged. Sentences are hand-written here; values come from a
// seeded PRNG with valid checksums (Luhn, ISO 7064 mod-97, national check digits where noted).
import { rng, luhnCheckDigit, luhnValid, makeIban, ibanValid, group4, numberRows, writeFrozen } from './lib.mjs';

const r = rng(20261206);
const d = (n) => Array.from({ length: n }, () => r.int(0, 9)).join('');
const rows = [];
const pii = (category, types, values, text) => {
  for (const v of values) if (!text.includes(v)) throw new Error(`value ${v} not in text`);
  rows.push({ category, label: 'pii', types, values, text });
};
// A clean row must not hold an issued-range SSN, a Luhn-valid 13-19 digit run starting 2-6
// (bare, or grouped by spaces/dashes) or a valid IBAN.
function lookalikeIsSafe(text) {
  for (const m of text.matchAll(/\b(\d{3})-(\d{2})-(\d{4})\b/g)) {
    const a = Number(m[1]);
    if (a > 0 && a < 900 && a !== 666 && m[2] !== '00' && m[3] !== '0000') return false;
  }
  // Whole digit runs, bare or grouped by spaces or dashes (what a card matcher would see).
  for (const m of text.matchAll(/(?<![\w-])\d[\d -]{11,}\d(?![\w-])/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 13 && digits.length <= 19 && /^[2-6]/.test(digits) && luhnValid(digits)) return false;
    for (const tok of m[0].split(/[ -]/)) if (tok.length >= 13 && tok.length <= 19 && /^[2-6]/.test(tok) && luhnValid(tok)) return false;
  }
  for (const m of text.matchAll(/[A-Z]{2}\d{2}[A-Z0-9 ]{10,30}/g)) if (ibanValid(m[0].trim())) return false;
  return true;
}
/** Draws from `make` until the text is a safe look-alike (deterministic: same PRNG sequence). */
const clean = (category, why, make) => {
  for (let tries = 0; tries < 50; tries++) {
    const text = make();
    if (lookalikeIsSafe(text)) return rows.push({ category, label: 'clean', types: [], values: [], why, text });
  }
  throw new Error('no safe look-alike for ' + category);
};

// ---------------- US SSN ----------------
function ssnParts() {
  let area;
  do area = r.int(1, 899); while (area === 666);
  return [String(area).padStart(3, '0'), String(r.int(1, 99)).padStart(2, '0'), String(r.int(1, 9999)).padStart(4, '0')];
}
const ssnTemplates = [
  (v) => `caller verified w/ last name + SSN ${v}, reset done`,
  (v) => `SSN: ${v}`,
  (v) => `{"customer":{"name":"J. Alvarez","ssn":"${v}","tier":"gold"}}`,
  (v) => `employee_id,ssn,dept\n88213,${v},payroll`,
  (v) => `Social Security No. ${v} was visible in the support transcript for 40 minutes before we purged the cache.`,
  (v) => `tax form W-2 attached, SSN ${v} (please redact before posting to the channel!!)`,
  (v) => `soc sec # ${v}`,
  (v) => `The export job wrote ssn=${v} into the debug log at level INFO.`,
  (v) => `| applicant | SSN | status |\n|---|---|---|\n| M. Chen | ${v} | pending |`,
  (v) => `<field name="SocialSecurityNumber">${v}</field>`,
  (v) => `customer read me their ss number over the phone: ${v}. Ticket CS-44120.`,
  (v) => `TIN/SSN on file: ${v}`,
  (v) => `ERROR validation failed for applicant 7781: ssn '${v}' already registered`,
  (v) => `my social is ${v} can you check why my payout failed`,
  (v) => `SSN (US): ${v}; DOB withheld`,
];
ssnTemplates.forEach((t, i) => {
  const [a, g, s] = ssnParts();
  const fmt = i % 3 === 0 ? `${a} ${g} ${s}` : i % 5 === 1 ? `${a}${g}${s}` : `${a}-${g}-${s}`;
  pii('us_ssn', ['us_ssn'], [fmt], t(fmt));
});

// ---------------- IBAN ----------------
const ribKey = (bank, branch, acct) => String(97 - ((89 * Number(bank) + 15 * Number(branch) + 3 * Number(acct)) % 97)).padStart(2, '0');
function esDc(bank, branch, acct) {
  const w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
  const dig = (s) => { let x = 11 - ([...s].reduce((t, c, i) => t + Number(c) * w[i], 0) % 11); return x === 11 ? 0 : x === 10 ? 1 : x; };
  return `${dig('00' + bank + branch)}${dig(acct)}`;
}
const letters = (n) => r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', n);
const bbans = {
  DE: () => d(18),
  GB: () => r.pick(['NWBK', 'BARC', 'LOYD', 'MIDL']) + d(14),
  FR: () => { const b = d(5), br = d(5), a = d(11); return b + br + a + ribKey(b, br, a); },
  ES: () => { const b = d(4), br = d(4), a = d(10); return b + br + esDc(b, br, a) + a; },
  IT: () => letters(1) + d(10) + d(12),
  NL: () => r.pick(['ABNA', 'INGB', 'RABO', 'TRIO']) + d(10),
  BE: () => { const x = d(10); const k = Number(x) % 97 || 97; return x + String(k).padStart(2, '0'); },
  CH: () => d(5) + d(12),
  AT: () => d(16),
  PL: () => d(24),
  PT: () => d(21),
  IE: () => r.pick(['AIBK', 'BOFI']) + d(14),
  SE: () => d(20),
  DK: () => d(14),
  FI: () => d(14),
  LU: () => d(3) + d(13),
  CZ: () => d(20),
  NO: () => d(11),
};
const ibanTemplates = [
  (v) => `Refund to IBAN ${v}, ref INC-8120 goodwill credit`,
  (v) => `please update my bank details, new account: ${v}`,
  (v) => `{"payout":{"iban":"${v}","currency":"EUR","amount":120.00}}`,
  (v) => `beneficiary;iban;amount\nA. Novak;${v};4210.00`,
  (v) => `IBAN: ${v}`,
  (v) => `The SEPA batch failed for ${v} with AC04 (account closed).`,
  (v) => `Kontoverbindung: ${v}, bitte bis Freitag überweisen`,
  (v) => `RIB / IBAN du client : ${v}`,
  (v) => `iban=${v} bic=XXXXXXXX status=rejected reason=MS03`,
  (v) => `| customer | IBAN |\n|---|---|\n| 44120 | ${v} |`,
];
Object.keys(bbans).forEach((cc, i) => {
  const iban = makeIban(cc, bbans[cc]());
  if (!ibanValid(iban)) throw new Error('bad iban ' + iban);
  const v = i % 2 === 0 ? group4(iban) : iban;
  pii('iban', ['iban'], [v], ibanTemplates[i % ibanTemplates.length](v));
});

// ---------------- phones ----------------
const phones = [
  () => `+1 212 555 01${d(2)}`, () => `(415) 555-01${d(2)}`, () => `+1-646-${r.int(200, 989)}-${d(4)}`, () => `312.555.01${d(2)}`,
  () => `+447700900${d(3)}`, () => `07700 900${d(3)}`, () => `020 7946 0${d(3)}`, () => `+44 (0)113 496 0${d(3)}`,
  () => `+49 30 ${d(8)}`, () => `0151 ${d(8)}`, () => `+49 (0)89 ${d(3)} ${d(4)}`, () => `030/${d(7)}`,
  () => `+33 6 ${d(2)} ${d(2)} ${d(2)} ${d(2)}`, () => `01 ${d(2)} ${d(2)} ${d(2)} ${d(2)}`, () => `+33612${d(6)}`, () => `06.${d(2)}.${d(2)}.${d(2)}.${d(2)}`,
  () => `+91 98${d(3)} ${d(5)}`, () => `+91-22-${d(8)}`, () => `098${d(3)} ${d(5)}`, () => `+919${d(9)}`,
  () => `+31 6 ${d(8)}`, () => `+34 6${d(2)} ${d(3)} ${d(3)}`, () => `+61 4${d(2)} ${d(3)} ${d(3)}`, () => `+81 90-${d(4)}-${d(4)}`,
  () => `+55 11 9${d(4)}-${d(4)}`, () => `0044 7700 900${d(3)}`, () => `+65 8${d(3)} ${d(4)}`, () => `+353 87 ${d(3)} ${d(4)}`,
];
const phoneTemplates = [
  (v) => `call me back on ${v} pls, slack is down`,
  (v) => `Escalation contact (DB SME): ${v}`,
  (v) => `{"oncall":"jo.m","phone":"${v}","method":"sms"}`,
  (v) => `name,phone\nPriya S,${v}`,
  (v) => `Tel.: ${v}`,
  (v) => `Bridge dial-in ${v}, PIN in the invite`,
  (v) => `the customer left a voicemail from ${v} about the double charge`,
  (v) => `mobile ${v} (backup if PagerDuty fails)`,
];
phones.forEach((p, i) => { const v = p(); pii('phone', ['phone'], [v], phoneTemplates[i % phoneTemplates.length](v)); });

// ---------------- credit cards ----------------
const card = (prefix, len) => { const body = prefix + d(len - prefix.length - 1); return body + luhnCheckDigit(body); };
const brands = [
  ['visa', () => card('4', 16)], ['visa-13', () => card('4', 13)], ['visa-19', () => card('4', 19)],
  ['mastercard', () => card(String(r.int(51, 55)), 16)], ['mastercard-2', () => card(String(r.int(2221, 2720)), 16)],
  ['amex', () => card(r.pick(['34', '37']), 15)], ['discover', () => card('6011', 16)], ['discover-65', () => card('65', 16)],
  ['discover-19', () => card('6011', 19)], ['jcb', () => card(String(r.int(3528, 3589)), 16)], ['jcb-19', () => card('35' + r.int(28, 89), 19)],
  ['diners', () => card('36', 14)], ['diners-300', () => card('30' + r.int(0, 5), 14)], ['unionpay', () => card('62', 16)],
  ['unionpay-19', () => card('62', 19)], ['unionpay-17', () => card('62', 17)], ['maestro', () => card(r.pick(['5018', '5020', '5038', '6304']), 16)],
  ['maestro-13', () => card('6759', 13)], ['maestro-18', () => card('5020', 18)], ['mir', () => card('220' + r.int(0, 4), 16)],
];
const groupCard = (n, sep) => {
  if (n.length === 15) return [n.slice(0, 4), n.slice(4, 10), n.slice(10)].join(sep);
  if (n.length === 14) return [n.slice(0, 4), n.slice(4, 10), n.slice(10)].join(sep);
  if (n.length === 13) return [n.slice(0, 4), n.slice(4, 8), n.slice(8)].join(sep);
  return n.replace(/(.{4})(?=.)/g, '$1' + sep);
};
const cardTemplates = [
  (v) => `customer pasted their card into the chat: ${v} exp 09/28`,
  (v) => `{"payment_method":{"type":"card","number":"${v}","exp_month":11,"exp_year":2029}}`,
  (v) => `order_id,card_number,amount\n100442,${v},59.90`,
  (v) => `Card: ${v}`,
  (v) => `WARN payment-svc logged full PAN pan=${v} in request body (PCI!)`,
  (v) => `My card ${v} was charged twice for order 100871, please refund`,
  (v) => `| txn | card | result |\n|---|---|---|\n| tx_88c1 | ${v} | declined 05 |`,
  (v) => `cc# ${v}`,
  (v) => `The webhook payload contained "cardNumber": "${v}" because the masking middleware was bypassed.`,
  (v) => `<CardNumber>${v}</CardNumber>`,
  (v) => `betaalkaart ${v} geweigerd`,
  (v) => `please charge ${v} for the renewal, cvv I'll give on the phone`,
];
let ci = 0;
for (let round = 0; round < 2; round++) {
  for (const [brand, gen] of brands) {
    const n = gen();
    if (!luhnValid(n)) throw new Error('luhn ' + brand);
    const style = (ci + round) % 3;
    const v = style === 0 ? n : groupCard(n, style === 1 ? ' ' : '-');
    pii('credit_card', ['credit_card'], [v], cardTemplates[ci % cardTemplates.length](v));
    ci++;
  }
}

// ---------------- email ----------------
const emails = ['lena.ortiz@example.com', 'j.alvarez+billing@mail.example.org', 'PRIYA.SHARMA@Example.co.uk', 'ken_t@sub.example.net',
  'marta.lind@example.se', 'oncall-bob99@example.io', 'a@b.example', 'renée.dupont@example.fr', 'li.wei@example.cn', 'tom.o\'brien@example.ie'];
const emailTemplates = [
  (v) => `customer ${v} says the export is empty`,
  (v) => `From: ${v}`,
  (v) => `{"user":{"email":"${v}","plan":"pro"}}`,
  (v) => `email,plan\n${v},enterprise`,
  (v) => `Reply to <${v}> once the refund is processed.`,
  (v) => `failed login for user=${v} from 203.0.113.7`,
  (v) => `cc: ${v}`,
  (v) => `Contact the affected user (${v}) before posting the postmortem.`,
  (v) => `mailto:${v}?subject=INC-8120`,
  (v) => `bounce: 550 5.1.1 <${v}>: recipient address rejected`,
];
emails.forEach((v, i) => pii('email', ['email'], [v], emailTemplates[i](v)));

// ---------------- UK NINO ----------------
const BAD_FIRST = 'DFIQUV', BAD_SECOND = 'DFIOQUV', BAD_PAIRS = ['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'];
function nino() {
  let p;
  do p = letters(2); while (BAD_FIRST.includes(p[0]) || BAD_SECOND.includes(p[1]) || BAD_PAIRS.includes(p));
  return [p, d(2), d(2), d(2), r.pick(['A', 'B', 'C', 'D'])];
}
const ninoTemplates = [
  (v) => `NI number: ${v}`,
  (v) => `National Insurance No. ${v}`,
  (v) => `employee's NINO is ${v}, payroll run failed for them`,
  (v) => `{"employee":{"id":"E-2291","ni_number":"${v}"}}`,
  (v) => `name,nino,start\nS. Patel,${v},2024-03-01`,
  (v) => `| employee | NI no. |\n|---|---|\n| R. Hughes | ${v} |`,
  (v) => `${v}`,
  (v) => `the HMRC upload rejected ${v} because the tax code was missing`,
  (v) => `pls fix my ni no ${v} its wrong on the payslip`,
  (v) => `nino=${v} status=verified`,
  (v) => `Their national insurance number (${v}) appears in the CSV export we sent to the vendor.`,
  (v) => `<NINumber>${v}</NINumber>`,
  (v) => `ref ${v} — payroll adjustment`,
  (v) => `NINO ${v}; tax code 1257L`,
  (v) => `I gave them ${v} as my NI number on the form`,
  (v) => `employee_nino: ${v}`,
];
for (let i = 0; i < 32; i++) {
  const [p, a, b, c, s] = nino();
  const style = i % 4;
  let v = style === 0 ? `${p}${a}${b}${c}${s}` : style === 1 ? `${p} ${a} ${b} ${c} ${s}` : style === 2 ? `${p}${a}${b}${c}${s}`.toLowerCase() : `${p} ${a}${b}${c} ${s}`;
  if (i % 7 === 3) v = `${p} ${a} ${b} ${c} ${s}`.toLowerCase();
  pii('uk_nino', ['uk_nino'], [v], ninoTemplates[i % ninoTemplates.length](v));
}

// ---------------- mixed ----------------
for (let i = 0; i < 10; i++) {
  const [a, g, s] = ssnParts();
  const ssn = `${a}-${g}-${s}`;
  const cardN = groupCard(card('4', 16), ' ');
  const phone = `+1 917 555 01${d(2)}`;
  const mail = ['dana.k@example.com', 'r.osei@example.org', 'mike@example.net', 'sofia.r@example.es', 'yuki.t@example.jp'][i % 5];
  const ib = makeIban('DE', d(18));
  const [p, x, y, z, suf] = nino();
  const n = `${p}${x}${y}${z}${suf}`;
  const variants = [
    () => pii('mixed', ['email', 'phone'], [mail, phone], `Contact: ${mail} / ${phone}`),
    () => pii('mixed', ['us_ssn', 'credit_card'], [ssn, cardN], `{"ssn":"${ssn}","card":"${cardN}","note":"verified by agent 44"}`),
    () => pii('mixed', ['email', 'iban'], [mail, ib], `name,email,iban\nK. Weber,${mail},${ib}`),
    () => pii('mixed', ['uk_nino', 'phone'], [n, '07700 900' + s.slice(0, 3)], `UK employee, NI ${n}, mobile 07700 900${s.slice(0, 3)}`),
    () => pii('mixed', ['email', 'credit_card', 'phone'], [mail, cardN, phone], `Customer ${mail} called from ${phone}, disputed charge on card ${cardN}.`),
  ];
  variants[i % variants.length]();
}

// ---------------- clean look-alikes ----------------
const hex = (n) => r.chars('0123456789abcdef', n);
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${r.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
const cleanLog = [
  () => `deploy 7f3a9c1${hex(33)} finished in 4m12s`,
  () => `image sha256:${hex(64)} pulled`,
  () => `2026-12-06T03:14:07.${d(3)}Z INFO request_id=${uuid()} status=200 dur=41ms`,
  () => `order #${d(8)} shipped, invoice INV-2026-${d(5)}`,
  () => `epoch ${r.int(1790000000, 1799999999)} -> 2026-12-06`,
  () => `listening on 0.0.0.0:${r.int(1024, 65000)}, pid ${r.int(100, 99999)}`,
  () => `helm chart checkout-api-${r.int(1, 9)}.${r.int(0, 40)}.${r.int(0, 20)} (app version ${r.int(1, 5)}.${r.int(0, 30)}.${r.int(0, 9)})`,
  () => `arn:aws:iam::${d(12)}:role/incident-ai-reader`,
  () => `trace_id=${hex(32)} span_id=${hex(16)}`,
  () => `backup size 12.4 GiB, took 00:07:42, exit 0`,
  () => `kafka offset ${d(11)} partition 7 topic orders-v2`,
  () => `p99=${r.int(100, 4000)}ms p50=${r.int(10, 90)}ms rps=${r.int(100, 9000)}`,
  () => `client 10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(0, 255)} port ${r.int(30000, 60000)}`,
  () => `resourceVersion: "${d(9)}"`,
  () => `Execution #${d(5)} of job ${uuid()} succeeded`,
  () => `ETag: "${hex(32)}"`,
  () => `build 2026.12.06-${d(4)} (git ${hex(7)})`,
  () => `PagerDuty incident Q${r.chars('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', 13)} acknowledged`,
  () => `retry in ${r.int(1, 60)}s (attempt ${r.int(1, 5)}/5), backoff 2.0`,
  () => `bytes_in=${d(10)} bytes_out=${d(9)}`,
  () => `ticket ZD-${d(6)} merged into ZD-${d(6)}`,
  () => `ssh-ed25519 SHA256:${r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 43)} deploy@ci`,
  () => `disk /dev/nvme0n1p1 used 91.4% (412G of 450G)`,
  () => `timestamp_ms=${r.int(1790000000000, 1799999999999)}`,
  () => `version v${r.int(1, 3)}.${r.int(0, 99)}.${r.int(0, 99)}-rc.${r.int(1, 9)}+build.${d(4)}`,
];
cleanLog.forEach((g) => clean('clean-log', 'ids, hashes, timestamps, versions and counters, no personal data', g));

const badSsns = [
  () => `000-${String(r.int(1, 99)).padStart(2, '0')}-${d(4).replace(/^0000$/, '1234')}`,
  () => `666-${String(r.int(1, 99)).padStart(2, '0')}-${String(r.int(1, 9999)).padStart(4, '0')}`,
  () => `9${d(2)}-${String(r.int(1, 99)).padStart(2, '0')}-${String(r.int(1, 9999)).padStart(4, '0')}`,
  () => `${String(r.int(1, 665)).padStart(3, '0')}-00-${String(r.int(1, 9999)).padStart(4, '0')}`,
  () => `${String(r.int(1, 665)).padStart(3, '0')}-${String(r.int(1, 99)).padStart(2, '0')}-0000`,
];
const badSsnTemplates = [
  (v) => `test fixture SSN ${v} (invalid on purpose)`,
  (v) => `ssn: ${v}`,
  (v) => `form validation rejected ${v}`,
  (v) => `{"ssn":"${v}","valid":false}`,
];
for (let i = 0; i < 12; i++) clean('clean-invalid-ssn', 'SSN-shaped but outside the issued ranges', () => badSsnTemplates[i % 4](badSsns[i % 5]()));

const luhnFail = () => {
  let n;
  do {
    const len = r.pick([13, 15, 16, 16, 16, 19]);
    n = r.pick(['4', '5', '37', '6011', '35', '62']);
    n += d(len - n.length);
  } while (luhnValid(n));
  return n;
};
const luhnTemplates = [
  (v) => `card ${v} rejected by gateway: invalid number`,
  (v) => `tracking number ${v}`,
  (v) => `{"order":"${v}","state":"paid"}`,
  (v) => `ref ${groupCard(v, ' ')}`,
  (v) => `invoice ${groupCard(v, '-')}`,
];
for (let i = 0; i < 12; i++) clean('clean-luhn-fail', 'card-shaped digits that fail the Luhn check', () => luhnTemplates[i % 5](luhnFail()));

for (let i = 0; i < 12; i++) {
  const cc = Object.keys(bbans)[i % Object.keys(bbans).length];
  let iban = makeIban(cc, bbans[cc]());
  const chk = String((Number(iban.slice(2, 4)) + 1 + r.int(0, 5)) % 97 + 2).padStart(2, '0');
  iban = iban.slice(0, 2) + chk + iban.slice(4);
  if (ibanValid(iban)) { i--; continue; }
  clean('clean-bad-iban', 'IBAN-shaped with a wrong mod-97 check', () => [`IBAN ${group4(iban)} failed validation`, `iban=${iban} rejected (checksum)`, `test account ${iban}`][i % 3]);
}

const lookalike = [
  () => `tenant ${uuid()}`,
  () => `coords 52.52${d(4)}, 13.40${d(4)}`,
  () => `k8s uid ${uuid()}`,
  () => `MAC 00:1a:2b:${hex(2)}:${hex(2)}:${hex(2)}`,
  () => `phone-home interval 300s, jitter 30s`,
  () => `serial number SN-${d(4)}-${d(4)}-${d(4)}`,
  () => `IPv6 2001:db8:${hex(4)}::${hex(4)}`,
  () => `date range 2026-11-30..2026-12-06, 7 days`,
  () => `version 10.4.17 of postgres, build 16.4.2`,
  () => `sprint ENG-4412, story points 13`,
  () => `base64 id eyJpZCI6IjEyMyJ9 (just {"id":"123"})`,
  () => `NI-${d(4)} is the network interface id, not a national insurance number`,
  () => `rack B-12-34, slot 56, hall 2`,
  () => `room 555-0100 in building 4`,
  () => `PO box 12 34 56`,
];
lookalike.forEach((g) => clean('clean-lookalike', 'looks structured but holds no personal data', g));

writeFrozen('pii.jsonl', numberRows('pii5', rows));
