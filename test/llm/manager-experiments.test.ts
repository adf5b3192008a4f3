/**
 * Experiments in the LLM Manager: the routing config's `experiments` arms replace the first
 * step of a feature's usual chain, picked per generation from `experimentKey` (sticky) or at
 * random by weight; normal-priority work sent to a `normalPriority` chain is not experimented on.
 */
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { routingSchema } from '../../src/config/llm-routing.js';
import { RoutingConfigError, validateRouting } from '../../src/llm/route.js';
import { baseRequest, createHarness } from './manager-harness.js';
import { createScriptedProvider, providerError } from './scripted-provider.js';

const extractive = () => createScriptedProvider({ id: 'extractive', kind: 'extractive', script: [{ reply: 'extractive draft' }] });
const openai = () => createScriptedProvider({ id: 'openai', script: [{ reply: 'openai answer' }] });
const bedrock = () => createScriptedProvider({ id: 'bedrock', kind: 'bedrock', script: [{ reply: 'bedrock answer' }] });

/** A 50/50 experiment on statusUpdate: the usual model against Bedrock Nova Lite. */
const halfAndHalf = {
  statusUpdate: [
    { variant: 'control', provider: 'openai', model: 'gpt-4o-mini', weight: 1 },
    { variant: 'nova-lite', provider: 'bedrock', model: 'amazon.nova-lite-v1:0', weight: 1 },
  ],
};

describe('LLM Manager: experiments', () => {
  it('splits keys roughly evenly between 50/50 arms, and a key always gets the same arm', async () => {
    const h = createHarness({ providers: [openai(), bedrock(), extractive()], routing: { experiments: halfAndHalf } });
    const keys = Array.from({ length: 400 }, (_, index) => `draft-${index}`);

    const firstPick = new Map<string, string>();
    for (const key of keys) {
      const result = await h.manager.generate({ ...baseRequest, experimentKey: key });
      firstPick.set(key, result.variant);
    }
    const counts = { control: 0, 'nova-lite': 0 } as Record<string, number>;
    for (const variant of firstPick.values()) counts[variant] = (counts[variant] ?? 0) + 1;
    expect(Object.keys(counts).sort()).toEqual(['control', 'nova-lite']);
    // 400 draws of a fair coin: sd 10, so ±40 is four standard deviations.
    expect(counts.control).toBeGreaterThan(160);
    expect(counts['nova-lite']).toBeGreaterThan(160);

    for (const key of keys.slice(0, 50)) {
      for (let again = 0; again < 3; again += 1) {
        const result = await h.manager.generate({ ...baseRequest, experimentKey: key });
        expect(result.variant).toBe(firstPick.get(key));
      }
    }
  });

  it("sends the generation to the arm's provider and model and reports the arm's label as the variant", async () => {
    const o = openai();
    const b = bedrock();
    // One arm only: every generation takes it.
    const h = createHarness({
      providers: [o, b, extractive()],
      routing: { experiments: { statusUpdate: [{ variant: 'nova-micro', provider: 'bedrock', model: 'amazon.nova-micro-v1:0', weight: 1 }] } },
    });
    const result = await h.manager.generate({ ...baseRequest, experimentKey: 'draft-1' });
    expect(result).toMatchObject({ providerId: 'bedrock', model: 'amazon.nova-micro-v1:0', variant: 'nova-micro', fellBack: false });
    expect(b.calls[0]?.request.model).toBe('amazon.nova-micro-v1:0');
    expect(o.calls).toHaveLength(0);
    // The arm replaced the preferred step only: the usual chain still shows in other features.
    const other = await h.manager.generate({ ...baseRequest, feature: 'postmortem', experimentKey: 'draft-1' });
    expect(other).toMatchObject({ providerId: 'openai', variant: 'openai:gpt-4o-mini' });
  });

  it('falls back to the rest of the chain when the arm fails', async () => {
    const failing = createScriptedProvider({ id: 'vllm', kind: 'openai', script: [{ fail: providerError('vllm', 'unavailable', { status: 503 }) }] });
    const o = openai();
    const b = bedrock();
    const h = createHarness({
      providers: [failing, o, b, extractive()],
      resilience: { maxRetries: 0 },
      routing: { experiments: { statusUpdate: [{ variant: 'llama', provider: 'vllm', model: 'llama-3.1-8b', weight: 1 }] } },
    });
    const result = await h.manager.generate({ ...baseRequest, experimentKey: 'draft-1' });
    // The arm replaced openai (the chain's first step): the fallback is the rest, bedrock.
    expect(failing.calls).toHaveLength(1);
    expect(o.calls).toHaveLength(0);
    expect(result).toMatchObject({ providerId: 'bedrock', variant: 'bedrock:amazon.nova-lite-v1:0', fellBack: true, attempts: 2 });
    expect(h.records.map((r) => [r.provider, r.outcome])).toEqual([
      ['vllm', 'error'],
      ['bedrock', 'success'],
    ]);
  });

  it("marks the arm's attempt span with incident_ai.route experiments.<feature>, and the fallback's with its chain", async () => {
    const exporter = new InMemorySpanExporter();
    const tracer = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).getTracer('incident-ai');
    const failing = createScriptedProvider({ id: 'vllm', kind: 'openai', script: [{ fail: providerError('vllm', 'bad_request', { status: 400 }) }] });
    const h = createHarness({
      providers: [failing, openai(), bedrock(), extractive()],
      tracer,
      routing: { experiments: { statusUpdate: [{ variant: 'llama', provider: 'vllm', model: 'llama-3.1-8b', weight: 1 }] } },
    });
    await h.manager.generate({ ...baseRequest, experimentKey: 'draft-1' });
    expect(exporter.getFinishedSpans().map((span) => [span.attributes['incident_ai.provider.id'], span.attributes['incident_ai.route']])).toEqual([
      ['vllm', 'experiments.statusUpdate'],
      ['bedrock', 'defaultChain'],
    ]);
  });

  it('draws at random by weight without a key', async () => {
    // The harness's random() is 0.5: with weights 1 and 3, [0.25, 1) belongs to the second arm.
    const h = createHarness({
      providers: [openai(), bedrock(), extractive()],
      routing: {
        experiments: {
          statusUpdate: [
            { variant: 'small', provider: 'openai', model: 'gpt-4o-mini', weight: 1 },
            { variant: 'big', provider: 'openai', model: 'gpt-4o', weight: 3 },
          ],
        },
      },
    });
    const result = await h.manager.generate(baseRequest);
    expect(result).toMatchObject({ model: 'gpt-4o', variant: 'big' });
    const reweighted = createHarness({
      providers: [openai(), extractive()],
      routing: {
        experiments: {
          statusUpdate: [
            { variant: 'small', provider: 'openai', model: 'gpt-4o-mini', weight: 3 },
            { variant: 'big', provider: 'openai', model: 'gpt-4o', weight: 1 },
          ],
        },
      },
    });
    expect((await reweighted.manager.generate(baseRequest)).variant).toBe('small');
  });

  it('keeps the extractive last resort when the feature has no configured chain', async () => {
    const failing = createScriptedProvider({ id: 'openai', script: [{ fail: providerError('openai', 'authentication', { status: 401 }) }] });
    const h = createHarness({
      providers: [failing, extractive()],
      routing: { defaultChain: undefined, experiments: { statusUpdate: [{ variant: 'arm', provider: 'openai', model: 'gpt-4o', weight: 1 }] } },
    });
    const result = await h.manager.generate({ ...baseRequest, experimentKey: 'k' });
    expect(failing.calls).toHaveLength(1);
    expect(result).toMatchObject({ providerId: 'extractive', variant: 'extractive:extractive', fellBack: true });
  });
});

describe('LLM Manager: experiments and priority', () => {
  const oneArm = { statusUpdate: [{ variant: 'nova-micro', provider: 'bedrock', model: 'amazon.nova-micro-v1:0', weight: 1 }] };
  const cheaper = { features: { statusUpdate: [{ provider: 'openai', model: 'gpt-4.1-mini' }] } };

  it('does not experiment on normal-priority work routed to a normalPriority chain', async () => {
    const h = createHarness({ providers: [openai(), bedrock(), extractive()], routing: { experiments: oneArm, normalPriority: cheaper } });
    const result = await h.manager.generate({ ...baseRequest, priority: 'normal', experimentKey: 'draft-1' });
    expect(result).toMatchObject({ providerId: 'openai', model: 'gpt-4.1-mini', variant: 'openai:gpt-4.1-mini' });
  });

  it('experiments on high-priority work, on requests without a priority, and on normal work that keeps the usual chain', async () => {
    const h = createHarness({ providers: [openai(), bedrock(), extractive()], routing: { experiments: oneArm, normalPriority: cheaper } });
    expect((await h.manager.generate({ ...baseRequest, priority: 'high', experimentKey: 'draft-1' })).variant).toBe('nova-micro');
    expect((await h.manager.generate({ ...baseRequest, experimentKey: 'draft-1' })).variant).toBe('nova-micro');

    const noCheaperChain = createHarness({ providers: [openai(), bedrock(), extractive()], routing: { experiments: oneArm } });
    expect((await noCheaperChain.manager.generate({ ...baseRequest, priority: 'normal', experimentKey: 'draft-1' })).variant).toBe('nova-micro');
  });
});

describe('experiment arms at start-up', () => {
  const arms = { statusUpdate: [{ variant: 'llama', provider: 'vllm', model: 'llama-3.1-8b', weight: 1 }] };

  it('validateRouting refuses an arm whose provider is not configured, naming the experiment', () => {
    const routing = routingSchema.parse({ experiments: arms });
    let caught: unknown;
    try {
      validateRouting(routing, ['openai', 'extractive']);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RoutingConfigError);
    expect((caught as RoutingConfigError).chain).toBe('experiments.statusUpdate');
    expect((caught as RoutingConfigError).provider).toBe('vllm');
    expect(() => validateRouting(routing, ['openai', 'vllm', 'extractive'])).not.toThrow();
  });

  it('the manager refuses to start with such an arm', () => {
    expect(() => createHarness({ providers: [openai(), extractive()], routing: { experiments: arms } })).toThrow(RoutingConfigError);
    expect(() => createHarness({ providers: [openai(), extractive()], routing: { experiments: arms } })).toThrow(/"experiments\.statusUpdate".*"vllm"/);
  });
});

describe('LLM Manager: a pinned variant (the console\'s Compare)', () => {
  it('lists the arms, then the chain, extractive last, and routes a pinned variant first whatever the key', async () => {
    const o = openai();
    const b = bedrock();
    const h = createHarness({ providers: [o, b, extractive()], routing: { experiments: halfAndHalf } });
    expect(h.manager.variants?.('statusUpdate')).toEqual(['control', 'nova-lite', 'openai:gpt-4o-mini', 'bedrock:amazon.nova-lite-v1:0', 'extractive:extractive']);
    expect(h.manager.variants?.('postmortem')).toEqual(['openai:gpt-4o-mini', 'bedrock:amazon.nova-lite-v1:0', 'extractive:extractive']);

    for (const key of ['draft-1', 'draft-2', 'draft-3', 'draft-4']) {
      const pinned = await h.manager.generate({ ...baseRequest, experimentKey: key, variant: 'nova-lite' });
      expect(pinned).toMatchObject({ providerId: 'bedrock', variant: 'nova-lite', fellBack: false });
    }
    const fromChain = await h.manager.generate({ ...baseRequest, variant: 'bedrock:amazon.nova-lite-v1:0' });
    expect(fromChain).toMatchObject({ providerId: 'bedrock', model: 'amazon.nova-lite-v1:0', variant: 'bedrock:amazon.nova-lite-v1:0' });
    const offline = await h.manager.generate({ ...baseRequest, variant: 'extractive:extractive' });
    expect(offline).toMatchObject({ providerId: 'extractive', degraded: true });
  });

  it('refuses an unknown variant with BAD_USER_INPUT naming the known ones, before any call', async () => {
    const o = openai();
    const h = createHarness({ providers: [o, extractive()] });
    await expect(h.manager.generate({ ...baseRequest, variant: 'gpt-5' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('openai:gpt-4o-mini') });
    expect(o.calls).toHaveLength(0);
  });
});
