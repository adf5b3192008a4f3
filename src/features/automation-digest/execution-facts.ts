/**
 * Small, pure facts about a job execution that the prompt, the output check and the
 * extractive engine must agree on: how a status maps to an outcome, how log lines are named
 * in citations, which step failed.
 */
import type { ExecutionLogLine, ExecutionStatus, JobExecution } from '../../incidents/types.js';
import type { ExecutionOutcome } from './output-schema.js';

const outcomes: Record<ExecutionStatus, ExecutionOutcome> = {
  succeeded: 'SUCCEEDED',
  failed: 'FAILED',
  aborted: 'ABORTED',
  timedout: 'TIMED_OUT',
  running: 'RUNNING',
};

/** The digest outcome of an execution status. */
export const outcomeOf = (status: ExecutionStatus): ExecutionOutcome => outcomes[status];

/** Outcomes with a failing step to name. */
export const failedOutcomes: ReadonlySet<ExecutionOutcome> = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);

/** The 1-based number of `log[index]` in the whole log (drivers that hold part of a long log number its lines). */
export const lineNumberOf = (line: ExecutionLogLine, index: number): number => line.number ?? index + 1;

/** Lines of the whole log: the source's count when the driver kept only some. */
export const logLineCountOf = (execution: JobExecution): number => execution.logLineCount ?? execution.log.length;

/** The citation id of a log line: `L<n>`, n the 1-based line number. */
export const logLineId = (lineNumber: number): string => `L${lineNumber}`;

/** The 1-based line number a citation id names, or null when it is not of the form `L<n>`. */
export function lineNumberOfId(id: string): number | null {
  const match = /^L([1-9]\d{0,8})$/.exec(id);
  return match ? Number(match[1]) : null;
}

/** The job step a log line's step context belongs to: "4" → 4, "2/1" → 2; null when none. */
export function topLevelStepOf(step: string): number | null {
  const match = /^\s*(\d+)/.exec(step);
  return match ? Number(match[1]) : null;
}

/**
 * A line's text with what varies between repetitions of the "same" line (timestamps, ids,
 * hashes, numbers) replaced, so near-identical lines compare equal.
 */
export function logSignature(text: string): string {
  return text
    .toLowerCase()
    .replace(/\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:z|[+-]\d{2}:?\d{2})?/g, '<time>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uuid>')
    .replace(/\b(?=[0-9a-z]*\d)(?=[0-9a-z]*[a-z])[0-9a-z]{5,}\b/g, '<id>')
    .replace(/\d+(?:\.\d+)?/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
}

// Rundeck's workflow summary names the failed steps: "step failures: {4=Dispatch failed ...}".
const workflowFailure = /step failures:\s*\{\s*(\d+)\s*=/i;

/**
 * The step an execution failed in: the one Rundeck's workflow summary names, else the step
 * of the first ERROR line, else the step the log ended in. Null for a succeeded or running
 * execution, and for one whose log names no step.
 */
export function failingStepOf(execution: JobExecution): { number: number; description: string } | null {
  if (!failedOutcomes.has(outcomeOf(execution.status))) return null;
  const number = reportedFailedStep(execution.log) ?? firstErrorStep(execution.log) ?? lastStep(execution.log);
  if (number === null) return null;
  return { number, description: stepDescription(execution, number) };
}

/** The job's description of step `number`, or "Step n" when the job does not define it. */
export function stepDescription(execution: JobExecution, number: number): string {
  return execution.steps.find((step) => step.number === number)?.description ?? `Step ${number}`;
}

function reportedFailedStep(log: readonly ExecutionLogLine[]): number | null {
  for (let index = log.length - 1; index >= 0; index -= 1) {
    const match = workflowFailure.exec(log[index]!.text);
    if (match) return Number(match[1]);
  }
  return null;
}

function firstErrorStep(log: readonly ExecutionLogLine[]): number | null {
  for (const line of log) {
    if (line.level !== 'ERROR') continue;
    const step = topLevelStepOf(line.step);
    if (step !== null) return step;
  }
  return null;
}

function lastStep(log: readonly ExecutionLogLine[]): number | null {
  for (let index = log.length - 1; index >= 0; index -= 1) {
    const step = topLevelStepOf(log[index]!.step);
    if (step !== null) return step;
  }
  return null;
}
