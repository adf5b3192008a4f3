/**
 * Shared set-up of the manager tests: a fake clock, a recording sleep that advances it, a
 * usage sink that keeps records, and a routing config with small, explicit settings.
 */
import { routingSchema, type RoutingConfig } from '../../src/config/llm-routing.js';
import type { GenerateRequest, LlmManager } from '../../src/llm/generation.js';
import { createLlmManager, type LlmManagerLogger, type LlmManagerOptions } from '../../src/llm/manager.js';
import type { LlmProvider } from '../../src/llm/types.js';
import type { LlmCallRecord } from '../../src/store/types.js';

export interface Harness {
  manager: LlmManager;
  records: LlmCallRecord[];
  sleeps: number[];
  logged: Array<{ level: 'warn' | 'error'; fields: Record<string, unknown>; message: string }>;
  clock: { now(): number; advance(ms: number): void };
}

export interface HarnessOptions {
  providers: LlmProvider[];
  /** Merged into the routing input before parsing. */
  routing?: Record<string, unknown>;
  resilience?: Partial<RoutingConfig['resilience']>;
  sleep?: LlmManagerOptions['sleep'];
  tracer?: LlmManagerOptions['tracer'];
  captureMessageContent?: boolean;
  dataPolicy?: LlmManagerOptions['dataPolicy'];
  /** Replaces the default middleware (app.ts lists the real ones). */
  middleware?: LlmManagerOptions['middleware'];
}

export const startTime = Date.parse('2025-03-01T12:00:00.000Z');

export function createHarness(options: HarnessOptions): Harness {
  let now = startTime;
  const clock = { now: () => now, advance: (ms: number) => void (now += ms) };
  const records: LlmCallRecord[] = [];
  const sleeps: number[] = [];
  const logged: Harness['logged'] = [];
  const logger: LlmManagerLogger = {
    warn: (fields, message) => logged.push({ level: 'warn', fields, message }),
    error: (fields, message) => logged.push({ level: 'error', fields, message }),
  };
  const routing = routingSchema.parse({
    // The default chain names only the providers a test registers.
    defaultChain: [
      { provider: 'openai', model: 'gpt-4o-mini' },
      { provider: 'bedrock', model: 'amazon.nova-lite-v1:0' },
    ].filter((step) => options.providers.some((provider) => provider.id === step.provider)),
    prices: {
      'gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
      'amazon.nova-lite-v1:0': { inputPerMillion: 0.06, outputPerMillion: 0.24 },
    },
    ...options.routing,
    resilience: {
      attemptTimeoutMs: 60_000,
      deadlineMs: 120_000,
      maxRetries: 2,
      backoffBaseMs: 200,
      backoffMaxMs: 5_000,
      maxRetryAfterMs: 10_000,
      breakerFailureThreshold: 100,
      breakerCooldownMs: 30_000,
      ...options.resilience,
    },
  });
  const manager = createLlmManager({
    providers: options.providers,
    routing,
    usage: { record: (call) => records.push(call) },
    clock,
    sleep:
      options.sleep ??
      (async (ms, signal) => {
        sleeps.push(ms);
        signal.throwIfAborted();
        now += ms;
      }),
    random: () => 0.5,
    logger,
    ...(options.tracer ? { tracer: options.tracer } : {}),
    ...(options.captureMessageContent !== undefined && { captureMessageContent: options.captureMessageContent }),
    ...(options.dataPolicy && { dataPolicy: options.dataPolicy }),
    ...(options.middleware && { middleware: options.middleware }),
  });
  return { manager, records, sleeps, logged, clock };
}

export const baseRequest: GenerateRequest = {
  feature: 'statusUpdate',
  accountId: 'acct-1',
  userId: 'user-1',
  draftId: 'draft-1',
  messages: [{ role: 'user', content: 'Write a status update.' }],
  stream: false,
};
