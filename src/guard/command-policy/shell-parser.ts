/**
 * A parser for the shell language (POSIX sh with the bash extensions seen in runbooks), written
 * for the command policy: it keeps every place a command can hide (substitutions, here-documents,
 * function bodies, every branch of a compound command) and records how each word was spelled.
 * It does not execute or expand anything. Input it cannot read is a {@link ShellSyntaxError},
 * which the policy treats as destructive until reviewed.
 */
import {
  ShellSyntaxError,
  type Assignment,
  type Command,
  type Heredoc,
  type Pipeline,
  type Redirect,
  type Script,
  type Word,
  type WordPart,
} from './shell-syntax.js';

/** Deeper nesting than this is refused rather than followed (it only serves to hide things). */
const maxNesting = 48;

const wordBreak = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const reservedWords = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'select', 'function', '{', '}', '!', '[[', 'time']);
/** Words that close a construct; meeting one where a command should start is an error unless expected. */
const closingWords = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
const redirectOperators = ['&>>', '&>', '<<<', '<<-', '<<', '<>', '<&', '>&', '>>', '>|', '<', '>'] as const;

type PartsMode = 'unquoted' | 'double' | 'heredoc';

interface PendingHeredoc {
  redirect: Redirect;
  delimiter: string;
  stripTabs: boolean;
  quoted: boolean;
}

/** Parses a whole script. Throws {@link ShellSyntaxError} when it is not valid shell. */
export function parseShell(source: string): Script {
  return new Parser(source, 0).parseAll();
}

class Parser {
  private pos = 0;
  private nesting: number;
  private readonly pending: PendingHeredoc[] = [];

  constructor(
    private readonly src: string,
    nesting: number,
  ) {
    this.nesting = nesting;
    if (nesting > maxNesting) throw new ShellSyntaxError('the script nests substitutions too deeply to review');
  }

  parseAll(): Script {
    const { script, terminator } = this.parseList(new Set(), false);
    if (terminator === ')') throw new ShellSyntaxError('unexpected ")"');
    this.readPendingHeredocs();
    return script;
  }

  // ---- lists, pipelines, commands -------------------------------------------------------

  /** Pipelines up to a terminator word (or `)` when `inParens`); the terminator is consumed except `)`. */
  private parseList(terminators: ReadonlySet<string>, inParens: boolean): { script: Script; terminator: string | null } {
    const pipelines: Pipeline[] = [];
    for (;;) {
      this.skipBlanks();
      const ch = this.peek();
      if (ch === undefined) return { script: { pipelines }, terminator: null };
      if (ch === '\n') {
        this.consumeNewline();
        continue;
      }
      if (ch === ';') {
        if (this.startsWith(';;') || this.startsWith(';&')) {
          if (!terminators.has(';;')) throw new ShellSyntaxError('unexpected ";;" outside a case');
          this.pos += this.startsWith(';;&') ? 3 : 2;
          return { script: { pipelines }, terminator: ';;' };
        }
        this.pos += 1;
        continue;
      }
      if (ch === ')') {
        if (inParens) return { script: { pipelines }, terminator: ')' };
        throw new ShellSyntaxError('unexpected ")"');
      }
      const reserved = this.peekReservedWord();
      if (reserved && terminators.has(reserved)) {
        this.pos += reserved.length;
        return { script: { pipelines }, terminator: reserved };
      }
      if (reserved && closingWords.has(reserved)) throw new ShellSyntaxError(`unexpected "${reserved}"`);

      const pipeline = this.parsePipeline();
      pipelines.push(pipeline);
      this.skipBlanks();
      if (this.startsWith('&&') || this.startsWith('||')) {
        this.pos += 2;
        this.skipBlankLines();
        if (this.peek() === undefined) throw new ShellSyntaxError('a command is missing after "&&" or "||"');
      } else if (this.peek() === '&' && !this.startsWith('&>')) {
        pipeline.background = true;
        this.pos += 1;
      }
    }
  }

  private parsePipeline(): Pipeline {
    const commands: Command[] = [this.parseCommand()];
    for (;;) {
      this.skipBlanks();
      if (this.startsWith('||')) break;
      if (this.startsWith('|&')) this.pos += 2;
      else if (this.peek() === '|') this.pos += 1;
      else break;
      this.skipBlankLines();
      commands.push(this.parseCommand());
    }
    return { commands, background: false };
  }

  private parseCommand(): Command {
    this.skipBlanks();
    if (this.startsWith('((')) return this.parseArithmeticCommand();
    if (this.peek() === '(') {
      this.pos += 1;
      const { script, terminator } = this.parseList(new Set(), true);
      if (terminator !== ')') throw new ShellSyntaxError('missing ")" to close a subshell');
      this.pos += 1;
      return { type: 'group', body: script, redirects: this.parseTrailingRedirects(), subshell: true };
    }
    const reserved = this.peekReservedWord();
    switch (reserved) {
      case '!':
        this.pos += 1;
        return this.parseCommand();
      case 'time':
        this.pos += 4;
        this.skipBlanks();
        if (this.startsWith('-p ')) this.pos += 2;
        return this.parseCommand();
      case '{': {
        this.pos += 1;
        const body = this.expectList(['}']);
        return { type: 'group', body, redirects: this.parseTrailingRedirects(), subshell: false };
      }
      case 'if':
        return this.parseIf();
      case 'while':
      case 'until': {
        this.pos += reserved.length;
        const condition = this.expectList(['do']);
        const body = this.expectList(['done']);
        return { type: 'group', body: concat(condition, body), redirects: this.parseTrailingRedirects(), subshell: false };
      }
      case 'for':
      case 'select':
        return this.parseFor(reserved);
      case 'case':
        return this.parseCase();
      case 'function': {
        this.pos += reserved.length;
        this.skipBlanks();
        const name = this.parseWord().raw;
        this.skipBlanks();
        if (this.startsWith('()')) this.pos += 2;
        this.skipBlankLines();
        return { type: 'function', name, body: this.parseCommand() };
      }
      case '[[':
        return this.parseDoubleBracket();
      default:
        if (reserved && closingWords.has(reserved)) throw new ShellSyntaxError(`unexpected "${reserved}"`);
        return this.parseSimpleCommand();
    }
  }

  /** Parses a list that must end with one of `terminators`; returns it. */
  private expectList(terminators: string[]): Script {
    const { script, terminator } = this.parseList(new Set(terminators), false);
    if (terminator === null || !terminators.includes(terminator)) throw new ShellSyntaxError(`missing "${terminators.join('" or "')}"`);
    return script;
  }

  private parseIf(): Command {
    this.pos += 2;
    const scripts: Script[] = [this.expectList(['then'])];
    for (;;) {
      const { script, terminator } = this.parseList(new Set(['elif', 'else', 'fi']), false);
      scripts.push(script);
      if (terminator === 'fi') break;
      if (terminator === 'elif') scripts.push(this.expectList(['then']));
      else if (terminator === 'else') {
        scripts.push(this.expectList(['fi']));
        break;
      } else throw new ShellSyntaxError('missing "fi"');
    }
    return { type: 'group', body: concat(...scripts), redirects: this.parseTrailingRedirects(), subshell: false };
  }

  private parseFor(keyword: string): Command {
    this.pos += keyword.length;
    this.skipBlanks();
    if (this.startsWith('((')) {
      const header = this.parseArithmeticCommand();
      this.skipSeparators();
      const body = this.parseLoopBody();
      return { type: 'group', body: concat({ pipelines: [{ commands: [header], background: false }] }, body), redirects: this.parseTrailingRedirects(), subshell: false };
    }
    const variable = this.parseWord().raw;
    this.skipBlankLines();
    const words: Word[] = [];
    if (this.peekReservedWord() === null && this.startsWithWord('in')) {
      this.pos += 2;
      for (;;) {
        this.skipBlanks();
        const ch = this.peek();
        if (ch === undefined || ch === ';' || ch === '\n') break;
        words.push(this.parseWord());
      }
    }
    this.skipSeparators();
    const body = this.parseLoopBody();
    return { type: 'loop', variable, words, body, redirects: this.parseTrailingRedirects() };
  }

  private parseLoopBody(): Script {
    const reserved = this.peekReservedWord();
    if (reserved === 'do') {
      this.pos += 2;
      return this.expectList(['done']);
    }
    if (reserved === '{') {
      this.pos += 1;
      return this.expectList(['}']);
    }
    throw new ShellSyntaxError('missing "do" in a loop');
  }

  private parseCase(): Command {
    this.pos += 4;
    this.skipBlanks();
    const words: Word[] = [this.parseWord()];
    this.skipBlankLines();
    if (!this.startsWithWord('in')) throw new ShellSyntaxError('missing "in" in a case');
    this.pos += 2;
    const scripts: Script[] = [];
    for (;;) {
      this.skipBlankLines();
      if (this.peek() === undefined) throw new ShellSyntaxError('missing "esac"');
      if (this.peekReservedWord() === 'esac' || this.startsWithWord('esac')) {
        this.pos += 4;
        break;
      }
      if (this.peek() === '(') this.pos += 1;
      for (;;) {
        this.skipBlanks();
        words.push(this.parseWord());
        this.skipBlanks();
        if (this.peek() === '|') {
          this.pos += 1;
          continue;
        }
        if (this.peek() === ')') {
          this.pos += 1;
          break;
        }
        throw new ShellSyntaxError('a case pattern must end with ")"');
      }
      const { script, terminator } = this.parseList(new Set([';;', 'esac']), false);
      scripts.push(script);
      if (terminator === 'esac') break;
      if (terminator !== ';;') throw new ShellSyntaxError('missing "esac"');
    }
    return { type: 'case', words, body: concat(...scripts), redirects: this.parseTrailingRedirects() };
  }

  private parseDoubleBracket(): Command {
    this.pos += 2;
    const words: Word[] = [];
    for (;;) {
      this.skipBlankLines();
      const ch = this.peek();
      if (ch === undefined) throw new ShellSyntaxError('missing "]]"');
      if (this.startsWithWord(']]')) {
        this.pos += 2;
        break;
      }
      if ('()<>!&|'.includes(ch)) {
        this.pos += 1;
        continue;
      }
      words.push(this.parseWord());
    }
    return { type: 'test', words, scripts: [], redirects: this.parseTrailingRedirects() };
  }

  private parseArithmeticCommand(): Command {
    const start = this.pos;
    const end = this.matchingParen(start);
    if (end === -1 || this.src[end - 1] !== ')') throw new ShellSyntaxError('missing "))"');
    const expression = this.src.slice(start + 2, end - 1);
    this.pos = end + 1;
    return { type: 'test', words: [], scripts: this.substitutionsIn(expression), redirects: this.parseTrailingRedirects() };
  }

  private parseSimpleCommand(): Command {
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      this.skipBlanks();
      const ch = this.peek();
      if (ch === undefined || ch === '\n' || ch === ';' || ch === '|' || ch === ')') break;
      if (ch === '&' && !this.startsWith('&>')) break;
      if (ch === '(') {
        if (words.length === 1 && assignments.length === 0 && redirects.length === 0 && /^\(\s*\)/.test(this.src.slice(this.pos))) {
          this.pos = this.src.indexOf(')', this.pos) + 1;
          this.skipBlankLines();
          return { type: 'function', name: words[0]!.raw, body: this.parseCommand() };
        }
        throw new ShellSyntaxError('unexpected "("');
      }
      const redirect = this.tryParseRedirect();
      if (redirect) {
        redirects.push(redirect);
        continue;
      }
      const word = this.parseWord();
      const assignment = words.length === 0 ? this.assignmentOf(word) : null;
      if (assignment) assignments.push(assignment);
      else words.push(word);
    }
    if (words.length === 0 && assignments.length === 0 && redirects.length === 0) throw new ShellSyntaxError('a command is missing');
    return { type: 'simple', assignments, words, redirects };
  }

  private assignmentOf(word: Word): Assignment | null {
    const first = word.parts[0];
    if (!first || first.type !== 'literal' || first.quoted) return null;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?\+?=/.exec(first.text);
    if (!match) return null;
    const rest: WordPart[] = [{ ...first, text: first.text.slice(match[0].length) }, ...word.parts.slice(1)].filter(
      (part) => part.type !== 'literal' || part.text.length > 0,
    );
    if (rest.length === 0 && this.peek() === '(') {
      this.pos += 1;
      const elements: Word[] = [];
      for (;;) {
        this.skipBlankLines();
        const ch = this.peek();
        if (ch === undefined) throw new ShellSyntaxError('missing ")" in an array assignment');
        if (ch === ')') {
          this.pos += 1;
          break;
        }
        elements.push(this.parseWord());
      }
      return { name: match[1]!, value: null, array: elements };
    }
    return { name: match[1]!, value: { parts: rest, raw: word.raw.slice(match[0].length) }, array: null };
  }

  private parseTrailingRedirects(): Redirect[] {
    const redirects: Redirect[] = [];
    for (;;) {
      this.skipBlanks();
      const redirect = this.tryParseRedirect();
      if (!redirect) return redirects;
      redirects.push(redirect);
    }
  }

  private tryParseRedirect(): Redirect | null {
    const fdMatch = /^[0-9]+(?=[<>])/.exec(this.src.slice(this.pos, this.pos + 12));
    const fd = fdMatch ? fdMatch[0] : null;
    const at = this.pos + (fd?.length ?? 0);
    if (this.src.startsWith('<(', at) || this.src.startsWith('>(', at)) return null;
    const operator = redirectOperators.find((candidate) => this.src.startsWith(candidate, at));
    if (!operator) return null;
    this.pos = at + operator.length;
    this.skipBlanks();
    if (operator === '<<' || operator === '<<-') {
      const delimiterWord = this.parseWord();
      const quoted = delimiterWord.parts.some((part) => part.type === 'literal' && part.quoted) || /['"\\]/.test(delimiterWord.raw);
      const delimiter = delimiterWord.parts.map((part) => (part.type === 'literal' || part.type === 'ansi-c' ? part.text : part.raw)).join('');
      const redirect: Redirect = { operator, fd, target: null, heredoc: null };
      this.pending.push({ redirect, delimiter, stripTabs: operator === '<<-', quoted });
      return redirect;
    }
    return { operator, fd, target: this.parseWord(), heredoc: null };
  }

  // ---- words -----------------------------------------------------------------------------

  private parseWord(): Word {
    const start = this.pos;
    const parts = this.parseParts('unquoted', (ch) => wordBreak.has(ch));
    if (this.pos === start) {
      const ch = this.peek();
      throw new ShellSyntaxError(ch === undefined ? 'a word is missing at the end' : `unexpected "${ch}"`);
    }
    return { parts, raw: this.src.slice(start, this.pos) };
  }

  private parseParts(mode: PartsMode, stop: (ch: string) => boolean): WordPart[] {
    const parts: WordPart[] = [];
    const quotedText = mode !== 'unquoted';
    const addLiteral = (text: string, quoted: boolean): void => {
      const last = parts[parts.length - 1];
      if (last?.type === 'literal' && last.quoted === quoted) last.text += text;
      else parts.push({ type: 'literal', text, quoted });
    };
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) break;
      if (mode === 'double' && ch === '"') break;
      if (mode === 'unquoted' && (ch === '<' || ch === '>') && this.src[this.pos + 1] === '(') {
        parts.push(this.parseProcessSubstitution(ch === '<' ? 'in' : 'out'));
        continue;
      }
      if (mode === 'unquoted' && stop(ch)) break;
      if (ch === '\\') {
        const next = this.src[this.pos + 1];
        if (next === '\n') {
          this.pos += 2;
          continue;
        }
        if (mode === 'unquoted') {
          if (next === undefined) {
            addLiteral('\\', false);
            this.pos += 1;
          } else {
            addLiteral(next, true);
            this.pos += 2;
          }
          continue;
        }
        const escapable = mode === 'double' ? '$`"\\' : '$`\\';
        if (next !== undefined && escapable.includes(next)) {
          addLiteral(next, true);
          this.pos += 2;
        } else {
          addLiteral('\\', true);
          this.pos += 1;
        }
        continue;
      }
      if (mode === 'unquoted' && ch === "'") {
        const end = this.src.indexOf("'", this.pos + 1);
        if (end === -1) throw new ShellSyntaxError('unterminated single quote');
        addLiteral(this.src.slice(this.pos + 1, end), true);
        this.pos = end + 1;
        continue;
      }
      if (mode === 'unquoted' && ch === '"') {
        parts.push(...this.parseDoubleQuoted(this.pos + 1));
        continue;
      }
      if (ch === '$') {
        const part = this.parseDollar(mode);
        if (part === null) addLiteral('$', quotedText);
        else if (Array.isArray(part)) parts.push(...part);
        else parts.push(part);
        continue;
      }
      if (ch === '`') {
        parts.push(this.parseBacktick(quotedText));
        continue;
      }
      addLiteral(ch, quotedText);
      this.pos += 1;
    }
    return parts;
  }

  private parseDoubleQuoted(contentStart: number): WordPart[] {
    this.pos = contentStart;
    const parts = this.parseParts('double', () => false);
    if (this.peek() !== '"') throw new ShellSyntaxError('unterminated double quote');
    this.pos += 1;
    // "" is an empty quoted word, which still counts as an argument.
    return parts.length === 0 ? [{ type: 'literal', text: '', quoted: true }] : parts;
  }

  private parseDollar(mode: PartsMode): WordPart | WordPart[] | null {
    const start = this.pos;
    const next = this.src[this.pos + 1];
    const quoted = mode !== 'unquoted';
    if (next === "'" && mode === 'unquoted') return this.parseAnsiC();
    if (next === '"' && mode === 'unquoted') return this.parseDoubleQuoted(this.pos + 2);
    if (next === '(') {
      if (this.src[this.pos + 2] === '(') {
        const end = this.matchingParen(this.pos + 1);
        if (end !== -1 && this.src[end - 1] === ')' && this.matchingParen(this.pos + 2) === end - 1) {
          const expression = this.src.slice(this.pos + 3, end - 1);
          this.pos = end + 1;
          return { type: 'arithmetic', scripts: this.substitutionsIn(expression), quoted, raw: this.src.slice(start, this.pos) };
        }
      }
      const script = this.parseParenthesizedScript('unterminated "$("');
      return { type: 'command', script, quoted, raw: this.src.slice(start, this.pos) };
    }
    if (next === '{') return this.parseBraceParameter(quoted);
    const name = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(this.src.slice(this.pos + 1, this.pos + 200));
    if (!name) {
      this.pos += 1;
      return null;
    }
    this.pos += 1 + name[0].length;
    return { type: 'parameter', name: name[0], operator: null, operand: null, quoted, raw: this.src.slice(start, this.pos) };
  }

  private parseBraceParameter(quoted: boolean): WordPart {
    const start = this.pos;
    let depth = 0;
    let index = this.pos + 1;
    for (; index < this.src.length; index += 1) {
      const ch = this.src[index];
      if (ch === '\\') {
        index += 1;
        continue;
      }
      if (ch === "'" && !quoted) {
        const end = this.src.indexOf("'", index + 1);
        if (end === -1) break;
        index = end;
        continue;
      }
      if (ch === '{') depth += 1;
      else if (ch === '}') {
        depth -= 1;
        if (depth === 0) break;
      }
    }
    if (index >= this.src.length) throw new ShellSyntaxError('unterminated "${"');
    const content = this.src.slice(start + 2, index);
    this.pos = index + 1;
    const raw = this.src.slice(start, this.pos);
    const prefixed = /^([#!])([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?$/.exec(content);
    if (prefixed) return { type: 'parameter', name: prefixed[2]!, operator: prefixed[1]!, operand: null, quoted, raw };
    const nameMatch = /^(?:[A-Za-z_][A-Za-z0-9_.]*|[0-9]+|[@*#?$!-])(?:\[[^\]]*\])?/.exec(content);
    if (!nameMatch) throw new ShellSyntaxError(`bad substitution "${raw}"`);
    const rest = content.slice(nameMatch[0].length);
    if (rest.length === 0) return { type: 'parameter', name: nameMatch[0], operator: null, operand: null, quoted, raw };
    const operator = /^(?::?[-=?+]|##?|%%?|\/[/#%]?|\^\^?|,,?|@|:)/.exec(rest);
    if (!operator) throw new ShellSyntaxError(`bad substitution "${raw}"`);
    const operandText = rest.slice(operator[0].length);
    const operandParser = new Parser(operandText, this.nesting + 1);
    const operand: Word = { parts: operandParser.parseParts('unquoted', () => false), raw: operandText };
    return { type: 'parameter', name: nameMatch[0], operator: operator[0], operand, quoted, raw };
  }

  private parseAnsiC(): WordPart {
    let index = this.pos + 2;
    let text = '';
    let encoded = false;
    for (;;) {
      const ch = this.src[index];
      if (ch === undefined) throw new ShellSyntaxError("unterminated $'...' string");
      if (ch === "'") break;
      if (ch !== '\\') {
        text += ch;
        index += 1;
        continue;
      }
      const escape = this.src[index + 1];
      if (escape === undefined) throw new ShellSyntaxError("unterminated $'...' string");
      const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
      if (escape in simple) {
        text += simple[escape];
        index += 2;
        continue;
      }
      const numeric = /^(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|c.)/.exec(this.src.slice(index + 1, index + 10));
      if (!numeric) {
        text += `\\${escape}`;
        index += 2;
        continue;
      }
      const token = numeric[0];
      encoded = true;
      if (token.startsWith('c')) text += String.fromCharCode(token.charCodeAt(1) & 0x1f);
      else if (/^[0-7]/.test(token)) text += String.fromCharCode(parseInt(token, 8) & 0xff);
      else text += String.fromCodePoint(parseInt(token.slice(1), 16));
      index += 1 + token.length;
    }
    this.pos = index + 1;
    return { type: 'ansi-c', text, encoded };
  }

  private parseBacktick(quoted: boolean): WordPart {
    const start = this.pos;
    let index = this.pos + 1;
    let inner = '';
    for (;;) {
      const ch = this.src[index];
      if (ch === undefined) throw new ShellSyntaxError('unterminated backtick substitution');
      if (ch === '`') break;
      if (ch === '\\' && this.src[index + 1] !== undefined && '$`\\'.includes(this.src[index + 1]!)) {
        inner += this.src[index + 1];
        index += 2;
        continue;
      }
      inner += ch;
      index += 1;
    }
    this.pos = index + 1;
    const script = new Parser(inner, this.nesting + 1).parseAll();
    return { type: 'command', script, quoted, raw: this.src.slice(start, this.pos) };
  }

  private parseProcessSubstitution(direction: 'in' | 'out'): WordPart {
    const start = this.pos;
    const script = this.parseParenthesizedScript('unterminated process substitution');
    return { type: 'process', direction, script, raw: this.src.slice(start, this.pos) };
  }

  /** The command substitutions inside arithmetic text. */
  private substitutionsIn(text: string): Script[] {
    const parts = new Parser(text, this.nesting + 1).parseParts('heredoc', () => false);
    return scriptsOf(parts);
  }

  // ---- here-documents ----------------------------------------------------------------------

  private consumeNewline(): void {
    this.pos += 1;
    this.readPendingHeredocs();
  }

  private readPendingHeredocs(): void {
    while (this.pending.length > 0) {
      const heredoc = this.pending.shift()!;
      let body = '';
      while (this.pos < this.src.length) {
        const newline = this.src.indexOf('\n', this.pos);
        const lineEnd = newline === -1 ? this.src.length : newline;
        let line = this.src.slice(this.pos, lineEnd);
        this.pos = newline === -1 ? this.src.length : newline + 1;
        if (heredoc.stripTabs) line = line.replace(/^\t+/, '');
        if (line === heredoc.delimiter) break;
        body += `${line}\n`;
      }
      const parts: WordPart[] = heredoc.quoted
        ? [{ type: 'literal', text: body, quoted: true }]
        : new Parser(body, this.nesting + 1).parseParts('heredoc', () => false);
      const value: Heredoc = { body, quoted: heredoc.quoted, parts };
      heredoc.redirect.heredoc = value;
    }
  }

  // ---- scanning helpers --------------------------------------------------------------------

  /** The script of `$(...)` or `<(...)`/`>(...)`, from its two-character opening to past its `)`. */
  private parseParenthesizedScript(unterminated: string): Script {
    this.pos += 2;
    const script = this.nested(() => {
      const { script: inner, terminator } = this.parseList(new Set(), true);
      if (terminator !== ')') throw new ShellSyntaxError(unterminated);
      return inner;
    });
    this.pos += 1;
    return script;
  }

  private nested<T>(parse: () => T): T {
    this.nesting += 1;
    if (this.nesting > maxNesting) throw new ShellSyntaxError('the script nests substitutions too deeply to review');
    try {
      return parse();
    } finally {
      this.nesting -= 1;
    }
  }

  /** Index of the `)` matching the `(` at `open`, skipping quoted text; -1 when unbalanced. */
  private matchingParen(open: number): number {
    let depth = 0;
    for (let index = open; index < this.src.length; index += 1) {
      const ch = this.src[index];
      if (ch === '\\') {
        index += 1;
      } else if (ch === "'") {
        const end = this.src.indexOf("'", index + 1);
        if (end === -1) return -1;
        index = end;
      } else if (ch === '"') {
        for (index += 1; index < this.src.length && this.src[index] !== '"'; index += 1) if (this.src[index] === '\\') index += 1;
      } else if (ch === '(') depth += 1;
      else if (ch === ')') {
        depth -= 1;
        if (depth === 0) return index;
      }
    }
    return -1;
  }

  private peek(): string | undefined {
    return this.src[this.pos];
  }

  private startsWith(text: string): boolean {
    return this.src.startsWith(text, this.pos);
  }

  /** `word` at the position, followed by a word break or the end. */
  private startsWithWord(word: string): boolean {
    if (!this.startsWith(word)) return false;
    const after = this.src[this.pos + word.length];
    return after === undefined || wordBreak.has(after);
  }

  /** A reserved word at the position (only meaningful where a command starts). */
  private peekReservedWord(): string | null {
    let end = this.pos;
    while (end < this.src.length && !wordBreak.has(this.src[end]!)) end += 1;
    const token = this.src.slice(this.pos, end);
    return reservedWords.has(token) ? token : null;
  }

  /** Spaces, tabs, line continuations and comments (not newlines). */
  private skipBlanks(): void {
    for (;;) {
      const ch = this.peek();
      if (ch === ' ' || ch === '\t' || ch === '\r') this.pos += 1;
      else if (ch === '\\' && this.src[this.pos + 1] === '\n') this.pos += 2;
      else if (ch === '#') {
        const end = this.src.indexOf('\n', this.pos);
        this.pos = end === -1 ? this.src.length : end;
      } else return;
    }
  }

  private skipBlankLines(): void {
    for (;;) {
      this.skipBlanks();
      if (this.peek() !== '\n') return;
      this.consumeNewline();
    }
  }

  private skipSeparators(): void {
    for (;;) {
      this.skipBlanks();
      const ch = this.peek();
      if (ch === ';') this.pos += 1;
      else if (ch === '\n') this.consumeNewline();
      else return;
    }
  }
}

function concat(...scripts: Script[]): Script {
  return { pipelines: scripts.flatMap((script) => script.pipelines) };
}

/** Every command substitution script in some word parts, nested ones included. */
export function scriptsOf(parts: readonly WordPart[]): Script[] {
  const scripts: Script[] = [];
  for (const part of parts) {
    if (part.type === 'command' || part.type === 'process') scripts.push(part.script);
    else if (part.type === 'arithmetic') scripts.push(...part.scripts);
    else if (part.type === 'parameter' && part.operand) scripts.push(...scriptsOf(part.operand.parts));
  }
  return scripts;
}
