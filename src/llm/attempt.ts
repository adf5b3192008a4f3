/**
 * One attempt: one provider call under a per-attempt timeout, the generation deadline and the
 * caller's abort, inside its own span, ending in one usage record, one metric and one word to
 * the circuit breaker. The manager's loop (manager.ts) decides what to try next.
 */
import { randomUUID } from 'node:crypto';
import { context as otelContext, type Context, type Tracer } from '@opentelemetry/api';
import type { FeatureTimeouts } from '../config/llm-routing.js';
import type { LlmCallRecord } from '../store/types.js';
import { onAbort } from './abort.js';
import type { CircuitPermit } from '../resilience/circuit-breaker.js';
import type { GenerateRequest } from './generation.js';
import type { Clock, LlmManagerLogger, LlmMetricsRecorder } from './manager-options.js';
import { callGenerate, callStream } from './middleware/compose.js';
import type { LlmMiddleware, ModelCall } from './middleware/types.js';
import type { ResolvedRouteStep } from './route.js';
import { IncidentAiAttribute, startAttemptSpan, traceLogFields } from './tracing.js';
import { isProviderError, ProviderError, type Completion, type LlmProvider, type LlmRequest, type ProviderErrorKind } from './types.js';

/**
 * Why an attempt did not produce a completion (`LlmCallRecord.errorKind`, span `error.type`):
 * the ProviderError kind, `timeout` (the attempt timeout fired, or a stream went idle: see
 * {@link AttemptTimeout}), `deadline` (the generation deadline fired), `aborted` (the caller
 * aborted) or `unknown` (a provider threw something other than a ProviderError; handled like
 * `unavailable`).
 */
export type AttemptErrorKind = ProviderErrorKind | 'timeout' | 'deadline' | 'aborted' | 'unknown';

/**
 * Which of our timers ended an attempt (span attribute `incident_ai.timeout`): `attempt` (the
 * attempt timeout, whole answer included), `idle` (a stream sent no chunk for the idle timeout;
 * kind `timeout`), `deadline` (the generation deadline; kind `deadline`).
 */
export type AttemptTimeout = 'attempt' | 'idle' | 'deadline';

export interface AttemptFailure {
  ok: false;
  kind: AttemptErrorKind;
  /** The timer that ended the attempt; null when none did. */
  timeout: AttemptTimeout | null;
  /** Worth another attempt on the same provider. */
  retryable: boolean;
  /** Tells the circuit breaker the provider is unhealthy. */
  counted: boolean;
  retryAfterMs: number | null;
  status: number | null;
  error: unknown;
}

export interface AttemptSuccess {
  ok: true;
  completion: Completion;
  costUsd: number;
  traceId: string | null;
}

export type AttemptOutcome = AttemptSuccess | (AttemptFailure & { costUsd: number; traceId: string | null });

/** A failure as shown to people: the kind and HTTP status, never the provider's message (it may echo keys). */
export const describeFailure = (failure: Pick<AttemptFailure, 'kind' | 'status'> & { timeout?: AttemptTimeout | null }): string =>
  failure.timeout === 'idle' ? `${failure.kind} (stream idle)` : failure.status === null ? failure.kind : `${failure.kind} (HTTP ${failure.status})`;

/** What every attempt of one manager shares. */
export interface AttemptDependencies {
  clock: Clock;
  tracer: Tracer;
  logger: LlmManagerLogger;
  middleware: readonly LlmMiddleware[];
  metrics?: LlmMetricsRecorder;
  recordUsage(record: LlmCallRecord): void;
  costFor(provider: LlmProvider, model: string, inputTokens: number, outputTokens: number): number;
  /** Provider health bookkeeping: null after a success. */
  noteResult(providerId: string, failure: AttemptFailure | null): void;
}

/** What the attempts of one generation share. */
export interface GenerationRun {
  request: GenerateRequest;
  /** The OpenTelemetry context the generation started in: attempt spans are its children. */
  parent: Context;
  /** The feature's time limits (attempt and idle timeouts, whether attempts stream). */
  timeouts: FeatureTimeouts;
  maxOutputTokens: number;
  temperature: number;
  /** `incident_ai.route` of a step. */
  routeOf(step: ResolvedRouteStep): string;
  /** A promise returned: the stream's next event is read once it settles (see GenerateRequest.onStreamEvent). */
  emit(event: { type: 'delta'; text: string } | { type: 'reset' }): void | Promise<void>;
  /** Attempts made so far in this generation, this one included once it starts. */
  attempts: number;
  /** Aborts the attempt in flight as `deadline`; set by the attempt, called when the deadline passes. */
  abortAttempt: ((reason: unknown) => void) | null;
}

type Cause = 'timeout' | 'idle' | 'deadline' | 'aborted';

/**
 * The attempt's abort controller, fed by its timeout, the caller's signal, the deadline and,
 * once `touch` is first called (a stream starts), the idle timer that each `touch` restarts.
 *
 * No EventTarget listener is added per attempt: the caller's signal (usually the process's
 * shutdown signal, shared by every request) is heard through `onAbort`, the deadline through
 * `run.abortAttempt`, which the generation's deadline timer calls, and `race` settles a promise
 * from `abort` itself rather than from a listener on the attempt's own signal (one per stream
 * chunk otherwise).
 */
function attemptSignal(run: GenerationRun, provider: LlmProvider) {
  const { attemptTimeoutMs: timeoutMs, idleTimeoutMs } = run.timeouts;
  const controller = new AbortController();
  let cause: Cause | null = null;
  let rejectRace: ((reason: unknown) => void) | null = null;
  const abort = (why: Cause, reason: unknown): void => {
    if (cause !== null) return;
    cause = why;
    controller.abort(reason);
    rejectRace?.(reason);
  };
  const timer = setTimeout(() => abort('timeout', new ProviderError(provider.id, 'timeout', `No answer within ${timeoutMs} ms.`)), timeoutMs);
  let idleTimer: NodeJS.Timeout | null = null;
  const onIdle = (): void => abort('idle', new ProviderError(provider.id, 'timeout', `No stream chunk within ${idleTimeoutMs} ms.`));
  const callerSignal = run.request.signal;
  const stopHearingCaller = callerSignal ? onAbort(callerSignal, () => abort('aborted', callerSignal.reason)) : null;
  run.abortAttempt = (reason) => abort('deadline', reason);
  return {
    signal: controller.signal,
    cause: (): Cause | null => cause,
    /** Settles with `promise`, or rejects with the abort reason as soon as the attempt is aborted. */
    race<T>(promise: Promise<T>): Promise<T> {
      if (cause !== null) {
        promise.catch(() => undefined);
        return Promise.reject(controller.signal.reason);
      }
      return new Promise<T>((resolve, reject) => {
        rejectRace = reject;
        promise.then(resolve, reject);
      });
    },
    /** (Re)starts the idle timer: at the start of a stream and at each of its events. */
    touch(): void {
      if (idleTimer === null) idleTimer = setTimeout(onIdle, idleTimeoutMs);
      else idleTimer.refresh();
    },
    dispose(): void {
      clearTimeout(timer);
      if (idleTimer !== null) clearTimeout(idleTimer);
      stopHearingCaller?.();
      run.abortAttempt = null;
    },
  };
}

type AttemptAbort = ReturnType<typeof attemptSignal>;

function classify(logger: LlmManagerLogger, provider: LlmProvider, error: unknown, cause: Cause | null, parent: Context): AttemptFailure {
  const base = { ok: false as const, timeout: null, retryAfterMs: null, status: null, error };
  if (cause === 'aborted') return { ...base, kind: 'aborted', retryable: false, counted: false };
  if (cause === 'deadline') return { ...base, kind: 'deadline', timeout: 'deadline', retryable: false, counted: false };
  // A stream gone idle is a timeout like the attempt's own: retried, then fallen back from.
  if (cause === 'timeout' || cause === 'idle') return { ...base, kind: 'timeout', timeout: cause === 'idle' ? 'idle' : 'attempt', retryable: true, counted: true };
  if (isProviderError(error)) {
    return { ...base, kind: error.kind, retryable: error.retryable, counted: error.retryable, retryAfterMs: error.retryAfterMs, status: error.status };
  }
  logger.error({ provider: provider.id, err: error, ...traceLogFields(parent) }, 'LLM Manager: a provider threw something other than a ProviderError; treated as unavailable.');
  return { ...base, kind: 'unknown', retryable: true, counted: true };
}

/**
 * Streams one call; `touch` is called before the stream starts and at each event (the idle timer).
 * When `forward` returns a promise, the next event is read once it settled.
 */
async function streamCompletion(
  middleware: readonly LlmMiddleware[],
  call: ModelCall,
  abort: AttemptAbort,
  forward: (text: string) => void | Promise<void>,
): Promise<Completion> {
  abort.touch();
  const iterator = callStream(middleware, call, abort.signal)[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await abort.race(iterator.next());
      abort.touch();
      if (next.done) throw new ProviderError(call.provider.id, 'unavailable', 'The stream ended without a finish event.');
      if (next.value.type === 'finish') return next.value.completion;
      const held = forward(next.value.text);
      if (held) await abort.race(held);
    }
  } finally {
    // Closes the provider's stream; not awaited, because a stuck generator would hang here.
    Promise.resolve()
      .then(() => iterator.return?.())
      .catch(() => undefined);
  }
}

/** `callGenerate`, with a synchronous throw (a provider or middleware that is not async) turned into a rejection. */
function generateCall(middleware: readonly LlmMiddleware[], call: ModelCall, signal: AbortSignal): Promise<Completion> {
  try {
    return Promise.resolve(callGenerate(middleware, call, signal));
  } catch (error) {
    return Promise.reject(error);
  }
}

/** What an ended attempt's usage record and metrics are made of, besides its outcome. */
interface AttemptEnd {
  dependencies: AttemptDependencies;
  request: GenerateRequest;
  provider: LlmProvider;
  model: string;
  attemptNumber: number;
  attemptStart: number;
  traceId: string | null;
}

/**
 * The attempt's metric point and usage record. A function of the module with the fields written
 * out, rather than a closure per attempt spreading its fields into the record (a spread after
 * other keys copies through the runtime's slow path).
 */
function recordAttempt(
  ended: AttemptEnd,
  outcome: LlmCallRecord['outcome'],
  errorKind: string | null,
  inputTokens: number,
  outputTokens: number,
  costUsd: number,
  responseModel: string | null,
): void {
  const { dependencies, request, provider, attemptStart } = ended;
  const latencyMs = dependencies.clock.now() - attemptStart;
  dependencies.metrics?.attemptEnded({
    feature: request.feature,
    providerId: provider.id,
    providerKind: provider.kind,
    model: ended.model,
    responseModel,
    errorKind,
    inputTokens,
    outputTokens,
    durationSeconds: latencyMs / 1000,
  });
  dependencies.recordUsage({
    id: randomUUID(),
    accountId: request.accountId,
    feature: request.feature,
    draftId: request.draftId,
    provider: provider.id,
    model: ended.model,
    attempt: ended.attemptNumber,
    latencyMs,
    startedAt: new Date(attemptStart).toISOString(),
    traceId: ended.traceId,
    outcome,
    errorKind,
    inputTokens,
    outputTokens,
    costUsd,
  });
}

/** Makes one attempt of `step` on `provider`; never throws: a failure is an outcome. */
export async function runAttempt(
  dependencies: AttemptDependencies,
  run: GenerationRun,
  step: ResolvedRouteStep,
  provider: LlmProvider,
  permit: CircuitPermit | null,
): Promise<AttemptOutcome> {
  const { clock, middleware } = dependencies;
  const { request } = run;
  run.attempts += 1;
  const attemptNumber = run.attempts;
  const attemptStart = clock.now();
  const abort = attemptSignal(run, provider);
  const span = startAttemptSpan(dependencies.tracer, run.parent, {
    feature: request.feature,
    accountId: request.accountId,
    providerId: provider.id,
    providerKind: provider.kind,
    model: step.model,
    maxOutputTokens: run.maxOutputTokens,
    temperature: run.temperature,
    attempt: attemptNumber,
    fallback: step.index > 0,
    priority: request.priority,
    route: run.routeOf(step),
  });
  const llmRequest: LlmRequest = {
    feature: request.feature,
    model: step.model,
    messages: request.messages,
    maxOutputTokens: run.maxOutputTokens,
    temperature: run.temperature,
    output: request.output,
    grounding: request.grounding,
  };
  const call: ModelCall = { generation: request, request: llmRequest, provider, span: span.span };
  const ended: AttemptEnd = { dependencies, request, provider, model: step.model, attemptNumber, attemptStart, traceId: span.traceId };

  let forwarded = false;
  let completion: Completion;
  try {
    // Plain functions, not async ones: each async wrapper here cost promises (and, with the
    // OpenTelemetry context manager's promise hooks on, a hook call per promise) per attempt.
    completion = await otelContext.with(span.context, () => {
      // A whole answer may be streamed too (`streamAttempts`), so the idle timeout applies; its deltas are not forwarded.
      if (request.stream || run.timeouts.streamAttempts) {
        return streamCompletion(middleware, call, abort, (text) => {
          if (!request.stream) return undefined;
          forwarded = true;
          return run.emit({ type: 'delta', text });
        });
      }
      return abort.race(generateCall(middleware, call, abort.signal));
    });
  } catch (error) {
    const failure = classify(dependencies.logger, provider, error, abort.cause(), run.parent);
    if (failure.counted) permit?.failure();
    else permit?.neutral();
    dependencies.noteResult(provider.id, failure);
    if (failure.timeout !== null) span.span.setAttribute(IncidentAiAttribute.timeout, failure.timeout);
    span.fail(failure.kind, describeFailure(failure));
    recordAttempt(ended, 'error', failure.kind, 0, 0, 0, null);
    if (forwarded && failure.kind !== 'aborted') run.emit({ type: 'reset' });
    return { ...failure, costUsd: 0, traceId: span.traceId };
  } finally {
    abort.dispose();
  }

  permit?.success();
  dependencies.noteResult(provider.id, null);
  span.succeed(completion);
  const { inputTokens, outputTokens } = completion.usage;
  const cost = dependencies.costFor(provider, step.model, inputTokens, outputTokens);
  recordAttempt(ended, 'success', null, inputTokens, outputTokens, cost, completion.responseModel);
  return { ok: true, completion, costUsd: cost, traceId: span.traceId };
}
