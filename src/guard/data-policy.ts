/**
 * Where an account's data may go. An account that has not opted in to external AI
 * subprocessors, and any incident marked private, may only reach self-hosted providers
 * (and the built-in extractive engine). The LLM Manager applies this at its single entry
 * point, on every route, so no feature and no fallback can bypass it.
 */
import type { Grounding, LlmProvider } from '../llm/types.js';

export interface AccountDataPolicy {
  /** May the account's data be sent to providers run by third parties (OpenAI, Bedrock)? */
  externalProviders: boolean;
  /** May prompt and completion text be stored (drafts, chunks)? False = zero retention. */
  retainText: boolean;
}

export const defaultDataPolicy: AccountDataPolicy = { externalProviders: true, retainText: true };

export interface DataPolicy {
  forAccount(accountId: string): AccountDataPolicy;
  /** Whether this provider may receive this request's data; the reason when not. */
  permits(accountId: string, provider: Pick<LlmProvider, 'kind' | 'selfHosted'>, grounding: Grounding | undefined): { allowed: boolean; reason: string | null };
}

export function createDataPolicy(policies: Readonly<Record<string, Partial<AccountDataPolicy>>>, defaults: AccountDataPolicy = defaultDataPolicy): DataPolicy {
  const forAccount = (accountId: string): AccountDataPolicy => ({ ...defaults, ...policies[accountId] });
  return {
    forAccount,
    permits(accountId, provider, grounding) {
      if (provider.selfHosted || provider.kind === 'extractive') return { allowed: true, reason: null };
      if (!forAccount(accountId).externalProviders) return { allowed: false, reason: 'the account has not opted in to external AI providers' };
      if (grounding?.incident?.private) return { allowed: false, reason: 'the incident is private' };
      return { allowed: true, reason: null };
    },
  };
}
