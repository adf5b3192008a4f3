/**
 * Route resolution: which provider+model steps a feature tries, in order. The chain comes
 * from the routing config (`features[feature]`, else `defaultChain`, else nothing; for
 * normal-priority work `normalPriority.features[feature]` and `normalPriority.defaultChain`
 * come first) and always ends with the offline extractive engine, the last resort that needs
 * no network.
 */
import type { RouteStep, RoutingConfig } from '../config/llm-routing.js';
import type { WorkPriority } from '../guard/throttle/throttle-store.js';
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
   * The generation's priority. `normal` uses the `normalPriority` chains when the config has
   * one for the feature; `high` and undefined always use the usual chain.
   */
  priority?: WorkPriority;
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
  /**
   * The chain that is wrong, as named in the routing config: `defaultChain`, a feature
   * (`postmortem`), `normalPriority.defaultChain`, `normalPriority.features.<feature>`, or
   * `experiments.<feature>` (an experiment arm).
   */
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

/** The configured steps of a feature's chain and where in the routing config they come from. */
export interface ConfiguredChain {
  /**
   * The chain's place in the routing config, for spans and logs: `features.<feature>`,
   * `defaultChain`, `normalPriority.features.<feature>`, `normalPriority.defaultChain`, or
   * `none` (no chain: only the extractive step).
   */
  source: string;
  steps: readonly RouteStep[];
}

/**
 * The configured chain of a feature at a priority, before the extractive step is appended.
 * Normal priority: `normalPriority.features[feature]`, else `normalPriority.defaultChain`,
 * else the usual chain. High priority or none: `features[feature]`, else `defaultChain`.
 */
export function configuredChain(config: RoutingConfig, feature: FeatureName, priority?: WorkPriority): ConfiguredChain {
  if (priority === 'normal' && config.normalPriority) {
    const own = config.normalPriority.features[feature];
    if (own) return { source: `normalPriority.features.${feature}`, steps: own };
    if (config.normalPriority.defaultChain) return { source: 'normalPriority.defaultChain', steps: config.normalPriority.defaultChain };
  }
  const own = config.features[feature];
  if (own) return { source: `features.${feature}`, steps: own };
  if (config.defaultChain) return { source: 'defaultChain', steps: config.defaultChain };
  return { source: 'none', steps: [] };
}

/**
 * The ordered steps a feature tries: its {@link configuredChain} at `options.priority`
 * (`features[feature]`, else `defaultChain`, else `[]`; normal priority looks at
 * `normalPriority` first), followed by the extractive step unless the chain already ends with
 * an extractive provider.
 */
export function resolveChain(config: RoutingConfig, feature: FeatureName, options: ResolveChainOptions = {}): ResolvedRouteStep[] {
  const configured = configuredChain(config, feature, options.priority).steps;
  const isExtractive = (id: string): boolean =>
    id === extractiveStep.provider || config.providers[id]?.kind === 'extractive' || (options.extractiveProviders?.has(id) ?? false);
  const last = configured[configured.length - 1];
  const steps = last !== undefined && isExtractive(last.provider) ? [...configured] : [...configured, extractiveStep];
  return steps
    .filter((step) => options.knownProviders === undefined || options.knownProviders.has(step.provider))
    .map((step, index) => ({ provider: step.provider, model: step.model, variant: variantOf(step), index }));
}

/**
 * Checks at start-up that every configured step, the `normalPriority` chains and the
 * `experiments` arms included, names one of `providerIds`; throws a {@link RoutingConfigError}
 * naming the first bad chain and provider. The implicit extractive step is not checked: without an extractive provider it is
 * simply left out.
 */
export function validateRouting(config: RoutingConfig, providerIds: readonly string[]): void {
  const known = new Set(providerIds);
  const chains: Array<[string, readonly RouteStep[] | undefined]> = [
    ['defaultChain', config.defaultChain],
    ...Object.entries(config.features),
    ['normalPriority.defaultChain', config.normalPriority?.defaultChain],
    ...Object.entries(config.normalPriority?.features ?? {}).map(
      ([feature, steps]): [string, readonly RouteStep[] | undefined] => [`normalPriority.features.${feature}`, steps],
    ),
    // Experiment arms name a provider and model like steps do.
    ...Object.entries(config.experiments ?? {}).map(
      ([feature, arms]): [string, readonly RouteStep[] | undefined] => [`experiments.${feature}`, arms],
    ),
  ];
  for (const [chain, steps] of chains) {
    for (const step of steps ?? []) {
      if (!known.has(step.provider)) throw new RoutingConfigError(chain, step.provider, providerIds);
    }
  }
}
