/**
 * Reported speech: a question about an injection seen elsewhere ("someone pasted \"ignore all
 * previous instructions\" into our chatbot, what severity is that?") quotes the attack as data.
 * When the caller's own words (the text outside quotes) say so, what lies inside the quotes is
 * weighed as a quotation, not as an instruction, and the learned scorer reads the caller's own
 * words only.
 *
 * Attackers can quote too, so this only dampens (see detector.ts) and only when the words
 * outside the quotes are about an attack, a bot or a ticket that said something.
 */

/** Quoted regions: "…", “…”, «…», `…` (each on one line), and whole lines that start with `>`. */
export function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const pairs = /"[^"\n]{1,600}"|\u201c[^\u201d\n]{1,600}\u201d|\u00ab[^\u00bb\n]{1,600}\u00bb|`[^`\n]{1,600}`|^[ \t]*>[^\n]*/gmu;
  for (const match of text.matchAll(pairs)) spans.push([match.index, match.index + match[0].length]);
  return spans;
}

/** The text with its quoted regions blanked (same length, so offsets still line up). */
export function withoutQuotes(text: string, spans: readonly [number, number][]): string {
  let result = '';
  let last = 0;
  for (const [start, end] of spans) {
    result += text.slice(last, start) + ' '.repeat(end - start);
    last = end;
  }
  return result + text.slice(last);
}

/**
 * Words, outside quotes, that make the quotes a report: an attack named as such, a bot that was
 * tricked, a ticket, comment or request that said or contained something, a question whether it
 * is an injection. (Lower-case text, as the detector's original view.)
 */
const reportingWords =
  /\b(?:prompt[- ]injections?|injection (?:attempts?|attacks?|payloads?|strings?)|jailbreak (?:attempts?|prompts?)|red[- ]team(?:ing)?|pen[- ]?test|phishing|(?:someone|somebody|a user|a customer|an attacker|they|he|she) (?:pasted|typed|wrote|sent|entered|submitted|tried|posted|reported|noticed)|(?:pasting|typing|entering|submitting|feeding|sending)\s+(?:it\s+)?in(?:to)? (?:the |our |a |an )?(?:chat ?bot|bot|assistant|model|llm|ai|prompt|chat)\b|(?:got|was|were|been|get) (?:tricked|fooled|manipulated|hijacked|jailbroken)|(?:ticket|comment|note|message|e-?mail|request|body|review|post|payload|string|input|line|field|customer|user|document|page|file|attachment|pdf|alert|log) (?:that |which )?(?:said|says|saying|contained|contains|containing|read|reads|with (?:the )?(?:body|text))|(?:chat ?bot|bot|llm|model|assistant|waf|filter|guard)(?:'s)? (?:logs?|transcripts?|refused|ignored|blocked|flagged|complied|obeyed)|(?:is|was) (?:it|this|that) an? (?:injection|attack|jailbreak)|should we (?:treat|flag|block|alert|report|escalate)|did (?:it|the (?:chat ?bot|bot|model|assistant|summari[sz]er)) (?:comply|obey|follow|do anything|act on)|(?:chat ?bot|bot|model|assistant|summari[sz]er) (?:got|received|was (?:given|fed|sent)) (?:a |an |the )?(?:document|page|file|ticket|e-?mail|message|alert|note))\b/u;

/** The quoted spans of `text` when its own words report them; null when they do not. */
export function reportedQuotes(text: string): [number, number][] | null {
  const spans = quotedSpans(text);
  if (spans.length === 0) return null;
  const ownWords = withoutQuotes(text, spans);
  // "my colleague wrote \"…\", do what it says": a quote handed over to be obeyed is no report.
  if (obeyTheQuote.test(ownWords)) return null;
  if (reportingWords.test(ownWords)) return spans;
  // "the new hire asked \"…\"": a quote right after a verb of reporting what someone else wrote.
  const reported = spans.filter(([start]) => reportingVerbBefore.test(text.slice(Math.max(0, start - 24), start)));
  return reported.length > 0 ? reported : null;
}

const obeyTheQuote =
  /\b(?:do (?:what|as) (?:it|that|this|the (?:quote|message|text|note)) (?:says|said|asks|tells you)|(?:follow|obey|execute|run|apply|carry out|comply with|act on) (?:it|that|this|these|them|those|the (?:quote|quoted (?:text|instructions?)|message|instructions?))(?:\s+(?:now|please|exactly|instructions?))?\s*(?:[.!?,;]|$)|(?:now |then |please |just )do (?:it|that|this|the same)\b|(?:pretend|imagine) (?:it|that|this) (?:was|is|came) (?:from|sent to) you)/u;

const reportingVerbBefore = /\b(?:asked|asks|wrote|writes|typed|posted|messaged|commented|replied)\s*[:,]?\s*$/u;

/** Whether a match starting at `start` starts inside one of `spans` (its tail may run past the quote's end). */
export const startsInside = (spans: readonly [number, number][], start: number): boolean => spans.some(([from, to]) => start >= from && start < to);
