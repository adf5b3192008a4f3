// Builds config-secrets.jsonl for the v13 blind set from the hand-written templates in this
// folder. Only random values (ids, hashes, timestamps, secrets) come from a seeded PRNG, so a
// rebuild writes byte-identical output.  Usage: node test/guard/datasets/v13/build.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng, DIGITS, UPPER, LOWER, ALNUM } from '../v2/lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const R = rng(1307);
const HEX = '0123456789abcdef';
const B64 = ALNUM + '+/';
const URLSAFE = ALNUM + '-_';
const pad = (n, w = 2) => String(n).padStart(w, '0');
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// One clock per row: the first time slot of a row picks a random instant, later ones move
// forward by up to a few seconds, so multi-line rows read in order.
let rowTime = null;
function clock() {
  if (rowTime === null) rowTime = Date.UTC(2026, R.int(0, 11), R.int(1, 28), R.int(0, 23), R.int(0, 59), R.int(0, 59), R.int(0, 999));
  else rowTime += R.int(0, 4000);
  return new Date(rowTime);
}

// Benign slots: values that look like what programs print, none of them credentials.
const benignSlot = {
  ts: () => clock().toISOString(),
  tss: () => clock().toISOString().replace('T', ' ').slice(0, 19),
  syslog: () => { const d = clock(); return `${MON[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${d.toISOString().slice(11, 19)}`; },
  clf: () => { const d = clock(); return `${pad(d.getUTCDate())}/${MON[d.getUTCMonth()]}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)}`; },
  time: () => clock().toISOString().slice(11, 23),
  hms: () => clock().toISOString().slice(11, 19),
  date: () => clock().toISOString().slice(0, 10),
  epoch: () => String(R.int(1767000000, 1798000000)),
  ip: () => `10.${R.int(0, 255)}.${R.int(0, 255)}.${R.int(1, 254)}`,
  pubip: () => `${R.pick(['198.51.100', '203.0.113', '192.0.2'])}.${R.int(1, 254)}`,
  port: () => String(R.int(1024, 65000)),
  dur: () => `0${R.int(0, 9)}:${pad(R.int(0, 59))}:${pad(R.int(0, 59))}`,
  fp: () => R.chars(ALNUM + '+/', 43), // an SSH key fingerprint body, as ssh-keygen -l prints it
  len: () => String(R.int(12, 24)),
  n1: () => String(R.int(1, 9)),
  n2: () => String(R.int(10, 99)),
  n3: () => String(R.int(100, 999)),
  n4: () => String(R.int(1000, 9999)),
  n5: () => String(R.int(10000, 99999)),
  n6: () => String(R.int(100000, 999999)),
  pct: () => `${R.int(0, 99)}.${R.int(0, 9)}`,
  ms: () => String(R.int(1, 4999)),
  hex4: () => R.chars(HEX, 4),
  hex8: () => R.chars(HEX, 8),
  hex12: () => R.chars(HEX, 12),
  hex16: () => R.chars(HEX, 16),
  hex32: () => R.chars(HEX, 32),
  sha: () => R.chars(HEX, 40),
  sha7: () => R.chars(HEX, 7),
  sha256: () => R.chars(HEX, 64),
  uuid: () => `${R.chars(HEX, 8)}-${R.chars(HEX, 4)}-4${R.chars(HEX, 3)}-${R.pick(['8', '9', 'a', 'b'])}${R.chars(HEX, 3)}-${R.chars(HEX, 12)}`,
  UP4: () => R.chars(UPPER, 4),
  id6: () => R.chars(LOWER + DIGITS, 6),
  sku: () => `${R.chars(UPPER, 3)}-${R.int(1000, 9999)}-${R.pick(['BLK', 'WHT', 'RED', 'S', 'M', 'L', 'XL'])}`,
  amt: () => `${R.int(1, 899)}.${pad(R.int(0, 99))}`,
  last4: () => R.chars(DIGITS, 4),
  mac: () => Array.from({ length: 6 }, () => R.chars(HEX, 2)).join(':'),
  user: () => R.pick(['jdoe', 'asmith', 'svc_backup', 'deploy', 'mkovacs', 'l.tanaka', 'r.okafor', 'ops-bot', 'admin', 'pgarcia', 'ci-runner', 'nhernandez', 'ybenali', 'svc-etl']),
  connection_failure: () => '{connection_failure}', // literal braces Envoy prints
  host: () => `${R.pick(['web', 'db', 'app', 'edge', 'cache', 'worker', 'gw', 'node'])}-${R.int(1, 40)}`,
};

function randPassword() {
  const parts = [R.chars(ALNUM, R.int(6, 10)), R.pick(['!', '#', '%', '@', '&', '*', '$', '^']), R.chars(ALNUM, R.int(3, 7))];
  return parts.join('');
}
function keyBody(lines) {
  const out = [];
  for (let i = 0; i < lines; i++) out.push(R.chars(B64, 64));
  out.push(R.chars(B64, R.int(20, 60)) + R.pick(['', '=', '==']));
  return out.join('\n');
}

// Secret slots: random values in the shapes real credentials take. Never real credentials.
const secretSlot = {
  pw: randPassword,
  upw: () => R.chars(ALNUM, R.int(10, 16)) + R.pick(['-', '_', '.', '~']) + R.chars(ALNUM, R.int(3, 6)),
  crypt6: () => '$6$' + R.chars(ALNUM + './', 16) + '$' + R.chars(ALNUM + './', 86),
  word: () => R.pick(['Summer', 'Winter', 'Falcon', 'Nebula', 'Granite', 'Lantern']) + R.int(10, 99) + R.pick(['!', '#', '?', '$']) + R.chars(LOWER, 3),
  akia: () => 'AKIA' + R.chars(UPPER + '234567', 16),
  asia: () => 'ASIA' + R.chars(UPPER + '234567', 16),
  awssecret: () => R.chars(B64, 40),
  ghp: () => 'ghp_' + R.chars(ALNUM, 36),
  ghs: () => 'ghs_' + R.chars(ALNUM, 36),
  ghpat: () => 'github_pat_' + R.chars(ALNUM, 22) + '_' + R.chars(ALNUM, 59),
  glpat: () => 'glpat-' + R.chars(URLSAFE, 20),
  xoxb: () => `xoxb-${R.chars(DIGITS, 11)}-${R.chars(DIGITS, 13)}-${R.chars(ALNUM, 24)}`,
  xoxp: () => `xoxp-${R.chars(DIGITS, 11)}-${R.chars(DIGITS, 12)}-${R.chars(DIGITS, 13)}-${R.chars(HEX, 32)}`,
  slackhook: () => `T${R.chars(UPPER + DIGITS, 10)}/B${R.chars(UPPER + DIGITS, 10)}/${R.chars(ALNUM, 24)}`,
  sklive: () => 'sk_live_' + R.chars(ALNUM, 24),
  rklive: () => 'rk_live_' + R.chars(ALNUM, 24),
  whsec: () => 'whsec_' + R.chars(ALNUM, 32),
  openai: () => 'sk-proj-' + R.chars(URLSAFE, 48),
  anthropic: () => 'sk-ant-api03-' + R.chars(URLSAFE, 80) + 'AA',
  aiza: () => 'AIza' + R.chars(URLSAFE, 35),
  sg: () => `SG.${R.chars(URLSAFE, 22)}.${R.chars(URLSAFE, 43)}`,
  npm: () => 'npm_' + R.chars(ALNUM, 36),
  pypi: () => 'pypi-AgEIcHlwaS5vcmc' + R.chars(URLSAFE, 60),
  jwt: () => `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${'eyJ' + R.chars(URLSAFE, R.int(40, 90))}.${R.chars(URLSAFE, 43)}`,
  hex32: () => R.chars(HEX, 32),
  hex40: () => R.chars(HEX, 40),
  hex64: () => R.chars(HEX, 64),
  b64_32: () => R.chars(B64, 43) + '=',
  tok: () => R.chars(ALNUM, R.int(28, 44)),
  dd: () => R.chars(HEX, 32),
  hvs: () => 'hvs.' + R.chars(URLSAFE, 90),
  sas: () => R.chars(B64, 43).replace(/\//g, '%2F').replace(/\+/g, '%2B') + '%3D',
  azkey: () => R.chars(B64, 86) + '==',
  twilio: () => R.chars(HEX, 32),
  shopify: () => 'shpat_' + R.chars(HEX, 32),
  doppler: () => 'dp.st.prd.' + R.chars(ALNUM, 43),
  rsa: () => keyBody(R.int(8, 14)),
  ossh: () => 'b3BlbnNzaC1rZXktdjEAAAAA' + R.chars(B64, 40) + '\n' + keyBody(R.int(5, 8)),
};

function fill(tpl, slots, secrets) {
  rowTime = null;
  const same = new Map(); // {slot.x}: one value reused within the row
  return tpl.replace(/(?<!\$)\{(s:)?([a-zA-Z0-9_]+)(\.[a-z])?\}/g, (m, s, name, tag) => {
    if (tag && same.has(m)) return same.get(m);
    if (!s && /^\d+$/.test(name)) return m; // a regex quantifier such as {32}, not a slot
    if (s) {
      const f = secretSlot[name];
      if (!f) throw new Error('unknown secret slot ' + m + ' in ' + tpl);
      const v = f();
      secrets.push(v);
      return v;
    }
    const f = slots[name];
    if (!f) throw new Error('unknown slot ' + m + ' in ' + tpl);
    const v = f();
    if (tag) same.set(m, v);
    return v;
  });
}

// Template files: one template per line, `\n` marks a line break inside a row, `#` starts a
// comment line. Secret files prefix `category<TAB>file<TAB>`.
function readTemplates(name) {
  return readFileSync(join(here, name), 'utf8').split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.replace(/\\n/g, '\n').replace(/\\t/g, '\t'));
}

const rows = [];
let tno = 0;
function addBenign(file, category, prefix, reps) {
  for (const tpl of readTemplates(file)) {
    tno++;
    if (/\{s:/.test(tpl)) throw new Error('secret slot in benign template ' + tpl);
    const hasSlots = /(?<!\$)\{[a-z][a-zA-Z0-9_]*(\.[a-z])?\}/.test(tpl);
    const n = hasSlots ? reps : 1;
    for (let i = 0; i < n; i++) {
      rows.push({ id: `${prefix}-${String(rows.length + 1).padStart(4, '0')}`, split: 'frozen', category, label: 'benign', text: fill(tpl, benignSlot, []), template: `t${tno}` });
    }
  }
}
function addSecrets(file, reps) {
  for (const line of readTemplates(file)) {
    tno++;
    const [category, fileName, ...rest] = line.split('\t');
    const tpl = rest.join('\t');
    if (!/\{s:/.test(tpl)) throw new Error('secret template without a secret slot: ' + tpl);
    for (let i = 0; i < reps; i++) {
      const secrets = [];
      const text = fill(tpl, benignSlot, secrets);
      rows.push({ id: `v13-${category}-${String(rows.length + 1).padStart(4, '0')}`, split: 'frozen', category, label: 'secret', file: fileName, secrets, text, template: `t${tno}` });
    }
  }
}

addBenign('templates-benign-log.txt', 'benign-log', 'v13-log', 3);
addBenign('templates-benign-config.txt', 'benign-config', 'v13-conf', 3);
addSecrets('templates-secret.tsv', 3);

const ids = new Set();
for (const r of rows) {
  if (ids.has(r.id)) throw new Error('duplicate id ' + r.id);
  ids.add(r.id);
}
writeFileSync(join(here, 'config-secrets.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(`config-secrets.jsonl: ${rows.length} rows`);
