// Builds pii.jsonl: hand-written contexts holding structured personal data (label "pii",
// with `types` and the exact `values` that must disappear) and look-alike text that must
// stay untouched (label "clean"). Values are generated here with a seeded PRNG so the
// checksums are exact: SSNs in valid ranges only, IBANs with mod-97 check digits, card
// numbers with a valid Luhn digit. The script asserts the clean rows hold none of them.
import { assignSplits, writeJsonl, rng, makeIban, ibanValid, luhnCheckDigit, luhnValid, group4, DIGITS, UPPER } from './lib.mjs';

const r = rng(20261206);
const rows = [];
const seq = {};
function pii(category, types, text, values) {
  for (const v of values) if (!text.includes(v)) throw new Error(`value ${v} not in ${text}`);
  seq[category] = (seq[category] ?? 0) + 1;
  rows.push({ id: `pii-${category}-${String(seq[category]).padStart(3, '0')}`, category, label: 'pii', types, values, text });
}
/** Clean rows are drawn until they hold nothing a correct redactor should remove. */
function clean(category, why, produce) {
  let text;
  for (let tries = 0; ; tries++) {
    text = typeof produce === 'function' ? produce() : produce;
    if (!looksSensitive(text)) break;
    if (typeof produce !== 'function' || tries > 50) throw new Error('clean row holds sensitive data: ' + text);
  }
  seq[category] = (seq[category] ?? 0) + 1;
  rows.push({ id: `pii-${category}-${String(seq[category]).padStart(3, '0')}`, category, label: 'clean', why, types: [], values: [], text });
}
function looksSensitive(text) {
  for (const m of text.matchAll(/\b(\d{3})-(\d{2})-(\d{4})\b/g)) {
    const [a, g, s] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (a !== 0 && a !== 666 && a < 900 && g !== 0 && s !== 0) return true;
  }
  for (const m of text.matchAll(/\d(?:[ -]?\d){12,18}/g)) {
    const digits = m[0].replace(/\D/g, '');
    for (let len = 13; len <= 19; len++)
      for (let i = 0; i + len <= digits.length; i++) {
        const run = digits.slice(i, i + len);
        if (/^[2-6]/.test(run) && luhnValid(run)) return true;
      }
  }
  for (const m of text.matchAll(/[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}/g)) {
    const compact = m[0].replace(/ /g, '');
    for (let len = 15; len <= compact.length; len++) if (ibanValid(compact.slice(0, len))) return true;
  }
  return false;
}
const fill = (tpl, v) => tpl.replaceAll('{v}', v);

// ------------------------------------------------------------------ generators
function ssnParts() {
  let area;
  do area = r.int(1, 899); while (area === 666);
  return [String(area).padStart(3, '0'), String(r.int(1, 99)).padStart(2, '0'), String(r.int(1, 9999)).padStart(4, '0')];
}
function ssn(style) {
  const [a, g, s] = ssnParts();
  return style === 'space' ? `${a} ${g} ${s}` : style === 'none' ? `${a}${g}${s}` : `${a}-${g}-${s}`;
}
const nums = (n) => r.chars(DIGITS, n);
const alnum = (n) => r.chars(UPPER + DIGITS, n);
const alpha = (n) => r.chars(UPPER, n);
const IBAN_FORMATS = {
  DE: () => nums(18), GB: () => alpha(4) + nums(14), FR: () => nums(23), ES: () => nums(20), IT: () => alpha(1) + nums(10) + nums(12),
  NL: () => alpha(4) + nums(10), BE: () => nums(12), CH: () => nums(5) + nums(12), AT: () => nums(16), PL: () => nums(24),
  PT: () => nums(21), IE: () => alpha(4) + nums(14), SE: () => nums(20), DK: () => nums(14), NO: () => nums(11), FI: () => nums(14),
  LU: () => nums(3) + nums(13), CZ: () => nums(20), RO: () => alpha(4) + nums(16), GR: () => nums(7) + nums(16), SA: () => nums(2) + nums(18),
  AE: () => nums(19), TR: () => nums(6) + nums(16), BR: () => nums(23) + alpha(1) + nums(1), HU: () => nums(24), HR: () => nums(17),
  SK: () => nums(20), EE: () => nums(16), LT: () => nums(16), LV: () => alpha(4) + nums(13), SI: () => nums(15), IS: () => nums(22), IL: () => nums(19),
  MT: () => alpha(4) + nums(5) + nums(18), CY: () => nums(8) + nums(16), QA: () => alpha(4) + nums(21), KW: () => alpha(4) + nums(22),
};
function iban(country) {
  return makeIban(country, IBAN_FORMATS[country]());
}
const CARD = {
  visa: () => ['4' + nums(14), 16],
  mastercard: () => [r.pick(['51', '52', '53', '54', '55']) + nums(13), 16],
  mastercard2: () => [String(r.int(2221, 2720)) + nums(11), 16],
  amex: () => [r.pick(['34', '37']) + nums(12), 15],
  discover: () => [r.pick(['6011' + nums(11), '65' + nums(13), String(r.int(644, 649)) + nums(12)]), 16],
  jcb: () => [String(r.int(3528, 3589)) + nums(11), 16],
  diners: () => [r.pick(['36', '38']) + nums(11), 14],
  unionpay: () => ['62' + nums(13), 16],
  unionpay19: () => ['62' + nums(16), 19],
  maestro: () => [r.pick(['6759', '6761', '5018']) + nums(11), 16],
};
function card(network, sep) {
  const [partial] = CARD[network]();
  const n = partial + luhnCheckDigit(partial);
  if (sep === undefined) return n;
  if (n.length === 15) return [n.slice(0, 4), n.slice(4, 10), n.slice(10)].join(sep);
  if (n.length === 14) return [n.slice(0, 4), n.slice(4, 10), n.slice(10)].join(sep);
  if (n.length === 19) return [n.slice(0, 4), n.slice(4, 8), n.slice(8, 12), n.slice(12, 16), n.slice(16)].join(sep);
  return n.replace(/(\d{4})(?=\d)/g, `$1${sep}`);
}
const NINO_FIRST = 'ABCEGHJKLMNOPRSTWXYZ'.split('');
const NINO_SECOND = 'ABCEGHJKLMNPRSTWXYZ'.split('');
function nino(style) {
  let p;
  do p = r.pick(NINO_FIRST) + r.pick(NINO_SECOND); while (['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(p));
  const d = nums(6);
  const s = r.pick(['A', 'B', 'C', 'D']);
  if (style === 'spaced') return `${p} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)} ${s}`;
  if (style === 'lower') return `${p}${d}${s}`.toLowerCase();
  return `${p}${d}${s}`;
}
const d4 = () => nums(4);
const PHONES = [
  () => `+1 ${r.pick(['212', '415', '312', '617', '206', '512'])} ${r.int(201, 989)} ${d4()}`,
  () => `+1${r.pick(['646', '303', '404', '702'])}${r.int(201, 989)}${d4()}`,
  () => `(${r.pick(['415', '718', '213', '305'])}) ${r.int(201, 989)}-${d4()}`,
  () => `${r.pick(['312', '206', '617'])}-${r.int(201, 989)}-${d4()}`,
  () => `${r.pick(['503', '720', '919'])}.${r.int(201, 989)}.${d4()}`,
  () => `1-${r.pick(['800', '888', '877'])}-${r.int(201, 989)}-${d4()}`,
  () => `+1-${r.pick(['347', '929'])}-${r.int(201, 989)}-${d4()}`,
  () => `+44 20 7946 0${nums(3)}`,
  () => `020 7946 0${nums(3)}`,
  () => `+44 (0)161 496 0${nums(3)}`,
  () => `07700 900${nums(3)}`,
  () => `+447700900${nums(3)}`,
  () => `0044 7911 ${nums(6)}`,
  () => `0113 496 0${nums(3)}`,
  () => `+49 30 ${nums(8)}`,
  () => `030 ${nums(4)} ${nums(4)}`,
  () => `+49 (0)89 ${nums(7)}`,
  () => `0151 ${nums(8)}`,
  () => `+49 171 ${nums(3)} ${nums(4)}`,
  () => `089/${nums(7)}`,
  () => `+49-40-${nums(8)}`,
  () => `+33 1 ${nums(2)} ${nums(2)} ${nums(2)} ${nums(2)}`,
  () => `01 ${nums(2)} ${nums(2)} ${nums(2)} ${nums(2)}`,
  () => `06.${nums(2)}.${nums(2)}.${nums(2)}.${nums(2)}`,
  () => `+33 6 ${nums(2)} ${nums(2)} ${nums(2)} ${nums(2)}`,
  () => `+337${nums(8)}`,
  () => `0033 4 ${nums(2)} ${nums(2)} ${nums(2)} ${nums(2)}`,
  () => `+91 9${nums(4)} ${nums(5)}`,
  () => `+91-8${nums(9)}`,
  () => `09${nums(4)} ${nums(5)}`,
  () => `+91 22 ${nums(4)} ${nums(4)}`,
  () => `080-${nums(4)} ${nums(4)}`,
  () => `+917${nums(9)}`,
  () => `+31 20 ${nums(3)} ${nums(4)}`,
  () => `06-${nums(8)}`,
  () => `+34 6${nums(2)} ${nums(3)} ${nums(3)}`,
  () => `+61 2 ${nums(4)} ${nums(4)}`,
  () => `04${nums(2)} ${nums(3)} ${nums(3)}`,
  () => `+81 3-${nums(4)}-${nums(4)}`,
  () => `090-${nums(4)}-${nums(4)}`,
  () => `+55 11 9${nums(4)}-${nums(4)}`,
  () => `+39 06 ${nums(4)} ${nums(4)}`,
  () => `+353 1 ${nums(3)} ${nums(4)}`,
  () => `+65 6${nums(3)} ${nums(4)}`,
];
const FIRST = ['maria', 'j.smith', 'priya.nair', 'tom', 'lena.mueller', 'r.okafor', 'chen.wei', 'sofia', 'ahmed.k', 'dana_w', 'yuki.tanaka', 'pierre.dubois', 'olga', 'mike+alerts', 'ana.souza', 'k.ivanova', 'jp', 'billing', 'hannah.o-neill', 'x.garcia'];
const DOMAINS = ['gmail.com', 'acme-corp.com', 'example.org', 'mail.customer-b.io', 'outlook.de', 'yahoo.co.uk', 'company.fr', 'proton.me', 'startup.in', 'bigbank.com.br', 'uni-hamburg.de', 'dept.gov.example'];
function email() {
  const e = `${r.pick(FIRST)}${r.next() < 0.3 ? r.int(1, 99) : ''}@${r.pick(DOMAINS)}`;
  return r.next() < 0.1 ? e.replace(/^./, (c) => c.toUpperCase()) : e;
}

// ------------------------------------------------------------------ contexts (hand-written)
const SSN_CTX = [
  'Customer called in, verified identity with SSN {v} before we reset MFA.',
  'payroll-sync ERROR row 1182 rejected: employee_ssn={v} duplicate key',
  'Ticket 55120: user pasted their social security number ({v}) into the chat widget, please scrub.',
  'SSN: {v}',
  'Found in the export job log: {"name":"R. Alvarez","ssn":"{v}","state":"TX"}',
  'The W-2 PDF for tax id {v} failed to render during the batch.',
  'applicant ssn {v} dob 1984-03-02 status=pending_review',
  'Can you check why the KYC vendor rejected {v}? It looks like a valid SSN to me.',
  'Escalation from HR: a spreadsheet with SSNs (e.g. {v}) was attached to the incident by mistake.',
  '| 4471 | Jordan Lee | {v} | benefits |',
  'WARN kyc-check: mismatch for SSN {v} (name does not match records)',
  'Social Security No. {v} was visible in the debug log of the onboarding service.',
  'ssn={v}&dob=1990-07-14&zip=94107',
  'From the customer email: "my SSN is {v}, please fix my account today"',
];
const IBAN_CTX = [
  'Refund failed for IBAN {v}: beneficiary bank unreachable.',
  'payout-job ERROR SEPA credit transfer rejected (AC01) iban={v}',
  'Customer asked us to update their bank details to {v}.',
  'IBAN: {v}',
  'Settlement row: 2026-11-30;ACME GmbH;{v};1.240,00 EUR',
  '{"beneficiary":"Dubois SARL","iban":"{v}","amount":"880.00","currency":"EUR"}',
  'Bitte überweisen Sie den Betrag auf {v}.',
  'Please pay the invoice to the account {v} by Friday.',
  'mandate MNDT-88123 debtor account {v} status=revoked',
  '| Vendor | IBAN |\n|---|---|\n| Fiber Services | {v} |',
  'The direct-debit batch choked on account {v} (invalid mandate).',
  'Transferencia rechazada a la cuenta {v}.',
];
const PHONE_CTX = [
  'Call the customer back on {v} once the fix is out.',
  'Reporter: Dana Whitfield, phone {v}',
  'On-call escalation contact for the DC vendor: {v} (24/7).',
  'sms-gateway WARN delivery failed to={v} code=30003',
  'Tel. {v}',
  'The user left a voicemail from {v} about the failed payment.',
  'Bridge dial-in: {v}, PIN 448812#',
  '{"user_id":88123,"phone":"{v}","verified":true}',
  'Please text me on {v} if it gets worse, my laptop is dead.',
  'Contact: Pierre, mobile {v}',
  'Kunde bittet um Rückruf unter {v}.',
  'Rappeler le client au {v} après 14h.',
  'twilio: outbound call to {v} completed, duration 42s',
  '| Escalation | {v} | after 30 min |',
  'Customer support line shown on the error page: {v}',
];
const CARD_CTX = [
  'payment-api DEBUG charge request pan={v} exp=09/28 amount=49.00',
  'Customer read their card number over the chat: {v}',
  'Card: {v}',
  'Refund for card {v} stuck in pending since Monday.',
  '{"card_number":"{v}","cvc":"***","brand":"auto"}',
  'Someone pasted a full PAN into #incidents: {v}. Please purge.',
  'Declined: {v} (issuer unavailable)',
  'The checkout form logged cc={v} in plain text on web-3.',
  'Zahlung mit Karte {v} fehlgeschlagen.',
  'test transaction failed with real card {v}?? who used a real card in staging',
];
const EMAIL_CTX = [
  'Reported by {v} via the support widget.',
  'mailer ERROR bounce for {v}: 550 mailbox unavailable',
  'Please loop in {v} for the customer call.',
  '{"event":"password_reset","email":"{v}","ip":"10.2.0.14"}',
  'From: {v}',
  'User {v} cannot log in since the SSO change.',
  'cc {v} on the postmortem.',
  'Die Beschwerde kam von {v}.',
  '| Contact | {v} |',
  'notification queue: to=<{v}> status=deferred (4.2.1)',
];
const NINO_CTX = [
  'HMRC submission failed for employee NI number {v}.',
  'NINO: {v}',
  'payroll-uk WARN duplicate national_insurance={v} in batch 2026-11',
  'The caller gave her National Insurance number, {v}, to verify the account.',
  '{"employee":"S. Patel","ni_number":"{v}","tax_code":"1257L"}',
  'RTI error: NI number {v} does not match the name held.',
  '| 0093 | A. Brown | {v} |',
];

// ------------------------------------------------------------------ pii rows
const ssnStyles = ['dash', 'dash', 'dash', 'space', 'none'];
for (let i = 0; i < 42; i++) {
  const style = ssnStyles[i % ssnStyles.length];
  const ctx = style === 'none' ? r.pick(SSN_CTX.filter((c) => /ssn|social/i.test(c))) : SSN_CTX[i % SSN_CTX.length];
  const v = ssn(style);
  pii('us_ssn', ['us_ssn'], fill(ctx, v), [v]);
}
const countries = Object.keys(IBAN_FORMATS);
for (let i = 0; i < 46; i++) {
  const c = countries[i % countries.length];
  const raw = iban(c);
  if (!ibanValid(raw)) throw new Error('bad iban ' + raw);
  const v = i % 3 === 1 ? raw : group4(raw);
  pii('iban', ['iban'], fill(IBAN_CTX[i % IBAN_CTX.length], v), [v]);
}
for (let i = 0; i < PHONES.length * 1 + 22; i++) {
  const v = PHONES[i % PHONES.length]();
  pii('phone', ['phone'], fill(PHONE_CTX[i % PHONE_CTX.length], v), [v]);
}
const networks = Object.keys(CARD);
const seps = [undefined, ' ', '-', ' ', undefined];
for (let i = 0; i < 44; i++) {
  const v = card(networks[i % networks.length], seps[i % seps.length]);
  if (!luhnValid(v)) throw new Error('bad card');
  pii('credit_card', ['credit_card'], fill(CARD_CTX[i % CARD_CTX.length], v), [v]);
}
for (let i = 0; i < 24; i++) {
  const v = email();
  pii('email', ['email'], fill(EMAIL_CTX[i % EMAIL_CTX.length], v), [v]);
}
const ninoStyles = ['plain', 'spaced', 'plain', 'spaced', 'lower'];
for (let i = 0; i < 22; i++) {
  const v = nino(ninoStyles[i % ninoStyles.length]);
  pii('uk_nino', ['uk_nino'], fill(NINO_CTX[i % NINO_CTX.length], v), [v]);
}
// Several kinds in one text.
{
  const mixed = [
    () => { const e = email(), p = PHONES[r.int(0, PHONES.length - 1)](); return [`Reporter ${e}, callback ${p}, says checkout fails at the payment step.`, ['email', 'phone'], [e, p]]; },
    () => { const s = ssn('dash'), e = email(); return [`kyc-worker ERROR verify failed email=${e} ssn=${s} reason=name_mismatch`, ['email', 'us_ssn'], [e, s]]; },
    () => { const c = card('visa', ' '), p = PHONES[r.int(0, 6)](); return [`Customer at ${p} read out card ${c} to the agent during the outage.`, ['phone', 'credit_card'], [p, c]]; },
    () => { const ib = group4(iban('FR')), e = email(); return [`Remboursement à effectuer sur ${ib}, confirmation à ${e}.`, ['iban', 'email'], [ib, e]]; },
    () => { const n = nino('spaced'), p = PHONES[r.int(7, 13)](); return [`UK caller, NI ${n}, mobile ${p}, wants a copy of their data.`, ['uk_nino', 'phone'], [n, p]]; },
    () => { const ib = iban('DE'), c = card('mastercard', '-'), e = email(); return [`{"customer":{"email":"${e}","iban":"${ib}","card":"${c}"}}`, ['email', 'iban', 'credit_card'], [e, ib, c]]; },
    () => { const p1 = PHONES[r.int(27, 32)](), p2 = PHONES[r.int(14, 20)](); return [`Escalation contacts: India office ${p1}, Berlin office ${p2}.`, ['phone'], [p1, p2]]; },
    () => { const s = ssn('dash'), c = card('amex', ' '); return [`applicant,${s},${c},approved`, ['us_ssn', 'credit_card'], [s, c]]; },
  ];
  for (let i = 0; i < 24; i++) {
    const [t, types, values] = mixed[i % mixed.length]();
    pii('mixed', types, t, values);
  }
}

// ------------------------------------------------------------------ clean rows
const hex = (n) => r.chars('0123456789abcdef', n);
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${r.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
const ip = () => `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
const ts = () => `2026-11-${String(r.int(1, 30)).padStart(2, '0')}T${String(r.int(0, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}.${nums(3)}Z`;
const LOGS = [
  () => `${ts()} INFO  request_id=${uuid()} method=GET path=/v2/orders status=200 latency_ms=${r.int(3, 4000)}`,
  () => `${ts()} ERROR trace_id=${hex(32)} span_id=${hex(16)} upstream=card-processor status=502 attempt=${r.int(1, 5)}/5`,
  () => `traceparent: 00-${hex(32)}-${hex(16)}-01`,
  () => `deploy checkout-api v4.${r.int(1, 30)}.${r.int(0, 9)} sha=${hex(40)} by pipeline #${r.int(10000, 99999)}`,
  () => `image: registry.internal/payments/api@sha256:${hex(64)}`,
  () => `${ip()} - - [30/Nov/2026:11:02:10 +0000] "GET /healthz HTTP/1.1" 200 ${r.int(2, 900)} "-" "kube-probe/1.29"`,
  () => `listening on 0.0.0.0:${r.pick([8080, 8443, 9090, 5432, 6379, 27017, 3000])} pid=${r.int(100, 65000)}`,
  () => `order ORD-2026-${nums(6)} state=paid total=129.90 EUR items=3`,
  () => `job nightly-db-backup exec ${r.int(80000, 99999)} finished in ${r.int(60, 5000)}s, dump size ${r.int(1, 900)}.${r.int(0, 9)} GiB`,
  () => `Pod payments-api-${hex(10)}-${r.chars('bcdfghjklmnpqrstvwxz2456789', 5)} Back-off restarting failed container, restarts=${r.int(1, 40)}`,
  () => `aws request id ${uuid().toUpperCase()} for arn:aws:iam::${nums(12)}:role/deploy-bot`,
  () => `epoch_ms=${r.int(1764000000000, 1764999999999)} gc_pause_us=${r.int(100, 90000)} heap_mb=${r.int(100, 4000)}`,
  () => `commit ${hex(7)} Merge pull request #${r.int(1000, 9999)} from acme/fix-retry-storm`,
  () => `kafka: topic=orders-events partition=${r.int(0, 47)} offset=${r.int(1000000, 999999999)} lag=${r.int(0, 2000000)}`,
  () => `disk /dev/nvme0n1p1 used ${r.int(50, 99)}% (${r.int(10, 900)}G of 1000G) inode usage ${r.int(1, 99)}%`,
  () => `ipv6 peer [2001:db8:${hex(4)}::${hex(3)}]:${r.int(1024, 65535)} connection reset`,
  () => `sent ${r.int(1000000, 99999999)} bytes, received ${r.int(1000, 9999999)} bytes, ${r.int(1, 999)}.${r.int(10, 99)} kB/s`,
  () => `version 5.${r.int(0, 20)}.${r.int(0, 20)}-rc.${r.int(1, 5)}+build.${nums(8)}`,
  () => `Rundeck execution ${r.int(80000, 99999)} node=web-${r.int(1, 12)} elapsed=00:${String(r.int(0, 59)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')} exit=0`,
  () => `PagerDuty incident Q${alnum(13)} triggered, dedup_key=${hex(32)}`,
  () => `slow query: duration ${r.int(1000, 60000)}.${nums(3)} ms rows=${r.int(1, 9000000)} SELECT id FROM events WHERE tenant_id = ${r.int(1, 9999)}`,
  () => `Zendesk ticket #${r.int(10000, 99999)} merged into #${r.int(10000, 99999)}`,
  () => `invoice INV-${nums(4)}-${nums(6)} amount 1,240.00 due 2026-12-31`,
  () => `tracking number 1Z${alnum(6)}${nums(10)} delivered`,
  () => `checksum crc32=${hex(8)} md5=${hex(32)}`,
  () => `uptime 34 days, 4:12, load average: 0.${r.int(10, 99)}, 0.${r.int(10, 99)}, 0.${r.int(10, 99)}`,
  () => `slack message ts=${r.int(1764000000, 1764999999)}.${nums(6)} channel=C0${alnum(8)}`,
  () => `build #${r.int(100, 9999)} took 3m${r.int(0, 59)}s, cache hit ratio ${r.int(10, 99)}.${r.int(0, 9)}%`,
];
for (let i = 0; i < 70; i++) clean('clean-log', 'ids, hashes, versions, timestamps, ports, IPs, counts', LOGS[i % LOGS.length]);

// Invalid SSNs (never issued: area 000, 666 or 9xx, group 00, serial 0000).
const badSsn = [
  () => `000-${String(r.int(1, 99)).padStart(2, '0')}-${String(r.int(1, 9999)).padStart(4, '0')}`,
  () => `666-${String(r.int(1, 99)).padStart(2, '0')}-${String(r.int(1, 9999)).padStart(4, '0')}`,
  () => `9${nums(2)}-${String(r.int(1, 99)).padStart(2, '0')}-${String(r.int(1, 9999)).padStart(4, '0')}`,
  () => `${String(r.int(1, 665)).padStart(3, '0')}-00-${String(r.int(1, 9999)).padStart(4, '0')}`,
  () => `${String(r.int(1, 665)).padStart(3, '0')}-${String(r.int(1, 99)).padStart(2, '0')}-0000`,
];
const BAD_SSN_CTX = [
  'part number {v} restocked in warehouse B',
  'test fixture uses placeholder SSN {v}, which is never issued',
  'route {v} closed for maintenance',
  'ref {v} in the vendor quote',
  'validation correctly rejected ssn={v} (invalid range)',
  'batch label {v} printed',
];
for (let i = 0; i < 20; i++) clean('clean-invalid-ssn', 'SSN-shaped but in a range never issued', () => fill(BAD_SSN_CTX[i % BAD_SSN_CTX.length], badSsn[i % badSsn.length]()));

// Card-shaped numbers whose Luhn check fails.
const LUHN_CTX = [
  'shipment {v} left the depot',
  'gift card serial {v} (not a payment card)',
  'legacy account ref {v} migrated',
  'card-validator rejected {v}: checksum failed',
  'barcode {v} scanned at gate 3',
];
for (let i = 0; i < 20; i++) clean('clean-luhn-fail', 'card-shaped, Luhn check fails', () => {
  const good = card(networks[i % networks.length]);
  const last = Number(good.at(-1));
  const bad = good.slice(0, -1) + String((last + r.int(1, 9)) % 10);
  const v = i % 3 === 0 ? bad.replace(/(\d{4})(?=\d)/g, '$1 ') : bad;
  if (luhnValid(v)) throw new Error('luhn should fail');
  return fill(LUHN_CTX[i % LUHN_CTX.length], v);
});

// IBAN-shaped strings with a wrong check.
const BAD_IBAN_CTX = [
  'payout rejected: {v} failed IBAN checksum validation',
  'sample value from the docs: {v} (checksum deliberately wrong)',
  'IBAN field contained {v}, which does not validate; asked customer to re-enter',
  'fixture iban_invalid = "{v}"',
];
for (let i = 0; i < 20; i++) clean('clean-bad-iban', 'IBAN-shaped, mod-97 check fails', () => {
  const good = iban(countries[(i * 7) % countries.length]);
  const check = Number(good.slice(2, 4));
  const badCheck = String(((check - 2 + r.int(1, 94)) % 97) + 2).padStart(2, '0');
  const bad = good.slice(0, 2) + badCheck + good.slice(4);
  return fill(BAD_IBAN_CTX[i % BAD_IBAN_CTX.length], i % 2 ? group4(bad) : bad);
});

// Identifiers and numbers that look like phone numbers or SSNs to a careless pattern.
const LOOKALIKE = [
  () => `uuid ${uuid()}`,
  () => `span ${hex(16)} parent ${hex(16)}`,
  () => `duration 0:${String(r.int(0, 59)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}.${nums(6)}`,
  () => `date range 2026-11-01..2026-11-30, ${r.int(100, 999)} incidents`,
  () => `version 10.${r.int(0, 99)}.${r.int(0, 999)}.${r.int(1000, 9999)}`,
  () => `timestamp ${r.int(1764000000, 1764999999)} (unix seconds)`,
  () => `AS${r.int(1000, 64000)} prefix 203.0.113.0/24 withdrawn`,
  () => `lat 48.${nums(6)}, lon 2.${nums(6)}`,
  () => `ratio ${r.int(1, 9)}.${nums(9)}`,
  () => `k8s resourceVersion=${r.int(10000000, 99999999)} generation=${r.int(1, 99)}`,
];
for (let i = 0; i < 20; i++) clean('clean-lookalike', 'ids and numbers that are not personal data', LOOKALIKE[i % LOOKALIKE.length]);

const out = assignSplits(rows);
const counts = writeJsonl('pii.jsonl', out);
console.log(JSON.stringify(counts, null, 1));
