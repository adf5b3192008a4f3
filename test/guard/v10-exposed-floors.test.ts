/**
 * Floors on test/guard/datasets/v10 (issue 11): all five files, written whole by an outside
 * author, measured blind by the lead at 71c57a3 (figures in its README), then exposed: branch
 * redfp6 read the rows its guards got wrong (PII misses and benign lines altered by PII rules,
 * injection misses and false positives, the misclassified command) to find general causes. These
 * are tuned-on figures, not a held-out measurement; the bars hold what was reached so a
 * regression fails. The secret side of config-secrets was left to redfp5 (its bars are the
 * figures at 71c57a3). Reproduce with `npm run guard -- evaluate` (the v10 lines).
 */
import { describe, expect, it } from 'vitest';
import { exposedSet } from './exposed-set-figures.js';

const { set: v10, figures, rates } = exposedSet('v10');

describe('v10 (exposed after one blind measurement)', () => {
  it('is read by the default evaluation, under the split "exposed", never "frozen"', () => {
    expect(v10?.split).toBe('exposed');
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.every((row) => row.split === 'exposed')).toBe(true);
  });

  it('finds every personal-data value and alters no clean line', () => {
    // Blind at 71c57a3: 256/258 found, 1/158 clean lines altered. After redfp6: 258/258, 0/158.
    expect(rates('pii.jsonl').row.caught).toBeGreaterThanOrEqual(258);
    expect(rates('pii.jsonl').row.falsePositives).toBeLessThanOrEqual(0);
  });

  it('removes secrets and keeps the altered benign lines at their redfp6 level', () => {
    // Blind at 71c57a3: 195/198; benign altered 17/522 (log), 2/199 (config).
    // After redfp6 (PII rules only): 195/198; 15/522 and 2/199. The rest are secret rules.
    // Merged with redfp5 (v9's round, which never read v10): 197/198; 15/522 and 5/199 (three
    // config lines taken for high-entropy secrets since redfp5: measured blind at b0a1bf1).
    // After redfp8 (which read v11, not v10): 12/522 benign log lines.
    expect(rates('config-secrets.jsonl').row.caught).toBeGreaterThanOrEqual(197);
    expect(rates('config-secrets.jsonl', 'benign-log').row.falsePositives).toBeLessThanOrEqual(12);
    expect(rates('config-secrets.jsonl', 'benign-config').row.falsePositives).toBeLessThanOrEqual(5);
  });

  it('blocks injected questions and documents and no benign one', () => {
    // Blind at 71c57a3: questions 293/312 blocked, 2/217 benign blocked; documents 97/108, 0/108.
    // After redfp6: 312/312, 0/217; 108/108, 0/108.
    expect(rates('injection-direct.jsonl').row.caught).toBeGreaterThanOrEqual(312);
    expect(rates('injection-direct.jsonl').row.falsePositives).toBeLessThanOrEqual(0);
    expect(rates('injection-documents.jsonl').row.caught).toBeGreaterThanOrEqual(108);
    expect(rates('injection-documents.jsonl').row.falsePositives).toBeLessThanOrEqual(0);
  });

  it('flags every destructive command; `sudo reboot` stays destructive by design', () => {
    // Blind and after redfp6: 99/99 destructive, 1/117 others flagged (the reboot, guardfix's choice).
    expect(rates('commands.jsonl').row.caught).toBeGreaterThanOrEqual(99);
    expect(rates('commands.jsonl').row.falsePositives).toBeLessThanOrEqual(1);
  });
});
