/**
 * Per-account settings the configuration carries and the guards apply. They live here, below
 * the guards, so the configuration never imports a guard (see .dependency-cruiser.cjs).
 */

export interface AccountDataPolicy {
  /** May the account's data be sent to providers run by third parties (OpenAI, Bedrock)? */
  externalProviders: boolean;
  /** May prompt and completion text be stored (drafts, chunks)? False = zero retention. */
  retainText: boolean;
}

export interface AccountLimits {
  /** AI operations per minute. */
  requestsPerMinute: number;
  /** Generations running at once. */
  concurrentGenerations: number;
  /** Tokens (input + output) per UTC day; 0 = unlimited. */
  tokensPerDay: number;
  /** Tokens per UTC calendar month; 0 = unlimited. */
  tokensPerMonth: number;
  /** Share of rate and concurrency kept for high-priority work (0..1). */
  reservedShare: number;
}
