import { GroundingError, type Extractor } from './extractor.js';

/** The runbook extractor (to be built with its feature). */
export const runbookExtractor: Extractor = {
  feature: 'runbook',
  extract() {
    throw new GroundingError('runbook', 'the extractive engine has no runbook extractor yet');
  },
};
