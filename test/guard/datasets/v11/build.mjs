// Builds config-secrets.jsonl from the hand-written templates in ./templates.
// Template files: sections start with a header line `## <template-id> | <category> | <file>`;
// the body is every following line up to the next header. Slots: {{name:arg}} (benign
// look-alike), {{!name:arg}} (secret, recorded in `secrets`), {{@k=...}} binds a slot to k and
// {{@k}} repeats it. Each template is filled USES times with fresh values.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rng, here, hashOf, writeJsonl } from '../v2/lib.mjs';
import { makeGen } from './gen.mjs';

const USES = 3;
const BASE_MS = Date.UTC(2026, 10, 2, 6, 0, 0);

export function parseTemplates(dir = join(here, '..', 'v11', 'templates')) {
  const out = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    let cur = null;
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      const m = /^## ([\w.-]+) \| ([\w-]+) \| (.+)$/.exec(line);
      if (m) {
        cur = { tid: m[1], category: m[2], file: m[3].trim(), lines: [], source: name };
        out.push(cur);
      } else if (cur) cur.lines.push(line);
    }
  }
  for (const t of out) {
    while (t.lines.length && t.lines[t.lines.length - 1].trim() === '') t.lines.pop();
    t.body = t.lines.join('\n');
    delete t.lines;
    if (!t.body) throw new Error('empty template ' + t.tid);
  }
  const seen = new Set();
  for (const t of out) {
    if (seen.has(t.tid)) throw new Error('duplicate template id ' + t.tid);
    seen.add(t.tid);
  }
  return out;
}

const SLOT = /\{\{(@\w+)?(=)?(!)?([\w]*)(?::((?:(?!\}\}).)*))?\}\}/g;

function fill(t, r, baseMs) {
  const { plain, secret } = makeGen(r, baseMs);
  const vars = new Map();
  const secrets = [];
  const text = t.body.replace(SLOT, (all, bind, eq, bang, name, arg) => {
    if (bind && !eq && !name) {
      if (!vars.has(bind)) throw new Error(`${t.tid}: unbound ${bind}`);
      return vars.get(bind);
    }
    const table = bang ? secret : plain;
    const fn = table[name];
    if (!fn) throw new Error(`${t.tid}: unknown slot ${all}`);
    const v = fn(arg ?? '');
    if (bang) secrets.push(v);
    if (bind) vars.set(bind, v);
    return v;
  });
  return { text, secrets: [...new Set(secrets)] };
}

function main() {
  const templates = parseTemplates();
  const rows = [];
  const counters = {};
  for (const t of templates) {
    const isSecret = !t.category.startsWith('benign-');
    const hasSecretSlot = /\{\{(@\w+=)?!/.test(t.body);
    if (isSecret !== hasSecretSlot) throw new Error(`${t.tid}: category ${t.category} but secret slot=${hasSecretSlot}`);
    for (let u = 0; u < USES; u++) {
      const seed = parseInt(hashOf(`v11:${t.tid}:${u}`).slice(0, 8), 16);
      const r = rng(seed);
      const baseMs = BASE_MS + r.int(0, 30 * 86400) * 1000 + r.int(0, 999);
      const { text, secrets } = fill(t, r, baseMs);
      counters[t.category] = (counters[t.category] ?? 0) + 1;
      rows.push({
        id: `cfg11-${t.category}-${String(counters[t.category]).padStart(3, '0')}`,
        split: 'frozen',
        category: t.category,
        label: isSecret ? 'secret' : 'benign',
        file: t.file,
        secrets,
        text,
        template: t.tid,
      });
    }
  }
  writeJsonl('../v11/config-secrets.jsonl', rows);
}

main();
