import type { Feature } from '../../../src/features/common/feature.js';
import { incidentSourceIds } from '../../../src/features/common/incident-prompt-data.js';
import { toyOutputSchema, toyOutputSpec, type ToyOutput } from './output-schema.js';
import { currentToyPrompt, toyPrompts, type ToyInput } from './prompt.js';
import { renderToy } from './render.js';

// Its name and draft kind: the registered modules are the vocabulary (docs/features.md).
export const toyFeatureName = 'toy';
export const toyDraftKind = 'TOY';

export const toyFeature: Feature<ToyInput, ToyOutput> = {
  name: toyFeatureName,
  kind: toyDraftKind,
  promptVersion: currentToyPrompt,
  outputSchema: toyOutputSchema,
  outputSpec: toyOutputSpec,
  maxOutputTokens: 500,
  temperature: 0.1,
  buildPrompt: (context, spotlight) => toyPrompts[currentToyPrompt](context, spotlight),
  grounding: (context) => ({ ...(context.incident && { incident: context.incident }), input: { incidentId: context.input.incidentId } }),
  sourceIds: (context) => (context.incident ? incidentSourceIds(context.incident) : new Map()),
  render: (output) => renderToy(output),
};
