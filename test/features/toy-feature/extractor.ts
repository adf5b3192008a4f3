/** The toy's offline engine: the incident's title and its notes, each citing itself. */
import { GroundingError, type Extractor } from '../../../src/llm/providers/extractive/extractor.js';
import { toyFeatureName } from './feature.js';
import type { ToyOutput } from './output-schema.js';

export const toyExtractor: Extractor = {
  feature: toyFeatureName,
  extract(grounding): ToyOutput {
    const incident = grounding.incident;
    if (!incident) throw new GroundingError(toyFeatureName, 'the toy feature needs an incident');
    return {
      headline: incident.title,
      facts: incident.notes.map((note) => ({ text: note.content, citations: [{ sourceType: 'NOTE', sourceId: note.id, excerpt: note.content.slice(0, 80) }] })),
    };
  },
};
