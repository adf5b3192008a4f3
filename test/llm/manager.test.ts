import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors/app-error.js';
import { RoutingConfigError } from '../../src/llm/route.js';
import { ProviderError, type Completion } from '../../src/llm/types.js';
import { baseRequest, createHarness, startTime } from './manager-harness.js';
import { completionOf, createScriptedProvider, providerError } from './scripted-provider.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const extractive = () => createScriptedProvider({ id: 'extractive', kind: 'extractive', script: [{ reply: 'extractive draft' }] });

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('LLM Manager: success and retries', () => {
  it('answers from the first provider on the first try', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ reply: 'all good', usage: { inputTokens: 1_000, outputTokens: 200 } }] });
    const bedrock = createScriptedProvider({ id: 'bedrock', kind: 'bedrock', script: [{ reply: 'unused' }] });
    const h = createHarness({ providers: [openai, bedrock, extractive()] });

    const result = await h.manager.generate(baseRequest);

    expect(result).toMatchObject({
      providerId: 'openai',
      providerKind: 'openai',
      model: 'gpt-4o-mini',
      variant: 'openai:gpt-4o-mini',
      degraded: false,
      attempts: 1,
      fellBack: false,
      traceId: null,
    });
    expect(result.completion.text).toBe('all good');
    expect(result.costUsd).toBeCloseTo((1_000 * 0.15 + 200 * 0.6) / 1e6, 12);
    expect(bedrock.calls).toHaveLength(0);
    expect(h.records).toHaveLength(1);
    expect(h.records[0]).toMatchObject({
      accountId: 'acct-1',
      feature: 'statusUpdate',
      draftId: 'draft-1',
      provider: 'openai',
      model: 'gpt-4o-mini',
      attempt: 1,
      outcome: 'success',
      errorKind: null,
      inputTokens: 1_000,
      outputTokens: 200,
      startedAt: new Date(startTime).toISOString(),
      latencyMs: 0,
      traceId: null,
    });
    expect(h.records[0]?.id).toMatch(uuid);
    expect(h.records[0]?.costUsd).toBeCloseTo(result.costUsd, 12);
  });

  it('passes the request and its defaults to the provider', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ reply: 'ok' }] });
    const h = createHarness({ providers: [openai, extractive()], routing: { defaultChain: [{ provider: 'openai', model: 'gpt-4o' }] } });
    await h.manager.generate({ ...baseRequest, feature: 'runbook', temperature: 0.7 });
    expect(openai.calls[0]?.request).toMatchObject({
      feature: 'runbook',
      model: 'gpt-4o',
      messages: baseRequest.messages,
      maxOutputTokens: 1024,
      temperature: 0.7,
    });
    expect(openai.calls[0]?.mode).toBe('complete');
  });

  it('retries a retryable failure after a backoff and records both attempts', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ fail: providerError('openai', 'unavailable', { status: 503 }) }, { reply: 'second time' }] });
    const h = createHarness({ providers: [openai, extractive()] });

    const result = await h.manager.generate(baseRequest);

    expect(result).toMatchObject({ providerId: 'openai', attempts: 2, fellBack: false });
    expect(h.sleeps).toEqual([100]); // random 0.5 * base 200
    expect(h.records.map((r) => [r.attempt, r.provider, r.outcome, r.errorKind])).toEqual([
      [1, 'openai', 'error', 'unavailable'],
      [2, 'openai', 'success', null],
    ]);
    expect(h.records[0]).toMatchObject({ inputTokens: 0, outputTokens: 0, costUsd: 0 });
    expect(new Set(h.records.map((r) => r.id)).size).toBe(2);
    expect(result.latencyMs).toBe(100); // the fake sleep advanced the fake clock
  });

  it('grows the backoff between retries', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ fail: providerError('openai', 'unavailable') }, { fail: providerError('openai', 'timeout') }, { reply: 'third' }] });
    const h = createHarness({ providers: [openai, extractive()] });
    const result = await h.manager.generate(baseRequest);
    expect(result.attempts).toBe(3);
    expect(h.sleeps).toEqual([100, 200]);
  });

  it('waits at least the Retry-After', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ fail: providerError('openai', 'rate_limited', { retryAfterMs: 3_000, status: 429 }) }, { reply: 'ok' }] });
    const h = createHarness({ providers: [openai, extractive()] });
    await h.manager.generate(baseRequest);
    expect(h.sleeps).toHaveLength(1);
    expect(h.sleeps[0]).toBeGreaterThanOrEqual(3_000);
  });

  it('falls back without sleeping when the Retry-After is too long', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ fail: providerError('openai', 'rate_limited', { retryAfterMs: 60_000, status: 429 }) }] });
    const bedrock = createScriptedProvider({ id: 'bedrock', kind: 'bedrock', script: [{ reply: 'from bedrock' }] });
    const h = createHarness({ providers: [openai, bedrock, extractive()] });

    const result = await h.manager.generate(baseRequest);

    expect(h.sleeps).toEqual([]);
    expect(openai.calls).toHaveLength(1);
    expect(result).toMatchObject({ providerId: 'bedrock', providerKind: 'bedrock', model: 'amazon.nova-lite-v1:0', fellBack: true, attempts: 2 });
    expect(h.records.map((r) => [r.attempt, r.provider, r.errorKind])).toEqual([
      [1, 'openai', 'rate_limited'],
      [2, 'bedrock', null],
    ]);
  });

  it.each(['bad_request', 'authentication', 'content_filtered', 'invalid_output'] as const)('falls back at once on %s', async (kind) => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ fail: providerError('openai', kind) }] });
    const bedrock = createScriptedProvider({ id: 'bedrock', kind: 'bedrock', script: [{ reply: 'from bedrock' }] });
    const h = createHarness({ providers: [openai, bedrock, extractive()] });

    const result = await h.manager.generate(baseRequest);

    expect(openai.calls).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
    expect(result).toMatchObject({ providerId: 'bedrock', fellBack: true, attempts: 2 });
    expect(h.records[0]).toMatchObject({ outcome: 'error', errorKind: kind });
  });

  it('treats an unknown error as a retryable unavailable failure and logs it', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ fail: new TypeError('socket exploded') }, { reply: 'ok' }] });
    const h = createHarness({ providers: [openai, extractive()] });
    const result = await h.manager.generate(baseRequest);
    expect(result.attempts).toBe(2);
    expect(h.records[0]?.errorKind).toBe('unknown');
    expect(h.logged.some((l) => l.level === 'error' && l.fields.provider === 'openai')).toBe(true);
  });

  it('falls back to the degraded extractive engine after the model providers', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ fail: providerError('openai', 'unavailable') }] });
    const bedrock = createScriptedProvider({ id: 'bedrock', kind: 'bedrock', script: [{ fail: providerError('bedrock', 'content_filtered') }] });
    const h = createHarness({ providers: [openai, bedrock, extractive()], resilience: { maxRetries: 1 } });

    const result = await h.manager.generate(baseRequest);

    expect(result).toMatchObject({
      providerId: 'extractive',
      providerKind: 'extractive',
      model: 'extractive',
      variant: 'extractive:extractive',
      degraded: true,
      fellBack: true,
      attempts: 4,
      costUsd: 0,
    });
    expect(h.records.map((r) => `${r.attempt}:${r.provider}:${r.outcome}`)).toEqual([
      '1:openai:error',
      '2:openai:error',
      '3:bedrock:error',
      '4:extractive:success',
    ]);
  });
});

describe('LLM Manager: timeouts, deadline, abort', () => {
  it('aborts an attempt that never answers and records a timeout', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ hang: true }] });
    const h = createHarness({ providers: [openai, extractive()], resilience: { attemptTimeoutMs: 20, maxRetries: 0 } });

    const result = await h.manager.generate(baseRequest);

    expect(result.providerId).toBe('extractive');
    expect(openai.calls[0]?.signal.aborted).toBe(true);
    expect(openai.calls[0]?.signal.reason).toBeInstanceOf(ProviderError);
    expect(h.records.map((r) => [r.provider, r.errorKind])).toEqual([
      ['openai', 'timeout'],
      ['extractive', null],
    ]);
  });

  it('times out a provider that ignores its abort signal', async () => {
    const never = (): Promise<Completion> => new Promise<Completion>(() => undefined);
    const openai = createScriptedProvider({ id: 'openai', script: [{ run: never }] });
    const h = createHarness({ providers: [openai, extractive()], resilience: { attemptTimeoutMs: 20, maxRetries: 1 } });

    const result = await h.manager.generate(baseRequest);

    expect(result.attempts).toBe(3);
    expect(h.records.map((r) => r.errorKind)).toEqual(['timeout', 'timeout', null]);
    expect(h.sleeps).toHaveLength(1); // a timeout is retryable
  });

  it('when the deadline passes, skips every remaining step, the extractive engine too, and throws DEADLINE_EXCEEDED', async () => {
    let h!: ReturnType<typeof createHarness>;
    const openai = createScriptedProvider({
      id: 'openai',
      script: [
        {
          run: () => {
            h.clock.advance(121_000);
            throw providerError('openai', 'unavailable');
          },
        },
      ],
    });
    const bedrock = createScriptedProvider({ id: 'bedrock', kind: 'bedrock', script: [{ reply: 'unused' }] });
    const offline = extractive();
    h = createHarness({ providers: [openai, bedrock, offline] });

    const error = await rejectionOf(h.manager.generate(baseRequest));

    expect((error as AppError).code).toBe('DEADLINE_EXCEEDED');
    expect((error as AppError).message).toContain('extractive (extractive): not tried: deadline passed');
    expect(openai.calls).toHaveLength(1); // no retry past the deadline
    expect(bedrock.calls).toHaveLength(0);
    expect(offline.calls).toHaveLength(0);
    expect(h.sleeps).toEqual([]);
    expect(h.records.map((r) => r.provider)).toEqual(['openai']);
  });

  it('aborts an extractive attempt in flight when the deadline timer fires, like any provider', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ fail: providerError('openai', 'bad_request') }] });
    const offline = createScriptedProvider({ id: 'extractive', kind: 'extractive', script: [{ hang: true }] });
    const h = createHarness({ providers: [openai, offline], resilience: { deadlineMs: 20 } });

    const error = await rejectionOf(h.manager.generate(baseRequest));

    expect((error as AppError).code).toBe('DEADLINE_EXCEEDED');
    expect(offline.calls[0]?.signal.aborted).toBe(true);
    expect(h.records.map((r) => [r.provider, r.errorKind])).toEqual([
      ['openai', 'bad_request'],
      ['extractive', 'deadline'],
    ]);
  });

  it('throws DEADLINE_EXCEEDED when no extractive step can answer after the deadline', async () => {
    let h!: ReturnType<typeof createHarness>;
    const openai = createScriptedProvider({
      id: 'openai',
      script: [
        {
          run: () => {
            h.clock.advance(121_000);
            throw providerError('openai', 'unavailable');
          },
        },
      ],
    });
    const bedrock = createScriptedProvider({ id: 'bedrock', kind: 'bedrock', script: [{ reply: 'unused' }] });
    h = createHarness({ providers: [openai, bedrock] });

    const error = await rejectionOf(h.manager.generate(baseRequest));

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DEADLINE_EXCEEDED');
    expect((error as AppError).retryable).toBe(true);
    expect((error as AppError).message).toContain('bedrock (amazon.nova-lite-v1:0): not tried: deadline passed');
    expect(bedrock.calls).toHaveLength(0);
  });

  it('aborts the attempt in flight when the deadline timer fires, records it as deadline, and tries nothing after it', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ hang: true }] });
    const offline = extractive();
    const h = createHarness({ providers: [openai, offline], resilience: { deadlineMs: 20 } });

    const error = await rejectionOf(h.manager.generate(baseRequest));

    expect((error as AppError).code).toBe('DEADLINE_EXCEEDED');
    expect(offline.calls).toHaveLength(0);
    expect(h.records.map((r) => [r.provider, r.errorKind])).toEqual([['openai', 'deadline']]);
  });

  it('does not sleep a backoff that would end past the deadline', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ fail: providerError('openai', 'rate_limited', { retryAfterMs: 9_000 }) }] });
    const bedrock = createScriptedProvider({ id: 'bedrock', kind: 'bedrock', script: [{ reply: 'from bedrock' }] });
    const h = createHarness({ providers: [openai, bedrock, extractive()], resilience: { deadlineMs: 5_000 } });

    const result = await h.manager.generate(baseRequest);

    expect(h.sleeps).toEqual([]);
    expect(result.providerId).toBe('bedrock');
  });

  it("stops at once on the caller's abort and rethrows its reason", async () => {
    const controller = new AbortController();
    const reason = new Error('client went away');
    const openai = createScriptedProvider({
      id: 'openai',
      script: [
        {
          run: (_request, signal) => {
            setTimeout(() => controller.abort(reason), 0);
            return new Promise<Completion>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
          },
        },
      ],
    });
    const ext = extractive();
    const h = createHarness({ providers: [openai, ext] });

    const error = await rejectionOf(h.manager.generate({ ...baseRequest, signal: controller.signal }));

    expect(error).toBe(reason);
    expect(openai.calls[0]?.signal.aborted).toBe(true);
    expect(ext.calls).toHaveLength(0);
    expect(h.records).toHaveLength(1);
    expect(h.records[0]).toMatchObject({ provider: 'openai', outcome: 'error', errorKind: 'aborted' });
  });

  it('stops during a backoff when the caller aborts', async () => {
    const controller = new AbortController();
    const reason = new Error('shutdown');
    const openai = createScriptedProvider({ id: 'openai', script: [{ fail: providerError('openai', 'unavailable') }] });
    const ext = extractive();
    const h = createHarness({
      providers: [openai, ext],
      sleep: async (_ms, signal) => {
        controller.abort(reason);
        signal.throwIfAborted();
      },
    });

    const error = await rejectionOf(h.manager.generate({ ...baseRequest, signal: controller.signal }));

    expect(error).toBe(reason);
    expect(openai.calls).toHaveLength(1);
    expect(ext.calls).toHaveLength(0);
    expect(h.records).toHaveLength(1);
  });

  it('makes no attempt when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    const openai = createScriptedProvider({ id: 'openai', script: [{ reply: 'ok' }] });
    const h = createHarness({ providers: [openai, extractive()] });
    await expect(h.manager.generate({ ...baseRequest, signal: controller.signal })).rejects.toThrow('too late');
    expect(openai.calls).toHaveLength(0);
    expect(h.records).toHaveLength(0);
  });
});

describe('LLM Manager: circuit breaker', () => {
  it('opens after N failures; later requests skip the provider with no usage record', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ fail: providerError('openai', 'unavailable', { status: 503 }) }] });
    const h = createHarness({ providers: [openai, extractive()], resilience: { maxRetries: 0, breakerFailureThreshold: 2 } });

    await h.manager.generate(baseRequest);
    expect(h.manager.health()[0]).toMatchObject({ providerId: 'openai', circuit: 'closed', consecutiveFailures: 1 });
    await h.manager.generate(baseRequest);
    expect(h.manager.health()[0]).toMatchObject({
      circuit: 'open',
      consecutiveFailures: 2,
      lastError: 'unavailable (HTTP 503)',
      lastErrorAt: new Date(startTime).toISOString(),
    });
    h.records.length = 0;

    const result = await h.manager.generate(baseRequest);

    expect(openai.calls).toHaveLength(2);
    expect(result).toMatchObject({ providerId: 'extractive', attempts: 1, fellBack: true });
    expect(h.records.map((r) => [r.attempt, r.provider])).toEqual([[1, 'extractive']]);
  });

  it('does not count non-retryable failures', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ fail: providerError('openai', 'bad_request') }] });
    const h = createHarness({ providers: [openai, extractive()], resilience: { maxRetries: 0, breakerFailureThreshold: 1 } });
    await h.manager.generate(baseRequest);
    await h.manager.generate(baseRequest);
    expect(openai.calls).toHaveLength(2);
    expect(h.manager.health()[0]).toMatchObject({ circuit: 'closed', consecutiveFailures: 0, lastError: 'bad_request' });
  });

  it('stops retrying a provider whose circuit opens during the retries', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ fail: providerError('openai', 'unavailable') }] });
    const h = createHarness({ providers: [openai, extractive()], resilience: { maxRetries: 5, breakerFailureThreshold: 2 } });
    const result = await h.manager.generate(baseRequest);
    expect(openai.calls).toHaveLength(2);
    expect(result.attempts).toBe(3);
  });

  it('after the cooldown lets one trial through; concurrent requests skip; success closes', async () => {
    let releaseTrial!: (completion: Completion) => void;
    const openai = createScriptedProvider({
      id: 'openai',
      script: [
        { fail: providerError('openai', 'unavailable') },
        { fail: providerError('openai', 'unavailable') },
        { run: () => new Promise<Completion>((resolve) => (releaseTrial = resolve)) },
        { reply: 'healthy again' },
      ],
    });
    const h = createHarness({ providers: [openai, extractive()], resilience: { maxRetries: 0, breakerFailureThreshold: 2, breakerCooldownMs: 30_000 } });
    await h.manager.generate(baseRequest);
    await h.manager.generate(baseRequest);

    h.clock.advance(29_999);
    expect(h.manager.health()[0]?.circuit).toBe('open');
    expect((await h.manager.generate(baseRequest)).providerId).toBe('extractive');
    expect(openai.calls).toHaveLength(2);

    h.clock.advance(1);
    expect(h.manager.health()[0]?.circuit).toBe('half_open');
    const trial = h.manager.generate(baseRequest);
    await Promise.resolve();
    expect(openai.calls).toHaveLength(3);

    const concurrent = await h.manager.generate(baseRequest);
    expect(concurrent.providerId).toBe('extractive');
    expect(openai.calls).toHaveLength(3);

    releaseTrial(completionOf('trial ok', 'gpt-4o-mini'));
    expect((await trial).providerId).toBe('openai');
    expect(h.manager.health()[0]).toMatchObject({ circuit: 'closed', consecutiveFailures: 0 });
    expect((await h.manager.generate(baseRequest)).completion.text).toBe('healthy again');
  });

  it('a failed trial re-opens the circuit', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ fail: providerError('openai', 'unavailable') }] });
    const h = createHarness({ providers: [openai, extractive()], resilience: { maxRetries: 2, breakerFailureThreshold: 1, breakerCooldownMs: 1_000 } });
    await h.manager.generate(baseRequest);
    h.clock.advance(1_000);
    await h.manager.generate(baseRequest);
    expect(openai.calls).toHaveLength(2); // the trial only: no retry through a re-opened circuit
    expect(h.manager.health()[0]?.circuit).toBe('open');
  });

  it('never breaks the extractive provider', async () => {
    const ext = createScriptedProvider({ id: 'extractive', kind: 'extractive', script: [{ fail: providerError('extractive', 'unavailable') }] });
    const h = createHarness({ providers: [ext], routing: { defaultChain: undefined }, resilience: { maxRetries: 0, breakerFailureThreshold: 1 } });
    for (let i = 0; i < 3; i += 1) await rejectionOf(h.manager.generate(baseRequest));
    expect(ext.calls).toHaveLength(3);
    expect(h.manager.health()).toEqual([
      {
        providerId: 'extractive',
        kind: 'extractive',
        circuit: 'closed',
        consecutiveFailures: 3,
        lastError: 'unavailable',
        lastErrorAt: new Date(startTime).toISOString(),
      },
    ]);
  });
});

describe('LLM Manager: exhaustion, health and configuration', () => {
  it('throws a retryable PROVIDER_UNAVAILABLE that says what each provider did, without their messages', async () => {
    const secret = new ProviderError('openai', 'unavailable', 'upstream said: Incorrect API key sk-live-SECRET', { status: 503 });
    const openai = createScriptedProvider({ id: 'openai', script: [{ fail: secret }] });
    const bedrock = createScriptedProvider({ id: 'bedrock', kind: 'bedrock', script: [{ fail: providerError('bedrock', 'bad_request', { status: 400 }) }] });
    const h = createHarness({ providers: [openai, bedrock], resilience: { maxRetries: 1 } });

    const error = await rejectionOf(h.manager.generate(baseRequest));

    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('PROVIDER_UNAVAILABLE');
    expect(appError.retryable).toBe(true);
    expect(appError.message).toBe(
      'No AI provider could answer statusUpdate: openai (gpt-4o-mini): unavailable (HTTP 503), unavailable (HTTP 503); ' +
        'bedrock (amazon.nova-lite-v1:0): bad_request (HTTP 400).',
    );
    expect(appError.message).not.toContain('SECRET');
    expect(appError.toGraphQLError().extensions.code).toBe('PROVIDER_UNAVAILABLE');
    expect(h.records).toHaveLength(3);
    expect(h.logged.some((l) => l.level === 'warn' && l.message.includes('no extractive provider'))).toBe(true);
  });

  it('mentions skipped providers in the exhaustion message', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ fail: providerError('openai', 'unavailable') }] });
    const h = createHarness({ providers: [openai], resilience: { maxRetries: 0, breakerFailureThreshold: 1 } });
    await rejectionOf(h.manager.generate(baseRequest));
    const error = await rejectionOf(h.manager.generate(baseRequest));
    expect((error as AppError).message).toContain('openai (gpt-4o-mini): not tried: circuit open');
  });

  it('reports the health of every provider', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ reply: 'ok' }] });
    const bedrock = createScriptedProvider({ id: 'bedrock', kind: 'bedrock', script: [{ reply: 'ok' }] });
    const h = createHarness({ providers: [openai, bedrock, extractive()] });
    expect(h.manager.health().map((p) => [p.providerId, p.kind, p.circuit, p.consecutiveFailures, p.lastError])).toEqual([
      ['openai', 'openai', 'closed', 0, null],
      ['bedrock', 'bedrock', 'closed', 0, null],
      ['extractive', 'extractive', 'closed', 0, null],
    ]);
  });

  it('rejects a routing config that names an unknown provider', () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ reply: 'ok' }] });
    const routing = { features: { postmortem: [{ provider: 'vllm', model: 'llama' }] } };
    expect(() => createHarness({ providers: [openai, extractive()], routing })).toThrow(RoutingConfigError);
    expect(() => createHarness({ providers: [openai, extractive()], routing })).toThrow(/"postmortem".*"vllm"/);
  });

  it('rejects two providers with the same id', () => {
    const a = createScriptedProvider({ id: 'openai', script: [{ reply: 'ok' }] });
    const b = createScriptedProvider({ id: 'openai', script: [{ reply: 'ok' }] });
    expect(() => createHarness({ providers: [a, b], routing: { defaultChain: undefined } })).toThrow(/two providers share the id "openai"/);
  });

  it('logs a model without a price once and records cost 0', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ reply: 'ok' }] });
    const h = createHarness({ providers: [openai, extractive()], routing: { defaultChain: [{ provider: 'openai', model: 'my-finetune' }] } });
    await h.manager.generate(baseRequest);
    await h.manager.generate(baseRequest);
    expect(h.records.map((r) => r.costUsd)).toEqual([0, 0]);
    expect(h.logged.filter((l) => l.fields.model === 'my-finetune')).toHaveLength(1);
  });
});

describe('LLM Manager: priority routing', () => {
  // The usual chain is the expensive model; normal-priority work may go to the cheaper one.
  const tiered = {
    defaultChain: [{ provider: 'openai', model: 'gpt-4.1' }],
    normalPriority: { defaultChain: [{ provider: 'openai', model: 'gpt-4o-mini' }] },
    prices: {
      'gpt-4.1': { inputPerMillion: 2, outputPerMillion: 8 },
      'gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
    },
  };
  const usage = { inputTokens: 1_000, outputTokens: 100 };
  const openaiReplying = () => createScriptedProvider({ id: 'openai', script: [{ reply: 'ok', usage }] });

  it('sends normal-priority work to the cheaper model of the normalPriority chain', async () => {
    const openai = openaiReplying();
    const h = createHarness({ providers: [openai, extractive()], routing: tiered });

    const result = await h.manager.generate({ ...baseRequest, priority: 'normal' });

    expect(openai.calls.map((c) => c.request.model)).toEqual(['gpt-4o-mini']);
    expect(result).toMatchObject({ providerId: 'openai', model: 'gpt-4o-mini', variant: 'openai:gpt-4o-mini', fellBack: false });
    expect(h.records.map((r) => r.model)).toEqual(['gpt-4o-mini']);
    expect(result.costUsd).toBeCloseTo((1_000 * 0.15 + 100 * 0.6) / 1e6, 12);
  });

  it('keeps high-priority work, and requests without a priority, on the usual chain', async () => {
    const openai = openaiReplying();
    const h = createHarness({ providers: [openai, extractive()], routing: tiered });

    const high = await h.manager.generate({ ...baseRequest, priority: 'high' });
    const unstated = await h.manager.generate(baseRequest);

    expect(openai.calls.map((c) => c.request.model)).toEqual(['gpt-4.1', 'gpt-4.1']);
    expect([high.model, unstated.model]).toEqual(['gpt-4.1', 'gpt-4.1']);
    expect(high.costUsd).toBeCloseTo((1_000 * 2 + 100 * 8) / 1e6, 12);
  });

  it('uses the usual chain for both priorities without a normalPriority section', async () => {
    const openai = openaiReplying();
    const h = createHarness({ providers: [openai, extractive()], routing: { defaultChain: tiered.defaultChain, prices: tiered.prices } });

    await h.manager.generate({ ...baseRequest, priority: 'normal' });
    await h.manager.generate({ ...baseRequest, priority: 'high' });

    expect(openai.calls.map((c) => c.request.model)).toEqual(['gpt-4.1', 'gpt-4.1']);
  });

  it("prefers the feature's own normal-priority chain, on another provider, over the section's default chain", async () => {
    const openai = openaiReplying();
    const vllm = createScriptedProvider({ id: 'vllm', script: [{ reply: 'local', usage }] });
    const routing = {
      ...tiered,
      normalPriority: { ...tiered.normalPriority, features: { postmortem: [{ provider: 'vllm', model: 'llama-3.1-8b' }] } },
    };
    const h = createHarness({ providers: [openai, vllm, extractive()], routing });

    const postmortem = await h.manager.generate({ ...baseRequest, feature: 'postmortem', priority: 'normal' });
    const statusUpdate = await h.manager.generate({ ...baseRequest, feature: 'statusUpdate', priority: 'normal' });

    expect(postmortem).toMatchObject({ providerId: 'vllm', model: 'llama-3.1-8b' });
    expect(vllm.calls.map((c) => c.request.feature)).toEqual(['postmortem']);
    expect(statusUpdate).toMatchObject({ providerId: 'openai', model: 'gpt-4o-mini' });
    expect(openai.calls.map((c) => c.request.model)).toEqual(['gpt-4o-mini']);
  });

  it('falls back along the normal-priority chain to the extractive engine, not to the usual chain', async () => {
    const openai = openaiReplying();
    const vllm = createScriptedProvider({ id: 'vllm', script: [{ fail: providerError('vllm', 'bad_request', { status: 400 }) }] });
    const ext = extractive();
    const routing = { ...tiered, normalPriority: { defaultChain: [{ provider: 'vllm', model: 'llama-3.1-8b' }] } };
    const h = createHarness({ providers: [openai, vllm, ext], routing });

    const result = await h.manager.generate({ ...baseRequest, priority: 'normal' });

    expect(result).toMatchObject({ providerId: 'extractive', degraded: true, fellBack: true });
    expect(vllm.calls).toHaveLength(1);
    expect(openai.calls).toHaveLength(0);
  });

  it('refuses at creation a normalPriority chain that names an unknown provider', () => {
    const openai = openaiReplying();
    const routing = { ...tiered, normalPriority: { features: { statusUpdate: [{ provider: 'vllm', model: 'llama' }] } } };
    expect(() => createHarness({ providers: [openai, extractive()], routing })).toThrow(RoutingConfigError);
    expect(() => createHarness({ providers: [openai, extractive()], routing })).toThrow(/"normalPriority\.features\.statusUpdate" uses provider "vllm"/);
  });
});
