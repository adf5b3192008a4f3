/**
 * The stream idle timeout and the per-feature attempt timeout over real HTTP: the manager with
 * the real OpenAI and Bedrock providers against the fakes of test/fakes/, which pace their
 * streams. Small limits (ms): the idle timeout is 500 ms, the global attempt timeout 400 ms, the
 * postmortem's 10 s; a stall is three times the idle timeout, a steady chunk 30 ms. The fake
 * clock versions are in manager-timeouts.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBedrockProvider, type BedrockProvider } from '../../src/llm/providers/bedrock-provider.js';
import { createOpenAiProvider } from '../../src/llm/providers/openai-provider.js';
import type { GenerateRequest } from '../../src/llm/generation.js';
import type { LlmProvider } from '../../src/llm/types.js';
import { startFakeBedrock, type FakeBedrock } from '../fakes/bedrock-server.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai-server.js';
import { baseRequest, createHarness } from './manager-harness.js';
import { createScriptedProvider } from './scripted-provider.js';

const idleTimeoutMs = 500;
const stallMs = 3 * idleTimeoutMs;
const resilience = { attemptTimeoutMs: 400, idleTimeoutMs, maxRetries: 0, features: { postmortem: { attemptTimeoutMs: 10_000, deadlineMs: 20_000 } } };
/** 80 characters: 20 chunks of 4, 30 ms apart (600 ms in all, longer than the global 400 ms attempt timeout). */
const answer = 'word '.repeat(16);

/** A whole-answer postmortem request: streamed internally by default (`streamAttempts`). */
const postmortem: GenerateRequest = { ...baseRequest, feature: 'postmortem', stream: false };

function generate(provider: LlmProvider, request: GenerateRequest) {
  const offline = createScriptedProvider({ id: 'extractive', kind: 'extractive', script: [{ reply: 'offline draft' }] });
  const h = createHarness({ providers: [provider, offline], resilience });
  return h.manager.generate(request).then((result) => ({ result, records: h.records.map((record) => [record.provider, record.errorKind]) }));
}

describe('stream timeouts against the fake OpenAI server', () => {
  let fake: FakeOpenAi;
  let provider: LlmProvider;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
    provider = createOpenAiProvider({ id: 'openai', apiKey: 'sk-test', baseURL: fake.url, selfHosted: false, structuredOutputs: true });
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());

  it('a gap between chunks longer than the idle timeout fails the attempt as a timeout and falls back', async () => {
    fake.enqueue({ kind: 'ok', content: answer, pieceSize: 4, chunkDelayMs: stallMs });
    const { result, records } = await generate(provider, postmortem);
    expect(result).toMatchObject({ providerId: 'extractive', fellBack: true });
    expect(records).toEqual([
      ['openai', 'timeout'],
      ['extractive', null],
    ]);
    // The caller asked for a whole answer; the postmortem's attempt streamed it.
    expect(fake.requests[0]?.body).toMatchObject({ stream: true });
  });

  it('no first chunk within the idle timeout fails the same way', async () => {
    fake.enqueue({ kind: 'delay', ms: stallMs });
    const { result, records } = await generate(provider, { ...postmortem, stream: true });
    expect(result.providerId).toBe('extractive');
    expect(records[0]).toEqual(['openai', 'timeout']);
  });

  it('a steady slow stream longer than the global attempt timeout completes within the postmortem limits', async () => {
    fake.enqueue({ kind: 'ok', content: answer, pieceSize: 4, chunkDelayMs: 30 });
    const { result, records } = await generate(provider, postmortem);
    expect(result).toMatchObject({ providerId: 'openai', fellBack: false });
    expect(result.completion.text).toBe(answer);
    expect(records).toEqual([['openai', null]]);
  });

  it('the same stream for a status update ends at its (global) attempt timeout', async () => {
    fake.enqueue({ kind: 'ok', content: answer, pieceSize: 4, chunkDelayMs: 30 });
    const { result, records } = await generate(provider, { ...baseRequest, stream: true });
    expect(result.providerId).toBe('extractive');
    expect(records[0]).toEqual(['openai', 'timeout']);
  });
});

describe('stream timeouts against the fake Bedrock server', () => {
  let fake: FakeBedrock;
  let provider: BedrockProvider;
  beforeAll(async () => {
    fake = await startFakeBedrock();
    provider = createBedrockProvider({ id: 'bedrock', region: 'us-east-1', endpoint: fake.endpoint, credentials: { accessKeyId: 'AKIDTESTFAKE', secretAccessKey: 'test-secret' }, selfHosted: false });
  });
  afterEach(() => fake.reset());
  afterAll(async () => {
    provider.close();
    await fake.close();
  });

  it('a gap between events longer than the idle timeout fails the attempt as a timeout and falls back', async () => {
    fake.enqueue({ kind: 'ok', text: answer, chunkSize: 4, eventDelayMs: stallMs });
    const { result, records } = await generate(provider, postmortem);
    expect(result.providerId).toBe('extractive');
    expect(records[0]).toEqual(['bedrock', 'timeout']);
    expect(fake.requests[0]?.operation).toBe('converse-stream');
  });

  it('no first event within the idle timeout fails the same way', async () => {
    fake.enqueue({ kind: 'delay', ms: stallMs });
    const { result, records } = await generate(provider, postmortem);
    expect(result.providerId).toBe('extractive');
    expect(records[0]).toEqual(['bedrock', 'timeout']);
  });

  it('a steady slow stream longer than the global attempt timeout completes within the postmortem limits', async () => {
    fake.enqueue({ kind: 'ok', text: answer, chunkSize: 4, eventDelayMs: 30 });
    const { result, records } = await generate(provider, postmortem);
    expect(result).toMatchObject({ providerId: 'bedrock', fellBack: false });
    expect(result.completion.text).toBe(answer);
    expect(records).toEqual([['bedrock', null]]);
  });
});
