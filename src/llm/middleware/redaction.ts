/**
 * Redaction, the outermost middleware: secrets and personal data are replaced in every
 * message once per generation, before routing, so no route and no fallback sends them to a
 * provider. The counts (never the values) go to metrics and to the result.
 */
import { memoizeText } from '../../guard/memoize.js';
import { redact as redactText } from '../../guard/redaction/index.js';
import { redactAroundRequestTokens } from '../../guard/redaction/request-tokens.js';
import type { LlmMetricsRecorder } from '../manager-options.js';
import type { LlmMiddleware } from './types.js';

// Prompts repeat (the same incident, audience and prompt version): redact each text once,
// the per-request spotlight marker and canary aside.
const redactMemoized = memoizeText(redactText, { maxEntries: 2_000, maxKeyLength: 200_000 });
const redact = (text: string) => redactAroundRequestTokens(text, redactMemoized);

/** Options of {@link redactionMiddleware}. */
export interface RedactionMiddlewareOptions {
  /** Told the counts of what was redacted; default: nobody. */
  metrics?: Pick<LlmMetricsRecorder, 'redacted'>;
}

/** Creates the redaction middleware. */
export function redactionMiddleware(options: RedactionMiddlewareOptions = {}): LlmMiddleware {
  return {
    name: 'redaction',
    async wrapGeneration({ request, next }) {
      request.signal?.throwIfAborted();
      const counts = new Map<string, number>();
      const messages = request.messages.map((message) => {
        const { text, redactions } = redact(message.content);
        for (const { type, count } of redactions) counts.set(type, (counts.get(type) ?? 0) + count);
        return text === message.content ? message : { ...message, content: text };
      });
      const redactions = [...counts].map(([type, count]) => ({ type, count }));
      if (redactions.length > 0) options.metrics?.redacted?.(request.feature, redactions);
      const result = await next({ ...request, messages });
      return { ...result, redactions };
    },
  };
}
