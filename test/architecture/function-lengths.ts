/**
 * Lines of each function of `src/` (generated code aside), counted on its own: the lines of the
 * functions nested in it are subtracted and counted for them. Parses with `@swc/core`
 * (TypeScript 7 has no JS API). Used by `function-length.test.ts`; as a script it prints the
 * longest functions:
 *
 * A line spanned by a nested function is that function's, even when it shares the line with
 * code of the enclosing one (`const f = () => {`, a one-line callback).
 *
 *   npx tsx test/architecture/function-lengths.ts [--top 10] [DIR]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSync } from '@swc/core';

/** One function and its own line count. */
export interface FunctionLength {
  /** Path relative to the scanned root's parent, e.g. `src/eval/cases.ts`. */
  file: string;
  /** 1-based line of the function's first line. */
  line: number;
  /** Its name where the code gives one (declaration, variable, key), else `<anonymous>`. */
  name: string;
  /** Lines it spans minus the lines spanned by the functions nested in it. */
  ownLines: number;
}

interface Span {
  start: number;
  end: number;
}
/** An swc AST node as walked here: a type tag, maybe a span, any children. */
interface AstNode {
  type?: string;
  span?: Span;
  [key: string]: unknown;
}

const functionTypes = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ClassMethod',
  'PrivateMethod',
  'Constructor',
  'MethodProperty',
  'GetterProperty',
  'SetterProperty',
]);

const isNode = (value: unknown): value is AstNode => typeof value === 'object' && value !== null;

/** The name a function node carries itself, or the one its parent gives it. */
function nameOf(node: AstNode, parent: AstNode | undefined): string {
  const identifierName = (value: unknown): string | undefined => {
    if (!isNode(value)) return undefined;
    if (typeof value.value === 'string') return value.type === 'PrivateName' ? `#${value.value}` : value.value;
    return undefined;
  };
  if (node.type === 'Constructor') return 'constructor';
  const own = identifierName(node.identifier) ?? identifierName(node.key);
  if (own !== undefined) return own;
  if (parent?.type === 'VariableDeclarator') return identifierName(parent.id) ?? '<anonymous>';
  if (parent?.type === 'KeyValueProperty' || parent?.type === 'ClassProperty') return identifierName(parent.key) ?? '<anonymous>';
  return '<anonymous>';
}

/** Measures every function of one TypeScript source. `file` only labels the results. */
export function measureSource(source: string, file: string): FunctionLength[] {
  // swc's spans are byte offsets in a source map shared by every parse of the process; a leading
  // `;` puts a token at offset 0 of this text, so the module's span start is this text's base.
  const text = `;${source}`;
  const bytes = Buffer.from(text, 'utf8');
  const lineStarts: number[] = [0];
  for (let index = 0; index < bytes.length; index++) if (bytes[index] === 0x0a) lineStarts.push(index + 1);
  const module = parseSync(text, { syntax: 'typescript', tsx: file.endsWith('.tsx'), comments: false }) as unknown as AstNode;
  const base = module.span!.start;
  const lineAt = (position: number): number => {
    const offset = position - base;
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };

  const results: FunctionLength[] = [];
  /** Walks `node` and returns the lines spanned by the functions found below it. */
  const walk = (node: unknown, parent: AstNode | undefined): Set<number> => {
    const taken = new Set<number>();
    const add = (lines: Set<number>): void => lines.forEach((line) => taken.add(line));
    if (Array.isArray(node)) {
      for (const item of node) add(walk(item, parent));
      return taken;
    }
    if (!isNode(node)) return taken;
    for (const [key, child] of Object.entries(node)) if (key !== 'span' && isNode(child)) add(walk(child, node));
    if (!node.type || !functionTypes.has(node.type) || !node.span) return taken;
    const first = lineAt(node.span.start);
    const last = lineAt(Math.max(node.span.end - 1, node.span.start));
    let nestedLines = 0;
    for (const line of taken) if (line >= first && line <= last) nestedLines += 1;
    results.push({ file, line: first, name: nameOf(node, parent), ownLines: last - first + 1 - nestedLines });
    for (let line = first; line <= last; line++) taken.add(line);
    return taken;
  };
  walk(module, undefined);
  return results;
}

/** Every `.ts` file below `directory`, skipping the folders named in `skip` (relative paths). */
function sourceFiles(directory: string, skip: readonly string[], root = directory): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return skip.includes(path.relative(root, full)) ? [] : sourceFiles(full, skip, root);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Measures every function of `src/` under `repository`, longest first (generated code aside). */
export function measureSourceTree(repository: string): FunctionLength[] {
  const sourceRoot = path.join(repository, 'src');
  return sourceFiles(sourceRoot, ['generated'])
    .flatMap((file) => measureSource(readFileSync(file, 'utf8'), path.relative(repository, file)))
    .sort((a, b) => b.ownLines - a.ownLines);
}

export const formatFunctionLength = (entry: FunctionLength): string => `${String(entry.ownLines).padStart(4)}  ${entry.name}  ${entry.file}:${entry.line}`;

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const topIndex = process.argv.indexOf('--top');
  const top = topIndex === -1 ? 10 : Number(process.argv[topIndex + 1]);
  const repository = process.argv.slice(2).find((value, index, all) => !value.startsWith('--') && all[index - 1] !== '--top');
  const measured = measureSourceTree(path.resolve(repository ?? path.join(import.meta.dirname, '../..')));
  console.log(`own lines  function  file:line  (${measured.length} functions in src/)`);
  for (const entry of measured.slice(0, top)) console.log(formatFunctionLength(entry));
}
