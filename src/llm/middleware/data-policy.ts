/**
 * The data policy as middleware: a provider run by a third party is not tried for an account
 * that has not opted in, nor for a private incident (src/guard/data-policy.ts decides). Applied
 * at every step of every route, so no feature and no fallback can bypass it.
 */
import type { DataPolicy } from '../../guard/data-policy.js';
import type { LlmMiddleware } from './types.js';

/** Creates the data-policy middleware. */
export function dataPolicyMiddleware(policy: DataPolicy): LlmMiddleware {
  return {
    name: 'data-policy',
    screenProvider({ request, provider }) {
      const permitted = policy.permits(request.accountId, provider, request.grounding);
      return permitted.allowed ? null : `data policy (${permitted.reason})`;
    },
  };
}
