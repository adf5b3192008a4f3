/**
 * Variants: what an evaluation run generates with. `provider:model[@promptVersion]` names a
 * provider of the service's own configuration (the same `loadConfig` and `createProviders`),
 * a model id, and optionally a prompt version; `extractive` is the built-in offline engine,
 * `prompt-extractive` the same engine reading only what the prompt shows.
 * A variant's manager routes the feature to that one step and nothing after it: an
 * evaluation must measure the variant, never its fallback.
 */
import type { RoutingConfig } from '../config/llm-routing.js';
import { createLlmManager, type LlmManagerLogger } from '../llm/manager.js';
import type { LlmManager } from '../llm/generation.js';
import type { LlmProvider } from '../llm/types.js';

/** A parsed `--variant` or `--judge`. */
export interface VariantSpec {
  /** A provider id of the routing config (`openai`, `bedrock`, `extractive`, `vllm`...). */
  provider: string;
  /** The model id sent to the provider. */
  model: string;
  /** The prompt version to use; null: the feature's current one. */
  promptVersion: string | null;
}

/** The command line is wrong; the message says how. Exit code 2. */
export class EvalUsageError extends Error {
  override name = 'EvalUsageError';
}

/**
 * Parses `provider:model[@promptVersion]` or `extractive[@promptVersion]`. The model may
 * itself contain `:` (Bedrock ids do); the prompt version follows the last `@`.
 */
export function parseVariant(text: string): VariantSpec {
  const trimmed = text.trim();
  const at = trimmed.lastIndexOf('@');
  const route = at === -1 ? trimmed : trimmed.slice(0, at);
  const promptVersion = at === -1 ? null : trimmed.slice(at + 1).trim();
  if (promptVersion !== null && promptVersion.length === 0) throw new EvalUsageError(`variant "${text}": nothing after "@" (expected a prompt version such as status-update/v1)`);
  if (route === 'extractive') return { provider: 'extractive', model: 'extractive', promptVersion };
  // The extractive engine reading only the prompt (prompt-bound-engine.ts).
  if (route === 'prompt-extractive') return { provider: 'prompt-extractive', model: 'extractive', promptVersion };
  const colon = route.indexOf(':');
  if (colon <= 0 || colon === route.length - 1) {
    throw new EvalUsageError(`variant "${text}" is not provider:model[@promptVersion] (e.g. openai:gpt-4o-mini, bedrock:amazon.nova-lite-v1:0@status-update/v1, extractive)`);
  }
  return { provider: route.slice(0, colon), model: route.slice(colon + 1), promptVersion };
}

/** `provider:model@promptVersion`, the label a run is stored and reported under. */
export const variantLabel = (spec: VariantSpec, promptVersion: string): string => `${spec.provider}:${spec.model}@${promptVersion}`;

/** Options of {@link createSingleStepManager}. */
export interface SingleStepManagerOptions {
  /** The routing config of the service (prices and resilience are kept). */
  routing: RoutingConfig;
  /** Every provider the service configuration builds. */
  providers: readonly LlmProvider[];
  step: Pick<VariantSpec, 'provider' | 'model'>;
  /** Label recorded as the generation's variant. */
  label: string;
  logger?: LlmManagerLogger;
}

/** A manager that sends every feature to exactly one provider and model. */
export function createSingleStepManager(options: SingleStepManagerOptions): LlmManager {
  const provider = options.providers.find((candidate) => candidate.id === options.step.provider);
  if (!provider) {
    const known = options.providers.map((candidate) => candidate.id).join(', ') || 'none';
    throw new EvalUsageError(
      `provider "${options.step.provider}" is not configured (configured: ${known}). Set OPENAI_API_KEY (and OPENAI_BASE_URL for another server), BEDROCK_MODEL_ID, or name the provider in the LLM_CONFIG file.`,
    );
  }
  const routing: RoutingConfig = {
    ...options.routing,
    defaultChain: [{ provider: provider.id, model: options.step.model, variant: options.label }],
    features: {},
    // The variant under evaluation answers every case: no cheaper chain, no experiment arm.
    normalPriority: undefined,
    experiments: undefined,
  };
  // Only this provider is known to the manager, so the implicit extractive last step is left
  // out of the chain (unless it is the variant itself).
  return createLlmManager({ providers: [provider], routing, usage: { record: () => undefined }, ...(options.logger && { logger: options.logger }) });
}
