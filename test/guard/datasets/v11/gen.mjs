// Value generators for the v11 templates. Plain slots ({{name:arg}}) fill benign look-alikes;
// secret slots ({{!name:arg}}) fill random credentials and are recorded in the row's `secrets`.
import { DIGITS, UPPER, LOWER, ALNUM } from '../v2/lib.mjs';

const HEX = '0123456789abcdef';
const B64 = ALNUM + '+/';
const B64URL = ALNUM + '-_';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const b64 = (s) => Buffer.from(s).toString('base64');
const b64url = (s) => Buffer.from(s).toString('base64url');

const WORDS = ['Summer', 'Winter', 'Autumn', 'Welcome', 'Dragon', 'Monkey', 'Sunshine', 'Football', 'Kelpie',
  'Lisbon', 'Marmalade', 'Rosebud', 'Tigers', 'Hamster', 'Galaxy', 'Pumpkin', 'Chelsea', 'Bluebird', 'Falcon',
  'Orchid', 'Biscuit', 'Voyager', 'Nimbus', 'Pancake', 'Rainier', 'Cobalt', 'Juniper', 'Maverick', 'Paprika', 'Otter'];
const SMALL = ['horse', 'staple', 'battery', 'river', 'copper', 'lemon', 'window', 'rocket', 'garden', 'cactus',
  'violin', 'pepper', 'island', 'marble', 'candle', 'tundra', 'walrus', 'anchor', 'meadow', 'saffron'];
const SYMS = '!#$%&*+-.?@^_~';
const SAFE_SYMS = '!*-_.';
const LEET = { a: '4', e: '3', i: '1', o: '0', s: '$' };

export const HOSTS = ['ip-10-0-3-17', 'web-01', 'api-prod-3', 'db-replica-2', 'worker-7', 'edge-fra1-04',
  'k8s-node-12', 'ci-runner-5', 'bastion-eu', 'kafka-2', 'es-data-4', 'redis-sentinel-1', 'lb-int-02'];
export const USERS = ['alice', 'bmartin', 'deploy', 'ci-bot', 'jchen', 'svc-backup', 'oncall', 'priya.n',
  'tkowalski', 'rundeck', 'ops', 'mgarcia', 'hfischer', 'a.dupont'];
const SVC = ['checkout', 'payments', 'orders', 'inventory', 'search', 'auth', 'billing', 'notify', 'catalog',
  'gateway', 'ledger', 'shipping', 'profile', 'reco', 'media'];

export function makeGen(r, baseMs) {
  const hex = (n) => r.chars(HEX, n);
  let clock = baseMs;
  const tick = () => (clock += r.int(1, 900));
  const d = () => new Date(tick());
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  function humanPassword(safe) {
    const syms = safe ? SAFE_SYMS : SYMS;
    const w = r.pick(WORDS);
    switch (r.int(0, 5)) {
      case 0: return w + r.int(2015, 2027) + r.pick(syms.split(''));
      case 1: return w.split('').map((c) => (r.next() < 0.6 && LEET[c] && !(safe && c === 's') ? LEET[c] : c)).join('') + r.int(1, 99);
      case 2: return r.pick(SMALL) + r.pick(syms.split('')) + r.pick(SMALL) + r.pick(syms.split('')) + r.pick(SMALL) + r.int(0, 9);
      case 3: return w + r.pick(syms.split('')) + r.pick(WORDS).toLowerCase() + r.int(10, 99);
      case 4: return 'Tr0ub4dor' + r.pick(syms.split('')) + r.int(1, 9) + r.pick(SMALL);
      default: return r.pick(WORDS) + r.pick(WORDS) + r.int(100, 999) + r.pick(syms.split(''));
    }
  }

  function pem(kind) {
    const lines = (n, w = 64) => Array.from({ length: n }, () => r.chars(B64, w));
    const body = (n) => { const ls = lines(n); ls.push(r.chars(B64, r.int(8, 60)) + r.pick(['', '=', '=='])); return ls.join('\n'); };
    const wrap = (label, inner) => `-----BEGIN ${label}-----\n${inner}\n-----END ${label}-----`;
    switch (kind) {
      case 'RSA': return wrap('RSA PRIVATE KEY', 'MIIEpAIBAAKCAQEA' + r.chars(B64, 48) + '\n' + body(r.int(20, 25)));
      case 'EC': return wrap('EC PRIVATE KEY', 'MHcCAQEEI' + r.chars(B64, 55) + '\n' + r.chars(B64, 64) + '\n' + r.chars(B64, 32) + '==');
      case 'OPENSSH': return wrap('OPENSSH PRIVATE KEY', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW' + '\n' + body(4));
      case 'PKCS8': return wrap('PRIVATE KEY', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ' + r.chars(B64, 14) + '\n' + body(r.int(20, 25)));
      case 'ENC': return wrap('ENCRYPTED PRIVATE KEY', 'MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI' + r.chars(B64, 16) + '\n' + body(r.int(22, 26)));
      default: throw new Error('pem kind ' + kind);
    }
  }

  function jwt() {
    const header = b64url(JSON.stringify({ alg: r.pick(['RS256', 'HS256', 'ES256']), typ: 'JWT', kid: hex(8) }));
    const now = Math.floor(baseMs / 1000);
    const payload = b64url(JSON.stringify({ sub: r.pick(USERS), iss: 'https://' + r.pick(['auth.', 'login.', 'id.']) + 'example.com/', aud: r.pick(SVC) + '-api', iat: now, exp: now + 3600, jti: hex(16) }));
    return header + '.' + payload + '.' + r.chars(B64URL, r.int(43, 86));
  }

  // One account, service and user per row, so a row reads as one system's output.
  const rowAcct = r.chars(DIGITS, 12);
  const rowSvc = r.pick(SVC);
  const rowUser = r.pick(USERS);
  const rowHost = r.pick(HOSTS);
  const plain = {
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${r.pick('89ab'.split(''))}${hex(3)}-${hex(12)}`,
    ulid: () => '01' + r.chars('HJKMNPQRSTV', 1) + r.chars(CROCKFORD, 23),
    hex: (n) => hex(Number(n)),
    HEX: (n) => hex(Number(n)).toUpperCase(),
    b64: (n) => r.chars(B64, Number(n)),
    b64url: (n) => r.chars(B64URL, Number(n)),
    alnum: (n) => r.chars(ALNUM, Number(n)),
    lower: (n) => r.chars(LOWER + DIGITS, Number(n)),
    upper: (n) => r.chars(UPPER + DIGITS, Number(n)),
    digits: (n) => r.chars(DIGITS, Number(n)),
    int: (a) => { const [lo, hi] = a.split('-').map(Number); return String(r.int(lo, hi)); },
    float: (a) => { const [lo, hi, dp] = a.split('-').map(Number); return (lo + r.next() * (hi - lo)).toFixed(dp ?? 2); },
    pick: (a) => r.pick(a.split('|')),
    ip: () => `${r.pick([34, 52, 81, 92, 104, 141, 185, 203, 91, 77])}.${r.int(1, 254)}.${r.int(0, 254)}.${r.int(1, 254)}`,
    ip10: () => `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`,
    ip6: () => `2001:db8:${hex(4)}:${hex(4)}::${hex(3)}`,
    mac: () => Array.from({ length: 6 }, () => hex(2)).join(':'),
    port: () => String(r.int(1025, 65000)),
    ts: () => d().toISOString(),
    tss: () => d().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    tsus: () => d().toISOString().replace('Z', r.chars(DIGITS, 3) + 'Z'),
    tsoff: () => d().toISOString().replace('Z', '+00:00'),
    tssp: () => d().toISOString().replace('T', ' ').replace('Z', ''),
    tsc: () => d().toISOString().replace('T', ' ').replace('.', ',').replace('Z', ''),
    clf: () => { const x = d(); return `${pad(x.getUTCDate())}/${MON[x.getUTCMonth()]}/${x.getUTCFullYear()}:${pad(x.getUTCHours())}:${pad(x.getUTCMinutes())}:${pad(x.getUTCSeconds())} +0000`; },
    syslog: () => { const x = d(); return `${MON[x.getUTCMonth()]} ${String(x.getUTCDate()).padStart(2, ' ')} ${pad(x.getUTCHours())}:${pad(x.getUTCMinutes())}:${pad(x.getUTCSeconds())}`; },
    hms: () => { const x = d(); return `${pad(x.getUTCHours())}:${pad(x.getUTCMinutes())}:${pad(x.getUTCSeconds())}`; },
    hmsms: () => { const x = d(); return `${pad(x.getUTCHours())}:${pad(x.getUTCMinutes())}:${pad(x.getUTCSeconds())}.${pad(x.getUTCMilliseconds(), 3)}`; },
    date: () => d().toISOString().slice(0, 10),
    epoch: () => String(Math.floor(tick() / 1000)),
    epochms: () => String(tick()),
    epochf: () => (tick() / 1000).toFixed(6),
    uptime: () => `${r.int(0, 99999)}.${r.chars(DIGITS, 6)}`,
    dur: () => r.pick([`${r.int(1, 999)}ms`, `${r.int(1, 59)}.${r.int(100, 999)}s`, `${r.int(100, 999)}.${r.int(10, 99)}µs`, `${r.int(1, 9)}m${r.int(0, 59)}s`]),
    bytes: () => r.pick([`${r.int(1, 999)}B`, `${r.int(1, 999)}.${r.int(0, 9)}kB`, `${r.int(1, 999)}.${r.int(0, 9)}MB`, `${r.int(1, 9)}.${r.int(0, 99)}GiB`]),
    host: () => rowHost,
    otherhost: () => r.pick(HOSTS),
    user: () => rowUser,
    otheruser: () => r.pick(USERS),
    svc: () => rowSvc,
    othersvc: () => r.pick(SVC),
    pod: (name) => `${name || rowSvc}-${hex(r.int(9, 10))}-${r.chars('bcdfghjklmnpqrstvwxz2456789', 5)}`,
    sha: () => hex(40),
    sha7: () => hex(7),
    digest: () => 'sha256:' + hex(64),
    trace: () => hex(32),
    span: () => hex(16),
    ver: () => `${r.int(0, 9)}.${r.int(0, 30)}.${r.int(0, 40)}`,
    pid: () => String(r.int(300, 65000)),
    akia: () => 'AKIA' + r.chars(UPPER + '234567', 16),
    acct: () => rowAcct,
    fp: () => 'SHA256:' + r.chars(B64, 43),
    colonhex: (n) => Array.from({ length: Number(n) }, () => hex(2).toUpperCase()).join(':'),
    b64cursor: () => b64(JSON.stringify({ id: r.int(1000, 9999999), ts: Math.floor(baseMs / 1000) })).replace(/=+$/, ''),
    etag: () => `"${hex(32)}"`,
    wetag: () => `W/"${hex(r.int(3, 6))}-${r.chars(B64URL, 27)}"`,
  };

  const secret = {
    alnum: (n) => r.chars(ALNUM, Number(n)),
    hex: (n) => hex(Number(n)),
    b64: (n) => r.chars(B64, Number(n)),
    b64url: (n) => r.chars(B64URL, Number(n)),
    pw: () => humanPassword(false),
    pwsafe: () => humanPassword(true),
    rpw: (n) => r.chars(ALNUM + '!#%*+-_.', Number(n || 20)),
    ghp: () => 'ghp_' + r.chars(ALNUM, 36),
    gho: () => 'gho_' + r.chars(ALNUM, 36),
    ghs: () => 'ghs_' + r.chars(ALNUM, 36),
    ghpat: () => 'github_pat_11' + r.chars(UPPER + DIGITS, 20) + '_' + r.chars(ALNUM, 59),
    glpat: () => 'glpat-' + r.chars(ALNUM + '-_', 20),
    glrt: () => 'glrt-' + r.chars(ALNUM + '-_', 20),
    xoxb: () => `xoxb-${r.chars(DIGITS, 12)}-${r.chars(DIGITS, 13)}-${r.chars(ALNUM, 24)}`,
    xoxp: () => `xoxp-${r.chars(DIGITS, 12)}-${r.chars(DIGITS, 12)}-${r.chars(DIGITS, 13)}-${hex(32)}`,
    slackhook: () => r.chars(ALNUM, 24),
    sklive: () => 'sk_live_' + r.chars(ALNUM, r.pick([24, 99])),
    rklive: () => 'rk_live_' + r.chars(ALNUM, 99),
    whsec: () => 'whsec_' + r.chars(ALNUM, 32),
    npm: () => 'npm_' + r.chars(ALNUM, 36),
    pypi: () => 'pypi-AgEIcHlwaS5vcmcCJ' + r.chars(B64URL, 150),
    sg: () => 'SG.' + r.chars(B64URL, 22) + '.' + r.chars(B64URL, 43),
    aiza: () => 'AIza' + r.chars(ALNUM + '-_', 35),
    jwt,
    awssecret: () => r.chars(ALNUM + '+/', 40),
    dd: () => hex(32),
    pem,
    pemjson: (kind) => pem(kind).replace(/\n/g, '\\n'),
    dockerjson: () => { const u = r.pick(USERS); const p = humanPassword(false); return b64(JSON.stringify({ auths: { 'registry.acme.io': { username: u, password: p, auth: b64(u + ':' + p) } } })); },
    b64pem: (kind) => b64(pem(kind) + '\n'),
    b64pw: () => b64(humanPassword(false)),
    b64rand: (n) => b64(r.chars(ALNUM, Number(n))),
    basic: () => b64(r.pick(USERS) + ':' + humanPassword(false)),
    azkey: () => r.chars(B64, 86) + '==',
    sas: () => encodeURIComponent(r.chars(B64, 43) + '='),
    hvs: () => 'hvs.' + r.chars(ALNUM + '_-', 90),
    dop: () => 'dop_v1_' + hex(64),
    shpat: () => 'shpat_' + hex(32),
    lin: () => 'lin_api_' + r.chars(ALNUM, 40),
    sntrys: () => 'sntrys_' + r.chars(B64URL, 120),
    hf: () => 'hf_' + r.chars(ALNUM, 34),
    skant: () => 'sk-ant-api03-' + r.chars(B64URL, 93) + 'AA',
    skproj: () => 'sk-proj-' + r.chars(B64URL, 120),
    sonar: () => 'squ_' + hex(40),
    awssts: () => 'IQoJb3JpZ2luX2VjE' + r.chars(B64, 300) + '=',
    glsa: () => 'glsa_' + r.chars(ALNUM, 32) + '_' + hex(8),
  };
  return { plain, secret };
}
