/**
 * Context coverage: how much of what a case labels as must-have reached the prompt actually
 * sent to the provider. It is the upper bound of fact recall any model can reach from that
 * prompt, so a shorter prompt must not lower it.
 *
 * - Facts: the case's `mustState` facts found in the prompt (the same normalised matching as
 *   fact recall).
 * - Evidence ids: for every fact some record of the case states (a log entry, note or alert
 *   of the incident; a line of the execution log, labelled `L<n>`), whether the id of at least
 *   one such record is in the prompt: what a citation of that fact must name. The datasets
 *   label no citations, so the records that state a fact stand for the gold ones.
 */
import type { CaseData } from '../case-data.js';
import type { Fact } from '../cases.js';
import type { MetricDefinition } from '../types.js';
import { statesFact } from './fact-recall.js';
import { normalizeText } from './normalize.js';

export const contextCoverageMetrics: readonly MetricDefinition[] = [
  {
    name: 'contextCoverage',
    description: 'Share of the labelled facts and of their evidence record ids present in the prompt sent (the fact recall any model could reach).',
    direction: 'higher',
    threshold: 0,
    unit: 'ratio',
  },
  { name: 'contextFactCoverage', description: 'Share of the labelled facts (mustState) present in the prompt sent.', direction: 'higher', threshold: 0, unit: 'ratio' },
  {
    name: 'contextIdCoverage',
    description: 'Share of facts stated by a record of the case whose record id (one of them) is present in the prompt sent.',
    direction: 'higher',
    threshold: 0,
    unit: 'ratio',
  },
];

/** A record a citation may name, with the text it states. */
interface SourceRecord {
  id: string;
  text: string;
}

/** The citable records of a case's data. */
export function sourceRecordsOf(data: CaseData): SourceRecord[] {
  const records: SourceRecord[] = [];
  if (data.incident) {
    const { incident } = data;
    for (const entry of incident.logEntries) records.push({ id: entry.id, text: `${entry.agent} ${entry.summary}` });
    for (const note of incident.notes) records.push({ id: note.id, text: `${note.author.name} ${note.content}` });
    for (const alert of incident.alerts) records.push({ id: alert.id, text: `${alert.source} ${alert.summary} ${JSON.stringify(alert.body)}` });
  }
  if (data.execution) data.execution.log.forEach((line, index) => records.push({ id: `L${line.number ?? index + 1}`, text: `[${line.step}] ${line.text}` }));
  return records;
}

/** The prompt as matching reads it: JSON escapes are separators, not letters glued to words. */
export const normalizePrompt = (prompt: string): string => normalizeText(prompt.replace(/\\[nrt"\\]/g, ' '));

/** Coverage of a case's labels by a prompt; every value null when the case labels no facts. */
export function contextCoverage(data: CaseData, facts: readonly Fact[], prompt: string): Record<'contextCoverage' | 'contextFactCoverage' | 'contextIdCoverage', number | null> {
  if (facts.length === 0) return { contextCoverage: null, contextFactCoverage: null, contextIdCoverage: null };
  const normalizedPrompt = normalizePrompt(prompt);
  const records = sourceRecordsOf(data).map((record) => ({ id: record.id, text: normalizeText(record.text) }));
  const idShown = (id: string): boolean => ` ${normalizedPrompt} `.includes(` ${normalizeText(id)} `);
  const factsShown = facts.filter((fact) => statesFact(normalizedPrompt, fact)).length;
  let evidenced = 0;
  let evidenceShown = 0;
  for (const fact of facts) {
    const holders = records.filter((record) => statesFact(record.text, fact));
    if (holders.length === 0) continue;
    evidenced += 1;
    if (holders.some((record) => idShown(record.id))) evidenceShown += 1;
  }
  return {
    contextCoverage: (factsShown + evidenceShown) / (facts.length + evidenced),
    contextFactCoverage: factsShown / facts.length,
    contextIdCoverage: evidenced === 0 ? null : evidenceShown / evidenced,
  };
}
