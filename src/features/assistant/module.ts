/** The assistant feature, registered once in `features/feature-modules.ts`. */
import { defineFeatureModule, schemaBeside } from '../common/feature-module.js';
import { assistantExtractor } from './extractor.js';
import { assistantFeature } from './feature.js';
import { assistantResolvers } from './resolvers.js';
import { createAssistantService } from './service.js';

export const assistantModule = defineFeatureModule({
  feature: assistantFeature,
  draftType: 'AssistantAnswer',
  extractor: assistantExtractor,
  rootFields: { Mutation: { askAssistant: 'write' } },
  typeDefs: schemaBeside(import.meta.url),
  createService: (dependencies) => createAssistantService(dependencies),
  resolvers: assistantResolvers,
});
