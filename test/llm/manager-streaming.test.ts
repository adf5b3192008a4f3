import { describe, expect, it } from 'vitest';
import type { GenerateRequest } from '../../src/llm/generation.js';
import { baseRequest, createHarness } from './manager-harness.js';
import { createScriptedProvider, providerError } from './scripted-provider.js';

type Event = Parameters<NonNullable<GenerateRequest['onStreamEvent']>>[0];

function streamingRequest(): { request: GenerateRequest; events: Event[] } {
  const events: Event[] = [];
  return { request: { ...baseRequest, stream: true, onStreamEvent: (event) => events.push(event) }, events };
}

describe('LLM Manager: streaming', () => {
  it('forwards the deltas of a streaming provider', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ reply: 'Hello world', deltas: ['Hello', ' world'] }] });
    const h = createHarness({ providers: [openai] });
    const { request, events } = streamingRequest();

    const result = await h.manager.generate(request);

    expect(openai.calls[0]?.mode).toBe('stream');
    expect(events).toEqual([
      { type: 'delta', text: 'Hello' },
      { type: 'delta', text: ' world' },
    ]);
    expect(result.completion.text).toBe('Hello world');
    expect(h.records).toHaveLength(1);
    expect(h.records[0]).toMatchObject({ outcome: 'success', inputTokens: 100, outputTokens: 20 });
  });

  it('reads the next delta only once a promise returned by onStreamEvent settled', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ reply: 'Hello big world', deltas: ['Hello', ' big', ' world'] }] });
    const h = createHarness({ providers: [openai] });
    const events: Event[] = [];
    let release: () => void = () => undefined;
    const generation = h.manager.generate({
      ...baseRequest,
      stream: true,
      onStreamEvent: (event) => {
        events.push(event);
        return events.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : undefined;
      },
    });
    for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual([{ type: 'delta', text: 'Hello' }]);
    release();
    const result = await generation;
    expect(events.map((event) => (event.type === 'delta' ? event.text : event.type))).toEqual(['Hello', ' big', ' world']);
    expect(result.completion.text).toBe('Hello big world');
  });

  it('on a mid-stream failure emits reset, then the fallback provider streams', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ fail: providerError('openai', 'unavailable'), deltas: ['Cust', 'omers'] }] });
    const ext = createScriptedProvider({ id: 'extractive', kind: 'extractive', script: [{ reply: 'Status: investigating', deltas: ['Status: ', 'investigating'] }] });
    const h = createHarness({ providers: [openai, ext], resilience: { maxRetries: 0 } });
    const { request, events } = streamingRequest();

    const result = await h.manager.generate(request);

    expect(events).toEqual([
      { type: 'delta', text: 'Cust' },
      { type: 'delta', text: 'omers' },
      { type: 'reset' },
      { type: 'delta', text: 'Status: ' },
      { type: 'delta', text: 'investigating' },
    ]);
    expect(result).toMatchObject({ providerId: 'extractive', degraded: true, fellBack: true, attempts: 2 });
    expect(h.records.map((r) => [r.provider, r.outcome, r.errorKind, r.outputTokens])).toEqual([
      ['openai', 'error', 'unavailable', 0],
      ['extractive', 'success', null, 20],
    ]);
  });

  it('emits reset before a retry on the same provider too', async () => {
    const openai = createScriptedProvider({
      id: 'openai',
      script: [{ fail: providerError('openai', 'unavailable'), deltas: ['par'] }, { reply: 'full', deltas: ['fu', 'll'] }],
    });
    const h = createHarness({ providers: [openai] });
    const { request, events } = streamingRequest();

    await h.manager.generate(request);

    expect(events.map((e) => (e.type === 'delta' ? e.text : '<reset>'))).toEqual(['par', '<reset>', 'fu', 'll']);
  });

  it('emits no reset when the attempt failed before any delta', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ fail: providerError('openai', 'bad_request') }] });
    const ext = createScriptedProvider({ id: 'extractive', kind: 'extractive', script: [{ reply: 'fallback' }] });
    const h = createHarness({ providers: [openai, ext] });
    const { request, events } = streamingRequest();

    await h.manager.generate(request);

    expect(events).toEqual([{ type: 'delta', text: 'fallback' }]);
  });

  it('times out a stream that stalls after some deltas', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ hang: true, deltas: ['stal'] }] });
    const ext = createScriptedProvider({ id: 'extractive', kind: 'extractive', script: [{ reply: 'fallback' }] });
    const h = createHarness({ providers: [openai, ext], resilience: { attemptTimeoutMs: 20, maxRetries: 0 } });
    const { request, events } = streamingRequest();

    const result = await h.manager.generate(request);

    expect(result.providerId).toBe('extractive');
    expect(events).toEqual([{ type: 'delta', text: 'stal' }, { type: 'reset' }, { type: 'delta', text: 'fallback' }]);
    expect(h.records[0]?.errorKind).toBe('timeout');
  });

  it('treats a stream that ends without a finish event as unavailable', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ reply: 'x' }] });
    openai.stream = async function* () {
      yield { type: 'delta', text: 'cut' } as const;
    };
    const ext = createScriptedProvider({ id: 'extractive', kind: 'extractive', script: [{ reply: 'fallback' }] });
    const h = createHarness({ providers: [openai, ext], resilience: { maxRetries: 0 } });
    const { request, events } = streamingRequest();

    await h.manager.generate(request);

    expect(h.records[0]?.errorKind).toBe('unavailable');
    expect(events.map((e) => e.type)).toEqual(['delta', 'reset', 'delta']);
  });

  it('survives an onStreamEvent callback that throws', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ reply: 'ok' }] });
    const h = createHarness({ providers: [openai] });
    const result = await h.manager.generate({
      ...baseRequest,
      stream: true,
      onStreamEvent: () => {
        throw new Error('subscriber bug');
      },
    });
    expect(result.providerId).toBe('openai');
    expect(h.logged.some((l) => l.level === 'error' && l.message.includes('onStreamEvent'))).toBe(true);
  });
});
