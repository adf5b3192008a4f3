/**
 * The routing file's feature names against the registered features. The file is parsed before
 * the features are known (`loadConfig`), so its names are only shaped there; this check runs
 * at start-up, when `app.ts` builds the LLM Manager with the registered modules' names.
 */
import type { FeatureName } from './feature-names.js';
import { ConfigError } from './index.js';
import type { RoutingConfig } from './llm-routing.js';

/** The places of a routing config that are keyed by feature name, e.g. `normalPriority.features.runbook`. */
function routedFeatureNames(routing: RoutingConfig): { place: string; feature: string }[] {
  const keyed = (prefix: string, section: Readonly<Record<string, unknown>> | undefined) => Object.keys(section ?? {}).map((feature) => ({ place: `${prefix}.${feature}`, feature }));
  return [...keyed('features', routing.features), ...keyed('normalPriority.features', routing.normalPriority?.features), ...keyed('experiments', routing.experiments), ...keyed('resilience.features', routing.resilience.features)];
}

/** Refuses a routing config that names a feature no module registers, with a ConfigError naming the place. */
export function checkRoutingFeatures(routing: RoutingConfig, registered: readonly FeatureName[]): void {
  const known = new Set(registered);
  const unknown = routedFeatureNames(routing).filter(({ feature }) => !known.has(feature));
  if (unknown.length === 0) return;
  throw new ConfigError(
    `LLM routing: ${unknown.map(({ place, feature }) => `"${place}" names feature "${feature}"`).join(', ')}, which is not registered ` +
      `(registered features: ${registered.map((name) => `"${name}"`).join(', ')}).`,
  );
}
