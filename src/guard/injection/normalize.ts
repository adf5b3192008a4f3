/**
 * Normalization of untrusted text before screening: one canonical form, plus one "view" per
 * obfuscation that could hide an instruction from a pattern but not from a model (lookalike
 * letters, leetspeak, s p a c e d letters, invisible Unicode tag characters). Every step is a
 * single linear pass.
 */
import type { TextView } from './types.js';

/** A normalized form of the text and how it was obtained. */
export interface View {
  name: TextView;
  text: string;
}

// Zero-width, joiners, bidi controls and isolates, soft hyphen, variation selectors, Hangul
// fillers and the Unicode tag block: invisible to a reader, so removed before matching.
const invisible =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]/gu;
const invisibleBetweenLetters = /\p{L}[\u00AD\u034F\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]+\p{L}/u;
const tagCharacters = /[\u{E0020}-\u{E007E}]/gu;

/**
 * Letters of other scripts that look like Latin ones (after the Unicode confusables list,
 * restricted to those a reader would take for the Latin letter in running text).
 */
const homoglyphs: Readonly<Record<string, string>> = {
  // Cyrillic
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', І: 'I', Ј: 'J', Ѕ: 'S', Ԛ: 'Q', Ԝ: 'W',
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', х: 'x', у: 'y', і: 'i', ј: 'j', ѕ: 's', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', ү: 'y', г: 'r', ԍ: 'g', ɡ: 'g',
  // Greek
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  α: 'a', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w', ϲ: 'c', ϳ: 'j',
  // Armenian, Latin extensions and letter-like symbols NFKC keeps
  օ: 'o', ո: 'n', ս: 'u', հ: 'h', ց: 'g', ɑ: 'a', ı: 'i', ȷ: 'j', ʏ: 'y', ɪ: 'i', ʀ: 'r', ᴀ: 'a', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ᴍ: 'm', ɴ: 'n', ᴏ: 'o', ᴘ: 'p', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ᴢ: 'z', ꮃ: 'w',
};
const homoglyphPattern = new RegExp(`[${Object.keys(homoglyphs).join('')}]`, 'gu');
const hasHomoglyph = new RegExp(homoglyphPattern.source, 'u');

const leet: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g', '@': 'a', $: 's', '!': 'i', '|': 'l', '€': 'e', '¡': 'i' };
const leetToken = /[\p{L}\p{N}@$!|€¡]+/gu;
const leetCharacter = /[01345789@$!|€¡]/u;

// Four or more single letters, each followed by one to three separators: "i g n o r e",
// "i.g.n.o.r.e", "i-g-n-o-r-e". Letters and separators are disjoint classes: no backtracking.
const spacedRun = /(?<![\p{L}\p{N}])(?:\p{L}[ \t._*·•|/\\,~+\-\p{So}\uFE0F]{1,6}){3,}\p{L}(?![\p{L}\p{N}])/gu;

// Letters NFKC leaves alone: regional indicators (🇮🇬🇳), negative squared and negative
// circled capitals (🅸🅶🅽, 🅘🅖🅝). A reader, and a model, reads them as the letters.
const enclosedLetters = /[\u{1F1E6}-\u{1F1FF}\u{1F170}-\u{1F189}\u{1F150}-\u{1F169}]/gu;
const enclosedBases = [0x1f1e6, 0x1f170, 0x1f150];

// Small capitals (ɪɢɴᴏʀᴇ): NFKC keeps them, a reader reads them as the letters.
const smallCapitals: Readonly<Record<string, string>> = {
  ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ꜰ: 'f', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l', ᴍ: 'm', ɴ: 'n', ᴏ: 'o', ᴘ: 'p', ǫ: 'q', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z',
};
const smallCapital = new RegExp(`[${Object.keys(smallCapitals).join('')}]`, 'gu');

/** Regional indicators, enclosed capitals and small capitals as plain letters. */
export function foldEnclosedLetters(text: string): string {
  return text
    .replace(enclosedLetters, (character) => {
      const code = character.codePointAt(0)!;
      const base = enclosedBases.find((start) => code >= start && code < start + 26)!;
      return String.fromCharCode(97 + code - base);
    })
    .replace(smallCapital, (character) => smallCapitals[character] ?? character);
}

// Upside-down text ("ʇdɯoɹd ɯǝʇsʎs"): letters turned 180°, read from the end.
const turnedLetters: Readonly<Record<string, string>> = {
  ɐ: 'a', q: 'b', ɔ: 'c', p: 'd', ǝ: 'e', ɟ: 'f', ƃ: 'g', ɥ: 'h', ᴉ: 'i', ı: 'i', ɾ: 'j', ʞ: 'k', l: 'l', ɯ: 'm', u: 'n', o: 'o', d: 'p', b: 'q', ɹ: 'r', s: 's', ʇ: 't', n: 'u', ʌ: 'v', ʍ: 'w', x: 'x', ʎ: 'y', z: 'z',
  '¡': '!', '¿': '?', '˙': '.', "'": ',', ',': "'",
};
const turnedOnly = /[ɐɔǝɟƃɥᴉɾʞɯɹʇʌʍʎ]/gu;

/** Upside-down text turned back, or '' when the text has too few turned letters to be that. */
export function fromUpsideDown(text: string): string {
  if ((text.match(turnedOnly) ?? []).length < 4) return '';
  return [...text].reverse().map((character) => turnedLetters[character] ?? character).join('');
}

/** NFKC, enclosed letters unfolded, invisible characters removed, Latin accents folded, lower case, blanks collapsed. */
export function canonicalize(text: string): string {
  return foldEnclosedLetters(text.normalize('NFKC'))
    .replace(invisible, '')
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[ \t\f\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g, ' ');
}

/** Lookalike letters of other scripts mapped to Latin (on NFKC text, before case folding). */
export function foldHomoglyphs(text: string): string {
  return text.replace(homoglyphPattern, (character) => homoglyphs[character] ?? character);
}

/** Digits and symbols used as letters, inside words that have letters; `one` is what 1 becomes. */
export function foldLeetspeak(text: string, one: 'i' | 'l' = 'i'): string {
  return text.replace(leetToken, (token) => {
    // Short and all-digit tokens too ("4n", "45"): this is a separate view, so folding a
    // version number or a port there costs nothing.
    if (!leetCharacter.test(token)) return token;
    let folded = '';
    for (const character of token) folded += character === '1' ? one : (leet[character] ?? character);
    return folded;
  });
}

/** "i g n o r e   a l l" -> "ignore all": the commonest separator joins letters, longer ones part words. */
export function joinSpacedLetters(text: string): string {
  return text.replace(spacedRun, (run) => {
    const letters = run.match(/\p{L}/gu) ?? [];
    const separators = run.split(/\p{L}/u).slice(1, -1);
    const counts = new Map<string, number>();
    for (const separator of separators) counts.set(separator, (counts.get(separator) ?? 0) + 1);
    let common = '';
    let best = 0;
    for (const [separator, count] of counts) if (count > best) [common, best] = [separator, count];
    let joined = letters[0] ?? '';
    separators.forEach((separator, index) => {
      joined += (separator === common ? '' : ' ') + (letters[index + 1] ?? '');
    });
    return joined;
  });
}

/**
 * Emoji that stand for a word in rebus-style prompts ("🙈 your 📜 ➡️ 🗑️, 🖨️ your 🤫 💬"). The
 * list is the meanings a reader gives them, not any one attack's wording.
 */
const emojiWords: Readonly<Record<string, string>> = {
  '🙈': 'ignore', '🙉': 'ignore', '🚫': 'do not', '⛔': 'do not', '❌': 'no', '🗑': 'discard', '🔥': 'burn', '🖨': 'print', '📢': 'say', '📣': 'say',
  '🗣': 'say', '👀': 'show', '👁': 'show', '🔁': 'repeat', '🔄': 'repeat', '📋': 'copy', '📜': 'instructions', '📃': 'instructions', '📄': 'document',
  '📝': 'write', '✍': 'write', '🤫': 'secret', '🔒': 'secret', '🔐': 'secret', '🔓': 'unlock', '🔑': 'key', '🗝': 'key', '💬': 'prompt', '🗨': 'prompt',
  '🤖': 'ai', '🧠': 'instructions', '⚙': 'system', '🖥': 'system', '💻': 'system', '👇': 'below', '👆': 'above', '⬆': 'above', '⬇': 'below',
  '➡': 'to', '→': 'to', '📤': 'send', '📧': 'email', '✉': 'email', '🔗': 'link', '🆓': 'free', '🚷': 'no rules', '🛑': 'stop', '🆕': 'new',
};
const emojiPattern = new RegExp(`(?:${Object.keys(emojiWords).join('|')})\uFE0F?`, 'gu');
const hasEmojiWord = new RegExp(emojiPattern.source, 'u');

/** Emoji replaced by the word they stand for. */
export function readEmoji(text: string): string {
  return text.replace(emojiPattern, (emoji) => ` ${emojiWords[emoji.replace('\uFE0F', '')] ?? ''} `).replace(/ {2,}/g, ' ');
}

// Onsets a Pig Latin word moved to its end. Two letters are tried first: "eviouspray" is
// "previous" (pr), not "spreviou" (spr); three-letter onsets are rarer.
const onsets = ['ch', 'sh', 'th', 'wh', 'ph', 'pr', 'tr', 'br', 'cr', 'dr', 'fr', 'gr', 'pl', 'bl', 'cl', 'fl', 'gl', 'sl', 'sp', 'st', 'sk', 'sm', 'sn', 'sw', 'tw', 'qu', 'kn', 'wr', 'gn', 'sch', 'scr', 'spl', 'str', 'thr', 'shr', 'squ'];

/** "Ignoreway allway eviouspray instructionsway" -> "ignore all previous instructions". */
export function fromPigLatin(text: string): string {
  return text.replace(/\b([a-z]{2,})ay\b/g, (word, stem: string) => {
    if (stem.endsWith('w') && /^[aeiou]/.test(stem)) return stem.slice(0, -1);
    const onset = onsets.find((candidate) => stem.endsWith(candidate) && stem.length > candidate.length) ?? (/[bcdfghjklmnpqrstvwxyz]$/.test(stem) ? stem.slice(-1) : '');
    return onset === '' ? word : onset + stem.slice(0, -onset.length);
  });
}

/** The ASCII text smuggled in Unicode tag characters (U+E0020..U+E007E), or '' if none. */
export function decodeUnicodeTags(text: string): string {
  let hidden = '';
  for (const match of text.matchAll(tagCharacters)) hidden += String.fromCharCode(match[0].codePointAt(0)! - 0xe0000);
  return hidden;
}

/** Whether invisible characters sit inside words: text people type does not do that. */
export function hasInvisibleInsideWords(text: string): boolean {
  return invisibleBetweenLetters.test(text);
}

/**
 * The canonical text and one view per obfuscation that changes it. Views that equal one
 * already produced are dropped, so clean text costs one pass per signal.
 */
/** Words of an injection that attackers break with a hyphen or a dot ("ig-nore", "sy-stem pr.ompt"). */
const splittableWords = new Set([
  'ignore', 'disregard', 'forget', 'override', 'bypass', 'previous', 'prior', 'above', 'instructions', 'instruction', 'rules', 'guidelines',
  'system', 'prompt', 'print', 'reveal', 'repeat', 'output', 'show', 'secret', 'secrets', 'password', 'passwords', 'developer', 'restrictions',
]);

/**
 * The text with hyphens and dots inside words taken out, when at least two words so broken
 * are words of an injection; otherwise the text unchanged. Hyphenated names of services and
 * hosts ("ledger-client", "ceph-osd") are left alone: they do not rejoin into such words.
 */
function rejoinSplitWords(text: string): string {
  let rejoined = 0;
  const result = text.replace(/(?<![\p{L}\p{N}])\p{L}+(?:[-.]\p{L}+)+(?![\p{L}\p{N}])/gu, (token) => {
    const word = token.replace(/[-.]/g, '');
    if (!splittableWords.has(word)) return token;
    rejoined += 1;
    return word;
  });
  return rejoined >= 2 ? result : text;
}

export function viewsOf(raw: string): View[] {
  const nfkc = raw.normalize('NFKC');
  const original = canonicalize(nfkc);
  const views: View[] = [{ name: 'original', text: original }];
  const seen = new Set([original]);
  const add = (name: TextView, text: string): string => {
    if (text.length > 0 && !seen.has(text)) {
      seen.add(text);
      views.push({ name, text });
    }
    return text;
  };
  let base = original;
  if (hasHomoglyph.test(nfkc)) base = add('homoglyph', canonicalize(foldHomoglyphs(nfkc))) || original;
  if (/[\p{L}][01345789@$!|€¡]|[01345789@$!|€¡][\p{L}]/u.test(base)) {
    add('leetspeak', foldLeetspeak(base, 'i'));
    if (/[\p{L}]1|1[\p{L}]/u.test(base)) add('leetspeak', foldLeetspeak(base, 'l'));
  }
  const joined = joinSpacedLetters(base);
  if (joined !== base) {
    add('spaced-letters', joined);
    if (/[01345789@$!|€¡]/u.test(joined)) add('spaced-letters', foldLeetspeak(joined));
    // Spaced words run together ("t e x t a b o v e"): the letters alone, for the compact signals.
    add('spaced-letters', joined.replace(/[^\p{L}\n]+/gu, ''));
  }
  if (hasEmojiWord.test(nfkc)) add('emoji-rebus', canonicalize(readEmoji(nfkc)));
  const pigLatin = base.match(/\b[a-z]{2,}ay\b/g);
  if (pigLatin && pigLatin.length >= 3) add('pig-latin', fromPigLatin(base));
  // "sys" + "tem pr" + "ompt": string pieces joined the way code joins them.
  if (/["'`]\s*\+\s*["'`]/.test(base)) add('concatenation', base.replace(/["'`]\s*\+\s*["'`]/g, ''));
  const rejoined = rejoinSplitWords(base);
  if (rejoined !== base) add('split-words', rejoined);
  const upright = fromUpsideDown(nfkc);
  if (upright !== '') add('upside-down', canonicalize(upright));
  const tags = decodeUnicodeTags(raw);
  if (tags.length >= 4) add('unicode-tags', canonicalize(tags));
  return views;
}
