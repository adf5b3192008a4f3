/**
 * Evaluations: offline runs and their per-case results (`eval_runs`, `eval_results`), and the
 * implicit feedback on live drafts read for evaluation (`draft_feedback` joined to `drafts`).
 * Runs are not tenant data (they come from committed datasets); every read of drafts and
 * feedback is scoped by account, like every other repository.
 */
import type { Database, Queryable } from './database.js';
import { toDraftRecord } from './draft-repository.js';
import { recordOf, type RowOf } from './row-mapping.js';
import type { DraftKind, DraftRecord, FeedbackRating, FeedbackRecord, GenerationRecord } from './types.js';

/** One stored evaluation run of one feature. */
export interface EvalRunRecord {
  id: string;
  feature: string;
  /** `provider:model@promptVersion`. */
  variant: string;
  provider: string;
  model: string;
  promptVersion: string;
  judge: string | null;
  baselineRunId: string | null;
  datasetHash: string;
  caseCount: number;
  /** Means over every case, by metric name. */
  metrics: Record<string, number | null>;
  judgeSummary: Record<string, unknown> | null;
  gate: Record<string, unknown> | null;
  startedAt: string;
  finishedAt: string;
}

/** One case of a stored run. */
export interface EvalResultRecord {
  runId: string;
  caseId: string;
  ok: boolean;
  errorCode: string | null;
  errorMessage: string | null;
  metrics: Record<string, number | null>;
  notes: string[];
  text: string;
  output: Record<string, unknown> | null;
  generation: GenerationRecord | null;
  judge: Record<string, unknown> | null;
}

/** Which runs {@link EvaluationRepository.latestRun} looks at. */
export interface RunFilter {
  feature: string;
  provider?: string;
  model?: string;
  promptVersion?: string;
  /** Only runs finished at or before this time. */
  before?: string;
  /** A run to leave out (the one being made). */
  excludeId?: string;
}

/** Implicit feedback on one route (provider, model, prompt version, variant) of a feature. */
export interface FeedbackSummaryRow {
  provider: string;
  model: string;
  promptVersion: string;
  variant: string;
  /** COMPLETE drafts created in the window. */
  drafts: number;
  /** Drafts with feedback in the window (a draft's latest feedback counts). */
  feedback: number;
  /** Published with at most trivial edits (retained ratio ≥ {@link acceptedAsIsRatio}). */
  acceptedAsIs: number;
  /** Published after edits that kept a real part of the draft. */
  edited: number;
  /** Mean retained ratio of the edited ones; null when none was edited. */
  meanEditedRatio: number | null;
  /** Mean retained ratio of every published one; null when none was published. */
  meanRetainedRatio: number | null;
  /** Rated DOWN and not published, or published with almost nothing of the draft left. */
  discarded: number;
  ratedUp: number;
  ratedDown: number;
}

/** A published edit with the draft it started from. */
export interface PublishedFeedbackRecord {
  feedback: FeedbackRecord;
  draft: DraftRecord;
}

/** Retained ratio from which a publication counts as the draft as-is. */
export const acceptedAsIsRatio = 0.98;
/** Retained ratio under which a publication is a rewrite: the draft was discarded. */
export const discardedBelowRatio = 0.2;

export interface EvaluationRepository {
  /** Stores a run and its results in one transaction. */
  insertRun(run: EvalRunRecord, results: readonly EvalResultRecord[]): Promise<void>;
  getRun(id: string): Promise<EvalRunRecord | null>;
  /** Results of a run, by case id. */
  listResults(runId: string): Promise<EvalResultRecord[]>;
  /** A feature's runs, newest first. */
  listRuns(feature: string, limit: number): Promise<EvalRunRecord[]>;
  /** The newest run matching the filter, or null. */
  latestRun(filter: RunFilter): Promise<EvalRunRecord | null>;
  /** Feedback on an account's drafts of one kind in [from, to), by route. */
  summarizeFeedback(accountId: string, kind: DraftKind, from: string, to: string): Promise<FeedbackSummaryRow[]>;
  /** Feedback with a published text on an account's drafts of one kind in [from, to), oldest first. */
  listPublishedFeedback(accountId: string, kind: DraftKind, from: string, to: string, limit: number): Promise<PublishedFeedbackRecord[]>;
}

type RunRow = RowOf<EvalRunRecord>;

type ResultRow = RowOf<EvalResultRecord>;

interface RouteKey {
  provider: string;
  model: string;
  prompt_version: string;
  variant: string;
}

interface FeedbackSummarySqlRow extends RouteKey {
  feedback: number;
  accepted_as_is: number;
  edited: number;
  mean_edited_ratio: number | null;
  mean_retained_ratio: number | null;
  discarded: number;
  rated_up: number;
  rated_down: number;
}

/** A feedback row joined to its draft (the draft's id and account come from the feedback's columns). */
type PublishedRow = RowOf<Omit<DraftRecord, 'id' | 'accountId' | 'userId'>> & {
  feedback_id: string;
  draft_id: string;
  account_id: string;
  feedback_user_id: string | null;
  rating: FeedbackRating;
  published_text: string;
  comment: string | null;
  retained_ratio: number | null;
  feedback_created_at: string;
  draft_user_id: string | null;
};

const runColumns =
  'id, feature, variant, provider, model, prompt_version, judge, baseline_run_id, dataset_hash, case_count, metrics, judge_summary, gate, started_at, finished_at';
const resultColumns = 'run_id, case_id, ok, error_code, error_message, metrics, notes, text, output, generation, judge';
const resultsPerInsert = 100;

// The route of a draft as the generation recorded it; drafts from before a field existed say 'unknown'.
const routeColumns = `coalesce(d.generation ->> 'provider', 'unknown') as provider,
       coalesce(d.generation ->> 'model', 'unknown') as model,
       coalesce(d.generation ->> 'promptVersion', 'unknown') as prompt_version,
       coalesce(d.generation ->> 'variant', 'unknown') as variant`;

/** A mean of ratios as a reader wants it: 3 decimals (the database's average has ~16). */
const roundRatio = (value: number): number => Math.round(value * 1000) / 1000;

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

/** Evaluations over `database`. */
export function createEvaluationRepository(database: Database): EvaluationRepository {
  async function insertResults(queryable: Queryable, results: readonly EvalResultRecord[]): Promise<void> {
    for (let start = 0; start < results.length; start += resultsPerInsert) {
      const batch = results.slice(start, start + resultsPerInsert);
      const params: unknown[] = [];
      const rows = batch.map((result) => {
        const base = params.length;
        params.push(
          result.runId,
          result.caseId,
          result.ok,
          result.errorCode,
          result.errorMessage,
          json(result.metrics),
          json(result.notes),
          result.text,
          json(result.output),
          json(result.generation),
          json(result.judge),
        );
        const at = (offset: number): string => `$${base + offset}`;
        return `(${at(1)}, ${at(2)}, ${at(3)}, ${at(4)}, ${at(5)}, ${at(6)}::jsonb, ${at(7)}::jsonb, ${at(8)}, ${at(9)}::jsonb, ${at(10)}::jsonb, ${at(11)}::jsonb)`;
      });
      await queryable.query(`insert into eval_results (${resultColumns}) values ${rows.join(', ')}`, params);
    }
  }

  return {
    async insertRun(run, results) {
      await database.transaction(async (transaction) => {
        await transaction.query(
          `insert into eval_runs (${runColumns})
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13::jsonb, $14, $15)`,
          [
            run.id,
            run.feature,
            run.variant,
            run.provider,
            run.model,
            run.promptVersion,
            run.judge,
            run.baselineRunId,
            run.datasetHash,
            run.caseCount,
            json(run.metrics),
            json(run.judgeSummary),
            json(run.gate),
            run.startedAt,
            run.finishedAt,
          ],
        );
        await insertResults(transaction, results);
      });
    },

    async getRun(id) {
      const [row] = await database.query<RunRow>(`select ${runColumns} from eval_runs where id = $1`, [id]);
      return row === undefined ? null : recordOf<EvalRunRecord>(row);
    },

    async listResults(runId) {
      const rows = await database.query<ResultRow>(`select ${resultColumns} from eval_results where run_id = $1 order by case_id`, [runId]);
      return rows.map(recordOf<EvalResultRecord>);
    },

    async listRuns(feature, limit) {
      const rows = await database.query<RunRow>(
        `select ${runColumns} from eval_runs where feature = $1 order by finished_at desc, id desc limit $2`,
        [feature, Math.max(0, Math.floor(limit))],
      );
      return rows.map(recordOf<EvalRunRecord>);
    },

    async latestRun(filter) {
      const [row] = await database.query<RunRow>(
        `select ${runColumns} from eval_runs
          where feature = $1
            and ($2::text is null or provider = $2)
            and ($3::text is null or model = $3)
            and ($4::text is null or prompt_version = $4)
            and ($5::timestamptz is null or finished_at <= $5)
            and ($6::text is null or id <> $6)
          order by finished_at desc, id desc
          limit 1`,
        [filter.feature, filter.provider ?? null, filter.model ?? null, filter.promptVersion ?? null, filter.before ?? null, filter.excludeId ?? null],
      );
      return row === undefined ? null : recordOf<EvalRunRecord>(row);
    },

    async summarizeFeedback(accountId, kind, from, to) {
      // A draft's latest feedback is its verdict: a second submission replaces the first.
      const feedbackRows = await database.query<FeedbackSummarySqlRow>(
        `with latest as (
           select distinct on (f.draft_id) f.draft_id, f.rating, f.published_text, f.retained_ratio
             from draft_feedback f
            where f.account_id = $1 and f.created_at >= $3 and f.created_at < $4
            order by f.draft_id, f.created_at desc, f.id desc
         )
         select ${routeColumns},
                count(*)::int as feedback,
                (count(*) filter (where l.retained_ratio >= $5))::int as accepted_as_is,
                (count(*) filter (where l.retained_ratio < $5 and l.retained_ratio >= $6))::int as edited,
                avg(l.retained_ratio) filter (where l.retained_ratio < $5 and l.retained_ratio >= $6) as mean_edited_ratio,
                avg(l.retained_ratio) as mean_retained_ratio,
                (count(*) filter (where l.retained_ratio < $6 or (l.retained_ratio is null and l.rating = 'DOWN')))::int as discarded,
                (count(*) filter (where l.rating = 'UP'))::int as rated_up,
                (count(*) filter (where l.rating = 'DOWN'))::int as rated_down
           from latest l
           join drafts d on d.id = l.draft_id and d.account_id = $1
          where d.kind = $2
          group by 1, 2, 3, 4`,
        [accountId, kind, from, to, acceptedAsIsRatio, discardedBelowRatio],
      );
      const draftRows = await database.query<RouteKey & { drafts: number }>(
        `select ${routeColumns}, count(*)::int as drafts
           from drafts d
          where d.account_id = $1 and d.kind = $2 and d.state = 'COMPLETE' and d.created_at >= $3 and d.created_at < $4
          group by 1, 2, 3, 4`,
        [accountId, kind, from, to],
      );
      const key = (row: RouteKey): string => [row.provider, row.model, row.prompt_version, row.variant].join('\u0000');
      const summaries = new Map<string, FeedbackSummaryRow>();
      const empty = (row: RouteKey): FeedbackSummaryRow => ({
        provider: row.provider,
        model: row.model,
        promptVersion: row.prompt_version,
        variant: row.variant,
        drafts: 0,
        feedback: 0,
        acceptedAsIs: 0,
        edited: 0,
        meanEditedRatio: null,
        meanRetainedRatio: null,
        discarded: 0,
        ratedUp: 0,
        ratedDown: 0,
      });
      for (const row of draftRows) summaries.set(key(row), { ...empty(row), drafts: row.drafts });
      for (const row of feedbackRows) {
        summaries.set(key(row), {
          ...(summaries.get(key(row)) ?? empty(row)),
          feedback: row.feedback,
          acceptedAsIs: row.accepted_as_is,
          edited: row.edited,
          meanEditedRatio: row.mean_edited_ratio === null ? null : roundRatio(Number(row.mean_edited_ratio)),
          meanRetainedRatio: row.mean_retained_ratio === null ? null : roundRatio(Number(row.mean_retained_ratio)),
          discarded: row.discarded,
          ratedUp: row.rated_up,
          ratedDown: row.rated_down,
        });
      }
      return [...summaries.values()].sort(
        (a, b) => b.feedback - a.feedback || b.drafts - a.drafts || `${a.provider}${a.model}${a.promptVersion}${a.variant}`.localeCompare(`${b.provider}${b.model}${b.promptVersion}${b.variant}`),
      );
    },

    async listPublishedFeedback(accountId, kind, from, to, limit) {
      const rows = await database.query<PublishedRow>(
        `select f.id as feedback_id, f.draft_id, f.account_id, f.user_id as feedback_user_id, f.rating, f.published_text, f.comment,
                f.retained_ratio, f.created_at as feedback_created_at,
                d.user_id as draft_user_id, d.kind, d.state, d.incident_id, d.job_id, d.execution_id, d.input, d.output, d.text,
                d.generation, d.error, d.created_at, d.updated_at
           from draft_feedback f
           join drafts d on d.id = f.draft_id and d.account_id = f.account_id
          where f.account_id = $1 and d.kind = $2 and f.published_text is not null
            and f.created_at >= $3 and f.created_at < $4
          order by f.created_at, f.id
          limit $5`,
        [accountId, kind, from, to, Math.max(0, Math.floor(limit))],
      );
      return rows.map((row) => ({
        feedback: {
          id: row.feedback_id,
          draftId: row.draft_id,
          accountId: row.account_id,
          userId: row.feedback_user_id,
          rating: row.rating,
          publishedText: row.published_text,
          comment: row.comment,
          retainedRatio: row.retained_ratio,
          createdAt: row.feedback_created_at,
        },
        draft: toDraftRecord({ ...row, id: row.draft_id, user_id: row.draft_user_id }),
      }));
    },
  };
}


