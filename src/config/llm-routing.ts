/**
 * The LLM routing configuration: which providers exist, which chain of provider+model each
 * feature tries in order, prices, and the resilience settings of the manager. It comes
 * from the JSON file named by `LLM_CONFIG`, or is derived from the environment (see
 * {@link defaultRouting} in ./index.ts). The `extractive` provider is always appended as the
 * last step of every chain. `normalPriority` may send work that is not urgent to other
 * (cheaper) chains; see {@link normalPriorityRoutingSchema}.
 */
import { z } from 'zod';
import { featureNameSchema } from './feature-names.js';

const providerId = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'provider ids are lowercase words, e.g. "openai", "vllm"');

export const openAiProviderSchema = z.object({
  kind: z.literal('openai'),
  /** OpenAI-compatible base URL; unset means the SDK default (`OPENAI_BASE_URL` or api.openai.com). */
  baseURL: z.string().url().optional(),
  /** Name of the environment variable holding the key (default `OPENAI_API_KEY`). */
  apiKeyEnv: z.string().default('OPENAI_API_KEY'),
  /** Whether the server is operated by us (vLLM, Ollama...): allowed for no-external-AI accounts. */
  selfHosted: z.boolean().default(false),
  /** Send `response_format: json_schema` for structured output (false: JSON mode prompt only). */
  structuredOutputs: z.boolean().default(true),
});

export const bedrockProviderSchema = z.object({
  kind: z.literal('bedrock'),
  region: z.string().default('us-east-1'),
  /** Endpoint override (tests, VPC endpoints). */
  endpoint: z.string().url().optional(),
  selfHosted: z.boolean().default(false),
});

export const extractiveProviderSchema = z.object({ kind: z.literal('extractive') });

export const providerConfigSchema = z.discriminatedUnion('kind', [
  openAiProviderSchema,
  bedrockProviderSchema,
  extractiveProviderSchema,
]);
export type ProviderConfig = z.infer<typeof providerConfigSchema>;

export const routeStepSchema = z.object({
  provider: providerId,
  model: z.string().min(1),
  /** Label of this variant for experiments and reports (default `provider:model`). */
  variant: z.string().optional(),
});
export type RouteStep = z.infer<typeof routeStepSchema>;

export const priceSchema = z.object({
  /** USD per million input tokens. */
  inputPerMillion: z.number().nonnegative(),
  /** USD per million output tokens. */
  outputPerMillion: z.number().nonnegative(),
});
export type Price = z.infer<typeof priceSchema>;

/**
 * A feature's own time limits (`resilience.features.<feature>`); a field left out takes the
 * built-in default of the feature ({@link defaultFeatureTimeouts}), else the global value.
 */
export const featureTimeoutsSchema = z.strictObject({
  attemptTimeoutMs: z.number().int().positive().optional(),
  deadlineMs: z.number().int().positive().optional(),
  idleTimeoutMs: z.number().int().positive().optional(),
  streamAttempts: z.boolean().optional(),
});
export type FeatureTimeoutOverrides = z.infer<typeof featureTimeoutsSchema>;

export const resilienceSchema = z.object({
  /**
   * Time one provider attempt may take (ms), whole answer included. The default suits short
   * answers (status update, assistant); features with long answers have longer defaults
   * ({@link defaultFeatureTimeouts}).
   */
  attemptTimeoutMs: z.number().int().positive().default(30_000),
  /** Time a whole generation may take, all attempts and fallbacks together (ms). */
  deadlineMs: z.number().int().positive().default(90_000),
  /**
   * A streamed attempt fails (a retryable `timeout`, like the attempt timeout) when no chunk
   * arrives for this long (ms), the wait for the first one included. While chunks keep
   * coming, only the attempt timeout and the deadline bound it. Default 30 s, the old attempt
   * timeout: no answer that used to arrive within it can go idle for longer.
   */
  idleTimeoutMs: z.number().int().positive().default(30_000),
  /**
   * Stream from the provider even when the caller asked for a whole answer (it still gets the
   * whole answer), so the idle timeout applies to every attempt. Default false; true for the
   * postmortem by default ({@link defaultFeatureTimeouts}).
   */
  streamAttempts: z.boolean().default(false),
  /** Per feature: its own time limits, over the built-in ones and the values above ({@link featureTimeouts}). */
  features: z.partialRecord(featureNameSchema, featureTimeoutsSchema).default({}),
  /** Retries on the same provider for a retryable error, before falling back. */
  maxRetries: z.number().int().min(0).max(10).default(2),
  /** Exponential backoff: base * 2^retry, capped, with full jitter. */
  backoffBaseMs: z.number().int().nonnegative().default(250),
  backoffMaxMs: z.number().int().nonnegative().default(8_000),
  /** A Retry-After longer than this is not waited for: fall back instead. */
  maxRetryAfterMs: z.number().int().nonnegative().default(10_000),
  /** Consecutive failed attempts that open a provider's circuit. */
  breakerFailureThreshold: z.number().int().positive().default(5),
  /** How long an open circuit rejects calls before one trial call (ms). */
  breakerCooldownMs: z.number().int().positive().default(30_000),
});
export type Resilience = z.infer<typeof resilienceSchema>;

/** The time limits that apply to one feature's generations. */
export interface FeatureTimeouts {
  attemptTimeoutMs: number;
  deadlineMs: number;
  idleTimeoutMs: number;
  streamAttempts: boolean;
}

/**
 * Built-in time limits of the features whose answers are long. Rule: an attempt must hold the
 * feature's longest answer from a slow model (40 tokens/s, the slow end of bench/model-time.ts)
 * after the longest idle wait for its first token (30 s), and the deadline leaves room for
 * about one more attempt after a stalled one:
 * - postmortem: 4,000 output tokens at most (final request; a map request 1,500) = 100 s + 30 s
 *   → attempt 180 s, deadline 300 s; its attempts stream, so a stalled model is dropped after
 *   the idle timeout rather than after 180 s;
 * - runbook: 3,000 tokens = 75 s + 30 s → attempt 120 s, deadline 180 s;
 * - automationDigest: 1,500 tokens = 37.5 s + 30 s → attempt 75 s, deadline 120 s.
 * Status update (1,200 tokens, usually a few hundred) and assistant (1,000) keep the short
 * global limits: they are interactive, and a long wait helps nobody there.
 */
export const defaultFeatureTimeouts: Readonly<Record<string, FeatureTimeoutOverrides>> = Object.freeze({
  postmortem: { attemptTimeoutMs: 180_000, deadlineMs: 300_000, streamAttempts: true },
  runbook: { attemptTimeoutMs: 120_000, deadlineMs: 180_000 },
  automationDigest: { attemptTimeoutMs: 75_000, deadlineMs: 120_000 },
});

/**
 * The time limits of `feature`. A field of the routing file's `resilience.features` entry wins;
 * else a built-in entry ({@link defaultFeatureTimeouts}) is a floor under the global value (a
 * raised global value raises the long features too, a lowered one does not cut them short);
 * else the global value.
 */
export function featureTimeouts(resilience: Resilience, feature: string): FeatureTimeouts {
  // Own entries only: a feature name may be any lowerCamelCase word, `toString` included.
  const configured = Object.hasOwn(resilience.features, feature) ? resilience.features[feature] : undefined;
  const builtIn = Object.hasOwn(defaultFeatureTimeouts, feature) ? defaultFeatureTimeouts[feature] : undefined;
  const limit = (key: 'attemptTimeoutMs' | 'deadlineMs' | 'idleTimeoutMs'): number => configured?.[key] ?? Math.max(builtIn?.[key] ?? 0, resilience[key]);
  return {
    attemptTimeoutMs: limit('attemptTimeoutMs'),
    deadlineMs: limit('deadlineMs'),
    idleTimeoutMs: limit('idleTimeoutMs'),
    streamAttempts: configured?.streamAttempts ?? (resilience.streamAttempts || builtIn?.streamAttempts === true),
  };
}

/** The longest generation deadline of any feature (ms): what leases and sweepers must outlast. */
export function longestDeadlineMs(resilience: Resilience): number {
  // Features with neither a built-in nor a configured entry have the global deadline.
  const names = new Set([...Object.keys(defaultFeatureTimeouts), ...Object.keys(resilience.features)]);
  return Math.max(resilience.deadlineMs, ...[...names].map((feature) => featureTimeouts(resilience, feature).deadlineMs));
}

const chainSchema = z.array(routeStepSchema).min(1);

/** One arm of an experiment: a variant of a feature's preferred route step, with its share of traffic. */
export const experimentArmSchema = z.object({
  /** Label recorded as the draft's `generation.variant`; unique within the experiment. */
  variant: z.string().min(1).max(64),
  provider: providerId,
  model: z.string().min(1),
  /** Prompt version of the feature (e.g. `status-update/v2`); default: the feature's current one. */
  promptVersion: z.string().min(1).optional(),
  /** Relative share of the feature's traffic; weights need not add up to 1. */
  weight: z.number().positive(),
});
export type ExperimentArm = z.infer<typeof experimentArmSchema>;

/** The arms of one feature's experiment. */
export const experimentSchema = z
  .array(experimentArmSchema)
  .min(1)
  .refine((arms) => new Set(arms.map((arm) => arm.variant)).size === arms.length, 'variant labels must be unique within an experiment');
export type Experiment = z.infer<typeof experimentSchema>;

/**
 * Chains for normal-priority work: generations whose incident is neither P1/P2 nor
 * high-urgency (`priorityOf` in src/guard/throttle/throttle.ts; the throttle calls the two
 * levels `high` and `normal`). A normal-priority generation of a feature uses
 * `normalPriority.features[feature]`, else `normalPriority.defaultChain`, else the usual chain
 * (`features[feature]`, else `defaultChain`). High-priority work, and requests that state no
 * priority, always use the usual chain. The chosen chain is not followed by the usual one:
 * list the usual model as a later step to fall back to it; the extractive engine is still
 * appended as the last resort.
 */
export const normalPriorityRoutingSchema = z.strictObject({
  /** The chain of normal-priority work for features that have none of their own here. */
  defaultChain: chainSchema.optional(),
  /** Per feature: its chain for normal-priority work. */
  features: z.partialRecord(featureNameSchema, chainSchema).default({}),
});
export type NormalPriorityRouting = z.infer<typeof normalPriorityRoutingSchema>;

export const routingSchema = z.object({
  providers: z.record(providerId, providerConfigSchema).default({}),
  /** The chain used by features that have none of their own. */
  defaultChain: chainSchema.optional(),
  features: z.partialRecord(featureNameSchema, chainSchema).default({}),
  /** Optional cheaper chains for work that is not urgent; absent: every generation uses the chains above. */
  normalPriority: normalPriorityRoutingSchema.optional(),
  /** Prices by model id. Models missing here cost 0 and are logged once. */
  prices: z.record(z.string(), priceSchema).default({}),
  resilience: resilienceSchema.default(resilienceSchema.parse({})),
  /**
   * A/B experiments: per feature, weighted variants that replace the first step of its chain
   * for their share of traffic (the rest of the chain stays the fallback). See src/llm/experiments.ts.
   */
  experiments: z.partialRecord(featureNameSchema, experimentSchema).optional(),
});
export type RoutingConfig = z.infer<typeof routingSchema>;

/** Default prices (USD per 1M tokens) for common models; a routing file can override them. */
export const defaultPrices: Record<string, Price> = {
  'gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  'gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10 },
  'gpt-4.1-mini': { inputPerMillion: 0.4, outputPerMillion: 1.6 },
  'gpt-4.1': { inputPerMillion: 2, outputPerMillion: 8 },
  'anthropic.claude-3-5-haiku-20241022-v1:0': { inputPerMillion: 0.8, outputPerMillion: 4 },
  'anthropic.claude-3-5-sonnet-20241022-v2:0': { inputPerMillion: 3, outputPerMillion: 15 },
  'amazon.nova-micro-v1:0': { inputPerMillion: 0.035, outputPerMillion: 0.14 },
  'amazon.nova-lite-v1:0': { inputPerMillion: 0.06, outputPerMillion: 0.24 },
  extractive: { inputPerMillion: 0, outputPerMillion: 0 },
};

/** Cost of one call in USD. */
export function costOf(prices: Record<string, Price>, model: string, inputTokens: number, outputTokens: number): number {
  const price = prices[model];
  if (!price) return 0;
  return (inputTokens * price.inputPerMillion + outputTokens * price.outputPerMillion) / 1_000_000;
}
