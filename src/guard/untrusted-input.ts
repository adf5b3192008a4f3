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
import { createInjectionDetector, type InjectionSource, type InjectionVerdict } from './injection/index.js';
import { memoizeText } from './memoize.js';

const detector = createInjectionDetector();
// Screening an incident costs ~13 ms of CPU; the same records come back request after request.
const screenMemo = memoizeText((key) => detector.screen(key.slice(key.indexOf('\u0000') + 1), { source: key.slice(0, key.indexOf('\u0000')) as InjectionSource }), {
  maxEntries: 20_000,
  maxKeyLength: 64_000,
});
const screenForInjection = (text: string, source: InjectionSource) => screenMemo(`${source}\u0000${text}`);
type UntrustedSource = InjectionSource;

/** A record withheld from the model; `reason` is shown to the caller, so it names no rule. */
export interface QuarantinedInput {
  sourceType: 'NOTE' | 'ALERT' | 'LOG_ENTRY' | 'LOG_LINE';
  sourceId: string;
  reason: string;
}

/**
 * What the detector saw in a refused or quarantined text: for the log and the audit trail
 * only. Rule ids and scores never reach the caller: they would tell an attacker which
 * phrasing tripped which rule and how close a rewrite came.
 */
export interface InjectionFinding {
  /** The input field (direct) or `<sourceType> <sourceId>` (indirect). */
  where: string;
  score: number;
  threshold: number;
  /** Ids of the signals that fired, strongest first. */
  signals: string[];
}

/** The one sentence a caller sees for a refused direct input. */
export const blockedInputMessage = (field: string): string =>
  `The ${field} was refused: it reads as an attempt to instruct the AI rather than a request about the incident. Rephrase it as a plain request.`;

/** The one sentence a caller sees for a quarantined record. */
export const quarantineReason = 'withheld from the AI: it reads as instructions to the AI rather than incident data';

export interface ScreenedContext {
  incident: Incident | null;
  execution: JobExecution | null;
  quarantined: QuarantinedInput[];
  /** One per quarantined record, for the log and the audit trail (never the caller). */
  findings: InjectionFinding[];
}

function findingOf(where: string, verdict: InjectionVerdict): InjectionFinding {
  return { where, score: verdict.score, threshold: verdict.data.threshold, signals: [...new Set(verdict.data.matches.map((match) => match.signal))] };
}

const notice = '[quarantined by incident-ai: possible prompt injection; content withheld]';

/** Direct inputs: every string field of the feature input; throws INJECTION_BLOCKED. */
export function screenDirectInput(input: Record<string, unknown>, onHit?: (finding: InjectionFinding) => void): void {
  for (const [field, value] of Object.entries(input)) {
    if (typeof value !== 'string' || value.length === 0) continue;
    const source: UntrustedSource = field === 'description' ? 'description' : field === 'guidance' ? 'guidance' : 'question';
    const verdict = screenForInjection(value, source);
    if (verdict.verdict === 'block') {
      onHit?.(findingOf(field, verdict));
      throw new AppError(ErrorCode.INJECTION_BLOCKED, blockedInputMessage(field), { extensions: { field } });
    }
  }
}

/** Indirect inputs: a copy of the incident and execution with suspicious records quarantined. */
export function screenIndirectInput(incident: Incident | null, execution: JobExecution | null): ScreenedContext {
  const quarantined: QuarantinedInput[] = [];
  const findings: InjectionFinding[] = [];
  const check = (text: string, source: UntrustedSource, sourceType: QuarantinedInput['sourceType'], sourceId: string): boolean => {
    const verdict = screenForInjection(text, source);
    if (verdict.verdict === 'block') {
      quarantined.push({ sourceType, sourceId, reason: quarantineReason });
      findings.push(findingOf(`${sourceType} ${sourceId}`, verdict));
    }
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
  return { incident: screenedIncident, execution: screenedExecution, quarantined, findings };
}
