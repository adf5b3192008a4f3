/**
 * A feature is a function with named prompt variants, an output schema and a renderer
 * (after TensorZero). It never calls a provider: the draft generator hands its prompt to
 * the LLM Manager and its answer back to it for validation and rendering.
 */
import type { z } from 'zod';
import type { Principal } from '../../guard/auth/principal.js';
import type { Spotlight } from '../../guard/injection/spotlight.js';
import type { Incident, JobExecution, RunbookJob } from '../../incidents/types.js';
import type { ChatMessage, FeatureName, Grounding, StructuredOutputSpec } from '../../llm/types.js';
import type { DraftKind } from '../../store/types.js';
import type { RequestTrace } from '../../telemetry/request-trace.js';
import type { KnownSources } from './citation-check.js';

/** Everything a feature may read to build its prompt. */
export interface FeatureContext<Input> {
  principal: Principal;
  input: Input;
  incident: Incident | null;
  job: RunbookJob | null;
  execution: JobExecution | null;
  /**
   * The trace of the request asking (its span's context and trace-stamped logger,
   * src/telemetry/request-trace.ts); none outside a traced request. Not read by prompts.
   */
  trace?: RequestTrace | null;
}

/** Output with every field optional at every depth: what a stream has shown so far. */
export type DeepPartial<T> = T extends readonly (infer Item)[]
  ? DeepPartial<Item>[]
  : T extends object
    ? { [Key in keyof T]?: DeepPartial<T[Key]> }
    : T;

export interface Feature<Input extends Record<string, unknown>, Output> {
  name: FeatureName;
  kind: DraftKind;
  /**
   * Input fields holding text a person wrote (a question, a request, guidance, earlier turns):
   * not stored for an account under zero retention (stored empty instead).
   */
  freeTextInput?: readonly (keyof Input & string)[];
  /** Version of the prompt in use, recorded with every draft (e.g. `status-update/v1`). */
  promptVersion: string;
  outputSchema: z.ZodType<Output>;
  outputSpec: StructuredOutputSpec;
  maxOutputTokens: number;
  temperature: number;
  /**
   * The messages for the model. Every value a third party or the requester wrote (the
   * incident, notes, alerts, logs, the question, the request) goes through `spotlight`, which
   * fences it with this request's random marker; the draft generator declares the fence in the
   * system prompt. `test/features/common/spotlighting.test.ts` checks every feature for it.
   */
  buildPrompt(context: FeatureContext<Input>, spotlight: Spotlight): ChatMessage[];
  /** The structured data the extractive engine builds from. */
  grounding(context: FeatureContext<Input>): Grounding;
  /** Records of the input a citation may name (checked on every statement of the output). */
  sourceIds(context: FeatureContext<Input>): KnownSources;
  /** Feature-specific problems of a schema-valid output, beyond citations; empty when fine. */
  check?(output: Output, context: FeatureContext<Input>): string[];
  /**
   * Last line of defence after the repair: neutralizes what `check` would still refuse
   * (e.g. scrubs internal hostnames from a PUBLIC update) so it is never stored or shown.
   */
  sanitize?(output: Output, context: FeatureContext<Input>): Output;
  /**
   * Whether streamed text so far may reach subscribers. Once it returns false nothing more
   * is streamed and subscribers get the sanitized draft whole in the final chunk.
   */
  streamGuard?(textSoFar: string, context: FeatureContext<Input>): boolean;
  /** Markdown of an output, complete or partial (streaming). Must not throw on partial input. */
  render(output: DeepPartial<Output>, input: Input): string;
}
