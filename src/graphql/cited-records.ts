/**
 * `Draft.citedRecords`: the input records a draft's citations name, looked up in the incident
 * source (the caller's account only), so a reader can see what a citation's excerpt quotes.
 * Log entries, notes and alerts come from the draft's incident; log lines (`L<n>`) from its
 * job execution. Record text is untrusted incident data: secrets are redacted before it
 * leaves, as they are before it reaches a model.
 */
import type { Context } from '@opentelemetry/api';
import { redact } from '../guard/redaction/index.js';
import type { Incident, IncidentSource, JobExecution } from '../incidents/types.js';
import type { DraftRecord } from '../store/types.js';

/** One cited record as the GraphQL `CitedRecord` shows it. */
export interface CitedRecordModel {
  sourceType: 'LOG_ENTRY' | 'NOTE' | 'ALERT' | 'LOG_LINE';
  sourceId: string;
  at: string | null;
  author: string | null;
  text: string;
}

interface CitationKey {
  sourceType: string;
  sourceId: string;
}

/** Every citation in a stored structured output (under `citations` or `sources`), once each, in order. */
export function citationsOf(output: Record<string, unknown> | null): CitationKey[] {
  const seen = new Map<string, CitationKey>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'citations' || key === 'sources') && Array.isArray(value)) {
        for (const citation of value as Partial<CitationKey>[]) {
          if (typeof citation?.sourceType !== 'string' || typeof citation.sourceId !== 'string') continue;
          const id = `${citation.sourceType}\u0000${citation.sourceId}`;
          if (!seen.has(id)) seen.set(id, { sourceType: citation.sourceType, sourceId: citation.sourceId });
        }
      } else visit(value);
    }
  };
  visit(output);
  return [...seen.values()];
}

const cleaned = (text: string): string => redact(text).text;

function fromIncident(incident: Incident, key: CitationKey): CitedRecordModel | null {
  if (key.sourceType === 'LOG_ENTRY') {
    const entry = incident.logEntries.find((candidate) => candidate.id === key.sourceId);
    return entry ? { sourceType: 'LOG_ENTRY', sourceId: entry.id, at: entry.at, author: entry.agent, text: cleaned(entry.summary) } : null;
  }
  if (key.sourceType === 'NOTE') {
    const note = incident.notes.find((candidate) => candidate.id === key.sourceId);
    return note ? { sourceType: 'NOTE', sourceId: note.id, at: note.at, author: note.author.name, text: cleaned(note.content) } : null;
  }
  if (key.sourceType === 'ALERT') {
    const alert = incident.alerts.find((candidate) => candidate.id === key.sourceId);
    return alert ? { sourceType: 'ALERT', sourceId: alert.id, at: alert.at, author: alert.source, text: cleaned(alert.summary) } : null;
  }
  return null;
}

function fromExecution(execution: JobExecution, key: CitationKey): CitedRecordModel | null {
  const match = /^L([1-9]\d{0,8})$/.exec(key.sourceId);
  const line = key.sourceType === 'LOG_LINE' && match ? execution.log[Number(match[1]) - 1] : undefined;
  return line ? { sourceType: 'LOG_LINE', sourceId: key.sourceId, at: line.at || null, author: line.node || null, text: cleaned(line.text) } : null;
}

/**
 * The records `draft` cites, loaded for `accountId`; a citation naming nothing is left out.
 * `trace`: the request's trace context, the parent of upstream request spans (no credentials of the caller are forwarded).
 */
export async function citedRecords(draft: DraftRecord, accountId: string, incidents: IncidentSource, trace?: Context): Promise<CitedRecordModel[]> {
  const keys = citationsOf(draft.output);
  if (keys.length === 0) return [];
  const needsIncident = draft.incidentId !== null && keys.some((key) => key.sourceType !== 'LOG_LINE');
  const needsExecution = draft.jobId !== null && draft.executionId !== null && keys.some((key) => key.sourceType === 'LOG_LINE');
  const caller = trace ? { authorization: null, trace } : undefined;
  const [incident, execution] = await Promise.all([
    needsIncident ? incidents.loadIncidents(accountId, [draft.incidentId!], caller).then(([found]) => found ?? null) : null,
    needsExecution ? incidents.loadExecution(accountId, draft.jobId!, draft.executionId!, caller) : null,
  ]);
  return keys.flatMap((key) => {
    const record = (incident && fromIncident(incident, key)) ?? (execution && fromExecution(execution, key));
    return record ? [record] : [];
  });
}
