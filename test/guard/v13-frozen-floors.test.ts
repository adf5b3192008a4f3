/**
 * Floors on test/guard/datasets/v13 (issue 11): secrets in config and credential text vs ordinary
 * log and config lines (Windows, network gear, schedulers, payment and auth-server logs among
 * others), written whole by an outside helper and measured blind by the lead at 71c57a3, 05423db
 * and e626be9 (figures in its README). Nobody has tuned on it: it stays `frozen`. The floors are the
 * blind figures at e626be9, so a change that makes redaction worse on text nobody tuned on fails here.
 * Reproduce with `npm run guard -- evaluate test/guard/datasets/v13`.
 */
import { describe, expect, it } from 'vitest';
import { evaluateFolders, repositorySets } from '../../src/guard/guard-evaluation.js';

const set = repositorySets().find((candidate) => candidate.name === 'v13');
const figures = set ? evaluateFolders([set]) : [];
const row = (category: string) => {
  const found = figures.find((candidate) => candidate.file === 'config-secrets.jsonl' && candidate.category === category);
  if (!found) throw new Error(`no v13 figures for ${category}`);
  return found;
};

describe('v13 (frozen, measured blind)', () => {
  it('is read by the default evaluation, every row frozen', () => {
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.every((figure) => figure.split === 'frozen')).toBe(true);
  });

  it('removes the secrets and alters no more benign lines than the blind run did', () => {
    // Blind at 71c57a3: 307/330; altered 15/813 (log), 12/181 (config).
    // Blind at e626be9: 307/330; 6/813 (log), 9/181 (config).
    expect(row('(all)').caught).toBeGreaterThanOrEqual(307);
    expect(row('benign-log').falsePositives).toBeLessThanOrEqual(6);
    expect(row('benign-config').falsePositives).toBeLessThanOrEqual(9);
  });
});
