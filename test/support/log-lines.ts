/**
 * A log line as the digest prompt shows it: `L<n> HH:MM:SS LEVEL [step] text`, where the
 * current prompt leaves out the time, level and step that equal the line above's.
 */
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern matching line `label` at the start of a prompt line, whatever fields it elides; `text` is the start of its text. */
export function shownLogLine(label: string, time: string, level: string, step: string, text: string, { wholeText = false } = {}): RegExp {
  return new RegExp(`(?:^|\\n)${label} (?:${escapeRegExp(time)} )?(?:${level} )?(?:\\[${escapeRegExp(step)}\\] )?${escapeRegExp(text)}${wholeText ? '(?:\\n|$)' : ''}`);
}
