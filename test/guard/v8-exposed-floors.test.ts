/**
 * Floors on test/guard/datasets/v8 (issue 11): config-secrets only, written whole by an outside
 * helper, measured blind by the lead at 8bb9831 and a1a19ce (figures in its README), then exposed:
 * branch redfp4 read its altered benign rows and missed secrets to find general causes. These are
 * tuned-on figures, not a held-out measurement; the bars hold what was reached so a regression fails.
 * Reproduce with `npm run guard -- evaluate` (the v8 lines).
 */
import { describe, expect, it } from 'vitest';
import { exposedSet } from './exposed-set-figures.js';

const { set: v8, figures, rates } = exposedSet('v8');

describe('v8 (exposed after two blind measurements)', () => {
  it('is read by the default evaluation, under the split "exposed", never "frozen"', () => {
    expect(v8?.split).toBe('exposed');
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.every((row) => row.split === 'exposed')).toBe(true);
  });

  it('removes secrets and alters at most 1% of benign log lines', () => {
    // Blind at a1a19ce: 216/220 removed; benign altered 34/556 (log), 15/183 (config).
    // After redfp4: 216/220; 3/556 (0.5%) and 10/183.
    // After redfp5 (rules from v9's classes, which also covered v8's config rows): 218/220; 3/556 and 0/183.
    expect(rates('config-secrets.jsonl').row.caught).toBeGreaterThanOrEqual(218);
    expect(rates('config-secrets.jsonl', 'benign-log').row.falsePositives).toBeLessThanOrEqual(3);
    expect(rates('config-secrets.jsonl', 'benign-config').row.falsePositives).toBeLessThanOrEqual(0);
  });
});
