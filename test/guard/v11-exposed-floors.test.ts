/**
 * Floors on test/guard/datasets/v11 (issue 11): one config/log redaction file, written whole by an
 * outside author, measured blind at 71c57a3, b0a1bf1 and e0643f7 (figures in its README), then
 * exposed: branch redfp8 read the benign rows the redactor altered and the secrets it missed, to
 * find general causes. These are tuned-on figures, not a held-out measurement; the bars hold what
 * was reached so a regression fails. Reproduce with `npm run guard -- evaluate` (the v11 lines).
 */
import { describe, expect, it } from 'vitest';
import { exposedSet } from './exposed-set-figures.js';

const { set: v11, figures, rates } = exposedSet('v11');

describe('v11 (exposed after blind measurements)', () => {
  it('is read by the default evaluation, under the split "exposed", never "frozen"', () => {
    expect(v11?.split).toBe('exposed');
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.every((row) => row.split === 'exposed')).toBe(true);
  });

  it('removes secrets and keeps the altered benign lines at their redfp8 level', () => {
    // At e0643f7: benign log 50/957 altered, benign config 7/225. After redfp8: 19/957 (15 of them
    // hold an e-mail address, redacted on purpose as personal data) and 7/225; secrets 418/453.
    // Final redfp8: 10/957 (6 of them a person’s e-mail address) and 4/225; secrets 427/453.
    expect(rates('config-secrets.jsonl').row.caught).toBeGreaterThanOrEqual(427);
    expect(rates('config-secrets.jsonl', 'benign-log').row.falsePositives).toBeLessThanOrEqual(10);
    expect(rates('config-secrets.jsonl', 'benign-config').row.falsePositives).toBeLessThanOrEqual(4);
  });
});
