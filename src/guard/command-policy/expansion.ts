/**
 * Word expansion as the shell does it (brace expansion, parameter and command substitution,
 * field splitting, quote removal), over what the policy can know statically. A value the
 * policy cannot know stays an opaque segment shown by its source text; nothing is executed.
 */
import type { Script, Word, WordPart } from './shell-syntax.js';

/** Shell variables: a known value, or null when assigned something the policy cannot know. */
export type Environment = Map<string, string | null>;

/** How part of a field came to be at run time. */
export type FieldOrigin = 'variable' | 'substitution' | 'escape' | 'glob';

export interface Segment {
  text: string;
  known: boolean;
}

/** One argument after expansion. */
export interface Field {
  segments: Segment[];
  origins: Set<FieldOrigin>;
  /** The script of a process substitution (`<(...)`) when the field is one. */
  process: Script | null;
}

/** What expansion needs from its caller: the static output of a command substitution. */
export interface ExpansionHost {
  environment: Environment;
  /** Reviews a substituted script and returns its output when it can be known, else null. */
  substitute(script: Script): string | null;
}

/** Brace expansion that would produce more words than this is refused as an obfuscation. */
export const maxBraceWords = 256;

export class ExpansionLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpansionLimitError';
  }
}

const defaultIfs = ' \t\n';

/** Rundeck and shell-special parameters whose values are only known when the job runs. */
const runtimeParameter = /^(?:option|node|job|globals|secureOption|data|execution)\.|^[0-9@*#?$!-]$/;

export function fieldText(field: Field): string | null {
  return field.segments.every((segment) => segment.known) ? field.segments.map((segment) => segment.text).join('') : null;
}

export function fieldDisplay(field: Field): string {
  return field.segments.map((segment) => segment.text).join('');
}

export function newEnvironment(): Environment {
  return new Map<string, string | null>([['IFS', defaultIfs]]);
}

type Atom =
  | { kind: 'char'; ch: string }
  | { kind: 'text'; text: string; origin: FieldOrigin | null }
  | { kind: 'value'; text: string | null; raw: string; splittable: boolean; origin: FieldOrigin }
  | { kind: 'process'; script: Script; raw: string };

/**
 * Expands one word into fields. `split: false` is the assignment context (no brace expansion,
 * no field splitting): exactly one field.
 */
export function expandWord(word: Word, host: ExpansionHost, options: { split: boolean }): Field[] {
  const atoms = atomsOf(word.parts, host);
  const variants = options.split ? braceExpand(atoms) : [atoms];
  return variants.flatMap((variant) => fieldsOf(variant, host.environment, options.split));
}

function atomsOf(parts: readonly WordPart[], host: ExpansionHost): Atom[] {
  const atoms: Atom[] = [];
  for (const part of parts) {
    switch (part.type) {
      case 'literal':
        for (const piece of placeholderPieces(part.text)) {
          if (piece.placeholder) atoms.push({ kind: 'value', text: null, raw: piece.text, splittable: false, origin: 'variable' });
          else if (part.quoted) atoms.push({ kind: 'text', text: piece.text, origin: null });
          else for (const ch of piece.text) atoms.push({ kind: 'char', ch });
        }
        break;
      case 'ansi-c':
        atoms.push({ kind: 'text', text: part.text, origin: part.encoded ? 'escape' : null });
        break;
      case 'parameter':
        atoms.push({ kind: 'value', text: parameterValue(part, host), raw: part.raw, splittable: !part.quoted, origin: 'variable' });
        break;
      case 'command': {
        const output = host.substitute(part.script);
        atoms.push({ kind: 'value', text: output === null ? null : output.replace(/\n+$/, ''), raw: part.raw, splittable: !part.quoted, origin: 'substitution' });
        break;
      }
      case 'arithmetic':
        for (const script of part.scripts) host.substitute(script);
        atoms.push({ kind: 'value', text: null, raw: part.raw, splittable: false, origin: 'substitution' });
        break;
      case 'process':
        host.substitute(part.script);
        atoms.push({ kind: 'process', script: part.script, raw: part.raw });
        break;
    }
  }
  return atoms;
}

/** Rundeck replaces `@option.NAME@` (and node, job, globals values) in scripts before they run. */
const scriptPlaceholder = /@(?:option|node|job|globals|secureOption|execution)\.[A-Za-z0-9_.-]+@/g;

function placeholderPieces(text: string): { text: string; placeholder: boolean }[] {
  const pieces: { text: string; placeholder: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(scriptPlaceholder)) {
    if (match.index > last) pieces.push({ text: text.slice(last, match.index), placeholder: false });
    pieces.push({ text: match[0], placeholder: true });
    last = match.index + match[0].length;
  }
  if (last < text.length || pieces.length === 0) pieces.push({ text: text.slice(last), placeholder: false });
  return pieces;
}

function parameterValue(part: Extract<WordPart, { type: 'parameter' }>, host: ExpansionHost): string | null {
  // The operand may hold substitutions that run: expand it for their review even when unused.
  const operand = part.operand ? expandWord(part.operand, host, { split: false })[0] : undefined;
  if (runtimeParameter.test(part.name)) return null;
  const value = host.environment.has(part.name) ? host.environment.get(part.name)! : null;
  if (part.operator === null) return value;
  const operandText = operand ? fieldText(operand) : '';
  switch (part.operator) {
    case ':-':
      return value === null ? null : value.length > 0 ? value : operandText;
    case '-':
      return value;
    case ':+':
      return value === null ? null : value.length > 0 ? operandText : '';
    default:
      return null;
  }
}

function braceExpand(atoms: Atom[]): Atom[][] {
  const results: Atom[][] = [];
  const pending: Atom[][] = [atoms];
  while (pending.length > 0) {
    const current = pending.pop()!;
    const expansion = firstBrace(current);
    if (!expansion) {
      results.push(current);
    } else {
      for (let index = expansion.length - 1; index >= 0; index -= 1) pending.push(expansion[index]!);
    }
    if (results.length + pending.length > maxBraceWords) throw new ExpansionLimitError('brace expansion produces too many words');
  }
  return results;
}

/** The variants of the first expandable `{...}` of the atoms, or null when there is none. */
function firstBrace(atoms: Atom[]): Atom[][] | null {
  for (let open = 0; open < atoms.length; open += 1) {
    if (!isChar(atoms[open], '{')) continue;
    let depth = 0;
    const commas: number[] = [];
    let close = -1;
    for (let index = open; index < atoms.length; index += 1) {
      if (isChar(atoms[index], '{')) depth += 1;
      else if (isChar(atoms[index], '}')) {
        depth -= 1;
        if (depth === 0) {
          close = index;
          break;
        }
      } else if (depth === 1 && isChar(atoms[index], ',')) commas.push(index);
    }
    if (close === -1) return null;
    const prefix = atoms.slice(0, open);
    const suffix = atoms.slice(close + 1);
    if (commas.length > 0) {
      const bounds = [open, ...commas, close];
      return bounds.slice(1).map((end, index) => [...prefix, ...atoms.slice(bounds[index]! + 1, end), ...suffix]);
    }
    const inner = atoms.slice(open + 1, close);
    const sequence = inner.every((atom) => atom.kind === 'char') ? sequenceOf(inner.map((atom) => (atom as { ch: string }).ch).join('')) : null;
    if (sequence) return sequence.map((item) => [...prefix, ...Array.from(item, (ch): Atom => ({ kind: 'char', ch })), ...suffix]);
  }
  return null;
}

function sequenceOf(text: string): string[] | null {
  const numeric = /^(-?\d+)\.\.(-?\d+)$/.exec(text);
  const alphabetic = /^([a-zA-Z])\.\.([a-zA-Z])$/.exec(text);
  if (!numeric && !alphabetic) return null;
  const [from, to] = numeric ? [Number(numeric[1]), Number(numeric[2])] : [alphabetic![1]!.charCodeAt(0), alphabetic![2]!.charCodeAt(0)];
  if (Math.abs(to - from) >= maxBraceWords) throw new ExpansionLimitError('brace expansion produces too many words');
  const step = from <= to ? 1 : -1;
  const items: string[] = [];
  for (let value = from; value !== to + step; value += step) items.push(numeric ? String(value) : String.fromCharCode(value));
  return items;
}

const isChar = (atom: Atom | undefined, ch: string): boolean => atom?.kind === 'char' && atom.ch === ch;

function fieldsOf(atoms: Atom[], environment: Environment, split: boolean): Field[] {
  const ifs = environment.get('IFS') ?? defaultIfs;
  const fields: Field[] = [];
  let current: Field = emptyField();
  // A field holding only an unquoted expansion that came out empty is not an argument.
  let keep = false;
  const push = (segment: Segment): void => {
    const last = current.segments[current.segments.length - 1];
    if (last && last.known && segment.known) last.text += segment.text;
    else current.segments.push({ ...segment });
  };
  const breakField = (): void => {
    if (current.segments.some((segment) => segment.text.length > 0 || !segment.known) || keep) fields.push(current);
    current = emptyField();
    keep = false;
  };

  for (const atom of atoms) {
    switch (atom.kind) {
      case 'char':
        if ('*?['.includes(atom.ch)) current.origins.add('glob');
        push({ text: atom.ch, known: true });
        keep = true;
        break;
      case 'text':
        if (atom.origin) current.origins.add(atom.origin);
        push({ text: atom.text, known: true });
        keep = true;
        break;
      case 'process':
        current.process = atom.script;
        push({ text: atom.raw, known: false });
        break;
      case 'value': {
        current.origins.add(atom.origin);
        if (atom.text === null) {
          push({ text: atom.raw, known: false });
          break;
        }
        if (!split || !atom.splittable || ifs.length === 0) {
          push({ text: atom.text, known: true });
          if (!atom.splittable) keep = true;
          break;
        }
        const pieces = splitOnIfs(atom.text, ifs);
        pieces.forEach((piece, index) => {
          if (index > 0) breakField();
          if (piece.length > 0) {
            current.origins.add(atom.origin);
            push({ text: piece, known: true });
          }
        });
        break;
      }
    }
  }
  if (!split) return [{ ...current, segments: current.segments.length > 0 ? current.segments : [{ text: '', known: true }] }];
  breakField();
  return fields;
}

/** Splits on IFS characters; a leading or trailing separator yields an empty piece there. */
function splitOnIfs(text: string, ifs: string): string[] {
  const pieces: string[] = [''];
  for (const ch of text) {
    if (ifs.includes(ch)) {
      if (pieces[pieces.length - 1] !== '' || pieces.length === 1) pieces.push('');
    } else pieces[pieces.length - 1] += ch;
  }
  return pieces;
}

function emptyField(): Field {
  return { segments: [], origins: new Set(), process: null };
}
