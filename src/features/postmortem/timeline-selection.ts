/**
 * Deterministic reading of a long timeline, without a model: log entries as timeline items,
 * runs of repetitive entries collapsed, and the items that matter most kept when there are
 * too many. The extractive engine builds its timelines with it, and the map stage uses it
 * as its last resort when a timeline will not shrink.
 */
import type { Incident, LogEntry } from '../../incidents/types.js';
import type { Citation } from '../common/citation.js';
import type { CondensedEvent, TimelineItem } from './condensed-timeline.js';
import { utcClock } from './iso-time.js';
import { clip, inTimeOrder } from '../common/incident-facts.js';

/** Longest text of one item a prompt shows (a log summary has no size limit). */
export const maxItemTextLength = 1_000;

/** Whitespace collapsed to single spaces. */
const normalizeSpace = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** At most `max` characters, cut at a word boundary, with an ellipsis when cut. */
export const clipText = clip;

/** A verbatim quote of a record for a citation: its start, cut at a word boundary, no ellipsis. */
export function excerptOf(text: string, max = 160): string {
  const normalized = normalizeSpace(text);
  if (normalized.length <= max) return normalized;
  const cut = normalized.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:-]+$/, '');
}

export { inTimeOrder };

/** A log entry as a citation. */
export const logEntryCitation = (entry: LogEntry): Citation => ({ sourceType: 'LOG_ENTRY', sourceId: entry.id, excerpt: excerptOf(entry.summary) });

/** The incident's log entries as timeline items, oldest first. */
export function logEntryItems(incident: Incident): TimelineItem[] {
  return inTimeOrder(incident.logEntries).map((entry) => ({
    at: entry.at,
    type: entry.type,
    agent: entry.agent,
    text: clipText(entry.summary, maxItemTextLength),
    citations: [logEntryCitation(entry)],
  }));
}

/** Condensed events as the items of the next map round. */
export const eventItems = (events: readonly CondensedEvent[]): TimelineItem[] =>
  events.map((event) => ({ at: event.at, type: null, agent: null, text: event.text, citations: event.citations }));

/** An item as a condensed event. */
export const itemEvent = (item: TimelineItem): CondensedEvent => ({ at: item.at, text: item.text, citations: item.citations });

// What a postmortem timeline needs most: how it started and ended, what was found and fixed,
// what was said, who was brought in; notifications are the least telling.
const typeRank: Record<LogEntry['type'], number> = {
  trigger: 0,
  resolve: 0,
  status_update: 1,
  annotate: 2,
  escalate: 2,
  priority_change: 2,
  urgency_change: 2,
  reach_trigger_limit: 2,
  acknowledge: 3,
  assign: 3,
  notify: 5,
};
// Events condensed before carry no type; they were already chosen as worth keeping.
const condensedRank = 1;
// A finding or a fix outranks its entry type: it is what the postmortem is about.
const keyFinding =
  /\broot\s+cause\b|\b(?:cause|fix)\s+(?:is\s+|was\s+|has\s+been\s+)?(?:identified|found|confirmed|deployed|applied)\b|\brolled\s+back\b|\bmitigat(?:ed|ion)\b/i;

const rankOf = (item: TimelineItem): number => (keyFinding.test(item.text) ? 0 : item.type === null ? condensedRank : typeRank[item.type]);

// Numbers, hex ids and times vary between repeats of the same message.
const signatureOf = (item: TimelineItem): string =>
  `${item.type ?? ''}|${item.agent ?? ''}|${item.text.toLowerCase().replace(/[0-9a-f]*\d[0-9a-f]*/g, '#')}`;

/**
 * Consecutive items that say the same thing up to numbers and ids (a flapping alert, a bot
 * posting the same reading) become one item citing the first and the last of the run.
 */
export function collapseRepeats(items: readonly TimelineItem[]): TimelineItem[] {
  const result: TimelineItem[] = [];
  let index = 0;
  while (index < items.length) {
    const first = items[index]!;
    const signature = signatureOf(first);
    let end = index + 1;
    while (end < items.length && signatureOf(items[end]!) === signature) end += 1;
    const count = end - index;
    if (count === 1) {
      result.push(first);
    } else {
      const last = items[end - 1]!;
      result.push({
        ...first,
        text: clipText(`${first.text} (${count} similar entries until ${utcClock(last.at)})`, maxItemTextLength),
        citations: uniqueCitations([...first.citations, ...last.citations]),
      });
    }
    index = end;
  }
  return result;
}

/** Citations without repeats of the same record, in order. */
export function uniqueCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((citation) => {
    const key = `${citation.sourceType}/${citation.sourceId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `count` indices spread evenly over `0..length-1`, first and last included. */
function spread(length: number, count: number): number[] {
  if (count <= 0) return [];
  if (count >= length) return Array.from({ length }, (_, index) => index);
  if (count === 1) return [0];
  return Array.from({ length: count }, (_, index) => Math.round((index * (length - 1)) / (count - 1)));
}

/**
 * At most `max` items, in their order: the most telling kinds first (trigger and resolve,
 * then status updates and findings, then escalations...); within the kind that does not
 * fit whole, items spread evenly over the time range, so no stretch of the incident is lost.
 */
export function selectTimelineItems(items: readonly TimelineItem[], max: number): TimelineItem[] {
  if (items.length <= max) return [...items];
  const ranks = [...new Set(items.map(rankOf))].sort((a, b) => a - b);
  const chosen = new Set<number>();
  for (const rank of ranks) {
    const positions = items.flatMap((item, index) => (rankOf(item) === rank ? [index] : []));
    const room = max - chosen.size;
    if (room <= 0) break;
    for (const pick of spread(positions.length, room)) chosen.add(positions[pick]!);
  }
  return [...chosen].sort((a, b) => a - b).map((index) => items[index]!);
}
