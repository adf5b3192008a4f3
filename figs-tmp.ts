import { guardFileFigures, devMisses } from './src/guard/redaction-command-figures.js';
const dir = 'test/guard/datasets/v2/';
const mode = process.argv[2];
for (const f of ['pii.jsonl', 'config-secrets.jsonl', 'commands.jsonl']) {
  if (mode === 'misses') { for (const m of devMisses(f, dir + f)) console.log(f, '|', m.why.slice(0, 300), '|', JSON.stringify(m.text).slice(0, 200)); continue; }
  for (const r of guardFileFigures('v2', f, dir + f)!) if (r.split === 'dev') console.log(f, r.split, r.category, `${r.caught}/${r.positives}`, `${r.falsePositives}/${r.negatives}`);
}
