import type { Feature } from '../common/feature.js';
import { incidentSourceIds } from '../common/incident-prompt-data.js';
import { checkPostmortem } from './check.js';
import type { CondensedTimeline } from './condensed-timeline.js';
import { postmortemOutputSchema, type PostmortemOutput } from './output-schema.js';
import { currentPostmortemPrompt, postmortemOutputSpecs, postmortemPrompts, type PostmortemInput } from './prompt.js';
import { renderPostmortem } from './render.js';
import { postmortemBudget, type PostmortemBudget } from './token-budget.js';

/** `grounding.input.stage` of the final request (the map requests have their own). */
export const postmortemStage = 'postmortem';

/**
 * The postmortem feature: an incident (and, for a long one, its condensed timeline) in, a
 * cited postmortem out. Built for a token budget, which its prompt always fits.
 *
 * The condensed timeline is held by the feature object, not the input: the input is stored
 * with the draft whatever the account's retention policy, and the events are incident text.
 */
export function createPostmortemFeature(
  budget: PostmortemBudget = postmortemBudget,
  condensed: CondensedTimeline | null = null,
): Feature<PostmortemInput, PostmortemOutput> {
  return {
    name: 'postmortem',
    kind: 'POSTMORTEM',
    promptVersion: currentPostmortemPrompt,
    outputSchema: postmortemOutputSchema,
    outputSpec: postmortemOutputSpecs[currentPostmortemPrompt],
    maxOutputTokens: budget.finalOutputTokens,
    temperature: 0.2,
    buildPrompt: (context, spotlight) => postmortemPrompts[currentPostmortemPrompt](context, spotlight, budget, condensed),
    // The extractive engine reads the whole incident: it has no context to run out of.
    grounding: (context) => ({
      ...(context.incident && { incident: context.incident }),
      input: { stage: postmortemStage, preliminary: context.input.preliminary },
    }),
    sourceIds: (context) => (context.incident ? incidentSourceIds(context.incident) : new Map()),
    check: (output, context) => (context.incident ? checkPostmortem(output, context.incident, condensed?.events ?? []) : []),
    render: (output, input) => renderPostmortem(output, input),
  };
}
