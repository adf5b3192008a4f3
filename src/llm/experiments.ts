/**
 * A/B experiments on live traffic. The routing config's `experiments` give a feature weighted
 * arms (`variant`, `provider`, `model`, optional `promptVersion`, `weight`). The LLM Manager
 * (src/llm/manager.ts) picks one arm per generation with {@link assignExperimentArm}: from the
 * request's `experimentKey` (sticky: the same key always gets the same arm) or, without a key,
 * at random by weight. The arm replaces the first step of the feature's usual chain
 * ({@link chainWithArm}); the rest of the chain stays the fallback. When the arm answers, its
 * label is the result's `variant`, which drafts record as `generation.variant`. Feedback
 * (`evaluationSummary`) and offline runs (`npm run eval -- --variant provider:model@promptVersion`)
 * then compare the arms.
 *
 * Not applied by the manager: an arm's `promptVersion`. The feature builds its prompt before
 * the manager picks the arm, so drafts record the feature's own prompt version.
 *
 * Everything here is pure: the caller brings the random number, so a pick can be sticky
 * (derived from a draft, an incident or a user with {@link stableUnitInterval}) or plain random.
 */
import { createHash } from 'node:crypto';
import type { ExperimentArm, RoutingConfig } from '../config/llm-routing.js';
import type { ResolvedRouteStep } from './route.js';
import type { FeatureName } from './types.js';

/** A routing config names a provider, or a prompt version, that does not exist. */
export class ExperimentConfigError extends Error {
  override name = 'ExperimentConfigError';
  /** Stable code for logs and start-up failures. */
  readonly code = 'EXPERIMENT_CONFIG_INVALID';
  /** The feature whose experiment is wrong; null when not known to the caller. */
  readonly feature: string | null;

  constructor(feature: string | null, message: string) {
    super(`LLM routing: experiment${feature === null ? '' : ` of "${feature}"`}: ${message}`);
    this.feature = feature;
  }
}

/**
 * The arm for a uniform number `random` in [0, 1): arms own consecutive slices of [0, 1)
 * proportional to their weights, in the order given. Values outside [0, 1) are clamped.
 * @throws ExperimentConfigError for an experiment without arms or with a non-positive weight.
 */
export function pickVariant<Arm extends Pick<ExperimentArm, 'weight'>>(experiment: readonly Arm[], random: number): Arm {
  if (experiment.length === 0) throw new ExperimentConfigError(null, 'an experiment needs at least one arm');
  const total = experiment.reduce((sum, arm) => {
    if (!(arm.weight > 0) || !Number.isFinite(arm.weight)) throw new ExperimentConfigError(null, `weights must be positive numbers, got ${arm.weight}`);
    return sum + arm.weight;
  }, 0);
  const point = Math.min(Math.max(Number.isFinite(random) ? random : 0, 0), 1 - Number.EPSILON) * total;
  let upper = 0;
  for (const arm of experiment) {
    upper += arm.weight;
    if (point < upper) return arm;
  }
  return experiment[experiment.length - 1]!;
}

/**
 * A number in [0, 1) derived from `key` (sha256): the same key always lands in the same arm,
 * so one incident's drafts, or one user's, stay in one variant for the whole experiment.
 */
export function stableUnitInterval(key: string): number {
  const digest = createHash('sha256').update(key).digest();
  // 48 bits: exact in a double, and plenty of resolution for traffic shares.
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** The arm a generation of `feature` uses, or null when the feature runs no experiment. */
export function experimentArmFor(routing: Pick<RoutingConfig, 'experiments'>, feature: FeatureName, random: number): ExperimentArm | null {
  const experiment = routing.experiments?.[feature];
  return experiment && experiment.length > 0 ? pickVariant(experiment, random) : null;
}

/** Where the number that picks an arm comes from: a sticky key, else a random source. */
export interface ArmDraw {
  /** Sticky assignment key (e.g. a draft id); empty or undefined means "draw at random". */
  key?: string | undefined;
  /** Uniform [0, 1), used only without a key. */
  random: () => number;
}

/**
 * The arm a generation of `feature` uses, or null when the feature runs no experiment. With a
 * key, the number is {@link stableUnitInterval} of `<feature>/<key>`: the same key always gets
 * the same arm of a feature's experiment (while its arms and weights stay the same), and the
 * features' experiments split one key independently. Without a key, `random()` draws it.
 */
export function assignExperimentArm(routing: Pick<RoutingConfig, 'experiments'>, feature: FeatureName, draw: ArmDraw): ExperimentArm | null {
  const experiment = routing.experiments?.[feature];
  if (!experiment || experiment.length === 0) return null;
  const point = draw.key ? stableUnitInterval(`${feature}/${draw.key}`) : draw.random();
  return pickVariant(experiment, point);
}

/**
 * `chain` with `arm` as its preferred step: the arm replaces the first step and the rest stays
 * the fallback, renumbered from 0. When the first step is an extractive provider (a feature
 * with no configured chain has only the extractive last resort), the arm is put before it
 * instead, so the offline last resort is never lost.
 */
export function chainWithArm(
  chain: readonly ResolvedRouteStep[],
  arm: Pick<ExperimentArm, 'provider' | 'model' | 'variant'>,
  isExtractive: (providerId: string) => boolean,
): ResolvedRouteStep[] {
  const first = chain[0];
  const rest = first !== undefined && !isExtractive(first.provider) ? chain.slice(1) : chain;
  return [{ provider: arm.provider, model: arm.model, variant: arm.variant, index: 0 }, ...rest].map((step, index) => ({ ...step, index }));
}

/**
 * Checks at start-up that every arm names a configured provider and, when `promptVersions`
 * is given for its feature, a prompt version the feature has.
 * @throws ExperimentConfigError naming the feature and what is wrong.
 */
export function validateExperiments(
  routing: Pick<RoutingConfig, 'experiments'>,
  providerIds: readonly string[],
  promptVersions: Partial<Record<FeatureName, readonly string[]>> = {},
): void {
  for (const [feature, arms] of Object.entries(routing.experiments ?? {})) {
    for (const arm of arms ?? []) {
      if (!providerIds.includes(arm.provider)) {
        throw new ExperimentConfigError(feature, `arm "${arm.variant}" uses provider "${arm.provider}", which is not configured (known: ${providerIds.join(', ') || 'none'})`);
      }
      const versions = promptVersions[feature as FeatureName];
      if (arm.promptVersion && versions && !versions.includes(arm.promptVersion)) {
        throw new ExperimentConfigError(feature, `arm "${arm.variant}" uses prompt version "${arm.promptVersion}", which the feature does not have (${versions.join(', ')})`);
      }
    }
  }
}

/** The expected share of traffic of each arm, by variant label (for reports and tests). */
export function expectedShares(experiment: readonly ExperimentArm[]): Record<string, number> {
  const total = experiment.reduce((sum, arm) => sum + arm.weight, 0);
  return Object.fromEntries(experiment.map((arm) => [arm.variant, arm.weight / total]));
}
