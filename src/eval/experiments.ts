/**
 * A/B experiments on live traffic. The routing config's `experiments` give a feature weighted
 * arms (`variant`, `provider`, `model`, optional `promptVersion`, `weight`); each generation
 * picks one arm, which replaces the first step of the feature's chain (the rest of the chain
 * stays the fallback), and records the arm's label as the draft's `generation.variant` and its
 * prompt version as `generation.promptVersion`. Feedback (`evaluationSummary`) and offline
 * runs (`npm run eval -- --variant provider:model@promptVersion`) then compare the arms.
 *
 * Everything here is pure: the caller brings the random number, so a pick can be sticky
 * (derived from an incident or a user with {@link stableUnitInterval}) or plain random.
 */
import { createHash } from 'node:crypto';
import type { ExperimentArm, RoutingConfig } from '../config/llm-routing.js';
import type { FeatureName } from '../llm/types.js';

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
