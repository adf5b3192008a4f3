/**
 * Floors on test/guard/datasets/v9 (issue 11): config and credential text vs ordinary log and
 * config lines (a third of them shaped like Rundeck job logs, PagerDuty notes, alert payloads and
 * responders' chat), written whole by an outside helper, measured blind by the lead at a1a19ce and
 * b8378d1 (figures in its README), then exposed: branch redfp5 read its altered benign rows and
 * missed secrets to find general causes. These are tuned-on figures, not a held-out measurement; the
 * bars hold what was reached so a regression fails.
 * Reproduce with `npm run guard -- evaluate test/guard/datasets/v9`.
 */
import { describe, expect, it } from 'vitest';
import { exposedSet } from './exposed-set-figures.js';

const { set: v9, figures, rates } = exposedSet('v9');

describe('v9 (exposed after two blind measurements)', () => {
  it('is read by the default evaluation, under the split "exposed", never "frozen"', () => {
    expect(v9?.split).toBe('exposed');
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.every((row) => row.split === 'exposed')).toBe(true);
  });

  it('removes every secret and alters no benign line', () => {
    // Blind at a1a19ce: 243/247 removed; benign altered 27/705 (log), 14/153 (config).
    // Blind at b8378d1: 237/247; 14/705 (2.0%) and 14/153 (9.2%).
    // After redfp5 (tuned on these rows): 247/247; 0/705 and 0/153.
    expect(rates('config-secrets.jsonl').row.caught).toBeGreaterThanOrEqual(247);
    expect(rates('config-secrets.jsonl', 'benign-log').row.falsePositives).toBeLessThanOrEqual(0);
    expect(rates('config-secrets.jsonl', 'benign-config').row.falsePositives).toBeLessThanOrEqual(0);
  });
});
