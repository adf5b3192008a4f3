/**
 * Floors on test/guard/datasets/v6 (issue 11): config and credential lines vs ordinary log and
 * config lines, written whole by an outside helper, measured blind once at commit 5ad604f
 * (figures in its README), then exposed: branch redfp read its altered benign rows and missed
 * secrets to find general causes. These are tuned-on figures, not a held-out measurement; the
 * bars hold what was reached so a regression fails.
 * Reproduce with `npm run guard -- evaluate test/guard/datasets/v6` or `npm run guard -- evaluate`.
 */
import { describe, expect, it } from 'vitest';
import { exposedSet } from './exposed-set-figures.js';

const { set: v6, figures, rates } = exposedSet('v6');

describe('v6 (exposed after one blind measurement)', () => {
  it('is read by the default evaluation, under the split "exposed", never "frozen"', () => {
    expect(v6?.split).toBe('exposed');
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.every((row) => row.split === 'exposed')).toBe(true);
  });

  it('removes every secret and alters no benign log or config line', () => {
    // Blind at 5ad604f: 105/107 removed; benign lines altered 13/205 (log), 7/91 (config).
    // After redfp: 107/107 removed; 0/205 and 0/91 altered.
    expect(rates('config-secrets.jsonl').caught).toBe(1);
    expect(rates('config-secrets.jsonl', 'benign-log').row.falsePositives).toBe(0);
    expect(rates('config-secrets.jsonl', 'benign-config').row.falsePositives).toBe(0);
  });
});
