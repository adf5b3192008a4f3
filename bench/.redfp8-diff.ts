import { readFileSync } from 'node:fs';
import { redact as r0 } from '/work/wt/redfp8/src/guard/redaction/index.ts';
const redact = (s: string) => r0(s).text;
const ids = process.argv.slice(2);
for (const line of readFileSync('test/guard/datasets/v11/config-secrets.jsonl','utf8').split('\n')) {
  if (!line) continue; const r = JSON.parse(line);
  if (!ids.some(i => r.id.endsWith(i))) continue;
  const out = redact(r.text).split('\n'); const inp = r.text.split('\n');
  inp.forEach((l: string, i: number) => { if (l !== out[i]) console.log(r.id, r.template, '\n  < ' + l + '\n  > ' + out[i]); });
}
