/**
 * The offline postmortem: assembled from the incident's own log entries, notes and alerts,
 * every statement citing the records it comes from. Detection, duration and resolution come
 * from the log; the root cause from a note or log entry saying the root cause was identified
 * (else the notes' hypothesis, marked `hypothesis: true`); contributing factors and the fix
 * from the notes' sentences; action items from the follow-ups the notes name (else generic
 * ones per service, owned by the assignees' teams). It reads like a careful template, not
 * like a model, and is marked degraded by its provider.
 *
 * It also answers the map requests of a long incident's staged summarization (grounding
 * stage `condense-timeline`): the chunk's most telling entries, repeats collapsed.
 */
import type { Citation, Statement } from '../common/citation.js';
import {
  condenseStage,
  type CondensedTimelineOutput,
  type TimelineItem,
} from './condensed-timeline.js';
import type { ActionItem, ActionItemPriority, PostmortemOutput, RootCause, TimelineEvent } from './output-schema.js';
import { collapseRepeats, logEntryItems, selectTimelineItems, uniqueCitations } from './timeline-selection.js';
import type { Incident, LogEntry, Person } from '../../incidents/types.js';
import type { Grounding } from '../../llm/types.js';
import { GroundingError, type Extractor } from '../../llm/providers/extractive/extractor.js';
import {
  alertRecord,
  clip,
  clipWords,
  formatClock,
  formatDateTime,
  formatDuration,
  inTimeOrder,
  joinList,
  latestActivityAt,
  logEntryRecord,
  minutesBetween,
  noteRecord,
  quote,
  sentencesOf,
  type CitableRecord,
} from '../common/incident-facts.js';

const maxTitleWords = 14;
/** Most events of an offline timeline: a long incident's log is reduced to its milestones. */
const maxTimelineEvents = 30;
const maxEventLength = 300;
const maxFactors = 4;
const maxFixes = 3;
const maxServiceItems = 3;

/** A sentence of a record, the unit findings are read in. */
interface Finding {
  record: CitableRecord;
  sentence: string;
}

const cite = (record: CitableRecord, sentence?: string): Citation => ({
  sourceType: record.sourceType,
  sourceId: record.id,
  excerpt: quote(sentence ?? record.text),
});

const statement = (text: string, citations: (Citation | undefined)[]): Statement => ({
  text,
  citations: uniqueCitations(citations.filter((citation): citation is Citation => citation !== undefined)),
});

const capitalize = (text: string): string => (text.length > 0 ? `${text[0]!.toUpperCase()}${text.slice(1)}` : text);
const withoutPrefix = (text: string, prefix: RegExp): string => text.replace(prefix, '').trim();
const notePrefix = /^note added:\s*/i;
const statusPrefix = /^status update:\s*/i;
const triggerPrefix = /^triggered through the events api v2:\s*/i;

// "Root cause identified: ...", "root cause is ...", "Root cause: ..."; a claim right after a
// negation ("not", "yet to") does not count, nor "root cause: unknown".
const identifiedPattern = /\broot\s+cause\s+(?:is\s+|was\s+|has\s+been\s+)?(?:identified|confirmed|found|established)\b|\broot\s+cause\s*(?:is|was)?\s*:/i;
const negationBefore = /\b(?:not|no|never|yet\s+to|without|cannot)\s+(?:\w+\s+){0,2}$|n't\s+(?:\w+\s+){0,2}$/i;
const unknownAfter = /^\W*(?:unknown|unclear|tbd|not\b|still\b|under investigation)/i;
const hypothesisPattern = /\bhypothes[ie]s\b|\blikely\s+cause\b|\bprime\s+suspect\b|\bsuspect(?:ed)?\b|\bleaning\s+(?:to|towards)\b/i;
const fixPattern =
  /\b(?:fix(?:es)?\s+(?:has\s+been\s+|have\s+been\s+|is\s+|was\s+)?(?:deployed|applied|in\s+place|shipped)|deployed\s+(?:a|the)\s+fix|rolled\s+back|rollback|restored|re-?added|repointed|reverted|restarted|renewed|stopgap|mitigat\w+|enabled\s+retry|drained|back\s+to\s+(?:baseline|normal))\b/i;
const factorPattern =
  /\b(?:instead\s+of|left\s+over|left\s+out|narrowed|never|unset|nobody|no\s+one|static|stale|without|because|due\s+to|but|meant\s+for|full|expired|timed\s+out|longer\s+than|kicked\s+out|denied|missing|no\s+(?:egress|alert|alerts|alerting|monitoring|space))\b/i;
const followUpPattern = /\bfollow-?ups?\b/i;
const ticketPattern = /\b[A-Z][A-Z0-9]{1,9}-\d{1,7}\b/;
const quantityPattern =
  /\b\d[\d,.]*\s*k?\s+(?:card\s+)?(?:authori[sz]ations?|orders?|tickets?|deliveries|customers?|requests?|emails?|sign-?ins?|partners?|users?|messages?)\b/i;

/** The incident as the sections are built from it. */
interface View {
  incident: Incident;
  service: string;
  log: LogEntry[];
  trigger: CitableRecord | undefined;
  resolve: CitableRecord | undefined;
  /** The record a statement about the incident's start cites. */
  start: CitableRecord | undefined;
  /** The latest status update, or the latest log entry. */
  latest: CitableRecord | undefined;
  startedAt: string;
  /** Resolution time, or the latest record of an open incident. */
  endedAt: string;
  resolved: boolean;
  /** Note sentences first, then annotations of the log, in time order. */
  findings: Finding[];
  noteFindings: Finding[];
  teams: string[];
}

function viewOf(incident: Incident): View {
  const log = inTimeOrder(incident.logEntries);
  const last = (type: LogEntry['type']): CitableRecord | undefined => {
    const entry = log.filter((candidate) => candidate.type === type).at(-1);
    return entry && logEntryRecord(entry);
  };
  const triggerEntry = log.find((entry) => entry.type === 'trigger');
  const trigger = triggerEntry && logEntryRecord(triggerEntry);
  const resolved = incident.status === 'resolved';
  const resolve = resolved ? last('resolve') : undefined;
  const alerts = inTimeOrder(incident.alerts);
  const firstRecord = log[0] ? logEntryRecord(log[0]) : alerts[0] ? alertRecord(alerts[0]) : incident.notes[0] ? noteRecord(incident.notes[0]) : undefined;
  const noteFindings = inTimeOrder(incident.notes).flatMap((note) => sentencesOf(note.content).map((sentence) => ({ record: noteRecord(note), sentence })));
  const annotations = log
    .filter((entry) => entry.type === 'annotate')
    .map((entry) => ({ record: logEntryRecord(entry), sentence: withoutPrefix(entry.summary, notePrefix) }));
  return {
    incident,
    service: incident.services[0]?.name ?? incident.title,
    log,
    trigger,
    resolve,
    start: trigger ?? firstRecord,
    latest: last('status_update') ?? (log.at(-1) ? logEntryRecord(log.at(-1)!) : firstRecord),
    startedAt: incident.createdAt,
    endedAt: resolve?.at ?? (resolved && incident.resolvedAt ? incident.resolvedAt : latestActivityAt(incident)),
    resolved,
    findings: [...noteFindings, ...annotations],
    noteFindings,
    teams: teamsOf(incident),
  };
}

function teamsOf(incident: Incident): string[] {
  const people: Person[] = [...incident.assignees, ...incident.notes.map((note) => note.author)];
  return [...new Set(people.map((person) => person.team).filter((team): team is string => Boolean(team)))];
}

const severityRank: Record<ActionItemPriority, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };
const priorities: ActionItemPriority[] = ['HIGH', 'MEDIUM', 'LOW'];

function severityOf(incident: Incident): ActionItemPriority {
  if (incident.priority === 'P1' || incident.priority === 'P2') return 'HIGH';
  if (incident.priority === 'P3') return 'MEDIUM';
  if (incident.priority === null) return incident.urgency === 'high' ? 'HIGH' : 'MEDIUM';
  return 'LOW';
}

const lower = (priority: ActionItemPriority): ActionItemPriority => priorities[Math.min(2, severityRank[priority] + 1)]!;

/** Builds the postmortem of `grounding.incident`, or a map request's condensed chunk. */
export function extractPostmortem(grounding: Grounding): PostmortemOutput | CondensedTimelineOutput {
  if (grounding.input.stage === condenseStage) return condenseChunk(grounding.input);
  const incident = grounding.incident;
  if (!incident) throw new GroundingError('postmortem', 'a postmortem needs grounding.incident');
  return buildPostmortem(incident);
}

function buildPostmortem(incident: Incident): PostmortemOutput {
  const view = viewOf(incident);
  const rootCause = rootCauseOf(view);
  const fixes = fixesOf(view, rootCause.used);
  const followUps = view.noteFindings.filter((finding) => followUpPattern.test(finding.sentence));
  const used = new Set([...rootCause.used, ...fixes.map((fix) => fix.sentence), ...followUps.map((finding) => finding.sentence)]);
  return {
    title: clipWords(incident.title, maxTitleWords),
    summary: summaryOf(view, rootCause.value),
    impact: {
      services: incident.services.map((service) => service.name),
      duration: durationOf(view),
      customerEffect: customerEffectOf(view),
    },
    detection: detectionOf(view),
    timeline: timelineOf(incident),
    contributingFactors: factorsOf(view, used),
    rootCause: rootCause.value,
    resolution: resolutionOf(view, fixes),
    actionItems: actionItemsOf(view, followUps, rootCause.value),
  };
}

function priorityText(incident: Incident): string {
  return incident.priority ? `${incident.priority} incident` : `${incident.urgency}-urgency incident`;
}

function summaryOf(view: View, rootCause: RootCause): Statement {
  const { incident } = view;
  const minutes = formatDuration(minutesBetween(view.startedAt, view.endedAt));
  const course = view.resolved
    ? `A ${priorityText(incident)} on ${view.service}, opened ${formatDateTime(view.startedAt)} and resolved at ${formatClock(view.endedAt)} after ${minutes}.`
    : `A ${priorityText(incident)} on ${view.service}, opened ${formatDateTime(view.startedAt)} and still ${incident.status} ${minutes} later.`;
  const cause = rootCause.hypothesis ? 'The incident data does not establish the root cause yet.' : `Root cause: ${clip(rootCause.text, 220)}`;
  const preliminary = view.resolved ? '' : `Preliminary: the incident is still ${incident.status} as of ${formatDateTime(view.endedAt)}. `;
  return statement(`${preliminary}${clip(incident.title, 200).replace(/\.$/, '')}. ${course} ${cause}`, [
    view.start && cite(view.start),
    view.resolved ? view.resolve && cite(view.resolve) : view.latest && cite(view.latest),
    ...(rootCause.hypothesis ? [] : rootCause.citations.slice(0, 1)),
  ]);
}

function durationOf(view: View): Statement {
  const minutes = formatDuration(minutesBetween(view.startedAt, view.endedAt));
  const text = view.resolved
    ? `Impact lasted ${minutes}, from ${formatDateTime(view.startedAt)} (first alert) to ${formatDateTime(view.endedAt)} (resolved).`
    : `Impact began at ${formatDateTime(view.startedAt)} and is ongoing: ${minutes} as of the latest record at ${formatDateTime(view.endedAt)}.`;
  return statement(text, [view.start && cite(view.start), view.resolved ? view.resolve && cite(view.resolve) : view.latest && cite(view.latest)]);
}

function customerEffectOf(view: View): Statement {
  const update = view.log.find((entry) => entry.type === 'status_update');
  const quantity = view.noteFindings.find((finding) => quantityPattern.test(finding.sentence));
  const parts: string[] = [];
  const citations: (Citation | undefined)[] = [];
  if (update) {
    const first = sentencesOf(withoutPrefix(update.summary, statusPrefix))[0] ?? '';
    parts.push(first);
    citations.push(cite(logEntryRecord(update), first));
  }
  if (quantity) {
    parts.push(clip(quantity.sentence, 300));
    citations.push(cite(quantity.record, quantity.sentence));
  }
  if (parts.length === 0) {
    const alert = inTimeOrder(view.incident.alerts)[0];
    if (alert) {
      parts.push(`The first alert reported: ${alert.summary}.`);
      citations.push(cite(alertRecord(alert)));
    } else {
      parts.push('The incident records do not describe the effect on customers.');
      citations.push(view.start && cite(view.start));
    }
  }
  return statement(parts.join(' '), citations);
}

function detectionOf(view: View): Statement {
  const { log, incident } = view;
  const alerts = inTimeOrder(incident.alerts);
  const parts: string[] = [];
  const citations: (Citation | undefined)[] = [];
  if (view.trigger) {
    parts.push(`Detected at ${formatDateTime(view.trigger.at)} by ${view.trigger.sourceType === 'LOG_ENTRY' ? view.trigger.record.agent : 'monitoring'}: ${withoutPrefix(view.trigger.text, triggerPrefix).replace(/\.$/, '')}.`);
    citations.push(cite(view.trigger));
  }
  if (alerts.length > 0) {
    const first = alerts[0]!;
    parts.push(`${alerts.length} alert${alerts.length === 1 ? ' was' : 's were'} grouped into the incident, the first at ${formatClock(first.at)} from ${first.source} (${first.severity}).`);
    citations.push(cite(alertRecord(first)));
  }
  const acknowledge = log.find((entry) => entry.type === 'acknowledge');
  if (acknowledge) {
    const after = view.trigger ? `, ${formatDuration(minutesBetween(view.trigger.at, acknowledge.at))} after the trigger` : '';
    parts.push(`First acknowledged by ${acknowledge.agent} at ${formatClock(acknowledge.at)}${after}.`);
    citations.push(cite(logEntryRecord(acknowledge)));
  }
  const escalations = log.filter((entry) => entry.type === 'escalate');
  if (escalations.length > 0) {
    const first = escalations[0]!;
    parts.push(`Escalated ${escalations.length === 1 ? 'once' : `${escalations.length} times`}, first at ${formatClock(first.at)}: ${first.summary.replace(/\.$/, '')}.`);
    citations.push(cite(logEntryRecord(first)));
  }
  if (parts.length === 0) {
    parts.push(`The incident was opened at ${formatDateTime(view.startedAt)}; its records do not say how it was detected.`);
    citations.push(view.start && cite(view.start));
  }
  return statement(clip(parts.join(' '), 700), citations);
}

function eventText(item: TimelineItem): string {
  const agent = item.agent ?? '';
  switch (item.type) {
    case 'trigger':
      return `Triggered by ${agent}: ${withoutPrefix(item.text, triggerPrefix)}`;
    case 'annotate':
      return `${agent}: ${withoutPrefix(item.text, notePrefix)}`;
    case 'status_update':
      return `Status update by ${agent}: ${withoutPrefix(item.text, statusPrefix)}`;
    case null:
      return item.text;
    default:
      return item.text.includes(agent) || agent === 'PagerDuty' || agent === '' ? item.text : `${item.text} (${agent})`;
  }
}

const eventOf = (item: TimelineItem): TimelineEvent => ({ at: item.at, text: clip(eventText(item), maxEventLength), citations: item.citations });

function timelineOf(incident: Incident): TimelineEvent[] {
  // Notifications repeat what escalations and assignments already say.
  const items = logEntryItems(incident).filter((item) => item.type !== 'notify');
  return selectTimelineItems(collapseRepeats(items), maxTimelineEvents).map(eventOf);
}

/** The root cause and the sentences it used (not to be repeated as factors). */
function rootCauseOf(view: View): { value: RootCause; citations: Citation[]; used: string[] } {
  const identified = (finding: Finding): boolean => {
    const match = identifiedPattern.exec(finding.sentence);
    if (!match) return false;
    if (negationBefore.test(finding.sentence.slice(0, match.index))) return false;
    return !unknownAfter.test(finding.sentence.slice(match.index + match[0].length));
  };
  const claim = view.findings.find(identified);
  if (claim) {
    const text = capitalize(claim.sentence.replace(/^.*?\broot\s+cause\b[^:,]*[:,]\s*/i, '').trim()) || claim.sentence;
    // The log's annotation of the same finding goes along: it dates the moment it was found.
    const annotation = view.findings.find((finding) => finding.record.sourceType === 'LOG_ENTRY' && finding !== claim && identified(finding));
    const citations = uniqueCitations([cite(claim.record, claim.sentence), ...(annotation ? [cite(annotation.record, annotation.sentence)] : [])]);
    return { value: { hypothesis: false, text: clip(text, 500), citations }, citations, used: [claim.sentence] };
  }
  const guessIndex = view.findings.findIndex((finding) => hypothesisPattern.test(finding.sentence));
  if (guessIndex >= 0) {
    const guess = view.findings[guessIndex]!;
    // "Two hypotheses." says nothing alone: the sentences after it hold them.
    const following = view.findings.slice(guessIndex + 1, guessIndex + 3).filter((finding) => finding.record.id === guess.record.id);
    const sentences = guess.sentence.length < 40 ? [guess.sentence, ...following.map((finding) => finding.sentence)] : [guess.sentence];
    const author = guess.record.sourceType === 'NOTE' ? guess.record.record.author.name : guess.record.sourceType === 'LOG_ENTRY' ? guess.record.record.agent : guess.record.record.source;
    const citations = [cite(guess.record, guess.sentence)];
    return {
      value: {
        hypothesis: true,
        text: clip(`Leading hypothesis in the notes (${author}, ${formatClock(guess.record.at)}): ${sentences.join(' ')}`, 600),
        citations,
      },
      citations,
      used: sentences,
    };
  }
  const citations = [view.start && cite(view.start)].filter((citation): citation is Citation => citation !== undefined);
  const signal = view.start ? ` The first signal was: ${clip(withoutPrefix(view.start.text, triggerPrefix), 200)}` : '';
  return {
    value: { hypothesis: true, text: `The notes offer no hypothesis yet.${signal}`, citations },
    citations,
    used: [],
  };
}

function fixesOf(view: View, used: readonly string[]): Finding[] {
  const fixes = (findings: Finding[]): Finding[] =>
    findings.filter((finding) => fixPattern.test(finding.sentence) && !used.includes(finding.sentence) && !followUpPattern.test(finding.sentence)).slice(0, maxFixes);
  // The log's annotations repeat the notes in short: read them only when no note tells the fix.
  const fromNotes = fixes(view.noteFindings);
  return fromNotes.length > 0 ? fromNotes : fixes(view.findings.filter((finding) => finding.record.sourceType === 'LOG_ENTRY'));
}

function resolutionOf(view: View, fixes: Finding[]): Statement {
  const done = fixes.map((fix) => clip(fix.sentence, 260)).join(' ');
  const fixCitations = fixes.map((fix) => cite(fix.record, fix.sentence));
  if (view.resolved) {
    const by = view.resolve?.sourceType === 'LOG_ENTRY' ? ` by ${view.resolve.record.agent}` : '';
    const ended = `Resolved at ${formatDateTime(view.endedAt)}${by}, ${formatDuration(minutesBetween(view.startedAt, view.endedAt))} after it began.`;
    return statement(done ? `${done} ${ended}` : ended, [...fixCitations, view.resolve && cite(view.resolve)]);
  }
  const asOf = `Not resolved as of ${formatDateTime(view.endedAt)}.`;
  if (done) return statement(`${asOf} Done so far: ${done}`, fixCitations);
  return statement(`${asOf} No fix is recorded yet.`, [view.latest && cite(view.latest)]);
}

function factorsOf(view: View, used: ReadonlySet<string>): Statement[] {
  return view.noteFindings
    .filter(
      (finding) =>
        factorPattern.test(finding.sentence) &&
        !used.has(finding.sentence) &&
        !/\broot\s+cause\b/i.test(finding.sentence) &&
        !fixPattern.test(finding.sentence) &&
        // A sentence that is mostly a command or a log line is evidence, not a factor.
        !finding.sentence.startsWith('`') &&
        (finding.sentence.match(/`[^`]*`/g) ?? []).join('').length < finding.sentence.length / 2,
    )
    .slice(0, maxFactors)
    .map((finding) => statement(clip(finding.sentence, 300), [cite(finding.record, finding.sentence)]));
}

/** The team a ticket prefix names ("DBRE" for Database Reliability, "PAY" for Payments ...). */
function teamForTicket(ticket: string, teams: readonly string[]): string | null {
  const prefix = ticket.split('-')[0]!.toUpperCase();
  for (const team of teams) {
    const words = team.split(/\s+/).filter(Boolean);
    const first = words[0]?.toUpperCase() ?? '';
    if (first.length >= 3 && (first.startsWith(prefix) || prefix.startsWith(first.slice(0, 3)))) return team;
    const initials = words.map((word) => word[0]!.toUpperCase());
    if (initials.length >= 2 && prefix[0] === initials[0] && isSubsequence(initials.join(''), prefix)) return team;
  }
  return null;
}

function isSubsequence(needle: string, haystack: string): boolean {
  let position = 0;
  for (const character of haystack) if (character === needle[position]) position += 1;
  return position === needle.length;
}

/** The team whose name shares a word with the service's ("Payments API" -> "Payments SRE"). */
function teamForService(service: string, teams: readonly string[]): string | null {
  const words = new Set(service.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length >= 4));
  return teams.find((team) => team.toLowerCase().split(/\s+/).some((word) => words.has(word))) ?? null;
}

function authorTeam(record: CitableRecord): string | null {
  return record.sourceType === 'NOTE' ? (record.record.author.team ?? null) : null;
}

function followUpItems(finding: Finding, view: View, priority: ActionItemPriority): ActionItem[] {
  const rest = finding.sentence.replace(/^.*?\bfollow-?ups?\b\s*:?\s*/i, '').replace(/\.$/, '').trim();
  const named = [...rest.matchAll(/\b([A-Z][A-Z0-9]{1,9}-\d{1,7})\s*\(([^)]+)\)/g)].map((match) => ({ ticket: match[1]!, what: match[2]! }));
  const leading = /^([A-Z][A-Z0-9]{1,9}-\d{1,7})\s*:?\s*(.*)$/.exec(rest);
  const parsed = named.length > 0 ? named : [{ ticket: leading?.[1] ?? ticketPattern.exec(rest)?.[0] ?? null, what: leading ? leading[2]! : rest }];
  const fallbackTeam = authorTeam(finding.record) ?? view.incident.assignees.find((person) => person.team)?.team ?? null;
  return parsed
    .filter((item) => item.what.length > 0)
    .map((item) => ({
      priority,
      ownerTeam: (item.ticket && teamForTicket(item.ticket, view.teams)) ?? fallbackTeam,
      title: clip(item.ticket ? `${item.ticket}: ${item.what}` : capitalize(item.what), 200),
      citations: [cite(finding.record, finding.sentence)],
    }));
}

function actionItemsOf(view: View, followUps: Finding[], rootCause: RootCause): ActionItem[] {
  const severity = severityOf(view.incident);
  const items = followUps.flatMap((finding) => followUpItems(finding, view, severity));
  if (items.length > 0) return items;

  // No follow-up in the notes: the items every postmortem of this incident should have.
  const firstTeam = view.incident.assignees.find((person) => person.team)?.team ?? null;
  const rootTeam = rootCause.citations
    .map((citation) => view.incident.notes.find((note) => note.id === citation.sourceId)?.author.team)
    .find((team): team is string => Boolean(team));
  const generic: ActionItem[] = [
    {
      priority: severity,
      ownerTeam: rootTeam ?? teamForService(view.service, view.teams) ?? firstTeam,
      title: rootCause.hypothesis
        ? `Confirm the root cause of the ${view.service} incident and fix it`
        : `Fix the root cause on ${view.service} and add a check that catches it before production`,
      citations: rootCause.citations,
    },
  ];
  for (const service of view.incident.services.slice(0, maxServiceItems)) {
    const alert = inTimeOrder(view.incident.alerts).find((candidate) => candidate.summary.toLowerCase().includes(service.name.toLowerCase().split(/\s+/)[0]!));
    const evidence = alert ? cite(alertRecord(alert)) : view.start && cite(view.start);
    generic.push({
      priority: lower(severity),
      ownerTeam: teamForService(service.name, view.teams) ?? firstTeam,
      title: `Review the alerts and runbooks of ${service.name} against this incident`,
      citations: evidence ? [evidence] : [],
    });
  }
  return generic;
}

/** A map request's chunk, condensed without a model: its most telling entries, repeats collapsed. */
function condenseChunk(input: Record<string, unknown>): CondensedTimelineOutput {
  const items = input.items;
  const maxEvents = input.maxEvents;
  if (!Array.isArray(items) || typeof maxEvents !== 'number' || maxEvents < 1) {
    throw new GroundingError('postmortem', 'a timeline chunk needs grounding.input.items and grounding.input.maxEvents');
  }
  const chunk = items as TimelineItem[];
  const selected = selectTimelineItems(collapseRepeats(chunk.filter((item) => item.type !== 'notify')), maxEvents);
  // A chunk of nothing but notifications still keeps its first one.
  const events = selected.length > 0 ? selected : chunk.slice(0, 1);
  return { events: events.map(eventOf) };
}

/** The postmortem extractor. */
export const postmortemExtractor: Extractor = {
  feature: 'postmortem',
  extract: extractPostmortem,
};
