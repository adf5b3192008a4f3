/** The runbook feature, registered once in `features/feature-modules.ts`. */
import { defineFeatureModule, schemaBeside } from '../common/feature-module.js';
import { runbookExtractor } from './extractor.js';
import { runbookFeature } from './feature.js';
import { runbookResolvers } from './resolvers.js';
import { createRunbookService } from './service.js';

export const runbookModule = defineFeatureModule({
  feature: runbookFeature,
  draftType: 'RunbookJobDraft',
  extractor: runbookExtractor,
  rootFields: { Mutation: { generateRunbookJob: 'write', publishRunbookJob: 'admin' } },
  typeDefs: schemaBeside(import.meta.url),
  createService: createRunbookService,
  resolvers: runbookResolvers,
});
