/**
 * The contract of the prompt-injection detector. Every guard answers the same shape,
 * `{ verdict, reason(s), data }`; this one adds a `score` so callers can log how close a text
 * came to the threshold of its source.
 */

/**
 * Where an untrusted text comes from. The caller's own words (`question`, `description`,
 * `guidance`) are held to a stricter bar than third-party text pasted into the incident
 * (`note`), and much stricter than machine text (`alert` payloads, job `log` lines), which is
 * noisy: it quotes commands, carries encoded blobs and uses words like "override" and "drop".
 */
export type InjectionSource = 'question' | 'description' | 'guidance' | 'note' | 'alert' | 'log';

export const injectionSources: readonly InjectionSource[] = ['question', 'description', 'guidance', 'note', 'alert', 'log'];

/** Families of signals; a reason names its family first. */
export type SignalCategory =
  | 'instruction-override'
  | 'role-play'
  | 'prompt-exfiltration'
  | 'chat-markup'
  | 'tool-coercion'
  | 'data-exfiltration'
  | 'fence-escape'
  | 'output-hijack'
  | 'addressing-the-model'
  | 'stealth'
  | 'obfuscation'
  | 'embedded-task'
  | 'restriction-lifting'
  | 'adversarial-noise'
  | 'pressure'
  | 'learned';

/**
 * How a view of the text was obtained. `original` is the text after Unicode NFKC, removal of
 * invisible characters and case folding; the others undo one obfuscation each.
 */
export type TextView =
  | 'original'
  | 'homoglyph'
  | 'leetspeak'
  | 'spaced-letters'
  | 'unicode-tags'
  | 'base64'
  | 'hex'
  | 'url-encoding'
  | 'html-entities'
  | 'unicode-escapes'
  | 'rot13'
  | 'reversed'
  | 'emoji-rebus'
  | 'pig-latin'
  | 'concatenation'
  | 'split-words'
  | 'upside-down';

/** One signal that fired. */
export interface SignalMatch {
  /** Stable id of the signal, e.g. `override.en`, `chat-markup.im-start`. */
  signal: string;
  category: SignalCategory;
  /** The weight the signal contributed for this source, in [0, 1]. */
  weight: number;
  /** The view it fired in; a chain such as `base64>homoglyph` for nested obfuscation. */
  view: string;
  /** At most 80 characters of the normalized text around the match, for logs and reviews. */
  excerpt: string;
}

/** What {@link InjectionDetector.screen} answers. */
export interface InjectionVerdict {
  verdict: 'allow' | 'block';
  /** Combined evidence in [0, 1]; blocked when it reaches the source's threshold. */
  score: number;
  /** One sentence per category that fired, strongest first; empty when nothing fired. */
  reasons: string[];
  /** The first reason, or null (the `{ verdict, reason, data }` shape shared by every guard). */
  reason: string | null;
  data: {
    source: InjectionSource;
    threshold: number;
    matches: SignalMatch[];
    /** The obfuscations that were undone and led to a match (`base64`, `homoglyph`, ...). */
    obfuscations: string[];
    /** True when the text was longer than `maxLength` and only its head and tail were screened. */
    truncated: boolean;
  };
}

/** Options of {@link createInjectionDetector}. Every field has a default. */
export interface InjectionDetectorOptions {
  /**
   * Score at or above which a text is blocked, per source. Defaults: question 0.5,
   * description 0.5, guidance 0.55, note 0.55, alert 0.6, log 0.65 (calibrated on the labeled
   * sets: the highest benign score was 0.5 in every source).
   */
  thresholds?: Partial<Record<InjectionSource, number>>;
  /**
   * Longest text screened whole, in characters (default 2,000,000). Beyond it, the first and
   * last halves of that budget are screened and `data.truncated` is set.
   */
  maxLength?: number;
  /** How many encodings deep decoded text is decoded again (default 2: base64 of hex works). */
  maxDecodeDepth?: number;
  /**
   * Whether the learned n-gram scorer (ngram-scorer.ts) blocks a question, description or
   * guidance on its own when its probability reaches its threshold (default true; documents
   * are left to the signals). `scorer` replaces the shipped weights.
   */
  learnedScorer?: boolean;
  scorer?: InjectionScorer;
}

/** A configured detector: pure, synchronous, linear in the text's length. */
export interface InjectionDetector {
  screen(text: string, context: { source: InjectionSource }): InjectionVerdict;
  /** The thresholds in force, after defaults. */
  readonly thresholds: Readonly<Record<InjectionSource, number>>;
}

/** A learned scorer of questions (ngram-scorer.ts implements it): a probability and its blocking threshold. */
export interface InjectionScorer {
  probability(text: string): number;
  readonly threshold: number;
}

/** One detector signal: a weighted pattern of one category (the lists are in signals.ts and beside it). */
export interface Signal {
  id: string;
  category: SignalCategory;
  weight: number;
  /** Applied to each view; must not be global or sticky. */
  pattern: RegExp;
  /** Weight multiplier per source (default 1): e.g. output directives are what guidance is for. */
  sources?: Partial<Record<InjectionSource, number>>;
  /**
   * Tested on the 80 characters after a match: when it matches, the text is about an ops
   * document ("ignore the previous instructions in the runbook") and the weight is multiplied
   * by `dampening`.
   */
  unless?: RegExp;
  dampening?: number;
}
