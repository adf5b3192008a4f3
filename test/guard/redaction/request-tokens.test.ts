import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCanary, createSpotlight } from '../../../src/guard/injection/spotlight.js';
import { memoizeText } from '../../../src/guard/memoize.js';
import { redact } from '../../../src/guard/redaction/index.js';
import { redactAroundRequestTokens } from '../../../src/guard/redaction/request-tokens.js';
import type { RedactionResult } from '../../../src/guard/redaction/types.js';

function prompt(): string {
  const spotlight = createSpotlight(randomBytes);
  const canary = createCanary(randomBytes);
  const notes = 'db password=hunter2hunter2 on host; contact jane.doe@example.com; key AKIAIOSFODNN7EXAMPLE';
  return `${spotlight.instruction}\nConfidential marker: ${canary}.\nNotes:\n${spotlight.fence(notes)}`;
}

describe('redaction around the per-request marker and canary', () => {
  it('gives what redacting the real text gives', () => {
    for (let i = 0; i < 20; i += 1) {
      const text = prompt();
      const expected = redact(text);
      expect(expected.redactions.length).toBeGreaterThan(0);
      expect(redactAroundRequestTokens(text, redact)).toEqual(expected);
    }
  });

  it('redacts the same prompt with new tokens from the memo, without redacting again', () => {
    const seen: string[] = [];
    const memo = memoizeText((text: string): RedactionResult => {
      seen.push(text);
      return redact(text);
    }, { maxEntries: 10, maxKeyLength: 100_000 });
    const first = prompt();
    const second = prompt();
    expect(second).not.toBe(first);
    expect(redactAroundRequestTokens(first, memo)).toEqual(redact(first));
    expect(redactAroundRequestTokens(second, memo)).toEqual(redact(second));
    expect(seen).toHaveLength(1);
  });

  it('falls back to the real text when the redaction touched a placeholder', () => {
    const canary = createCanary(randomBytes);
    const text = `token=${canary} and more`;
    const result = redactAroundRequestTokens(text, redact);
    expect(result).toEqual(redact(text));
    expect(result.text).not.toContain(canary);
  });
});
