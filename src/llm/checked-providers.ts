import { checkRoutingFeatures } from '../config/routing-features.js';
import type { LlmManagerOptions } from './manager-options.js';
import { validateRouting } from './route.js';
import type { LlmProvider } from './types.js';

/**
 * The manager's providers by id, after the start-up checks: ids are unique, the routing file
 * names only these providers and, when the registered features are given, only those features.
 */
export function checkedProviders(options: Pick<LlmManagerOptions, 'providers' | 'routing' | 'features'>): Map<string, LlmProvider> {
  const providers = new Map<string, LlmProvider>();
  for (const provider of options.providers) {
    if (providers.has(provider.id)) throw new Error(`LLM Manager: two providers share the id "${provider.id}".`);
    providers.set(provider.id, provider);
  }
  if (options.features) checkRoutingFeatures(options.routing, options.features);
  validateRouting(options.routing, [...providers.keys()]);
  return providers;
}
