/**
 * Shells, interpreters, eval and the programs that run another command (sudo, env, xargs,
 * timeout, watch...): the places where a command hides inside a string or behind a wrapper.
 * Also the text programs whose output the policy computes (echo, printf, base64...).
 */
import { hasOption, optionValue, parseOptions, shown, type Arg } from '../arguments.js';
import { fieldsOf, traitsOfScript, type Call, type Rule, type RuleResult, type Stdin } from '../call.js';
import type { Field } from '../expansion.js';
import { decodeBase64, decodeEscapes, decodeHex, printfOutput, translate } from '../text-output.js';
import { changesState, readOnly, unreviewable } from './helpers.js';

/** Runs `args` as a command with the call's environment (and standard input unless given). */
function runInner(call: Call, args: readonly Arg[], stdin: Stdin = call.stdin): RuleResult {
  const result = call.analyzer.invoke(fieldsOf(args), call.environment, stdin);
  return { output: result.output, traits: [...result.traits] };
}

/** Reviews `code` (an argument holding shell code); unknown code fails closed. */
function runCode(call: Call, code: Arg | undefined, origin: string): RuleResult {
  if (!code) {
    unreviewable(call, 'is missing the code it should run');
    return {};
  }
  if (!code.known) {
    unreviewable(call, `runs shell code only known at run time (${shown(code.text)})`);
    return {};
  }
  if (code.field.origins.has('substitution') || code.field.origins.has('escape')) {
    unreviewable(call, `runs shell code produced at run time (it becomes ${shown(code.text)}): obfuscated code`);
  }
  return { output: call.analyzer.reviewCode(code.text, new Map(call.environment), origin) };
}

/** Standard input made of what a process substitution argument produces. */
function processStdin(field: Field): Stdin {
  return { kind: 'pipe', text: null, traits: traitsOfScript(field.process!), source: shown(field.segments.map((segment) => segment.text).join('')) };
}

const shellRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['o', 'O', 'rcfile', 'init-file'], stopAtPositional: true });
  if (hasOption(parsed, 'c')) return runCode(call, parsed.positionals[0], `${shown(call.display)}`);
  if (hasOption(parsed, 'n')) {
    readOnly(call, 'only checks the syntax of a script');
    return {};
  }
  const script = parsed.positionals[0];
  if (!script || hasOption(parsed, 's') || script.text === '/dev/stdin' || script.text === '-') {
    call.analyzer.reviewStdinAsCode(call, 'shell');
    return {};
  }
  if (script.field.process) {
    call.analyzer.reviewStdinAsCode({ ...call, stdin: processStdin(script.field) }, 'shell');
    return {};
  }
  changesState(call, `runs the script file ${shown(script.text)}, whose content the policy cannot read`);
  return {};
};

const busyboxRule: Rule = (call) => {
  const [applet, ...rest] = call.args;
  if (!applet) return readOnly(call, 'lists its applets');
  return runInner(call, [applet, ...rest]);
};

const evalRule: Rule = (call) => {
  if (call.args.length === 0) return {};
  const unknown = call.args.find((arg) => !arg.known);
  if (unknown) {
    unreviewable(call, `evaluates text only known at run time (${shown(unknown.text)})`);
    return {};
  }
  if (call.args.some((arg) => arg.field.origins.has('substitution') || arg.field.origins.has('escape'))) {
    unreviewable(call, 'evaluates text produced at run time: obfuscated code');
  }
  return { output: call.analyzer.reviewCode(call.args.map((arg) => arg.text).join(' '), call.environment, `eval ${shown(call.args.map((arg) => arg.text).join(' '))}`) };
};

const sourceRule: Rule = (call) => {
  const file = call.args[0];
  if (!file) return unreviewable(call, 'is missing the file to run');
  if (file.field.process) {
    call.analyzer.reviewStdinAsCode({ ...call, stdin: processStdin(file.field) }, 'shell');
  } else if (file.text === '/dev/stdin' || file.text === '-') {
    call.analyzer.reviewStdinAsCode(call, 'shell');
  } else {
    changesState(call, `runs the script file ${shown(file.text)} in the current shell; its content is not reviewed`);
  }
};

/** Interpreters whose inline code (-c, -e) is another language: not analysed, so it fails closed. */
const interpreterRule =
  (inlineFlags: readonly string[], withValue: readonly string[] = []): Rule =>
  (call) => {
    const parsed = parseOptions(call.args, { withValue: [...withValue, ...inlineFlags], stopAtPositional: true });
    const inline = inlineFlags.find((flag) => parsed.options.has(flag));
    if (inline) {
      unreviewable(call, `runs inline ${call.name} code, which the policy does not analyse`);
      return {};
    }
    const module = optionValue(parsed, 'm');
    if (module !== null) {
      if (['json.tool', 'site', 'pip list', 'platform', 'sysconfig'].includes(module)) readOnly(call, 'runs a read-only module');
      else changesState(call, `runs the module ${shown(module)}, which the policy does not analyse`);
      return {};
    }
    const script = parsed.positionals[0];
    if (!script || script.text === '-') {
      if (call.stdin.kind === 'none' && !script) changesState(call, 'starts an interactive interpreter');
      else call.analyzer.reviewStdinAsCode(call, 'other');
      return {};
    }
    changesState(call, `runs the script ${shown(script.text)}, whose content the policy cannot read`);
    return {};
  };

const sudoRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['u', 'g', 'p', 'C', 'D', 'r', 't', 'U', 'T', 'R', 'user', 'group', 'host', 'prompt', 'chdir', 'role', 'type', 'other-user', 'command-timeout'], stopAtPositional: true });
  if (hasOption(parsed, 'l', 'list', 'v', 'validate', 'k', 'K', 'reset-timestamp', 'remove-timestamp', 'V', 'version', 'h', 'help') && parsed.positionals.length === 0) {
    return readOnly(call, 'only lists or refreshes privileges');
  }
  if (hasOption(parsed, 'e', 'edit')) return changesState(call, 'edits files as root');
  const inner = [...parsed.positionals, ...parsed.rest];
  if (inner.length === 0) {
    if (hasOption(parsed, 'i', 's', 'login', 'shell')) call.analyzer.reviewStdinAsCode(call, 'shell');
    return;
  }
  return runInner(call, inner);
};

const envRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['u', 'unset', 'C', 'chdir', 'S', 'split-string'], stopAtPositional: false });
  const split = optionValue(parsed, 'S', 'split-string');
  const environment = new Map(call.environment);
  const inner = [...parsed.positionals, ...parsed.rest];
  while (inner.length > 0 && inner[0]!.known && /^[A-Za-z_][A-Za-z0-9_]*=/.test(inner[0]!.text)) {
    const assignment = inner.shift()!.text;
    const equals = assignment.indexOf('=');
    environment.set(assignment.slice(0, equals), assignment.slice(equals + 1));
  }
  if (split !== null) {
    const code = [split, ...inner.map((arg) => arg.text)].join(' ');
    if (inner.some((arg) => !arg.known)) return unreviewable(call, 'runs a command only known at run time');
    return { output: call.analyzer.reviewCode(code, environment, shown(call.display), call.stdin) };
  }
  if (inner.length === 0) return readOnly(call, 'prints the environment');
  const result = call.analyzer.invoke(fieldsOf(inner), environment, call.stdin);
  return { output: result.output, traits: [...result.traits] };
};

/** Wrappers of the form `wrapper [options] [N leading positionals] command...`. */
const wrapperRule =
  (options: { withValue?: readonly string[]; skipPositionals?: number; interactiveWhenEmpty?: boolean; note?: string } = {}): Rule =>
  (call) => {
    const parsed = parseOptions(call.args, { withValue: options.withValue ?? [], stopAtPositional: true });
    const all = [...parsed.positionals, ...parsed.rest];
    const inner = all.slice(options.skipPositionals ?? 0);
    if (options.note) changesState(call, options.note);
    if (inner.length === 0) {
      if (options.interactiveWhenEmpty) call.analyzer.reviewStdinAsCode(call, 'shell');
      return {};
    }
    return runInner(call, inner);
  };

const xargsRule: Rule = (call) => {
  const parsed = parseOptions(call.args, {
    withValue: ['I', 'i', 'n', 'L', 'l', 'P', 's', 'd', 'E', 'e', 'a', 'max-args', 'max-procs', 'delimiter', 'arg-file', 'replace', 'max-lines', 'max-chars', 'eof', 'process-slot-var'],
    stopAtPositional: true,
  });
  const inner = [...parsed.positionals, ...parsed.rest];
  if (inner.length === 0) return readOnly(call, 'echoes its input');
  const input: Arg = { text: '<input>', known: false, field: { segments: [{ text: '<input>', known: false }], origins: new Set(['variable']), process: null } };
  return runInner(call, [...inner, input], { kind: 'none', text: null, traits: new Set(), source: 'nothing' });
};

const watchRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['n', 'interval', 'q', 'equexit'], stopAtPositional: true });
  const inner = [...parsed.positionals, ...parsed.rest];
  if (inner.length === 0) return unreviewable(call, 'is missing the command to repeat');
  if (hasOption(parsed, 'x', 'exec')) return runInner(call, inner);
  if (inner.some((arg) => !arg.known)) return unreviewable(call, 'repeats a command only known at run time');
  call.analyzer.reviewCode(inner.map((arg) => arg.text).join(' '), new Map(call.environment), shown(call.display));
};

const timeoutRule = wrapperRule({ withValue: ['s', 'signal', 'k', 'kill-after'], skipPositionals: 1 });

const flockRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['w', 'wait', 'timeout', 'E', 'conflict-exit-code', 'c', 'command'], stopAtPositional: true });
  const code = optionValue(parsed, 'c', 'command');
  if (code !== null) {
    const arg = call.args.find((candidate) => candidate.text === code);
    return runCode(call, arg, shown(call.display));
  }
  const inner = [...parsed.positionals, ...parsed.rest].slice(1);
  return inner.length > 0 ? runInner(call, inner) : {};
};

const suRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['c', 'command', 's', 'shell', 'g', 'group', 'G', 'supp-group', 'u', 'user', 'w', 'whitelist-environment'], stopAtPositional: false });
  const code = optionValue(parsed, 'c', 'command');
  if (code !== null) return runCode(call, call.args.find((candidate) => candidate.text === code), shown(call.display));
  if (call.name === 'runuser' && parsed.doubleDash && parsed.rest.length > 0) return runInner(call, parsed.rest);
  call.analyzer.reviewStdinAsCode(call, 'shell');
  return {};
};

const execRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['a'], stopAtPositional: true });
  const inner = [...parsed.positionals, ...parsed.rest];
  return inner.length > 0 ? runInner(call, inner) : {};
};

const commandRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { stopAtPositional: true });
  if (hasOption(parsed, 'v', 'V')) return readOnly(call, 'only looks a command up');
  const inner = [...parsed.positionals, ...parsed.rest];
  return inner.length > 0 ? runInner(call, inner) : {};
};

const trapRule: Rule = (call) => {
  const [action] = call.args;
  if (!action || ['-l', '-p', '-', ''].includes(action.text) || call.args.length === 1) return {};
  runCode(call, action, `the trap handler ${shown(action.text)}`);
};

const aliasRule: Rule = (call) => {
  for (const arg of call.args) {
    const equals = arg.text.indexOf('=');
    if (equals <= 0) continue;
    call.analyzer.define(arg.text.slice(0, equals));
    if (!arg.known) unreviewable(call, 'defines an alias whose command is only known at run time');
    else call.analyzer.reviewCode(arg.text.slice(equals + 1), new Map(call.environment), `the alias ${shown(arg.text)}`);
  }
};

/** export, declare, local, readonly, typeset: assignments to the shell's variables. */
const declareRule: Rule = (call) => {
  for (const arg of call.args) {
    if (arg.text.startsWith('-') || arg.text.startsWith('+')) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(arg.text);
    if (match) call.environment.set(match[1]!, arg.known ? match[2]! : null);
  }
};

const unsetRule: Rule = (call) => {
  for (const arg of call.args) if (!arg.text.startsWith('-')) call.environment.delete(arg.text);
};

const readRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['a', 'd', 'i', 'n', 'N', 'p', 't', 'u'] });
  for (const name of [...parsed.positionals, ...(optionValue(parsed, 'a') ? [{ text: optionValue(parsed, 'a')! }] : [])]) call.environment.set(name.text, null);
};

const echoRule: Rule = (call) => {
  let index = 0;
  let interpret = false;
  let newline = true;
  for (; index < call.args.length; index += 1) {
    const flag = call.args[index]!;
    if (!flag.known || !/^-[neE]+$/.test(flag.text)) break;
    if (flag.text.includes('n')) newline = false;
    if (flag.text.includes('e')) interpret = true;
    if (flag.text.includes('E')) interpret = false;
  }
  const rest = call.args.slice(index);
  if (rest.some((arg) => !arg.known)) return { output: null };
  const text = rest.map((arg) => arg.text).join(' ');
  if (!interpret) return { output: newline ? `${text}\n` : text };
  const decoded = decodeEscapes(text, 'echo');
  return { output: decoded.stopped || !newline ? decoded.text : `${decoded.text}\n`, traits: decoded.encoded ? ['decode'] : [] };
};

const printfRule: Rule = (call) => {
  const args = [...call.args];
  let variable: string | null = null;
  if (args[0]?.text === '-v' && args[1]) {
    variable = args[1].text;
    args.splice(0, 2);
  }
  if (args[0]?.text === '--') args.shift();
  const [format, ...rest] = args;
  const known = format !== undefined && format.known && rest.every((arg) => arg.known);
  const printed = known ? printfOutput(format.text, rest.map((arg) => arg.text)) : null;
  if (variable !== null) {
    call.environment.set(variable, printed?.text ?? null);
    return { output: '' };
  }
  return { output: printed?.text ?? null, traits: printed?.encoded ? ['decode'] : [] };
};

const catRule: Rule = (call) => {
  const files = call.args.filter((arg) => !arg.text.startsWith('-') || arg.text === '-');
  if (files.length === 0 || files.every((file) => file.text === '-')) return { output: call.stdin.text };
  for (const file of files) if (file.field.process) return { traits: [...traitsOfScript(file.field.process)] };
  readOnly(call, 'only reads files');
  return {};
};

const teeRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['output-error'] });
  for (const target of parsed.positionals) call.analyzer.reviewWrite(target.field, hasOption(parsed, 'a', 'append'));
  return { output: call.stdin.text };
};

const base64Rule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['w', 'wrap'] });
  const decoding = hasOption(parsed, 'd', 'D', 'decode');
  const input = parsed.positionals.length > 0 ? null : call.stdin.text;
  if (input === null) return {};
  if (decoding) return { output: decodeBase64(input) };
  return { output: `${Buffer.from(input, 'utf8').toString('base64')}\n` };
};

const xxdRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['c', 'g', 'l', 's', 'o', 'n'] });
  if (hasOption(parsed, 'r') && hasOption(parsed, 'p') && parsed.positionals.length === 0 && call.stdin.text !== null) return { output: decodeHex(call.stdin.text) };
  if (parsed.positionals.length > 1) call.analyzer.reviewWrite(parsed.positionals[1]!.field, false);
  return {};
};

const revRule: Rule = (call) =>
  call.args.length === 0 && call.stdin.text !== null
    ? { output: call.stdin.text.split('\n').map((line) => Array.from(line).reverse().join('')).join('\n') }
    : {};

const trRule: Rule = (call) => {
  const parsed = parseOptions(call.args);
  const [set1, set2] = parsed.positionals;
  if (!set1 || call.stdin.text === null || !set1.known || (set2 && !set2.known)) return {};
  return { output: translate(call.stdin.text, set1.text, set2?.text ?? null, hasOption(parsed, 'd')) };
};

/** Builtins and tiny programs that change nothing outside the shell. */
const quietBuiltins = [
  ':', 'true', 'false', 'set', 'shopt', 'cd', 'pushd', 'popd', 'dirs', 'wait', 'shift', 'getopts', 'break', 'continue', 'return', 'exit',
  'hash', 'help', 'jobs', 'fg', 'bg', 'disown', 'let', 'times', 'umask', 'ulimit', 'test', '[', 'sleep', 'mapfile', 'readarray', 'logout', 'history', 'enable', 'caller', 'complete', 'compgen',
];

/** Shells, interpreters, wrappers, builtins and the text programs, by program name. */
export const shellRules: Record<string, Rule> = {
  sh: shellRule,
  bash: shellRule,
  dash: shellRule,
  zsh: shellRule,
  ksh: shellRule,
  ash: shellRule,
  mksh: shellRule,
  fish: shellRule,
  rbash: shellRule,
  busybox: busyboxRule,
  eval: evalRule,
  source: sourceRule,
  '.': sourceRule,
  python: interpreterRule(['c']),
  python2: interpreterRule(['c']),
  python3: interpreterRule(['c']),
  perl: interpreterRule(['e', 'E'], ['I', 'M', 'm']),
  ruby: interpreterRule(['e'], ['I', 'r']),
  node: interpreterRule(['e', 'eval', 'p', 'print'], ['r', 'require']),
  nodejs: interpreterRule(['e', 'eval', 'p', 'print']),
  deno: interpreterRule(['eval']),
  php: interpreterRule(['r', 'B', 'R', 'E']),
  lua: interpreterRule(['e']),
  Rscript: interpreterRule(['e']),
  pwsh: interpreterRule(['c', 'Command', 'command', 'EncodedCommand', 'encodedcommand', 'ec']),
  powershell: interpreterRule(['c', 'Command', 'command', 'EncodedCommand', 'encodedcommand', 'ec']),
  osascript: interpreterRule(['e']),
  tclsh: interpreterRule([]),
  sudo: sudoRule,
  doas: wrapperRule({ withValue: ['u', 'C'], interactiveWhenEmpty: true }),
  env: envRule,
  nohup: wrapperRule(),
  setsid: wrapperRule(),
  unbuffer: wrapperRule(),
  time: wrapperRule(),
  stdbuf: wrapperRule({ withValue: ['i', 'o', 'e', 'input', 'output', 'error'] }),
  nice: wrapperRule({ withValue: ['n', 'adjustment'] }),
  ionice: wrapperRule({ withValue: ['c', 'class', 'n', 'classdata', 'p', 'pid', 'P', 'pgid', 'u', 'uid'] }),
  chrt: wrapperRule({ skipPositionals: 1 }),
  taskset: wrapperRule({ skipPositionals: 1 }),
  timeout: timeoutRule,
  flock: flockRule,
  chroot: wrapperRule({ withValue: ['userspec', 'groups'], skipPositionals: 1, interactiveWhenEmpty: true }),
  nsenter: wrapperRule({ withValue: ['t', 'target', 'S', 'setuid', 'G', 'setgid', 'w', 'wd', 'r', 'root'], interactiveWhenEmpty: true }),
  'systemd-run': wrapperRule({ withValue: ['p', 'property', 'u', 'unit', 'M', 'machine', 'E', 'setenv', 'on-active', 'on-calendar', 'description', 'slice'], note: 'starts a transient systemd unit' }),
  xargs: xargsRule,
  parallel: xargsRule,
  watch: watchRule,
  su: suRule,
  runuser: suRule,
  exec: execRule,
  command: commandRule,
  builtin: execRule,
  trap: trapRule,
  alias: aliasRule,
  export: declareRule,
  declare: declareRule,
  typeset: declareRule,
  local: declareRule,
  readonly: declareRule,
  unset: unsetRule,
  read: readRule,
  echo: echoRule,
  printf: printfRule,
  cat: catRule,
  tee: teeRule,
  base64: base64Rule,
  base32: () => ({}),
  xxd: xxdRule,
  rev: revRule,
  tr: trRule,
  ...Object.fromEntries(quietBuiltins.map((name): [string, Rule] => [name, () => ({ output: '' })])),
};
