import { describe, expect, it } from 'vitest';
import { audiences, statusUpdateOutputSchema } from '../../../../src/features/status-update/output-schema.js';
import { sampleIncidents } from '../../../../src/incidents/sample/index.js';
import { createExtractiveProvider } from '../../../../src/llm/providers/extractive-provider.js';
import { defaultExtractors } from '../../../../src/features/feature-modules.js';
import { createExtractorRegistry } from '../../../../src/llm/providers/extractive/registry.js';
import { ProviderError, type Completion, type FeatureName, type LlmRequest, type StreamEvent } from '../../../../src/llm/types.js';

const live = (): AbortSignal => new AbortController().signal;

function request(overrides: Partial<LlmRequest> = {}): LlmRequest {
  return {
    feature: 'statusUpdate',
    model: 'extractive',
    messages: [
      { role: 'system', content: 'You draft status updates.' },
      { role: 'user', content: 'Audience: PUBLIC, incident PDEMO01 ...' },
    ],
    maxOutputTokens: 1_200,
    temperature: 0.2,
    grounding: { incident: sampleIncidents[0]!, input: { audience: 'PUBLIC', guidance: null } },
    ...overrides,
  };
}

async function collect(events: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const collected: StreamEvent[] = [];
  for await (const event of events) collected.push(event);
  return collected;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('extractive provider', () => {
  it('describes itself as the degraded, self-hosted extractive engine', () => {
    const provider = createExtractiveProvider({ extractors: defaultExtractors });
    expect(provider).toMatchObject({ id: 'extractive', kind: 'extractive', degraded: true, selfHosted: true });
    expect(createExtractiveProvider({ id: 'offline', extractors: defaultExtractors }).id).toBe('offline');
  });

  it.each(sampleIncidents.flatMap((incident) => audiences.map((audience) => [incident.id, audience, incident] as const)))(
    'answers a %s status update for %s with schema-valid JSON',
    async (_id, audience, incident) => {
      const completion = await createExtractiveProvider({ extractors: defaultExtractors }).complete(request({ grounding: { incident, input: { audience } } }), live());
      expect(completion.finishReason).toBe('stop');
      expect(statusUpdateOutputSchema.parse(JSON.parse(completion.text)).phase).toBeTruthy();
    },
  );

  it('reports the extractive model, no request id, and tokens estimated from characters', async () => {
    const input = request();
    const completion = await createExtractiveProvider({ extractors: defaultExtractors }).complete(input, live());
    const characters = input.messages.reduce((total, message) => total + message.content.length, 0);
    expect(completion).toMatchObject({ responseModel: 'extractive', providerRequestId: null });
    expect(completion.usage).toEqual({ inputTokens: Math.ceil(characters / 4), outputTokens: Math.ceil(completion.text.length / 4) });
  });

  it('is deterministic across calls and instances', async () => {
    const first = await createExtractiveProvider({ extractors: defaultExtractors }).complete(request(), live());
    const second = await createExtractiveProvider({ id: 'other', extractors: defaultExtractors }).complete(request(), live());
    expect(second).toEqual(first);
  });

  it('streams the same text in a few deltas, then one finish with the whole completion', async () => {
    const provider = createExtractiveProvider({ extractors: defaultExtractors });
    const completion = await provider.complete(request(), live());
    const events = await collect(provider.stream(request(), live()));
    const deltas = events.filter((event): event is { type: 'delta'; text: string } => event.type === 'delta');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.length).toBeLessThanOrEqual(8);
    expect(deltas.map((delta) => delta.text).join('')).toBe(completion.text);
    expect(events.at(-1)).toEqual({ type: 'finish', completion });
    expect(events.filter((event) => event.type === 'finish')).toHaveLength(1);
  });

  it('rejects a feature it has no extractor for with bad_request', async () => {
    const provider = createExtractiveProvider({ extractors: defaultExtractors });
    const error = await rejection(provider.complete(request({ feature: 'noSuchFeature' as FeatureName }), live()));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'bad_request', retryable: false, providerId: 'extractive' });

    const empty = createExtractiveProvider({ id: 'bare', extractors: createExtractorRegistry([]) });
    await expect(empty.complete(request(), live())).rejects.toMatchObject({ kind: 'bad_request', providerId: 'bare' });
    await expect(collect(empty.stream(request(), live()))).rejects.toMatchObject({ kind: 'bad_request' });
  });

  it('rejects grounding that lacks what the feature needs with bad_request', async () => {
    const provider = createExtractiveProvider({ extractors: defaultExtractors });
    const { grounding: _omitted, ...withoutGrounding } = request();
    for (const input of [
      withoutGrounding,
      request({ grounding: { input: { audience: 'PUBLIC' } } }),
      request({ grounding: { incident: sampleIncidents[0]!, input: { audience: 'CUSTOMERS' } } }),
    ]) {
      const error = await rejection(provider.complete(input, live()));
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ kind: 'bad_request', retryable: false });
    }
  });

  it('wraps an extractor bug in a non-retryable ProviderError', async () => {
    const broken = createExtractiveProvider({
      extractors: createExtractorRegistry([
        {
          feature: 'statusUpdate',
          extract: () => {
            throw new TypeError('boom');
          },
        },
      ]),
    });
    const error = await rejection(broken.complete(request(), live()));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'unavailable', retryable: false });
    expect((error as ProviderError).cause).toBeInstanceOf(TypeError);
  });

  it('refuses a duplicate extractor for one feature', () => {
    const extractor = { feature: 'statusUpdate' as const, extract: () => ({}) };
    expect(() => createExtractorRegistry([extractor, extractor])).toThrow(/two extractors/);
  });

  it('honours an already-aborted signal with the signal reason', async () => {
    const provider = createExtractiveProvider({ extractors: defaultExtractors });
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    controller.abort(reason);
    await expect(provider.complete(request(), controller.signal)).rejects.toBe(reason);
    await expect(collect(provider.stream(request(), controller.signal))).rejects.toBe(reason);
  });

  it('stops a stream aborted midway', async () => {
    const provider = createExtractiveProvider({ extractors: defaultExtractors });
    const controller = new AbortController();
    const seen: StreamEvent[] = [];
    const reason = new Error('client left');
    const consume = async (): Promise<void> => {
      for await (const event of provider.stream(request(), controller.signal)) {
        seen.push(event);
        controller.abort(reason);
      }
    };
    await expect(consume()).rejects.toBe(reason);
    expect(seen).toHaveLength(1);
    expect(seen.some((event) => event.type === 'finish')).toBe(false);
  });

  it('returns JSON text that parses back to the same value', async () => {
    const incident = structuredClone(sampleIncidents[4]!);
    incident.services[0]!.name = 'Notifications "eu" — ünïcödé 🚀';
    const completion: Completion = await createExtractiveProvider({ extractors: defaultExtractors }).complete(
      request({ grounding: { incident, input: { audience: 'STAKEHOLDERS', guidance: null } } }),
      live(),
    );
    expect(JSON.stringify(JSON.parse(completion.text))).toBe(completion.text);
    expect(completion.text).toContain('🚀');
  });
});
