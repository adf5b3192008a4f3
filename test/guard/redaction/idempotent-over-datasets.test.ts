/**
 * `redact(redact(x)) === redact(x)` over every text row of the repository's sets, v2 to v11 and the
 * development, independent and shared sets (issue 11, branch redfp5). The fast-check property in
 * redactor.test.ts builds texts from pieces; these rows are whole configs, job logs and notes, where
 * one rule's placeholder sits next to another rule's evidence. The sets are listed by name, so a
 * blind set added later is not read here before it is measured.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { redact } from '../../../src/guard/redaction/index.js';

const datasets = path.resolve(import.meta.dirname, '../datasets');
const sets = ['v2', 'v3', 'v5', 'v6', 'v7', 'v8', 'v9', 'v10', 'v11', 'development', 'independent', '.'];

/** Every string `text` field of every JSONL row of the named sets, with where it came from. */
function datasetTexts(): { where: string; text: string }[] {
  const texts: { where: string; text: string }[] = [];
  for (const set of sets) {
    const folder = path.join(datasets, set);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.jsonl'))) {
      readFileSync(path.join(folder, file), 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (line.trim() === '') return;
          const row = JSON.parse(line) as { id?: unknown; text?: unknown };
          if (typeof row.text === 'string') texts.push({ where: `${set}/${file}#${String(row.id ?? index + 1)}`, text: row.text });
        });
    }
  }
  return texts;
}

describe('redaction is idempotent on every dataset row', () => {
  it('gives the same text when run again on its own output', () => {
    const texts = datasetTexts();
    expect(texts.length).toBeGreaterThan(5000);
    const unstable = texts.filter(({ text }) => {
      const once = redact(text).text;
      return redact(once).text !== once;
    });
    expect(unstable.map(({ where }) => where)).toEqual([]);
  });
});
