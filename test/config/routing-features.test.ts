import { describe, expect, it } from 'vitest';
import { builtInFeatureNames } from '../../src/config/feature-names.js';
import { ConfigError } from '../../src/config/index.js';
import { routingSchema } from '../../src/config/llm-routing.js';
import { checkRoutingFeatures } from '../../src/config/routing-features.js';
import { createLlmManager } from '../../src/llm/manager.js';

const chain = [{ provider: 'openai', model: 'm' }];

describe('the routing file names registered features only', () => {
  it('shapes feature names when it parses, before the features are known', () => {
    expect(routingSchema.safeParse({ features: { toy: chain } }).success).toBe(true);
    expect(routingSchema.safeParse({ features: { 'Not A Name': chain } }).success).toBe(false);
  });

  it('refuses, at start-up, a name no module registers, with a ConfigError naming the place', () => {
    const routing = routingSchema.parse({ features: { statusUpdate: chain, chat: chain }, normalPriority: { features: { tooy: chain } } });
    const check = () => checkRoutingFeatures(routing, builtInFeatureNames);
    expect(check).toThrow(ConfigError);
    expect(check).toThrow(/"features\.chat" names feature "chat", "normalPriority\.features\.tooy" names feature "tooy", which is not registered \(registered features: "statusUpdate"/);
  });

  it("checks the names of the resilience section's per-feature time limits too", () => {
    const routing = routingSchema.parse({ resilience: { features: { postmortem: { deadlineMs: 1 }, postmortems: { deadlineMs: 1 } } } });
    expect(() => checkRoutingFeatures(routing, builtInFeatureNames)).toThrow(/"resilience\.features\.postmortems" names feature "postmortems", which is not registered/);
  });

  it('accepts a name a registered module brings', () => {
    const routing = routingSchema.parse({ features: { toy: chain }, experiments: { toy: [{ provider: 'openai', model: 'm', variant: 'a', weight: 1 }] } });
    expect(() => checkRoutingFeatures(routing, [...builtInFeatureNames, 'toy'])).not.toThrow();
  });

  it('is checked when the LLM Manager is built with the registered names', () => {
    const routing = routingSchema.parse({ features: { chat: chain } });
    expect(() => createLlmManager({ providers: [], routing, usage: { record: () => undefined }, features: builtInFeatureNames })).toThrow(ConfigError);
  });
});
