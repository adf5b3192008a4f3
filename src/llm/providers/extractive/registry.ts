/**
 * Which extractor answers which feature. A feature without an entry is answered with a
 * `bad_request` error, so the manager's chain fails typed instead of producing junk.
 */
import type { FeatureName } from '../../types.js';
import type { Extractor } from './extractor.js';

/** Extractors by feature name. */
export type ExtractorRegistry = Readonly<Partial<Record<FeatureName, Extractor>>>;

/** A registry of the given extractors; two extractors for one feature are a programming error. */
export function createExtractorRegistry(extractors: readonly Extractor[]): ExtractorRegistry {
  const registry: Partial<Record<FeatureName, Extractor>> = {};
  for (const extractor of extractors) {
    if (registry[extractor.feature]) throw new Error(`two extractors registered for feature "${extractor.feature}"`);
    registry[extractor.feature] = extractor;
  }
  return Object.freeze(registry);
}
