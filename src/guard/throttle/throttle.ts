/**
 * The throttle every generation passes: resolves the account's limits, asks the store, turns
 * refusals into typed errors with `retryAfter`, and decides what happens when the store is
 * unreachable (fail open: serve, log and count; fail closed: refuse with RATE_LIMITED).
 */
import type { Logger } from 'pino';
import { AppError } from '../../errors/app-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import type { AccountLimits, ThrottleStore, WorkPriority } from './throttle-store.js';

export interface ThrottleOptions {
  store: ThrottleStore;
  defaults: AccountLimits;
  /** Per-account overrides of the defaults. */
  accounts?: Readonly<Record<string, Partial<AccountLimits>>>;
  /** When the store cannot answer: serve anyway (`open`) or refuse (`closed`). */
  failMode: 'open' | 'closed';
  /** Longest a generation holds its concurrency lease (ms). */
  leaseMs: number;
  logger: Logger;
  onRejected?: (accountId: string, reason: string) => void;
  now?: () => number;
}

export interface ThrottlePermit {
  /** Ends the generation: frees its lease and charges the tokens it used. Never throws. */
  release(tokensUsed: number): Promise<void>;
}

export interface Throttle {
  /** Throws RATE_LIMITED or BUDGET_EXCEEDED (with `retryAfter` in seconds) when refused. */
  enter(accountId: string, priority: WorkPriority): Promise<ThrottlePermit>;
}

export function createThrottle(options: ThrottleOptions): Throttle {
  const now = options.now ?? Date.now;
  const limitsOf = (accountId: string): AccountLimits => ({ ...options.defaults, ...options.accounts?.[accountId] });

  return {
    async enter(accountId, priority) {
      const limits = limitsOf(accountId);
      let decision;
      try {
        decision = await options.store.acquire(accountId, limits, priority, now(), options.leaseMs);
      } catch (error) {
        options.logger.error({ err: error, accountId, failMode: options.failMode }, 'throttle store unavailable');
        if (options.failMode === 'closed') {
          options.onRejected?.(accountId, 'store_unavailable');
          throw new AppError(ErrorCode.RATE_LIMITED, 'Rate limiting is unavailable and this deployment refuses work without it; retry shortly.', {
            retryable: true,
            extensions: { retryAfter: 5 },
            cause: error,
          });
        }
        return { release: async () => undefined };
      }
      if (!decision.ok) {
        options.onRejected?.(accountId, decision.reason);
        const budget = decision.reason === 'budget_day' || decision.reason === 'budget_month';
        const message = budget
          ? `The account's ${decision.reason === 'budget_day' ? 'daily' : 'monthly'} token budget is spent; it renews in ${decision.retryAfterSeconds} s.`
          : decision.reason === 'rate'
            ? `Too many AI operations for this account (limit ${limits.requestsPerMinute} per minute); retry in ${decision.retryAfterSeconds} s.`
            : `Too many generations running for this account (limit ${limits.concurrentGenerations}); retry in ${decision.retryAfterSeconds} s.`;
        throw new AppError(budget ? ErrorCode.BUDGET_EXCEEDED : ErrorCode.RATE_LIMITED, message, {
          retryable: true,
          extensions: { retryAfter: decision.retryAfterSeconds, reason: decision.reason },
        });
      }
      const lease = decision.lease;
      return {
        async release(tokensUsed) {
          await Promise.all([
            options.store.release(accountId, lease),
            tokensUsed > 0 ? options.store.consume(accountId, tokensUsed, now()) : undefined,
          ]).catch((error: unknown) => options.logger.error({ err: error, accountId }, 'throttle release failed; the lease expires by itself'));
        },
      };
    },
  };
}

/** High priority: a P1/P2 or high-urgency incident. */
export function priorityOf(incident: { priority: string | null; urgency: string } | null): WorkPriority {
  if (!incident) return 'normal';
  return incident.urgency === 'high' || incident.priority === 'P1' || incident.priority === 'P2' ? 'high' : 'normal';
}
