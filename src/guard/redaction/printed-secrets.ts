/**
 * A secret a job printed (issue 11, branch redfp5): a shell trace line (`+ cmd`, `$ cmd`) whose
 * command names a secret in an argument (`terraform output -raw db_password`,
 * `vault kv get -field=api_token …`, `cat /run/secrets/db_password`), followed by a line holding one
 * generated-looking value and nothing else. The value has no key of its own; the command that printed
 * it is the evidence. A line with words, a path, a resource name (`secret/db created`) or a mask is
 * not such a value.
 */
import { isSecretKey, looksGenerated } from './config-secrets.js';

/** A shell trace or prompt line: `set -x` prints `+ `, nested shells `++ `, transcripts `$ `. */
const traceLine = /^[ \t]*(?:\+{1,3}|\$)[ \t]+(\S[^\n]{0,1000})$/;

/** One value alone on its line (no blanks inside), quotes allowed around it. */
const valueLine = /^([ \t]*["']?)([^\s"']{8,512})["']?[ \t]*\r?$/;

/** Whether a command names a secret in one of its arguments. */
function namesSecret(command: string): boolean {
  return command
    .split(/[\s=]+/)
    .slice(1)
    .map((word) => word.replace(/^[-"'${]+|["'}]+$/g, '').split('/').at(-1) ?? '')
    .some((word) => word.length > 0 && isSecretKey(word));
}

/** Spans of values printed right after a trace line that names a secret. */
export function printedSecretSpans(text: string, holdsNothing: (value: string) => boolean): { start: number; end: number }[] {
  if (!/(?:^|\n)[ \t]*(?:\+|\$)[ \t]/.test(text)) return [];
  const spans: { start: number; end: number }[] = [];
  const lines = text.split('\n');
  let at = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const previous = index > 0 ? traceLine.exec(lines[index - 1]!.replace(/\r$/, '')) : null;
    const value = previous ? valueLine.exec(line) : null;
    if (previous && value && !value[2]!.includes('[REDACTED:') && looksGenerated(value[2]!) && !holdsNothing(value[2]!) && namesSecret(previous[1]!)) {
      spans.push({ start: at + value[1]!.length, end: at + value[1]!.length + value[2]!.length });
    }
    at += line.length + 1;
  }
  return spans;
}
