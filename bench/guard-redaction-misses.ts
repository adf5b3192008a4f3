/**
 * The redaction rows of an exposed set the redactor gets wrong: benign rows altered
 * (`before -> after`, with the redaction types) and secrets or personal values left in the output.
 * Only for sets that may be read (exposed or dev): it prints the rows' text.
 *
 *   npx tsx bench/guard-redaction-misses.ts [folder]     # default test/guard/datasets/v5; v6 since redfp
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { redact } from '../src/guard/redaction/index.js';

const root = path.resolve(import.meta.dirname, '..');
const folder = path.resolve(root, process.argv[2] ?? 'test/guard/datasets/v5');

const leaks = (output: string, secret: string): boolean => {
  if (output.includes(secret)) return true;
  for (let start = 0; start + 8 <= secret.length; start += 4) if (output.includes(secret.slice(start, start + 8))) return true;
  return false;
};

for (const file of ['config-secrets.jsonl', 'pii.jsonl'].filter((name) => existsSync(path.join(folder, name)))) {
  const rows = readFileSync(path.join(folder, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  for (const row of rows) {
    const text = String(row.text);
    const { text: output, redactions } = redact(text);
    const types = redactions.map((entry) => entry.type).join(',');
    const values = (row.secrets ?? row.values ?? []) as string[];
    if (values.length === 0) {
      if (output !== text) console.log(`ALTERED ${String(row.id)} [${types}]\n  ${text.replace(/\n/g, '\n  ')}\n  ->\n  ${output.replace(/\n/g, '\n  ')}`);
    } else {
      const left = values.filter((value) => leaks(output, value));
      if (left.length > 0) console.log(`MISSED ${String(row.id)} ${JSON.stringify(left)}\n  ${output.replace(/\n/g, '\n  ')}`);
    }
  }
}
