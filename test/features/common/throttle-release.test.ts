/**
 * A generation's throttle permit is released after the answer, not before it: the answer does not
 * wait for the throttle store's round trip (Redis in a multi-replica deployment), the release is
 * started before the answer, and a drain waits for it so a shutdown still charges the tokens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors/app-error.js';
import { ErrorCode } from '../../../src/errors/error-codes.js';
import { createDraftGenerator } from '../../../src/features/common/draft-generator.js';
import { statusUpdateFeature } from '../../../src/features/status-update/feature.js';
import { scopes, type Principal } from '../../../src/guard/auth/principal.js';
import type { Throttle } from '../../../src/guard/throttle/throttle.js';
import { sampleIncidents } from '../../../src/incidents/sample/index.js';
import type { LlmManager } from '../../../src/llm/generation.js';
import { createStoreFromDatabase } from '../../../src/store/create-store.js';
import { migrate } from '../../../src/store/migrate.js';
import { createDraftStreamHub } from '../../../src/streams/draft-stream-hub.js';
import { createLogger } from '../../../src/telemetry/logger.js';
import { createPgliteTestDatabase } from '../../store/support/pglite-test-database.js';
import type { TestDatabase } from '../../store/support/test-database.js';

const principal: Principal = { accountId: 'demo', userId: 'apikey:abcdefghijkl', scopes: new Set(scopes), method: 'api_key' };
const incident = sampleIncidents.find((item) => item.id === 'PDEMO01')!;

describe('the throttle permit of a generation', () => {
  let testDatabase: TestDatabase;

  beforeAll(async () => {
    testDatabase = await createPgliteTestDatabase();
    await migrate(testDatabase.database);
  });
  afterAll(() => testDatabase?.dispose());

  function generatorWith(release: (tokensUsed: number) => Promise<void>, manager: LlmManager) {
    const store = createStoreFromDatabase(testDatabase.database);
    const logger = createLogger('silent');
    const hub = createDraftStreamHub({ store, logger, storeChunksEveryMs: 0 });
    const throttle: Throttle = { enter: async () => ({ release }) };
    return createDraftGenerator({ store, manager, hub, logger, throttle });
  }

  const failing: LlmManager = {
    generate: () => Promise.reject(new AppError(ErrorCode.PROVIDER_UNAVAILABLE, 'Every provider failed.', { retryable: true })),
    health: () => [],
  };

  const generate = (generator: ReturnType<typeof createDraftGenerator>) =>
    generator
      .generate(statusUpdateFeature, { principal, input: { audience: 'RESPONDERS', guidance: null }, incident, job: null, execution: null }, { incidentId: incident.id, jobId: null, executionId: null }, { stream: false })
      .catch((error: unknown) => error);

  /** A release that records its call and finishes when the test says so. */
  function gatedRelease() {
    const state = { calls: [] as number[], released: false, finish: () => undefined as void };
    const release = (tokensUsed: number) => {
      state.calls.push(tokensUsed);
      return new Promise<void>((resolve) => (state.finish = resolve)).then(() => {
        state.released = true;
      });
    };
    return { state, release };
  }

  it('is released without holding the answer', async () => {
    const { state, release } = gatedRelease();
    const generator = generatorWith(release, failing);
    expect(await generate(generator)).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE });
    // Started before the answer, not waited for.
    expect(state.calls).toEqual([0]);
    expect(state.released).toBe(false);
    state.finish();
    await generator.drain();
    expect(state.released).toBe(true);
  });

  it('is waited for by a drain that began while the generation ran', async () => {
    const { state, release } = gatedRelease();
    let asked!: () => void;
    let answerModel!: () => void;
    const modelAsked = new Promise<void>((resolve) => (asked = resolve));
    const manager: LlmManager = {
      generate: () => {
        asked();
        return new Promise<never>((_, reject) => (answerModel = () => reject(new AppError(ErrorCode.PROVIDER_UNAVAILABLE, 'Every provider failed.', { retryable: true }))));
      },
      health: () => [],
    };
    const generator = generatorWith(release, manager);
    const answer = generate(generator);
    await modelAsked;
    let drained = false;
    const drain = generator.drain().then(() => (drained = true));
    answerModel();
    expect(await answer).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(drained).toBe(false);
    state.finish();
    await drain;
    expect(state.released).toBe(true);
  });
});
