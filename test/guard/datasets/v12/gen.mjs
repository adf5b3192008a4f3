// Value generators for the v12 set: random-looking but non-secret values for benign rows,
// secret values for secret rows, personal data with valid checksums for pii rows.
import { DIGITS, UPPER, LOWER, ALNUM, luhnCheckDigit, makeIban, group4 } from '../v2/lib.mjs';

const HEX = '0123456789abcdef';
const B64 = ALNUM + '+/';
const B64URL = ALNUM + '-_';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n, w = 2) => String(n).padStart(w, '0');

export function plainValues(r) {
  const d = () => ({ mo: r.int(1, 12), dd: r.int(1, 28), h: r.int(0, 23), mi: r.int(0, 59), s: r.int(0, 59), ms: r.int(0, 999) });
  const users = ['deploy', 'ubuntu', 'ec2-user', 'jenkins', 'postgres', 'admin', 'oracle', 'git', 'ansible', 'backup', 'nagios', 'mhernandez', 'a.okafor', 'svc-batch', 'root', 'test', 'pi', 'ftpuser', 'k.nakamura', 'lbrandt'];
  const hosts = ['web-03', 'api-eu-1b-7', 'db-primary-2', 'ip-10-20-3-41', 'lb-int-02', 'worker-5f', 'mq-02.prod', 'edge-fra-11', 'bastion-1', 'ci-runner-14', 'cache-a3', 'mx1', 'ns2', 'k8s-node-pool-b-8xk2'];
  return {
    ip: () => r.pick([`10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`, `172.${r.int(16, 31)}.${r.int(0, 255)}.${r.int(1, 254)}`, `192.168.${r.int(0, 255)}.${r.int(1, 254)}`, `203.0.113.${r.int(1, 254)}`, `198.51.100.${r.int(1, 254)}`, `${r.int(31, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`]),
    ip6: () => `2001:db8:${r.chars(HEX, 4)}:${r.chars(HEX, 3)}::${r.chars(HEX, 2)}`,
    port: () => String(r.pick([r.int(1024, 65535), 443, 5432, 6379, 8080, 9092, 5672, 3306, 27017, 8443])),
    pid: () => String(r.int(200, 4194303)),
    n: () => String(r.int(1, 999)),
    d: () => String(r.int(1, 9)),
    nn: () => String(r.int(1000, 99999)),
    ms: () => String(r.int(1, 30000)),
    ms3: () => pad(r.int(0, 999), 3),
    dur: () => `${r.int(0, 59)}.${r.chars(DIGITS, 3)}s`,
    bytes: () => String(r.int(120, 99999999)),
    hex8: () => r.chars(HEX, 8),
    hex12: () => r.chars(HEX, 12),
    hex16: () => r.chars(HEX, 16),
    hex32: () => r.chars(HEX, 32),
    sha: () => r.chars(HEX, 40),
    sha7: () => r.chars(HEX, 7),
    sha256: () => r.chars(HEX, 64),
    uuid: () => `${r.chars(HEX, 8)}-${r.chars(HEX, 4)}-4${r.chars(HEX, 3)}-${r.pick(['8', '9', 'a', 'b'])}${r.chars(HEX, 3)}-${r.chars(HEX, 12)}`,
    b64id: () => r.chars(B64URL, 22),
    alnum10: () => r.chars(LOWER + DIGITS, 10),
    pod: () => `${r.chars('bcdfghjklmnpqrstvwxz2456789', 10)}-${r.chars('bcdfghjklmnpqrstvwxz2456789', 5)}`,
    qid: () => r.chars('0123456789ABCDEF', r.int(10, 12)),
    ver: () => `${r.int(0, 9)}.${r.int(0, 30)}.${r.int(0, 40)}`,
    epoch: () => String(r.int(1780000000, 1799999999)),
    epochms: () => String(r.int(1780000000000, 1799999999999)),
    iso: () => { const t = d(); return `2026-${pad(t.mo)}-${pad(t.dd)}T${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}.${pad(t.ms, 3)}Z`; },
    isos: () => { const t = d(); return `2026-${pad(t.mo)}-${pad(t.dd)} ${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}`; },
    syslog: () => { const t = d(); return `${MONTHS[t.mo - 1]} ${String(t.dd).padStart(2, ' ')} ${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}`; },
    clf: () => { const t = d(); return `${pad(t.dd)}/${MONTHS[t.mo - 1]}/2026:${pad(t.h)}:${pad(t.mi)}:${pad(t.s)} +0000`; },
    hms: () => { const t = d(); return `${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}`; },
    user: () => r.pick(users),
    host: () => r.pick(hosts),
    order: () => `${r.pick(['ORD', 'SO', 'INV', 'PO'])}-${r.int(2026000, 2026999)}${r.int(100, 999)}`,
    ticket: () => `${r.pick(['INC', 'OPS', 'SRE', 'CHG', 'PLAT'])}-${r.int(100, 99999)}`,
    lat: () => `${r.pick(['', '-'])}${r.int(1, 79)}.${r.chars(DIGITS, 6)}`,
    lon: () => `${r.pick(['', '-'])}${r.int(1, 179)}.${r.chars(DIGITS, 6)}`,
    lb: () => '{', rb: () => '}',
    pct: () => `${r.int(0, 99)}.${r.int(0, 9)}`,
    fp: () => 'SHA256:' + r.chars(B64, 43),
    lsn: () => `${r.chars('0123456789ABCDEF', 1)}/${r.chars('0123456789ABCDEF', 8)}`,
    rv: () => String(r.int(10000000, 999999999)),
  };
}

export function secretValues(r) {
  const sym = '!@#%^&*_-+=?';
  return {
    pw: () => r.chars(LOWER, 3) + r.chars(UPPER, 2) + r.chars(DIGITS, 3) + r.chars(sym.replace(/[@]/g, ''), 1) + r.chars(ALNUM, r.int(4, 9)),
    pwurl: () => r.chars(LOWER, 2) + r.chars(UPPER, 2) + r.chars(DIGITS, 2) + r.chars(ALNUM + '-_.~', r.int(8, 14)),
    pwsimple: () => r.pick(['Winter', 'Summer', 'Spring', 'Autumn', 'Welcome', 'Dragon', 'Bluebird']) + r.chars(DIGITS, 4) + r.pick(['!', '#', '$', '']),
    ghp: () => 'ghp_' + r.chars(ALNUM, 36),
    ghs: () => 'ghs_' + r.chars(ALNUM, 36),
    glpat: () => 'glpat-' + r.chars(ALNUM + '-_', 20),
    akid: () => 'AKIA' + r.chars(UPPER + '234567', 16),
    asia: () => 'ASIA' + r.chars(UPPER + '234567', 16),
    awssecret: () => r.chars(ALNUM + '+/', 40),
    xoxb: () => `xoxb-${r.chars(DIGITS, 11)}-${r.chars(DIGITS, 13)}-${r.chars(ALNUM, 24)}`,
    xoxp: () => `xoxp-${r.chars(DIGITS, 11)}-${r.chars(DIGITS, 12)}-${r.chars(DIGITS, 13)}-${r.chars(HEX, 32)}`,
    slackhook: () => `https://hooks.slack.com/services/T${r.chars(UPPER + DIGITS, 8)}/B${r.chars(UPPER + DIGITS, 10)}/${r.chars(ALNUM, 24)}`,
    jwt: () => 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.' + 'eyJ' + r.chars(B64URL, r.int(60, 110)) + '.' + r.chars(B64URL, 43),
    sklive: () => 'sk_live_' + r.chars(ALNUM, 24),
    rklive: () => 'rk_live_' + r.chars(ALNUM, 24),
    npm: () => 'npm_' + r.chars(ALNUM, 36),
    sg: () => 'SG.' + r.chars(B64URL, 22) + '.' + r.chars(B64URL, 43),
    uuidsecret: () => `${r.chars(HEX, 8)}-${r.chars(HEX, 4)}-${r.chars(HEX, 4)}-${r.chars(HEX, 4)}-${r.chars(HEX, 12)}`,
    whsec: () => 'whsec_' + r.chars(ALNUM, 32),
    awssession: () => 'IQoJb3JpZ2luX2VjE' + r.chars(ALNUM + '+/', 200) + '==',
    djkey: () => 'django-insecure-' + r.chars(LOWER + DIGITS + '!@#$%^&*(-_=+)', 50),
    hex32: () => r.chars(HEX, 32),
    hex40: () => r.chars(HEX, 40),
    hex64: () => r.chars(HEX, 64),
    b64: () => r.chars(B64, 43) + '=',
    alnum32: () => r.chars(ALNUM, 32),
    alnum24: () => r.chars(ALNUM, 24),
    gcpkey: () => 'AIza' + r.chars(ALNUM + '-_', 35),
    dd: () => r.chars(HEX, 32),
    pd: () => r.chars(ALNUM + '+_-', 20),
    twilio: () => 'SK' + r.chars(HEX, 32),
    hvs: () => 'hvs.' + r.chars(ALNUM + '_-', 90),
    dckr: () => 'dckr_pat_' + r.chars(ALNUM + '-_', 27),
    openai: () => 'sk-proj-' + r.chars(ALNUM + '-_', 48),
    anth: () => 'sk-ant-api03-' + r.chars(ALNUM + '-_', 93) + 'AA',
    azconn: () => r.chars(ALNUM + '+/', 86) + '==',
    rsa: () => pem(r, 'RSA PRIVATE KEY', r.int(12, 18)),
    openssh: () => pem(r, 'OPENSSH PRIVATE KEY', r.int(6, 9), 'b3BlbnNzaC1rZXktdjEAAAAA'),
    ec: () => pem(r, 'EC PRIVATE KEY', 3, 'MHcCAQEEI'),
    pkcs8: () => pem(r, 'PRIVATE KEY', r.int(10, 16), 'MIIE'),
  };
}

function pem(r, kind, lines, start = 'MII') {
  const body = [];
  for (let i = 0; i < lines; i++) body.push((i === 0 ? start : '') + r.chars(ALNUM + '+/', i === 0 ? 64 - start.length : 64));
  body.push(r.chars(ALNUM + '+/', r.int(8, 60)) + r.pick(['=', '==', '']));
  return `-----BEGIN ${kind}-----\n${body.join('\n')}\n-----END ${kind}-----`;
}

// Personal data. Each generator returns [value, type].
export function piiValues(r) {
  const ssnParts = () => {
    let a;
    do a = r.int(1, 899); while (a === 666);
    return [pad(a, 3), pad(r.int(1, 99)), pad(r.int(1, 9999), 4)];
  };
  const card = (prefix, len) => {
    const p = prefix + r.chars(DIGITS, len - prefix.length - 1);
    return p + luhnCheckDigit(p);
  };
  const grp = (s, sep, sizes) => { const out = []; let i = 0; for (const n of sizes) { out.push(s.slice(i, i + n)); i += n; } return out.join(sep); };
  const IB = { DE: () => r.chars(DIGITS, 18), FR: () => r.chars(DIGITS, 10) + r.chars(UPPER + DIGITS, 11) + r.chars(DIGITS, 2), GB: () => r.pick(['NWBK', 'BARC', 'HBUK', 'LOYD', 'MIDL']) + r.chars(DIGITS, 14), ES: () => r.chars(DIGITS, 20), IT: () => r.chars(UPPER, 1) + r.chars(DIGITS, 10) + r.chars(UPPER + DIGITS, 12), NL: () => r.pick(['ABNA', 'INGB', 'RABO', 'TRIO']) + r.chars(DIGITS, 10), BE: () => r.chars(DIGITS, 12), CH: () => r.chars(DIGITS, 5) + r.chars(UPPER + DIGITS, 12), AT: () => r.chars(DIGITS, 16), PL: () => r.chars(DIGITS, 24), IE: () => r.pick(['AIBK', 'BOFI']) + r.chars(DIGITS, 14), PT: () => r.chars(DIGITS, 21), SE: () => r.chars(DIGITS, 20), DK: () => r.chars(DIGITS, 14), NO: () => r.chars(DIGITS, 11), LU: () => r.chars(DIGITS, 3) + r.chars(UPPER + DIGITS, 13) };
  const ninoPrefix = () => { let p; do p = r.chars('ABCEGHJKLMNOPRSTWXYZ', 1) + r.chars('ABCEGHJKLMNPRSTWXYZ', 1); while (['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'].includes(p)); return p; };
  const first = ['maria', 'j.smith', 'priya.raman', 'oliver', 'fatima.z', 'lukas.becker', 'camille.durand', 'wei.zhang', 'tom', 'ana-lucia', 'r.obi', 'sven'];
  const doms = ['gmail.com', 'outlook.com', 'yahoo.co.uk', 'web.de', 'orange.fr', 'proton.me', 'icloud.com', 'example-corp.com', 'rediffmail.com', 'hotmail.fr', 'gmx.de', 'acme-retail.co.uk'];
  const ukMob = () => '7700 900' + r.chars(DIGITS, 3);
  return {
    email: () => [`${r.pick(first)}${r.pick(['', '', '.' + r.int(1, 99), r.int(70, 99)])}@${r.pick(doms)}`, 'email'],
    email_plus: () => [`${r.pick(first)}+${r.pick(['billing', 'test', 'shop', 'news'])}@${r.pick(doms)}`, 'email'],
    us_e164: () => [`+1${r.int(201, 989)}${r.int(200, 999)}${r.chars(DIGITS, 4)}`, 'phone'],
    us_nat: () => [r.pick([`(${r.int(201, 989)}) ${r.int(200, 999)}-${r.chars(DIGITS, 4)}`, `${r.int(201, 989)}-${r.int(200, 999)}-${r.chars(DIGITS, 4)}`, `${r.int(201, 989)}.${r.int(200, 999)}.${r.chars(DIGITS, 4)}`, `+1 ${r.int(201, 989)} ${r.int(200, 999)} ${r.chars(DIGITS, 4)}`]), 'phone'],
    uk_e164: () => [`+44${ukMob().replace(/ /g, '')}`, 'phone'],
    uk_nat: () => [r.pick([`0${ukMob()}`, `020 7946 0${r.chars(DIGITS, 3)}`, `0161 496 0${r.chars(DIGITS, 3)}`, `+44 (0)${ukMob()}`, `+44 20 7946 0${r.chars(DIGITS, 3)}`]), 'phone'],
    de_e164: () => [`+49${r.pick(['151', '160', '170', '176', '30', '89'])}${r.chars(DIGITS, 8)}`, 'phone'],
    de_nat: () => [r.pick([`0${r.pick(['151', '160', '176'])} ${r.chars(DIGITS, 8)}`, `030 ${r.chars(DIGITS, 8)}`, `(089) ${r.chars(DIGITS, 3)} ${r.chars(DIGITS, 4)}`, `+49 (0)30 ${r.chars(DIGITS, 4)}-${r.chars(DIGITS, 3)}`, `0049 176 ${r.chars(DIGITS, 8)}`]), 'phone'],
    fr_e164: () => [`+33${r.pick(['6', '7', '1'])}${r.chars(DIGITS, 8)}`, 'phone'],
    fr_nat: () => { const t = `0${r.pick(['6', '7', '1', '4'])}${r.chars(DIGITS, 8)}`; return [r.pick([grp(t, ' ', [2, 2, 2, 2, 2]), grp(t, '.', [2, 2, 2, 2, 2]), '+33 ' + grp(t.slice(1), ' ', [1, 2, 2, 2, 2])]), 'phone']; },
    in_e164: () => [`+91${r.pick(['9', '8', '7'])}${r.chars(DIGITS, 9)}`, 'phone'],
    in_nat: () => { const m = r.pick(['9', '8', '7']) + r.chars(DIGITS, 9); return [r.pick([`+91 ${m.slice(0, 5)} ${m.slice(5)}`, `0${m.slice(0, 5)} ${m.slice(5)}`, `+91-${m}`, `${m.slice(0, 5)}-${m.slice(5)}`]), 'phone']; },
    ssn: () => [ssnParts().join('-'), 'us_ssn'],
    ssn_sp: () => [ssnParts().join(' '), 'us_ssn'],
    ssn_bare: () => [ssnParts().join(''), 'us_ssn'],
    visa: () => { const c = card('4', 16); return [r.pick([c, group4(c), grp(c, '-', [4, 4, 4, 4])]), 'credit_card']; },
    mc: () => { const c = card(r.pick(['51', '53', '55', '2221', '2720', '2410']), 16); return [r.pick([c, group4(c)]), 'credit_card']; },
    amex: () => { const c = card(r.pick(['34', '37']), 15); return [r.pick([c, grp(c, ' ', [4, 6, 5]), grp(c, '-', [4, 6, 5])]), 'credit_card']; },
    disc: () => { const c = card('6011', 16); return [group4(c), 'credit_card']; },
    iban: () => { const cc = r.pick(Object.keys(IB)); const v = makeIban(cc, IB[cc]()); return [r.pick([v, group4(v)]), 'iban']; },
    nino: () => { const n = ninoPrefix() + r.chars(DIGITS, 6) + r.pick(['A', 'B', 'C', 'D']); return [r.pick([n, `${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6, 8)} ${n[8]}`, n.toLowerCase()]), 'uk_nino']; },
  };
}
