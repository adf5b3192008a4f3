/**
 * The offline status update: assembled from the incident's own log entries, notes and
 * alerts, every statement of fact citing the records it comes from. It reads like a
 * careful template, not like a model, and is marked degraded by its provider.
 */
import type { Citation, Statement } from '../common/citation.js';
import {
  audiences,
  type Audience,
  type IncidentPhase,
  type StatusUpdateOutput,
} from './output-schema.js';
import type { Alert, Incident, LogEntry } from '../../incidents/types.js';
import type { Grounding } from '../../llm/types.js';
import { GroundingError, type Extractor } from '../../llm/providers/extractive/extractor.js';
import {
  alertRecord,
  clipSentences,
  clipWords,
  formatClock,
  formatDateTime,
  formatDuration,
  hostsOfAlert,
  inTimeOrder,
  internalHostsIn,
  joinList,
  latestActivityAt,
  logEntryRecord,
  minutesBetween,
  noteRecord,
  peopleNamesOf,
  quote,
  sentencesOf,
  type CitableRecord,
} from '../common/incident-facts.js';
import { scrubPublicText } from '../../guard/public-text.js';

const maxTitleWords = 12;

/** A record that moved the response to a phase, and the sentence that says so. */
interface PhaseEvidence {
  record: CitableRecord;
  sentence: string;
}

/** What every audience's update is built from. */
interface IncidentView {
  incident: Incident;
  service: string;
  trigger: CitableRecord | undefined;
  resolve: CitableRecord | undefined;
  latestStatusUpdate: CitableRecord | undefined;
  /** Acknowledge, assign and escalate entries, oldest first. */
  engagement: CitableRecord[];
  notes: CitableRecord[];
  /** Triggered first, then by severity, then oldest first. */
  alerts: Alert[];
  phase: IncidentPhase;
  evidence: PhaseEvidence | undefined;
  impact: string;
  startedAt: string;
  asOf: string;
  nextUpdateMinutes: number | null;
  /** Citation excerpts and texts for this audience (scrubbed for PUBLIC). */
  cite: (record: CitableRecord, sentence?: string) => Citation;
}

const phaseRank: Record<IncidentPhase, number> = { INVESTIGATING: 0, IDENTIFIED: 1, MONITORING: 2, RESOLVED: 3 };

const monitoringPattern =
  /\b(?:fix(?:es)?\s+(?:has\s+been\s+|have\s+been\s+|is\s+|was\s+|were\s+)?(?:deployed|applied|rolled\s+out|shipped|in\s+place)|deployed\s+(?:a|the)\s+fix|rolled\s+back|roll-?back\s+(?:is\s+|was\s+)?(?:complete|done|finished)|mitigat(?:ed|ion\s+(?:is\s+)?(?:in\s+place|applied))|monitoring\s+(?:the\s+)?(?:fix|recovery|results|error\s+rates?)|back\s+to\s+(?:normal|baseline))\b/i;
const identifiedPattern =
  /\b(?:root\s+cause\s+(?:is\s+|has\s+been\s+|was\s+)?(?:identified|found|confirmed|known)|(?:identified|found|confirmed)\s+the\s+(?:root\s+)?cause|cause\s+(?:has\s+been\s+|was\s+|is\s+)?identified)\b/i;
// "not identified yet", "no fix deployed": a claim right after a negation does not count.
const negationBefore = /\b(?:not|no|never|yet\s+to|without|cannot)\s+(?:\w+\s+){0,2}$|n't\s+(?:\w+\s+){0,2}$/i;

function phaseOfSentence(sentence: string): IncidentPhase | null {
  for (const [phase, pattern] of [
    ['MONITORING', monitoringPattern],
    ['IDENTIFIED', identifiedPattern],
  ] as const) {
    const match = pattern.exec(sentence);
    if (match && !negationBefore.test(sentence.slice(0, match.index))) return phase;
  }
  return null;
}

/**
 * The phase the response has reached: RESOLVED from the status; otherwise the furthest
 * phase any status update, annotation or note claims (the latest such record is the evidence).
 */
function detectPhase(incident: Incident, log: LogEntry[], resolve: CitableRecord | undefined): Pick<IncidentView, 'phase' | 'evidence'> {
  if (incident.status === 'resolved') {
    return { phase: 'RESOLVED', evidence: resolve && { record: resolve, sentence: resolve.text } };
  }
  const claims = inTimeOrder([
    ...log.filter((entry) => entry.type === 'status_update' || entry.type === 'annotate').map(logEntryRecord),
    ...incident.notes.map(noteRecord),
  ]);
  let best: Pick<IncidentView, 'phase' | 'evidence'> = { phase: 'INVESTIGATING', evidence: undefined };
  for (const record of claims) {
    for (const sentence of sentencesOf(record.text)) {
      const phase = phaseOfSentence(sentence);
      if (phase && phaseRank[phase] >= phaseRank[best.phase]) best = { phase, evidence: { record, sentence } };
    }
  }
  return best;
}

// The first rule that matches names the impact; specific symptoms win over plain errors.
const impactRules: readonly { pattern: RegExp; impact: string }[] = [
  { pattern: /certificate|\btls\b|\bssl\b|handshake/i, impact: 'secure connection errors' },
  { pattern: /\b429s?\b|rate[- ]?limit|throttl/i, impact: 'rejected requests' },
  { pattern: /\bdns\b|name resolution|servfail|nxdomain/i, impact: 'intermittent failures' },
  { pattern: /\blag\b|backlog|delay|queue/i, impact: 'delays' },
  { pattern: /latency|slow|\bp9\d\b/i, impact: 'slow responses' },
  { pattern: /fall(?:s|ing)?\s+back|degraded/i, impact: 'reduced functionality' },
  { pattern: /\b5\d\d\b|5xx|error|fail|unavailable|\bdown\b|oom/i, impact: 'errors' },
];

function impactOf(incident: Incident): string {
  const text = [incident.title, incident.description, ...incident.alerts.map((alert) => alert.summary)].join('\n');
  return impactRules.find((rule) => rule.pattern.test(text))?.impact ?? 'service disruption';
}

const severityRank: Record<Alert['severity'], number> = { critical: 0, error: 1, warning: 2, info: 3 };

function alertsByImportance(alerts: readonly Alert[]): Alert[] {
  return inTimeOrder(alerts)
    .map((alert, index) => ({ alert, index }))
    .sort(
      (a, b) =>
        Number(a.alert.status !== 'triggered') - Number(b.alert.status !== 'triggered') ||
        severityRank[a.alert.severity] - severityRank[b.alert.severity] ||
        a.index - b.index,
    )
    .map(({ alert }) => alert);
}

function nextUpdateOf(incident: Incident): number | null {
  if (incident.status === 'resolved') return null;
  return incident.priority === 'P1' || incident.priority === 'P2' || incident.urgency === 'high' ? 30 : 60;
}

function citerFor(audience: Audience, incident: Incident): IncidentView['cite'] {
  if (audience !== 'PUBLIC') {
    return (record, sentence) => ({ sourceType: record.sourceType, sourceId: record.id, excerpt: quote(sentence ?? record.text) });
  }
  const names = peopleNamesOf(incident);
  // Scrub before quoting: a cut made first could leave half an address behind.
  return (record, sentence) => ({
    sourceType: record.sourceType,
    sourceId: record.id,
    excerpt: quote(scrubPublicText(sentence ?? record.text, { names })),
  });
}

function viewOf(incident: Incident, audience: Audience): IncidentView {
  const log = inTimeOrder(incident.logEntries);
  const lastOf = (type: LogEntry['type']): CitableRecord | undefined => {
    const entry = log.filter((candidate) => candidate.type === type).at(-1);
    return entry && logEntryRecord(entry);
  };
  const triggerEntry = log.find((entry) => entry.type === 'trigger');
  const resolve = incident.status === 'resolved' ? lastOf('resolve') : undefined;
  const startedAt = incident.createdAt;
  return {
    incident,
    service: incident.services[0]?.name ?? incident.title,
    trigger: triggerEntry && logEntryRecord(triggerEntry),
    resolve,
    latestStatusUpdate: lastOf('status_update'),
    engagement: log.filter((entry) => ['acknowledge', 'assign', 'escalate'].includes(entry.type)).map(logEntryRecord),
    notes: inTimeOrder(incident.notes).map(noteRecord),
    alerts: alertsByImportance(incident.alerts),
    ...detectPhase(incident, log, resolve),
    impact: impactOf(incident),
    startedAt,
    asOf: incident.status === 'resolved' && incident.resolvedAt ? incident.resolvedAt : latestActivityAt(incident),
    nextUpdateMinutes: nextUpdateOf(incident),
    cite: citerFor(audience, incident),
  };
}

const statement = (text: string, citations: (Citation | undefined)[] = []): Statement => {
  const seen = new Set<string>();
  const unique = citations.filter((citation): citation is Citation => {
    if (!citation) return false;
    const key = `${citation.sourceType}/${citation.sourceId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { text, citations: unique };
};

const citeEvidence = (view: IncidentView): Citation | undefined => view.evidence && view.cite(view.evidence.record, view.evidence.sentence);
const citeRecord = (view: IncidentView, record: CitableRecord | undefined): Citation | undefined => record && view.cite(record);

const stripStatusPrefix = (text: string): string => text.replace(/^status update:\s*/i, '');

const phaseHeadline: Record<IncidentPhase, (impact: string) => string> = {
  INVESTIGATING: (impact) => `investigating ${impact}`,
  IDENTIFIED: (impact) => `cause of ${impact} identified`,
  MONITORING: () => 'fix applied, monitoring recovery',
  RESOLVED: () => 'incident resolved',
};

function durationLine(view: IncidentView): string {
  const minutes = formatDuration(minutesBetween(view.startedAt, view.asOf));
  return view.phase === 'RESOLVED'
    ? `It began at ${formatDateTime(view.startedAt)} and was resolved at ${formatClock(view.asOf)}, after ${minutes}.`
    : `It began at ${formatDateTime(view.startedAt)} and has lasted ${minutes} as of the latest activity at ${formatClock(view.asOf)}.`;
}

function responderUpdate(view: IncidentView): StatusUpdateOutput {
  const { incident } = view;
  const priority = incident.priority ?? 'No priority';
  const minutes = formatDuration(minutesBetween(view.startedAt, view.asOf));
  const timing =
    view.phase === 'RESOLVED'
      ? `triggered ${formatDateTime(view.startedAt)}, resolved ${formatClock(view.asOf)} after ${minutes}.`
      : `${incident.status}, triggered ${formatDateTime(view.startedAt)}, ${minutes} in as of ${formatClock(view.asOf)}.`;
  const finding = view.evidence && view.phase !== 'RESOLVED' ? ` Latest finding (${formatClock(view.evidence.record.at)}): "${clipSentences(stripStatusPrefix(view.evidence.sentence), 240)}"` : '';
  const summary = statement(`${incident.title}. ${priority}, ${incident.urgency} urgency, ${timing}${finding}`, [
    citeRecord(view, view.trigger),
    citeEvidence(view),
  ]);

  const topAlerts = view.alerts.slice(0, 4);
  const alertText = topAlerts.map((alert) => `${alert.summary} [${alert.severity}, ${alert.source}, ${alert.status}]`).join('; ');
  const hosts = hostsWithSources(view);
  const impactParts = [
    `Affected services: ${joinList(incident.services.map((service) => service.name))}.`,
    topAlerts.length > 0 ? `Alerts: ${alertText}.` : 'No alerts are grouped into the incident.',
    hosts.names.length > 0 ? `Hosts named: ${hosts.names.join(', ')}.` : '',
  ];
  const impact = statement(impactParts.filter(Boolean).join(' '), [
    ...topAlerts.map((alert) => view.cite(alertRecord(alert))),
    ...hosts.sources.map((record) => view.cite(record)),
  ]);

  const actions: Statement[] = [];
  if (incident.assignees.length > 0) {
    const people = incident.assignees.map((person) => (person.team ? `${person.name} (${person.team})` : person.name));
    actions.push(statement(`Assigned: ${joinList(people)}.`, view.engagement.slice(-3).map((record) => view.cite(record))));
  }
  for (const note of view.notes.slice(-3)) {
    const author = note.sourceType === 'NOTE' ? note.record.author.name : '';
    actions.push(statement(`${author} (${formatClock(note.at)}): ${clipSentences(note.text, 280)}`, [view.cite(note)]));
  }
  if (view.latestStatusUpdate) {
    actions.push(
      statement(`Last status update (${formatClock(view.latestStatusUpdate.at)}): ${clipSentences(stripStatusPrefix(view.latestStatusUpdate.text), 280)}`, [
        view.cite(view.latestStatusUpdate),
      ]),
    );
  }
  if (view.resolve) {
    actions.push(statement(`${view.resolve.text.replace(/\.$/, '')} at ${formatClock(view.resolve.at)}.`, [view.cite(view.resolve)]));
  }

  return {
    title: clipWords(`${view.service}: ${incident.title}`, maxTitleWords),
    phase: view.phase,
    summary,
    impact,
    actions,
    nextUpdateMinutes: view.nextUpdateMinutes,
  };
}

function hostsWithSources(view: IncidentView): { names: string[]; sources: CitableRecord[] } {
  const names: string[] = [];
  const sources: CitableRecord[] = [];
  const add = (hosts: string[], record: CitableRecord): void => {
    const fresh = hosts.filter((host) => !names.includes(host));
    if (fresh.length === 0) return;
    names.push(...fresh);
    sources.push(record);
  };
  for (const alert of inTimeOrder(view.incident.alerts)) add(hostsOfAlert(alert), alertRecord(alert));
  for (const note of view.notes) add(internalHostsIn(note.text), note);
  return { names: names.slice(0, 8), sources: sources.slice(0, 4) };
}

const stakeholderSummary: Record<IncidentPhase, (service: string) => string> = {
  INVESTIGATING: (service) => `Responders are investigating an incident affecting ${service}.`,
  IDENTIFIED: (service) => `Responders have identified the cause of the incident affecting ${service} and are working on a fix.`,
  MONITORING: (service) => `A fix is in place for the incident affecting ${service}; responders are monitoring recovery.`,
  RESOLVED: (service) => `The incident affecting ${service} is resolved.`,
};

function stakeholderUpdate(view: IncidentView): StatusUpdateOutput {
  const { incident } = view;
  const summary = statement(`${stakeholderSummary[view.phase](view.service)} ${durationLine(view)}`, [
    citeRecord(view, view.trigger),
    citeEvidence(view),
  ]);

  const customers = view.phase === 'RESOLVED' ? `Customers may have seen ${view.impact}` : `Customers may see ${view.impact}`;
  const priority = incident.priority ? `Priority ${incident.priority}, ${incident.urgency} urgency.` : `${incident.urgency[0]?.toUpperCase()}${incident.urgency.slice(1)} urgency.`;
  const impact = statement(
    `${customers} on ${view.service}. Affected services: ${joinList(incident.services.map((service) => service.name))}. ${priority}`,
    view.alerts.slice(0, 3).map((alert) => view.cite(alertRecord(alert))),
  );

  const actions: Statement[] = [];
  const teams = [...new Set(incident.assignees.map((person) => person.team).filter((team): team is string => Boolean(team)))];
  const engaged = teams.length > 0 ? teams : incident.assignees.map((person) => person.name);
  const firstAcknowledge = view.engagement.find((record) => record.sourceType === 'LOG_ENTRY' && record.record.type === 'acknowledge');
  if (engaged.length > 0) {
    const acknowledged = firstAcknowledge ? `, first acknowledged at ${formatClock(firstAcknowledge.at)}` : '';
    actions.push(statement(`Engaged: ${joinList(engaged)}${acknowledged}.`, [citeRecord(view, firstAcknowledge), ...view.engagement.slice(-2).map((record) => view.cite(record))]));
  }
  if (view.latestStatusUpdate) {
    actions.push(
      statement(`Latest update (${formatClock(view.latestStatusUpdate.at)}): ${clipSentences(stripStatusPrefix(view.latestStatusUpdate.text), 280)}`, [
        view.cite(view.latestStatusUpdate),
      ]),
    );
  }
  if (view.resolve) {
    actions.push(statement(`Resolved at ${formatClock(view.resolve.at)}.`, [view.cite(view.resolve)]));
  } else if (view.evidence && view.evidence.record.id !== view.latestStatusUpdate?.id) {
    actions.push(statement(`Latest finding (${formatClock(view.evidence.record.at)}): ${clipSentences(stripStatusPrefix(view.evidence.sentence), 200)}`, [citeEvidence(view)]));
  }

  return {
    title: clipWords(`${view.service}: ${phaseHeadline[view.phase](view.impact)}`, maxTitleWords),
    phase: view.phase,
    summary,
    impact,
    actions,
    nextUpdateMinutes: view.nextUpdateMinutes,
  };
}

const publicSummary: Record<IncidentPhase, (impact: string, service: string) => string> = {
  INVESTIGATING: (impact, service) => `We are investigating reports of ${impact} affecting ${service}.`,
  IDENTIFIED: (impact, service) => `We have identified the cause of ${impact} affecting ${service} and are working on a fix.`,
  MONITORING: (impact, service) => `A fix has been applied for the ${impact} affecting ${service}, and we are monitoring the results.`,
  RESOLVED: (impact, service) => `The issue that caused ${impact} affecting ${service} has been resolved.`,
};

const publicAction: Record<IncidentPhase, string> = {
  INVESTIGATING: 'Our engineers are working to find the cause.',
  IDENTIFIED: 'Our engineers have found the cause and are preparing a fix.',
  MONITORING: 'We are watching the service closely to make sure it stays healthy.',
  RESOLVED: 'The service is operating normally.',
};

function publicUpdate(view: IncidentView): StatusUpdateOutput {
  const names = peopleNamesOf(view.incident);
  const scrub = (text: string): string => scrubPublicText(text, { names });
  const service = scrub(view.service);

  const summary = statement(publicSummary[view.phase](view.impact, service), [citeRecord(view, view.trigger), citeEvidence(view)]);

  const firstAlert = view.alerts[0];
  const impactText =
    view.phase === 'RESOLVED'
      ? `Between ${formatClock(view.startedAt)} and ${formatClock(view.asOf)} on ${view.startedAt.slice(0, 10)}, some customers may have experienced ${view.impact} when using ${service}.`
      : `Some customers may experience ${view.impact} when using ${service}.`;
  const impact = statement(impactText, [firstAlert ? view.cite(alertRecord(firstAlert)) : citeRecord(view, view.trigger)]);

  const firstAcknowledge = view.engagement.find((record) => record.sourceType === 'LOG_ENTRY' && record.record.type === 'acknowledge');
  const actionSource = view.phase === 'INVESTIGATING' ? citeRecord(view, firstAcknowledge ?? view.latestStatusUpdate) : citeEvidence(view);
  const actions = [statement(publicAction[view.phase], [actionSource])];

  const output: StatusUpdateOutput = {
    title: clipWords(`${service}: ${phaseHeadline[view.phase](view.impact)}`, maxTitleWords),
    phase: view.phase,
    summary,
    impact,
    actions,
    nextUpdateMinutes: view.nextUpdateMinutes,
  };
  return scrubOutput(output, scrub);
}

// A last pass over every string, so no template or future edit can let a detail through.
function scrubOutput(output: StatusUpdateOutput, scrub: (text: string) => string): StatusUpdateOutput {
  const scrubStatement = (item: Statement): Statement => ({
    text: scrub(item.text),
    citations: item.citations.map((citation) => ({ ...citation, excerpt: scrub(citation.excerpt) })),
  });
  return {
    ...output,
    title: scrub(output.title),
    summary: scrubStatement(output.summary),
    impact: scrubStatement(output.impact),
    actions: output.actions.map(scrubStatement),
  };
}

const audienceSet: ReadonlySet<string> = new Set(audiences);

function readAudience(input: Record<string, unknown>): Audience {
  const audience = input.audience;
  if (typeof audience !== 'string' || !audienceSet.has(audience)) {
    throw new GroundingError('statusUpdate', `grounding.input.audience must be one of ${audiences.join(', ')}`);
  }
  return audience as Audience;
}

/** Builds a status update for `grounding.input.audience` from `grounding.incident`. */
export function extractStatusUpdate(grounding: Grounding): StatusUpdateOutput {
  const incident = grounding.incident;
  if (!incident) throw new GroundingError('statusUpdate', 'a status update needs grounding.incident');
  const audience = readAudience(grounding.input);
  // Free-text guidance is an instruction for a model; an extractive engine cannot follow it,
  // and quoting it would put an uncited statement in the draft.
  const view = viewOf(incident, audience);
  switch (audience) {
    case 'RESPONDERS':
      return responderUpdate(view);
    case 'STAKEHOLDERS':
      return stakeholderUpdate(view);
    case 'PUBLIC':
      return publicUpdate(view);
  }
}

/** The statusUpdate extractor. */
export const statusUpdateExtractor: Extractor = {
  feature: 'statusUpdate',
  extract: extractStatusUpdate,
};
