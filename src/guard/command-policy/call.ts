/**
 * What a rule of the command policy receives and returns, and the facts about programs that
 * the analyzer and several rules share.
 */
import type { Arg } from './arguments.js';
import type { Environment, Field } from './expansion.js';
import type { CommandClass } from './verdict.js';
import type { Script } from './shell-syntax.js';

/** What the data flowing into a command may be. */
export type Trait = 'download' | 'decode';

/** Where a command's standard input comes from. */
export interface Stdin {
  kind: 'none' | 'pipe' | 'heredoc' | 'herestring' | 'file';
  /** The content when it can be known. */
  text: string | null;
  traits: ReadonlySet<Trait>;
  /** Where it comes from, for reasons (a command, "a here-document", a file name). */
  source: string;
}

export interface CommandResult {
  /** What the command writes to standard output, when it can be known. */
  output: string | null;
  traits: Set<Trait>;
}

/** One command invocation as a rule sees it. */
export interface Call {
  /** The program name (basename of the command word). */
  name: string;
  args: Arg[];
  /** The whole command after expansion, for reasons. */
  display: string;
  stdin: Stdin;
  environment: Environment;
  analyzer: RuleHost;
}

/**
 * What a rule may ask of the analyzer that calls it (the analyzer implements it): record a
 * finding, review nested code, run a nested command. Narrow so rules never import the analyzer.
 */
export interface RuleHost {
  add(commandClass: CommandClass, reason: string): void;
  reviewCode(text: string, environment: Environment, origin: string, stdin?: Stdin): string | null;
  invoke(fields: Field[], environment: Environment, stdin: Stdin): CommandResult;
  define(name: string): void;
  reviewStdinAsCode(call: Call, language: 'shell' | 'other'): void;
  reviewWrite(target: Field, append: boolean): void;
}

/** What a rule may return: known output and traits of what it writes. */
export interface RuleResult {
  output?: string | null;
  traits?: Trait[];
}

export type Rule = (call: Call) => RuleResult | void;

/** No standard input (a terminal, or nothing). */
export const noStdin: Stdin = { kind: 'none', text: null, traits: new Set(), source: 'nothing' };

/** Programs whose output comes from the network. */
export const downloaders: ReadonlySet<string> = new Set(['curl', 'wget', 'fetch', 'nc', 'ncat', 'netcat', 'socat', 'http', 'https', 'aria2c', 'lynx', 'links', 'gsutil']);

/** Programs that turn encoded text into something else (the usual wrappers of hidden code). */
export function isDecoderCommand(name: string, args: readonly string[]): boolean {
  const flags = args.join(' ');
  if (name === 'base64' || name === 'base32' || name === 'basenc') return /(?:^|\s)-[a-zA-Z]*[dD][a-zA-Z]*(?:\s|$)|--decode\b/.test(flags);
  if (name === 'openssl') return /\b(?:enc|base64)\b/.test(flags) && /(?:^|\s)-d\b/.test(flags);
  if (name === 'xxd') return /(?:^|\s)-[a-z]*r/.test(flags);
  if (name === 'gzip' || name === 'bzip2' || name === 'xz' || name === 'zstd') return /(?:^|\s)-[a-z]*d|--decompress/.test(flags);
  if (name === 'tr') return args.length >= 2;
  return ['uudecode', 'gunzip', 'zcat', 'bzcat', 'xzcat', 'unxz', 'rev'].includes(name);
}

/** The fields of some arguments, to run them as a command (wrappers such as sudo or xargs). */
export const fieldsOf = (args: readonly Arg[]): Field[] => args.map((arg) => arg.field);

/** A rough view of what a script's output is: downloaded or decoded data. */
export function traitsOfScript(script: Script): Set<Trait> {
  const traits = new Set<Trait>();
  const visit = (inner: Script): void => {
    for (const pipeline of inner.pipelines) {
      for (const command of pipeline.commands) {
        if (command.type === 'group' || command.type === 'loop' || command.type === 'case') visit(command.body);
        if (command.type !== 'simple') continue;
        const words = command.words.map((word) => word.raw.replace(/['"\\]/g, ''));
        const name = (words[0] ?? '').slice((words[0] ?? '').lastIndexOf('/') + 1);
        if (downloaders.has(name)) traits.add('download');
        if (isDecoderCommand(name, words.slice(1))) traits.add('decode');
      }
    }
  };
  visit(script);
  return traits;
}
