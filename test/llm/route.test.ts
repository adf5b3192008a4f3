import { describe, expect, it } from 'vitest';
import { routingSchema } from '../../src/config/llm-routing.js';
import { resolveChain, RoutingConfigError, validateRouting } from '../../src/llm/route.js';

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
