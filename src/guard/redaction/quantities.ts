/**
 * Numbers that measure or count: a run of digits followed by a unit ("212 45 6789 us",
 * "202-555-0143 ms", "415 555 0142 bytes") or after the name of a counter ("duration=",
 * "queue sizes:", "pid", "inode", "seq="). Phone numbers and SSNs are grouped the same way
 * in logs, but a person's number is never followed by a unit nor named a size or a duration.
 * Used by the phone-number and SSN rules when no word before the digits names a phone or an SSN.
 */

/** Units and counted things that may follow a measured number. */
const unitAfter =
  /^[ \t]?(?:ms|msec|s|sec|secs|seconds?|us|µs|μs|ns|mins?|minutes?|h|hrs?|hours?|b|bytes?|kb|mb|gb|tb|kib|mib|gib|tib|%|rps|qps|ops|iops|req\/s|pkts|packets|rows|records|items|msgs|messages|events|entries|lines|files|retries|times|blocks|pages|tokens|ticks|cycles)(?![\p{L}\p{N}])/iu;

/**
 * Names of counters, sizes and durations right before a number, also as keys that end in a
 * unit (`elapsed_ms`, `rx_bytes`, `retry.count`, `ms=`), and an opening bracket of a list after them.
 */
const counterBefore =
  /(?:^|[^\p{L}])(?:pid|ppid|tid|inode|offset|seq(?:uence)?|sizes?|bytes|counts?|counters?|stats|totals?|latency|latencies|duration|durations|took|elapsed|lag|rx|tx|rss|vsz|uptime|epoch|lsn|xid|txid|ms|us|ns|[\p{L}\p{N}]+[_.-](?:ms|us|ns|secs?|seconds|millis|micros|nanos|bytes|count|total|size))[ \t]*[:=]?[ \t]*[[(]?[ \t]*$/iu;

/** Whether the number at `start`..`end` of `text` measures or counts something. */
export function isMeasuredQuantity(text: string, start: number, end: number): boolean {
  return unitAfter.test(text.slice(end, end + 12)) || counterBefore.test(text.slice(Math.max(0, start - 24), start));
}
