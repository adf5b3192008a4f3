/**
 * Route planning: which steps one generation walks. The feature's chain (the `normalPriority`
 * one for normal-priority work, when configured), resolved once per manager; on the usual
 * chain, an experiment arm in place of the first step (src/llm/experiments.ts).
 */
import type { RoutingConfig } from '../config/llm-routing.js';
import { badInput } from '../errors/app-error.js';
import { assignExperimentArm, chainWithArm } from './experiments.js';
import type { GenerateRequest } from './generation.js';
import { configuredChain, resolveChain, type ResolvedRouteStep } from './route.js';
import type { FeatureName } from './types.js';

/** The steps of one generation and where they came from. */
export interface RoutePlan {
  steps: ResolvedRouteStep[];
  /** `incident_ai.route` of a step: the chain's place in the config, `experiments.<feature>` for an arm. */
  routeOf(step: ResolvedRouteStep): string;
}

/** A feature's resolved chain at one priority, with its place in the routing config. */
interface FeatureRoute {
  /** `configuredChain(...).source`: e.g. `features.postmortem`, `normalPriority.defaultChain`. */
  source: string;
  steps: ResolvedRouteStep[];
}

/** Options of {@link createRoutePlanner}. */
export interface RoutePlannerOptions {
  routing: RoutingConfig;
  knownProviders: ReadonlySet<string>;
  extractiveProviders: ReadonlySet<string>;
  /** Uniform [0, 1) for experiment draws without a key. */
  random: () => number;
}

/** Resolves every feature's chains once; returns the planner of one generation's route. */
/** Plans routes; lists the variants a request may pin. */
export interface RoutePlanner {
  plan(request: Pick<GenerateRequest, 'feature' | 'priority' | 'experimentKey' | 'variant'>): RoutePlan;
  /** The variant labels a request of `feature` may pin: its experiment arms, then its usual chain's steps. */
  variants(feature: FeatureName): string[];
}

export function createRoutePlanner(options: RoutePlannerOptions): RoutePlanner {
  const { routing, knownProviders, extractiveProviders, random } = options;
  const routeOf = (feature: FeatureName, priority: 'normal' | undefined): FeatureRoute => ({
    source: configuredChain(routing, feature, priority).source,
    steps: resolveChain(routing, feature, { knownProviders, extractiveProviders, priority }),
  });
  // The usual chains (high priority, or no priority stated) and the chains of normal-priority
  // work (the same as the usual ones where `normalPriority` names none).
  // Resolved on a feature's first request and kept: the planner needs no list of features.
  const usualRoutes = new Map<FeatureName, FeatureRoute>();
  const normalRoutes = new Map<FeatureName, FeatureRoute>();
  const cachedRoute = (routes: Map<FeatureName, FeatureRoute>, feature: FeatureName, priority: 'normal' | undefined): FeatureRoute => {
    const known = routes.get(feature);
    if (known) return known;
    const route = routeOf(feature, priority);
    routes.set(feature, route);
    return route;
  };
  const usualRoute = (feature: FeatureName): FeatureRoute => cachedRoute(usualRoutes, feature, undefined);

  /** The pinnable steps of a feature: its experiment arms, then its usual chain's steps. */
  function pinnableSteps(feature: FeatureName): ResolvedRouteStep[] {
    const arms = (routing.experiments?.[feature] ?? []).filter((arm) => knownProviders.has(arm.provider));
    const steps = [...arms.map((arm) => ({ provider: arm.provider, model: arm.model, variant: arm.variant, index: 0 })), ...usualRoute(feature).steps];
    return steps.filter((step, index) => steps.findIndex((other) => other.variant === step.variant) === index);
  }

  function variants(feature: FeatureName): string[] {
    return pinnableSteps(feature).map((step) => step.variant);
  }

  /** The usual chain with the pinned variant first (see GenerateRequest.variant). */
  function pinnedPlan(feature: FeatureName, variant: string): RoutePlan {
    const step = pinnableSteps(feature).find((candidate) => candidate.variant === variant);
    if (!step) throw badInput(`variant "${variant}" is not one of ${feature}'s: ${variants(feature).join(', ')}.`, 'variant');
    const usual = usualRoute(feature);
    const rest = usual.steps.filter((other) => other.variant !== variant);
    return { steps: [step, ...rest].map((entry, index) => ({ ...entry, index })), routeOf: () => usual.source };
  }

  function plan(request: Pick<GenerateRequest, 'feature' | 'priority' | 'experimentKey' | 'variant'>): RoutePlan {
    if (request.variant !== undefined) return pinnedPlan(request.feature, request.variant);
    const route = request.priority === 'normal' ? cachedRoute(normalRoutes, request.feature, 'normal') : usualRoute(request.feature);
    const source = route.source;
    // Experiments run on the usual chain only: normal-priority work that `normalPriority` sends
    // to another chain is not experimented on. The arm replaces the chain's first step.
    const onUsualChain = source === usualRoute(request.feature).source;
    const arm = onUsualChain ? assignExperimentArm(routing, request.feature, { key: request.experimentKey, random }) : null;
    const steps = arm ? chainWithArm(route.steps, arm, (id) => extractiveProviders.has(id)) : route.steps;
    return {
      steps,
      routeOf: (step) => (arm !== null && step.index === 0 ? `experiments.${request.feature}` : source),
    };
  }

  return { plan, variants };
}
