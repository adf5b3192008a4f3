/** The status update feature, registered once in `features/feature-modules.ts`. */
import { defineFeatureModule, schemaBeside } from '../common/feature-module.js';
import { statusUpdateExtractor } from './extractor.js';
import { statusUpdateFeature } from './feature.js';
import { statusUpdateResolvers } from './resolvers.js';
import { createStatusUpdateService } from './service.js';

export const statusUpdateModule = defineFeatureModule({
  feature: statusUpdateFeature,
  draftType: 'StatusUpdateDraft',
  extractor: statusUpdateExtractor,
  rootFields: { Mutation: { draftStatusUpdate: 'write', publishStatusUpdate: 'write' } },
  typeDefs: schemaBeside(import.meta.url),
  createService: createStatusUpdateService,
  resolvers: statusUpdateResolvers,
});
