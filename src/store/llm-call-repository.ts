/**
 * LLM calls: one row per provider attempt, the unit of usage accounting. Written in batches by
 * the usage sink; the id makes a retried batch harmless.
 */
import type { FeatureName } from '../config/feature-names.js';
import type { Queryable } from './database.js';
import { batchInsertOf, insertRecordsOnce } from './batch-insert.js';
import { recordOf, type RowOf } from './row-mapping.js';
import type { LlmCallOutcome, LlmCallRecord, LlmCallRepository, UsageSummaryRow } from './types.js';

/** `cached` is stored false rather than absent. */
type LlmCallRow = RowOf<Required<LlmCallRecord>>;

interface UsageSummarySqlRow {
  feature: FeatureName;
  provider: string;
  model: string;
  calls: number;
  errors: number;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
  cached_calls: number;
}

// Column -> SQL type (see batch-insert.ts).
const callColumnTypes = {
  id: 'text',
  account_id: 'text',
  feature: 'text',
  draft_id: 'text',
  provider: 'text',
  model: 'text',
  attempt: 'integer',
  outcome: 'text',
  error_kind: 'text',
  input_tokens: 'integer',
  output_tokens: 'integer',
  cost_usd: 'numeric',
  latency_ms: 'integer',
  started_at: 'timestamptz',
  trace_id: 'text',
  cached: 'boolean',
} as const satisfies Readonly<Record<keyof LlmCallRow, string>>;

const callColumns = Object.keys(callColumnTypes) as (keyof LlmCallRow)[];
// `cached` is absent on a call that was not served from the cache.
const insertCalls = batchInsertOf('llm_calls', callColumnTypes, { cached: 'false' });

/** Usage records over `database`; reads are scoped by account. */
export function createLlmCallRepository(database: Queryable): LlmCallRepository {
  return {
    async insertMany(records: readonly LlmCallRecord[]): Promise<void> {
      await insertRecordsOnce(database, insertCalls, records);
    },

    async listForDraft(accountId: string, draftId: string): Promise<LlmCallRecord[]> {
      const rows = await database.query<LlmCallRow>(
        `select ${callColumns.join(', ')} from llm_calls
          where account_id = $1 and draft_id = $2
          order by started_at, attempt, id`,
        [accountId, draftId],
      );
      return rows.map(toLlmCallRecord);
    },

    async summarize(accountId: string, from: string, to: string): Promise<UsageSummaryRow[]> {
      const rows = await database.query<UsageSummarySqlRow>(
        `select feature, provider, model,
                count(*) as calls,
                count(*) filter (where outcome = 'error') as errors,
                coalesce(sum(input_tokens), 0)::int8 as input_tokens,
                coalesce(sum(output_tokens), 0)::int8 as output_tokens,
                coalesce(sum(cost_usd), 0) as cost_usd,
                count(*) filter (where cached) as cached_calls
           from llm_calls
          where account_id = $1 and started_at >= $2 and started_at < $3
          group by feature, provider, model
          order by feature, provider, model`,
        [accountId, from, to],
      );
      return rows.map((row) => ({
        feature: row.feature,
        provider: row.provider,
        model: row.model,
        calls: row.calls,
        errors: row.errors,
        inputTokens: row.input_tokens,
        outputTokens: row.output_tokens,
        costUsd: row.cost_usd,
        cachedCalls: row.cached_calls,
      }));
    },
  };
}

function toLlmCallRecord({ cached, ...row }: LlmCallRow): LlmCallRecord {
  // `cached` is absent on a call that was not served from the cache.
  return { ...recordOf<Omit<LlmCallRecord, 'cached'>>(row), ...(cached && { cached: true }) };
}
