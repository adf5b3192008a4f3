/**
 * The offline engine's extractors, one per feature, each living in its feature's folder.
 * `app.ts` hands this registry to the extractive provider, so `llm/` never imports a feature.
 */
import { createExtractorRegistry, type ExtractorRegistry } from '../llm/providers/extractive/registry.js';
import { assistantExtractor } from './assistant/extractor.js';
import { automationDigestExtractor } from './automation-digest/extractor.js';
import { postmortemExtractor } from './postmortem/extractor.js';
import { runbookExtractor } from './runbook/extractor.js';
import { statusUpdateExtractor } from './status-update/extractor.js';

/** One extractor per feature. */
export const defaultExtractors: ExtractorRegistry = createExtractorRegistry([
  statusUpdateExtractor,
  postmortemExtractor,
  runbookExtractor,
  assistantExtractor,
  automationDigestExtractor,
]);
