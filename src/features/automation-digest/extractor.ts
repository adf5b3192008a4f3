/**
 * The offline automation digest: read from the execution's own log. The failing step comes
 * from the execution's status and its first ERROR lines, the probable cause from the error
 * text matched against a small table of failures we know (rollout timeouts, readiness
 * failures, unreachable dependencies, refused permissions, OOM kills, image pulls), the next
 * steps from the same table plus generic ones. Every statement cites the log lines it comes
 * from as `L<n>`, quoting them verbatim.
 */
import type { Citation, Statement } from '../common/citation.js';
import {
  failingStepOf,
  logLineId,
  logSignature,
  outcomeOf,
  topLevelStepOf,
} from './execution-facts.js';
import type { AutomationDigestOutput, ExecutionOutcome } from './output-schema.js';
import type { ExecutionLogLine, JobExecution } from '../../incidents/types.js';
import type { Grounding } from '../../llm/types.js';
import { GroundingError, type Extractor } from '../../llm/providers/extractive/extractor.js';
import { clip } from '../common/incident-facts.js';

/** A log line with its 1-based number. */
interface NumberedLine {
  number: number;
  line: ExecutionLogLine;
}

/** Where kubectl commands in the log point, when they say. */
interface KubernetesTarget {
  /** Whether the job runs kubectl at all. */
  kubectl: boolean;
  namespace: string | null;
  deployment: string | null;
}

/** What a known failure pattern needs to explain itself and suggest what to do. */
interface PatternContext {
  match: NumberedLine;
  target: KubernetesTarget;
  /** The other lines this pattern matched, in log order (the match included). */
  lines: NumberedLine[];
}

/** A failure we recognise in log text. */
interface FailurePattern {
  id: string;
  pattern: RegExp;
  /** Deeper causes explain shallower symptoms: a refused connection explains a failing readiness check. */
  depth: number;
  /** Matched only when no specific pattern matches. */
  generic: boolean;
  /** What went wrong, as a clause ("the new pods never passed their readiness check"). */
  clause(context: PatternContext): string;
  /** What the responder should do about it. */
  nextStep(context: PatternContext): string;
}

const maxExcerpt = 160;
const maxNextSteps = 5;

const kubectl = (target: KubernetesTarget, command: string): string =>
  `\`kubectl${target.namespace ? ` -n ${target.namespace}` : ''} ${command}\``;
const deploymentRef = (target: KubernetesTarget): string => (target.deployment ? `deploy/${target.deployment}` : 'deploy/<name>');
const podNamePattern = /\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?-[a-z0-9]{6,10}-[a-z0-9]{5}\b/;
const hostPortPattern = /\b(?:(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*|\d{1,3}(?:\.\d{1,3}){3}):\d{2,5}\b/i;
const imagePattern = /\bimage "?([\w./:@-]+)"?/i;

const podIn = (context: PatternContext): string | null => {
  for (const { line } of context.lines) {
    const pod = podNamePattern.exec(line.text)?.[0];
    if (pod) return pod;
  }
  return null;
};

/** Known failures, most specific first; a line counts for the first pattern it matches. */
const failurePatterns: readonly FailurePattern[] = [
  {
    id: 'oom',
    pattern: /\bOOMKilled\b|out of memory|cannot allocate memory|exit code 137\b/i,
    depth: 3,
    generic: false,
    clause: () => 'a container ran out of memory and was killed',
    nextStep: (context) =>
      `Compare the container's memory limit with its usage (${kubectl(context.target, 'top pod')}, the OOMKilled events in \`kubectl describe pod\`); raise the limit or fix the leak before re-running.`,
  },
  {
    id: 'image-pull',
    pattern: /ImagePullBackOff|ErrImagePull|pull access denied|manifest (?:for \S+ )?(?:unknown|not found)|failed to pull image/i,
    depth: 3,
    generic: false,
    clause: (context) => {
      const image = imagePattern.exec(context.match.line.text)?.[1];
      return image ? `the image ${image} could not be pulled` : 'a container image could not be pulled';
    },
    nextStep: () =>
      'Check that the image tag exists in the registry and that the pull secret is valid; `kubectl describe pod` on a new pod shows the exact pull error.',
  },
  {
    id: 'permission-denied',
    pattern: /permission denied|access denied|\bforbidden\b|\bunauthori[sz]ed\b|\bEACCES\b|cannot (?:get|list|watch|create|patch|update|delete) resource/i,
    depth: 3,
    generic: false,
    clause: () => "the credentials the job runs with were refused an action it needs",
    nextStep: (context) =>
      `Find which permission the job's credentials lack for the object named in the error${context.target.kubectl ? ` (${kubectl(context.target, 'auth can-i <verb> <resource> --as <service account>')})` : ''}, then grant it or run the job with an account that has it.`,
  },
  {
    id: 'connection-refused',
    pattern: /connection refused|\bECONNREFUSED\b|cannot connect to (?:server|host)|could not connect to|unable to connect|no route to host|connection reset by peer|dial tcp [^\s]+: (?:i\/o timeout|connect)/i,
    depth: 3,
    generic: false,
    clause: (context) => {
      const host = hostPortPattern.exec(context.match.line.text)?.[0];
      return host ? `${host} could not be reached` : 'a dependency could not be reached';
    },
    nextStep: (context) => {
      const host = hostPortPattern.exec(context.match.line.text)?.[0];
      return `Check that ${host ?? 'the dependency in the error'} is up and accepts connections from the job's targets (its endpoints, network policies and connection limits).`;
    },
  },
  {
    id: 'readiness',
    pattern: /readiness probe fail|\breadyz\b[^"]*fail|not ready after|never became ready|\b0\/\d+\s+ready\b/i,
    depth: 2,
    generic: false,
    clause: () => 'the new pods never passed their readiness check',
    nextStep: (context) => {
      const pod = podIn(context) ?? '<new pod>';
      return `Find out why the readiness check fails on the new pods (${kubectl(context.target, `describe pod ${pod}`)}, ${kubectl(context.target, `logs ${pod}`)}) and fix what it reports before re-running.`;
    },
  },
  {
    id: 'rollout-timeout',
    pattern: /timed out waiting for the condition|rollout (?:did not complete|timed out)|exceeded its progress deadline/i,
    depth: 1,
    generic: false,
    clause: () => 'the rollout did not complete within its timeout',
    nextStep: (context) =>
      `Check the state the rollout was left in (${kubectl(context.target, `rollout status ${deploymentRef(context.target)}`)}); if the new pods cannot become ready, undo it with ${kubectl(context.target, `rollout undo ${deploymentRef(context.target)}`)}.`,
  },
  {
    id: 'timeout',
    pattern: /timed? ?out\b|\btimeout\b|deadline exceeded/i,
    depth: 1,
    generic: true,
    clause: () => 'an operation timed out',
    nextStep: () => 'Find what the step was waiting for when it timed out, and whether its timeout is long enough for it.',
  },
];

/** Builds an automation digest from `grounding.execution` (and `grounding.job` for its name). */
export function extractAutomationDigest(grounding: Grounding): AutomationDigestOutput {
  const execution = grounding.execution;
  if (!execution) throw new GroundingError('automationDigest', 'an automation digest needs grounding.execution');
  const lines = execution.log.map((line, index) => ({ number: line.number ?? index + 1, line }));
  const outcome = outcomeOf(execution.status);
  const jobName = grounding.job?.name ?? execution.jobId;
  const failing = failingStepOf(execution);
  if (!failing) return withoutFailure(execution, lines, outcome, jobName);

  const stepLines = lines.filter(({ line }) => topLevelStepOf(line.step) === failing.number);
  const evidence = failureEvidence(stepLines.length > 0 ? stepLines : lines);
  const target = kubernetesTargetOf(lines);
  const matched = matchPatterns(stepLines.length > 0 ? stepLines : lines, target);
  const stepsRun = Math.max(0, ...lines.map(({ line }) => topLevelStepOf(line.step) ?? 0));
  const stepCount = Math.max(execution.steps.length, stepsRun, failing.number);
  const notRun = failing.number < stepCount && stepsRun <= failing.number ? stepsRange(failing.number + 1, stepCount) : null;
  const last = lines.at(-1);

  const verb = outcomeVerb[outcome];
  const summary = statement(
    `${jobName}: execution ${execution.id} ${verb} at step ${failing.number} of ${stepCount} (${failing.description})${durationOf(execution, 'after')}${notRun ? `; ${notRun} did not run` : ''}.`,
    [evidence[0] && cite(evidence[0]), last && cite(last)],
  );
  return {
    outcome,
    summary,
    failingStep: { number: failing.number, description: failing.description, citations: evidence.map((line) => cite(line)) },
    probableCause: probableCause(failing.number, matched, evidence, stepLines.at(-1) ?? last),
    nextSteps: nextSteps(failing.number, matched, lines, evidence, notRun).slice(0, maxNextSteps),
  };
}

const outcomeVerb: Record<ExecutionOutcome, string> = {
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  ABORTED: 'was aborted',
  TIMED_OUT: 'timed out',
  RUNNING: 'is running',
};

function withoutFailure(
  execution: JobExecution,
  lines: NumberedLine[],
  outcome: ExecutionOutcome,
  jobName: string,
): AutomationDigestOutput {
  const last = lines.at(-1);
  const stepsRun = new Set(lines.map(({ line }) => topLevelStepOf(line.step)).filter((step): step is number => step !== null)).size;
  const stepCount = Math.max(execution.steps.length, stepsRun);
  const warnings = distinct(lines.filter(({ line }) => line.level === 'WARN' || line.level === 'ERROR')).slice(0, 2);
  const text =
    outcome === 'RUNNING'
      ? `${jobName}: execution ${execution.id} is still running; ${stepsRun} of ${stepCount} steps have started.`
      : `${jobName}: execution ${execution.id} ${outcomeVerb[outcome]}; ${stepsRun} of ${stepCount} steps ran${durationOf(execution, 'in')}.`;
  const steps: Statement[] = warnings.map((warning) =>
    statement(`Review the ${warning.line.level === 'ERROR' ? 'error' : 'warning'} of step ${warning.line.step} at ${logLineId(warning.number)}: ${clip(keyTextOf(warning.line.text), 200)}`, [cite(warning)]),
  );
  if (outcome === 'RUNNING' && last) steps.push(statement(`Digest the execution again once it has finished; the log ends at ${logLineId(last.number)} for now.`, [cite(last)]));
  return {
    outcome,
    summary: statement(text, [last && cite(last)]),
    failingStep: null,
    probableCause: null,
    nextSteps: steps,
  };
}

/** The lines that show a failure: its first distinct ERROR lines, else WARN lines, else its last line. */
function failureEvidence(lines: NumberedLine[]): NumberedLine[] {
  const errors = distinct(lines.filter(({ line }) => line.level === 'ERROR'));
  if (errors.length > 0) return errors.slice(0, 3);
  const warnings = distinct(lines.filter(({ line }) => line.level === 'WARN'));
  if (warnings.length > 0) return warnings.slice(0, 2);
  const last = lines.at(-1);
  return last ? [last] : [];
}

/** Lines whose text differs beyond numbers, ids and times; the first of each kept. */
function distinct(lines: NumberedLine[]): NumberedLine[] {
  const seen = new Set<string>();
  return lines.filter(({ line }) => {
    const signature = logSignature(line.text);
    if (seen.has(signature)) return false;
    seen.add(signature);
    return true;
  });
}

interface MatchedPattern {
  pattern: FailurePattern;
  context: PatternContext;
}

/** Each known pattern the lines show, with its first line; generic ones only when nothing specific matched. */
function matchPatterns(lines: NumberedLine[], target: KubernetesTarget): MatchedPattern[] {
  // Commands echoed by the runner (VERBOSE) name what is looked at, not what went wrong.
  const candidates = lines.filter(({ line }) => line.level !== 'VERBOSE' && line.level !== 'DEBUG');
  const byPattern = new Map<FailurePattern, NumberedLine[]>();
  for (const candidate of candidates) {
    const pattern = failurePatterns.find((known) => known.pattern.test(candidate.line.text));
    if (pattern) byPattern.set(pattern, [...(byPattern.get(pattern) ?? []), candidate]);
  }
  const matched = [...byPattern.entries()].map(([pattern, found]) => ({ pattern, context: { match: found[0]!, lines: found, target } }));
  const specific = matched.filter((item) => !item.pattern.generic);
  const kept = specific.length > 0 ? specific : matched;
  // Deepest cause first; among equals, the one the log shows first.
  return kept.sort((a, b) => b.pattern.depth - a.pattern.depth || a.context.match.number - b.context.match.number);
}

function probableCause(step: number, matched: MatchedPattern[], evidence: NumberedLine[], lastOfStep: NumberedLine | undefined): Statement {
  if (matched.length === 0) {
    const first = evidence[0] ?? lastOfStep;
    if (!first) return statement(`Step ${step} failed; the log says nothing more about why.`);
    return first.line.level === 'ERROR'
      ? statement(`Step ${step} failed with: "${quoteOf(first)}".`, [cite(first)])
      : statement(`Step ${step} did not complete and the log shows no error; its last line is "${quoteOf(first)}".`, [cite(first)]);
  }
  const [deepest, ...shallower] = uniqueClauses(matched);
  const chain = shallower.map((item) => `, so ${item.pattern.clause(item.context)}`).join('');
  return statement(
    `Most likely ${deepest!.pattern.clause(deepest!.context)} ("${quoteOf(deepest!.context.match, deepest!.pattern.pattern)}")${chain}.`,
    [deepest!, ...shallower].map((item) => cite(item.context.match, item.pattern.pattern)),
  );
}

// Two specific patterns at the same depth both read as causes; keep the chain one per depth.
function uniqueClauses(matched: MatchedPattern[]): MatchedPattern[] {
  const seen = new Set<number>();
  return matched.filter((item) => {
    if (seen.has(item.pattern.depth)) return false;
    seen.add(item.pattern.depth);
    return true;
  });
}

// "To drop the surge pods run: kubectl ..." — runbooks often print the way out themselves.
const suggestedCommand = /\b(?:run|try|use)(?: this)?:\s*(`?)((?:kubectl|helm|aws|gcloud|az|systemctl|psql|curl|rd|rundeck)\b[^`]*)\1\s*$/i;

function nextSteps(
  step: number,
  matched: MatchedPattern[],
  lines: NumberedLine[],
  evidence: NumberedLine[],
  notRun: string | null,
): Statement[] {
  const steps: Statement[] = matched.map((item) => statement(item.pattern.nextStep(item.context), [cite(item.context.match, item.pattern.pattern)]));
  const suggestions = distinct(lines.filter(({ line }) => line.level !== 'VERBOSE' && suggestedCommand.test(line.text))).slice(0, 2);
  for (const suggestion of suggestions) {
    const command = suggestedCommand.exec(suggestion.line.text)![2]!.trim();
    const same = steps.find((step) => step.text.includes(command));
    // A step that says the same thing already: it rests on the job's own advice too.
    if (same) {
      same.citations.push(cite(suggestion, suggestedCommand));
      continue;
    }
    steps.push(statement(`The job itself suggests, once the cause is understood: \`${command}\`.`, [cite(suggestion, suggestedCommand)]));
  }
  const anchor = evidence[0];
  if (matched.length === 0 && anchor) {
    steps.push(statement(`Read the output of step ${step} around ${logLineId(anchor.number)} for the context of the error.`, [cite(anchor)]));
  }
  if (anchor) {
    const rest = notRun ? ` (${notRun} did not run)` : '';
    steps.push(statement(`Once the cause is fixed, re-run the job${rest} and confirm step ${step} completes.`, [cite(anchor)]));
  }
  return steps;
}

function kubernetesTargetOf(lines: NumberedLine[]): KubernetesTarget {
  let namespace: string | null = null;
  let deployment: string | null = null;
  let used = false;
  for (const { line } of lines) {
    if (!/\bkubectl\b/.test(line.text)) continue;
    used = true;
    namespace ??= /(?:\s-n\s+|--namespace[=\s]+)([a-z0-9][a-z0-9-]*)/.exec(line.text)?.[1] ?? null;
    deployment ??= /\b(?:deploy|deployment|deployments|deployment\.apps)\/([a-z0-9][a-z0-9.-]*)/.exec(line.text)?.[1] ?? null;
    if (namespace && deployment) break;
  }
  return { kubectl: used, namespace, deployment };
}

function stepsRange(from: number, to: number): string {
  return from === to ? `step ${from}` : `steps ${from}–${to}`;
}

/** " after 5 min 16 s" (or " in ..."), or nothing while the execution has not ended. */
function durationOf(execution: JobExecution, preposition: 'after' | 'in'): string {
  if (!execution.endedAt) return '';
  const seconds = Math.round((Date.parse(execution.endedAt) - Date.parse(execution.startedAt)) / 1000);
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  const parts = [
    [Math.floor(seconds / 3600), 'h'],
    [Math.floor(seconds / 60) % 60, 'min'],
    [seconds % 60, 's'],
  ] as const;
  const shown = parts.filter(([value], index) => value > 0 || (index === 2 && seconds === 0));
  return ` ${preposition} ${shown.map(([value, unit]) => `${value} ${unit}`).join(' ')}`;
}

/**
 * The part of a line that carries its message: for a JSON log line, its `error` (else
 * `msg`/`message`) field when that appears verbatim in the line; else the whole line.
 */
function keyTextOf(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return trimmed;
  try {
    const value = JSON.parse(trimmed) as Record<string, unknown>;
    for (const key of ['error', 'err', 'msg', 'message']) {
      const field = value[key];
      if (typeof field === 'string' && field.length > 0 && trimmed.includes(field)) return field;
    }
  } catch {
    // Not JSON after all: the line is its own message.
  }
  return trimmed;
}

/**
 * A verbatim quote of at most `maxExcerpt` characters: the line's message, cut around the
 * text `focus` matches when it is longer.
 */
function quoteOf(numbered: NumberedLine, focus?: RegExp): string {
  const message = keyTextOf(numbered.line.text).replace(/\s+/g, ' ').trim();
  const text = message.length > 0 ? message : numbered.line.text.replace(/\s+/g, ' ').trim();
  if (text.length <= maxExcerpt) return text;
  const at = focus ? Math.max(0, text.search(new RegExp(focus.source, focus.flags.replace('g', '')))) : 0;
  let start = Math.max(0, at - 40);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < at) start = space + 1;
  }
  let end = Math.min(text.length, start + maxExcerpt);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + maxExcerpt / 2) end = space;
  }
  return text.slice(start, end).trim();
}

const cite = (numbered: NumberedLine, focus?: RegExp): Citation => ({
  sourceType: 'LOG_LINE',
  sourceId: logLineId(numbered.number),
  excerpt: quoteOf(numbered, focus),
});

function statement(text: string, citations: (Citation | undefined)[] = []): Statement {
  const seen = new Set<string>();
  const unique = citations.filter((citation): citation is Citation => {
    if (!citation || seen.has(citation.sourceId)) return false;
    seen.add(citation.sourceId);
    return true;
  });
  return { text, citations: unique };
}

/** The automationDigest extractor. */
export const automationDigestExtractor: Extractor = {
  feature: 'automationDigest',
  extract: extractAutomationDigest,
};
