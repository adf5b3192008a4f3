/**
 * The guard CLI, for security teams to test the defenses on their own corpora with the very
 * code the service runs:
 *   npm run guard -- scan [--source question|description|guidance|note|alert|log] <file.jsonl>
 *   npm run guard -- redact <file.jsonl>
 *   npm run guard -- command <file.jsonl>
 *   npm run guard -- evaluate <folder with injection-attacks.jsonl, injection-benign.jsonl, redaction.jsonl>
 * Input: one JSON object per line with `text` (or `command`). Output: one JSON line per input
 * line; a bad line gives `{"error": ...}` and the exit code is 1 at the end.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { classifyCommand } from './command-policy.js';
import { evaluateInjection, evaluateRedaction } from './guard-evaluation.js';
import { createInjectionDetector, type InjectionSource as UntrustedSource } from './injection/index.js';
import { redact } from './redaction/index.js';

const detector = createInjectionDetector();

const sources: UntrustedSource[] = ['question', 'description', 'guidance', 'note', 'alert', 'log'];
const usage = 'usage: guard scan [--source question|description|guidance|note|alert|log] <file.jsonl> | redact <file.jsonl> | command <file.jsonl> | evaluate <folder>';

function fail(message: string): never {
  console.error(`guard: ${message}\n${usage}`);
  process.exit(2);
}

function eachLine(file: string, handle: (row: Record<string, unknown>) => unknown): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  let errors = 0;
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      const row = JSON.parse(line) as unknown;
      if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new Error('each line must be a JSON object');
      console.log(JSON.stringify(handle(row as Record<string, unknown>)));
    } catch (error) {
      errors += 1;
      console.log(JSON.stringify({ error: (error as Error).message, line: index + 1 }));
    }
  });
  return errors;
}

function textOf(row: Record<string, unknown>, key = 'text'): string {
  const value = row[key];
  if (typeof value !== 'string') throw new Error(`missing string field "${key}"`);
  return value;
}

const [command, ...rest] = process.argv.slice(2);
let errors = 0;
switch (command) {
  case 'scan': {
    let source: UntrustedSource = 'question';
    const sourceFlag = rest.indexOf('--source');
    if (sourceFlag >= 0) {
      const value = rest[sourceFlag + 1] as UntrustedSource | undefined;
      if (!value || !sources.includes(value)) fail(`--source must be one of ${sources.join(', ')}`);
      source = value;
      rest.splice(sourceFlag, 2);
    }
    if (!rest[0]) fail('scan needs a file');
    errors = eachLine(rest[0], (row) => {
      const rowSource = sourceFlag < 0 && sources.includes(row.source as UntrustedSource) ? (row.source as UntrustedSource) : source;
      const verdict = detector.screen(textOf(row), { source: rowSource });
      return { blocked: verdict.verdict === 'block', score: verdict.score, reasons: verdict.reasons };
    });
    break;
  }
  case 'redact':
    if (!rest[0]) fail('redact needs a file');
    errors = eachLine(rest[0], (row) => redact(textOf(row)));
    break;
  case 'command':
    if (!rest[0]) fail('command needs a file');
    errors = eachLine(rest[0], (row) => {
      const verdict = classifyCommand(typeof row.command === 'string' ? row.command : textOf(row));
      return { class: verdict.class, reasons: verdict.reasons };
    });
    break;
  case 'evaluate': {
    const folder = rest[0] ?? fail('evaluate needs a folder');
    const read = <T>(name: string): T[] =>
      readFileSync(path.join(folder, name), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as T);
    const injection = evaluateInjection(read('injection-attacks.jsonl'), read('injection-benign.jsonl'));
    const redaction = evaluateRedaction(read('redaction.jsonl'));
    console.log(JSON.stringify({ injection: { ...injection, missed: injection.missed.length, falselyBlocked: injection.falselyBlocked.length }, redaction: { ...redaction, missed: redaction.missed.length, falselyRedacted: redaction.falselyRedacted.length } }, null, 2));
    break;
  }
  default:
    fail(command ? `unknown command "${command}"` : 'a command is needed');
}
process.exit(errors > 0 ? 1 : 0);
