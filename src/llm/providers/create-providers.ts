import type { AppConfig } from '../../config/index.js';
import type { LlmProvider } from '../types.js';
import { createExtractiveProvider } from './extractive-provider.js';
import type { ExtractorRegistry } from './extractive/registry.js';

/**
 * One provider instance per entry of the routing config's `providers`; the extractive engine answers with `extractors`.
 * A provider's SDK is loaded only when the config names that kind: the Bedrock and OpenAI SDKs cost start-up time and
 * memory (stack-notes 37) that a deployment without them should not pay.
 */
export async function createProviders(config: AppConfig, extractors: ExtractorRegistry): Promise<LlmProvider[]> {
  const providers: LlmProvider[] = [];
  for (const [id, provider] of Object.entries(config.routing.providers)) {
    switch (provider.kind) {
      case 'openai': {
        const apiKey = config.providerSecrets[provider.apiKeyEnv];
        if (!apiKey) throw new Error(`provider "${id}": environment variable ${provider.apiKeyEnv} (its API key) is not set`);
        const { createOpenAiProvider } = await import('./openai-provider.js');
        providers.push(
          createOpenAiProvider({
            id,
            apiKey,
            ...(provider.baseURL && { baseURL: provider.baseURL }),
            selfHosted: provider.selfHosted,
            structuredOutputs: provider.structuredOutputs,
          }),
        );
        break;
      }
      case 'bedrock': {
        const { createBedrockProvider } = await import('./bedrock-provider.js');
        providers.push(
          createBedrockProvider({
            id,
            region: provider.region,
            ...(provider.endpoint && { endpoint: provider.endpoint }),
            selfHosted: provider.selfHosted,
          }),
        );
        break;
      }
      case 'extractive':
        providers.push(createExtractiveProvider({ id, extractors }));
        break;
    }
  }
  return providers;
}
