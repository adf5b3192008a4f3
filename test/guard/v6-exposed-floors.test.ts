/**
 * Floors on test/guard/datasets/v6 (issue 11): config and credential lines vs ordinary log and
 * config lines, written whole by an outside helper and measured blind once at commit 5ad604f
 * (figures in its README). Nobody has tuned on it: it stays `frozen`. The floors are the blind
 * figures, so a change that makes redaction worse on text nobody tuned on fails here. They are
 * not the goal (≤ 1% of benign log lines altered), which the blind run misses.
 * Reproduce with `npm run guard -- evaluate test/guard/datasets/v6`.
 */
import { describe, expect, it } from 'vitest';
import { evaluateFolders, repositorySets } from '../../src/guard/guard-evaluation.js';

const set = repositorySets().find((candidate) => candidate.name === 'v6');
const figures = set ? evaluateFolders([set]) : [];
const row = (category: string) => {
  const found = figures.find((candidate) => candidate.file === 'config-secrets.jsonl' && candidate.category === category);
  if (!found) throw new Error(`no v6 figures for ${category}`);
  return found;
};

describe('v6 (frozen, measured blind once)', () => {
  it('is read by the default evaluation, every row frozen', () => {
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.every((figure) => figure.split === 'frozen')).toBe(true);
  });

  it('removes the secrets and alters no more benign lines than the blind run did', () => {
    // Blind at 5ad604f: 105/107 secrets removed; benign lines altered 13/205 (log), 7/91 (config).
    const all = row('(all)');
    expect(all.caught / all.positives).toBeGreaterThanOrEqual(0.98);
    expect(row('benign-log').falsePositives).toBeLessThanOrEqual(13);
    expect(row('benign-config').falsePositives).toBeLessThanOrEqual(7);
  });
});
