/**
 * Token floods and adversarial suffixes, found by character statistics rather than words:
 * a question that is hundreds of copies of the same few characters (to push the real prompt
 * out of the context window), a run of random letter strings, or a request followed by a
 * tail of punctuation tokens and odd words of the kind optimized suffixes are made of
 * (`!! heres interface ({ yes! ==`). One linear pass over the text.
 *
 * Only the caller's own words are held to this: alert payloads and job logs legitimately
 * carry separators, blobs and ids, so the weights are zero there.
 */
import type { InjectionSource, SignalMatch } from './types.js';

const sourceWeight: Readonly<Record<InjectionSource, number>> = { question: 1, description: 1, guidance: 1, note: 0.4, alert: 0, log: 0 };

// Punctuation-only tokens that shell commands, markdown and prose use: not evidence.
const ordinaryPunctuation = new Set(['<=', '>=', '!=', '<-', '<<', '|', '||', '&&', '&', '>', '<', '-', '--', '\u2014', '\u2013', '#', '##', '###', '*', '**', '`', '```', '\\', '/', ':', '=', '->', '=>', '.', ',', '?', '...', '\u2026', '+', '~', '"', "'", '(', ')', '[', ']', '{', '}', ';', '!']);
const excitement = /^[!?.]+$/;
const emoticon = /^[:;=8][-'^]?[()[\]DPpOo/\\|*3]$|^[()[\]][-'^]?[:;=]$|^<3$/;
const letterToken = /^[a-z]+$/;
const numericUnit = /^[\d\s.,:;/-]+$/;
const consonantRun = /[bcdfghjklmnpqrstvwxz]{4,}/;
// Four-consonant clusters of ordinary words (instructions, strengths, watchdog, Angstrom).
const ordinaryClusters = /nstr|ngth|ngst|nsch|tchd|tchw|ghtw|mpst|ndst|rstr|tstr|rthw|lthc|rldw|ckpr|ckst|ndpr|nthr|xtbr/g;

function unpronounceable(word: string): boolean {
  const vowelCount = word.replace(/[^aeiouy]/g, '').length;
  if (vowelCount / word.length < 0.2) return true;
  return consonantRun.test(word.replace(ordinaryClusters, 'a'));
}

function repeatedRuns(text: string): number {
  // Characters covered by stretches of at least 40 made of one unit of 1-24 characters
  // repeated ("=-=-", "Sure, here is "). The start jumps past each stretch, so the pass is
  // linear (at most 24 comparisons per character when nothing repeats).
  // A repeated number ("200 200 200", "0.0.0.0") is pasted output, not a flood: not counted.
  let covered = 0;
  for (let start = 0; start < text.length; ) {
    let best = 1;
    let bestUnit = 1;
    for (let unit = 1; unit <= 24 && start + unit < text.length; unit += 1) {
      let end = start + unit;
      while (end < text.length && text[end] === text[end - unit]) end += 1;
      if (end - start > best) [best, bestUnit] = [end - start, unit];
    }
    if (best >= 40 && !numericUnit.test(text.slice(start, start + bestUnit))) covered += best;
    start += Math.max(1, best);
  }
  return covered;
}

/** The noise signals of `text` (already canonicalized) for `source`. */
export function noiseSignals(text: string, source: InjectionSource): SignalMatch[] {
  const factor = sourceWeight[source];
  if (factor === 0 || text.length < 40) return [];
  const matches: SignalMatch[] = [];
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;

  const run = repeatedRuns(sample);
  if (run >= 120 && run / sample.length >= 0.5) {
    matches.push({ signal: 'noise.token-flood', category: 'adversarial-noise', weight: 0.7 * factor, view: 'original', excerpt: `short units repeated over ${run} characters` });
  }

  const tokens = sample.split(/\s+/).filter(Boolean);
  const words = tokens.filter((token) => letterToken.test(token) && token.length >= 4);
  if (words.length >= 12) {
    const random = words.filter(unpronounceable).length;
    if (random / words.length >= 0.3) {
      matches.push({ signal: 'noise.random-letters', category: 'adversarial-noise', weight: 0.6 * factor, view: 'original', excerpt: `${random} of ${words.length} words are random letter strings` });
    }
  }

  // Quotes around a token are the writer's, not the token's: '=> retrying' quotes "=>".
  const odd = tokens
    .map((token) => token.replace(/^['"`\u2018\u201c]+|['"`\u2019\u201d]+$/gu, ''))
    .filter((token) => token !== '' && !/[\p{L}\p{N}]/u.test(token) && !ordinaryPunctuation.has(token) && token.length <= 4);
  // "!!!", "???" and emoticons are how people shout and sigh, not how suffixes are built.
  const built = new Set(odd.filter((token) => !excitement.test(token) && !emoticon.test(token)));
  if (odd.length >= 3 && built.size >= 2 && odd.length / tokens.length >= 0.08) {
    matches.push({ signal: 'noise.adversarial-suffix', category: 'adversarial-noise', weight: 0.6 * factor, view: 'original', excerpt: `odd punctuation tokens: ${[...new Set(odd)].slice(0, 6).join(' ')}` });
  }
  return matches;
}
