/**
 * Floors on test/guard/datasets/v9 (issue 11): config and credential text vs ordinary log and
 * config lines (a third of them shaped like Rundeck job logs, PagerDuty notes, alert payloads and
 * responders' chat), written whole by an outside helper and measured blind by the lead at a1a19ce
 * and at b8378d1 (figures in its README). Nobody has tuned on it: it stays `frozen`. The floors are
 * the blind figures at b8378d1, so a change that makes redaction worse on text nobody tuned on fails
 * here. They are not the goal (≤ 1% of benign log lines altered), which the blind run misses.
 * Reproduce with `npm run guard -- evaluate test/guard/datasets/v9`.
 */
import { describe, expect, it } from 'vitest';
import { evaluateFolders, repositorySets } from '../../src/guard/guard-evaluation.js';

const set = repositorySets().find((candidate) => candidate.name === 'v9');
const figures = set ? evaluateFolders([set]) : [];
const row = (category: string) => {
  const found = figures.find((candidate) => candidate.file === 'config-secrets.jsonl' && candidate.category === category);
  if (!found) throw new Error(`no v9 figures for ${category}`);
  return found;
};

describe('v9 (frozen, measured blind)', () => {
  it('is read by the default evaluation, every row frozen', () => {
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.every((figure) => figure.split === 'frozen')).toBe(true);
  });

  it('removes the secrets and alters no more benign lines than the blind run did', () => {
    // Blind at a1a19ce: 243/247 removed; altered 27/705 (log), 14/153 (config).
    // Blind at b8378d1 (after redfp4's evidence rule): 237/247; 14/705 (log), 14/153 (config).
    const all = row('(all)');
    expect(all.caught).toBeGreaterThanOrEqual(237);
    expect(row('benign-log').falsePositives).toBeLessThanOrEqual(14);
    expect(row('benign-config').falsePositives).toBeLessThanOrEqual(14);
  });
});
