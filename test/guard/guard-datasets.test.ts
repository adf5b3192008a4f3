/**
 * The guards measured on the labeled sets in test/guard/datasets/ (338 attacks, 300 benign
 * alarming texts, 218 redaction strings). The figures are printed; the bars are asserted.
 * Reproduce: `npx vitest run test/guard/guard-datasets.test.ts` or
 * `npm run guard -- evaluate test/guard/datasets`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateInjection, evaluateRedaction } from '../../src/guard/guard-evaluation.js';
import type { InjectionSource as UntrustedSource } from '../../src/guard/injection/index.js';

const read = <T>(name: string): T[] =>
  readFileSync(new URL(`./datasets/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);

describe('guard datasets', () => {
  it('injection screening: ≥ 95% detection at ≤ 2% false positives', () => {
    const attacks = read<{ text: string; source: UntrustedSource }>('injection-attacks.jsonl');
    const benign = read<{ text: string; source: UntrustedSource }>('injection-benign.jsonl');
    expect(attacks.length).toBeGreaterThanOrEqual(300);
    expect(benign.length).toBeGreaterThanOrEqual(300);
    const figures = evaluateInjection(attacks, benign);
    console.log(`injection figures: ${JSON.stringify({ ...figures, missed: figures.missed.slice(0, 10), falselyBlocked: figures.falselyBlocked })}`);
    expect(figures.detectionRate).toBeGreaterThanOrEqual(0.95);
    expect(figures.falsePositiveRate).toBeLessThanOrEqual(0.02);
  });

  it('redaction: recall and false positives on the labeled strings', () => {
    const cases = read<{ text: string; secret: string | null; label: 'secret' | 'benign' }>('redaction.jsonl');
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const figures = evaluateRedaction(cases);
    console.log(`redaction figures: ${JSON.stringify(figures)}`);
    expect(figures.recall).toBeGreaterThanOrEqual(0.95);
    expect(figures.falsePositiveRate).toBeLessThanOrEqual(0.05);
  });
});
