/**
 * The registered features: the one place a feature is listed. `app.ts` builds the extractive
 * engine, the services, the GraphQL resolvers and the permissions of their root fields from
 * this list (`createApp(config, logger, { features })` takes another one, e.g. with a toy).
 */
import { createExtractorRegistry, type ExtractorRegistry } from '../llm/providers/extractive/registry.js';
import { assistantModule } from './assistant/module.js';
import { automationDigestModule } from './automation-digest/module.js';
import type { FeatureModule } from './common/feature-module.js';
import { postmortemModule } from './postmortem/module.js';
import { runbookModule } from './runbook/module.js';
import { statusUpdateModule } from './status-update/module.js';

export const featureModules: readonly FeatureModule[] = [statusUpdateModule, postmortemModule, runbookModule, assistantModule, automationDigestModule];

/** The offline engine's extractors of the given features (one per feature). */
export const extractorsOf = (modules: readonly FeatureModule[]): ExtractorRegistry => createExtractorRegistry(modules.map((module) => module.extractor));

/** The extractors of the registered features. */
export const defaultExtractors: ExtractorRegistry = extractorsOf(featureModules);
