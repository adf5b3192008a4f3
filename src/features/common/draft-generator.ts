/**
 * Runs one feature generation end to end: stores the draft, asks the LLM Manager, validates
 * the structured answer (with one repair attempt), renders it, stores the result and, for
 * streaming requests, publishes the chunks. Every feature goes through here, so every
 * feature gets the same validation, streaming and persistence.
 */
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Context } from '@opentelemetry/api';
import type { Logger } from 'pino';
import { AppError, badInput, isAppError } from '../../errors/app-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import type { GenerateRequest, GenerateResult, LlmManager } from '../../llm/generation.js';
import type { DraftRecord, GenerationRecord, NewDraft } from '../../store/types.js';
import type { Store } from '../../store/store.js';
import type { DraftStreamHub } from '../../streams/draft-stream-hub.js';
import type { Feature, FeatureContext } from './feature.js';
import { verifyCitations } from './citation-check.js';
import { screenDirectInput, screenIndirectInput } from '../../guard/untrusted-input.js';
import { pooledRandomBytes } from '../../guard/random-pool.js';
import { createCanary, createSpotlight } from '../../guard/injection/spotlight.js';
import { withPromptGuards } from './prompt-guards.js';
import { coalescePushes, createProgressiveRenderer, type ProgressiveRenderer } from './progressive-renderer.js';
import { generateStructured } from './structured-generation.js';
import { contextRedactions, mergeRedactions, redactContext, type RedactionCount } from './redacted-context.js';
import { priorityOf, type Throttle, type ThrottlePermit } from '../../guard/throttle/throttle.js';
import type { WorkPriority } from '../../guard/throttle/throttle-store.js';
import type { DataPolicy } from '../../guard/data-policy.js';
import type { QuarantinedInput } from '../../guard/untrusted-input.js';
import { actorOf, type AuditLog } from '../../guard/audit-log.js';
import type { Principal } from '../../guard/auth/principal.js';
import { spreadWith } from '../../support/object-spread.js';

export interface DraftGeneratorOptions {
  store: Store;
  /** Rate, concurrency and token budgets per account; none = unlimited. */
  throttle?: Throttle | null;
  /** Generations an account may run at once, handed to prepare steps that fan out; none = unknown. */
  concurrencyOf?: (accountId: string) => number;
  /** Counts guard hits (metrics). */
  onGuardHit?: (guard: string, feature: string, verdict: string) => void;
  /** Zero retention: accounts whose text is not stored; default: stored. */
  dataPolicy?: DataPolicy | null;
  manager: LlmManager;
  hub: DraftStreamHub;
  logger: Logger;
  /** Security audit trail: one `draft.generate` event per generation; none = not audited. */
  audit?: AuditLog | null;
  newId?: () => string;
  now?: () => Date;
}

export interface GenerationTarget {
  incidentId: string | null;
  jobId: string | null;
  executionId: string | null;
}

/** What a {@link PrepareStep} may use: model calls that belong to the draft. */
export interface PrepareTools {
  /**
   * The LLM Manager, for requests that belong to the draft: each carries its id, is cancelled
   * with the generation, and its tokens are charged to the account's budget with the rest.
   */
  manager: LlmManager;
  draftId: string;
  signal: AbortSignal;
  /** Requests the step may run at once: the account's concurrency limit; null when unknown. */
  concurrency: number | null;
}

/**
 * Work a feature does before its prompt can be built, with the draft already created, under
 * the same throttle permit and on the screened context (a postmortem condenses a long log in
 * stages). Returns the feature and context to generate with; a changed `input` is stored
 * with the completed draft.
 */
export type PrepareStep<Input extends Record<string, unknown>, Output> = (
  context: FeatureContext<Input>,
  tools: PrepareTools,
) => Promise<{ feature: Feature<Input, Output>; context: FeatureContext<Input> }>;

/** Options of {@link DraftGenerator.generate}. */
export interface GenerateOptions<Input extends Record<string, unknown>, Output> {
  stream: boolean;
  prepare?: PrepareStep<Input, Output>;
  /**
   * Admin only (`ai:admin`): the routing variant to generate with (one of the manager's
   * `variants(feature)`), for side-by-side comparisons. Null or undefined: routing as usual.
   */
  variant?: string | null;
}

/** A context after screening: what was withheld from the model as possible injection. */
type ScreenedContext<Input> = FeatureContext<Input> & { quarantined: QuarantinedInput[] };

/** One generation's state as it moves through the steps of {@link createDraftGenerator}'s `run`. */
interface Job<Input extends Record<string, unknown>, Output> {
  feature: Feature<Input, Output>;
  context: FeatureContext<Input>;
  quarantined: QuarantinedInput[];
  draft: DraftRecord;
  /**
   * Whether the draft's row exists: a streamed draft is inserted STREAMING first (subscribers
   * and the orphan sweeper need it); a non-streamed one is inserted once, finished.
   */
  stored: boolean;
  /**
   * A streamed draft's insert, running while the generation starts (the first chunk does not
   * wait for a round trip): settled before the row is updated; rejected, the generation ends
   * without a trace (the mutation answered with the insert's error).
   */
  inserted: Promise<unknown> | null;
  stream: boolean;
  renderer: ProgressiveRenderer | null;
  /** Results of the prepare step's requests: charged, not part of the draft's generation record. */
  preparation: GenerateResult[];
  /** Results of the draft's own requests (first answer, repair, fallback). */
  results: GenerateResult[];
  /** The routing variant an admin pinned, or null. */
  variant: string | null;
  /** What was redacted from the input and the incident data before any engine saw them. */
  inputRedactions: RedactionCount[];
}

export interface DraftGenerator {
  /**
   * Generates a draft. Without `stream` it resolves with the finished draft (or throws a
   * typed error after storing the draft as FAILED). With `stream` it resolves at once with
   * the STREAMING draft and continues in the background (the prepare step included).
   */
  generate<Input extends Record<string, unknown>, Output>(
    feature: Feature<Input, Output>,
    context: FeatureContext<Input>,
    target: GenerationTarget,
    options: GenerateOptions<Input, Output>,
  ): Promise<DraftRecord>;
  /**
   * Graceful shutdown: refuses new generations (SERVICE_UNAVAILABLE), lets running ones
   * finish until `deadline` (epoch ms), then aborts the rest: their drafts end FAILED and
   * their streams with an error chunk.
   */
  drain(deadline?: number): Promise<void>;
}

export function createDraftGenerator(options: DraftGeneratorOptions): DraftGenerator {
  const { store, manager, hub, logger } = options;
  const newId = options.newId ?? randomUUID;
  const now = options.now ?? (() => new Date());
  const running = new Set<Promise<unknown>>();
  const shutdown = new AbortController();
  // Every running generation listens on it: no listener limit (Node warns past 10).
  setMaxListeners(0, shutdown.signal);
  let draining = false;

  /** The logger for a generation's lines: the request's (with its trace ids) when it came with one. */
  function logOf(context: FeatureContext<unknown>): Logger {
    return context.trace?.logger ?? logger;
  }

  /** Zero retention: whether the account's prompt and completion text may be stored. */
  function retainsText(accountId: string): boolean {
    return options.dataPolicy?.forAccount(accountId).retainText ?? true;
  }

  /** The manager for a prepare step's requests: tied to the draft, cancelled with it, charged with it. */
  function draftManager(draftId: string, priority: WorkPriority, charged: GenerateResult[], parent: Context | undefined): LlmManager {
    return {
      async generate(request) {
        const result = await manager.generate({ ...request, draftId, signal: request.signal ?? shutdown.signal, priority: request.priority ?? priority, experimentKey: request.experimentKey ?? draftId, ...(parent && !request.parent && { parent }) });
        charged.push(result);
        return result;
      },
      health: () => manager.health(),
    };
  }

  function auditGeneration(principal: Principal, feature: string, draftId: string | null, results: readonly GenerateResult[], failure: AppError | null, guards: string[]): void {
    const last = results[results.length - 1];
    // Not `{ ...actorOf(principal), action, ... }`: see object-spread.ts.
    options.audit?.record(Object.assign(actorOf(principal), {
      action: 'draft.generate' as const,
      draftId,
      feature,
      provider: last?.providerId ?? null,
      model: last?.model ?? null,
      outcome: failure ? ('failure' as const) : ('success' as const),
      errorCode: failure?.code ?? null,
      guards,
      traceId: last?.traceId ?? null,
    }));
  }

  /** Prepare: the feature's own work before its prompt (a postmortem condenses a long log). */
  async function prepareStep<Input extends Record<string, unknown>, Output>(job: Job<Input, Output>, prepare: PrepareStep<Input, Output>): Promise<void> {
    const tools = {
      manager: draftManager(job.draft.id, priorityOf(job.context.incident), job.preparation, job.context.trace?.context),
      draftId: job.draft.id,
      signal: shutdown.signal,
      concurrency: options.concurrencyOf?.(job.context.principal.accountId) ?? null,
    };
    const prepared = await prepare(job.context, tools);
    job.feature = prepared.feature;
    job.context = prepared.context;
  }

  /** Generate: the spotlighted, canaried prompt through the structured-generation step; a valid, checked output or INVALID_MODEL_OUTPUT. */
  async function generateStep<Input extends Record<string, unknown>, Output>(job: Job<Input, Output>): Promise<{ output: Record<string, unknown>; unverifiedCount: number }> {
    const { feature, context, draft, renderer } = job;
    // Spotlighting: untrusted text enters the prompt between markers random per request,
    // declared data in the system prompt. A canary there too: an answer that leaks it is
    // following injected instructions to reveal the prompt, and is discarded.
    const spotlight = createSpotlight(pooledRandomBytes);
    const canary = createCanary(pooledRandomBytes);
    const request: GenerateRequest = {
      feature: feature.name,
      accountId: context.principal.accountId,
      userId: context.principal.userId,
      draftId: draft.id,
      output: feature.outputSpec,
      grounding: feature.grounding(context),
      maxOutputTokens: feature.maxOutputTokens,
      temperature: feature.temperature,
      signal: shutdown.signal,
      // Attempt spans are children of the request's span (no context manager follows the awaits).
      ...(context.trace && { parent: context.trace.context }),
      // Routing: non-urgent work may take a cheaper chain; a draft stays in one experiment arm.
      priority: priorityOf(context.incident),
      experimentKey: draft.id,
      ...(job.variant !== null && { variant: job.variant }),
      messages: withPromptGuards(feature.buildPrompt(context, spotlight), spotlight, canary),
      stream: job.stream,
      ...(renderer && { onStreamEvent: (event) => (event.type === 'delta' ? renderer.push(event.text) : renderer.reset()) }),
    };
    const result = await generateStructured(manager, request, {
      schema: feature.outputSchema,
      canary,
      check(parsed) {
        const citations = verifyCitations(parsed, feature.sourceIds(context));
        const problems = [...citations.problems, ...(feature.check?.(parsed, context) ?? [])];
        return { value: { marked: citations.marked as Output, unverifiedCount: citations.unverifiedCount }, problems };
      },
      onRepair: (problems) => logOf(context).warn({ draftId: draft.id, feature: feature.name, problems: problems.slice(0, 10) }, 'model output rejected; repairing once'),
      results: job.results,
    });
    if (result.value === null) {
      throw new AppError(
        ErrorCode.INVALID_MODEL_OUTPUT,
        `The model's answer did not match the ${feature.name} schema after one repair attempt: ${result.problems.slice(0, 3).join('; ')}`,
        { retryable: true },
      );
    }
    // Citation problems left after the repair are kept and shown, not hidden: a responder
    // should see the doubt rather than lose the draft.
    const { marked, unverifiedCount } = result.value;
    const sanitized = (feature.sanitize ? feature.sanitize(marked, context) : marked) as Record<string, unknown>;
    return { output: spreadWith(sanitized, { unverifiedCount, quarantined: job.quarantined }), unverifiedCount };
  }

  /** Persist: the rendered draft, COMPLETE; under zero retention the store keeps only that it existed. */
  async function persistStep<Input extends Record<string, unknown>, Output>(job: Job<Input, Output>, output: Record<string, unknown>, unverifiedCount: number, prepared: boolean): Promise<{ completed: DraftRecord; text: string }> {
    const { feature, context, draft } = job;
    const accountId = context.principal.accountId;
    const text = feature.render(output as Parameters<typeof feature.render>[0], context.input) + quarantineNote(job.quarantined);
    const retain = retainsText(accountId);
    const completion = {
      output: retain ? output : { retained: false, unverifiedCount },
      text: retain ? text : '',
      generation: generationOf(feature.promptVersion, job.results, job.inputRedactions),
      ...(prepared && { input: retain ? context.input : withoutFreeText(context.input, feature.freeTextInput) }),
    };
    if (job.inserted) await job.inserted;
    const stored = job.stored
      ? await store.drafts.complete(accountId, draft.id, completion, newDraftOf(draft))
      : await store.drafts.insert(Object.assign(newDraftOf(draft), completion, { state: 'COMPLETE' as const, updatedAt: now().toISOString() }));
    return { completed: retain ? stored : { ...stored, output, text, input: context.input }, text };
  }

  /** Publish: the last chunk and the finished draft to subscribers, and the audit event. */
  function publishStep<Input extends Record<string, unknown>, Output>(job: Job<Input, Output>, completed: DraftRecord, text: string, unverifiedCount: number): void {
    if (job.renderer) {
      job.renderer.finish(text);
      hub.finish(job.draft.id, { draft: completed });
    }
    auditGeneration(job.context.principal, job.feature.name, job.draft.id, job.results, null, guardsFired(unverifiedCount, job.quarantined, job.results, job.inputRedactions));
  }

  /** A failed generation: the draft FAILED, the stream ended with the error, the audit event; the typed error. */
  async function failStep<Input extends Record<string, unknown>, Output>(job: Job<Input, Output>, error: unknown): Promise<{ failure: AppError; failed: DraftRecord | null }> {
    const { feature, context, draft, results } = job;
    if (job.inserted && !(await job.inserted.then(() => true, () => false))) {
      // The draft was never stored and nobody was given its id: nothing to mark, audit or finish.
      return { failure: isAppError(error) ? error : new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'The draft could not be stored.', { cause: error }), failed: null };
    }
    const failure = isAppError(error)
      ? error
      : shutdown.signal.aborted
        ? new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The service shut down before the draft was finished; generate it again.', { retryable: true })
        : new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'The generation failed unexpectedly.', { cause: error });
    if (!isAppError(error) && !shutdown.signal.aborted) logOf(context).error({ err: error, draftId: draft.id }, 'generation failed unexpectedly');
    const failedWith = { code: failure.code, message: failure.message };
    const generation = results.length > 0 ? generationOf(feature.promptVersion, results, job.inputRedactions) : null;
    const failed = await (job.stored
      ? store.drafts.fail(context.principal.accountId, draft.id, failedWith, generation, newDraftOf(draft))
      : store.drafts.insert({ ...newDraftOf(draft), state: 'FAILED', error: failedWith, generation, updatedAt: now().toISOString() })
    ).catch((storeError: unknown) => {
        logOf(context).error({ err: storeError, draftId: draft.id }, 'could not mark the draft FAILED');
        return null;
      });
    auditGeneration(context.principal, feature.name, draft.id, results, failure, guardsFired(0, job.quarantined, results, job.inputRedactions));
    if (job.renderer) hub.finish(draft.id, { error: { code: failure.code, message: failure.message } });
    return { failure, failed };
  }

  /** One generation after screening: prepare -> generate -> persist -> publish; on failure, fail; always release the permit. */
  async function run<Input extends Record<string, unknown>, Output>(
    feature: Feature<Input, Output>,
    screened: ScreenedContext<Input>,
    draft: DraftRecord,
    stream: boolean,
    permit: ThrottlePermit | null,
    prepare: PrepareStep<Input, Output> | undefined,
    variant: string | null,
    inserted: Promise<unknown> | null = null,
  ): Promise<DraftRecord> {
    const job: Job<Input, Output> = { feature, context: screened, quarantined: screened.quarantined, draft, stored: stream, inserted, stream, renderer: null, preparation: [], results: [], variant, inputRedactions: contextRedactions(screened) };
    job.renderer = stream
      ? coalescePushes(
          createProgressiveRenderer(
            (partial) => job.feature.render(partial as Parameters<typeof job.feature.render>[0], job.context.input),
            (delta) => hub.append(draft.id, delta),
            job.feature.streamGuard ? (textSoFar) => job.feature.streamGuard!(textSoFar, job.context) : undefined,
          ),
        )
      : null;
    try {
      if (prepare) await prepareStep(job, prepare);
      const { output, unverifiedCount } = await generateStep(job);
      const { completed, text } = await persistStep(job, output, unverifiedCount, prepare !== undefined);
      publishStep(job, completed, text, unverifiedCount);
      return completed;
    } catch (error) {
      const { failure, failed } = await failStep(job, error);
      if (stream) return failed ?? draft;
      throw failure;
    } finally {
      // Requests of the prepare step are not part of the draft's generation record, but charged.
      if (permit) releaseAfterAnswer(permit, sum([...job.preparation, ...job.results], (result) => result.completion.usage.inputTokens + result.completion.usage.outputTokens));
    }
  }

  /**
   * Frees the permit without holding the answer for the throttle store's round trip (a Redis one
   * in a multi-replica deployment, stack-notes 43). The store's commands are sent now, before the
   * answer, so on the store's connection they come before any later request's; `drain` awaits
   * the release, so a shutdown still charges the tokens. `release` never throws.
   */
  function releaseAfterAnswer(permit: ThrottlePermit, tokensUsed: number): void {
    const released = permit.release(tokensUsed).finally(() => running.delete(released));
    running.add(released);
  }

  /** The requested variant, checked: admins only, and one the manager can route to. */
  function checkedVariant(feature: Feature<Record<string, unknown>, unknown>['name'], principal: Principal, variant: string | null): string | null {
    if (variant === null) return null;
    if (!principal.scopes.has('ai:admin')) throw new AppError(ErrorCode.FORBIDDEN, 'Choosing the variant of a generation needs the ai:admin scope.');
    const known = manager.variants?.(feature) ?? [];
    if (!known.includes(variant)) throw badInput(`variant "${variant}" is not one of ${feature}'s variants: ${known.join(', ') || 'none'}.`, 'variant');
    return variant;
  }

  /** A throttle permit; a refusal (RATE_LIMITED, BUDGET_EXCEEDED) is audited (the usage dashboard counts them) and rethrown. */
  async function enterThrottle(throttle: Throttle, principal: Principal, feature: string, priority: WorkPriority): Promise<ThrottlePermit> {
    try {
      return await throttle.enter(principal.accountId, priority);
    } catch (error) {
      if (isAppError(error)) {
        options.audit?.record({ ...actorOf(principal), action: 'draft.generate', feature, outcome: 'refused', errorCode: error.code, guards: [] });
      }
      throw error;
    }
  }

  /** Screen: a direct injection is refused (the rule ids to the log and audit only); secrets redacted; suspicious records quarantined. */
  function screenStep<Input extends Record<string, unknown>, Output>(feature: Feature<Input, Output>, rawContext: FeatureContext<Input>): ScreenedContext<Input> {
    screenDirectInput(rawContext.input, (finding) => {
      options.onGuardHit?.('injection', feature.name, 'blocked');
      logOf(rawContext).warn({ feature: feature.name, field: finding.where, score: finding.score, threshold: finding.threshold, signals: finding.signals }, 'direct input refused as possible prompt injection');
      options.audit?.record({
        ...actorOf(rawContext.principal),
        action: 'draft.generate',
        feature: feature.name,
        outcome: 'refused',
        errorCode: ErrorCode.INJECTION_BLOCKED,
        guards: ['injection_blocked', ...injectionRuleGuards(finding.signals)],
      });
    });
    // Screened before redaction, so an injection that looks like a secret (a base64 payload) is
    // quarantined and listed rather than silently turned into a redaction marker.
    const screened = screenIndirectInput(rawContext.incident, rawContext.execution);
    for (const _ of screened.quarantined) options.onGuardHit?.('injection', feature.name, 'quarantined');
    for (const finding of screened.findings) {
      logOf(rawContext).warn({ feature: feature.name, input: finding.where, score: finding.score, threshold: finding.threshold, signals: finding.signals }, 'untrusted input quarantined as possible prompt injection');
    }
    // Secrets never reach an engine (the offline one included), the store, a stream or a log.
    const redacted = redactContext(spreadWith(rawContext, { incident: screened.incident, execution: screened.execution }));
    return spreadWith(redacted, { quarantined: screened.quarantined });
  }

  return {
    async generate(feature, rawContext, target, { stream, prepare, variant: requestedVariant }) {
      if (shutdown.signal.aborted || draining) {
        throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The service is shutting down; retry, another replica will answer.', { retryable: true });
      }
      const variant = checkedVariant(feature.name, rawContext.principal, requestedVariant ?? null);
      const context = screenStep(feature, rawContext);
      const permit = options.throttle ? await enterThrottle(options.throttle, context.principal, feature.name, priorityOf(context.incident)) : null;
      const fresh: NewDraft = {
        id: newId(),
        accountId: context.principal.accountId,
        userId: context.principal.userId,
        kind: feature.kind,
        state: 'STREAMING',
        incidentId: target.incidentId,
        jobId: target.jobId,
        executionId: target.executionId,
        input: retainsText(context.principal.accountId) ? context.input : withoutFreeText(context.input, feature.freeTextInput),
        createdAt: now().toISOString(),
      };
      // Every generation is tracked, not only streamed ones: answers produced outside an HTTP
      // request (Slack) must be drained on shutdown too. A non-streamed draft is stored once,
      // finished (one round trip to the database); nobody can read it before it is.
      if (!stream) {
        const inline = run(feature, context, unsavedDraft(fresh), false, permit, prepare, variant);
        const tracked = inline.catch(() => undefined).finally(() => running.delete(tracked));
        running.add(tracked);
        return inline;
      }

      // The generation starts while the STREAMING row is inserted: the model's first token and the
      // insert's round trip overlap. The answer still waits for the insert (its errors are the
      // mutation's, and a subscriber elsewhere reads the row); chunk writes and the final update
      // wait for it too (stack-notes 27).
      const insert = store.drafts.insert(fresh);
      insert.catch(() => undefined);
      hub.open(context.principal.accountId, fresh.id, { persist: retainsText(context.principal.accountId), stored: insert });
      const background = run(feature, context, unsavedDraft(fresh), true, permit, prepare, variant, insert).finally(() => running.delete(background));
      running.add(background);
      try {
        return await insert;
      } catch (error) {
        hub.finish(fresh.id, { error: { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'The draft could not be stored.' } });
        throw error;
      }
    },

    async drain(deadline = Number.POSITIVE_INFINITY) {
      draining = true;
      // Until nothing runs: a generation that ends adds its permit's release (releaseAfterAnswer).
      const all = (async () => {
        while (running.size > 0) await Promise.allSettled([...running]);
      })();
      if (Number.isFinite(deadline)) {
        const timer = setTimeout(() => shutdown.abort(new Error('shutdown')), Math.max(0, deadline - Date.now()));
        await all;
        clearTimeout(timer);
      } else {
        await all;
      }
    },
  };
}

/** A draft not stored yet, as the row its insert will return. */
function unsavedDraft(draft: NewDraft): DraftRecord {
  return spreadWith(draft, { output: null, text: '', generation: null, error: null, updatedAt: draft.createdAt });
}

/** The insert of a draft held in memory until it finished. */
function newDraftOf(draft: DraftRecord): NewDraft {
  return {
    id: draft.id,
    accountId: draft.accountId,
    userId: draft.userId,
    kind: draft.kind,
    state: draft.state,
    incidentId: draft.incidentId,
    jobId: draft.jobId,
    executionId: draft.executionId,
    input: draft.input,
    createdAt: draft.createdAt,
  };
}

/** The input with its free-text fields emptied (same types, so resolvers still answer). */
function withoutFreeText<Input extends Record<string, unknown>>(input: Input, fields: readonly string[] | undefined): Record<string, unknown> {
  const kept: Record<string, unknown> = { ...input };
  for (const field of fields ?? []) {
    const value = kept[field];
    if (value === undefined || value === null) continue;
    kept[field] = typeof value === 'string' ? '' : Array.isArray(value) ? [] : null;
  }
  return kept;
}

/** The draft says which inputs were withheld from the model, and why. */
function quarantineNote(quarantined: QuarantinedInput[]): string {
  if (quarantined.length === 0) return '';
  const list = quarantined.map((item) => `${item.sourceType} ${item.sourceId}`).join(', ');
  return `\n_Withheld from the AI as possible prompt injection: ${list}._\n`;
}

function generationOf(promptVersion: string, results: GenerateResult[], inputRedactions: readonly RedactionCount[]): GenerationRecord {
  const last = results[results.length - 1]!;
  return {
    provider: last.providerId,
    model: last.model,
    promptVersion,
    variant: last.variant,
    inputTokens: sum(results, (result) => result.completion.usage.inputTokens),
    outputTokens: sum(results, (result) => result.completion.usage.outputTokens),
    costUsd: sum(results, (result) => result.costUsd),
    latencyMs: Math.round(sum(results, (result) => result.latencyMs)),
    degraded: last.degraded,
    traceId: last.traceId,
    attempts: sum(results, (result) => result.attempts),
    // What was redacted from the input before the prompt was built, and from the prompt after.
    redactions: mergeRedactions(inputRedactions, last.redactions),
  };
}

/** The detector's rule ids as audit guard names (`injection:override.en`), at most 8. */
function injectionRuleGuards(signals: readonly string[]): string[] {
  return signals.slice(0, 8).map((signal) => `injection:${signal}`);
}

/** Names of the guards that fired on a generation, for the audit trail. */
function guardsFired(unverifiedCount: number, quarantined: readonly QuarantinedInput[], results: readonly GenerateResult[], inputRedactions: readonly RedactionCount[]): string[] {
  return [
    ...(unverifiedCount > 0 ? ['citations_unverified'] : []),
    ...(quarantined.length > 0 ? ['injection_quarantined'] : []),
    ...(inputRedactions.length > 0 || results.some((result) => result.redactions.length > 0) ? ['secrets_redacted'] : []),
  ];
}

const sum = <T>(items: T[], pick: (item: T) => number): number => items.reduce((total, item) => total + pick(item), 0);
