/**
 * Floors on test/guard/datasets/v12 (issue 11): secrets in config and credential text, ordinary
 * log and config lines, and personal data in log lines, written whole by an outside helper and
 * measured blind by the lead at 71c57a3 and e0643f7 (figures in its README). Nobody has tuned on
 * it: it stays `frozen`. The floors are the blind figures at e0643f7, so a change that makes
 * redaction worse on text nobody tuned on fails here.
 * Reproduce with `npm run guard -- evaluate test/guard/datasets/v12`.
 */
import { describe, expect, it } from 'vitest';
import { evaluateFolders, repositorySets } from '../../src/guard/guard-evaluation.js';

const set = repositorySets().find((candidate) => candidate.name === 'v12');
const figures = set ? evaluateFolders([set]) : [];
const row = (file: string, category: string) => {
  const found = figures.find((candidate) => candidate.file === file && candidate.category === category);
  if (!found) throw new Error(`no v12 figures for ${file} ${category}`);
  return found;
};

describe('v12 (frozen, measured blind)', () => {
  it('is read by the default evaluation, every row frozen', () => {
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.every((figure) => figure.split === 'frozen')).toBe(true);
  });

  it('removes the secrets and alters no more benign lines than the blind run did', () => {
    // Blind at 71c57a3: 298/315 removed; altered 5/819 (log), 3/170 (config).
    // Blind at e0643f7: 301/315; 5/819 (log), 3/170 (config).
    expect(row('config-secrets.jsonl', '(all)').caught).toBeGreaterThanOrEqual(301);
    expect(row('config-secrets.jsonl', 'benign-log').falsePositives).toBeLessThanOrEqual(5);
    expect(row('config-secrets.jsonl', 'benign-config').falsePositives).toBeLessThanOrEqual(3);
  });

  it('removes the personal data in log lines and alters no more clean lines than the blind run did', () => {
    // Blind at 71c57a3 and e0643f7: 218/219 removed; 2/222 clean lines altered.
    expect(row('pii.jsonl', '(all)').caught).toBeGreaterThanOrEqual(218);
    expect(row('pii.jsonl', '(all)').falsePositives).toBeLessThanOrEqual(2);
  });
});
