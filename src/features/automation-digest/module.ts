/** The automation digest feature, registered once in `features/feature-modules.ts`. */
import { defineFeatureModule, schemaBeside } from '../common/feature-module.js';
import { automationDigestExtractor } from './extractor.js';
import { automationDigestFeature } from './feature.js';
import { automationDigestResolvers } from './resolvers.js';
import { createAutomationDigestService } from './service.js';

export const automationDigestModule = defineFeatureModule({
  feature: automationDigestFeature,
  draftType: 'AutomationDigest',
  extractor: automationDigestExtractor,
  rootFields: { Mutation: { digestJobExecution: 'write' } },
  typeDefs: schemaBeside(import.meta.url),
  createService: createAutomationDigestService,
  resolvers: automationDigestResolvers,
});
