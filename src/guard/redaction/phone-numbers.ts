/**
 * Phone numbers: E.164 and international forms, and the national forms of the United States,
 * the United Kingdom, Germany, France and India.
 *
 * Finding is ours, judging is libphonenumber-js's: a single-class pattern (no nested
 * quantifiers, so linear) picks runs of digits and phone separators, shape checks drop
 * dates, IP addresses, versions and mixed separators, and the library's full metadata then
 * decides whether the digits are a number that can be dialled in one of those countries.
 * Its own text scanner (`findNumbers`) was ten times slower on job logs and took epoch
 * seconds and byte counts for numbers, so it is not used.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { isMeasuredQuantity } from './quantities.js';

/** Countries whose national formats are recognized without a country code. */
export const nationalPhoneCountries: readonly CountryCode[] = ['US', 'GB', 'DE', 'FR', 'IN'];

/** A run of digits and phone separators, starting with `+`, `(` or a digit. */
export const phoneCandidate = /(?<![\w.+/@#-])(?:\+|\()?\d[\d ()./-]{5,24}\d(?![\w@]|[.:/-]\d)/g;

/** Words before a number that make even a bare run of digits a phone number. */
const phoneContext = /\b(?:phone|tel|telephone|mobile|cell|call(?:s|ing)?|fax|whatsapp|sms|text|ph|mob|handy|portable|t[ée]l[ée]phone|contact|dial|ring|reach(?:ed)?)\b[^\n\d]{0,16}$/i;

/**
 * A label naming an article or record number right before the digits (`SKU 0400-1187-22`,
 * `part no. 3300-118-4`, `serial: …`, `invoice #…`): such numbers are grouped like phone numbers
 * but identify a thing, not a person.
 */
const recordNumberLabel = /\b(?:sku|part|serial|s\/n|lot|batch|model|invoice|order|ticket|item|article|asset|catalog(?:ue)?|build|version|release|rev(?:ision)?)\b[ \t]*(?:no\.?|nr\.?|number|#)?[ \t]*[:#]?[ \t]*$/i;

/**
 * A North American number as people print it: area code and exchange starting 2-9, grouped
 * 3-3-4 with parentheses, dashes, dots or blanks, optionally after the trunk prefix 1. With a
 * phone word before it, the shape alone decides: test data, new area codes and fictional
 * numbers are often outside the ranges the metadata calls assigned.
 */
const northAmericanShape = /^(?:1[ .-]?)?(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[ .-])[2-9]\d{2}[ .-]\d{4}$/;

/**
 * An IBAN's country, check digits and any letter-or-digit groups right before a number
 * ("GB76 NWBK 0626 5743…"): the digits that follow continue an account number, valid or not.
 */
/**
 * A field whose name says its value is an identifier (`"accountId": "`, `logid="`, `registryId`,
 * `id=`, AWS's `"Account": "`): digits there number a record or an account, not a telephone line.
 * A phone, fax or card word in the name keeps the other readings.
 */
export function isIdentifierField(before: string): boolean {
  const field = /(?<![A-Za-z0-9_-])([A-Za-z][A-Za-z0-9_-]{0,40})["']?[ \t]*[:=][ \t]*["']?$/.exec(before)?.[1];
  if (field === undefined) return false;
  const parts = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter((part) => part.length > 0);
  if (parts.some((part) => /phone|tel|mobile|fax|msisdn|card|pan/.test(part))) return false;
  const last = parts.at(-1) ?? '';
  // Run together (`logid`, `devid`, `accountid`), unless the word only ends in those letters (`valid`, `paid`).
  return last === 'id' || last === 'account' || (/^[a-z]{2,12}id$/.test(last) && !/(?:val|pa|andro|rap|sol|liqu|flu|hum|stup|viv|luc|plac|tim|cand|spl|hybr|lip|ac|av)id$/.test(last));
}

const ibanLead = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ -][A-Z0-9]{4}){0,6}[ -]$/;

const datePattern = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/;
const ipPattern = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Whether `candidate`, found in `text` at `index`, is a phone number. */
export function isPhoneNumber(candidate: string, text: string, index: number): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15 || /^(\d)\1+$/.test(digits)) return false;
  if (datePattern.test(candidate) || ipPattern.test(candidate)) return false;
  if ((candidate.match(/\(/g)?.length ?? 0) !== (candidate.match(/\)/g)?.length ?? 0)) return false;
  // One kind of separator besides spaces and parentheses, never doubled.
  const separators = new Set(candidate.replace(/[\d ()+]/g, ''));
  if (separators.size > 1 || /[ ./-]{2}/.test(candidate.replace(/\) /g, ')'))) return false;
  if (separators.has('.') && / /.test(candidate)) return false;
  // 123-45-6789 is the shape of an SSN, never a phone number's.
  if (/^\d{3}-\d{2}-\d{4}$/.test(candidate)) return false;
  const international = candidate.startsWith('+') || (candidate.startsWith('00') && !candidate.startsWith('000'));
  const separated = /[ ()./-]/.test(candidate);
  const context = phoneContext.test(text.slice(Math.max(0, index - 40), index));
  // Groups after an IBAN's country and check digits ("BE76 0890 5424 3178") continue an account number.
  if (!context && ibanLead.test(text.slice(Math.max(0, index - 35), index))) return false;
  if (!context && isIdentifierField(text.slice(Math.max(0, index - 48), index))) return false;
  if (!context && recordNumberLabel.test(text.slice(Math.max(0, index - 24), index))) return false;
  // "took 202-555-0143 ms", "queue sizes: 020 7946 0321": a measurement, not a person's number.
  if (!context && isMeasuredQuantity(text, index, index + candidate.length)) return false;
  if (international) {
    const parsed = parsePhoneNumberFromString(candidate.startsWith('00') ? `+${candidate.slice(2)}` : candidate);
    // Written with its country code, a number of a possible length is taken even in ranges the
    // metadata calls unassigned (the UK's drama numbers, new mobile blocks).
    return parsed !== undefined && (parsed.isValid() || parsed.isPossible());
  }
  // Dotted numbers are French (06.12.34.56.78) or North American (415.555.0142, 1.415.555.0142);
  // other dotted digits are versions, build numbers and addresses. Groups of one digit are counters.
  if (separators.has('.') && !/^(?:\d{2}(?:\.\d{2}){4}|(?:1\.)?\d{3}\.\d{3}\.\d{4})$/.test(candidate)) return false;
  // (A leading 1 is the North American trunk prefix: 1-800-555-0142.)
  const groups = candidate.split(/[ ()./-]+/).filter((group) => group.length > 0);
  if (groups.some((group, index) => group.length === 1 && !(index === 0 && group === '1' && digits.length === 11))) return false;
  // A bare run of digits is an id, a counter or a timestamp unless it starts with a trunk
  // prefix (0) or something before it says "phone".
  if (!separated && !context && !(digits.startsWith('0') && digits.length >= 10)) return false;
  // A bare run right after a syslog tag (`postfix/smtp[66400]: 0732006758: to=…`) is the message's queue id.
  if (!separated && !context && /\[\d{1,10}\]:[ \t]$/.test(text.slice(Math.max(0, index - 16), index))) return false;
  if (context && northAmericanShape.test(candidate)) return true;
  return validNationally(candidate, digits);
}

// Job logs repeat the same numbers line after line; the library's parse costs ~10 µs.
const verdicts = new Map<string, boolean>();
const maxVerdicts = 2_000;

function validNationally(candidate: string, digits: string): boolean {
  const known = verdicts.get(candidate);
  if (known !== undefined) return known;
  // Only a trunk prefix (0) starts a UK, German, French or Indian national number; without it,
  // only ten North American or Indian mobile digits (or 1 and ten digits) can be one.
  const countries = digits.startsWith('0') ? nationalPhoneCountries.filter((country) => country !== 'US') : digits.length === 10 || (digits.length === 11 && digits.startsWith('1')) ? (['US', 'IN'] as const) : [];
  const valid = countries.some((country) => parsePhoneNumberFromString(candidate, country)?.isValid() === true);
  if (verdicts.size >= maxVerdicts) verdicts.clear();
  verdicts.set(candidate, valid);
  return valid;
}

/** Twelve digits between colons after `arn:<partition>:<service>:<region>:` are an AWS account id (redfp4). */
function isArnAccountId(text: string, start: number, candidate: string): boolean {
  return /^\d{12}(?!\d)/.test(candidate) && /\barn:[\w-]+:[\w-]+:[\w-]*:$/.test(text.slice(Math.max(0, start - 80), start)) && text[start + 12] === ':';
}

/**
 * The phone-number rule's search: each candidate, or failing that its longest prefix that is a
 * phone number ("(213) 201-2392 (24/7" is a number followed by its opening hours). Returns the
 * spans to replace, in order.
 */
export function findPhoneNumbers(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  phoneCandidate.lastIndex = 0;
  for (let match = phoneCandidate.exec(text); match !== null; match = phoneCandidate.exec(text)) {
    const candidate = match[0];
    if (isArnAccountId(text, match.index, candidate)) continue;
    for (let end = candidate.length; end >= 7; end -= 1) {
      // Prefixes end on a digit followed by a separator: a number never ends inside a group.
      // Only a parenthetical after the number is cut off: digits that go on are not a phone number's.
      if (end < candidate.length && !(/\d/.test(candidate[end - 1]!) && candidate.startsWith(' (', end))) continue;
      const prefix = candidate.slice(0, end);
      if (end < candidate.length && (prefix.match(/\(/g)?.length ?? 0) > (prefix.match(/\)/g)?.length ?? 0)) continue;
      if (isPhoneNumber(prefix, text, match.index)) {
        spans.push({ start: match.index, end: match.index + end });
        break;
      }
    }
  }
  return spans;
}
