/**
 * The usage dashboard's reads (`llmUsage` and `evaluationSummary` of the GraphQL API, the
 * console's /console/usage): provider calls grouped by day, feature, provider, model and
 * prompt version with latency percentiles, fallbacks and degraded generations; guard hits and
 * throttle refusals from the audit trail; implicit feedback per day. Every read is scoped to
 * one account and a window [from, to). Dimensions are picked from a fixed list, never from
 * the caller's text, and every value is bound.
 */
import type { Queryable } from './database.js';
import { acceptedAsIsRatio, discardedBelowRatio } from './eval-repository.js';
import type { DraftKind } from './types.js';

/** A dimension the breakdown can group by. */
export type UsageDimension = 'DAY' | 'FEATURE' | 'PROVIDER' | 'MODEL' | 'PROMPT_VERSION';

/** The SQL expression of each dimension, over `llm_calls c left join drafts d`. */
const dimensionSql: Record<UsageDimension, { column: string; expression: string }> = {
  DAY: { column: 'day', expression: `to_char(c.started_at at time zone 'UTC', 'YYYY-MM-DD')` },
  FEATURE: { column: 'feature', expression: 'c.feature' },
  PROVIDER: { column: 'provider', expression: 'c.provider' },
  MODEL: { column: 'model', expression: 'c.model' },
  PROMPT_VERSION: { column: 'prompt_version', expression: `d.generation->>'promptVersion'` },
};

/** Calls of one group; a dimension that was not grouped by is null. */
export interface UsageBreakdownRow {
  day: string | null;
  feature: string | null;
  provider: string | null;
  model: string | null;
  promptVersion: string | null;
  calls: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  latencyP99Ms: number;
  /** Distinct drafts the calls belong to. */
  generations: number;
  /** Drafts whose calls went to more than one provider. */
  fallbacks: number;
  /** Drafts answered by the extractive engine. */
  degraded: number;
  /** degraded / generations (4 decimals); null without generations. */
  degradedShare: number | null;
}

export interface GuardHitCount {
  day: string;
  feature: string;
  guard: string;
  count: number;
}

export interface ThrottleRejectionCount {
  day: string;
  feature: string;
  code: string;
  count: number;
}

/** Implicit feedback given on one day (a draft's latest feedback in the window counts). */
export interface FeedbackDayRow {
  day: string;
  feedback: number;
  /** Drafts with a published text (what the mean retained ratio is over). */
  published: number;
  acceptedAsIs: number;
  edited: number;
  discarded: number;
  /** 4 decimals; null when nothing was published that day. */
  meanRetainedRatio: number | null;
}

export interface UsageReportRepository {
  /** Calls in [from, to) grouped by `groupBy` (in that order; duplicates ignored), ordered by the groups. */
  breakdown(accountId: string, from: string, to: string, groupBy: readonly UsageDimension[]): Promise<UsageBreakdownRow[]>;
  /** Guards named in `draft.generate` audit events in [from, to). */
  guardHits(accountId: string, from: string, to: string): Promise<GuardHitCount[]>;
  /** `draft.generate` events refused with RATE_LIMITED or BUDGET_EXCEEDED in [from, to). */
  throttleRejections(accountId: string, from: string, to: string): Promise<ThrottleRejectionCount[]>;
  /** Feedback on drafts of `kind` given in [from, to), per UTC day, oldest first. */
  feedbackByDay(accountId: string, kind: DraftKind, from: string, to: string): Promise<FeedbackDayRow[]>;
}

/** Throttle refusals as the audit trail records them. */
export const throttleRejectionCodes = ['RATE_LIMITED', 'BUDGET_EXCEEDED'] as const;

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;
const numberOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export function createUsageReportRepository(database: Queryable): UsageReportRepository {
  return {
    async breakdown(accountId, from, to, groupBy) {
      const dimensions = [...new Set(groupBy)].map((dimension) => dimensionSql[dimension]);
      const selected = dimensions.map((dimension) => `${dimension.expression} as ${dimension.column}`);
      const positions = dimensions.map((_, index) => String(index + 1));
      const rows = await database.query<Record<string, unknown>>(
        `with fell_back as (
           select draft_id from llm_calls
            where account_id = $1 and draft_id is not null and started_at >= $2 and started_at < $3
            group by draft_id having count(distinct provider) > 1
         )
         select ${[...selected, ''].join(', ')}
                count(*)::int as calls,
                (count(*) filter (where c.outcome = 'error'))::int as errors,
                coalesce(sum(c.input_tokens), 0)::int8 as input_tokens,
                coalesce(sum(c.output_tokens), 0)::int8 as output_tokens,
                coalesce(sum(c.cost_usd), 0)::float8 as cost_usd,
                percentile_cont(0.5) within group (order by c.latency_ms) as p50,
                percentile_cont(0.95) within group (order by c.latency_ms) as p95,
                percentile_cont(0.99) within group (order by c.latency_ms) as p99,
                (count(distinct c.draft_id))::int as generations,
                (count(distinct c.draft_id) filter (where f.draft_id is not null))::int as fallbacks,
                (count(distinct c.draft_id) filter (where d.generation->>'degraded' = 'true'))::int as degraded
           from llm_calls c
           left join drafts d on d.id = c.draft_id and d.account_id = c.account_id
           left join fell_back f on f.draft_id = c.draft_id
          where c.account_id = $1 and c.started_at >= $2 and c.started_at < $3
          ${positions.length > 0 ? `group by ${positions.join(', ')} order by ${positions.join(', ')}` : ''}`,
        [accountId, from, to],
      );
      return rows
        .filter((row) => Number(row.calls) > 0)
        .map((row) => {
          const generations = Number(row.generations);
          const degraded = Number(row.degraded);
          const text = (column: string): string | null => (column in row && row[column] !== null ? String(row[column]) : null);
          return {
            day: text('day'),
            feature: text('feature'),
            provider: text('provider'),
            model: text('model'),
            promptVersion: text('prompt_version'),
            calls: Number(row.calls),
            errors: Number(row.errors),
            inputTokens: Number(row.input_tokens),
            outputTokens: Number(row.output_tokens),
            costUsd: Number(row.cost_usd),
            latencyP50Ms: Math.round(Number(row.p50 ?? 0)),
            latencyP95Ms: Math.round(Number(row.p95 ?? 0)),
            latencyP99Ms: Math.round(Number(row.p99 ?? 0)),
            generations,
            fallbacks: Number(row.fallbacks),
            degraded,
            degradedShare: generations === 0 ? null : round4(degraded / generations),
          };
        });
    },

    async guardHits(accountId, from, to) {
      const rows = await database.query<{ day: string; feature: string | null; guard: string; count: number }>(
        `select to_char(e.at at time zone 'UTC', 'YYYY-MM-DD') as day, coalesce(e.feature, '') as feature, g.guard, count(*)::int as count
           from audit_events e, jsonb_array_elements_text(e.guards) as g(guard)
          where e.account_id = $1 and e.action = 'draft.generate' and e.at >= $2 and e.at < $3
          group by 1, 2, 3 order by 1, 2, 3`,
        [accountId, from, to],
      );
      return rows.map((row) => ({ day: row.day, feature: row.feature ?? '', guard: row.guard, count: Number(row.count) }));
    },

    async throttleRejections(accountId, from, to) {
      const rows = await database.query<{ day: string; feature: string | null; code: string; count: number }>(
        `select to_char(e.at at time zone 'UTC', 'YYYY-MM-DD') as day, coalesce(e.feature, '') as feature, e.error_code as code, count(*)::int as count
           from audit_events e
          where e.account_id = $1 and e.action = 'draft.generate' and e.outcome = 'refused'
            and e.error_code = any($4::text[]) and e.at >= $2 and e.at < $3
          group by 1, 2, 3 order by 1, 2, 3`,
        [accountId, from, to, [...throttleRejectionCodes]],
      );
      return rows.map((row) => ({ day: row.day, feature: row.feature ?? '', code: row.code, count: Number(row.count) }));
    },

    async feedbackByDay(accountId, kind, from, to) {
      // The same verdicts as summarizeFeedback (eval-repository): the latest feedback of a draft.
      const rows = await database.query<{ day: string; feedback: number; published: number; accepted_as_is: number; edited: number; discarded: number; mean_retained_ratio: number | null }>(
        `with latest as (
           select distinct on (f.draft_id) f.draft_id, f.rating, f.retained_ratio, f.created_at
             from draft_feedback f
            where f.account_id = $1 and f.created_at >= $3 and f.created_at < $4
            order by f.draft_id, f.created_at desc, f.id desc
         )
         select to_char(l.created_at at time zone 'UTC', 'YYYY-MM-DD') as day,
                count(*)::int as feedback,
                (count(l.retained_ratio))::int as published,
                (count(*) filter (where l.retained_ratio >= $5))::int as accepted_as_is,
                (count(*) filter (where l.retained_ratio < $5 and l.retained_ratio >= $6))::int as edited,
                (count(*) filter (where l.retained_ratio < $6 or (l.retained_ratio is null and l.rating = 'DOWN')))::int as discarded,
                avg(l.retained_ratio) as mean_retained_ratio
           from latest l
           join drafts d on d.id = l.draft_id and d.account_id = $1
          where d.kind = $2
          group by 1 order by 1`,
        [accountId, kind, from, to, acceptedAsIsRatio, discardedBelowRatio],
      );
      return rows.map((row) => {
        const mean = numberOrNull(row.mean_retained_ratio);
        return {
          day: row.day,
          feedback: Number(row.feedback),
          published: Number(row.published),
          acceptedAsIs: Number(row.accepted_as_is),
          edited: Number(row.edited),
          discarded: Number(row.discarded),
          meanRetainedRatio: mean === null ? null : round4(mean),
        };
      });
    },
  };
}
