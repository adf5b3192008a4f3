/**
 * The LLM Manager: the only caller of providers. For one generation it walks the feature's
 * route chain (the `normalPriority` one for normal-priority requests, when configured),
 * retries retryable failures with backoff, falls back to the next step, skips
 * providers whose circuit is open, enforces per-attempt timeouts and an overall deadline,
 * traces every attempt and writes one usage record per attempt.
 */
import { randomUUID } from 'node:crypto';
import { context as otelContext, trace, type Context, type Tracer } from '@opentelemetry/api';
import { costOf, type RoutingConfig } from '../config/llm-routing.js';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import type { LlmCallRecord } from '../store/types.js';
import type { DataPolicy } from '../guard/data-policy.js';
import { memoizeText } from '../guard/memoize.js';
import { redact as redactText } from '../guard/redaction/index.js';

// Prompts repeat (the same incident, audience and prompt version): redact each text once.
const redact = memoizeText(redactText, { maxEntries: 2_000, maxKeyLength: 200_000 });
import { retryDecision } from './backoff.js';
import { createCircuitBreaker, type CircuitBreaker, type CircuitPermit } from './circuit-breaker.js';
import type { GenerateRequest, GenerateResult, LlmManager, ProviderHealth, UsageSink } from './generation.js';
import { configuredChain, resolveChain, validateRouting, type ResolvedRouteStep } from './route.js';
import { inputContentAttributes, outputContentAttributes } from './message-capture.js';
import { startAttemptSpan, tracerName } from './tracing.js';
import { assignExperimentArm, chainWithArm } from './experiments.js';
import {
  featureNames,
  isProviderError,
  ProviderError,
  type Completion,
  type FeatureName,
  type LlmProvider,
  type LlmRequest,
  type ProviderErrorKind,
} from './types.js';

/** A time source in milliseconds since the epoch. */
export interface Clock {
  now(): number;
}

/** Waits `ms`; rejects (or resolves early) when `signal` aborts. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** The logging the manager needs; a pino logger fits. */
export interface LlmManagerLogger {
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** Request defaults used when a {@link GenerateRequest} leaves them out. */
export interface GenerationDefaults {
  /** Default 1024. */
  maxOutputTokens: number;
  /** Default 0.2: drafts should be steady, not creative. */
  temperature: number;
}

/** Options of {@link createLlmManager}. */
export interface LlmManagerOptions {
  /** Every provider the routing may name; ids must be unique. */
  providers: readonly LlmProvider[];
  /** Chains, prices and resilience settings. Validated here: a chain naming an unknown provider throws. */
  routing: RoutingConfig;
  /** Receives one record per provider attempt. */
  usage: UsageSink;
  /** Default `Date`. Used for latencies, `startedAt`, the deadline check and the circuit breakers. */
  clock?: Clock;
  /**
   * The wait between retries. Default: a `setTimeout` that the signal cancels. Per-attempt
   * timeouts and the deadline abort use real timers; the clock decides whether the deadline
   * has passed between attempts.
   */
  sleep?: Sleep;
  /** Uniform [0, 1) for backoff jitter. Default `Math.random`. */
  random?: () => number;
  /** Default `trace.getTracer('incident-ai')` (no-op until the OpenTelemetry SDK is started). */
  tracer?: Tracer;
  /** Default: silent. */
  logger?: LlmManagerLogger;
  /** Defaults for requests that set no `maxOutputTokens` / `temperature`. */
  generationDefaults?: Partial<GenerationDefaults>;
  /** Metric instruments (src/telemetry/metrics.ts); default: none. */
  metrics?: LlmMetricsRecorder;
  /** Which providers may receive an account's data; default: every provider. */
  dataPolicy?: DataPolicy;
  /**
   * Record the (redacted) prompt and completion text on provider-call spans
   * (`OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT`), never for a zero-retention
   * account; default false.
   */
  captureMessageContent?: boolean;
}

/** What the manager reports to metrics; every method must be cheap and never throw. */
export interface LlmMetricsRecorder {
  attemptEnded(attempt: {
    feature: FeatureName;
    providerId: string;
    providerKind: LlmProvider['kind'];
    model: string;
    responseModel: string | null;
    errorKind: string | null;
    inputTokens: number;
    outputTokens: number;
    durationSeconds: number;
  }): void;
  retried(feature: FeatureName, providerId: string): void;
  fellBack(feature: FeatureName, fromProviderId: string, toProviderId: string): void;
  /** Secrets were redacted from a request's messages. */
  redacted?(feature: FeatureName, redactions: { type: string; count: number }[]): void;
}

/** Defaults of {@link GenerationDefaults}. */
export const defaultGenerationDefaults: Readonly<GenerationDefaults> = Object.freeze({ maxOutputTokens: 1024, temperature: 0.2 });

/**
 * Why an attempt did not produce a completion (`LlmCallRecord.errorKind`, span `error.type`):
 * the ProviderError kind, `timeout` (the attempt timeout fired), `deadline` (the generation
 * deadline fired), `aborted` (the caller aborted) or `unknown` (a provider threw something
 * other than a ProviderError; handled like `unavailable`).
 */
export type AttemptErrorKind = ProviderErrorKind | 'timeout' | 'deadline' | 'aborted' | 'unknown';

interface AttemptFailure {
  ok: false;
  kind: AttemptErrorKind;
  /** Worth another attempt on the same provider. */
  retryable: boolean;
  /** Tells the circuit breaker the provider is unhealthy. */
  counted: boolean;
  retryAfterMs: number | null;
  status: number | null;
  error: unknown;
}

interface AttemptSuccess {
  ok: true;
  completion: Completion;
  costUsd: number;
  traceId: string | null;
}

type AttemptOutcome = AttemptSuccess | (AttemptFailure & { costUsd: number; traceId: string | null });

/** A feature's resolved chain at one priority, with its place in the routing config. */
interface FeatureRoute {
  /** `configuredChain(...).source`: e.g. `features.postmortem`, `normalPriority.defaultChain`. */
  source: string;
  steps: ResolvedRouteStep[];
}

/** What one route step did, for the error message when the chain is exhausted. */
interface StepReport {
  step: ResolvedRouteStep;
  events: string[];
}

const silentLogger: LlmManagerLogger = { warn: () => undefined, error: () => undefined };

const defaultSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

/** Settles with `promise`, or rejects with the signal's reason as soon as it aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** A failure as shown to people: the kind and HTTP status, never the provider's message (it may echo keys). */
const describeFailure = (failure: Pick<AttemptFailure, 'kind' | 'status'>): string =>
  failure.status === null ? failure.kind : `${failure.kind} (HTTP ${failure.status})`;

/**
 * Creates the LLM Manager.
 *
 * Per route step, `generate` makes up to `1 + maxRetries` attempts while the failures are
 * retryable (rate_limited, timeout, unavailable, unknown errors), sleeping a jittered
 * exponential backoff that honours Retry-After; a Retry-After above `maxRetryAfterMs`, a
 * non-retryable failure (bad_request, authentication, content_filtered, invalid_output) or a
 * backoff that would end past the deadline moves on to the next step at once. A step whose
 * circuit is open is skipped without an attempt or a usage record.
 *
 * Deadline: `deadlineMs` bounds the model providers. When it passes, the attempt in flight
 * is aborted (recorded as `deadline`), remaining model steps are skipped, and a step whose
 * provider is `extractive` still gets one attempt: it is local and instant, and a degraded
 * draft beats none. Only if no such step answers does `generate` throw DEADLINE_EXCEEDED.
 *
 * Priority: a request with `priority: 'normal'` walks the feature's `normalPriority` chain
 * when the routing config has one (its own, else `normalPriority.defaultChain`); `high` and
 * no priority walk the usual chain. Every attempt span carries `incident_ai.priority` (when
 * stated) and `incident_ai.route` (the chain's place in the config).
 *
 * Experiments: when the routing config has `experiments` for the feature, each generation on
 * the usual chain picks an arm (from `request.experimentKey`, sticky; without a key at random
 * by weight, with `random`) that replaces the chain's first step; the rest stays the fallback,
 * and the result's `variant` is the arm's label when the arm answers. Normal-priority work
 * routed to a `normalPriority` chain runs no experiment. The arm's span has
 * `incident_ai.route` = `experiments.<feature>`.
 *
 * Caller abort (`request.signal`): the attempt in flight is aborted and recorded as
 * `aborted`, nothing else is tried, and the caller's abort reason is rethrown.
 *
 * Errors: AppError PROVIDER_UNAVAILABLE (retryable) when every step failed, its message
 * listing what each provider did; AppError DEADLINE_EXCEEDED (retryable) when the deadline
 * passed first.
 *
 * @throws RoutingConfigError when a chain names a provider that is not in `providers`.
 */
export function createLlmManager(options: LlmManagerOptions): LlmManager {
  const { routing, usage } = options;
  const resilience = routing.resilience;
  const clock = options.clock ?? Date;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const tracer = options.tracer ?? trace.getTracer(tracerName);
  const logger = options.logger ?? silentLogger;
  const defaults: GenerationDefaults = { ...defaultGenerationDefaults, ...options.generationDefaults };

  const providers = new Map<string, LlmProvider>();
  for (const provider of options.providers) {
    if (providers.has(provider.id)) throw new Error(`LLM Manager: two providers share the id "${provider.id}".`);
    providers.set(provider.id, provider);
  }
  validateRouting(routing, [...providers.keys()]);

  const knownProviders = new Set(providers.keys());
  const extractiveProviders = new Set(options.providers.filter((p) => p.kind === 'extractive').map((p) => p.id));
  const routeOf = (feature: FeatureName, priority: 'normal' | undefined): FeatureRoute => ({
    source: configuredChain(routing, feature, priority).source,
    steps: resolveChain(routing, feature, { knownProviders, extractiveProviders, priority }),
  });
  // Resolved once: the usual chains (high priority, or no priority stated) and the chains of
  // normal-priority work (the same as the usual ones where `normalPriority` names none).
  const usualRoutes = new Map<FeatureName, FeatureRoute>(featureNames.map((feature) => [feature, routeOf(feature, undefined)]));
  const normalRoutes = new Map<FeatureName, FeatureRoute>(featureNames.map((feature) => [feature, routeOf(feature, 'normal')]));
  if (extractiveProviders.size === 0) {
    logger.warn({}, 'LLM Manager: no extractive provider is registered, so chains have no offline last resort.');
  }

  const breakers = new Map<string, CircuitBreaker>();
  for (const provider of options.providers) {
    if (provider.kind === 'extractive') continue; // the last resort is never broken
    breakers.set(
      provider.id,
      createCircuitBreaker({
        failureThreshold: resilience.breakerFailureThreshold,
        cooldownMs: resilience.breakerCooldownMs,
        clock,
      }),
    );
  }

  const stats = new Map<string, { consecutiveFailures: number; lastError: string | null; lastErrorAt: string | null }>(
    options.providers.map((p) => [p.id, { consecutiveFailures: 0, lastError: null, lastErrorAt: null }]),
  );
  const unpricedModels = new Set<string>();

  const costFor = (provider: LlmProvider, model: string, inputTokens: number, outputTokens: number): number => {
    if (provider.kind !== 'extractive' && routing.prices[model] === undefined && !unpricedModels.has(model)) {
      unpricedModels.add(model);
      logger.warn({ provider: provider.id, model }, 'LLM Manager: no price for this model; its calls are recorded at cost 0.');
    }
    return costOf(routing.prices, model, inputTokens, outputTokens);
  };

  const recordUsage = (record: LlmCallRecord): void => {
    try {
      usage.record(record);
    } catch (error) {
      logger.error({ err: error, callId: record.id }, 'LLM Manager: the usage sink threw; the record is lost.');
    }
  };

  const noteResult = (providerId: string, failure: AttemptFailure | null): void => {
    const entry = stats.get(providerId);
    if (!entry) return;
    if (failure === null) {
      entry.consecutiveFailures = 0;
      return;
    }
    if (failure.counted) entry.consecutiveFailures += 1;
    if (failure.kind !== 'aborted') {
      entry.lastError = describeFailure(failure);
      entry.lastErrorAt = new Date(clock.now()).toISOString();
    }
  };

  const classify = (provider: LlmProvider, error: unknown, cause: 'timeout' | 'deadline' | 'aborted' | null): AttemptFailure => {
    const base = { ok: false as const, retryAfterMs: null, status: null, error };
    if (cause === 'aborted') return { ...base, kind: 'aborted', retryable: false, counted: false };
    if (cause === 'deadline') return { ...base, kind: 'deadline', retryable: false, counted: false };
    if (cause === 'timeout') return { ...base, kind: 'timeout', retryable: true, counted: true };
    if (isProviderError(error)) {
      return {
        ...base,
        kind: error.kind,
        retryable: error.retryable,
        counted: error.retryable,
        retryAfterMs: error.retryAfterMs,
        status: error.status,
      };
    }
    logger.error(
      { provider: provider.id, err: error },
      'LLM Manager: a provider threw something other than a ProviderError; treated as unavailable.',
    );
    return { ...base, kind: 'unknown', retryable: true, counted: true };
  };

  const streamCompletion = async (
    provider: LlmProvider,
    llmRequest: LlmRequest,
    signal: AbortSignal,
    forward: (text: string) => void,
  ): Promise<Completion> => {
    const iterator = provider.stream(llmRequest, signal)[Symbol.asyncIterator]();
    try {
      for (;;) {
        const next = await raceAbort(iterator.next(), signal);
        if (next.done) throw new ProviderError(provider.id, 'unavailable', 'The stream ended without a finish event.');
        if (next.value.type === 'finish') return next.value.completion;
        forward(next.value.text);
      }
    } finally {
      // Closes the provider's stream; not awaited, because a stuck generator would hang here.
      Promise.resolve()
        .then(() => iterator.return?.())
        .catch(() => undefined);
    }
  };

  async function generate(request: GenerateRequest): Promise<GenerateResult> {
    const startedAt = clock.now();
    const deadlineAt = startedAt + resilience.deadlineMs;
    const parent: Context = otelContext.active();
    const callerSignal = request.signal;
    callerSignal?.throwIfAborted();
    // Redaction happens here, at the single entry point, so no route and no fallback sends a
    // secret to a provider.
    const redactionCounts = new Map<string, number>();
    const messages = request.messages.map((message) => {
      const { text, redactions } = redact(message.content);
      for (const { type, count } of redactions) redactionCounts.set(type, (redactionCounts.get(type) ?? 0) + count);
      return text === message.content ? message : { ...message, content: text };
    });
    const redactions = [...redactionCounts].map(([type, count]) => ({ type, count }));
    if (redactions.length > 0) options.metrics?.redacted?.(request.feature, redactions);
    const captureContent = (options.captureMessageContent ?? false) && (options.dataPolicy?.forAccount(request.accountId).retainText ?? true);

    const deadline = new AbortController();
    const deadlineTimer = setTimeout(
      () => deadline.abort(new AppError(ErrorCode.DEADLINE_EXCEEDED, 'The generation deadline passed.')),
      Math.max(0, deadlineAt - clock.now()),
    );
    const deadlinePassed = (): boolean => deadline.signal.aborted || clock.now() >= deadlineAt;
    const sleepSignal = callerSignal ? AbortSignal.any([callerSignal, deadline.signal]) : deadline.signal;

    const emit = (event: { type: 'delta'; text: string } | { type: 'reset' }): void => {
      try {
        request.onStreamEvent?.(event);
      } catch (error) {
        logger.error({ err: error, feature: request.feature }, 'LLM Manager: onStreamEvent threw; event dropped.');
      }
    };

    const maxOutputTokens = request.maxOutputTokens ?? defaults.maxOutputTokens;
    const temperature = request.temperature ?? defaults.temperature;
    const route = (request.priority === 'normal' ? normalRoutes : usualRoutes).get(request.feature);
    const routeSource = route?.source ?? 'none';
    // Experiments run on the usual chain only: normal-priority work that `normalPriority` sends
    // to another chain is not experimented on. The arm replaces the chain's first step.
    const onUsualChain = routeSource === (usualRoutes.get(request.feature)?.source ?? 'none');
    const arm = onUsualChain ? assignExperimentArm(routing, request.feature, { key: request.experimentKey, random }) : null;
    const chain = arm ? chainWithArm(route?.steps ?? [], arm, (id) => extractiveProviders.has(id)) : (route?.steps ?? []);
    const reports: StepReport[] = [];
    let attempts = 0;
    let costUsd = 0;
    let lastError: unknown = null;

    const attempt = async (step: ResolvedRouteStep, provider: LlmProvider, permit: CircuitPermit | null): Promise<AttemptOutcome> => {
      attempts += 1;
      const attemptNumber = attempts;
      const attemptStart = clock.now();
      const controller = new AbortController();
      let cause: 'timeout' | 'deadline' | 'aborted' | null = null;
      const abort = (why: NonNullable<typeof cause>, reason: unknown): void => {
        if (cause !== null) return;
        cause = why;
        controller.abort(reason);
      };
      const timer = setTimeout(
        () =>
          abort(
            'timeout',
            new ProviderError(provider.id, 'timeout', `No answer within ${resilience.attemptTimeoutMs} ms.`),
          ),
        resilience.attemptTimeoutMs,
      );
      const onCallerAbort = (): void => abort('aborted', callerSignal?.reason);
      const onDeadline = (): void => abort('deadline', deadline.signal.reason);
      callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
      // The extractive engine is exempt from the deadline (see createLlmManager).
      const boundByDeadline = provider.kind !== 'extractive';
      if (boundByDeadline) deadline.signal.addEventListener('abort', onDeadline, { once: true });

      const span = startAttemptSpan(tracer, parent, {
        feature: request.feature,
        accountId: request.accountId,
        providerId: provider.id,
        providerKind: provider.kind,
        model: step.model,
        maxOutputTokens,
        temperature,
        attempt: attemptNumber,
        fallback: step.index > 0,
        priority: request.priority,
        route: arm !== null && step.index === 0 ? `experiments.${request.feature}` : routeSource,
      });
      if (captureContent) span.span.setAttributes(inputContentAttributes(messages));
      const llmRequest: LlmRequest = {
        feature: request.feature,
        model: step.model,
        messages,
        maxOutputTokens,
        temperature,
        output: request.output,
        grounding: request.grounding,
      };
      let forwarded = false;
      const record = (
        fields: Pick<LlmCallRecord, 'outcome' | 'errorKind' | 'inputTokens' | 'outputTokens' | 'costUsd'>,
        responseModel: string | null = null,
      ): void => {
        options.metrics?.attemptEnded({
          feature: request.feature,
          providerId: provider.id,
          providerKind: provider.kind,
          model: step.model,
          responseModel,
          errorKind: fields.errorKind,
          inputTokens: fields.inputTokens,
          outputTokens: fields.outputTokens,
          durationSeconds: (clock.now() - attemptStart) / 1000,
        });
        recordUsage({
          id: randomUUID(),
          accountId: request.accountId,
          feature: request.feature,
          draftId: request.draftId,
          provider: provider.id,
          model: step.model,
          attempt: attemptNumber,
          latencyMs: clock.now() - attemptStart,
          startedAt: new Date(attemptStart).toISOString(),
          traceId: span.traceId,
          ...fields,
        });
      };

      let completion: Completion;
      try {
        completion = await otelContext.with(span.context, async () => {
          if (request.stream) {
            return streamCompletion(provider, llmRequest, controller.signal, (text) => {
              forwarded = true;
              emit({ type: 'delta', text });
            });
          }
          return raceAbort(
            (async () => provider.complete(llmRequest, controller.signal))(),
            controller.signal,
          );
        });
      } catch (error) {
        const failure = classify(provider, error, cause);
        if (failure.counted) permit?.failure();
        else permit?.neutral();
        noteResult(provider.id, failure);
        span.fail(failure.kind, describeFailure(failure));
        record({ outcome: 'error', errorKind: failure.kind, inputTokens: 0, outputTokens: 0, costUsd: 0 });
        if (forwarded && failure.kind !== 'aborted') emit({ type: 'reset' });
        return { ...failure, costUsd: 0, traceId: span.traceId };
      } finally {
        clearTimeout(timer);
        callerSignal?.removeEventListener('abort', onCallerAbort);
        if (boundByDeadline) deadline.signal.removeEventListener('abort', onDeadline);
      }

      permit?.success();
      noteResult(provider.id, null);
      if (captureContent) span.span.setAttributes(outputContentAttributes(completion.text, completion.finishReason));
      span.succeed(completion);
      const { inputTokens, outputTokens } = completion.usage;
      const cost = costFor(provider, step.model, inputTokens, outputTokens);
      record({ outcome: 'success', errorKind: null, inputTokens, outputTokens, costUsd: cost }, completion.responseModel);
      return { ok: true, completion, costUsd: cost, traceId: span.traceId };
    };

    try {
      for (const step of chain) {
        const provider = providers.get(step.provider);
        if (!provider) continue; // resolveChain already dropped unknown providers
        if (request.skipProviders?.includes(provider.id)) continue;
        const permitted = options.dataPolicy?.permits(request.accountId, provider, request.grounding);
        if (permitted && !permitted.allowed) {
          reports.push({ step, events: [`not tried: data policy (${permitted.reason})`] });
          continue;
        }
        const report: StepReport = { step, events: [] };
        reports.push(report);
        const breaker = breakers.get(provider.id);

        for (let retry = 0; retry <= resilience.maxRetries; retry += 1) {
          callerSignal?.throwIfAborted();
          if (deadlinePassed() && (provider.kind !== 'extractive' || retry > 0)) {
            report.events.push(retry === 0 ? 'not tried: deadline passed' : 'not retried: deadline passed');
            break;
          }
          const permit = breaker ? breaker.acquire() : null;
          if (breaker && permit === null) {
            report.events.push('not tried: circuit open');
            break;
          }

          const outcome = await attempt(step, provider, permit);
          costUsd += outcome.costUsd;
          if (outcome.ok) {
            if (step.index > 0) options.metrics?.fellBack(request.feature, chain[0]!.provider, provider.id);
            return {
              completion: outcome.completion,
              redactions,
              providerId: provider.id,
              providerKind: provider.kind,
              model: step.model,
              variant: step.variant,
              degraded: provider.degraded,
              attempts,
              fellBack: step.index > 0,
              latencyMs: clock.now() - startedAt,
              costUsd,
              traceId: outcome.traceId,
            };
          }
          if (outcome.kind === 'aborted') throw callerSignal?.reason ?? outcome.error;
          lastError = outcome.error;
          report.events.push(describeFailure(outcome));
          if (!outcome.retryable || retry === resilience.maxRetries) break;

          const decision = retryDecision(
            retry,
            outcome.retryAfterMs,
            { baseMs: resilience.backoffBaseMs, maxMs: resilience.backoffMaxMs, maxRetryAfterMs: resilience.maxRetryAfterMs },
            random,
          );
          if (!decision.wait) {
            report.events.push(`not retried: Retry-After ${Math.ceil(decision.retryAfterMs / 1000)} s is too long`);
            break;
          }
          if (clock.now() + decision.delayMs >= deadlineAt) {
            report.events.push('not retried: the backoff would pass the deadline');
            break;
          }
          options.metrics?.retried(request.feature, provider.id);
          try {
            await sleep(decision.delayMs, sleepSignal);
          } catch (error) {
            if (!callerSignal?.aborted && !deadline.signal.aborted) throw error;
          }
          callerSignal?.throwIfAborted();
        }
      }

      const summary =
        reports.length === 0
          ? 'no provider is configured for it'
          : reports.map((r) => `${r.step.provider} (${r.step.model}): ${r.events.join(', ')}`).join('; ');
      if (deadlinePassed()) {
        throw new AppError(
          ErrorCode.DEADLINE_EXCEEDED,
          `The ${request.feature} generation ran out of time (${resilience.deadlineMs} ms): ${summary}.`,
          { retryable: true, cause: lastError ?? undefined },
        );
      }
      throw new AppError(ErrorCode.PROVIDER_UNAVAILABLE, `No AI provider could answer ${request.feature}: ${summary}.`, {
        retryable: true,
        cause: lastError ?? undefined,
      });
    } finally {
      clearTimeout(deadlineTimer);
    }
  }

  function health(): ProviderHealth[] {
    return options.providers.map((provider) => {
      const entry = stats.get(provider.id);
      const circuit = breakers.get(provider.id)?.snapshot();
      return {
        providerId: provider.id,
        kind: provider.kind,
        circuit: circuit?.state ?? 'closed',
        consecutiveFailures: circuit?.consecutiveFailures ?? entry?.consecutiveFailures ?? 0,
        lastError: entry?.lastError ?? null,
        lastErrorAt: entry?.lastErrorAt ?? null,
      };
    });
  }

  return { generate, health };
}
