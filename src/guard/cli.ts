/**
 * The guard CLI, for security teams to test the defenses on their own corpora with the very
 * code the service runs. `npm run guard -- --help` prints the usage below.
 *
 * Input: one JSON object per line with `text` (or `command`). Output: one line per input line
 * (JSON, or an aligned table with `--format table`); a bad line gives an error line and the
 * exit code is 1 at the end. A summary line (counts per verdict) goes to stderr, so stdout
 * stays one line per input.
 *
 * The process never calls `process.exit()` once it has written: stdout through a pipe is
 * asynchronous, and exiting drops what is still buffered (a pipe of 3,000 lines lost the
 * tail). It sets `process.exitCode` and lets Node exit when the output has drained.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyCommand } from './command-policy.js';
import { evaluateFolders, formatEvaluation, repositorySets, splitFilters, type SplitFilter } from './guard-evaluation.js';
import { createInjectionDetector, injectionSources, type InjectionSource } from './injection/index.js';
import { redact } from './redaction/index.js';

export const usage = `usage: npm run guard -- <command> [options] <file.jsonl>

commands:
  scan [--source question|description|guidance|note|alert|log] <file.jsonl>
        screen each line's "text" for prompt injection (a row's own "source" is used when
        --source is not given; default question). Verdicts: block, allow.
  redact <file.jsonl>
        redact secrets and personal data from each line's "text". Verdicts: redacted, clean.
  command <file.jsonl>
        classify each line's "command" (or "text") with the runbook command policy.
        Verdicts: the command classes (read-only, changes-state, destructive, ...).
  evaluate [--split dev|frozen|all] [folder ...]
        detection and false-positive figures of the labeled sets, per set, split (dev,
        frozen) and category; frozen rows are reported as counts only. Without a folder:
        every set in the repository. --split dev reads only rows that may be tuned on
        (use it while working on a guard), --split frozen only the never-tuned rows;
        default all.

options:
  --format json|table   output format (default json; evaluate defaults to table)
  --help, -h            this text

Exit code: 0, 1 when a line could not be read, 2 for wrong arguments.`;

type Format = 'json' | 'table';

interface Arguments {
  command: string | undefined;
  source: InjectionSource | undefined;
  format: Format | undefined;
  split: SplitFilter;
  help: boolean;
  positional: string[];
}

class UsageError extends Error {}

function parseArguments(argv: readonly string[]): Arguments {
  const parsed: Arguments = { command: undefined, source: undefined, format: undefined, split: 'all', help: false, positional: [] };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument === '--help' || argument === '-h') parsed.help = true;
    else if (argument === '--source') {
      const value = argv[(index += 1)];
      if (!value || !injectionSources.includes(value as InjectionSource)) throw new UsageError(`--source must be one of ${injectionSources.join(', ')}`);
      parsed.source = value as InjectionSource;
    } else if (argument === '--format') {
      const value = argv[(index += 1)];
      if (value !== 'json' && value !== 'table') throw new UsageError('--format must be json or table');
      parsed.format = value;
    } else if (argument === '--split') {
      const value = argv[(index += 1)];
      if (!value || !splitFilters.includes(value as SplitFilter)) throw new UsageError(`--split must be one of ${splitFilters.join(', ')}`);
      parsed.split = value as SplitFilter;
    } else if (argument.startsWith('--')) throw new UsageError(`unknown option ${argument}`);
    else if (parsed.command === undefined) parsed.command = argument;
    else parsed.positional.push(argument);
  }
  return parsed;
}

/** One output row: the verdict counted in the summary, the JSON printed, the table cells. */
interface Outcome {
  verdict: string;
  json: Record<string, unknown>;
  cells: string[];
}

const clip = (text: string, length = 60): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
};

/** Left-aligned columns, widths from the widest cell (the table is for people, so it is bounded). */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

function processLines(file: string, format: Format, header: readonly string[], handle: (row: Record<string, unknown>) => Outcome, out: (line: string) => void): Map<string, number> {
  const text = readFileSync(file, 'utf8');
  const counts = new Map<string, number>();
  const tableRows: string[][] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let outcome: Outcome;
    try {
      const row = JSON.parse(line) as unknown;
      if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new Error('each line must be a JSON object');
      outcome = handle(row as Record<string, unknown>);
    } catch (error) {
      const message = (error as Error).message;
      outcome = { verdict: 'error', json: { error: message, line: index + 1 }, cells: ['error', '', message] };
    }
    counts.set(outcome.verdict, (counts.get(outcome.verdict) ?? 0) + 1);
    if (format === 'json') out(JSON.stringify(outcome.json));
    else tableRows.push([String(index + 1), ...outcome.cells]);
  });
  if (format === 'table') for (const line of formatTable(['line', ...header], tableRows)) out(line);
  return counts;
}

function textOf(row: Record<string, unknown>, key = 'text'): string {
  const value = row[key];
  if (typeof value !== 'string') throw new Error(`missing string field "${key}"`);
  return value;
}

function summaryOf(command: string, counts: Map<string, number>): string {
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const parts = [...counts.entries()].sort(([left], [right]) => left.localeCompare(right)).map(([verdict, count]) => `${verdict} ${count}`);
  if (command === 'evaluate') return `guard evaluate: ${total} figure rows`;
  return `guard ${command}: ${total} lines${parts.length > 0 ? `, ${parts.join(', ')}` : ''}`;
}

/**
 * Runs the CLI. Returns the exit code; writes through `out` (stdout) and `err` (stderr).
 * Exported for tests; `main` below wires it to the process.
 */
export function run(argv: readonly string[], out: (line: string) => void, err: (line: string) => void): number {
  let parsed: Arguments;
  try {
    parsed = parseArguments(argv);
  } catch (error) {
    err(`guard: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (parsed.help) {
    out(usage);
    return 0;
  }
  const { command, positional } = parsed;
  const needFile = (): string => {
    if (!positional[0]) throw new UsageError(`${command} needs a file`);
    return positional[0];
  };
  try {
    let counts: Map<string, number>;
    switch (command) {
      case 'scan': {
        const detector = createInjectionDetector();
        counts = processLines(needFile(), parsed.format ?? 'json', ['verdict', 'score', 'source', 'text'], (row) => {
          const text = textOf(row);
          const rowSource = parsed.source ?? (injectionSources.includes(row.source as InjectionSource) ? (row.source as InjectionSource) : 'question');
          const verdict = detector.screen(text, { source: rowSource });
          const blocked = verdict.verdict === 'block';
          return {
            verdict: verdict.verdict,
            json: { blocked, score: verdict.score, reasons: verdict.reasons },
            cells: [verdict.verdict, verdict.score.toFixed(3), rowSource, clip(text)],
          };
        }, out);
        break;
      }
      case 'redact':
        counts = processLines(needFile(), parsed.format ?? 'json', ['verdict', 'types', 'text'], (row) => {
          const result = redact(textOf(row));
          const verdict = result.redactions.length > 0 ? 'redacted' : 'clean';
          return { verdict, json: { ...result }, cells: [verdict, result.redactions.map((item) => `${item.type}×${item.count}`).join(',') || '-', clip(result.text)] };
        }, out);
        break;
      case 'command':
        counts = processLines(needFile(), parsed.format ?? 'json', ['class', 'command'], (row) => {
          const command = typeof row.command === 'string' ? row.command : textOf(row);
          const verdict = classifyCommand(command);
          return { verdict: verdict.class, json: { class: verdict.class, reasons: verdict.reasons }, cells: [verdict.class, clip(command)] };
        }, out);
        break;
      case 'evaluate': {
        const evaluation = evaluateFolders(positional.length > 0 ? positional.map((folder) => ({ name: folder, folder })) : repositorySets(), parsed.split);
        for (const line of formatEvaluation(evaluation, parsed.format ?? 'table')) out(line);
        counts = new Map([['figure rows', evaluation.length]]);
        break;
      }
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'a command is needed');
    }
    err(summaryOf(command, counts));
    return counts.has('error') ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      err(`guard: ${error.message}\n${usage}`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      err(`guard: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // One write per line would be ~3,000 syscalls for 3,000 lines; stdout buffers them itself.
  process.exitCode = run(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`));
}
