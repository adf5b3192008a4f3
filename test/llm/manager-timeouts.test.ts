/**
 * The manager's time limits on a fake clock (vitest's fake timers drive the attempt, idle and
 * deadline timers): the stream idle timeout, the per-feature attempt timeout and deadline, and
 * whole answers streamed internally (`streamAttempts`). Over real HTTP: attempt-timeouts-http.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../src/errors/error-codes.js';
import type { GenerateRequest, GenerateResult } from '../../src/llm/generation.js';
import { baseRequest, createHarness, type HarnessOptions } from './manager-harness.js';
import { createScriptedProvider, type ScriptedProvider } from './scripted-provider.js';

type Event = Parameters<NonNullable<GenerateRequest['onStreamEvent']>>[0];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Twenty deltas of "word " after a gap each: a model writing slowly but steadily. */
const steady = (gapMs: number) => ({ reply: 'word '.repeat(20), deltas: Array.from({ length: 20 }, () => 'word '), gapMs });

const fallback = (): ScriptedProvider => createScriptedProvider({ id: 'extractive', kind: 'extractive', script: [{ reply: 'offline draft' }] });

/** Starts `generate`, advances the fake timers by `ms`, and says how the generation stands then. */
async function after(ms: number, options: HarnessOptions, request: GenerateRequest) {
  const h = createHarness(options);
  let outcome: { result?: GenerateResult; error?: unknown } | null = null;
  h.manager.generate(request).then(
    (result) => void (outcome = { result }),
    (error: unknown) => void (outcome = { error }),
  );
  await vi.advanceTimersByTimeAsync(ms);
  return { h, outcome: outcome as { result?: GenerateResult; error?: unknown } | null };
}

describe('LLM Manager: stream idle timeout', () => {
  it('fails a stream that stalls mid-answer after idleTimeoutMs, long before the attempt timeout, and falls back', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ hang: true, deltas: ['Cust', 'omers'] }] });
    const events: Event[] = [];
    const resilience = { attemptTimeoutMs: 60_000, idleTimeoutMs: 1_000, maxRetries: 0 };

    const { h, outcome } = await after(1_000, { providers: [openai, fallback()], resilience }, { ...baseRequest, stream: true, onStreamEvent: (event) => events.push(event) });

    expect(outcome?.result).toMatchObject({ providerId: 'extractive', fellBack: true });
    expect(h.records.map((r) => [r.provider, r.errorKind])).toEqual([
      ['openai', 'timeout'],
      ['extractive', null],
    ]);
    expect(events.slice(0, 3)).toEqual([{ type: 'delta', text: 'Cust' }, { type: 'delta', text: 'omers' }, { type: 'reset' }]);
  });

  it('counts the wait for the first chunk', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ hang: true }] });
    const resilience = { attemptTimeoutMs: 60_000, idleTimeoutMs: 1_000, maxRetries: 0 };

    const early = await after(999, { providers: [openai, fallback()], resilience }, { ...baseRequest, stream: true });
    expect(early.outcome).toBeNull();
    const { h, outcome } = await after(1_000, { providers: [createScriptedProvider({ id: 'openai', script: [{ hang: true }] }), fallback()], resilience }, { ...baseRequest, stream: true });
    expect(outcome?.result?.providerId).toBe('extractive');
    expect(h.records[0]?.errorKind).toBe('timeout');
  });

  it('retries an idle stream like a timeout, and names it in the error when every step went idle', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ hang: true }] });
    const resilience = { attemptTimeoutMs: 60_000, idleTimeoutMs: 500, maxRetries: 1 };

    const { h, outcome } = await after(2_000, { providers: [openai], resilience }, { ...baseRequest, stream: true });

    expect(openai.calls).toHaveLength(2);
    expect(h.sleeps).toHaveLength(1);
    expect(outcome?.error).toMatchObject({ extensions: { code: ErrorCode.PROVIDER_UNAVAILABLE } });
    expect(String((outcome?.error as Error).message)).toContain('openai (gpt-4o-mini): timeout (stream idle), timeout (stream idle)');
  });

  it('lets a steady stream run well past the idle timeout while chunks keep coming', async () => {
    // 20 chunks 400 ms apart: 8 s in all, never 1 s without a chunk.
    const openai = createScriptedProvider({ id: 'openai', script: [steady(400)] });
    const resilience = { attemptTimeoutMs: 60_000, idleTimeoutMs: 1_000, maxRetries: 0 };

    const early = await after(7_900, { providers: [openai, fallback()], resilience }, { ...baseRequest, stream: true });
    expect(early.outcome).toBeNull();
    const { h, outcome } = await after(8_000, { providers: [createScriptedProvider({ id: 'openai', script: [steady(400)] }), fallback()], resilience }, { ...baseRequest, stream: true });
    expect(outcome?.result).toMatchObject({ providerId: 'openai', fellBack: false });
    expect(outcome?.result?.completion.text).toBe('word '.repeat(20));
    expect(h.records.map((r) => r.outcome)).toEqual(['success']);
  });

  it('still ends a steady stream at the attempt timeout (recorded as a timeout, not as idle)', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [steady(400)] });
    const resilience = { attemptTimeoutMs: 3_000, idleTimeoutMs: 1_000, maxRetries: 0 };

    const { h, outcome } = await after(3_000, { providers: [openai], resilience }, { ...baseRequest, stream: true });

    expect(h.records[0]?.errorKind).toBe('timeout');
    expect(String((outcome?.error as Error).message)).toContain('openai (gpt-4o-mini): timeout.');
  });
});

describe('LLM Manager: per-feature time limits', () => {
  const resilience = { attemptTimeoutMs: 3_000, deadlineMs: 10_000, idleTimeoutMs: 1_000, maxRetries: 0 };

  it("gives a feature its own attempt timeout: a steady 8 s postmortem completes where a status update's attempt ends at 3 s", async () => {
    const options = (openai: ScriptedProvider): HarnessOptions => ({ providers: [openai, fallback()], resilience: { ...resilience, features: { postmortem: { attemptTimeoutMs: 20_000, deadlineMs: 30_000 } } } });

    const postmortem = await after(8_000, options(createScriptedProvider({ id: 'openai', script: [steady(400)] })), { ...baseRequest, feature: 'postmortem', stream: true });
    expect(postmortem.outcome?.result).toMatchObject({ providerId: 'openai' });

    const statusUpdate = await after(8_000, options(createScriptedProvider({ id: 'openai', script: [steady(400)] })), { ...baseRequest, feature: 'statusUpdate', stream: true });
    expect(statusUpdate.outcome?.result).toMatchObject({ providerId: 'extractive' });
    expect(statusUpdate.h.records[0]?.errorKind).toBe('timeout');
  });

  it("ends a feature's generation at its own deadline with DEADLINE_EXCEEDED", async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ hang: true }] });
    const options = { providers: [openai, fallback()], resilience: { ...resilience, attemptTimeoutMs: 60_000, idleTimeoutMs: 60_000, features: { runbook: { deadlineMs: 2_000 } } } };

    const { outcome } = await after(2_000, options, { ...baseRequest, feature: 'runbook' });

    expect(outcome?.error).toMatchObject({ extensions: { code: ErrorCode.DEADLINE_EXCEEDED } });
    expect(String((outcome?.error as Error).message)).toContain('The runbook generation ran out of time (2000 ms)');
  });

  it('by default gives the postmortem 180 s attempts and 300 s, and streams its whole-answer requests, so a stall is dropped after 30 s', async () => {
    // The harness sets global limits of 60 s per attempt and 120 s in all; the postmortem's built-in ones win over them.
    const openai = createScriptedProvider({ id: 'openai', script: [{ hang: true, deltas: ['{"summ'] }, steady(5_000)] });
    const events: Event[] = [];
    const options = { providers: [openai, fallback()], resilience: { idleTimeoutMs: 30_000, maxRetries: 1 } };

    const { h, outcome } = await after(130_000, options, { ...baseRequest, feature: 'postmortem', stream: false, onStreamEvent: (event) => events.push(event) });

    expect(openai.calls.map((call) => call.mode)).toEqual(['stream', 'stream']);
    // Idle after 30 s, then a retry of 100 s of steady chunks: past 60 s per attempt and 120 s in all.
    expect(outcome?.result).toMatchObject({ providerId: 'openai', attempts: 2 });
    expect(h.records.map((r) => r.errorKind)).toEqual(['timeout', null]);
    expect(events).toEqual([]);
  });

  it('streams a whole-answer request only when the feature says so', async () => {
    const streamed = createScriptedProvider({ id: 'openai', script: [{ reply: 'ok' }] });
    const whole = createScriptedProvider({ id: 'openai', script: [{ reply: 'ok' }] });

    const first = await after(0, { providers: [streamed], resilience: { features: { assistant: { streamAttempts: true } } } }, { ...baseRequest, feature: 'assistant' });
    const second = await after(0, { providers: [whole] }, { ...baseRequest, feature: 'assistant' });

    expect([first.outcome?.result?.completion.text, second.outcome?.result?.completion.text]).toEqual(['ok', 'ok']);
    expect([streamed.calls[0]?.mode, whole.calls[0]?.mode]).toEqual(['stream', 'complete']);
  });
});
