/**
 * The middleware contract, after the Vercel AI SDK's language-model middleware: small
 * objects, listed in order in `app.ts`, each wrapping what is inside it. Outermost first.
 *
 * - `wrapGeneration` wraps one whole generation (routing, retries and fallback run inside
 *   `next`): rewrite the request before any provider sees it, or the result after.
 * - `screenProvider` is asked before each route step: a reason refuses the provider, so no
 *   attempt is made, no span opened and no usage recorded (the step reports `not tried`).
 * - `wrapGenerate` / `wrapStream` wrap one provider call of an attempt, inside its span
 *   (the attempt's span is the active OpenTelemetry span), as the AI SDK's hooks of the
 *   same names do: `doGenerate` / `doStream` call the next middleware, then the provider.
 */
import type { GenerateRequest, GenerateResult } from '../generation.js';
import type { Completion, LlmProvider, LlmRequest, StreamEvent } from '../types.js';

/** One provider call as middleware sees it. */
export interface ModelCall {
  /** The generation it belongs to (account, feature, grounding), after `wrapGeneration`. */
  readonly generation: GenerateRequest;
  /** What the provider gets. */
  readonly request: LlmRequest;
  readonly provider: LlmProvider;
}

/** One middleware; every hook is optional. */
export interface LlmMiddleware {
  /** For logs and docs. */
  readonly name: string;
  wrapGeneration?(options: { request: GenerateRequest; next: (request: GenerateRequest) => Promise<GenerateResult> }): Promise<GenerateResult>;
  screenProvider?(options: { request: GenerateRequest; provider: LlmProvider }): string | null;
  wrapGenerate?(options: { call: ModelCall; doGenerate: () => Promise<Completion> }): Promise<Completion>;
  wrapStream?(options: { call: ModelCall; doStream: () => AsyncIterable<StreamEvent> }): AsyncIterable<StreamEvent>;
}
