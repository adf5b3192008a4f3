import type { Feature } from '../../../src/features/common/feature.js';
import { incidentSourceIds } from '../../../src/features/common/incident-prompt-data.js';
import type { FeatureName } from '../../../src/llm/types.js';
import type { DraftKind } from '../../../src/store/types.js';
import { toyOutputSchema, toyOutputSpec, type ToyOutput } from './output-schema.js';
import { currentToyPrompt, toyPrompts, type ToyInput } from './prompt.js';
import { renderToy } from './render.js';

// A real sixth feature adds its name to config/feature-names.ts and its kind to DraftKind
// (docs/features.md, "Vocabulary"); the toy borrows them for the test only (see toy-feature.test.ts).
export const toyFeatureName = 'toy' as FeatureName;
export const toyDraftKind = 'TOY' as DraftKind;

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
