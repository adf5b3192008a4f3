/**
 * The prompt-injection detector: normalizes untrusted text, undoes obfuscations (lookalike
 * letters, leetspeak, spaced letters, invisible characters, base64, hex, URL encoding, HTML
 * entities, \u escapes, ROT13, reversal), runs the weighted signals of signals.ts on every
 * view, and combines the strongest signal of each category with a noisy-OR into a score.
 * The block threshold depends on the source: a caller's question is held to a stricter bar
 * than an alert payload or a job log, which legitimately quote commands and carry blobs.
 *
 * ```ts
 * const detector = createInjectionDetector();
 * const verdict = detector.screen(note.content, { source: 'note' });
 * // `reason`, the signal ids and the score are for the log and the audit trail only: the caller
 * // gets one plain sentence (see untrusted-input.ts), never what tripped which rule.
 * if (verdict.verdict === 'block') throw new AppError(ErrorCode.INJECTION_BLOCKED, 'The question was refused: …');
 * ```
 */
import { decodeEmbedded, defaultDecodeBudget, type DecodeBudget } from './decode.js';
import { noiseSignals } from './character-statistics.js';
import { enoughToScore, loadShippedScorer, type NgramScorer } from './ngram-scorer.js';
import { hasInvisibleInsideWords, viewsOf } from './normalize.js';
import { processQuestion } from './pattern-vocabulary.js';
import { quotedSpans, reportedQuotes, startsInside, withoutQuotes } from './reported-speech.js';
import { signals, type Signal } from './signals.js';
import {
  injectionSources,
  type InjectionDetector,
  type InjectionDetectorOptions,
  type InjectionSource,
  type InjectionVerdict,
  type SignalCategory,
  type SignalMatch,
} from './types.js';

/** Default block thresholds; see {@link InjectionDetectorOptions.thresholds}. */
export const defaultThresholds: Readonly<Record<InjectionSource, number>> = {
  question: 0.5,
  description: 0.5,
  guidance: 0.55,
  note: 0.55,
  alert: 0.6,
  log: 0.65,
};

const categoryReasons: Readonly<Record<SignalCategory, string>> = {
  'instruction-override': "asks to ignore or replace the model's instructions",
  'role-play': 'tries to give the model a new role, persona or unrestricted mode',
  'prompt-exfiltration': 'asks for the system prompt, hidden instructions or canary',
  'chat-markup': 'contains chat-template markers that fake a system or assistant turn',
  'tool-coercion': 'tries to make the model call a tool or run a dangerous command',
  'data-exfiltration': 'tries to send data to an outside address (link, image beacon, e-mail)',
  'fence-escape': 'tries to close the untrusted-data fence or open a trusted section',
  'output-hijack': 'dictates what the model must answer',
  'addressing-the-model': 'speaks to the model directly',
  stealth: 'asks to hide actions from the people involved',
  obfuscation: 'hides instruction-like text',
  'embedded-task': 'gives the model a task in the middle of data',
  'restriction-lifting': "claims the model's rules are lifted or do not apply",
  'adversarial-noise': 'carries a token flood or an adversarial suffix',
  pressure: 'presses the model with claimed authority, urgency or threats',
  learned: 'reads like the labeled attacks the n-gram scorer was trained on',
};

// Talk about an injection ("the alert contained 'ignore previous instructions'") is data, not an attack.
const metaDiscussion = /\b(?:prompt[- ]injection|injection (?:attempt|attack|payload|string)|jailbreak attempt|red[- ]team(?:ing)?|pen[- ]?test|phishing|the (?:phrase|string|payload|text) ["'\u201c]|quoted|test case|canary test|as a joke|(?:someone|somebody|a user|a customer|an attacker|they) (?:pasted|typed|wrote|sent|entered|submitted|tried)|(?:support |help ?desk )?chat ?bot (?:refused|ignored|blocked)|by (?:a|the|one|some) (?:user|customer|attacker|tester)|did (?:it|the (?:chat ?bot|bot|model|assistant)) (?:comply|obey|follow))\b/u;
const quoteCharacters = new Set(['"', "'", '`', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb']);
const quotedCategories = new Set<SignalCategory>(['instruction-override', 'role-play', 'prompt-exfiltration']);
const hiddenRegions = /<!--[\s\S]{0,4000}?-->|\[\/\/\]: # \([^)\n]{0,2000}\)|<(?:div|span|p)\s[^>]{0,200}(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|color\s*:\s*(?:white|#fff\b|#ffffff))[^>]{0,200}>[\s\S]{0,4000}?<\/(?:div|span|p)>/gu;
const invisibleCharacters = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/u;

const reportedSpeechMaxLength = 20_000;
const scoredSources = new Set<InjectionSource>(['question', 'description', 'guidance']);
const wholeTextTransform = /^(?:rot13|reversed)(?:>|$)/;

interface ScreenedView {
  name: string;
  text: string;
}

/**
 * Creates a detector. Pure and synchronous: no I/O, no clock, no randomness; the same text
 * and source always give the same verdict.
 */
export function createInjectionDetector(options: InjectionDetectorOptions = {}): InjectionDetector {
  const thresholds: Record<InjectionSource, number> = { ...defaultThresholds };
  for (const source of injectionSources) {
    const value = options.thresholds?.[source];
    if (value !== undefined) {
      if (!(value > 0 && value <= 1)) throw new RangeError(`injection threshold for ${source} must be in (0, 1], got ${value}`);
      thresholds[source] = value;
    }
  }
  const maxLength = options.maxLength ?? 2_000_000;
  const maxDecodeDepth = options.maxDecodeDepth ?? 2;
  const scorer: NgramScorer | null = options.learnedScorer === false ? null : (options.scorer ?? loadShippedScorer());

  function collectViews(raw: string): ScreenedView[] {
    const collected: ScreenedView[] = [];
    const seen = new Set<string>();
    const visit = (text: string, chain: string, depth: number): void => {
      for (const view of viewsOf(text)) {
        if (seen.has(view.text)) continue;
        seen.add(view.text);
        const name = chain === '' ? view.name : view.name === 'original' ? chain : `${chain}>${view.name}`;
        collected.push({ name, text: view.text });
      }
      if (depth >= maxDecodeDepth) return;
      // Whole-text transforms (ROT13, reversal) only on the text as given: nested ones are
      // not something a model would be expected to undo, and they double the work.
      const budget: DecodeBudget = depth === 0 ? defaultDecodeBudget : { ...defaultDecodeBudget, maxTransformLength: 0 };
      for (const decoded of decodeEmbedded(text.normalize('NFKC').replace(/[\u200B-\u200F\u2060-\u2064\uFEFF]/g, ''), budget)) {
        visit(decoded.text, chain === '' ? decoded.encoding : `${chain}>${decoded.encoding}`, depth + 1);
      }
    };
    visit(raw, '', 0);
    return collected;
  }

  function weightOf(signal: Signal, source: InjectionSource, view: ScreenedView, match: RegExpExecArray, original: string, reported: [number, number][] | null): number {
    let weight = signal.weight * (signal.sources?.[source] ?? 1);
    const end = match.index + match[0].length;
    if (signal.unless && signal.unless.test(view.text.slice(end, end + 80))) weight *= signal.dampening ?? 0.5;
    // An attack quoted in a report about it (reported-speech.ts) is data.
    if (reported && startsInside(reported, match.index)) return weight * 0.3;
    if (quotedCategories.has(signal.category) && metaDiscussion.test(original)) {
      const before = view.text.slice(Math.max(0, match.index - 3), match.index);
      if ([...before].some((character) => quoteCharacters.has(character))) weight *= 0.5;
    }
    return weight;
  }

  return {
    thresholds: Object.freeze({ ...thresholds }),

    screen(text, { source }) {
      const threshold = thresholds[source];
      if (threshold === undefined) throw new RangeError(`unknown injection source: ${String(source)}`);
      const truncated = text.length > maxLength;
      const screened = truncated ? `${text.slice(0, maxLength / 2)}\n${text.slice(text.length - maxLength / 2)}` : text;

      const views = collectViews(screened);
      const original = views[0]?.text ?? '';
      // Reports quote attacks in questions and notes, not in megabyte logs: skipped there, for cost.
      const reported = original.length <= reportedSpeechMaxLength ? reportedQuotes(original) : null;
      const best = new Map<string, SignalMatch>();
      for (const view of views) {
        const transformed = wholeTextTransform.test(view.name);
        // Quotes are found in each view (leetspeak and lookalike views keep them where they were).
        const reportedInView = view.name === 'original' ? reported : transformed || view.text.length > reportedSpeechMaxLength ? null : reportedQuotes(view.text);
        for (const signal of signals) {
          // ROT13 and reversal are views of the whole text: only the strong signals are worth
          // their cost there (the weak framing cues of a jailbreak are not written in ROT13).
          if (transformed && signal.weight < 0.5) continue;
          const match = signal.pattern.exec(view.text);
          if (!match) continue;
          // Rounded before comparing: 0.8 × 0.8 is 0.6400000000000001, and an unrounded
          // comparison let a later view (leetspeak of the same text) take the match over and
          // add an obfuscation bonus the text did not earn.
          const weight = round(weightOf(signal, source, view, match, original, reportedInView));
          if (weight <= 0) continue;
          const current = best.get(signal.id);
          if (current && current.weight >= weight) continue;
          best.set(signal.id, {
            signal: signal.id,
            category: signal.category,
            weight: round(weight),
            view: view.name,
            excerpt: excerptOf(view.text, match.index, match[0].length),
          });
        }
      }

      const matches = [...best.values(), ...noiseSignals(original, source)];
      // The scorer was measured as "block when either it or the signals say so": a weight above
      // every source threshold keeps that behaviour.
      // Only the caller's own words: its training rows are mostly questions, and on documents
      // it added false positives (clean notes and alerts) for almost no detection.
      // In a report about an attack, the scorer reads the caller's own words, not the quoted attack.
      const ownWords = reported ? withoutQuotes(screened, quotedSpans(screened)) : screened;
      // The scorer reads words, not whose instructions: a question asking only for a process's steps is judged by the signals.
      const probability = scorer && scoredSources.has(source) && enoughToScore(ownWords) && !processQuestion.test(original) ? scorer.probability(ownWords) : 0;
      if (scorer && probability >= scorer.threshold) {
        matches.push({ signal: 'learned.ngram', category: 'learned', weight: 0.95, view: 'original', excerpt: `n-gram scorer probability ${round(probability)}` });
      }
      const { obfuscations, obfuscationWeights } = obfuscationMatches(matches, screened, views);
      const all = [...matches, ...obfuscationWeights.map((match) => ({ ...match, weight: match.weight * (matches.length > 0 || match.signal === 'obfuscation.unicode-tags' ? 1 : 0.5) }))];

      const strongest = new Map<SignalCategory, SignalMatch>();
      for (const match of all) {
        const current = strongest.get(match.category);
        if (!current || match.weight > current.weight) strongest.set(match.category, match);
      }
      const ranked = [...strongest.values()].sort((left, right) => right.weight - left.weight);
      const score = round(1 - ranked.reduce((remaining, match) => remaining * (1 - match.weight), 1));
      const reasons = ranked.map((match) => `${match.category}: ${categoryReasons[match.category]} [${match.signal}${match.view === 'original' ? '' : ` via ${match.view}`}]`);
      const blocked = score >= threshold;
      return {
        verdict: blocked ? 'block' : 'allow',
        score,
        reasons,
        reason: blocked ? `possible prompt injection in the ${source}: ${reasons[0]}` : (reasons[0] ?? null),
        data: {
          source,
          threshold,
          matches: all.sort((left, right) => right.weight - left.weight).map((match) => ({ ...match, weight: round(match.weight) })),
          obfuscations: [...obfuscations],
          truncated,
        },
      } satisfies InjectionVerdict;
    },
  };
}

/** Extra weight for how the matched text was hidden: decoded views, comments, invisible characters, Unicode tags. */
function obfuscationMatches(matches: readonly SignalMatch[], screened: string, views: readonly ScreenedView[]): { obfuscations: Set<string>; obfuscationWeights: SignalMatch[] } {
  const obfuscations = new Set<string>();
  for (const match of matches) if (match.view !== 'original' && match.weight >= 0.3) obfuscations.add(match.view);
  const obfuscationWeights: SignalMatch[] = [];
  if (obfuscations.size > 0) {
    obfuscationWeights.push({ signal: 'obfuscation.decoded-instructions', category: 'obfuscation', weight: 0.4, view: [...obfuscations][0]!, excerpt: `instructions found only after undoing ${[...obfuscations].join(', ')}` });
  }
  if (matches.length > 0 && hiddenInComment(screened)) {
    obfuscationWeights.push({ signal: 'obfuscation.hidden-comment', category: 'obfuscation', weight: 0.3, view: 'original', excerpt: 'instruction-like text inside an HTML or markdown comment or hidden element' });
  }
  if (invisibleCharacters.test(screened) && hasInvisibleInsideWords(screened)) {
    obfuscationWeights.push({ signal: 'obfuscation.invisible-characters', category: 'obfuscation', weight: 0.2, view: 'original', excerpt: 'invisible characters inside words' });
  }
  if (views.some((view) => view.name === 'unicode-tags' && view.text.length >= 8 && view.text.includes(' '))) {
    obfuscationWeights.push({ signal: 'obfuscation.unicode-tags', category: 'obfuscation', weight: 0.5, view: 'unicode-tags', excerpt: 'text hidden in invisible Unicode tag characters' });
  }
  return { obfuscations, obfuscationWeights };
}

function hiddenInComment(raw: string): boolean {
  for (const region of raw.matchAll(hiddenRegions)) {
    const inner = region[0];
    for (const view of viewsOf(inner)) {
      for (const signal of signals) if (signal.weight >= 0.4 && signal.pattern.test(view.text)) return true;
    }
  }
  return false;
}

function excerptOf(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 15);
  const excerpt = text.slice(start, Math.min(text.length, index + Math.max(length, 20) + 15)).replace(/\s+/g, ' ').trim();
  return excerpt.length > 80 ? `${excerpt.slice(0, 79)}…` : excerpt;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;
