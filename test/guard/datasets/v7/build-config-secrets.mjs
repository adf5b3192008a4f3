// Builds config-secrets.jsonl (v7) from the hand-written templates in text-config.mjs.
// The script only fills in values: random secrets (never real credentials) and random
// non-secret fillers (ids, digests, IPs); every secret value is checked to be in its row.
import { writeFrozen, counter, check, rng, ALNUM, UPPER, DIGITS, LOWER } from './common.mjs';
import { SECRET_TEMPLATES, BENIGN_TEMPLATES } from './text-config.mjs';
import { luhnValid, ibanValid } from './common.mjs';

// Benign rows must also pass a personal-data redactor untouched: no Luhn-valid 13-19 digit
// run starting 2-6, no issued-range SSN pattern, no valid IBAN, no e-mail address.
function piiFree(text) {
  for (const m of text.matchAll(/\d{13,19}/g)) if (/^[2-6]/.test(m[0]) && luhnValid(m[0])) return false;
  for (const m of text.matchAll(/(?<![\d.])(\d{3})-(\d{2})-(\d{4})(?![\d.])/g)) {
    const a = Number(m[1]);
    if (a > 0 && a < 900 && a !== 666 && m[2] !== '00' && m[3] !== '0000') return false;
  }
  for (const m of text.matchAll(/\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b/g)) if (ibanValid(m[0])) return false;
  return !/[\w.+-]+@[\w-]+(\.[\w-]+)*\.[a-z]{2,}\b/i.test(text);
}

const r = rng(0x7c0f1d);
const HEX = '0123456789abcdef';
const B64 = ALNUM + '+/';
const B64URL = ALNUM + '-_';
const b64 = (s) => Buffer.from(s).toString('base64');
const b64url = (s) => Buffer.from(s).toString('base64url');
const WORDS = ['Harbor', 'Lantern', 'Copper', 'Falcon', 'Maple', 'Orbit', 'Saffron', 'Glacier', 'Tundra', 'Velvet', 'Quartz', 'Meadow', 'Cobalt', 'Pepper', 'Summit'];

function pemBody(prefix, total, width) {
  const body = prefix + r.chars(B64, total - prefix.length);
  const lines = body.match(new RegExp(`.{1,${width}}`, 'g'));
  return lines.join('\n');
}
function pem(kind, prefix, total, width, extra = '') {
  const body = pemBody(prefix, total, width);
  return { block: `-----BEGIN ${kind}-----\n${extra}${body}\n-----END ${kind}-----`, body };
}

// Secret generators: return the value (or {text, secret} when the secret is part of it).
const SECRET = {
  sas: () => encodeURIComponent(r.chars(B64, 43) + '='),
  telegram: () => String(r.int(100000000, 9999999999)) + ':AA' + r.chars(B64URL, 33),
  discordhook: () => r.chars(DIGITS, 19) + '/' + r.chars(B64URL, 68),
  mailgun: () => 'key-' + r.chars(HEX, 32),
  b64_160: () => 'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo' + r.chars(B64, 200),
  npm: () => 'npm_' + r.chars(ALNUM, 36),
  ghp: () => 'ghp_' + r.chars(ALNUM, 36),
  ghs: () => 'ghs_' + r.chars(ALNUM, 36),
  glpat: () => 'glpat-' + r.chars(ALNUM + '-_', 20),
  basic: () => b64(r.pick(['ci', 'deploy', 'robot$ci', 'svc-build']) + ':' + r.chars(ALNUM, 18)),
  hex32: () => r.chars(HEX, 32),
  hex36: () => r.chars(HEX, 8) + '-' + r.chars(HEX, 4) + '-' + r.chars(HEX, 4) + '-' + r.chars(HEX, 4) + '-' + r.chars(HEX, 12),
  hex40: () => r.chars(HEX, 40),
  hex64: () => r.chars(HEX, 64),
  pw: () => r.chars(ALNUM + '-_.!*+', r.int(14, 22)),
  hpw: () => r.pick(WORDS) + r.int(1, 9) + r.pick(WORDS) + r.pick(['!', '#', '?', '&', '%']) + r.int(10, 99),
  wpsalt: () => r.chars(ALNUM + '!#%^&*()-_=+[]{}<>~|;:,.?', 64),
  stripe: () => r.pick(['sk_live_', 'rk_live_']) + r.chars(ALNUM, r.int(24, 99)),
  openai: () => 'sk-proj-' + r.chars(ALNUM + '-_', 48) + 'T3BlbkFJ' + r.chars(ALNUM + '-_', 48),
  sendgrid: () => 'SG.' + r.chars(B64URL, 22) + '.' + r.chars(B64URL, 43),
  slack: () => 'xoxb-' + r.chars(DIGITS, 12) + '-' + r.chars(DIGITS, 13) + '-' + r.chars(ALNUM, 24),
  slackhook: () => 'T0' + r.chars(UPPER + DIGITS, 8) + '/B0' + r.chars(UPPER + DIGITS, 9) + '/' + r.chars(ALNUM, 24),
  b64_48: () => r.chars(B64, 48),
  b64_120: () => 'IQoJb3JpZ2luX2Vj' + r.chars(B64, 300),
  pdtoken: () => 'u+' + r.chars(ALNUM + '_-', 18),
  akid: () => 'AKIA' + r.chars(UPPER + '234567', 16),
  asia: () => 'ASIA' + r.chars(UPPER + '234567', 16),
  awssecret: () => r.chars(B64, 40),
  cio: () => 'cio' + r.chars(ALNUM, 32),
  azkey: () => r.chars(B64, 86) + '==',
  azsecret: () => r.chars(ALNUM, 3) + '8Q~' + r.chars(ALNUM + '~._-', 34),
  vault: () => 'hvs.' + r.chars(ALNUM + '_-', 90),
  jwt: () => {
    const h = b64url(JSON.stringify({ alg: 'RS256', kid: r.chars(B64URL, 43) }));
    const p = b64url(JSON.stringify({ iss: 'kubernetes/serviceaccount', sub: 'system:serviceaccount:ci:deployer', iat: 1765000000 + r.int(0, 99999) }));
    return h + '.' + p + '.' + r.chars(B64URL, 342);
  },
  b64pw: () => b64(r.chars(ALNUM + '-_!', 20)),
  glsa: () => 'glsa_' + r.chars(ALNUM, 32) + '_' + r.chars(HEX, 8),
  django: () => 'django-insecure-' + r.chars(LOWER + DIGITS + '!@#$^&*(-_=+)', 50),
  aiza: () => 'AIza' + r.chars(ALNUM + '-_', 35),
  pem_rsa: () => { const p = pem('RSA PRIVATE KEY', 'MIIEpAIBAAKCAQEA', 64 * 25 + 20, 64); return { text: p.block, secret: p.body }; },
  pem_openssh: () => { const p = pem('OPENSSH PRIVATE KEY', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW', 70 * 5 + 12, 70); return { text: p.block, secret: p.body }; },
  pem_ec: () => { const p = pem('EC PRIVATE KEY', 'MHcCAQEEI', 64 * 3 - 4, 64); return { text: p.block, secret: p.body }; },
  pem_json: () => { const p = pem('PRIVATE KEY', 'MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQ', 64 * 26, 64); const esc = (t) => t.replace(/\n/g, '\\n'); return { text: esc(p.block) + '\\n', secret: esc(p.body) }; },
  pem_pkcs8: () => { const p = pem('PRIVATE KEY', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ', 64 * 26, 64); return { text: p.block, secret: p.body }; },
};

// Non-secret fillers.
const dec = (n) => String(r.int(1, 9)) + r.chars(DIGITS, n - 1);
const FILL = {
  ip: () => { const p = r.pick(['10', '172.16', '192.168', '203.0.113', '198.51.100']).split('.'); while (p.length < 4) p.push(String(r.int(1, 254))); return p.join('.'); },
  sec: () => String(r.int(10, 59)),
  ms3: () => dec(3), ms4: () => dec(4),
  int2: () => dec(2), int3: () => dec(3), int4: () => dec(4), int5: () => dec(5), int6: () => dec(6), int8: () => dec(8), int20: () => dec(20),
  port: () => String(r.int(32768, 60999)),
  uuid: () => SECRET.hex36().replace(/^(.{14})./, '$14').replace(/^(.{19})./, (m, a) => a + r.pick(['8', '9', 'a', 'b'])),
  hex4: () => r.chars(HEX, 4), hex7: () => r.chars(HEX, 7), hex8: () => r.chars(HEX, 8), hex12: () => r.chars(HEX, 12),
  hex16: () => r.chars(HEX, 16), hex32: () => r.chars(HEX, 32), hex40: () => r.chars(HEX, 40), hex64: () => r.chars(HEX, 64),
  k8s: () => r.chars('bcdfghjklmnpqrstvwxz2456789', 5), k8s5: () => r.chars('bcdfghjklmnpqrstvwxz2456789', 4),
  b64_6: () => r.chars(B64, 6), b64_22: () => r.chars(B64URL, 22), b64_43: () => r.chars(B64, 43), b64_86: () => r.chars(B64, 86), b64url_86: () => r.chars(B64URL, 342),
  colonhex: () => Array.from({ length: 32 }, () => r.chars('0123456789ABCDEF', 2)).join(':'),
  pemcert: () => pem('CERTIFICATE', 'MIIDdzCCAl+gAwIBAgIU', 64 * 18 + 8, 64).block,
  pempub: () => pem('PUBLIC KEY', 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA', 64 * 6 + 8, 64).block,
};

function render(tpl) {
  const secrets = [];
  const text = tpl.replace(/\{([SF]):(\w+)\}/g, (_, k, kind) => {
    const gen = (k === 'S' ? SECRET : FILL)[kind];
    check(gen, 'unknown generator ' + kind);
    const v = gen();
    if (k === 'F') return v;
    if (typeof v === 'string') { secrets.push(v); return v; }
    secrets.push(v.secret);
    return v.text;
  });
  return { text, secrets };
}

const next = counter();
const rows = [];
const seen = new Set();
SECRET_TEMPLATES.forEach(([category, file, tpl], i) => {
  for (let k = 0; k < 2; k++) {
    const { text, secrets } = render(tpl);
    for (const s of secrets) check(text.includes(s) && s.length >= 8, `secret in row: ${tpl}`);
    check(secrets.length > 0 && !seen.has(text), 'secret row ' + tpl);
    seen.add(text);
    rows.push({ id: next(`cfg7-${category}`), category, label: 'secret', file, secrets, text, template: `s${i + 1}` });
  }
});
BENIGN_TEMPLATES.forEach(([category, file, tpl], i) => {
  const times = /\{F:/.test(tpl) ? 2 : 1;
  for (let k = 0; k < times; k++) {
    let { text, secrets } = render(tpl);
    for (let tries = 0; !piiFree(text) && tries < 20; tries++) ({ text, secrets } = render(tpl));
    check(piiFree(text), 'benign row looks like personal data: ' + text);
    check(secrets.length === 0 && !seen.has(text), 'benign row ' + tpl);
    seen.add(text);
    rows.push({ id: next(`cfg7-${category}`), category, label: 'benign', file, secrets: [], text, template: `b${i + 1}` });
  }
});
writeFrozen('config-secrets.jsonl', rows);
