/**
 * UK National Insurance numbers (issue 11): HMRC's prefix rules, the suffix A-D or none, blanks,
 * dashes or dots between the pairs, either case, in prose, JSON, CSV and tables, with or
 * without a label; and the look-alikes of logs (ids, hashes, versions, dates) left alone.
 * Rows written for this file.
 */
import { describe, expect, it } from 'vitest';
import { redact } from '../../../src/guard/redaction/redactor.js';

const ninos = (text: string) => redact(text).redactions.filter((redaction) => redaction.type === 'uk_nino').length;

describe('UK NINO', () => {
  it.each([
    ['Employee NINO JT482019A, start date Monday', 'JT482019A'],
    ['ni number: hw 61 20 37 c', 'hw 61 20 37 c'],
    ['National Insurance no. PE-33-71-08-D', 'PE-33-71-08-D'],
    ['her NI is RS.10.94.55.B per the form', 'RS.10.94.55.B'],
    ['{"name":"K. Obi","nino":"lm704122"}', 'lm704122'],
    ['{"employee_id": 4471, "ni_no": "YE 23 88 10"}', 'YE 23 88 10'],
    ['national_insurance=CR 50 62 19 A', 'CR 50 62 19 A'],
    ['payroll rejected AB 12 34 56 C for a name mismatch', 'AB 12 34 56 C'],
    ['payroll rejected MW402277B for a name mismatch', 'MW402277B'],
    ['caller read out wx-55-19-03-a twice', 'wx-55-19-03-a'],
    ['name,nino,start\nA. Shah,ZY910345D,2026-01-04', 'ZY910345D'],
    ['| 17 | J. Park | GH 74 02 19 |', 'GH 74 02 19'],
    ['| 17 | J. Park | np 05 81 66 b |', 'np 05 81 66 b'],
    ['Updated records: TP 71 04 29 A and OA 18 92 60 D.', 'TP 71 04 29 A'],
    ['Updated records: TP 71 04 29 A and OA 18 92 60 D.', 'OA 18 92 60 D'],
  ])('redacts the NINO in %j', (text, value) => {
    const output = redact(text).text;
    expect(output, output).not.toContain(value);
  });

  it.each([
    // prefixes HMRC never allocates: D, F, I, Q, U, V in either place, O second, and seven pairs
    'NINO DA123456A', 'NINO FA123456A', 'NINO QA123456A', 'NINO AO123456A', 'NINO AV123456A',
    'NINO BG123456A', 'NINO GB123456A', 'NINO KN123456A', 'NINO NK123456A', 'NINO NT123456A', 'NINO TN123456A', 'NINO ZZ123456A',
    // identifiers, hashes, versions, dates and mixed separators
    'deployed commit ab123456c to canary',
    'short sha ce120034 built',
    'order AB123456 shipped',
    'build id: KT 20 26 11 A finished',
    'ticket PR123456 closed',
    'version AB12.34.56',
    'uuid 3fa85f64-5717-4562-b3fc-2c963f66afa6',
    'host ip-10-12-34-56.eu-west-1.compute.internal',
    'payroll rejected AB 12-34.56 C',
    'span ab123456c1 parent ee654321',
    'order ref XY123456B shipped',
  ])('leaves %j alone', (text) => {
    expect(ninos(text)).toBe(0);
  });

  it('redacts one NINO per value, inside a sentence with other numbers left alone', () => {
    const { text } = redact('Batch 2026-11 row 44: employee WN 22 41 87 C, salary 31200, tax code 1257L');
    expect(text).toContain('Batch 2026-11 row 44');
    expect(text).toContain('salary 31200, tax code 1257L');
    expect(text).not.toContain('WN 22 41 87 C');
  });
});
