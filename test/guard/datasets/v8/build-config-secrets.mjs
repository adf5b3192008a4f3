// Builds config-secrets.jsonl for the v8 blind set from the hand-written templates in
// logs.mjs, configs.mjs and secrets.mjs. Seeded, so every run writes the same bytes.
//   node test/guard/datasets/v8/build-config-secrets.mjs
import { writeJsonl } from '../v2/lib.mjs';
import { makeFiller } from './fill.mjs';
import { LOGS } from './logs.mjs';
import { CONFIGS } from './configs.mjs';
import { SECRETS } from './secrets.mjs';

const { fill } = makeFiller(0x5eed0008);
const rows = [];
const seen = new Set();
const pad = (n) => String(n).padStart(3, '0');

function push(row) {
  if (seen.has(row.text)) return false;
  seen.add(row.text);
  rows.push(row);
  return true;
}

function benign(list, category, prefix, instances) {
  let n = 0;
  list.forEach(([file, tpl], i) => {
    for (let k = 0; k < instances; k++) {
      const { text, secrets } = fill(tpl);
      if (secrets.length) throw new Error('secret placeholder in benign template ' + tpl);
      const id = `v8-${prefix}-${pad(i + 1)}${String.fromCharCode(97 + k)}`;
      if (push({ id, split: 'frozen', category, label: 'benign', file, secrets: [], text, template: `${prefix}${i + 1}` })) n++;
    }
  });
  return n;
}

benign(LOGS, 'benign-log', 'log', 2);
benign(CONFIGS, 'benign-config', 'cfg', 2);
SECRETS.forEach(([category, file, tpl], i) => {
  for (let k = 0; k < 2; k++) {
    const { text, secrets } = fill(tpl);
    if (!secrets.length) throw new Error('no secret in ' + tpl);
    for (const s of secrets) if (!text.includes(s) || s.length < 8) throw new Error('bad secret ' + s);
    push({ id: `v8-sec-${pad(i + 1)}${String.fromCharCode(97 + k)}`, split: 'frozen', category, label: 'secret', file, secrets, text, template: `sec${i + 1}` });
  }
});

// Checks: no secret value leaks into a benign row; benign rows carry no email address.
const allSecrets = rows.flatMap((r) => r.secrets);
for (const r of rows) {
  if (r.label !== 'benign') continue;
  for (const s of allSecrets) if (r.text.includes(s)) throw new Error('secret value inside benign ' + r.id);
  if (/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}/.test(r.text.replace(/@(sha256|v\d|\d|0x)/g, ''))) {
    throw new Error('email-like text in benign ' + r.id + ': ' + r.text);
  }
}
writeJsonl('../v8/config-secrets.jsonl', rows);
