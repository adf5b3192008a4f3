import type { Feature } from '../common/feature.js';
import { incidentSourceIds } from '../common/incident-prompt-data.js';
import { statusUpdateOutputSchema, statusUpdateOutputSpec, type StatusUpdateOutput } from './output-schema.js';
import { currentStatusUpdatePrompt, statusUpdatePrompts, type StatusUpdateInput } from './prompt.js';
import { renderStatusUpdate } from './render.js';
import { findNonPublicText, scrubPublicText, type PublicTextOptions } from '../../guard/public-text.js';
import type { FeatureContext } from '../common/feature.js';
import type { Statement } from '../common/citation.js';
import type { Incident } from '../../incidents/types.js';

/**
 * People's names known from the incident: a PUBLIC update names none of them. Made once per
 * incident object (a streamed PUBLIC update asks at every chunk); the incident is shared and read-only.
 */
function publicTextOptions(context: FeatureContext<StatusUpdateInput>): PublicTextOptions {
  const incident = context.incident;
  if (!incident) return {};
  let options = publicTextOptionsByIncident.get(incident);
  if (!options) {
    const names = new Set<string>([...incident.assignees.map((person) => person.name), ...incident.notes.map((note) => note.author.name)]);
    publicTextOptionsByIncident.set(incident, (options = { names: [...names] }));
  }
  return options;
}

const publicTextOptionsByIncident = new WeakMap<Incident, PublicTextOptions>();

/** Everything of an update a reader sees, excerpts included. */
function renderWithExcerpts(output: StatusUpdateOutput): string {
  const statements = [output.summary, output.impact, ...output.actions];
  return [renderStatusUpdate(output), ...statements.flatMap((statement) => statement.citations.map((citation) => citation.excerpt))].join('\n');
}

/** The status update feature: an incident and an audience in, a cited update out. */
export const statusUpdateFeature: Feature<StatusUpdateInput, StatusUpdateOutput> = {
  name: 'statusUpdate',
  kind: 'STATUS_UPDATE',
  freeTextInput: ['guidance'],
  promptVersion: currentStatusUpdatePrompt,
  outputSchema: statusUpdateOutputSchema,
  outputSpec: statusUpdateOutputSpec,
  maxOutputTokens: 1_200,
  temperature: 0.2,
  buildPrompt: (context, spotlight) => statusUpdatePrompts[currentStatusUpdatePrompt](context, spotlight),
  // Not `{ ...(incident && { incident }), input }`: see object-spread.ts.
  grounding: (context) => {
    const input = { audience: context.input.audience, guidance: context.input.guidance };
    return context.incident ? { incident: context.incident, input } : { input };
  },
  sourceIds: (context) => (context.incident ? incidentSourceIds(context.incident) : new Map()),
  check(output, context) {
    if (context.input.audience !== 'PUBLIC') return [];
    return findNonPublicText(renderWithExcerpts(output), publicTextOptions(context)).map(
      (match) => `a PUBLIC update must not contain ${match.kind.replaceAll('_', ' ')} "${match.text}"`,
    );
  },
  sanitize(output, context) {
    if (context.input.audience !== 'PUBLIC') return output;
    const options = publicTextOptions(context);
    const clean = (statement: Statement): Statement => ({
      ...statement,
      text: scrubPublicText(statement.text, options),
      citations: statement.citations.map((citation) => ({ ...citation, excerpt: scrubPublicText(citation.excerpt, options) })),
    });
    return { ...output, title: scrubPublicText(output.title, options), summary: clean(output.summary), impact: clean(output.impact), actions: output.actions.map(clean) };
  },
  streamGuard: (textSoFar, context) => context.input.audience !== 'PUBLIC' || findNonPublicText(textSoFar, publicTextOptions(context)).length === 0,
  render: (output) => renderStatusUpdate(output),
};
