/**
 * The offline runbook: the library runbook closest to the request (TF-IDF), filled with the
 * values the request and the incident give (service, namespace, region, host, device...).
 * Steps that do more than the request asks (a restart in a request for diagnostics) are left
 * out when the rest still does the job; the safety review flags whatever remains.
 */
import { classifyCommand, exceedsClass } from '../../guard/command-policy.js';
import type { LibraryRunbookOutput, RunbookOutput } from './output-schema.js';
import { libraryCovers, reachesRequest } from './request-match.js';
import { requestedScope } from './requested-scope.js';
import { withoutInventedDefaults } from './given-values.js';
import { requestFacts } from './library/request-facts.js';
import { closestRunbook } from './library/retrieval.js';
import type { Grounding } from '../../llm/types.js';
import { GroundingError, type Extractor } from '../../llm/providers/extractive/extractor.js';

/**
 * Builds a runbook job for `grounding.input.description` (and `grounding.incident`, if any).
 * When no library runbook does what the request asks, the job says so (`matched: false`) and
 * the draft's first line repeats it; it never passes another job off as the one asked for.
 */
export function extractRunbook(grounding: Grounding): RunbookOutput {
  const description = grounding.input.description;
  if (typeof description !== 'string' || description.trim().length === 0) {
    throw new GroundingError('runbook', 'a runbook needs grounding.input.description');
  }
  const requested = requestedScope(description);
  // What a destructive job acts on (host, device, path) must be named by the request: an
  // incident's alert may name another host's disk.
  const facts = requestFacts(description, grounding.incident ?? null, { targetsFromRequestOnly: requested.limit === 'destructive' });
  const retrieval = closestRunbook(description);
  const scoped = withinRequest(retrieval.runbook.build(facts), description);
  const library = libraryCovers(description, requested, retrieval);
  const match = library.matched ? reachesRequest(requested, scoped.steps.map((step) => classifyCommand(step.command).class)) : library;
  // The same rule the feature applies to a model's job, applied here so what streams is already final.
  const withoutGuesses = (output: RunbookOutput) => withoutInventedDefaults(output, description, grounding.incident ?? null);
  if (match.matched) return withoutGuesses({ matched: true, ...scoped });
  return withoutGuesses({
    matched: false,
    ...scoped,
    description: `No runbook matches the request: ${match.reason}. The steps below are "${scoped.name}" from the library, not what was asked; edit the job or write it by hand. ${scoped.description}`,
  });
}

/** The runbook without the steps beyond the request, unless nothing would be left. */
function withinRequest(output: LibraryRunbookOutput, description: string): LibraryRunbookOutput {
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
