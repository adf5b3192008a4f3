/**
 * National identifiers and bank accounts, each confirmed by its own structure so that ids,
 * counters and hashes in logs are left alone: US Social Security numbers (ranges the SSA never
 * issues are excluded), IBANs (country length and ISO 7064 mod-97 checksum) and UK National
 * Insurance numbers (prefixes HMRC never allocates are excluded).
 */

/**
 * Whether three parts form an SSN the SSA can issue: area 000, 666 and 900-999, group 00 and
 * serial 0000 never are.
 */
export function isIssuableSsn(area: string, group: string, serial: string): boolean {
  const areaNumber = Number(area);
  return areaNumber !== 0 && areaNumber !== 666 && areaNumber < 900 && group !== '00' && serial !== '0000';
}

/** A number or a nil field (`-`, `"-"`) as a blank-separated column of a record. */
const numericColumn = String.raw`(?:\d+(?:\.\d+)?|"?-"?)`;
const columnBefore = new RegExp(String.raw`(?:^|[ \t])${numericColumn}[ \t]$`);
const columnAfter = new RegExp(String.raw`^[ \t]${numericColumn}(?:[ \t]|$)`);

/**
 * Whether the digits at `start`..`end` (an SSN's shape written with blanks, "375 91 1310") are
 * three columns of a longer blank-separated run of numeric fields, as in access logs (bytes
 * received, bytes sent, duration): a number or a nil field sits right beside them. A person's
 * SSN is written after a word, a label or a delimiter, not between counters.
 */
export function isAmongNumericColumns(text: string, start: number, end: number): boolean {
  return columnBefore.test(text.slice(Math.max(0, start - 24), start)) || columnAfter.test(text.slice(end, end + 24));
}

/** Words that make a bare run of nine digits an SSN. */
export const ssnContext = /(?:^|[^a-z])(?:ssns?|ss#|social[\s_-]*security(?:[\s_-]*(?:numbers?|nos?\.?|#))?|soc\.?\s*sec\.?|taxpayer[\s_-]+ids?|itins?)(?![a-z])[^\n\d]{0,24}$/i;

/**
 * Length of the IBAN of each country (the SWIFT IBAN registry), including the country code
 * and the check digits.
 */
export const ibanLengths: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28,
  CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23,
  GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28,
  LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31, SD: 18, SE: 24,
  SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
  // French overseas territories and others that use the French or their own formats.
  GF: 27, GP: 27, MQ: 27, RE: 27, PF: 27, TF: 27, YT: 27, NC: 27, PM: 27, WF: 27, BL: 27, MF: 27,
};

/** ISO 7064 mod 97-10 over an IBAN without spaces: valid when the remainder is 1. */
export function passesIbanChecksum(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const code = character.charCodeAt(0);
    const value = code >= 65 && code <= 90 ? code - 55 : code >= 48 && code <= 57 ? code - 48 : -1;
    if (value < 0) return false;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

/** Whether a candidate (spaces or dashes allowed between groups) is a valid IBAN. */
export function isValidIban(candidate: string): boolean {
  const compact = candidate.replace(/[ -]/g, '').toUpperCase();
  const length = ibanLengths[compact.slice(0, 2)];
  return length !== undefined && compact.length === length && /^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact) && passesIbanChecksum(compact);
}

/**
 * UK National Insurance number prefixes never allocated: D, F, I, Q, U, V in either letter, O
 * second, and BG, GB, KN, NK, NT, TN, ZZ.
 */
export function isAllocatableNino(prefix: string): boolean {
  const upper = prefix.toUpperCase();
  return /^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]$/.test(upper) && !['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(upper);
}

/**
 * A UK NINO as people write it: two prefix letters, three pairs of digits and an optional
 * suffix A-D, with a blank, dash or dot between the parts, in either case. Groups: prefix,
 * then separator and value of each part (the suffix's may be absent).
 */
export const ninoPattern = /(?<![A-Za-z0-9])([A-Za-z]{2})([ .-]?)(\d{2})([ .-]?)(\d{2})([ .-]?)(\d{2})(?:([ .-]?)([A-Da-d]))?(?![A-Za-z0-9])/g;

/** Words that name a NINO, in prose, JSON keys, CSV headers ("NI number", "ni_no", "national_insurance"). */
const ninoLabel = /(?:^|[^a-z])(?:nino|nin|ni|national[\s_-]*insurance)(?:[\s_-]*(?:numbers?|nos?\.?|#))?(?![a-z])/i;

/** Words of payroll and HR, where a person's NINO is quoted ("ref KH… — payroll adjustment"). */
const payrollContext = /\b(?:payroll|payslips?|hmrc|paye|employees?|employer|salary|salaries|pension|p45|p60|p11d|starter|leaver|hr)\b/i;

/** The text of the match's line, at most 80 characters either side. */
const lineAround = (match: RegExpExecArray): string => {
  const before = match.input.slice(Math.max(0, match.index - 80), match.index);
  const after = match.input.slice(match.index + match[0].length, match.index + match[0].length + 80);
  return `${before.slice(before.lastIndexOf('\n') + 1)} ${after.split('\n', 1)[0]}`;
};

/** Words after which a letters-and-digits token is an identifier (a commit, a build, an order). */
const identifierContext = /(?:sha|commit|hash|digest|rev(?:ision)?|build|version|ver|ref|id|uuid|span|trace|order|invoice|ticket|job|run|request|req|txn|transaction|sku|part|serial|model)[\s:=#"'_-]{0,3}$/i;

/**
 * Whether a {@link ninoPattern} match is a NINO: an allocatable prefix and one kind of separator;
 * then a label before it (within 40 characters) is enough; otherwise it needs the suffix, and
 * not to follow an identifier's name nor to be a lower-case hex-looking token (a short hash),
 * or, without a suffix, HMRC's printed form in capitals ("AB 12 34 56").
 */
export function isNinoMatch(match: RegExpExecArray): boolean {
  const [whole, prefix, ...rest] = match as unknown as string[];
  if (!prefix || !isAllocatableNino(prefix)) return false;
  const separators = [rest[0], rest[2], rest[4], rest[6]].filter((separator): separator is string => separator !== undefined && separator !== '');
  if (new Set(separators).size > 1) return false;
  const before = match.input.slice(Math.max(0, match.index - 40), match.index);
  if (ninoLabel.test(before)) return true;
  // Payroll and HR words on the same line make the NINO shape a NINO even after "ref" or "id".
  if (rest[7] && payrollContext.test(lineAround(match))) return true;
  if (identifierContext.test(before)) return false;
  const suffix = rest[7];
  if (suffix) return whole === whole!.toUpperCase() || separators.length > 0 || !/^[a-f]{2}\d{6}[a-d]$/.test(whole!);
  return whole === whole!.toUpperCase() && separators.length === 3 && separators[0] === ' ';
}
