/** The toy feature, as docs/features.md says a feature is built: one folder, one module. */
import { defineFeatureModule, schemaBeside } from '../../../src/features/common/feature-module.js';
import { toyExtractor } from './extractor.js';
import { toyFeature } from './feature.js';
import { toyResolvers } from './resolvers.js';
import { createToyService } from './service.js';

export const toyModule = defineFeatureModule({
  feature: toyFeature,
  draftType: 'ToyDraft',
  extractor: toyExtractor,
  rootFields: { Mutation: { draftToy: 'write' } },
  typeDefs: schemaBeside(import.meta.url),
  createService: createToyService,
  resolvers: toyResolvers,
});
