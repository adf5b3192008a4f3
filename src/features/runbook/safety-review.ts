/**
 * The safety review of a runbook: every step through the command policy, the steps the
 * request did not ask for, and the Rundeck mistakes a repair can fix. The draft generator
 * asks for a repair on its problems; what is left decides `requiresApproval`.
 */
import { classifyCommand, exceedsClass, type CommandClass, type CommandSafety } from '../../guard/command-policy.js';
import type { DeepPartial } from '../common/feature.js';
import type { RunbookOutput, RunbookStep } from './output-schema.js';
import { reachesRequest, type RequestMatch } from './request-match.js';
import { requestedScope, scopeLabel, type RequestedScope } from './requested-scope.js';

/** The review of one step. */
export interface StepReview {
  /** 1-based position in the job. */
  order: number;
  safety: CommandSafety;
  /** The step does more than the request asks for. */
  beyondRequest: boolean;
}

export interface RunbookReview {
  steps: StepReview[];
  requested: RequestedScope;
  /** Whether the job does what the request asks (the engine's word can only lower it). */
  match: RequestMatch;
  /**
   * True when a step is destructive, a step does more than the request asks, the request
   * itself asks for destructive work, or the job does not do what was asked.
   */
  requiresApproval: boolean;
  /** One sentence per reason, for the approver. */
  approvalReasons: string[];
  /** What a repair should fix; empty when the runbook is fine. */
  problems: string[];
}

const classWords: Record<CommandClass, string> = {
  'read-only': 'only reads',
  'changes-state': 'changes state',
  destructive: 'is destructive',
};

/** Reviews a complete runbook against the request it answers. */
export function reviewRunbook(output: RunbookOutput, request: string): RunbookReview {
  const requested = requestedScope(request);
  const steps = output.steps.map((step, index): StepReview => {
    const safety = classifyStep(step.command);
    return { order: index + 1, safety, beyondRequest: exceedsClass(safety.class, requested.limit) };
  });
  const approvalReasons: string[] = [];
  const problems: string[] = [];
  const reached = reachesRequest(requested, steps.map((step) => step.safety.class));
  const match: RequestMatch = output.matched === false && reached.matched ? { matched: false, reason: 'the engine found no runbook that does what the request asks' } : reached;
  // The request's own class counts whatever the steps are: a job answering "wipe the disk" is
  // approved by a person even if its steps came out harmless.
  if (requested.limit === 'destructive' && !steps.some((step) => step.safety.class === 'destructive')) approvalReasons.push(`The request asks for destructive work ("${requested.evidence ?? ''}"): a person approves the job whatever its steps.`);
  if (!match.matched) approvalReasons.push(`The job does not do what the request asks (${match.reason}): a person checks it before it runs.`);
  for (const step of steps) {
    const command = shortCommand(output.steps[step.order - 1]!);
    if (step.safety.class === 'destructive') approvalReasons.push(`Step ${step.order} is destructive: ${step.safety.reasons.join('; ')}`);
    if (step.beyondRequest) {
      approvalReasons.push(`Step ${step.order} (${command}) ${classWords[step.safety.class]}, but the request asks only for ${scopeLabel(requested)}.`);
      problems.push(
        `step ${step.order} (${command}) ${classWords[step.safety.class]} (${step.safety.reasons[0] ?? 'see the command policy'}), but the request asks only for ${scopeLabel(requested)}: remove the step or replace it with a ${requested.limit} command`,
      );
    }
  }
  problems.push(...optionProblems(output));
  if (output.keepGoing && steps.some((step) => step.safety.class !== 'read-only')) {
    problems.push('keepGoing must be false when a step changes state: a failed change must stop the job');
  }
  return { steps, requested, match, requiresApproval: approvalReasons.length > 0, approvalReasons, problems };
}

/** The class of a single step, or null while its command is still incomplete. */
export function stepSafety(step: DeepPartial<RunbookStep>): CommandSafety | null {
  return typeof step.command === 'string' && step.command.trim().length > 0 ? classifyStep(step.command) : null;
}

const cacheLimit = 512;
const verdicts = new Map<string, CommandSafety>();

// A streamed draft is rendered on every delta: the same finished steps are classified again and again.
function classifyStep(command: string): CommandSafety {
  const cached = verdicts.get(command);
  if (cached) return cached;
  const verdict = classifyCommand(command);
  if (verdicts.size >= cacheLimit) verdicts.delete(verdicts.keys().next().value!);
  verdicts.set(command, verdict);
  return verdict;
}

const commandReference = /\$\{option\.([A-Za-z0-9_.-]+)\}/g;
const scriptReference = /@option\.([A-Za-z0-9_.-]+)@/g;
const environmentReference = /\$\{?RD_OPTION_([A-Z0-9_]+)\}?/g;

/** Options used but not declared, declared twice, or referenced with the other step kind's syntax. */
function optionProblems(output: RunbookOutput): string[] {
  const problems: string[] = [];
  const names = output.options.map((option) => option.name);
  const declared = new Set(names);
  const environmentNames = new Set(names.map((name) => name.toUpperCase().replace(/[^A-Z0-9]/g, '_')));
  for (const name of new Set(names.filter((name, index) => names.indexOf(name) !== index))) problems.push(`the option "${name}" is declared twice`);
  output.steps.forEach((step, index) => {
    const order = index + 1;
    for (const [, name] of step.command.matchAll(commandReference)) {
      if (!declared.has(name!)) problems.push(`step ${order} uses the option "${name}", which is not declared in options`);
      if (step.kind === 'script') problems.push(`step ${order} is a script step: Rundeck does not expand \${option.${name}} in scripts; write @option.${name}@ instead`);
    }
    for (const [, name] of step.command.matchAll(scriptReference)) {
      if (!declared.has(name!)) problems.push(`step ${order} uses the option "${name}", which is not declared in options`);
      if (step.kind === 'command') problems.push(`step ${order} is a command step: Rundeck expands options there as \${option.${name}}, not @option.${name}@`);
    }
    for (const [, name] of step.command.matchAll(environmentReference)) {
      if (!environmentNames.has(name!)) problems.push(`step ${order} uses $RD_OPTION_${name}, but no declared option has that name`);
    }
  });
  return [...new Set(problems)];
}

function shortCommand(step: RunbookStep): string {
  const firstLine = step.command.split('\n').find((line) => line.trim().length > 0 && !line.startsWith('#!')) ?? step.command;
  const text = firstLine.trim();
  const clipped = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  return step.kind === 'script' ? `script starting \`${clipped}\`` : `\`${clipped}\``;
}
