import { GroundingError, type Extractor } from './extractor.js';

/** The postmortem extractor (to be built with its feature). */
export const postmortemExtractor: Extractor = {
  feature: 'postmortem',
  extract() {
    throw new GroundingError('postmortem', 'the extractive engine has no postmortem extractor yet');
  },
};
