/**
 * The offline runbook: the library runbook closest to the request (TF-IDF), filled with the
 * values the request and the incident give (service, namespace, region, host, device...).
 * Steps that do more than the request asks (a restart in a request for diagnostics) are left
 * out when the rest still does the job; the safety review flags whatever remains.
 */
import { classifyCommand, exceedsClass } from '../../guard/command-policy.js';
import type { RunbookOutput } from './output-schema.js';
import { requestedScope } from './requested-scope.js';
import { requestFacts } from './library/request-facts.js';
import { closestRunbook } from './library/retrieval.js';
import type { Grounding } from '../../llm/types.js';
import { GroundingError, type Extractor } from '../../llm/providers/extractive/extractor.js';

/** Builds a runbook job for `grounding.input.description` (and `grounding.incident`, if any). */
export function extractRunbook(grounding: Grounding): RunbookOutput {
  const description = grounding.input.description;
  if (typeof description !== 'string' || description.trim().length === 0) {
    throw new GroundingError('runbook', 'a runbook needs grounding.input.description');
  }
  const facts = requestFacts(description, grounding.incident ?? null);
  const retrieval = closestRunbook(description);
  const output = retrieval.runbook.build(facts);
  const scoped = withinRequest(output, description);
  if (retrieval.score > 0) return scoped;
  return {
    ...scoped,
    description: `${scoped.description} No library runbook matched the request closely, so this one only collects diagnostics; edit it to do what was asked.`,
  };
}

/** The runbook without the steps beyond the request, unless nothing would be left. */
function withinRequest(output: RunbookOutput, description: string): RunbookOutput {
  const { limit } = requestedScope(description);
  const steps = output.steps.filter((step) => !exceedsClass(classifyCommand(step.command).class, limit));
  if (steps.length === output.steps.length || steps.length === 0) return output;
  const used = (name: string): boolean => steps.some((step) => step.command.includes(`option.${name}`)) || (output.nodeFilter ?? '').includes(`option.${name}`);
  const kept = steps.map((step) => step.description.replace(/\.$/, '').replace(/^./, (first) => first.toLowerCase())).join('; ');
  return {
    ...output,
    name: `${output.name} (${limit === 'read-only' ? 'checks only' : 'without destructive steps'})`.slice(0, 120),
    description: `The ${limit === 'read-only' ? 'read-only' : 'non-destructive'} steps of the library runbook "${output.name}", since the request asks for no more: ${kept}.`,
    options: output.options.filter((option) => used(option.name)),
    steps,
    keepGoing: steps.every((step) => classifyCommand(step.command).class === 'read-only') ? true : output.keepGoing,
  };
}

/** The runbook extractor. */
export const runbookExtractor: Extractor = {
  feature: 'runbook',
  extract: extractRunbook,
};
