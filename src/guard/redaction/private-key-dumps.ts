/**
 * A private key printed as text (`openssl rsa -text`, `openssl pkey -text`, `openssl ec -text`):
 * after the `Private-Key:` header, the values under `privateExponent:`, `prime1:`, `prime2:`,
 * `exponent1:`, `exponent2:`, `coefficient:` and `priv:` are the key, printed as lines of
 * colon-separated hex bytes. The public values (`modulus:`, `publicExponent:`, `pub:`) stay.
 * Found while running openssl over loopback (issue 11, branch redfp7): a byte dump is no secret by
 * its shape (program-messages.ts), so the label above it is the evidence.
 */

/** Labels of a private key's secret members, each alone on its line. */
const privateMember = /^[ \t]*(privateExponent|prime1|prime2|exponent1|exponent2|coefficient|priv):[ \t]*\r?$/;
/** A line of hex bytes inside a member's block; the last one may hold a single byte (`c9:28`, `1b`). */
const hexLine = /^[ \t]*[0-9a-f]{2}(?::[0-9a-f]{2})*:?[ \t]*\r?$/i;
/** The header openssl prints above a private key's members (`Private-Key: (2048 bit, 2 primes)`, `ED25519 Private-Key:`). */
const privateKeyHeader = /Private-Key:/;

/** Spans of the hex lines under a private key's secret members. */
export function privateKeyDumpSpans(text: string): { start: number; end: number }[] {
  if (!/privateExponent:|priv:/.test(text)) return [];
  const spans: { start: number; end: number }[] = [];
  const lines = text.split('\n');
  let at = 0;
  let headerSeen = false;
  let open: { start: number; end: number } | undefined;
  for (const line of lines) {
    const member = privateMember.exec(line);
    if (member) {
      if (open) spans.push(open);
      open = undefined;
      // `privateExponent:` names itself; the shorter labels count under the header.
      if (headerSeen || member[1] === 'privateExponent') open = { start: -1, end: -1 };
    } else if (open && hexLine.test(line)) {
      const lead = /^\s*/.exec(line)![0].length;
      if (open.start === -1) open.start = at + lead;
      open.end = at + line.replace(/\s+$/, '').length;
    } else {
      if (open && open.start !== -1) spans.push(open);
      open = undefined;
    }
    if (privateKeyHeader.test(line)) headerSeen = true;
    at += line.length + 1;
  }
  if (open && open.start !== -1) spans.push(open);
  return spans.filter((span) => span.start !== -1);
}
