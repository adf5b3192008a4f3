// Placeholder filling for the v6 config-secrets set. A template is hand-written text with
// «name» or «name:arg» placeholders; each is replaced by a seeded random value so every
// build writes the same bytes. «S:kind» makes a secret value and records it in `secrets`;
// «R:n» repeats the n-th secret of the row (0-based) without recording it again.
import { rng, ALNUM, DIGITS, UPPER, LOWER } from '../v2/lib.mjs';

const HEX = '0123456789abcdef';
const B64 = ALNUM + '+/';
const B64URL = ALNUM + '-_';
const PW = ALNUM + '!*-_.%';

export function makeFiller(seed) {
  const r = rng(seed);
  const hex = (n) => r.chars(HEX, n);
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${r.pick('89ab')}${hex(3)}-${hex(12)}`;
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  const ts = () => `2026-${pad(r.int(9, 11))}-${pad(r.int(1, 28))}T${pad(r.int(0, 23))}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))}`;
  const months = ['Sep', 'Oct', 'Nov'];
  const b64 = (bytes) => {
    const buf = Buffer.from(Array.from({ length: bytes }, () => r.int(0, 255)));
    return buf.toString('base64');
  };
  const b64url = (bytes) => b64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const password = (lo = 14, hi = 22) => {
    // Always mixes classes so no generated password reads as a word or a number.
    let p = r.chars(UPPER, 1) + r.chars(LOWER, 2) + r.chars(DIGITS, 2) + r.chars(PW, r.int(lo, hi) - 5);
    return p;
  };
  const urlPassword = () => r.chars(UPPER, 1) + r.chars(LOWER, 3) + r.chars(DIGITS, 2) + r.chars(ALNUM + '-_.', r.int(10, 16));
  const pemBody = (lines, last) => {
    const out = [];
    for (let i = 0; i < lines; i++) out.push(r.chars(B64, 64));
    out.push(r.chars(B64, last) + '==');
    return out.join('\n');
  };

  const values = {
    uuid,
    hex: (n) => hex(Number(n ?? 16)),
    HEX: (n) => hex(Number(n ?? 16)).toUpperCase(),
    upper: (n) => r.chars(UPPER + DIGITS, Number(n ?? 16)),
    digits: (n) => r.chars(DIGITS, Number(n ?? 6)),
    // An AWS access key id names a key; it is not the credential, so it is no `S:` secret.
    akia: () => r.pick(['AKIA', 'ASIA']) + r.chars(UPPER + '234567', 16),
    sha: () => hex(40),
    short: () => hex(7),
    digest: () => 'sha256:' + hex(64),
    trace: () => hex(32),
    span: () => hex(16),
    b64id: (n) => b64url(Number(n ?? 12)),
    alnum: (n) => r.chars(ALNUM, Number(n ?? 10)),
    lower: (n) => r.chars(LOWER + DIGITS, Number(n ?? 5)),
    int: (range) => {
      const [lo, hi] = (range ?? '1-999').split('-').map(Number);
      return String(r.int(lo, hi));
    },
    ip: () => r.pick([`10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(2, 254)}`, `172.${r.int(16, 31)}.${r.int(0, 255)}.${r.int(2, 254)}`, `192.168.${r.int(0, 255)}.${r.int(2, 254)}`]),
    pubip: () => r.pick(['203.0.113.', '198.51.100.', '192.0.2.']) + r.int(2, 254),
    ts: () => ts(),
    tsz: () => `${ts()}.${pad(r.int(0, 999), 3)}Z`,
    clf: () => `${pad(r.int(1, 28))}/${r.pick(months)}/2026:${pad(r.int(0, 23))}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))} +0000`,
    syslog: () => `${r.pick(months)} ${String(r.int(1, 28)).padStart(2, ' ')} ${pad(r.int(0, 23))}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))}`,
    epoch: () => String(r.int(1788000000, 1796000000)),
    ms: () => String(r.int(1, 4999)),
    dur: () => `${r.int(0, 9)}.${pad(r.int(0, 999), 3)}`,
    pod: () => `${r.chars(LOWER + DIGITS, 10)}-${r.chars(LOWER + DIGITS, 5)}`,
    // Secrets.
    'S:pw': () => password(),
    'S:urlpw': () => urlPassword(),
    'S:npm': () => 'npm_' + r.chars(ALNUM, 36),
    'S:ghp': () => 'ghp_' + r.chars(ALNUM, 36),
    'S:ghs': () => 'ghs_' + r.chars(ALNUM, 36),
    'S:gho': () => 'gho_' + r.chars(ALNUM, 36),
    'S:github_pat': () => 'github_pat_' + r.chars(ALNUM, 22) + '_' + r.chars(ALNUM, 59),
    'S:glpat': () => 'glpat-' + r.chars(ALNUM + '-_', 20),
    'S:awssecret': () => r.chars(ALNUM + '/+', 40),
    'S:awssession': () => 'IQoJb3JpZ2luX2VjE' + r.chars(ALNUM + '/+', 300),
    'S:slackbot': () => `xoxb-${r.int(100000000000, 999999999999)}-${r.int(100000000000, 999999999999)}-${r.chars(ALNUM, 24)}`,
    'S:slackhook': () => `https://hooks.slack.com/services/T${r.chars(UPPER + DIGITS, 8)}/B${r.chars(UPPER + DIGITS, 10)}/${r.chars(ALNUM, 24)}`,
    'S:stripe': () => 'sk_live_' + r.chars(ALNUM, 32),
    'S:stripewh': () => 'whsec_' + r.chars(ALNUM, 32),
    'S:google': () => 'AIza' + r.chars(ALNUM + '-_', 35),
    'S:sendgrid': () => 'SG.' + r.chars(ALNUM + '-_', 22) + '.' + r.chars(ALNUM + '-_', 43),
    'S:twilio': () => hex(32),
    'S:hex32': () => hex(32),
    'S:hex40': () => hex(40),
    'S:hex64': () => hex(64),
    'S:b64_32': () => b64(32),
    'S:b64_24': () => b64(24),
    'S:alnum32': () => r.chars(ALNUM, 32),
    'S:alnum24': () => r.chars(ALNUM, 24),
    'S:openai': () => 'sk-proj-' + r.chars(ALNUM + '-_', 48),
    'S:anthropic': () => 'sk-ant-api03-' + r.chars(ALNUM + '-_', 86) + '-' + r.chars(ALNUM, 6) + 'AA',
    'S:hf': () => 'hf_' + r.chars(ALNUM, 34),
    'S:pypi': () => 'pypi-AgEIcHlwaS5vcmc' + r.chars(ALNUM + '-_', 60),
    'S:dockerhub': () => 'dckr_pat_' + r.chars(ALNUM + '-_', 27),
    'S:vault': () => 'hvs.' + r.chars(ALNUM + '-_', 90),
    'S:datadog': () => hex(32),
    'S:azureconn': () => r.chars(ALNUM + '+/', 86) + '==',
    'S:jwt': () => {
      const header = Buffer.from('{"alg":"RS256","kid":"' + hex(8) + '","typ":"JWT"}').toString('base64url');
      const body = Buffer.from(`{"sub":"system:serviceaccount:ops:${r.chars(LOWER, 6)}","iat":${r.int(1788000000, 1796000000)}}`).toString('base64url');
      return `${header}.${body}.${b64url(r.pick([64, 128, 256]))}`;
    },
    'S:basic': () => Buffer.from(`${r.chars(LOWER, r.int(4, 9))}:${password(12, 18)}`).toString('base64'),
    'S:rsa': () => pemBody(r.int(8, 14), r.int(20, 40)),
    'S:openssh': () => 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAA' + r.chars(B64, 8) + '\n' + pemBody(r.int(4, 7), r.int(10, 30)),
    'S:ec': () => 'MHcCAQEEI' + r.chars(B64, 55) + '\n' + pemBody(1, 22),
    'S:pgp': () => 'lQOYBG' + r.chars(B64, 58) + '\n' + pemBody(r.int(6, 10), r.int(10, 30)),
  };

  /** Fills one template; returns { text, secrets }. */
  return function fill(template) {
    const secrets = [];
    const text = template.replace(/«([^»]+)»/g, (_, spec) => {
      const [name, ...rest] = spec.split(':');
      if (name === 'R') return secrets[Number(rest[0])];
      const key = name === 'S' ? 'S:' + rest[0] : name;
      const gen = values[key];
      if (!gen) throw new Error('unknown placeholder «' + spec + '» in ' + template.slice(0, 60));
      const v = gen(name === 'S' ? rest[1] : rest.join(':') || undefined);
      if (name === 'S') secrets.push(v);
      return v;
    });
    return { text, secrets };
  };
}
