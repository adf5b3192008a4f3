/** The postmortem feature, registered once in `features/feature-modules.ts`. */
import { defineFeatureModule, schemaBeside } from '../common/feature-module.js';
import { postmortemExtractor } from './extractor.js';
import { createPostmortemFeature } from './feature.js';
import { postmortemResolvers } from './resolvers.js';
import { createPostmortemService } from './service.js';

export const postmortemModule = defineFeatureModule({
  // The default budget: the module reads only the feature's name, kind and output schema.
  feature: createPostmortemFeature(),
  draftType: 'PostmortemDraft',
  extractor: postmortemExtractor,
  rootFields: { Mutation: { generatePostmortem: 'write' } },
  typeDefs: schemaBeside(import.meta.url),
  createService: createPostmortemService,
  resolvers: postmortemResolvers,
});
