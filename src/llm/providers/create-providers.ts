import type { AppConfig } from '../../config/index.js';
import type { LlmProvider } from '../types.js';
import { createBedrockProvider } from './bedrock-provider.js';
import { createExtractiveProvider } from './extractive-provider.js';
import type { ExtractorRegistry } from './extractive/registry.js';
import { createOpenAiProvider } from './openai-provider.js';

/** One provider instance per entry of the routing config's `providers`; the extractive engine answers with `extractors`. */
export function createProviders(config: AppConfig, extractors: ExtractorRegistry): LlmProvider[] {
  return Object.entries(config.routing.providers).map(([id, provider]): LlmProvider => {
    switch (provider.kind) {
      case 'openai': {
        const apiKey = config.providerSecrets[provider.apiKeyEnv];
        if (!apiKey) throw new Error(`provider "${id}": environment variable ${provider.apiKeyEnv} (its API key) is not set`);
        return createOpenAiProvider({
          id,
          apiKey,
          ...(provider.baseURL && { baseURL: provider.baseURL }),
          selfHosted: provider.selfHosted,
          structuredOutputs: provider.structuredOutputs,
        });
      }
      case 'bedrock':
        return createBedrockProvider({
          id,
          region: provider.region,
          ...(provider.endpoint && { endpoint: provider.endpoint }),
          selfHosted: provider.selfHosted,
        });
      case 'extractive':
        return createExtractiveProvider({ id, extractors });
    }
  });
}
