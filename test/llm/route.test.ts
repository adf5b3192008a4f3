import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/index.js';
import { builtInFeatureNames } from '../../src/config/feature-names.js';
import { checkRoutingFeatures } from '../../src/config/routing-features.js';
import { routingSchema } from '../../src/config/llm-routing.js';
import { configuredChain, resolveChain, RoutingConfigError, validateRouting } from '../../src/llm/route.js';

const routing = routingSchema.parse({
  providers: { openai: { kind: 'openai' }, bedrock: { kind: 'bedrock' }, offline: { kind: 'extractive' } },
  defaultChain: [{ provider: 'openai', model: 'gpt-4o-mini' }],
  features: {
    postmortem: [
      { provider: 'bedrock', model: 'claude', variant: 'b-claude' },
      { provider: 'openai', model: 'gpt-4o' },
    ],
    runbook: [{ provider: 'openai', model: 'gpt-4o' }, { provider: 'extractive', model: 'extractive' }],
    assistant: [{ provider: 'openai', model: 'gpt-4o' }, { provider: 'offline', model: 'extractive' }],
  },
});

describe('resolveChain', () => {
  it("uses the feature's own chain and appends the extractive step", () => {
    expect(resolveChain(routing, 'postmortem')).toEqual([
      { provider: 'bedrock', model: 'claude', variant: 'b-claude', index: 0 },
      { provider: 'openai', model: 'gpt-4o', variant: 'openai:gpt-4o', index: 1 },
      { provider: 'extractive', model: 'extractive', variant: 'extractive:extractive', index: 2 },
    ]);
  });

  it('falls back to the default chain', () => {
    expect(resolveChain(routing, 'statusUpdate').map((s) => s.variant)).toEqual(['openai:gpt-4o-mini', 'extractive:extractive']);
  });

  it('gives only the extractive step without any chain', () => {
    const bare = routingSchema.parse({});
    expect(resolveChain(bare, 'assistant')).toEqual([
      { provider: 'extractive', model: 'extractive', variant: 'extractive:extractive', index: 0 },
    ]);
  });

  it('does not append a second extractive step', () => {
    expect(resolveChain(routing, 'runbook').map((s) => s.provider)).toEqual(['openai', 'extractive']);
    // "offline" is an extractive provider by its configured kind
    expect(resolveChain(routing, 'assistant').map((s) => s.provider)).toEqual(['openai', 'offline']);
  });

  it('recognises extractive providers by the ids it is given', () => {
    const config = routingSchema.parse({ defaultChain: [{ provider: 'local', model: 'x' }] });
    const steps = resolveChain(config, 'statusUpdate', { extractiveProviders: new Set(['local']) });
    expect(steps.map((s) => s.provider)).toEqual(['local']);
  });

  it('drops steps of unknown providers and renumbers', () => {
    const steps = resolveChain(routing, 'postmortem', { knownProviders: new Set(['openai']) });
    expect(steps).toEqual([{ provider: 'openai', model: 'gpt-4o', variant: 'openai:gpt-4o', index: 0 }]);
  });
});

describe('validateRouting', () => {
  it('accepts a config whose providers all exist', () => {
    expect(() => validateRouting(routing, ['openai', 'bedrock', 'offline', 'extractive'])).not.toThrow();
  });

  it('does not require an extractive provider for the implicit step', () => {
    expect(() => validateRouting(routingSchema.parse({ defaultChain: [{ provider: 'openai', model: 'm' }] }), ['openai'])).not.toThrow();
  });

  it('names the feature and the unknown provider', () => {
    let caught: unknown;
    try {
      validateRouting(routing, ['openai', 'offline', 'extractive']);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RoutingConfigError);
    const error = caught as RoutingConfigError;
    expect(error.code).toBe('ROUTING_CONFIG_INVALID');
    expect(error.chain).toBe('postmortem');
    expect(error.provider).toBe('bedrock');
    expect(error.message).toContain('"postmortem"');
    expect(error.message).toContain('"bedrock"');
  });

  it('checks the default chain too', () => {
    expect(() => validateRouting(routing, ['bedrock', 'offline', 'extractive'])).toThrow(/defaultChain.*"openai"/);
  });
});

describe('normal-priority routing', () => {
  const tiered = routingSchema.parse({
    providers: { openai: { kind: 'openai' }, vllm: { kind: 'openai', selfHosted: true } },
    defaultChain: [{ provider: 'openai', model: 'gpt-4.1' }],
    features: { postmortem: [{ provider: 'openai', model: 'gpt-4o' }] },
    normalPriority: {
      defaultChain: [{ provider: 'openai', model: 'gpt-4o-mini' }],
      features: { runbook: [{ provider: 'vllm', model: 'llama-3.1-8b' }, { provider: 'openai', model: 'gpt-4o-mini' }] },
    },
  });
  const models = (steps: { model: string }[]) => steps.map((s) => s.model);

  it("uses the feature's own normal-priority chain first, with the extractive step appended", () => {
    expect(resolveChain(tiered, 'runbook', { priority: 'normal' })).toEqual([
      { provider: 'vllm', model: 'llama-3.1-8b', variant: 'vllm:llama-3.1-8b', index: 0 },
      { provider: 'openai', model: 'gpt-4o-mini', variant: 'openai:gpt-4o-mini', index: 1 },
      { provider: 'extractive', model: 'extractive', variant: 'extractive:extractive', index: 2 },
    ]);
    expect(configuredChain(tiered, 'runbook', 'normal').source).toBe('normalPriority.features.runbook');
  });

  it("then the normal-priority default chain, even over a feature's own usual chain", () => {
    expect(models(resolveChain(tiered, 'statusUpdate', { priority: 'normal' }))).toEqual(['gpt-4o-mini', 'extractive']);
    expect(models(resolveChain(tiered, 'postmortem', { priority: 'normal' }))).toEqual(['gpt-4o-mini', 'extractive']);
    expect(configuredChain(tiered, 'postmortem', 'normal').source).toBe('normalPriority.defaultChain');
  });

  it('keeps high-priority work and requests without a priority on the usual chain', () => {
    for (const priority of ['high', undefined] as const) {
      expect(models(resolveChain(tiered, 'runbook', { priority }))).toEqual(['gpt-4.1', 'extractive']);
      expect(models(resolveChain(tiered, 'postmortem', { priority }))).toEqual(['gpt-4o', 'extractive']);
      expect(configuredChain(tiered, 'postmortem', priority).source).toBe('features.postmortem');
      expect(configuredChain(tiered, 'statusUpdate', priority).source).toBe('defaultChain');
    }
  });

  it('falls back to the usual chain for a feature the section does not cover', () => {
    const featuresOnly = routingSchema.parse({
      defaultChain: [{ provider: 'openai', model: 'gpt-4.1' }],
      normalPriority: { features: { runbook: [{ provider: 'openai', model: 'gpt-4o-mini' }] } },
    });
    expect(models(resolveChain(featuresOnly, 'runbook', { priority: 'normal' }))).toEqual(['gpt-4o-mini', 'extractive']);
    expect(models(resolveChain(featuresOnly, 'assistant', { priority: 'normal' }))).toEqual(['gpt-4.1', 'extractive']);
    expect(configuredChain(featuresOnly, 'assistant', 'normal').source).toBe('defaultChain');
  });

  it('changes nothing without a normalPriority section', () => {
    for (const feature of ['statusUpdate', 'postmortem', 'runbook'] as const) {
      expect(resolveChain(routing, feature, { priority: 'normal' })).toEqual(resolveChain(routing, feature));
      expect(resolveChain(routing, feature, { priority: 'high' })).toEqual(resolveChain(routing, feature));
    }
    expect(configuredChain(routingSchema.parse({}), 'assistant', 'normal')).toEqual({ source: 'none', steps: [] });
  });

  it('does not append a second extractive step to a normal-priority chain', () => {
    const config = routingSchema.parse({ normalPriority: { defaultChain: [{ provider: 'offline', model: 'extractive' }] }, providers: { offline: { kind: 'extractive' } } });
    expect(resolveChain(config, 'assistant', { priority: 'normal' }).map((s) => s.provider)).toEqual(['offline']);
  });

  it('validates the normal-priority chains and names the bad one', () => {
    expect(() => validateRouting(tiered, ['openai', 'vllm'])).not.toThrow();
    let caught: unknown;
    try {
      validateRouting(tiered, ['openai']);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RoutingConfigError);
    expect((caught as RoutingConfigError).chain).toBe('normalPriority.features.runbook');
    expect((caught as RoutingConfigError).provider).toBe('vllm');
    expect((caught as RoutingConfigError).message).toContain('"normalPriority.features.runbook" uses provider "vllm"');

    const badDefault = routingSchema.parse({ normalPriority: { defaultChain: [{ provider: 'cheap', model: 'm' }] } });
    expect(() => validateRouting(badDefault, ['openai'])).toThrow(/"normalPriority\.defaultChain" uses provider "cheap"/);
  });

  it('refuses an empty chain, an unknown feature and an unknown key in the section', () => {
    expect(routingSchema.safeParse({ normalPriority: { defaultChain: [] } }).success).toBe(false);
    // Feature names are checked against the registered features at start-up (config/routing-features.ts).
    const chat = routingSchema.parse({ normalPriority: { features: { chat: [{ provider: 'openai', model: 'm' }] } } });
    expect(() => checkRoutingFeatures(chat, builtInFeatureNames)).toThrow(ConfigError);
    const typo = routingSchema.safeParse({ normalPriority: { defaultchain: [{ provider: 'openai', model: 'm' }] } });
    expect(typo.success).toBe(false);
    expect(typo.error?.issues[0]?.path).toEqual(['normalPriority']);
  });
});
