import { GroundingError, type Extractor } from './extractor.js';

/** The automationDigest extractor (to be built with its feature). */
export const automationDigestExtractor: Extractor = {
  feature: 'automationDigest',
  extract() {
    throw new GroundingError('automationDigest', 'the extractive engine has no automationDigest extractor yet');
  },
};
