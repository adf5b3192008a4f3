// Builds config-secrets.jsonl (v9) from the hand-written templates in templates-*.txt.
// Only random values are filled in here (seeded PRNG, so every build writes the same bytes).
// Template file format:
//   a header line  `## <label> <category> [file=<file name, + for space>] [P] [x<N>]`
//   then one template per line; `⏎` is a newline inside the row's text.
//   «gen» fills a random value; «S:gen» (or «S:prefix/gen») fills a secret value that is
//   recorded in `secrets`; «=N» repeats the N-th secret (1-based) of the same row.
//   `P` marks templates shaped like what incident-ai redacts (job logs, incident notes,
//   alert payloads, responder chat, timelines); the id carries `-p-` for them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng, hashOf, ALNUM, LOWER, UPPER, DIGITS } from '../v2/lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const R = rng(0x9c0f1e9);
const HEX = '0123456789abcdef';
const B64 = ALNUM + '+/';
const B64URL = ALNUM + '-_';
const PWCH = ALNUM + ALNUM + '-_.~!*';

function b64block(n) {
  const raw = R.chars(B64, n);
  const pad = n % 4 === 0 ? '' : '='.repeat(4 - (n % 4));
  return (raw + pad).slice(0, n + pad.length);
}
function lines64(s) {
  return s.replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
}
const PK = {
  rsa: ['-----BEGIN RSA PRIVATE KEY-----', '-----END RSA PRIVATE KEY-----', 1588],
  openssh: ['-----BEGIN OPENSSH PRIVATE KEY-----', '-----END OPENSSH PRIVATE KEY-----', 540],
  ec: ['-----BEGIN EC PRIVATE KEY-----', '-----END EC PRIVATE KEY-----', 160],
  pkcs8: ['-----BEGIN PRIVATE KEY-----', '-----END PRIVATE KEY-----', 1620],
};
function pad2(n) { return String(n).padStart(2, '0'); }
function ts() {
  return `2026-${pad2(R.int(9, 12))}-${pad2(R.int(1, 28))}T${pad2(R.int(0, 23))}:${pad2(R.int(0, 59))}:${pad2(R.int(0, 59))}`;
}

/** One random value for a generator name such as `hex:40`, `int:1-500`, `uuid`. */
function gen(spec) {
  const [name, arg] = spec.split(':');
  const n = Number(arg);
  switch (name) {
    case 'hex': return R.chars(HEX, n);
    case 'HEX': return R.chars(HEX.toUpperCase(), n);
    case 'an': return R.chars(ALNUM, n);
    case 'lan': return R.chars(LOWER + DIGITS, n);
    case 'uan': return R.chars(UPPER + DIGITS, n);
    case 'low': return R.chars(LOWER, n);
    case 'up': return R.chars(UPPER, n);
    case 'dig': return R.chars(DIGITS, n);
    case 'b64': return R.chars(B64, n);
    case 'b64p': return b64block(n);
    case 'b64u': return R.chars(B64URL, n);
    case 'pw': return R.chars(ALNUM, 1) + R.chars(PWCH, n - 1); // starts alphanumeric: valid unquoted YAML
    case 'int': { const [a, b] = arg.split('-').map(Number); return String(R.int(a, b)); }
    case 'f': { const [a, b] = arg.split('-').map(Number); return (a + R.next() * (b - a)).toFixed(2); }
    case 'uuid': { const h = R.chars(HEX, 32); return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[R.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20)}`; }
    case 'ip': return `10.${R.int(0, 255)}.${R.int(0, 255)}.${R.int(1, 254)}`;
    case 'pubip': return `${R.pick(['203.0.113', '198.51.100', '192.0.2'])}.${R.int(1, 254)}`;
    case 'ts': return ts();
    case 'tsz': return ts() + 'Z';
    case 'tsms': return ts() + '.' + R.chars(DIGITS, 3) + 'Z';
    case 'time': return `${pad2(R.int(0, 23))}:${pad2(R.int(0, 59))}:${pad2(R.int(0, 59))}`;
    case 'epoch': return String(R.int(1796000000, 1799000000));
    case 'epochms': return String(R.int(1796000000, 1799000000)) + R.chars(DIGITS, 3);
    case 'jwt': return 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJ' + R.chars(B64URL, R.int(90, 180)) + '.' + R.chars(B64URL, 86);
    case 'xoxb': return `xoxb-${R.chars(DIGITS, 12)}-${R.chars(DIGITS, 13)}-${R.chars(ALNUM, 24)}`;
    case 'sg': return `SG.${R.chars(B64URL, 22)}.${R.chars(B64URL, 43)}`;
    case 'pmak': return `PMAK-${R.chars(HEX, 24)}-${R.chars(HEX, 34)}`;
    case 'pick': return R.pick(arg.split(','));
    case 'pk': { const [b, e, len] = PK[arg]; return `${b}\n${lines64(b64block(len))}\n${e}`; }
    case 'pkesc': { const [b, e, len] = PK[arg]; return `${b}\\n${lines64(b64block(len)).replace(/\n/g, '\\n')}\\n${e}\\n`; }
    default: throw new Error('unknown generator ' + spec);
  }
}

function fill(tpl) {
  const secrets = [];
  const text = tpl.replace(/«([^»]+)»/g, (_, body) => {
    if (body.startsWith('=')) return secrets[Number(body.slice(1)) - 1];
    if (body.startsWith('S:')) {
      const rest = body.slice(2);
      const slash = rest.lastIndexOf('/');
      const v = slash >= 0 ? rest.slice(0, slash) + gen(rest.slice(slash + 1)) : gen(rest);
      secrets.push(v);
      return v;
    }
    return gen(body);
  }).replace(/⏎/g, '\n');
  return { text, secrets };
}

function parse(file) {
  const out = [];
  let head = null;
  for (const line of readFileSync(join(here, file), 'utf8').split('\n')) {
    if (line.startsWith('## ')) {
      const parts = line.slice(3).trim().split(/\s+/);
      head = { label: parts[0], category: parts[1], file: undefined, product: false, times: 1 };
      for (const p of parts.slice(2)) {
        if (p === 'P') head.product = true;
        else if (p.startsWith('file=')) head.file = p.slice(5).replace(/\+/g, ' ');
        else if (/^x\d+$/.test(p)) head.times = Number(p.slice(1));
      }
      continue;
    }
    if (line.trim() === '' || head === null) continue;
    out.push({ ...head, tpl: line });
  }
  return out;
}

const templates = [
  ...parse('templates-benign-log.txt'),
  ...parse('templates-benign-config.txt'),
  ...parse('templates-secret.txt'),
];
const rows = [];
const seen = new Set();
const counter = {};
templates.forEach((t, ti) => {
  const tid = `t${ti + 1}`;
  for (let k = 0; k < t.times; k++) {
    // A template with few random slots can repeat a text; draw again (still deterministic).
    let { text, secrets } = fill(t.tpl);
    for (let tries = 0; seen.has(text); tries++) {
      if (tries > 50) throw new Error('duplicate text from ' + tid);
      ({ text, secrets } = fill(t.tpl));
    }
    seen.add(text);
    if (t.label === 'secret') {
      if (secrets.length === 0) throw new Error('secret template without «S:» ' + tid + ': ' + t.tpl);
      for (const s of secrets) if (!text.includes(s)) throw new Error('secret not in text ' + tid);
    } else if (secrets.length > 0) throw new Error('benign template with «S:» ' + tid);
    const c = t.category;
    counter[c] = (counter[c] ?? 0) + 1;
    const id = `cfg9-${c}${t.product ? '-p' : ''}-${String(counter[c]).padStart(3, '0')}`;
    const row = { id, split: 'frozen', category: c, label: t.label };
    if (t.file) row.file = t.file;
    row.secrets = secrets;
    row.text = text;
    row.template = tid;
    rows.push(row);
  }
});
const ids = new Set(rows.map((r) => r.id));
if (ids.size !== rows.length) throw new Error('duplicate ids');
writeFileSync(join(here, 'config-secrets.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(`config-secrets.jsonl: ${rows.length} rows, sha256 ${hashOf(rows.map((r) => JSON.stringify(r)).join('\n') + '\n').slice(0, 16)}`);
