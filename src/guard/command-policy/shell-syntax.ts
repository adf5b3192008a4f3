/**
 * The syntax tree of a shell script as the command policy reads it: enough of POSIX sh and
 * bash to see every command a script can run (pipelines, lists, compound commands, function
 * bodies, command and process substitutions, here-documents), and how each word is built
 * (quotes, escapes, expansions), so that obfuscated forms reduce to the command they hide.
 */

/** One piece of a word, before expansion. */
export type WordPart =
  /** Literal text after quote removal; `quoted` text is not split, globbed or brace-expanded. */
  | { type: 'literal'; text: string; quoted: boolean }
  /** `$'...'`: already decoded; `encoded` when it used hex, octal or unicode escapes. */
  | { type: 'ansi-c'; text: string; encoded: boolean }
  /** `$NAME`, `${NAME}`, `${NAME:-word}`...; `operand` is the word after the operator. */
  | { type: 'parameter'; name: string; operator: string | null; operand: Word | null; quoted: boolean; raw: string }
  /** `$(...)` or a backtick substitution. */
  | { type: 'command'; script: Script; quoted: boolean; raw: string }
  /** `$((...))`: its value is a number; the scripts are substitutions found inside. */
  | { type: 'arithmetic'; scripts: Script[]; quoted: boolean; raw: string }
  /** `<(...)` or `>(...)`: expands to a file name connected to the script. */
  | { type: 'process'; direction: 'in' | 'out'; script: Script; raw: string };

/** A shell word: the parts it is built from and its source text. */
export interface Word {
  parts: WordPart[];
  raw: string;
}

/** A here-document attached to a `<<` or `<<-` redirection. */
export interface Heredoc {
  /** The body with `<<-` tabs stripped; for an unquoted delimiter its expansions are in `parts`. */
  body: string;
  /** True when the delimiter was quoted: the body is literal text. */
  quoted: boolean;
  /** The body as word parts (parameter and command substitutions of an unquoted body). */
  parts: WordPart[];
}

export interface Redirect {
  /** `>`, `>>`, `<`, `<<`, `<<-`, `<<<`, `>&`, `<&`, `&>`, `&>>`, `<>`, `>|`. */
  operator: string;
  /** The file descriptor written before the operator, if any. */
  fd: string | null;
  /** The target word (null for here-documents). */
  target: Word | null;
  heredoc: Heredoc | null;
}

export interface Assignment {
  name: string;
  /** The value of `NAME=value`; null for an array assignment. */
  value: Word | null;
  /** The elements of `NAME=(a b c)`. */
  array: Word[] | null;
}

/** One command of a pipeline. */
export type Command =
  | { type: 'simple'; assignments: Assignment[]; words: Word[]; redirects: Redirect[] }
  /** `{ ...; }`, `( ... )`, if, while, until, case bodies: every branch is in `body`. */
  | { type: 'group'; body: Script; redirects: Redirect[]; subshell: boolean }
  /** `for NAME in WORDS` / `select`: the loop variable and the words it takes. */
  | { type: 'loop'; variable: string | null; words: Word[]; body: Script; redirects: Redirect[] }
  /** `case WORD in ...`: the subject and patterns are words; the branches are in `body`. */
  | { type: 'case'; words: Word[]; body: Script; redirects: Redirect[] }
  /** `[[ ... ]]` and `(( ... ))`: tests and arithmetic, which only read (but may substitute). */
  | { type: 'test'; words: Word[]; scripts: Script[]; redirects: Redirect[] }
  | { type: 'function'; name: string; body: Command };

export interface Pipeline {
  commands: Command[];
  /** Ended with `&`. */
  background: boolean;
}

export interface Script {
  pipelines: Pipeline[];
}

/** The text is not a shell script the policy can read (unbalanced quotes, a stray `fi`...). */
export class ShellSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShellSyntaxError';
  }
}
