/**
 * Screens a generation's inputs before its prompt is built. Direct text (what the caller
 * typed: a question, a runbook description, guidance) that looks like an injection is
 * refused with INJECTION_BLOCKED. Indirect text (notes, alert payloads, job logs: anything
 * a third party can write) is neutralized: the record stays, its content is replaced by a
 * quarantine notice, and the draft says which records were quarantined.
 */
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import type { Incident, JobExecution } from '../incidents/types.js';
import { createInjectionDetector, type InjectionSource } from './injection/index.js';
import { memoizeText } from './memoize.js';

const detector = createInjectionDetector();
// Screening an incident costs ~13 ms of CPU; the same records come back request after request.
const screenMemo = memoizeText((key) => detector.screen(key.slice(key.indexOf('\u0000') + 1), { source: key.slice(0, key.indexOf('\u0000')) as InjectionSource }), {
  maxEntries: 20_000,
  maxKeyLength: 64_000,
});
const screenForInjection = (text: string, source: InjectionSource) => screenMemo(`${source}\u0000${text}`);
type UntrustedSource = InjectionSource;

export interface QuarantinedInput {
  sourceType: 'NOTE' | 'ALERT' | 'LOG_ENTRY' | 'LOG_LINE';
  sourceId: string;
  reason: string;
}

export interface ScreenedContext {
  incident: Incident | null;
  execution: JobExecution | null;
  quarantined: QuarantinedInput[];
}

const notice = '[quarantined by incident-ai: possible prompt injection; content withheld]';

/** Direct inputs: every string field of the feature input; throws INJECTION_BLOCKED. */
export function screenDirectInput(input: Record<string, unknown>, onHit?: (verdict: string) => void): void {
  for (const [field, value] of Object.entries(input)) {
    if (typeof value !== 'string' || value.length === 0) continue;
    const source: UntrustedSource = field === 'description' ? 'description' : field === 'guidance' ? 'guidance' : 'question';
    const verdict = screenForInjection(value, source);
    if (verdict.verdict === 'block') {
      onHit?.('blocked');
      throw new AppError(
        ErrorCode.INJECTION_BLOCKED,
        `The ${field} was refused: it reads as an attempt to instruct the AI rather than a request about the incident. Rephrase it as a plain request.`,
        { extensions: { field, signals: verdict.reasons } },
      );
    }
  }
}

/** Indirect inputs: a copy of the incident and execution with suspicious records quarantined. */
export function screenIndirectInput(incident: Incident | null, execution: JobExecution | null): ScreenedContext {
  const quarantined: QuarantinedInput[] = [];
  const check = (text: string, source: UntrustedSource, sourceType: QuarantinedInput['sourceType'], sourceId: string): boolean => {
    const verdict = screenForInjection(text, source);
    if (verdict.verdict === 'block') quarantined.push({ sourceType, sourceId, reason: verdict.reason ?? 'possible prompt injection' });
    return verdict.verdict === 'block';
  };
  const screenedIncident = incident && {
    ...incident,
    logEntries: incident.logEntries.map((entry) => (check(entry.summary, 'note', 'LOG_ENTRY', entry.id) ? { ...entry, summary: notice } : entry)),
    notes: incident.notes.map((note) => (check(note.content, 'note', 'NOTE', note.id) ? { ...note, content: notice } : note)),
    alerts: incident.alerts.map((alert) =>
      check(`${alert.summary}\n${JSON.stringify(alert.body)}`, 'alert', 'ALERT', alert.id) ? { ...alert, summary: notice, body: { quarantined: true } } : alert,
    ),
  };
  const screenedExecution = execution && {
    ...execution,
    log: execution.log.map((line, index) => (check(line.text, 'log', 'LOG_LINE', `L${line.number ?? index + 1}`) ? { ...line, text: notice } : line)),
  };
  return { incident: screenedIncident, execution: screenedExecution, quarantined };
}
