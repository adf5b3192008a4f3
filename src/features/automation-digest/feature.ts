import type { JobExecution } from '../../incidents/types.js';
import type { Feature } from '../common/feature.js';
import { failedOutcomes, lineNumberOf, lineNumberOfId, logLineId, outcomeOf } from './execution-facts.js';
import { automationDigestOutputSchema, type AutomationDigestOutput } from './output-schema.js';
import { automationDigestOutputSpecs, automationDigestPrompts, currentAutomationDigestPrompt, type AutomationDigestInput } from './prompt.js';
import { renderAutomationDigest } from './render.js';

/** The automation digest feature: a job execution's log in, a cited digest of it out. */
export const automationDigestFeature: Feature<AutomationDigestInput, AutomationDigestOutput> = {
  name: 'automationDigest',
  kind: 'AUTOMATION_DIGEST',
  promptVersion: currentAutomationDigestPrompt,
  outputSchema: automationDigestOutputSchema,
  outputSpec: automationDigestOutputSpecs[currentAutomationDigestPrompt],
  maxOutputTokens: 1_500,
  temperature: 0.1,
  buildPrompt: (context, spotlight) => automationDigestPrompts[currentAutomationDigestPrompt](context, spotlight),
  grounding: (context) => ({
    ...(context.job && { job: context.job }),
    ...(context.execution && { execution: context.execution }),
    input: { jobId: context.input.jobId, executionId: context.input.executionId },
  }),
  sourceIds: (context) => new Map([['LOG_LINE', logLineIds(context.execution)]]),
  check: (output, context) => (context.execution ? digestProblems(output, context.execution) : []),
  render: (output, input) => renderAutomationDigest(output, input),
};

/** Every line of the execution log, as a citation may name it. */
function logLineIds(execution: JobExecution | null): Set<string> {
  const ids = new Set<string>();
  execution?.log.forEach((line, index) => ids.add(logLineId(lineNumberOf(line, index))));
  return ids;
}

/**
 * What a schema-valid digest may still get wrong about the execution: an outcome other than
 * the recorded one, a failing step where none failed (or none where one did), a step the job
 * does not have, a quote that is not in the line it cites.
 */
export function digestProblems(output: AutomationDigestOutput, execution: JobExecution): string[] {
  const problems: string[] = [];
  const recorded = outcomeOf(execution.status);
  if (output.outcome !== recorded) problems.push(`outcome is ${output.outcome} but the execution's recorded outcome is ${recorded}`);
  if (!failedOutcomes.has(recorded) && output.failingStep !== null) problems.push(`failingStep must be null for a ${recorded} execution`);
  if (recorded !== 'ABORTED' && failedOutcomes.has(recorded) && output.failingStep === null) {
    problems.push(`failingStep is null but the execution ended ${recorded}`);
  }
  const step = output.failingStep;
  if (step && execution.steps.length > 0 && !execution.steps.some((defined) => defined.number === step.number)) {
    problems.push(`failingStep.number ${step.number} is not a step of the job (steps ${execution.steps.map((defined) => defined.number).join(', ')})`);
  }
  const byNumber = new Map(execution.log.map((line, index) => [lineNumberOf(line, index), line]));
  for (const citation of logLineCitations(output)) {
    const number = lineNumberOfId(citation.sourceId);
    const line = number === null ? undefined : byNumber.get(number);
    // Unknown ids are reported by the citation check already.
    if (line && !quotes(line.text, citation.excerpt)) {
      problems.push(`the excerpt cited for ${citation.sourceId} is not a verbatim quote of that line`);
    }
  }
  return problems;
}

function logLineCitations(output: AutomationDigestOutput): { sourceId: string; excerpt: string }[] {
  const statements = [output.summary, output.failingStep, output.probableCause, ...output.nextSteps];
  return statements.flatMap((statement) => (statement ? statement.citations.filter((citation) => citation.sourceType === 'LOG_LINE') : []));
}

const normalized = (text: string): string => text.replace(/\u23CE/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();

// A model may shorten a long line with an ellipsis or wrap the quote in quotation marks;
// every remaining piece must still be in the line.
function quotes(lineText: string, excerpt: string): boolean {
  const line = normalized(lineText);
  const pieces = excerpt
    .split(/…|\.\.\.|\[\+\d+ chars\]/)
    .map((piece) => normalized(piece).replace(/^["'`“”]+|["'`“”]+$/g, '').trim())
    .filter((piece) => piece.length > 0);
  return pieces.length > 0 && pieces.every((piece) => line.includes(piece));
}
