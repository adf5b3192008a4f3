// pii.jsonl (v3): personal data that redaction must remove, and look-alikes it must leave alone.
// The sentences are hand-written for v3; the script fills in values that must be exact (issued-range
// SSNs, mod-97-valid IBANs, Luhn-valid cards, valid NINO prefixes) from a seeded PRNG.
import { rng, DIGITS, UPPER, luhnCheckDigit, luhnValid, makeIban, ibanValid, group4, seq, writeFrozenJsonl } from './lib.mjs';

const r = rng(0x5eed_0003);
const digits = (n) => r.chars(DIGITS, n);

// ---------- value generators ----------
function ssnParts() {
  let area;
  do area = r.int(1, 899); while (area === 666);
  return [String(area).padStart(3, '0'), String(r.int(1, 99)).padStart(2, '0'), String(r.int(1, 9999)).padStart(4, '0')];
}
const ssnFormats = {
  dash: (p) => p.join('-'),
  space: (p) => p.join(' '),
  bare: (p) => p.join(''),
};

// BBAN shapes per country: n = digit, a = upper-case letter, c = digit or letter.
const IBAN_SHAPES = {
  DE: 'n18', FR: 'n10c11n2', GB: 'a4n14', ES: 'n20', IT: 'a1n10c12', NL: 'a4n10', BE: 'n12', CH: 'n5c12',
  AT: 'n16', PL: 'n24', SE: 'n20', IE: 'a4n14', PT: 'n21', NO: 'n11', DK: 'n14', FI: 'n14',
};
function bban(shape) {
  let out = '';
  for (const [, kind, count] of shape.matchAll(/([nac])(\d+)/g)) {
    const alphabet = kind === 'n' ? DIGITS : kind === 'a' ? UPPER : UPPER + DIGITS;
    out += r.chars(alphabet, Number(count));
  }
  return out;
}
const iban = (country) => makeIban(country, bban(IBAN_SHAPES[country]));

const CARD_PREFIXES = {
  visa: [['4', 16], ['4', 16], ['4', 13]],
  mastercard: [['51', 16], ['53', 16], ['55', 16], ['2221', 16], ['2720', 16], ['2500', 16]],
  amex: [['34', 15], ['37', 15]],
  discover: [['6011', 16], ['65', 16], ['644', 16]],
  jcb: [['3528', 16], ['3589', 16]],
  diners: [['36', 14], ['3056', 14]],
  unionpay: [['62', 16], ['62', 19]],
  maestro: [['6759', 16], ['5018', 16]],
};
function card(brand) {
  const [prefix, length] = r.pick(CARD_PREFIXES[brand]);
  const body = prefix + digits(length - prefix.length - 1);
  return body + luhnCheckDigit(body);
}
function cardGrouped(num, sep) {
  if (num.length === 15) return [num.slice(0, 4), num.slice(4, 10), num.slice(10)].join(sep);
  if (num.length === 14) return [num.slice(0, 4), num.slice(4, 10), num.slice(10)].join(sep);
  return num.replace(/(.{4})/g, '$1' + sep).replace(new RegExp(sep === ' ' ? ' $' : '-$'), '');
}

const NINO_FIRST = 'ABCEGHJKLMNOPRSTWXYZ';
const NINO_SECOND = 'ABCEGHJKLMNPRSTWXYZ';
const NINO_BANNED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);
function ninoParts() {
  let prefix;
  do prefix = r.pick([...NINO_FIRST]) + r.pick([...NINO_SECOND]); while (NINO_BANNED.has(prefix));
  return [prefix, digits(2), digits(2), digits(2), r.pick(['A', 'B', 'C', 'D'])];
}
const ninoFormats = {
  plain: (p) => p.join(''),
  spaced: (p) => p.join(' '),
  lower: (p) => p.join('').toLowerCase(),
  lowerSpaced: (p) => p.join(' ').toLowerCase(),
  midSpace: (p) => `${p[0]} ${p[1]}${p[2]}${p[3]} ${p[4]}`,
};

// Phones: national formats written out by hand per country; the PRNG fills only the trailing digits.
const PHONES = [
  () => `+1${r.pick(['212', '415', '617', '312', '206'])}555${'01' + digits(2)}`,
  () => `(${r.pick(['646', '503', '737'])}) 555-01${digits(2)}`,
  () => `${r.pick(['929', '470', '919'])}-555-01${digits(2)}`,
  () => `1.${r.pick(['408', '720'])}.555.01${digits(2)}`,
  () => `+1 (202) 555-01${digits(2)}`,
  () => `+447700900${digits(3)}`,
  () => `07700 900${digits(3)}`,
  () => `+44 20 7946 0${digits(3)}`,
  () => `020 7946 0${digits(3)}`,
  () => `0161 496 0${digits(3)}`,
  () => `+44 (0)113 496 0${digits(3)}`,
  () => `+49 30 ${digits(8)}`,
  () => `+4915${r.int(1, 7)}${digits(8)}`,
  () => `0171 ${digits(7)}`,
  () => `089/${digits(7)}`,
  () => `030-${digits(4)} ${digits(4)}`,
  () => `+33 6 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`,
  () => `+33${r.pick(['1', '4', '7'])}${digits(8)}`,
  () => `01.${digits(2)}.${digits(2)}.${digits(2)}.${digits(2)}`,
  () => `07 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`,
  () => `+91 9${digits(4)} ${digits(5)}`,
  () => `+91-8${digits(9)}`,
  () => `09${digits(3)} ${digits(5)}`,
  () => `0091 7${digits(9)}`,
  () => `+31 6 ${digits(8)}`,
  () => `+61 4${digits(2)} ${digits(3)} ${digits(3)}`,
  () => `+81 90-${digits(4)}-${digits(4)}`,
  () => `+55 11 9${digits(4)}-${digits(4)}`,
  () => `+34 6${digits(2)} ${digits(3)} ${digits(3)}`,
  () => `+353 87 ${digits(3)} ${digits(4)}`,
];

// ---------- rows ----------
const rows = [];
const counters = {};
function add(category, types, values, text, extra = {}) {
  for (const v of values) if (!text.includes(v)) throw new Error(`value ${v} not in text: ${text}`);
  counters[category] = (counters[category] ?? 0) + 1;
  rows.push({ id: `pii3-${category}-${seq(counters[category])}`, category, label: 'pii', types, values, text, ...extra });
}

/** One row per [format, template]: a fresh value from makeParts(), written in that format. */
function addFormatted(type, templates, formats, makeParts) {
  for (const [format, template] of templates) {
    const v = formats[format](makeParts());
    add(type, [type], [v], template.replace('{v}', v));
  }
}

// US SSN: [format, template]. Bare digits appear only right next to an SSN label.
const SSN_TEMPLATES = [
  ['dash', 'hey can someone unlock my account?? last 4 wont work, full ssn is {v}'],
  ['dash', 'SSN: {v}'],
  ['space', 'Applicant social: {v} (verified by phone)'],
  ['dash', '{"customer_id": 88213, "ssn": "{v}", "kyc_status": "pending"}'],
  ['bare', 'ssn={v} dob=1984-03-02 state=OH'],
  ['dash', 'Ticket #44120 — user pasted their Social Security number ({v}) into the chat widget, pls scrub'],
  ['space', 'tax_id {v} employer=Fairbanks Logistics LLC'],
  ['bare', 'SocialSecurityNumber: {v}'],
  ['dash', 'name,ssn,plan\nDana Whitfield,{v},gold'],
  ['dash', 'WARN  payroll-export: row 1182 rejected, duplicate SSN {v}'],
  ['dash', 'the W-2 shows {v} but HR has a different one on file'],
  ['space', '| Employee | SSN |\n|---|---|\n| R. Castellanos | {v} |'],
  ['bare', 'SSN#{v}'],
  ['dash', 'Caller read out her social, {v}, before I could stop her.'],
  ['dash', 'INSERT INTO applicants (name, ssn) VALUES (\'Tomás Ruiz\', \'{v}\');'],
  ['dash', 'ss# {v}'],
  ['space', 'Soc. Sec. No. {v}'],
  ['bare', '<ssn>{v}</ssn>'],
  ['dash', 'debug: identity.match ok subject_ssn={v} score=0.97'],
  ['dash', 'my husband\'s is {v} and mine ends in 4471, do you need both?'],
  ['dash', 'Re: 1099 correction — TIN/SSN {v}'],
  ['space', 'Form I-9 scanned: SSN {v}, expires n/a'],
  ['bare', 'ssn: "{v}"'],
  ['dash', 'Please verify: {v}'],
  ['dash', '- ssn: {v}\n  name: K. Oyelaran'],
];
addFormatted('us_ssn', SSN_TEMPLATES, ssnFormats, ssnParts);

// IBAN: every country once electronic and once grouped.
const IBAN_TEMPLATES = [
  'Bitte überweisen Sie den Betrag auf {v}.',
  'IBAN: {v}',
  'refund failed, account {v} closed?',
  '{"payout_iban": "{v}", "currency": "EUR"}',
  'vendor,iban,amount\nAtelier Lumen,{v},1200.00',
  'Merci de mettre à jour le RIB : {v}',
  'Chargeback dispute — customer bank acct {v}',
  'ERROR sepa-batch: mandate rejected for {v} (AC04)',
  'new bank details below\n\n{v}\nBIC to follow',
  '| supplier | IBAN |\n|---|---|\n| Nordlys AS | {v} |',
  'pay to {v} pls, invoice attached',
  'iban={v}&amount=49.90',
  'Kontonummer (IBAN) {v}, Inhaber: M. Brandt',
  'Le virement vers {v} est revenu.',
  'account_iban: {v}',
  'Can you confirm the beneficiary? {v}',
];
const countries = Object.keys(IBAN_SHAPES);
countries.forEach((country, i) => {
  const electronic = iban(country);
  add('iban', ['iban'], [electronic], IBAN_TEMPLATES[i % IBAN_TEMPLATES.length].replace('{v}', electronic));
  const grouped = group4(iban(country));
  add('iban', ['iban'], [grouped], IBAN_TEMPLATES[(i + 7) % IBAN_TEMPLATES.length].replace('{v}', grouped));
});

// Phones.
const PHONE_TEMPLATES = [
  'call me back on {v}',
  'Mobile: {v}',
  'on-call escalation → {v} (Priya, DBA)',
  '{"contact_phone": "{v}"}',
  'customer left voicemail from {v} about the outage',
  'Tel. {v}',
  'ring {v} if the bridge drops',
  'whatsapp {v}',
  'Phone number: {v}',
  'name,phone\nGiulia Ferri,{v}',
  'SMS delivery failed to {v}: carrier rejected',
  'Rückruf bitte unter {v}',
  'Appelez-moi au {v} svp',
  'pls reach the site manager at {v}',
  'contact: Ms. Adeyemi, {v}',
];
PHONES.forEach((make, i) => {
  const v = make();
  add('phone', ['phone'], [v], PHONE_TEMPLATES[i % PHONE_TEMPLATES.length].replace('{v}', v));
  if (i % 3 === 0) {
    const w = make();
    add('phone', ['phone'], [w], PHONE_TEMPLATES[(i + 5) % PHONE_TEMPLATES.length].replace('{v}', w));
  }
});

// Cards: [brand, grouping, template].
const CARD_TEMPLATES = [
  ['visa', '', 'card 4 refund: {v}'],
  ['visa', ' ', 'Customer typed {v} into the "promo code" field again'],
  ['visa', '-', 'cc={v} exp=08/29'],
  ['mastercard', ' ', 'PAN {v} declined twice'],
  ['mastercard', '', '{"card_number":"{v}","cvv":"***"}'],
  ['mastercard', '-', 'pls charge {v} for the overage'],
  ['mastercard', '', 'ERROR gateway: invalid expiry for card {v}'],
  ['amex', ' ', 'Amex {v} — billing contact asked us to remove it'],
  ['amex', '', 'card_number,exp\n{v},11/27'],
  ['amex', '-', 'my amex is {v}'],
  ['discover', '', 'Discover card {v}'],
  ['discover', ' ', 'here u go {v}'],
  ['discover', '-', 'payment_method: {v}'],
  ['jcb', '', 'JCB {v} exp 03/28'],
  ['jcb', ' ', 'カード番号 {v}'],
  ['diners', '', 'diners club {v}'],
  ['diners', ' ', 'Corporate card: {v}'],
  ['unionpay', '', '银联卡 {v}'],
  ['unionpay', '', 'unionpay pan={v}'],
  ['unionpay', ' ', 'Card no. {v}'],
  ['maestro', '', 'maestro {v}'],
  ['maestro', ' ', 'Debit card {v} (Maestro)'],
  ['visa', ' ', 'Hi, the charge on my card {v} happened twice during your outage yesterday'],
  ['mastercard', ' ', '| order | card |\n|---|---|\n| A-7781 | {v} |'],
  ['visa', '', 'DEBUG stripe.request body=number={v}&exp_month=4'],
  ['visa', '-', 'pan: "{v}"'],
  ['mastercard', '', 'Credit card number {v}'],
  ['amex', '', 'amex:{v}'],
];
for (const [brand, sep, template] of CARD_TEMPLATES) {
  const raw = card(brand);
  const v = sep ? cardGrouped(raw, sep) : raw;
  if (!luhnValid(v)) throw new Error('luhn ' + v);
  add('credit_card', ['credit_card'], [v], template.replace('{v}', v));
}

// Emails.
const EMAILS = [
  ['fatima.elhassan@brightwater-energy.com', 'pls add fatima.elhassan@brightwater-energy.com to the bridge invite'],
  ['j.kowalczyk+oncall@gmail.com', 'reporter: j.kowalczyk+oncall@gmail.com'],
  ['MARCUS.LEE@CONTOSO-HEALTH.ORG', 'From: MARCUS.LEE@CONTOSO-HEALTH.ORG'],
  ['nguyen_thao88@yahoo.co.uk', 'customer nguyen_thao88@yahoo.co.uk says checkout is broken since 9am'],
  ['ops-escalations@parkline.io', '{"notify": ["ops-escalations@parkline.io"]}'],
  ['r.osei@ledgerpoint.finance', 'email,plan\nr.osei@ledgerpoint.finance,enterprise'],
  ['hannah.schmidt@t-online.de', 'Kundin hannah.schmidt@t-online.de hat zweimal bezahlt'],
  ['dev.null.sam@protonmail.com', 'login failed for user dev.null.sam@protonmail.com (3 attempts)'],
  ['aisha@kora.africa', 'cc aisha@kora.africa on the postmortem pls'],
  ['billing-disputes@harbor-ferries.co', 'reply-to: <billing-disputes@harbor-ferries.co>'],
  ['l.moreau@laposte.net', 'Contact client : l.moreau@laposte.net'],
  ['tkimura@example-corp.jp', 'mailto:tkimura@example-corp.jp'],
  ['owen.price@nhs-trust.example.org.uk', 'sent the export to owen.price@nhs-trust.example.org.uk by mistake, need to recall'],
  ['p_ramirez@outlook.com', 'user_email=p_ramirez@outlook.com status=bounced'],
  ['sre+pager@quietlake.dev', 'alerts route: sre+pager@quietlake.dev'],
  ['m.rossi@studiorossi.it', 'Scrivere a m.rossi@studiorossi.it per il rimborso'],
];
for (const [v, text] of EMAILS) add('email', ['email'], [v], text);

// UK NINOs: [format, template]; several forms, with and without a label, in prose, tables, JSON, CSV.
const NINO_TEMPLATES = [
  ['plain', 'NI number: {v}'],
  ['spaced', 'National Insurance No. {v}'],
  ['lower', 'my ni is {v}, can you update payroll'],
  ['plain', '{"nino": "{v}", "tax_code": "1257L"}'],
  ['spaced', 'employee_id,nino,start\nE1042,{v},2024-09-01'],
  ['plain', '| name | NINO |\n|---|---|\n| Callum Reid | {v} |'],
  ['midSpace', 'NINO {v}'],
  ['lowerSpaced', 'ni no: {v}'],
  ['plain', 'HMRC rejected the RTI submission: {v} does not match records'],
  ['spaced', 'Please find my national insurance number below:\n{v}\nThanks, Aoife'],
  ['plain', '{v}'],
  ['lower', 'nino={v}'],
  ['plain', 'starter form: surname Patel, NI {v}, student loan plan 2'],
  ['spaced', 'NI: {v}'],
  ['plain', 'WARN payroll-sync employee 7731 nino={v} duplicate'],
  ['midSpace', 'ni number is {v} i think'],
  ['plain', '<NationalInsuranceNumber>{v}</NationalInsuranceNumber>'],
  ['lowerSpaced', 'the guy on the phone gave {v} as his NI'],
  ['plain', 'national_insurance_number: {v}'],
  ['spaced', 'Claimant {v} — UC award letter attached'],
  ['plain', 'NINO,Surname\n{v},Okonkwo'],
  ['lower', '"ni": "{v}"'],
  ['plain', 'P45 shows {v}'],
  ['spaced', '• NI no. {v}'],
  ['plain', 'pls fix: {v} entered as tax code by mistake'],
  ['midSpace', 'National Insurance: {v}'],
  ['plain', 'insert into staff(ni_number) values (\'{v}\');'],
  ['lower', 'he wrote {v} on the form'],
  ['spaced', 'Your NI number {v} has been added to your account.'],
  ['plain', 'emp 4410 | {v} | Grade C'],
  ['plain', 'NI No {v}'],
  ['lowerSpaced', 'nino {v}'],
  ['plain', 'ni_no={v};dept=warehouse'],
  ['spaced', 'Employee\'s National Insurance number: {v}'],
];
addFormatted('uk_nino', NINO_TEMPLATES, ninoFormats, ninoParts);

// Mixed rows: several kinds in one text.
for (let i = 0; i < 14; i++) {
  const ssn = ssnFormats.dash(ssnParts());
  const mail = r.pick(['k.achterberg@fastmail.com', 'benji.o@icloud.com', 'support-user-7@hotmail.com', 'lena.v@posteo.de']);
  const phone = r.pick(PHONES)();
  const cc = cardGrouped(card(r.pick(['visa', 'mastercard'])), ' ');
  const ib = group4(iban(r.pick(countries)));
  const ni = ninoFormats.spaced(ninoParts());
  const templates = [
    [['email', 'phone'], [mail, phone], `Customer: ${mail} / ${phone} — wants a callback about the double charge`],
    [['us_ssn', 'email'], [ssn, mail], `{"email":"${mail}","ssn":"${ssn}"}`],
    [['credit_card', 'phone'], [cc, phone], `paid with ${cc}, phone ${phone}`],
    [['iban', 'email'], [ib, mail], `refund to ${ib}, confirmation to ${mail}`],
    [['uk_nino', 'phone', 'email'], [ni, phone, mail], `new starter: NI ${ni}, mob ${phone}, ${mail}`],
    [['us_ssn', 'credit_card'], [ssn, cc], `name,ssn,card\nJ. Alvarez,${ssn},${cc}`],
    [['email', 'iban'], [mail, ib], `| contact | payout |\n|---|---|\n| ${mail} | ${ib} |`],
  ];
  const [types, values, text] = templates[i % templates.length];
  add('mixed', types, values, text);
}

// ---------- clean look-alikes ----------
const clean = [];
function addClean(category, why, text) {
  clean.push({ category, why, text });
}
const CLEAN_LOG = [
  ['order id', 'Order #4000123456789 shipped, tracking 1Z999AA10123456784'],
  ['timestamp', '2026-12-06T14:03:27.881Z level=info msg="checkpoint done"'],
  ['epoch millis', 'lastHeartbeat=1765029807123 lag_ms=412'],
  ['version', 'upgraded node from 20.11.1 to 20.18.0, npm 10.8.2'],
  ['git sha', 'deployed commit 4e1b7c9a2d03f5e6b8a1c2d3e4f5061728394a5b to prod'],
  ['sha256 digest', 'image sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
  ['duration', 'p99 latency 1234ms, p50 87ms, timeout after 30000 ms'],
  ['ports', 'listening on 0.0.0.0:8443, metrics on :9102, admin on 127.0.0.1:15000'],
  ['ip addresses', 'conn from 10.244.3.17:51234 to 172.20.0.5:5432 reset'],
  ['invoice number', 'Invoice INV-2026-000481 paid, amount 1,299.00 EUR'],
  ['arn', 'arn:aws:iam::123456789012:role/incident-ai-reader'],
  ['request id', 'x-request-id: 7f3c2a10-9b1e-4c55-a0d2-1f8e6b7c9d40'],
  ['k8s resourceVersion', 'resourceVersion: "48213377" generation: 12'],
  ['pagerduty incident id', 'PagerDuty incident Q2Y7N4L1RZ8K3M triggered for service PX0AB12'],
  ['build number', 'Jenkins build #18342 of payments-ci finished in 14m 02s'],
  ['bytes', 'heap used 1073741824 bytes of 2147483648'],
  ['trace id', 'trace_id=4bf92f3577b34da6a3ce929d0e0e4736 span_id=00f067aa0ba902b7'],
  ['date and count', 'between 2026-11-30 and 2026-12-06: 4471 errors, 12 retries'],
  ['rundeck execution', 'Rundeck execution 88213 of job 5e0c41f2 succeeded (exit 0)'],
  ['kafka offset', 'partition 7 offset 42133770012 committed'],
  ['semver range', 'peerDependencies: react >=18.2.0 <19.0.0'],
  ['cron', 'schedule: "*/15 3-5 * * 1-5"'],
  ['percentages', 'cpu 93.5% mem 71.2% disk 88% on node ip-10-2-3-4'],
  ['ticket ids', 'JIRA INC-20431 linked to CHG-0099812'],
  ['uuid list', 'affected tenants: 0b7e4c1e-2f61-4a3d-9e6a-5d2c1b0a9f88, 3c9d1a2b-7e4f-4b6a-8c5d-1e2f3a4b5c6d'],
  ['md5', 'checksum md5 d41d8cd98f00b204e9800998ecf8427e ok'],
  ['container id', 'container 3f4e5d6c7b8a restarted 14 times'],
  ['phone-length build id', 'artifact build-20261206-0412 uploaded, size 104857600'],
  ['dotted version', 'kernel 5.15.0-1051-aws, glibc 2.35'],
  ['line and column', 'SyntaxError at app.js:1204:37'],
  ['unix epoch', 'cert notAfter epoch 1798761600'],
  ['account number in ARN-less form', 'AWS account 210987654321 in eu-west-1'],
  ['slack ts', 'thread_ts 1765029807.123459 in #inc-2231'],
  ['mac address', 'eth0 link/ether 02:42:ac:11:00:02'],
  ['ipv6', 'upstream [2001:db8:85a3::8a2e:370:7334]:443 timed out'],
];
for (const [why, text] of CLEAN_LOG) addClean('clean-log', why, text);

const CLEAN_SSN = [
  ['area 000', 'SSN 000-12-3456 is a placeholder in the test fixtures'],
  ['area 666', 'ssn: 666-45-1234'],
  ['area 9xx', 'QA fixture SSN 999-12-3456 (never issued)'],
  ['group 00', 'SSN 123-00-4567'],
  ['serial 0000', 'ssn=219-09-0000'],
  ['area 9xx', '987-65-4321'],
  ['date-like', 'backup taken 2026-12-06 at 04:00'],
  ['part number', 'part no. 100-00-2201 out of stock'],
  ['area 900', 'Social Security: 900-11-2233 (fake, from docs)'],
  ['area 000 spaced', 'ssn 000 22 3333'],
];
for (const [why, text] of CLEAN_SSN) addClean('clean-invalid-ssn', why, text);

function luhnFail(prefix, length) {
  const body = prefix + digits(length - prefix.length - 1);
  const good = Number(luhnCheckDigit(body));
  return body + String((good + 1 + r.int(0, 8)) % 10);
}
const LUHN_FAIL = [
  ['visa-shaped, bad check digit', (v) => `card ${v} declined: invalid number`, ['4', 16, ' ']],
  ['mastercard-shaped, bad check digit', (v) => `pan=${v}`, ['54', 16, '']],
  ['amex-shaped, bad check digit', (v) => `amex ${v}`, ['37', 15, '']],
  ['discover-shaped, bad check digit', (v) => `{"card":"${v}"}`, ['6011', 16, '-']],
  ['visa-shaped in a log', (v) => `WARN validation failed card=${v} reason=luhn`, ['4', 16, '']],
  ['16-digit order number', (v) => `order ${v} refunded`, ['5', 16, '']],
  ['tracking number', (v) => `tracking no. ${v}`, ['3', 16, ' ']],
  ['jcb-shaped', (v) => `jcb ${v}`, ['3530', 16, '']],
  ['unionpay-shaped 19', (v) => `unionpay ${v}`, ['62', 19, '']],
  ['mastercard 2-series', (v) => `mc ${v}`, ['2300', 16, ' ']],
];
for (const [why, fmt, [prefix, length, sep]] of LUHN_FAIL) {
  const raw = luhnFail(prefix, length);
  const v = sep ? cardGrouped(raw, sep) : raw;
  addClean('clean-luhn-fail', why, fmt(v));
}

function badIban(country) {
  const good = iban(country);
  const check = Number(good.slice(2, 4));
  const wrong = String(((check + 1 + r.int(0, 40)) % 97) + 2).padStart(2, '0');
  const bad = good.slice(0, 2) + (wrong === good.slice(2, 4) ? String((check + 3) % 97 + 2).padStart(2, '0') : wrong) + good.slice(4);
  if (ibanValid(bad)) throw new Error('bad IBAN came out valid: ' + bad);
  return bad;
}
const BAD_IBAN = [
  ['DE', false, (v) => `IBAN ${v} (rejected by bank: checksum)`],
  ['FR', true, (v) => `RIB: ${v}`],
  ['GB', false, (v) => `iban=${v}`],
  ['NL', true, (v) => `test IBAN from the docs: ${v}`],
  ['ES', false, (v) => `{"iban":"${v}","valid":false}`],
  ['IT', true, (v) => `IBAN errato ${v}`],
  ['BE', false, (v) => `account ${v}`],
  ['PL', true, (v) => `numer konta ${v}`],
  ['AT', false, (v) => `IBAN: ${v}`],
  ['CH', true, (v) => `Konto ${v}`],
];
for (const [country, grouped, fmt] of BAD_IBAN) {
  const v = badIban(country);
  addClean('clean-bad-iban', `${country} IBAN shape with a wrong check`, fmt(grouped ? group4(v) : v));
}

const LOOKALIKE = [
  ['uuid', 'correlation 5d3f2a1b-8c4e-4f6a-9b2d-7e1c0a3b4d5f'],
  ['coordinates', 'datacenter at 51.5072, -0.1276'],
  ['NINO-shaped ticket ref (invalid prefix)', 'ref QQ123456C'],
  ['NINO-shaped with banned prefix', 'batch GB123456A'],
  ['NINO-shaped with bad suffix', 'code AB123456Z'],
  ['scoped package with version', 'bumped @acme/incident-client@2.4.1 to 2.5.0'],
  ['at-mention', 'ping @oncall-dba and @sre-leads'],
  ['phone-length epoch', 'expires_at: 1798761600'],
  ['docker digest short', 'image api@sha256:2c26b46b68ff'],
  ['semver with build', 'v3.14.15+build.9265358979'],
  ['hex span ids', 'spans 00f067aa0ba902b7 -> 53995c3f42cd8ad8'],
  ['version quad', 'firmware 10.4.22.1930'],
  ['git describe', 'v2.41.0-118-g4e1b7c9'],
  ['prometheus sample', 'http_requests_total{code="500"} 9223372 1765029807000'],
  ['ISO week and counts', '2026-W49: 31 incidents, MTTR 47m'],
  ['decimal money', 'total 4321.98 USD over 1234 orders'],
];
for (const [why, text] of LOOKALIKE) addClean('clean-lookalike', why, text);

// Guard the clean rows: no issued-range SSN, no Luhn-valid 13-19 digit run starting 2-6, no valid IBAN.
for (const c of clean) {
  for (const m of c.text.matchAll(/\b(\d{3})[- ]?(\d{2})[- ]?(\d{4})\b/g)) {
    const [area, group, serial] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (area >= 1 && area <= 899 && area !== 666 && group >= 1 && serial >= 1 && /[- ]/.test(m[0]) && /ssn|social/i.test(c.text))
      throw new Error('clean row holds an issued-range SSN: ' + c.text);
  }
  for (const m of c.text.matchAll(/\d[\d -]{11,24}\d/g)) {
    const d = m[0].replace(/\D/g, '');
    for (let len = 13; len <= 19; len++)
      for (let s = 0; s + len <= d.length; s++) {
        const run = d.slice(s, s + len);
        if (/^[2-6]/.test(run) && luhnValid(run) && (s === 0 && len === d.length))
          throw new Error('clean row holds a Luhn-valid card number: ' + c.text);
      }
  }
  for (const m of c.text.matchAll(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}\b/g)) {
    if (ibanValid(m[0])) throw new Error('clean row holds a valid IBAN: ' + c.text);
  }
}
const cleanCounters = {};
for (const c of clean) {
  cleanCounters[c.category] = (cleanCounters[c.category] ?? 0) + 1;
  rows.push({ id: `pii3-${c.category}-${seq(cleanCounters[c.category])}`, category: c.category, label: 'clean', types: [], values: [], why: c.why, text: c.text });
}
writeFrozenJsonl('pii.jsonl', rows);
