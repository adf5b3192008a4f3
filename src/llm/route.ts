/**
 * Route resolution: which provider+model steps a feature tries, in order. The chain comes
 * from the routing config (`features[feature]`, else `defaultChain`, else nothing) and always
 * ends with the offline extractive engine, the last resort that needs no network.
 */
import type { RouteStep, RoutingConfig } from '../config/llm-routing.js';
import type { FeatureName } from './types.js';

/** Provider id and model of the step appended to every chain. */
export const extractiveStep: Readonly<RouteStep> = Object.freeze({ provider: 'extractive', model: 'extractive' });

/** One step of a resolved chain. */
export interface ResolvedRouteStep {
  /** Provider id, a key of the manager's providers. */
  provider: string;
  /** Model id sent to the provider. */
  model: string;
  /** The step's variant label: the configured one, or `provider:model`. */
  variant: string;
  /** Position in the chain (0 = the preferred step; > 0 means a fallback). */
  index: number;
}

/** Options of {@link resolveChain}. */
export interface ResolveChainOptions {
  /**
   * Provider ids that exist. Steps naming another provider are dropped. Run
   * {@link validateRouting} at start-up so that this only ever drops the implicit extractive
   * step of a deployment that registers no extractive provider.
   */
  knownProviders?: ReadonlySet<string>;
  /**
   * Provider ids whose kind is `extractive`; a chain that already ends with one of them gets
   * no extra step. `extractive` is always treated as one.
   */
  extractiveProviders?: ReadonlySet<string>;
}

/** The routing config names a provider that does not exist. */
export class RoutingConfigError extends Error {
  /** Stable code for logs and start-up failures. */
  readonly code = 'ROUTING_CONFIG_INVALID';
  /** `defaultChain` or the feature whose chain is wrong. */
  readonly chain: string;
  readonly provider: string;

  constructor(chain: string, provider: string, knownProviders: readonly string[]) {
    super(
      `LLM routing: the chain of "${chain}" uses provider "${provider}", which is not configured ` +
        `(known providers: ${knownProviders.length > 0 ? knownProviders.map((id) => `"${id}"`).join(', ') : 'none'}).`,
    );
    this.name = 'RoutingConfigError';
    this.chain = chain;
    this.provider = provider;
  }
}

/** The label of a step: its configured variant or `provider:model`. */
export const variantOf = (step: RouteStep): string => step.variant ?? `${step.provider}:${step.model}`;

/**
 * The ordered steps a feature tries: `features[feature]`, else `defaultChain`, else `[]`,
 * followed by the extractive step unless the chain already ends with an extractive provider.
 */
export function resolveChain(config: RoutingConfig, feature: FeatureName, options: ResolveChainOptions = {}): ResolvedRouteStep[] {
  const configured: readonly RouteStep[] = config.features[feature] ?? config.defaultChain ?? [];
  const isExtractive = (id: string): boolean =>
    id === extractiveStep.provider || config.providers[id]?.kind === 'extractive' || (options.extractiveProviders?.has(id) ?? false);
  const last = configured[configured.length - 1];
  const steps = last !== undefined && isExtractive(last.provider) ? [...configured] : [...configured, extractiveStep];
  return steps
    .filter((step) => options.knownProviders === undefined || options.knownProviders.has(step.provider))
    .map((step, index) => ({ provider: step.provider, model: step.model, variant: variantOf(step), index }));
}

/**
 * Checks at start-up that every configured step names one of `providerIds`; throws a
 * {@link RoutingConfigError} naming the first bad chain and provider. The implicit extractive
 * step is not checked: without an extractive provider it is simply left out.
 */
export function validateRouting(config: RoutingConfig, providerIds: readonly string[]): void {
  const known = new Set(providerIds);
  const chains: Array<[string, readonly RouteStep[] | undefined]> = [
    ['defaultChain', config.defaultChain],
    ...Object.entries(config.features),
  ];
  for (const [chain, steps] of chains) {
    for (const step of steps ?? []) {
      if (!known.has(step.provider)) throw new RoutingConfigError(chain, step.provider, providerIds);
    }
  }
}
