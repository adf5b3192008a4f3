import { GroundingError, type Extractor } from './extractor.js';

/** The assistant extractor (to be built with its feature). */
export const assistantExtractor: Extractor = {
  feature: 'assistant',
  extract() {
    throw new GroundingError('assistant', 'the extractive engine has no assistant extractor yet');
  },
};
