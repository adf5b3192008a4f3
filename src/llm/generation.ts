/**
 * What features ask of the LLM Manager and what they get back. Features never see a
 * provider: they describe the generation, the manager picks the route.
 */
import type { Context } from '@opentelemetry/api';
import type { WorkPriority } from '../guard/throttle/throttle-store.js';
import type { LlmCallRecord } from '../store/types.js';
import type { ChatMessage, Completion, FeatureName, Grounding, ProviderKind, StructuredOutputSpec } from './types.js';

export interface GenerateRequest {
  feature: FeatureName;
  accountId: string;
  userId: string | null;
  /** The draft this generation fills, recorded with the usage. */
  draftId: string | null;
  messages: ChatMessage[];
  output?: StructuredOutputSpec;
  grounding?: Grounding;
  maxOutputTokens?: number;
  temperature?: number;
  /** Stream from the provider and report deltas through `onStreamEvent`. */
  stream: boolean;
  /**
   * Streaming callback. `reset` means the text streamed so far is void (the attempt failed
   * mid-stream and the manager moved on to a retry or the next provider). A promise returned
   * holds the stream: its next event is read once the promise settles (a draft's renderer gives
   * the event loop one turn after its first chunk, see coalescePushes).
   */
  onStreamEvent?: (event: { type: 'delta'; text: string } | { type: 'reset' }) => unknown;
  /**
   * The incident's priority (`priorityOf(incident)` in src/guard/throttle/throttle.ts). `normal`
   * uses the routing config's `normalPriority` chain for the feature when it has one; `high`,
   * and a request without a priority, use the usual chain.
   */
  priority?: WorkPriority;
  /**
   * Sticky key of the routing config's experiment for the feature (e.g. the draft id): the same
   * key always gets the same arm. Without it the arm is drawn at random by weight. Unused when
   * the feature runs no experiment. See src/llm/experiments.ts.
   */
  experimentKey?: string;
  /**
   * Pins the route: the variant label (one of {@link LlmManager.variants} for the feature) of
   * an experiment arm or a step of the feature's usual chain answers first; the rest of the
   * usual chain stays the fallback and no experiment arm is drawn. For side-by-side comparisons
   * (the console's Compare). Unset: routing as usual.
   */
  variant?: string;
  /** Providers not to ask this time (e.g. one whose answers failed validation twice). */
  skipProviders?: readonly string[];
  /** Cancels the whole generation (client gone, shutdown). */
  signal?: AbortSignal;
  /**
   * The trace context the attempt spans are children of: the request's (`RequestTrace.context`,
   * src/telemetry/request-trace.ts). Unset: the active context when `generate` is called (the
   * service registers no context manager that follows awaits, so pass it explicitly).
   */
  parent?: Context;
}

export interface GenerateResult {
  completion: Completion;
  /** Secrets and personal data replaced in the messages before any provider saw them (counts only). */
  redactions: { type: string; count: number }[];
  providerId: string;
  providerKind: ProviderKind;
  model: string;
  /**
   * Variant label of the route step that answered: the step's `variant` or `provider:model`,
   * or the experiment arm's label when an arm answered.
   */
  variant: string;
  degraded: boolean;
  /** Attempts made, failed ones included. */
  attempts: number;
  /** Whether the answer came from a provider other than the chain's first. */
  fellBack: boolean;
  latencyMs: number;
  costUsd: number;
  traceId: string | null;
}

/** Health of one provider as the manager sees it (GraphQL `providerHealth`). */
export interface ProviderHealth {
  providerId: string;
  kind: ProviderKind;
  circuit: 'closed' | 'open' | 'half_open';
  consecutiveFailures: number;
  lastError: string | null;
  lastErrorAt: string | null;
}

/** Where the manager sends one record per provider attempt. Must not throw or block. */
export interface UsageSink {
  record(call: LlmCallRecord): void;
}

export interface LlmManager {
  generate(request: GenerateRequest): Promise<GenerateResult>;
  health(): ProviderHealth[];
  /**
   * The variant labels a request of `feature` may pin (`GenerateRequest.variant`): the
   * feature's experiment arms, then the steps of its usual chain, extractive last. Managers
   * that route to a single step (evaluation runs) may leave it out.
   */
  variants?(feature: FeatureName): string[];
}
