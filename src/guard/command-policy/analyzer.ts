/**
 * Walks a parsed script the way the shell would run it, with what can be known statically:
 * variables assigned by the script, the output of substitutions built from literals
 * (`printf`, `echo`, `base64 -d`), and what each pipeline feeds the next command. Every
 * command it meets goes to the rule of its program; code hidden in strings (`sh -c`, `eval`,
 * here-documents fed to a shell, `ssh host 'cmd'`) is parsed and walked in turn.
 */
import { argOf, isBlockDevice, isCriticalFile, isHarmlessDevice, isScratchPath, shown } from './arguments.js';
import {
  ExpansionLimitError,
  expandWord,
  fieldDisplay,
  fieldText,
  type Environment,
  type ExpansionHost,
  type Field,
} from './expansion.js';
import { downloaders, isDecoderCommand, noStdin, traitsOfScript, type Call, type CommandResult, type RuleHost, type Stdin, type Trait } from './call.js';
import { rules } from './rules/index.js';
import { parseShell } from './shell-parser.js';
import { ShellSyntaxError, type Command, type Pipeline, type Redirect, type Script, type Word } from './shell-syntax.js';
import { untilReviewed, type CommandClass, type Finding } from './verdict.js';

/** Nested code (sh -c inside eval inside a here-document...) deeper than this is not followed. */
const maxCodeDepth = 10;

export class Analyzer implements RuleHost {
  readonly findings: Finding[] = [];
  private readonly functions = new Set<string>();
  private codeDepth = 0;

  add(commandClass: CommandClass, reason: string): void {
    this.findings.push({ class: commandClass, reason });
  }

  /** Reviews shell code given as text; returns its output when it can be known. */
  reviewCode(text: string, environment: Environment, origin: string, stdin: Stdin = noStdin): string | null {
    if (this.codeDepth >= maxCodeDepth) {
      this.add('destructive', `${origin} nests shell code too deeply to review; ${untilReviewed}`);
      return null;
    }
    let script: Script;
    try {
      script = parseShell(text);
    } catch (error) {
      if (!(error instanceof ShellSyntaxError)) throw error;
      this.add('destructive', `${origin}: the policy cannot parse ${shown(text)} (${error.message}); ${untilReviewed}`);
      return null;
    }
    this.codeDepth += 1;
    try {
      return this.reviewScript(script, environment, stdin).output;
    } finally {
      this.codeDepth -= 1;
    }
  }

  reviewScript(script: Script, environment: Environment, stdin: Stdin = noStdin): { output: string | null } {
    let output: string | null = '';
    for (const pipeline of script.pipelines) {
      const result = this.reviewPipeline(pipeline, environment, stdin);
      output = output !== null && result.output !== null && !pipeline.background ? output + result.output : null;
    }
    return { output };
  }

  /** Runs a command given as fields (wrappers such as sudo, xargs, kubectl exec use this). */
  invoke(fields: Field[], environment: Environment, stdin: Stdin): CommandResult {
    const [nameField, ...argFields] = fields;
    if (!nameField) return { output: '', traits: new Set(stdin.traits) };
    const display = fields.map(fieldDisplay).join(' ');
    const nameText = fieldText(nameField);
    if (nameText === null) {
      this.add('destructive', `${shown(display)} takes its command name from ${shown(fieldDisplay(nameField))}, which is only known at run time; ${untilReviewed}`);
      return { output: null, traits: new Set(stdin.traits) };
    }
    if (nameField.origins.has('substitution') || nameField.origins.has('escape')) {
      this.add('destructive', `${shown(display)} builds its command name at run time (it becomes ${shown(nameText)}): an obfuscated command is ${untilReviewed}`);
    }
    if (nameField.origins.has('glob') && /[*?[]/.test(nameText)) {
      this.add('destructive', `the command name ${shown(nameText)} is a glob pattern, so what runs depends on the files present; ${untilReviewed}`);
      return { output: null, traits: new Set(stdin.traits) };
    }
    const name = nameText.slice(nameText.lastIndexOf('/') + 1);
    if (this.functions.has(name)) return { output: null, traits: new Set(stdin.traits) };
    const call: Call = { name, args: argFields.map(argOf), display: [name, ...argFields.map(fieldDisplay)].join(' '), stdin, environment, analyzer: this };
    const rule = rules.get(name) ?? (/^mkfs(?:\..+)?$/.test(name) ? rules.get('mkfs') : undefined);
    if (!rule) {
      // A subcommand that says it deletes (`influx delete`, `rclone purge`, `borg delete`,
      // `rabbitmqctl delete_queue`) is taken at its word: deleted data is lost.
      const deletion = deletionVerbOf(call.args.map((arg) => arg.text)) ?? (/(?:^|[-_.])(?:delete|drop|purge|destroy|wipe|erase)|[a-z](?:delete|destroy)(?:[-_.]|$)/i.test(name) ? name : null);
      if (deletion) {
        this.add('destructive', `${shown(name)} is not a program the policy knows, and its \`${deletion}\` deletes data`);
        return { output: null, traits: new Set(stdin.traits) };
      }
      this.add('changes-state', `${shown(name)} is not a program the policy knows, so it is assumed to change state`);
      return { output: null, traits: new Set(stdin.traits) };
    }
    const result = rule(call) ?? {};
    const traits = new Set<Trait>([...stdin.traits, ...(result.traits ?? [])]);
    if (downloaders.has(name)) traits.add('download');
    if (isDecoderCommand(name, call.args.map((arg) => arg.text))) traits.add('decode');
    return { output: result.output ?? null, traits };
  }

  /** Makes a name callable as a command (a function or an alias defined by the script). */
  define(name: string): void {
    this.functions.add(name);
  }

  /** Reviews standard input that a program runs as code (a shell without -c, python -). */
  reviewStdinAsCode(call: Call, language: 'shell' | 'other'): void {
    const { stdin } = call;
    const who = shown(call.display);
    if (stdin.kind === 'none') {
      this.add('changes-state', `${who} starts an interactive session; what is typed into it is not reviewed`);
      return;
    }
    if (stdin.traits.has('download')) {
      this.add('destructive', `${who} runs code downloaded by ${stdin.source} (download piped to an interpreter); ${untilReviewed}`);
    }
    if (stdin.traits.has('decode')) {
      const decoded = stdin.text === null ? '' : ` (it decodes to ${shown(stdin.text)})`;
      this.add('destructive', `${who} runs code decoded at run time by ${stdin.source}${decoded}: obfuscated code is ${untilReviewed}`);
    }
    if (stdin.text === null) {
      if (stdin.traits.size === 0) this.add('destructive', `${who} runs the output of ${stdin.source} as code, which the policy cannot see; ${untilReviewed}`);
      return;
    }
    if (language === 'shell') this.reviewCode(stdin.text, new Map(call.environment), `${who} runs ${stdin.source} as shell code`);
    else this.add('destructive', `${who} runs inline code of another language, which the policy does not analyse; ${untilReviewed}`);
  }

  /** Expands words in `environment`, turning expansion limits into findings. */
  expand(words: readonly Word[], environment: Environment, split = true): Field[] {
    const host = this.host(environment);
    try {
      return words.flatMap((word) => expandWord(word, host, { split }));
    } catch (error) {
      if (!(error instanceof ExpansionLimitError)) throw error;
      this.add('destructive', `${error.message}, which only serves to hide what runs; ${untilReviewed}`);
      return [];
    }
  }

  private host(environment: Environment): ExpansionHost {
    return {
      environment,
      substitute: (script) => this.reviewScript(script, new Map(environment)).output,
    };
  }

  private reviewPipeline(pipeline: Pipeline, environment: Environment, stdin: Stdin): CommandResult {
    let input = stdin;
    let result: CommandResult = { output: '', traits: new Set() };
    const subshells = pipeline.commands.length > 1;
    for (const command of pipeline.commands) {
      result = this.reviewCommand(command, subshells ? new Map(environment) : environment, input);
      input = { kind: 'pipe', text: result.output, traits: result.traits, source: shown(commandDisplay(command)) };
    }
    return result;
  }

  private reviewCommand(command: Command, environment: Environment, stdin: Stdin): CommandResult {
    switch (command.type) {
      case 'simple': {
        for (const assignment of command.assignments) {
          if (assignment.array) {
            this.expand(assignment.array, environment);
            environment.set(assignment.name, null);
          } else {
            const [field] = this.expand([assignment.value!], environment, false);
            environment.set(assignment.name, field ? fieldText(field) : null);
          }
        }
        const fields = this.expand(command.words, environment);
        const input = this.reviewRedirects(command.redirects, environment, stdin);
        if (fields.length === 0) return { output: '', traits: new Set() };
        return this.invoke(fields, environment, input);
      }
      case 'group': {
        const input = this.reviewRedirects(command.redirects, environment, stdin);
        return { output: this.reviewScript(command.body, command.subshell ? new Map(environment) : environment, input).output, traits: new Set(input.traits) };
      }
      case 'loop': {
        this.expand(command.words, environment);
        if (command.variable) environment.set(command.variable, null);
        const input = this.reviewRedirects(command.redirects, environment, stdin);
        this.reviewScript(command.body, environment, input);
        return { output: null, traits: new Set(input.traits) };
      }
      case 'case': {
        this.expand(command.words, environment);
        const input = this.reviewRedirects(command.redirects, environment, stdin);
        this.reviewScript(command.body, environment, input);
        return { output: null, traits: new Set(input.traits) };
      }
      case 'test': {
        this.expand(command.words, environment, false);
        for (const script of command.scripts) this.reviewScript(script, new Map(environment));
        this.reviewRedirects(command.redirects, environment, stdin);
        return { output: '', traits: new Set() };
      }
      case 'function': {
        this.functions.add(command.name);
        if (isForkBomb(command.name, command.body)) {
          this.add('destructive', `the function ${shown(command.name)} calls itself in a pipe or in the background: a fork bomb that exhausts the host`);
        }
        // A defined function is reviewed as if it ran: defining it is how it gets called.
        this.reviewCommand(command.body, new Map(environment), noStdin);
        return { output: '', traits: new Set() };
      }
    }
  }

  /** Reviews output targets; returns the standard input after input redirections. */
  private reviewRedirects(redirects: readonly Redirect[], environment: Environment, stdin: Stdin): Stdin {
    let input = stdin;
    for (const redirect of redirects) {
      if (redirect.heredoc) {
        const [field] = this.expand([{ parts: redirect.heredoc.parts, raw: redirect.heredoc.body }], environment, false);
        input = { kind: 'heredoc', text: field ? fieldText(field) : null, traits: new Set(), source: 'a here-document' };
        continue;
      }
      const [target] = redirect.target ? this.expand([redirect.target], environment, false) : [];
      if (!target) continue;
      const path = fieldText(target);
      switch (redirect.operator) {
        case '<<<':
          input = { kind: 'herestring', text: path === null ? null : `${path}\n`, traits: new Set(), source: 'a here-string' };
          break;
        case '<':
          input = target.process
            ? { kind: 'pipe', text: null, traits: traitsOfScript(target.process), source: shown(fieldDisplay(target)) }
            : { kind: 'file', text: null, traits: new Set(), source: shown(fieldDisplay(target)) };
          break;
        case '<&':
          break;
        case '>&':
          if (path !== null && /^(?:\d+|-)$/.test(path)) break;
          this.reviewWrite(target, false);
          break;
        default:
          this.reviewWrite(target, redirect.operator === '>>' || redirect.operator === '&>>');
      }
    }
    return input;
  }

  /** A write to a file: harmless for /dev/null, destructive for a disk or a system file. */
  reviewWrite(target: Field, append: boolean): void {
    const path = fieldText(target);
    if (path === null) {
      this.add('changes-state', `writes to ${shown(fieldDisplay(target))}, a path only known at run time`);
      return;
    }
    if (isHarmlessDevice(path)) return;
    if (isBlockDevice(path)) this.add('destructive', `writes raw data over the block device ${shown(path)}, erasing it`);
    else if (path === '/proc/sysrq-trigger') this.add('destructive', 'writes to /proc/sysrq-trigger, which can reboot or crash the kernel at once');
    else if (isCriticalFile(path) && !append) this.add('destructive', `overwrites the system file ${shown(path)}`);
    else if (/^\/(?:proc|sys)\//.test(path)) this.add('changes-state', `changes kernel settings through ${shown(path)}`);
    else if (isScratchPath(path)) this.add('read-only', `only writes the scratch file ${shown(path)}`);
    else if (append) this.add('changes-state', `appends to the file ${shown(path)}`);
    // `>` empties the file before writing: whatever it held is lost, so it is a deletion.
    else this.add('destructive', `overwrites the file ${shown(path)}; what it held is lost`);
  }
}

/** A short source-like rendering of a command, for reasons. */
export function commandDisplay(command: Command): string {
  switch (command.type) {
    case 'simple':
      return [...command.assignments.map((assignment) => `${assignment.name}=${assignment.value?.raw ?? '(...)'}`), ...command.words.map((word) => word.raw)].join(' ');
    case 'function':
      return `${command.name}() {...}`;
    case 'loop':
      return `for ${command.variable ?? ''} ...; done`;
    case 'case':
      return 'case ... esac';
    case 'test':
      return '[[ ... ]]';
    case 'group':
      return command.subshell ? '( ... )' : '{ ...; }';
  }
}

/** A function that calls itself in a pipeline or in the background multiplies processes. */
function isForkBomb(name: string, body: Command): boolean {
  const calls = (pipeline: Pipeline): boolean =>
    pipeline.commands.some((command) => command.type === 'simple' && command.words[0]?.raw.replace(/['"\\]/g, '') === name);
  const visit = (command: Command): boolean => {
    if (command.type === 'group' || command.type === 'loop' || command.type === 'case') {
      return command.body.pipelines.some((pipeline) => (calls(pipeline) && (pipeline.background || pipeline.commands.length > 1)) || pipeline.commands.some(visit));
    }
    return false;
  };
  return visit(body);
}

/** Subcommands that delete, as CLIs name them (`delete`, `rm`, `purge`, `delete_queue`, `batch-delete-image`, `forget`). */
const deletionVerb = /^(?:delete|del|rm|rmi|remove|destroy|purge|drop|prune|terminate|wipe|erase|truncate|flush|forget|reset|clean|cleanup|clear|(?:[a-z]+[-_])*(?:delete|destroy|purge|drop|remove|truncate|wipe|erase|clear)(?:[-_][a-z]+)*|clear[a-z]+)$/i;
const dryRunOption = /^(?:-n|--dry-?run(?:=.*)?|--check|--list|--help|-h|--simulate|--what-if|--noop)$/i;

/** The first of a command's first four words that names a deletion, unless it is a dry run. */
export function deletionVerbOf(args: readonly string[]): string | null {
  if (args.some((arg) => dryRunOption.test(arg))) return null;
  const words = args.filter((arg) => !arg.startsWith('-')).slice(0, 4);
  return words.find((word) => deletionVerb.test(word)) ?? null;
}
