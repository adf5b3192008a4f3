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

/** What screening one incident or one execution found; the screened copy is shared by every request that reads the same object. */
interface ScreenedPart<Value> {
  value: Value;
  quarantined: QuarantinedInput[];
  findings: InjectionFinding[];
}

// Sources hand out the same incident object until it changes (the sample source, the cached
// upstream source), so its screened copy is kept with it: the next request for the same
// incident costs a WeakMap lookup instead of a walk over every record. A changed incident is
// a new object and is screened afresh; a collected one takes its entry with it.
const screenedIncidents = new WeakMap<Incident, ScreenedPart<Incident>>();
const screenedExecutions = new WeakMap<JobExecution, ScreenedPart<JobExecution>>();

function screenedOnce<Value extends object>(cache: WeakMap<Value, ScreenedPart<Value>>, value: Value, screen: (value: Value, part: ScreenedPart<Value>) => Value): ScreenedPart<Value> {
  const hit = cache.get(value);
  if (hit) return hit;
  const part: ScreenedPart<Value> = { value, quarantined: [], findings: [] };
  part.value = screen(value, part);
  cache.set(value, part);
  return part;
}

function checker(part: ScreenedPart<unknown>) {
  return (text: string, source: UntrustedSource, sourceType: QuarantinedInput['sourceType'], sourceId: string): boolean => {
    const verdict = screenForInjection(text, source);
    if (verdict.verdict === 'block') {
      part.quarantined.push({ sourceType, sourceId, reason: quarantineReason });
      part.findings.push(findingOf(`${sourceType} ${sourceId}`, verdict));
    }
    return verdict.verdict === 'block';
  };
}

function screenIncident(incident: Incident, part: ScreenedPart<Incident>): Incident {
  const check = checker(part);
  return {
    ...incident,
    logEntries: incident.logEntries.map((entry) => (check(entry.summary, 'note', 'LOG_ENTRY', entry.id) ? { ...entry, summary: notice } : entry)),
    notes: incident.notes.map((note) => (check(note.content, 'note', 'NOTE', note.id) ? { ...note, content: notice } : note)),
    alerts: incident.alerts.map((alert) =>
      check(`${alert.summary}\n${JSON.stringify(alert.body)}`, 'alert', 'ALERT', alert.id) ? { ...alert, summary: notice, body: { quarantined: true } } : alert,
    ),
  };
}

function screenExecution(execution: JobExecution, part: ScreenedPart<JobExecution>): JobExecution {
  const check = checker(part);
  return {
    ...execution,
    log: execution.log.map((line, index) => (check(line.text, 'log', 'LOG_LINE', `L${line.number ?? index + 1}`) ? { ...line, text: notice } : line)),
  };
}

/**
 * Indirect inputs: a copy of the incident and execution with suspicious records quarantined.
 * The copies are shared between requests for the same source objects: treat them as read-only.
 */
export function screenIndirectInput(incident: Incident | null, execution: JobExecution | null): ScreenedContext {
  const screenedIncident = incident && screenedOnce(screenedIncidents, incident, screenIncident);
  const screenedExecution = execution && screenedOnce(screenedExecutions, execution, screenExecution);
  return {
    incident: screenedIncident?.value ?? null,
    execution: screenedExecution?.value ?? null,
    quarantined: [...(screenedIncident?.quarantined ?? []), ...(screenedExecution?.quarantined ?? [])],
    findings: [...(screenedIncident?.findings ?? []), ...(screenedExecution?.findings ?? [])],
  };
}
