// Placeholder filler for the v8 config-secrets set: every {name} in a hand-written
// template is replaced by a seeded random value; {S:name} values are secrets and are
// recorded. Plain Node, no dependencies besides ../v2/lib.mjs.
import { rng, ALNUM, DIGITS, UPPER, LOWER } from '../v2/lib.mjs';

const HEX = '0123456789abcdef';
const B64 = ALNUM + '+/';
const B64URL = ALNUM + '-_';

export function makeFiller(seed) {
  const r = rng(seed);
  const hex = (n) => r.chars(HEX, n);
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${r.pick('89ab')}${hex(3)}-${hex(12)}`;
  const ip = () => `${r.pick(['10', '172', '192', '100', '34', '52', '203'])}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  const mon = () => r.pick(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
  const time = () => `${pad(r.int(0, 23))}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))}`;
  const plain = {
    ip, uuid,
    port: () => String(r.int(1024, 65535)),
    hex4: () => hex(4), hex8: () => hex(8), hex12: () => hex(12), hex16: () => hex(16),
    hex32: () => hex(32), sha40: () => hex(40), sha64: () => hex(64), sha7: () => hex(7),
    n: () => String(r.int(1, 99)), n3: () => String(r.int(100, 999)), n4: () => String(r.int(1000, 9999)),
    n6: () => String(r.int(100000, 999999)), n9: () => String(r.int(100000000, 999999999)),
    ms: () => String(r.int(1, 4999)), sec: () => (r.int(1, 9999) / 1000).toFixed(3),
    bytes: () => String(r.int(120, 2_000_000)), pct: () => (r.int(0, 1000) / 10).toFixed(1),
    ts: () => `2026-${pad(r.int(1, 11))}-${pad(r.int(1, 28))}T${time()}.${pad(r.int(0, 999), 3)}Z`,
    date: () => `2026-${pad(r.int(1, 11))}-${pad(r.int(1, 28))}`,
    time,
    syslog: () => `${mon()} ${String(r.int(1, 28)).padStart(2, ' ')} ${time()}`,
    clf: () => `${pad(r.int(1, 28))}/${mon()}/2026:${time()} +0000`,
    epoch: () => String(r.int(1780000000, 1799999999)),
    ver: () => `${r.int(0, 9)}.${r.int(0, 30)}.${r.int(0, 20)}`,
    pid: () => String(r.int(200, 65000)),
    pod: () => `${r.pick(['api', 'worker', 'web', 'ingest', 'billing', 'search'])}-${hex(10).replace(/[a-f]/g, (c) => c)}-${r.chars(LOWER + DIGITS, 5)}`,
    host: () => `${r.pick(['ip-10-0-', 'node-', 'web-', 'db-', 'edge-'])}${r.int(1, 250)}${r.pick(['', '.ec2.internal', '.eu-west-1.compute.internal', '.prod.local'])}`,
    cursor: () => r.chars(B64URL, r.int(16, 40)),
    b64id: () => r.chars(B64URL, 22),
    region: () => r.pick(['us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-west-2', 'eu-central-1']),
    acct: () => r.chars(DIGITS, 12),
    status: () => String(r.pick([200, 200, 200, 201, 204, 301, 304, 400, 401, 403, 404, 409, 429, 500, 502, 503])),
    upper6: () => r.chars(UPPER + DIGITS, 6),
    md5: () => '{md5}', cipher: () => '{cipher}',
    ray: () => `${hex(16)}-${r.pick(['CDG', 'FRA', 'IAD', 'SIN', 'LHR', 'AMS'])}`,
  };
  const secret = {
    pw: () => r.chars(ALNUM, r.int(6, 10)) + r.pick(['!', '~', '*', '-', '_', '.']) + r.chars(ALNUM, r.int(4, 8)),
    pwa: () => r.chars(ALNUM, r.int(14, 24)),
    ghp: () => 'ghp_' + r.chars(ALNUM, 36),
    gho: () => 'gho_' + r.chars(ALNUM, 36),
    ghs: () => 'ghs_' + r.chars(ALNUM, 36),
    ghpat: () => 'github_pat_11' + r.chars(UPPER + DIGITS, 20) + '_' + r.chars(ALNUM, 59),
    glpat: () => 'glpat-' + r.chars(ALNUM + '-_', 20),
    npm: () => 'npm_' + r.chars(ALNUM, 36),
    xoxb: () => `xoxb-${r.chars(DIGITS, 12)}-${r.chars(DIGITS, 13)}-${r.chars(ALNUM, 24)}`,
    xoxp: () => `xoxp-${r.chars(DIGITS, 12)}-${r.chars(DIGITS, 12)}-${r.chars(DIGITS, 13)}-${hex(32)}`,
    slackhook: () => `https://hooks.slack.com/services/T${r.chars(UPPER + DIGITS, 10)}/B${r.chars(UPPER + DIGITS, 10)}/${r.chars(ALNUM, 24)}`,
    akid: () => 'AKIA' + r.chars(UPPER + '234567', 16),
    asia: () => 'ASIA' + r.chars(UPPER + '234567', 16),
    awssecret: () => r.chars(ALNUM + '/+', 40),
    awssession: () => 'IQoJb3JpZ2luX2VjE' + r.chars(B64, 180),
    gcpkey: () => 'AIza' + r.chars(ALNUM + '-_', 35),
    sklive: () => 'sk_live_' + r.chars(ALNUM, 24),
    rklive: () => 'rk_live_' + r.chars(ALNUM, 24),
    whsec: () => 'whsec_' + r.chars(ALNUM, 32),
    sg: () => 'SG.' + r.chars(ALNUM + '-_', 22) + '.' + r.chars(ALNUM + '-_', 43),
    openai: () => 'sk-proj-' + r.chars(ALNUM + '-_', 48),
    anthropic: () => 'sk-ant-api03-' + r.chars(ALNUM + '-_', 86) + 'AA',
    hf: () => 'hf_' + r.chars(ALNUM, 34),
    dop: () => 'dop_v1_' + hex(64),
    shpat: () => 'shpat_' + hex(32),
    twilio: () => 'SK' + hex(32),
    mailgun: () => 'key-' + hex(32),
    dd: () => hex(32),
    hex40: () => hex(40),
    hex32s: () => hex(32),
    hex64s: () => hex(64),
    b64s: () => r.chars(B64, 43) + '=',
    azkey: () => r.chars(B64, 86) + '==',
    pypi: () => 'pypi-AgEIcHlwaS5vcmc' + r.chars(ALNUM + '-_', 60),
    tg: () => `${r.int(100000000, 999999999)}:AA${r.chars(ALNUM + '-_', 33)}`,
    discord: () => `${r.chars('MN', 1)}${r.chars(ALNUM, 23)}.${r.chars(ALNUM + '-_', 6)}.${r.chars(ALNUM + '-_', 38)}`,
    jwt: () => {
      const b = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
      return `${b({ alg: 'HS256', typ: 'JWT' })}.${b({ sub: 'svc-' + hex(6), iat: r.int(1780000000, 1790000000), scope: 'deploy' })}.${r.chars(B64URL, 43)}`;
    },
    vault: () => 'hvs.' + r.chars(ALNUM, 24),
    doctoken: () => 'dckr_pat_' + r.chars(ALNUM + '-_', 27),
    newrelic: () => 'NRAK-' + r.chars(UPPER + DIGITS, 27),
    sentry: () => hex(32),
    tfc: () => r.chars(ALNUM, 14) + '.atlasv1.' + r.chars(ALNUM, 67),
    pem: () => r.chars(B64, 64),
  };
  const dockerAuth = () => Buffer.from(`${r.pick(['ci', 'deploy', 'robot$builder'])}:${secret.pwa()}`).toString('base64');
  secret.dockerauth = dockerAuth;
  secret.pkcs8esc = () => secret.pkcs8().replace(/\n/g, '\\n');
  secret.azsecret = () => r.chars(ALNUM, 3) + '8Q~' + r.chars(ALNUM + '~._-', 34);
  secret.uuidsecret = uuid;
  secret.b64key = () => Buffer.from(secret.eckey()).toString('base64');
  secret.b64pw = () => Buffer.from(secret.pwa()).toString('base64');
  const pemBody = (lines) => Array.from({ length: lines }, () => secret.pem()).join('\n') + '\n' + r.chars(B64, r.int(10, 60)) + '=';
  secret.rsakey = () => `-----BEGIN RSA PRIVATE KEY-----\n${pemBody(12)}\n-----END RSA PRIVATE KEY-----`;
  secret.opensshkey = () => `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n${pemBody(5)}\n-----END OPENSSH PRIVATE KEY-----`;
  secret.eckey = () => `-----BEGIN EC PRIVATE KEY-----\n${pemBody(3)}\n-----END EC PRIVATE KEY-----`;
  secret.pkcs8 = () => `-----BEGIN PRIVATE KEY-----\n${pemBody(10)}\n-----END PRIVATE KEY-----`;

  /** Fills one template; returns { text, secrets }. */
  function fill(tpl) {
    const secrets = [];
    // Within one row, timestamps move forward from the first one and dates repeat,
    // so multi-line rows read like one real excerpt.
    let lastTs = null;
    let lastDate = null;
    const text = tpl.replace(/\{(S:)?([a-z0-9]+)\}/g, (m, s, name) => {
      if (!s && name === 'ts') {
        lastTs = lastTs === null ? Date.parse(plain.ts()) : lastTs + r.int(1, 2500);
        return new Date(lastTs).toISOString();
      }
      if (!s && name === 'date') return (lastDate ??= plain.date());
      const gen = s ? secret[name] : plain[name];
      if (!gen) throw new Error('unknown placeholder ' + m + ' in ' + tpl);
      const v = gen();
      if (s) secrets.push(v);
      return v;
    });
    return { text, secrets };
  }
  return { fill, r };
}
