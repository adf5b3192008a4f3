import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFunctionLength, measureSource, measureSourceTree } from './function-lengths.js';

const repository = path.resolve(import.meta.dirname, '../..');
const limit = 80;

/**
 * Functions allowed over the limit for now, by `file:name`, each with why. An entry that is no
 * longer over the limit fails the test too, so the list only shrinks.
 */
const exemptions: ReadonlyMap<string, string> = new Map<string, string>([]);

/** `count` lines of code: a function whose body has `count - 2` statement lines. */
function functionOfLines(count: number): string {
  const body = Array.from({ length: count - 2 }, (_, index) => `  total += ${index};`).join('\n');
  return `export function long(): number {\n${body}\n}\n`;
}

describe('function length in src/ (lines of its own, nested functions counted apart)', () => {
  it(`has no function over ${limit} lines`, () => {
    const measured = measureSourceTree(repository);
    expect(measured.length).toBeGreaterThan(1_000);
    const over = measured.filter((entry) => entry.ownLines > limit);
    expect(over.filter((entry) => !exemptions.has(`${entry.file}:${entry.name}`)).map(formatFunctionLength)).toEqual([]);
    const stillOver = new Set(over.map((entry) => `${entry.file}:${entry.name}`));
    expect([...exemptions.keys()].filter((key) => !stillOver.has(key))).toEqual([]);
  });

  it('flags an 81-line function and passes an 80-line one', () => {
    expect(measureSource(functionOfLines(81), 'a.ts')).toEqual([{ file: 'a.ts', line: 1, name: 'long', ownLines: 81 }]);
    expect(measureSource(functionOfLines(80), 'a.ts')[0]!.ownLines).toBe(80);
  });

  it('counts nested functions apart, and names arrows, methods and object members', () => {
    const source = [
      '// leading comment',
      'const outer = () => {', // 2
      '  const inner = function () {', // 3
      '    return [1].map((x) => x);', // 4
      '  };', // 5
      '  class Box {', // 6
      '    get size() {', // 7
      '      return 1;', // 8
      '    }', // 9
      '    #hidden(): void {}', // 10
      '  }', // 11
      '  return { run() { return inner(); }, later: async () => new Box() };', // 12
      '};', // 13
    ].join('\n');
    const byName = Object.fromEntries(measureSource(source, 'b.ts').map((entry) => [`${entry.name}@${entry.line}`, entry.ownLines]));
    expect(byName).toEqual({
      'outer@2': 12 - 8, // 12 spanned; inner (3-5), size (7-9), #hidden (10), run and later (both 12) apart
      'inner@3': 2,
      '<anonymous>@4': 1,
      'size@7': 3,
      '#hidden@10': 1,
      'run@12': 1,
      'later@12': 1,
    });
  });

  it('measures the same text the same way however many files were parsed before (swc shares its offsets)', () => {
    const first = measureSource(functionOfLines(10), 'c.ts');
    measureSource('const x = "é".repeat(3);\n'.repeat(50), 'd.ts');
    expect(measureSource(functionOfLines(10), 'c.ts')).toEqual(first);
  });
});
