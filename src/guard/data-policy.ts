/**
 * Where an account's data may go. An account that has not opted in to external AI
 * subprocessors, and any incident marked private, may only reach self-hosted providers
 * (and the built-in extractive engine). The LLM Manager applies this at its single entry
 * point, on every route, so no feature and no fallback can bypass it.
 */
import type { AccountDataPolicy } from '../config/account-settings.js';

export type { AccountDataPolicy };

/** What the policy reads of a provider (an `LlmProvider` fits). */
export interface ProviderTraits {
  kind: string;
  selfHosted: boolean;
}

/** What the policy reads of a request's grounding (an `llm` `Grounding` fits). */
export interface GroundingPrivacy {
  incident?: { private?: boolean } | null;
  /** The feature's input: not read by the policy. */
  input?: unknown;
}

export const defaultDataPolicy: AccountDataPolicy = { externalProviders: true, retainText: true };

export interface DataPolicy {
  forAccount(accountId: string): AccountDataPolicy;
  /** Whether this provider may receive this request's data; the reason when not. */
  permits(accountId: string, provider: ProviderTraits, grounding: GroundingPrivacy | undefined): { allowed: boolean; reason: string | null };
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
