/**
 * Redaction recall and false positives on both labeled sets. A secret is caught when its
 * value no longer appears in the text; a benign look-alike is a false positive when anything
 * at all is redacted in it.
 */
import { describe, expect, it } from 'vitest';
import { redact } from '../../../src/guard/redaction/redactor.js';
import { independent, rate, shared } from '../guard-data.js';

describe('the independent redaction set', () => {
  const rows = independent.redaction();
  const withSecrets = rows.filter((row) => row.label.length > 0);
  const benign = rows.filter((row) => row.label.length === 0);

  it('has at least 200 strings, 50 of them benign look-alikes', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(benign.length).toBeGreaterThanOrEqual(50);
  });

  it('removes every secret value, under the right type, and redacts no look-alike', () => {
    const values = withSecrets.flatMap((row) => row.secrets.map((secret) => ({ text: row.text, secret })));
    const recall = rate(values, ({ text, secret }) => !redact(text).text.includes(secret));
    const typed = rate(
      withSecrets.flatMap((row) => row.label.map((type) => ({ text: row.text, type }))),
      ({ text, type }) => redact(text).redactions.some((redaction) => redaction.type === type || (type === 'github_pat' && redaction.type === 'github_token')),
    );
    const falsePositives = rate(benign, (row) => redact(row.text).redactions.length > 0);
    console.log(
      `independent redaction set: recall ${recall.hits}/${recall.total}, typed ${typed.hits}/${typed.total}, false positives ${falsePositives.hits}/${falsePositives.total}` +
        `\n  missed: ${JSON.stringify(recall.others.map((row) => row.text.slice(0, 80)))}`,
    );
    expect(recall.rate).toBeGreaterThanOrEqual(0.98);
    expect(typed.rate).toBeGreaterThanOrEqual(0.95);
    expect(falsePositives.rate).toBeLessThanOrEqual(0.02);
  });
});

describe('the shared redaction set', () => {
  it('removes its secrets and leaves its look-alikes', () => {
    const rows = shared.redaction();
    const recall = rate(
      rows.filter((row) => row.label === 'secret'),
      (row) => !redact(row.text).text.includes(row.secret!),
    );
    const falsePositives = rate(
      rows.filter((row) => row.label === 'benign'),
      (row) => redact(row.text).redactions.length > 0,
    );
    console.log(`shared redaction set: recall ${recall.hits}/${recall.total}, false positives ${falsePositives.hits}/${falsePositives.total}`);
    expect(recall.rate).toBeGreaterThanOrEqual(0.98);
    expect(falsePositives.rate).toBeLessThanOrEqual(0.02);
  });
});
