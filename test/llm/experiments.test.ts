import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/index.js';
import { builtInFeatureNames } from '../../src/config/feature-names.js';
import { checkRoutingFeatures } from '../../src/config/routing-features.js';
import { routingSchema } from '../../src/config/llm-routing.js';
import {
  assignExperimentArm,
  chainWithArm,
  ExperimentConfigError,
  expectedShares,
  experimentArmFor,
  pickVariant,
  stableUnitInterval,
  validateExperiments,
} from '../../src/llm/experiments.js';

const arms = [
  { variant: 'control', provider: 'openai', model: 'gpt-4o-mini', weight: 3 },
  { variant: 'prompt-v2', provider: 'openai', model: 'gpt-4o-mini', promptVersion: 'status-update/v2', weight: 1 },
];

describe('routing config experiments', () => {
  it('is optional and parses weighted arms per feature', () => {
    expect(routingSchema.parse({}).experiments).toBeUndefined();
    const routing = routingSchema.parse({ experiments: { statusUpdate: arms } });
    expect(routing.experiments?.statusUpdate).toEqual(arms);
  });

  it('refuses arms without positive weights, duplicate labels and unknown features', () => {
    expect(routingSchema.safeParse({ experiments: { statusUpdate: [{ ...arms[0], weight: 0 }] } }).success).toBe(false);
    expect(routingSchema.safeParse({ experiments: { statusUpdate: [arms[0], arms[0]] } }).success).toBe(false);
    expect(routingSchema.safeParse({ experiments: { statusUpdate: [] } }).success).toBe(false);
    // Feature names are checked against the registered features at start-up (config/routing-features.ts).
    expect(() => checkRoutingFeatures(routingSchema.parse({ experiments: { nope: arms } }), builtInFeatureNames)).toThrow(ConfigError);
  });
});

describe('pickVariant', () => {
  it('gives each arm a slice of [0, 1) proportional to its weight', () => {
    expect(pickVariant(arms, 0).variant).toBe('control');
    expect(pickVariant(arms, 0.7499).variant).toBe('control');
    expect(pickVariant(arms, 0.75).variant).toBe('prompt-v2');
    expect(pickVariant(arms, 0.9999999).variant).toBe('prompt-v2');
    // Out-of-range input is clamped, never an error on the request path.
    expect(pickVariant(arms, 1).variant).toBe('prompt-v2');
    expect(pickVariant(arms, -3).variant).toBe('control');
    expect(pickVariant(arms, Number.NaN).variant).toBe('control');
  });

  it('matches the weights over many picks', () => {
    const counts: Record<string, number> = {};
    for (let index = 0; index < 10_000; index += 1) {
      const arm = pickVariant(arms, (index + 0.5) / 10_000);
      counts[arm.variant] = (counts[arm.variant] ?? 0) + 1;
    }
    expect(counts).toEqual({ control: 7_500, 'prompt-v2': 2_500 });
    expect(expectedShares(arms)).toEqual({ control: 0.75, 'prompt-v2': 0.25 });
  });

  it('refuses an empty experiment or a bad weight', () => {
    expect(() => pickVariant([], 0.5)).toThrow(ExperimentConfigError);
    expect(() => pickVariant([{ weight: -1 }], 0.5)).toThrow(/positive/);
  });
});

describe('stable assignment and validation', () => {
  it('derives a stable number in [0, 1) from a key', () => {
    const value = stableUnitInterval('demo/PDEMO01');
    expect(value).toBe(stableUnitInterval('demo/PDEMO01'));
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThan(1);
    expect(stableUnitInterval('demo/PDEMO02')).not.toBe(value);
  });

  it('picks the arm of a feature with an experiment, and none otherwise', () => {
    const routing = routingSchema.parse({ experiments: { statusUpdate: arms } });
    expect(experimentArmFor(routing, 'statusUpdate', 0.9)?.variant).toBe('prompt-v2');
    expect(experimentArmFor(routing, 'runbook', 0.9)).toBeNull();
    expect(experimentArmFor({}, 'statusUpdate', 0.9)).toBeNull();
  });

  it('checks providers and prompt versions at start-up', () => {
    const routing = routingSchema.parse({ experiments: { statusUpdate: arms } });
    expect(() => validateExperiments(routing, ['openai', 'extractive'], { statusUpdate: ['status-update/v1', 'status-update/v2'] })).not.toThrow();
    expect(() => validateExperiments(routing, ['extractive'])).toThrow(/arm "control" uses provider "openai", which is not configured/);
    expect(() => validateExperiments(routing, ['openai'], { statusUpdate: ['status-update/v1'] })).toThrow(/prompt version "status-update\/v2"/);
  });
});

describe('assignExperimentArm', () => {
  const routing = routingSchema.parse({ experiments: { statusUpdate: arms } });
  const never = () => {
    throw new Error('random() must not be called when a key is given');
  };

  it('derives the arm from <feature>/<key> when a key is given', () => {
    for (const key of ['draft-1', 'draft-2', 'draft-3', 'draft-4']) {
      const expected = pickVariant(arms, stableUnitInterval(`statusUpdate/${key}`)).variant;
      expect(assignExperimentArm(routing, 'statusUpdate', { key, random: never })?.variant).toBe(expected);
    }
  });

  it('draws with random() without a key (an empty key counts as none)', () => {
    expect(assignExperimentArm(routing, 'statusUpdate', { random: () => 0.1 })?.variant).toBe('control');
    expect(assignExperimentArm(routing, 'statusUpdate', { key: '', random: () => 0.9 })?.variant).toBe('prompt-v2');
  });

  it('gives no arm to a feature without an experiment', () => {
    expect(assignExperimentArm(routing, 'runbook', { key: 'draft-1', random: () => 0.5 })).toBeNull();
    expect(assignExperimentArm({}, 'statusUpdate', { random: () => 0.5 })).toBeNull();
  });
});

describe('chainWithArm', () => {
  const step = (provider: string, model: string, index: number) => ({ provider, model, variant: `${provider}:${model}`, index });
  const isExtractive = (id: string) => id === 'extractive';
  const arm = { variant: 'candidate', provider: 'bedrock', model: 'nova' };

  it('replaces the first step and keeps the rest as the fallback, renumbered', () => {
    const chain = [step('openai', 'gpt-4o-mini', 0), step('bedrock', 'haiku', 1), step('extractive', 'extractive', 2)];
    expect(chainWithArm(chain, arm, isExtractive)).toEqual([
      { provider: 'bedrock', model: 'nova', variant: 'candidate', index: 0 },
      step('bedrock', 'haiku', 1),
      step('extractive', 'extractive', 2),
    ]);
  });

  it('puts the arm before an extractive first step instead of replacing it', () => {
    expect(chainWithArm([step('extractive', 'extractive', 0)], arm, isExtractive)).toEqual([
      { provider: 'bedrock', model: 'nova', variant: 'candidate', index: 0 },
      step('extractive', 'extractive', 1),
    ]);
    expect(chainWithArm([], arm, isExtractive)).toEqual([{ provider: 'bedrock', model: 'nova', variant: 'candidate', index: 0 }]);
  });
});
