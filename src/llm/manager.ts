/**
 * The LLM Manager: the only caller of providers. For one generation it plans the route
 * (route-plan.ts), makes attempts (attempt.ts: timeout, span, usage record, metrics), retries
 * retryable failures with backoff and falls back to the next step, skipping providers whose
 * circuit is open. Everything else (redaction, the data policy, message capture) is
 * middleware (middleware/), listed in `app.ts`.
 */
import { context as otelContext, trace } from '@opentelemetry/api';
import { costOf, featureTimeouts, type FeatureTimeouts } from '../config/llm-routing.js';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import type { LlmCallRecord } from '../store/types.js';
import { describeFailure, runAttempt, type AttemptDependencies, type AttemptSuccess, type GenerationRun } from './attempt.js';
import { retryDecision } from '../resilience/backoff.js';
import type { GenerateRequest, GenerateResult, LlmManager } from './generation.js';
import { defaultGenerationDefaults, defaultSleep, silentLogger, type GenerationDefaults, type LlmManagerOptions } from './manager-options.js';
import { screenProvider, wrapGeneration } from './middleware/compose.js';
import { defaultMiddleware } from './middleware/default-middleware.js';
import { createProviderHealthBook } from './provider-health.js';
import type { ResolvedRouteStep } from './route.js';
import { checkedProviders } from './checked-providers.js';
import { createRoutePlanner } from './route-plan.js';
import { traceLogFields, tracerName } from './tracing.js';
import type { LlmProvider } from './types.js';

export type { AttemptErrorKind } from './attempt.js';
export { defaultGenerationDefaults, type Clock, type GenerationDefaults, type LlmManagerLogger, type LlmManagerOptions, type LlmMetricsRecorder, type Sleep } from './manager-options.js';

/** One generation's state across its steps. */
/**
 * `sleepSignal`: what a backoff sleep listens to (the caller's signal and the deadline), combined
 * on the first retry only: `AbortSignal.any` costs a signal and its bookkeeping per generation,
 * and most generations never sleep.
 */
type Run = GenerationRun & {
  costUsd: number;
  lastError: unknown;
  sleepSignal: AbortSignal | null;
  /**
   * The generation deadline, aborted when it passes. Its signal is taken only for a backoff sleep:
   * Node makes an AbortController's signal when it is first read (~10 µs of CPU per generation in
   * the profile), and `deadlineReached` says the same as its `aborted`.
   */
  deadline: AbortController;
  deadlineReached: boolean;
};

/**
 * Creates the LLM Manager.
 *
 * Per route step, `generate` makes up to `1 + maxRetries` attempts while the failures are
 * retryable (rate_limited, timeout, unavailable, unknown errors), sleeping a jittered
 * exponential backoff that honours Retry-After; a Retry-After above `maxRetryAfterMs`, a
 * non-retryable failure (bad_request, authentication, content_filtered, invalid_output) or a
 * backoff that would end past the deadline moves on to the next step at once. A step whose
 * circuit is open, or that a middleware screens out, is skipped without an attempt or a usage record.
 *
 * Time limits are the feature's (`featureTimeouts` in config/llm-routing.ts: the routing file's
 * `resilience.features` entry, the built-in one, the global values). An attempt that streams
 * (the caller asked for a stream, or the feature's `streamAttempts`) also fails as a retryable
 * `timeout` when no chunk arrives for `idleTimeoutMs`, the first one included (attempt.ts).
 *
 * Deadline: `deadlineMs` bounds every provider, the offline extractive engine included (so a
 * caller waits at most the deadline, and a slow model chain shows up as DEADLINE_EXCEEDED rather
 * than hiding behind a degraded draft). When it passes, the attempt in flight is aborted
 * (recorded as `deadline`), the remaining steps are skipped, and `generate` throws DEADLINE_EXCEEDED.
 *
 * Priority and experiments: see route-plan.ts. Caller abort (`request.signal`): the attempt in
 * flight is aborted and recorded as `aborted`, nothing else is tried, and the caller's abort
 * reason is rethrown.
 *
 * Errors: AppError PROVIDER_UNAVAILABLE (retryable) when every step failed, its message listing
 * what each provider did; AppError DEADLINE_EXCEEDED (retryable) when the deadline passed first.
 *
 * @throws RoutingConfigError when a chain names a provider that is not in `providers`.
 */
export function createLlmManager(options: LlmManagerOptions): LlmManager {
  const { routing } = options;
  const resilience = routing.resilience;
  const clock = options.clock ?? Date;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const logger = options.logger ?? silentLogger;
  const defaults: GenerationDefaults = { ...defaultGenerationDefaults, ...options.generationDefaults };
  const middleware = options.middleware ?? defaultMiddleware(options);

  const providers = checkedProviders(options);
  const extractiveProviders = new Set(options.providers.filter((p) => p.kind === 'extractive').map((p) => p.id));
  const planner = createRoutePlanner({ routing, knownProviders: new Set(providers.keys()), extractiveProviders, random });
  if (extractiveProviders.size === 0) logger.warn({}, 'LLM Manager: no extractive provider is registered, so chains have no offline last resort.');
  const book = createProviderHealthBook(options.providers, resilience, clock);
  const unpricedModels = new Set<string>();
  const timeoutsByFeature = new Map<string, FeatureTimeouts>();
  const timeoutsOf = (feature: string): FeatureTimeouts => {
    let timeouts = timeoutsByFeature.get(feature);
    if (!timeouts) timeoutsByFeature.set(feature, (timeouts = featureTimeouts(resilience, feature)));
    return timeouts;
  };
  const attempts: AttemptDependencies = {
    clock,
    tracer: options.tracer ?? trace.getTracer(tracerName),
    logger,
    middleware,
    ...(options.metrics && { metrics: options.metrics }),
    noteResult: book.noteResult,
    recordUsage(record: LlmCallRecord) {
      try {
        options.usage.record(record);
      } catch (error) {
        logger.error({ err: error, callId: record.id }, 'LLM Manager: the usage sink threw; the record is lost.');
      }
    },
    costFor(provider, model, inputTokens, outputTokens) {
      if (provider.kind !== 'extractive' && routing.prices[model] === undefined && !unpricedModels.has(model)) {
        unpricedModels.add(model);
        logger.warn({ provider: provider.id, model }, 'LLM Manager: no price for this model; its calls are recorded at cost 0.');
      }
      return costOf(routing.prices, model, inputTokens, outputTokens);
    },
  };

  /** Attempts on one step until one answers, the failure is final or retries run out; the events go to `events`. */
  async function tryStep(run: Run, step: ResolvedRouteStep, provider: LlmProvider, deadlineAt: number, events: string[]) {
    const callerSignal = run.request.signal;
    const deadlinePassed = (): boolean => run.deadlineReached || clock.now() >= deadlineAt;
    const breaker = book.breaker(provider.id);
    for (let retry = 0; retry <= resilience.maxRetries; retry += 1) {
      callerSignal?.throwIfAborted();
      if (deadlinePassed()) {
        events.push(retry === 0 ? 'not tried: deadline passed' : 'not retried: deadline passed');
        break;
      }
      const permit = breaker ? breaker.acquire() : null;
      if (breaker && permit === null) {
        events.push('not tried: circuit open');
        break;
      }
      const outcome = await runAttempt(attempts, run, step, provider, permit);
      run.costUsd += outcome.costUsd;
      if (outcome.ok) return outcome;
      if (outcome.kind === 'aborted') throw callerSignal?.reason ?? outcome.error;
      run.lastError = outcome.error;
      events.push(describeFailure(outcome));
      if (!outcome.retryable || retry === resilience.maxRetries) break;
      const backoff = { baseMs: resilience.backoffBaseMs, maxMs: resilience.backoffMaxMs, maxRetryAfterMs: resilience.maxRetryAfterMs };
      const decision = retryDecision(retry, outcome.retryAfterMs, backoff, random);
      if (!decision.wait) {
        events.push(`not retried: Retry-After ${Math.ceil(decision.retryAfterMs / 1000)} s is too long`);
        break;
      }
      if (clock.now() + decision.delayMs >= deadlineAt) {
        events.push('not retried: the backoff would pass the deadline');
        break;
      }
      options.metrics?.retried(run.request.feature, provider.id);
      run.sleepSignal ??= callerSignal ? AbortSignal.any([callerSignal, run.deadline.signal]) : run.deadline.signal;
      await sleep(decision.delayMs, run.sleepSignal).catch((error: unknown) => {
        if (!callerSignal?.aborted && !run.deadlineReached) throw error;
      });
      callerSignal?.throwIfAborted();
    }
    return null;
  }

  /** Route → attempt → retry / fallback; the core that the middleware wraps. */
  async function generateCore(request: GenerateRequest): Promise<GenerateResult> {
    const startedAt = clock.now();
    const timeouts = timeoutsOf(request.feature);
    const deadlineAt = startedAt + timeouts.deadlineMs;
    request.signal?.throwIfAborted();
    const deadline = new AbortController();
    // The error is made when the deadline passes: an AppError captures a stack, per request otherwise.
    const deadlineTimer = setTimeout(() => {
      const reason = new AppError(ErrorCode.DEADLINE_EXCEEDED, 'The generation deadline passed.');
      run.deadlineReached = true;
      deadline.abort(reason);
      run.abortAttempt?.(reason);
    }, Math.max(0, deadlineAt - clock.now()));
    const plan = planner.plan(request);
    const run: Run = {
      request,
      parent: request.parent ?? otelContext.active(),
      deadline,
      deadlineReached: false,
      timeouts,
      maxOutputTokens: request.maxOutputTokens ?? defaults.maxOutputTokens,
      temperature: request.temperature ?? defaults.temperature,
      routeOf: plan.routeOf,
      emit(event) {
        try {
          const held = request.onStreamEvent?.(event);
          if (held instanceof Promise) return held.then(undefined, (error: unknown) => logger.error({ err: error, feature: request.feature }, 'LLM Manager: onStreamEvent rejected.'));
        } catch (error) {
          logger.error({ err: error, feature: request.feature, ...traceLogFields(run.parent) }, 'LLM Manager: onStreamEvent threw; event dropped.');
        }
        return undefined;
      },
      attempts: 0,
      abortAttempt: null,
      costUsd: 0,
      lastError: null,
      sleepSignal: null,
    };
    const reports: { step: ResolvedRouteStep; events: string[] }[] = [];
    try {
      for (const step of plan.steps) {
        const provider = providers.get(step.provider);
        if (!provider || request.skipProviders?.includes(provider.id)) continue; // resolveChain already dropped unknown providers
        const refusal = screenProvider(middleware, request, provider);
        const report = { step, events: refusal === null ? [] : [`not tried: ${refusal}`] };
        reports.push(report);
        if (refusal !== null) continue;
        const answer: AttemptSuccess | null = await tryStep(run, step, provider, deadlineAt, report.events);
        if (!answer) continue;
        if (step.index > 0) options.metrics?.fellBack(request.feature, plan.steps[0]!.provider, provider.id);
        const { completion, traceId } = answer;
        const { id: providerId, kind: providerKind, degraded } = provider;
        return { completion, redactions: [], providerId, providerKind, model: step.model, variant: step.variant, degraded, attempts: run.attempts, fellBack: step.index > 0, latencyMs: clock.now() - startedAt, costUsd: run.costUsd, traceId };
      }
      const summary = reports.length === 0 ? 'no provider is configured for it' : reports.map((r) => `${r.step.provider} (${r.step.model}): ${r.events.join(', ')}`).join('; ');
      const cause = run.lastError ?? undefined;
      if (run.deadlineReached || clock.now() >= deadlineAt) {
        throw new AppError(ErrorCode.DEADLINE_EXCEEDED, `The ${request.feature} generation ran out of time (${timeouts.deadlineMs} ms): ${summary}.`, { retryable: true, cause });
      }
      throw new AppError(ErrorCode.PROVIDER_UNAVAILABLE, `No AI provider could answer ${request.feature}: ${summary}.`, { retryable: true, cause });
    } finally {
      clearTimeout(deadlineTimer);
    }
  }

  return { generate: wrapGeneration(middleware, generateCore), health: book.health, variants: planner.variants };
}
