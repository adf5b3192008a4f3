// Random value generators for the v10 guard sets. Lower-case slot names are non-secret
// surface (ids, hashes, times); upper-case names are the values a guard must remove.
import { DIGITS, UPPER, LOWER, ALNUM, luhnCheckDigit, makeIban, group4 } from '../v2/lib.mjs';

const HEX = '0123456789abcdef';
const B64 = UPPER + LOWER + DIGITS + '+/';
const B64URL = UPPER + LOWER + DIGITS + '-_';
const pad2 = (n) => String(n).padStart(2, '0');

export const b64 = (bytes) => Buffer.from(bytes).toString('base64');
const randBytes = (r, n) => Array.from({ length: n }, () => r.int(0, 255));
const b64url = (s) => Buffer.from(s).toString('base64url');

const USERS = ['mkowalski', 'asha.r', 'jdoe', 'lena', 'tomasz', 'priya', 'oscar.b', 'wei.chen', 'fatima', 'r.silva', 'nkim', 'ebrown'];
const FIRSTS = ['Amara', 'Jonas', 'Lucia', 'Ravi', 'Sofia', 'Tariq', 'Ingrid', 'Mateo', 'Yuki', 'Chloe', 'Dmitri', 'Aoife'];
const LASTS = ['Okafor', 'Lindqvist', 'Moreau', 'Iyer', 'Costa', 'Haddad', 'Berg', 'Navarro', 'Tanaka', 'Walsh', 'Petrov', 'Schmidt'];
const DOMAINS = ['example.com', 'acme.example', 'corp.example', 'shopco.example', 'northwind.example'];
const MAILDOMAINS = ['gmail.com', 'outlook.com', 'yahoo.fr', 'web.de', 'proton.me', 'hotmail.co.uk', 'acme-retail.com', 'kundenservice.de'];
const SVCS = ['checkout', 'ledger', 'ingest', 'search', 'auth', 'billing', 'exports', 'notifier', 'portal', 'payments'];
const REGIONS = ['eu-west-1', 'us-east-1', 'eu-central-1', 'ap-south-1', 'us-west-2'];

export function lowerSlots(r) {
  const hex = (n) => r.chars(HEX, n);
  const day = r.int(1, 6);
  // One clock per filled text, moving forward, so times inside a document are in order.
  let clock = r.int(0, 19 * 3600);
  const tick = () => (clock = Math.min(clock + r.int(3, 240), 86399));
  const hms = () => { const t = tick(); return `${pad2(Math.floor(t / 3600))}:${pad2(Math.floor(t / 60) % 60)}:${pad2(t % 60)}`; };
  const epoch = () => 1796000000 + r.int(0, 600000);
  const ip = () => r.pick([
    () => `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`,
    () => `172.${r.int(16, 31)}.${r.int(0, 255)}.${r.int(1, 254)}`,
    () => `192.168.${r.int(0, 255)}.${r.int(1, 254)}`,
    () => `203.0.113.${r.int(1, 254)}`,
    () => `198.51.100.${r.int(1, 254)}`,
  ])();
  const pem = (label, bodyLen) => `-----BEGIN ${label}-----\n` + b64(randBytes(r, bodyLen)).replace(/(.{64})/g, '$1\n').replace(/\n$/, '') + `\n-----END ${label}-----\n`;
  return {
    ts: () => `2026-12-0${day}T${hms()}.${String(r.int(0, 999)).padStart(3, '0')}Z`,
    hms, hm: () => hms().slice(0, 5),
    date: () => `2026-12-0${day}`,
    epoch, epochms: () => String(epoch()) + String(r.int(0, 999)).padStart(3, '0'),
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${r.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`,
    hex6: () => hex(6), hex7: () => hex(7), hex8: () => hex(8), hex12: () => hex(12), hex16: () => hex(16),
    hex32: () => hex(32), hex64: () => hex(64), sha: () => hex(40),
    b64id: () => r.chars(B64URL, 22),
    b64fp: () => b64(randBytes(r, 32)).replace(/=+$/, ''),
    b64long: () => b64(randBytes(r, 64)),
    cursor: () => b64url(JSON.stringify({ after: r.int(100000, 9999999), ts: epoch() })),
    certb64: () => b64(pem('CERTIFICATE', r.int(600, 800))),
    ip, port: () => r.int(1025, 65535),
    n: () => r.int(2, 999), n1: () => r.int(1, 9), n2: () => r.int(10, 99), n4: () => String(r.int(0, 9999)).padStart(4, '0'),
    nn: () => r.int(1000, 99999), ms: () => r.int(12, 9800), sec: () => `${r.int(0, 59)}.${r.int(100, 999)}`,
    ver: () => `${r.int(1, 9)}.${r.int(0, 30)}.${r.int(0, 40)}`,
    pod: () => `${r.pick(SVCS)}-${r.chars(LOWER + DIGITS, 10)}-${r.chars(LOWER + DIGITS, 5)}`,
    host: () => `ip-10-0-${r.int(0, 255)}-${r.int(1, 254)}`,
    acct: () => String(r.int(1, 9)) + r.chars(DIGITS, 11),
    region: () => r.pick(REGIONS), user: () => r.pick(USERS), first: () => r.pick(FIRSTS),
    domain: () => r.pick(DOMAINS), svc: () => r.pick(SVCS),
    lc5: () => r.chars(LOWER, 5), upper6: () => r.chars(UPPER, 6), upper8: () => r.chars(UPPER + DIGITS, 8),
    upper16: () => r.chars(UPPER + DIGITS, 16), alnum14: () => r.chars(ALNUM, 14), alnum24: () => r.chars(ALNUM, 24),
    colonhex: () => Array.from({ length: 32 }, () => r.chars('0123456789ABCDEF', 2)).join(':'),
    colonmac: () => Array.from({ length: 6 }, () => r.chars(HEX, 2)).join(':'),
    kuser: () => r.pick(['ingest-svc', 'orders-producer', 'analytics']),
  };
}

export function secretSlots(r) {
  const pwChars = ALNUM + '-_.*!+';
  const pw = () => {
    for (;;) {
      const s = r.pick(UPPER + LOWER) + r.chars(pwChars, r.int(13, 21));
      if (/\d/.test(s) && /[A-Z]/.test(s) && /[a-z]/.test(s)) return s;
    }
  };
  const pem = (label, prefix, bytes, headers = '') => {
    const body = prefix + b64(randBytes(r, bytes));
    return `-----BEGIN ${label}-----\n${headers}${body.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${label}-----`;
  };
  const jwt = () => {
    const header = b64url(JSON.stringify({ alg: 'RS256', kid: r.chars(ALNUM, 16), typ: 'JWT' }));
    const payload = b64url(JSON.stringify({ iss: 'https://kubernetes.default.svc', sub: 'system:serviceaccount:ci:deployer', exp: 1796000000 + r.int(0, 900000), jti: r.chars(ALNUM, 12) }));
    return `${header}.${payload}.${r.chars(B64URL, 86)}`;
  };
  const pkcs8 = () => pem('PRIVATE KEY', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 1180);
  return {
    PW: pw,
    AKID: () => 'AKIA' + r.chars(UPPER + '234567', 16),
    AWSSEC: () => r.chars(UPPER + LOWER + DIGITS + '+/', 40),
    GHP: () => 'ghp_' + r.chars(ALNUM, 36),
    GHPAT: () => 'github_pat_' + r.chars(ALNUM, 22) + '_' + r.chars(ALNUM, 59),
    GLPAT: () => 'glpat-' + r.chars(ALNUM + '-_', 20),
    NPM: () => 'npm_' + r.chars(ALNUM, 36),
    SLACKB: () => `xoxb-${r.chars(DIGITS, 12)}-${r.chars(DIGITS, 13)}-${r.chars(ALNUM, 24)}`,
    SLACKHOOK: () => `T${r.chars(UPPER + DIGITS, 10)}/B${r.chars(UPPER + DIGITS, 10)}/${r.chars(ALNUM, 24)}`,
    STRIPE: () => r.pick(['sk_live_', 'rk_live_']) + r.chars(ALNUM, r.pick([24, 99])),
    JWT: jwt,
    HEX32S: () => r.chars(HEX, 32), HEX40S: () => r.chars(HEX, 40), HEX64S: () => r.chars(HEX, 64),
    B64S: () => b64(randBytes(r, r.int(18, 33))),
    B64L: () => b64(pkcs8() + '\n'),
    GAPI: () => 'AIza' + r.chars(ALNUM + '-_', 35),
    SG: () => 'SG.' + r.chars(ALNUM + '-_', 22) + '.' + r.chars(ALNUM + '-_', 43),
    TWSK: () => 'SK' + r.chars(HEX, 32),
    OAI: () => 'sk-proj-' + r.chars(ALNUM + '-_', 74),
    DJANGO: () => r.chars(LOWER + DIGITS + '!@#%^&*(-_=+)', 50),
    DCKR: () => 'dckr_pat_' + r.chars(ALNUM + '-_', 27),
    AZKEY: () => b64(randBytes(r, 64)),
    BASIC: () => b64(`${r.pick(['ci', 'deploy', 'svc-export', 'jenkins'])}:${pw()}`),
    WPSALT: () => r.chars(ALNUM + '!@#$%^&*()-_=+[]{}<>~;:,.?/|', 64),
    VAULT: () => 'hvs.' + r.chars(ALNUM + '_-', 91),
    KEY_RSA: () => pem('RSA PRIVATE KEY', 'MIIEowIBAAKCAQEA', 1170),
    KEY_OPENSSH: () => pem('OPENSSH PRIVATE KEY', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW', 300),
    KEY_EC: () => pem('EC PRIVATE KEY', 'MHcCAQEEI', 110),
    KEY_PKCS8: pkcs8,
    KEY_PKCS8_ESC: () => pkcs8().replace(/\n/g, '\\n') + '\\n',
    KEY_ENC: () => pem('ENCRYPTED PRIVATE KEY', 'MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI', 1250),
  };
}

// ---------- personal data ----------
const IBAN_BBAN = {
  DE: 'n18', FR: 'n10c11n2', GB: 'a4n14', ES: 'n20', IT: 'a1n10c12', NL: 'a4n10', BE: 'n12', AT: 'n16', CH: 'n5c12',
  PL: 'n24', PT: 'n21', IE: 'a4n14', SE: 'n20', LU: 'n3c13', DK: 'n14', FI: 'n14', NO: 'n11', CZ: 'n20',
};
const BANKS = { GB: ['NWBK', 'BARC', 'LOYD', 'HBUK'], IE: ['AIBK', 'BOFI'], NL: ['ABNA', 'INGB', 'RABO'], IT: ['X'] };
export const IBAN_COUNTRIES = Object.keys(IBAN_BBAN);

export function bban(r, cc) {
  let out = '';
  const spec = IBAN_BBAN[cc];
  for (const [, kind, len] of spec.matchAll(/([anc])(\d+)/g)) {
    const n = Number(len);
    if (kind === 'n') out += r.chars(DIGITS, n);
    else if (kind === 'a') out += BANKS[cc] && n === 4 ? r.pick(BANKS[cc]) : r.chars(UPPER, n);
    else out += r.chars(UPPER + DIGITS, n);
  }
  return out;
}

export function iban(r, cc) {
  const country = cc ?? r.pick(IBAN_COUNTRIES);
  return makeIban(country, bban(r, country));
}

export function ssn(r) {
  let area;
  do area = r.int(1, 899); while (area === 666);
  return [String(area).padStart(3, '0'), pad2(r.int(1, 99)), String(r.int(1, 9999)).padStart(4, '0')];
}

const CARD_PREFIX = {
  visa: () => ['4', 16], mastercard: (r) => r.pick([[String(r.int(51, 55)), 16], [String(r.int(2221, 2720)), 16]]),
  amex: (r) => [r.pick(['34', '37']), 15], discover: (r) => [r.pick(['6011', '65', '644']), 16],
  jcb: (r) => [String(r.int(3528, 3589)), 16], diners: () => ['36', 14],
  unionpay: (r) => ['62' + r.int(2, 8), r.pick([16, 19])], maestro: (r) => [r.pick(['6759', '5018', '6304']), r.pick([16, 19])],
};
export const CARD_BRANDS = Object.keys(CARD_PREFIX);

export function cardDigits(r, brand) {
  const [prefix, len] = CARD_PREFIX[brand](r);
  const partial = prefix + r.chars(DIGITS, len - prefix.length - 1);
  return partial + luhnCheckDigit(partial);
}

export function groupCard(d, sep) {
  if (d.length === 15) return [d.slice(0, 4), d.slice(4, 10), d.slice(10)].join(sep);
  if (d.length === 14) return [d.slice(0, 4), d.slice(4, 10), d.slice(10)].join(sep);
  return d.replace(/(.{4})/g, '$1' + sep).replace(new RegExp(`\\${sep}$`), '');
}

export function phone(r, cc) {
  const d = (n) => r.chars(DIGITS, n);
  const us = () => { const a = `${r.int(2, 9)}${d(2)}`, e = `${r.int(2, 9)}${d(2)}`, l = d(4); return r.pick([`+1${a}${e}${l}`, `(${a}) ${e}-${l}`, `${a}-${e}-${l}`, `${a}.${e}.${l}`, `+1 ${a}-${e}-${l}`, `+1 (${a}) ${e} ${l}`]); };
  const uk = () => r.pick([
    () => { const x = `900${d(3)}`; return r.pick([`+44 7700 ${x}`, `07700 ${x}`, `+447700${x}`, `0044 7700 ${x}`]); },
    () => { const x = `0${d(3)}`; return r.pick([`+44 (0)20 7946 ${x}`, `020 7946 ${x}`, `+44 20 7946 ${x}`]); },
    () => { const x = `0${d(3)}`; return r.pick([`0161 496 ${x}`, `+44 161 496 ${x}`]); },
  ])();
  const de = () => r.pick([
    () => { const x = d(8); return r.pick([`+49 30 ${x}`, `030 ${x}`, `030/${x}`, `0049 30 ${x}`]); },
    () => { const p = r.pick(['151', '160', '171', '176']), x = d(7); return r.pick([`+49 ${p} ${x}`, `0${p} ${x}`, `0${p}/${x}`, `+49 (0)${p} ${x}`, `+49${p}${x}`]); },
    () => { const x = d(7); return r.pick([`+49 89 ${x}`, `089 ${x}`]); },
  ])();
  const fr = () => { const p = r.pick(['6', '7', '1', '4']), g = [d(2), d(2), d(2), d(2)]; return r.pick([`+33 ${p} ${g.join(' ')}`, `0${p} ${g.join(' ')}`, `0${p}.${g.join('.')}`, `+33${p}${g.join('')}`, `0033 ${p} ${g.join(' ')}`]); };
  const ind = () => { const a = `${r.int(6, 9)}${d(4)}`, b = d(5); return r.pick([`+91 ${a} ${b}`, `+91-${a}${b}`, `0${a} ${b}`, `+91${a}${b}`]); };
  const other = () => r.pick([
    () => `+31 6 ${d(8)}`, () => `06-${d(8)}`, () => `+34 6${d(2)} ${d(3)} ${d(3)}`, () => `+61 4${d(2)} ${d(3)} ${d(3)}`,
    () => `04${d(2)} ${d(3)} ${d(3)}`, () => `+81 90-${d(4)}-${d(4)}`, () => `090-${d(4)}-${d(4)}`,
    () => `+55 11 9${d(4)}-${d(4)}`, () => `+39 3${d(2)} ${d(3)} ${d(4)}`, () => `+353 8${r.int(3, 9)} ${d(3)} ${d(4)}`,
    () => `+65 ${r.pick(['8', '9'])}${d(3)} ${d(4)}`,
  ])();
  const by = { us, uk, de, fr, in: ind, other };
  return (by[cc] ?? by[r.pick(Object.keys(by))])();
}

export function email(r) {
  const f = r.pick(FIRSTS).toLowerCase(), l = r.pick(LASTS).toLowerCase();
  const local = r.pick([`${f}.${l}`, `${f[0]}.${l}`, `${f}${l}${r.int(1, 99)}`, `${f}_${l}`, `${f}+orders`, `${l}.${f}`]);
  return `${local}@${r.pick(MAILDOMAINS)}`;
}

export function nino(r) {
  const first = 'ABCEGHJKLMNOPRSTWXYZ', second = 'ABCEGHJKLMNPRSTWXYZ';
  let p;
  do p = r.pick(first) + r.pick(second); while (['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(p));
  return [p, r.chars(DIGITS, 6), r.pick('ABCD')];
}

export { group4 };
