/**
 * The offline assistant: answers a question with the incident records most relevant to it.
 * Log entries, notes and alerts are scored against the question with BM25 (stemmed keywords
 * and a few incident synonyms); the best few become the answer's statements, each quoting
 * and citing its record. When the records do not cover the question's words, the answer is
 * `answered: false` and says which words the data does not mention. It never reasons beyond
 * the records: a model does that.
 */
import type { AssistantOutput } from './output-schema.js';
import {
  createBm25Index,
  overviewWords,
  questionTerms,
  stemsOf,
  wordsOf,
  type Bm25Index,
  type QueryTerm,
} from './relevance.js';
import type { Statement } from '../common/citation.js';
import type { Alert, Incident } from '../../incidents/types.js';
import type { Grounding } from '../../llm/types.js';
import { GroundingError, type Extractor } from '../../llm/providers/extractive/extractor.js';
import {
  alertRecord,
  clip,
  formatClock,
  inTimeOrder,
  joinList,
  logEntryRecord,
  noteRecord,
  quote,
  sentencesOf,
  type CitableRecord,
} from '../common/incident-facts.js';

/** Most statements an answer has; an overview of the incident's course may have more. */
const maxStatements = 4;
const maxOverviewStatements = 6;
/** A record is part of the answer when it scores at least this share of the best record's score. */
const relativeScoreFloor = 0.5;
/** Share of the question's content words the records must mention for the answer to count. */
const minimumCoverage = 0.5;
/** Weight of the conversation's earlier questions: they only break ties between matching records. */
const priorQuestionWeight = 0.3;
/** Most a record's recency adds to its score when the question asks about the present. */
const recencyBoost = 0.3;
/** Two records overlapping this much (shared stems over the smaller set) say the same thing. */
const duplicateOverlap = 0.6;
const maxStatementLength = 400;
const maxFieldLength = 80;
const maxFields = 3;

const presentWords = new Set(['status', 'current', 'currently', 'latest', 'now', 'still', 'recent', 'recently', 'last']);
const timelineWords = new Set([...overviewWords, 'chronologically', 'order', 'happened', 'events']);
/** The log entries that mark an incident's course, for an overview question without a subject. */
const milestoneTypes = new Set(['trigger', 'acknowledge', 'escalate', 'status_update', 'resolve']);

/** A record with the text it is searched by, and its place in the incident's time order. */
interface SearchRecord {
  record: CitableRecord;
  searchText: string;
  timeRank: number;
}

interface Candidate {
  item: SearchRecord;
  index: number;
  score: number;
  matchedStems: Set<string>;
}

/** Builds an answer to `grounding.input.question` from `grounding.incident`. */
export function extractAssistantAnswer(grounding: Grounding): AssistantOutput {
  const question = grounding.input.question;
  if (typeof question !== 'string' || question.trim().length === 0) {
    throw new GroundingError('assistant', 'an assistant answer needs grounding.input.question');
  }
  const incident = grounding.incident;
  if (!incident) {
    return {
      answered: false,
      statements: [],
      missing: 'The question names no incident, so there is no incident data to answer it from.',
    };
  }
  const priorQuestions = Array.isArray(grounding.input.priorQuestions)
    ? grounding.input.priorQuestions.filter((item): item is string => typeof item === 'string')
    : [];

  const records = searchRecordsOf(incident);
  const index = createBm25Index(records.map((item) => item.searchText));
  const terms = questionTerms(question);
  const contentWords = [...new Set(terms.filter((term) => term.content && term.weight === 1).map((term) => term.word))];
  const mentioned = contentWords.filter((word) => terms.some((term) => term.word === word && index.has(term.stem)));
  const unmentioned = contentWords.filter((word) => !mentioned.includes(word));

  const questionWords = wordsOf(question);
  const overview = questionWords.some((word) => overviewWords.has(word));
  if (overview && contentWords.length === 0) return courseOf(records);

  const covered = contentWords.length === 0 || mentioned.length / contentWords.length >= minimumCoverage;
  const candidates = covered ? rank(records, index, terms, priorQuestions, questionWords) : [];
  if (candidates.length === 0) return notInData(incident, contentWords.length > 0 ? unmentioned : []);

  const selected = select(candidates, index, overview ? maxOverviewStatements : maxStatements);
  // A course is told oldest first, the present newest first, anything else best first.
  const ordered = questionWords.some((word) => timelineWords.has(word))
    ? [...selected].sort((a, b) => a.item.timeRank - b.item.timeRank)
    : questionWords.some((word) => presentWords.has(word))
      ? [...selected].sort((a, b) => b.item.timeRank - a.item.timeRank)
      : selected;
  return {
    answered: true,
    statements: ordered.map((candidate) => statementOf(candidate, terms, index)),
    missing: null,
  };
}

/** The incident's course from its milestone log entries: how it started, was taken on, reported and ended. */
function courseOf(records: SearchRecord[]): AssistantOutput {
  const milestones = records.filter((item) => item.record.sourceType === 'LOG_ENTRY' && milestoneTypes.has(item.record.record.type));
  // Too many milestones: keep the first (how it started) and the latest ones.
  const kept = milestones.length <= maxOverviewStatements ? milestones : [milestones[0]!, ...milestones.slice(-(maxOverviewStatements - 1))];
  if (kept.length === 0) {
    return { answered: false, statements: [], missing: 'The incident log has no entries that show its course.' };
  }
  const noTerms: QueryTerm[] = [];
  return {
    answered: true,
    statements: kept.map((item) => statementOf({ item, index: 0, score: 0, matchedStems: new Set() }, noTerms)),
    missing: null,
  };
}

function notInData(incident: Incident, unmentioned: string[]): AssistantOutput {
  const words = unmentioned.slice(0, 5).map((word) => `"${word}"`);
  return {
    answered: false,
    statements: [],
    missing:
      words.length > 0
        ? `Nothing in the log entries, notes or alerts of ${incident.id} mentions ${joinList(words)}.`
        : `The log entries, notes and alerts of ${incident.id} hold nothing that answers the question.`,
  };
}

function searchRecordsOf(incident: Incident): SearchRecord[] {
  const records = inTimeOrder([
    ...incident.logEntries.map(logEntryRecord),
    ...incident.notes.map(noteRecord),
    ...incident.alerts.map(alertRecord),
  ]);
  return records.map((record, timeRank) => ({ record, searchText: searchTextOf(record), timeRank }));
}

function searchTextOf(record: CitableRecord): string {
  switch (record.sourceType) {
    case 'LOG_ENTRY':
      return `${record.record.type.replace(/_/g, ' ')} ${record.record.agent} ${record.record.summary}`;
    case 'NOTE':
      return `${record.record.author.name} ${record.record.content}`;
    case 'ALERT':
      // "resolved" would match every closed alert to a question about the incident's resolution.
      return `${record.record.summary} ${record.record.source} ${record.record.severity} ${record.record.status === 'triggered' ? 'triggered' : ''} ${alertFields(record.record)
        .map(([key, value]) => `${key} ${value}`)
        .join(' ')}`;
  }
}

/** An alert's payload as `key`, `value` text pairs (primitives and lists of primitives only). */
function alertFields(alert: Alert): [string, string][] {
  const fields: [string, string][] = [];
  for (const [key, value] of Object.entries(alert.body)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields.push([key, String(value)]);
    else if (Array.isArray(value) && value.every((item) => ['string', 'number', 'boolean'].includes(typeof item))) fields.push([key, value.join(', ')]);
  }
  return fields;
}

/** Records that match the question, best first. */
function rank(records: SearchRecord[], index: Bm25Index, terms: QueryTerm[], priorQuestions: string[], questionWords: string[]): Candidate[] {
  const priorTerms = questionTerms(priorQuestions.join('\n')).map((term) => ({ ...term, weight: term.weight * priorQuestionWeight }));
  const aboutNow = questionWords.some((word) => presentWords.has(word));
  const last = Math.max(1, records.length - 1);
  const candidates: Candidate[] = [];
  records.forEach((item, position) => {
    const own = index.score(terms, position);
    if (own.score <= 0) return;
    let score = own.score + index.score(priorTerms, position).score;
    if (aboutNow) score *= 1 + (recencyBoost * item.timeRank) / last;
    candidates.push({ item, index: position, score, matchedStems: own.matchedStems });
  });
  // Equal scores: the later record for questions about the present, else the earlier one.
  return candidates.sort((a, b) => b.score - a.score || (aboutNow ? b.item.timeRank - a.item.timeRank : a.item.timeRank - b.item.timeRank));
}

/** The best candidates, without near-duplicates (a "Note added" log entry repeating its note). */
function select(candidates: Candidate[], index: Bm25Index, limit: number): Candidate[] {
  const best = candidates[0]!.score;
  const selected: Candidate[] = [];
  for (const candidate of candidates) {
    if (selected.length >= limit || candidate.score < best * relativeScoreFloor) break;
    const stems = index.stemsOf(candidate.index);
    const duplicate = selected.some((chosen) => overlap(stems, index.stemsOf(chosen.index)) >= duplicateOverlap);
    if (!duplicate) selected.push(candidate);
  }
  return selected;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const smaller = a.size <= b.size ? a : b;
  const larger = smaller === a ? b : a;
  if (smaller.size === 0) return 0;
  let shared = 0;
  for (const item of smaller) if (larger.has(item)) shared += 1;
  return shared / smaller.size;
}

function statementOf(candidate: Candidate, terms: QueryTerm[], index?: Bm25Index): Statement {
  const { record } = candidate.item;
  const clock = formatClock(record.at);
  switch (record.sourceType) {
    case 'LOG_ENTRY': {
      const { agent, summary } = record.record;
      const who = summary.includes(agent) ? '' : `, ${agent}`;
      return cited(`${clock}${who}: ${summary}`, record, summary);
    }
    case 'NOTE': {
      const passage = bestSentences(record.record.content, terms, index);
      return cited(`${clock}, note by ${record.record.author.name}: ${passage.join(' ')}`, record, passage[0] ?? record.text);
    }
    case 'ALERT': {
      const alert = record.record;
      const fields = alertFields(alert)
        .filter(([key, value]) => !alert.summary.includes(value) && stemsOf(`${key} ${value}`).some((item) => candidate.matchedStems.has(item)))
        .slice(0, maxFields)
        .map(([key, value]) => `${key}: ${clip(value, maxFieldLength)}`);
      const details = fields.length > 0 ? ` (${fields.join('; ')})` : '';
      return cited(`${clock}, ${alert.severity} alert from ${alert.source} (${alert.status}): ${alert.summary}${details}`, record, alert.summary);
    }
  }
}

const cited = (text: string, record: CitableRecord, quoted: string): Statement => ({
  text: clip(text, maxStatementLength),
  citations: [{ sourceType: record.sourceType, sourceId: record.id, excerpt: quote(quoted) }],
});

/** The (at most two) sentences of a note that match the question best, in the note's order. */
function bestSentences(content: string, terms: QueryTerm[], index: Bm25Index | undefined): string[] {
  const sentences = sentencesOf(content);
  const scored = sentences.map((sentence, position) => {
    const stems = new Set(stemsOf(sentence));
    const score = terms.reduce((total, term) => total + (stems.has(term.stem) ? term.weight * (index?.idf(term.stem) ?? 1) : 0), 0);
    return { sentence, position, score };
  });
  const matching = scored.filter((item) => item.score > 0).sort((a, b) => b.score - a.score || a.position - b.position);
  if (matching.length === 0) return sentences.slice(0, 1);
  return matching
    .slice(0, 2)
    .sort((a, b) => a.position - b.position)
    .map((item) => item.sentence);
}

/** The assistant extractor. */
export const assistantExtractor: Extractor = {
  feature: 'assistant',
  extract: extractAssistantAnswer,
};
