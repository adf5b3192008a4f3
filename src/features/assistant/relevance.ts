/**
 * Keyword relevance for the offline assistant: a question's terms (stemmed, stop words out,
 * a few incident synonyms in) scored against short texts with Okapi BM25. Pure and
 * deterministic; small enough to rebuild per request (an incident has tens of records).
 */

/** One term of a question, as the index looks it up. */
export interface QueryTerm {
  stem: string;
  /** 1 for the question's own words; less for synonyms a word brought in. */
  weight: number;
  /** The question word it stands for, as written (a synonym names the word it came from). */
  word: string;
  /** Whether `word` carries the question's content (an intent word like "why" does not). */
  content: boolean;
}

/** How one text scored. */
export interface TextScore {
  score: number;
  /** The question words (`QueryTerm.word`) the text matched, directly or through a synonym. */
  matchedWords: Set<string>;
  /** The stems the text matched. */
  matchedStems: Set<string>;
}

/** Okapi BM25 over a fixed list of texts. */
export interface Bm25Index {
  readonly size: number;
  /** Inverse document frequency of a stem (high for rare stems, 0-ish for ubiquitous ones). */
  idf(stem: string): number;
  /** Whether any text holds the stem. */
  has(stem: string): boolean;
  /** The score of text `index` for the terms. */
  score(terms: readonly QueryTerm[], index: number): TextScore;
  /** The distinct stems of text `index`. */
  stemsOf(index: number): ReadonlySet<string>;
}

const k1 = 1.2;
const b = 0.75;

// English function words, question scaffolding and words every incident question shares.
const stopWords = new Set(
  (
    'a an and any are as at be been being but by can could did do does doing done for from had has have having he her his how i if in ' +
    'into is it its it\'s me my no not of on or our out over she so some than that the their them then there these they this those ' +
    'to too up us was we were what whats what\'s when where which while who whom whose why will with would you your yours ' +
    'about after again all also am before between both during each few more most much only other own same should such through ' +
    'under until very just now ever tell know please show give list find explain describe say said says get got let lets happen ' +
    'happened happening going go went incident incidents issue issues problem problems thing things anything something someone ' +
    'anyone everyone everything one ones there here yet still currently current latest last first right exactly actually really ' +
    'kind sort way many made make'
  ).split(/\s+/),
);

/**
 * Words that say what is asked rather than about what; they bring synonyms, not content.
 * `alone`: the synonyms count only when the question has no content words ("who is on
 * it?"): "who fixed the pool?" is answered by the records about the fix, which name people.
 */
const intentSynonyms: Readonly<Record<string, { synonyms: readonly string[]; alone: boolean }>> = {
  why: { synonyms: ['cause', 'root', 'because'], alone: false },
  who: { synonyms: ['assigned', 'acknowledged', 'escalated', 'commander'], alone: true },
  when: { synonyms: [], alone: false },
  where: { synonyms: [], alone: false },
  how: { synonyms: [], alone: false },
  timeline: { synonyms: [], alone: false },
  chronology: { synonyms: [], alone: false },
  sequence: { synonyms: [], alone: false },
  overview: { synonyms: [], alone: false },
  summary: { synonyms: [], alone: false },
  summarize: { synonyms: [], alone: false },
  summarise: { synonyms: [], alone: false },
  recap: { synonyms: [], alone: false },
};

/** Intent words asking for the incident's course as a whole rather than one fact. */
export const overviewWords: ReadonlySet<string> = new Set(['timeline', 'chronology', 'sequence', 'overview', 'summary', 'summarize', 'summarise', 'recap']);

/** Incident vocabulary: a question word's stem and stems that say the same in incident records. */
const contentSynonyms: Readonly<Record<string, readonly string[]>> = {
  caus: ['root', 'because'],
  fix: ['deployed', 'rolled', 'restored', 'repointed', 'mitigated', 'rollback'],
  resolv: ['fix', 'resolved', 'mitigated'],
  mitigat: ['fix', 'stopgap', 'workaround'],
  outag: ['down', 'failing', 'failure', 'unavailable', 'errors'],
  start: ['triggered', 'began'],
  began: ['triggered', 'started'],
  begin: ['triggered', 'started'],
  impact: ['affected', 'failing', 'delayed', 'unavailable', 'customers'],
  affect: ['impact', 'failing', 'delayed', 'unavailable'],
  customer: ['impact', 'affected'],
  respond: ['assigned', 'acknowledged'],
  responder: ['assigned', 'acknowledged'],
  call: ['notified', 'acknowledged', 'escalated'],
  work: ['assigned', 'acknowledged'],
  owner: ['assigned'],
  alert: ['triggered', 'firing'],
  status: ['resolved'],
  next: ['follow', 'will', 'until'],
  follow: ['next'],
};

const synonymWeight = 0.5;
// "Why" and "who" questions are answered by root-cause and assignment records that rarely
// repeat the question's words, so an intent's synonyms weigh nearly as much as the words.
const intentWeight = 0.8;

/**
 * The stem of a lower-case word: plural, verb and a few derivational endings removed, so
 * "resolved", "resolves" and "resolve" meet at "resolv". Crude on purpose: it only has to
 * map a question's words and the records' words alike.
 */
export function stem(word: string): string {
  let result = word.replace(/'s$/, '');
  if (result.length <= 3 || /^\d/.test(result)) return result;
  if (result.endsWith('ies') && result.length > 4) result = `${result.slice(0, -3)}y`;
  else if (result.endsWith('sses')) result = result.slice(0, -2);
  else if (result.endsWith('s') && !/(ss|us|is)$/.test(result)) result = result.slice(0, -1);
  if (result.endsWith('ing') && result.length > 5) result = result.slice(0, -3);
  else if (result.endsWith('ed') && result.length > 4) result = result.slice(0, -2);
  else if (result.endsWith('ure') && result.length > 6) result = result.slice(0, -3);
  else if (result.endsWith('ly') && result.length > 5) result = result.slice(0, -2);
  if (result.endsWith('e') && result.length > 3) result = result.slice(0, -1);
  // "stopped" -> "stopp" -> "stop", as "stop" stems.
  if (/([^aeiouls])\1$/.test(result) && result.length > 3) result = result.slice(0, -1);
  return result;
}

/** Lower-case words of a text: letters and digits, split at everything else ("pg-payments-01" gives three). */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).map((word) => word.replace(/['’]s$/, ''));
}

const isSearchable = (word: string): boolean => (word.length >= 2 || /\d/.test(word)) && !stopWords.has(word);

/** The stems of a text's searchable words, in order (repeats kept: BM25 counts them). */
export function stemsOf(text: string): string[] {
  return wordsOf(text).filter(isSearchable).map(stem);
}

/** The terms of a question: its content words, the synonyms they bring, and those of its intent words. */
export function questionTerms(question: string): QueryTerm[] {
  const terms = new Map<string, QueryTerm>();
  const add = (term: QueryTerm): void => {
    const existing = terms.get(term.stem);
    if (!existing || existing.weight < term.weight) terms.set(term.stem, term);
  };
  const words = wordsOf(question);
  const hasContent = words.some((word) => !intentSynonyms[word] && isSearchable(word));
  for (const word of words) {
    const intent = intentSynonyms[word];
    if (intent) {
      if (intent.alone && hasContent) continue;
      for (const synonym of intent.synonyms) add({ stem: stem(synonym), weight: intentWeight, word, content: false });
      continue;
    }
    if (!isSearchable(word)) continue;
    const wordStem = stem(word);
    add({ stem: wordStem, weight: 1, word, content: true });
    for (const synonym of contentSynonyms[wordStem] ?? []) add({ stem: stem(synonym), weight: synonymWeight, word, content: true });
  }
  return [...terms.values()];
}

/** Builds the index of `texts` (their order is their index). */
export function createBm25Index(texts: readonly string[]): Bm25Index {
  const documents = texts.map((text) => {
    const stems = stemsOf(text);
    const frequencies = new Map<string, number>();
    for (const item of stems) frequencies.set(item, (frequencies.get(item) ?? 0) + 1);
    return { length: stems.length, frequencies };
  });
  const documentFrequency = new Map<string, number>();
  for (const document of documents) {
    for (const item of document.frequencies.keys()) documentFrequency.set(item, (documentFrequency.get(item) ?? 0) + 1);
  }
  const averageLength = documents.reduce((total, document) => total + document.length, 0) / Math.max(1, documents.length) || 1;
  const idf = (item: string): number => {
    const frequency = documentFrequency.get(item) ?? 0;
    return Math.log(1 + (documents.length - frequency + 0.5) / (frequency + 0.5));
  };

  return {
    size: documents.length,
    idf,
    has: (item) => documentFrequency.has(item),
    score(terms, index) {
      const document = documents[index];
      const matchedWords = new Set<string>();
      const matchedStems = new Set<string>();
      let score = 0;
      if (!document) return { score, matchedWords, matchedStems };
      for (const term of terms) {
        const frequency = document.frequencies.get(term.stem) ?? 0;
        if (frequency === 0) continue;
        const saturation = (frequency * (k1 + 1)) / (frequency + k1 * (1 - b + (b * document.length) / averageLength));
        score += term.weight * idf(term.stem) * saturation;
        matchedWords.add(term.word);
        matchedStems.add(term.stem);
      }
      return { score, matchedWords, matchedStems };
    },
    stemsOf: (index) => new Set(documents[index]?.frequencies.keys() ?? []),
  };
}
