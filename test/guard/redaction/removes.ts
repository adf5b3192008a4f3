/** Shared assertion of the redaction tests: every listed secret is gone from the redacted text. */
import { expect } from 'vitest';
import { redact } from '../../../src/guard/redaction/redactor.js';

export const removes = (text: string, ...secrets: string[]): void => {
  const output = redact(text).text;
  for (const secret of secrets) expect(output, `${JSON.stringify(text)} -> ${JSON.stringify(output)}`).not.toContain(secret);
};
