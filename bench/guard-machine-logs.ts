/**
 * Runs the redactor over every line of the given files (or stdin) and reports how many lines it
 * altered, grouped by the rule that fired, with each altered line's before → after.
 *
 *   npx tsx bench/guard-machine-logs.ts /var/log/dpkg.log /var/log/apt/history.log
 *   git log --format=fuller | npx tsx bench/guard-machine-logs.ts -
 *   npx tsx bench/guard-machine-logs.ts --summary FILES   (counts only, no lines)
 *
 * Each line goes through the same `redact` the evaluator uses for config-secrets rows; the rule
 * that fired is found by applying the rules one by one (name: `<type>#<index in redactionRules>`).
 */
import { readFileSync } from 'node:fs';
import { redact } from '../src/guard/redaction/index.js';
import { redactionRules } from '../src/guard/redaction/rules.js';

interface Altered {
  source: string;
  before: string;
  after: string;
}

function firedRules(line: string): string[] {
  const fired: string[] = [];
  let text = line;
  redactionRules.forEach((rule, index) => {
    const next = rule.apply(text, () => undefined);
    if (next !== text) fired.push(`${rule.type}#${index}`);
    text = next;
  });
  return fired;
}

function readSource(path: string): string {
  return readFileSync(path === '-' ? 0 : path, 'utf8');
}

function main(): void {
  const args = process.argv.slice(2);
  const summary = args.includes('--summary');
  const files = args.filter((arg) => arg !== '--summary');
  if (files.length === 0) files.push('-');
  const groups = new Map<string, Altered[]>();
  const perSource: { source: string; read: number; altered: number }[] = [];
  for (const source of files) {
    let read = 0;
    let altered = 0;
    for (const line of readSource(source).split('\n')) {
      if (line.trim().length === 0) continue;
      read += 1;
      const after = redact(line).text;
      if (after === line) continue;
      altered += 1;
      for (const rule of firedRules(line)) groups.set(rule, [...(groups.get(rule) ?? []), { source, before: line, after }]);
    }
    perSource.push({ source, read, altered });
  }
  if (!summary) {
    for (const [rule, rows] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
      console.log(`\n== ${rule}: ${rows.length} line(s)`);
      for (const row of rows) console.log(`  [${row.source}]\n  - ${row.before.slice(0, 400)}\n  + ${row.after.slice(0, 400)}`);
    }
    console.log('');
  }
  let totalRead = 0;
  let totalAltered = 0;
  for (const { source, read, altered } of perSource) {
    totalRead += read;
    totalAltered += altered;
    console.log(`${altered}/${read}\t${source}`);
  }
  console.log(`TOTAL lines read ${totalRead}, altered ${totalAltered} (${((100 * totalAltered) / Math.max(1, totalRead)).toFixed(2)}%)`);
}

main();
