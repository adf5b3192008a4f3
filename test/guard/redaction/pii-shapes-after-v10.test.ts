/**
 * Personal-data causes found when v10 was exposed (redfp6), with rows written here in other
 * words and values than v10's: blank-separated counters read as an SSN, the digits of an
 * account number read as a phone number after its bank code, and labelled North American
 * numbers outside the assigned area codes that were missed.
 */
import { describe, expect, it } from 'vitest';
import { redact } from '../../../src/guard/redaction/redactor.js';
import { isAmongNumericColumns } from '../../../src/guard/redaction/national-ids.js';
import { isMeasuredQuantity } from '../../../src/guard/redaction/quantities.js';
import { removes } from './removes.js';

const typesIn = (text: string): string[] => redact(text).redactions.map((redaction) => redaction.type);

describe('blank-separated SSN shapes among numeric columns', () => {
  it.each([
    ['access log bytes and duration after a nil field', '"GET /healthz HTTP/1.1" 200 - "-" 412 38 2210 - "-" "kube-probe/1.29"'],
    ['three counters inside a longer run', 'rx tx err: 1024 512 88 4096 0'],
    ['counters followed by a float column', 'iops 207 44 1893 0.75 ok'],
  ])('%s is not an SSN', (_why, line) => {
    expect(typesIn(line)).not.toContain('ssn');
  });

  it.each([
    ['after a label', 'applicant SSN 612 48 3301 flagged by kyc', '612 48 3301'],
    ['in a CSV cell', 'name,ssn,team\nA. Moreau,402 61 7734,billing', '402 61 7734'],
    ['in a table cell', '| K. Osei | 233 05 9187 | payroll |', '233 05 9187'],
    ['in prose with no label', 'the export leaked 318 72 4460 in plain text', '318 72 4460'],
    ['between numbers but labelled', 'ssn 518 20 6613 4 rows', '518 20 6613'],
  ])('an SSN %s is still removed', (_why, text, ssn) => {
    removes(text, ssn);
  });

  it('looks only at the neighbouring blank-separated token', () => {
    const line = 'took 480 12 3051 ms';
    expect(isAmongNumericColumns(line, 5, 16)).toBe(false);
    const columns = '200 480 12 3051 -';
    expect(isAmongNumericColumns(columns, 4, 15)).toBe(true);
  });
});

describe('account digits after an IBAN lead', () => {
  it.each([
    ['rejected IBAN with a bank code', 'payee "DE12 BANK 0311 4421 9087 55" failed mod-97'],
    ['two letter groups before the digits', 'account NL00 ABNA 0417 1643 00 rejected'],
  ])('%s is not a phone number', (_why, line) => {
    expect(typesIn(line)).not.toContain('phone_number');
  });

  it('a phone number labelled as one after an account is still removed', () => {
    removes('IBAN GB00 TEST 1234, phone 020 7946 0321', '020 7946 0321');
  });
});

describe('labelled North American numbers outside assigned area codes', () => {
  it.each([
    ['dotted, after "calls from"', 'the same customer calls from 379.318.5590 daily', '379.318.5590'],
    ['parenthesised area code inside a parenthesis', 'owner: dev (cell (379) 285-7710) on call', '(379) 285-7710'],
    ['dashed, after "calling"', 'customer calling 379-771-3204 again', '379-771-3204'],
  ])('%s is removed', (_why, text, phone) => {
    removes(text, phone);
  });

  it.each([
    ['unassigned area code without a phone word', 'trace 379.318.5590 retried'],
    ['exchange starting with 1 after a phone word', 'call 379-118-5590 ms budget'],
    ['version-like dotted digits after "calls"', 'calls 4.318.5590 timed out'],
  ])('%s stays as it is', (_why, line) => {
    expect(typesIn(line)).not.toContain('phone_number');
  });
});

describe('measured quantities shaped like phone numbers and SSNs', () => {
  it.each([
    ['an SSN shape followed by a unit', 'gc pause p99 318 27 4410 us'],
    ['a dashed SSN shape after a counter name', 'counts: 318-27-4410'],
    ['a North American shape followed by a unit', 'flush took 604-555-0187 ms'],
    ['a UK-like shape after a size label', 'queue sizes: 020 8123 4410'],
    ['a French-like shape after a build label', 'build 06 44 21 90 13'],
    ['an SSN shape after a key ending in a unit', 'flush_ms=318 27 4410'],
    ['a North American shape in a list after a size key', 'batch_sizes=[604 555 0187]'],
  ])('%s stays as it is', (_why, line) => {
    const types = typesIn(line);
    expect(types).not.toContain('ssn');
    expect(types).not.toContain('phone_number');
  });

  it.each([
    ['an SSN with its label, even before a unit-like word', 'SSN 318 27 4410 s/he confirmed', '318 27 4410'],
    ['a phone number with its label before a unit-like word', 'phone 604-555-0187 h24 desk', '604-555-0187'],
  ])('%s is still removed', (_why, text, value) => {
    removes(text, value);
  });

  it('reads a unit only as a whole word after the digits', () => {
    const line = '318 27 4410 msgs';
    expect(isMeasuredQuantity(line, 0, 11)).toBe(true);
    expect(isMeasuredQuantity('318 27 4410 mswindows', 0, 11)).toBe(false);
  });
});
