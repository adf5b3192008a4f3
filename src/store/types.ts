/**
 * The persistence contract. One SQL dialect (PostgreSQL) behind two drivers: `pg` against a
 * server and PGlite embedded. Repositories take and return these records; every query binds
 * its parameters. Every read is scoped by `accountId`: a row of another account is never
 * returned, it is "not found".
 */
import type { FeatureName } from '../config/feature-names.js';

/**
 * A draft's kind (`STATUS_UPDATE`, `POSTMORTEM`...): each feature module names its own; which
 * kinds exist is the registered modules' list (see draft-kinds.ts).
 */
export type DraftKind = string;
export type DraftState = 'STREAMING' | 'COMPLETE' | 'FAILED';

/** How a draft was generated (the GraphQL `Generation` type). */
export interface GenerationRecord {
  provider: string;
  model: string;
  promptVersion: string;
  /** Routing variant label (experiments); `provider:model` by default. */
  variant: string;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  latencyMs: number;
  degraded: boolean;
  traceId: string | null;
  /** Provider attempts it took, including failed ones and fallbacks. */
  attempts: number;
  /** Secrets and personal data redacted before the text reached a provider (counts, never values). */
  redactions?: { type: string; count: number }[];
}

export interface DraftRecord {
  id: string;
  accountId: string;
  userId: string | null;
  kind: DraftKind;
  state: DraftState;
  incidentId: string | null;
  jobId: string | null;
  executionId: string | null;
  /** The feature's input as received (audience, guidance, question...). */
  input: Record<string, unknown>;
  /** The validated structured output; null until COMPLETE. */
  output: Record<string, unknown> | null;
  /** Rendered markdown; partial while STREAMING. */
  text: string;
  generation: GenerationRecord | null;
  error: { code: string; message: string } | null;
  createdAt: string;
  updatedAt: string;
}

/** The fields of a draft that exist once it is finished. */
type DraftResultField = 'output' | 'text' | 'generation' | 'error' | 'updatedAt';

/**
 * A draft to insert. A draft inserted already finished (a non-streamed generation: one round
 * trip, no STREAMING row first) carries its result fields; a STREAMING insert leaves them out
 * (`updatedAt` defaults to `createdAt`).
 */
export interface NewDraft extends Omit<DraftRecord, DraftResultField>, Partial<Pick<DraftRecord, DraftResultField>> {}

export interface DraftCompletion {
  output: Record<string, unknown>;
  text: string;
  generation: GenerationRecord;
  /**
   * The feature input as finally used, when preparing the prompt changed it (a postmortem
   * records how its long log was condensed); absent: the input stored at insert stays.
   */
  input?: Record<string, unknown>;
}

export interface DraftChunkRecord {
  draftId: string;
  /** 1-based, gapless per draft. */
  sequence: number;
  delta: string;
  createdAt: string;
}

export type LlmCallOutcome = 'success' | 'error';

/** One provider attempt: the unit of usage accounting. */
export interface LlmCallRecord {
  /** Idempotency key: a record written twice is stored once. */
  id: string;
  accountId: string;
  feature: FeatureName;
  draftId: string | null;
  provider: string;
  model: string;
  /** 1-based attempt number within the generation (retries and fallbacks count up). */
  attempt: number;
  outcome: LlmCallOutcome;
  /** ProviderError kind or manager code when outcome is `error`. */
  errorKind: string | null;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  latencyMs: number;
  startedAt: string;
  traceId: string | null;
  /** Answered by the exact response cache: no model call, no tokens, cost 0; absent = false. */
  cached?: boolean;
}

export interface UsageSummaryRow {
  feature: FeatureName;
  provider: string;
  model: string;
  calls: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** Calls answered by the response cache. */
  cachedCalls: number;
}

export type FeedbackRating = 'UP' | 'DOWN';

export interface FeedbackRecord {
  id: string;
  draftId: string;
  accountId: string;
  userId: string | null;
  rating: FeedbackRating;
  publishedText: string | null;
  comment: string | null;
  /** Share of the draft that survived into the published text (1 = as-is), null without it. */
  retainedRatio: number | null;
  createdAt: string;
}

export interface DraftRepository {
  insert(draft: NewDraft): Promise<DraftRecord>;
  /**
   * STREAMING -> COMPLETE. With `placeholder` (the row as inserted STREAMING) it is an upsert,
   * committed durably: a placeholder whose asynchronous commit was lost (see `insert`) is
   * written whole.
   */
  complete(accountId: string, id: string, completion: DraftCompletion, placeholder?: NewDraft): Promise<DraftRecord>;
  /** STREAMING -> FAILED; `placeholder` as for `complete`. */
  fail(
    accountId: string,
    id: string,
    error: { code: string; message: string },
    generation?: GenerationRecord | null,
    placeholder?: NewDraft,
  ): Promise<DraftRecord>;
  get(accountId: string, id: string): Promise<DraftRecord | null>;
  /** Newest first, at most `limit` per incident, in ONE query for the whole batch. */
  listByIncidents(
    accountId: string,
    incidentIds: readonly string[],
    options: { kind?: DraftKind; limit: number },
  ): Promise<Map<string, DraftRecord[]>>;
  /** Newest first, at most `limit` per job, in one query. */
  listByJobs(accountId: string, jobIds: readonly string[], options: { kind?: DraftKind; limit: number }): Promise<Map<string, DraftRecord[]>>;
  /** Marks drafts STREAMING since before `olderThan` as FAILED; returns their ids. */
  failOrphans(olderThan: string, error: { code: string; message: string }): Promise<string[]>;
}

export interface DraftChunkRepository {
  append(chunk: DraftChunkRecord): Promise<void>;
  /**
   * Several chunks in one statement (a stream's chunks that arrived while the previous write
   * was running): all are stored or none. A duplicate is reported with the batch's first sequence.
   */
  appendMany(chunks: readonly DraftChunkRecord[]): Promise<void>;
  /**
   * Chunks with `sequence > afterSequence`, in order. Scoped through the draft: chunks of
   * another account's draft are never returned (empty list).
   */
  list(accountId: string, draftId: string, afterSequence?: number): Promise<DraftChunkRecord[]>;
}

export interface LlmCallRepository {
  /** Inserts a batch; records whose id exists already are skipped (idempotent). */
  insertMany(records: readonly LlmCallRecord[]): Promise<void>;
  listForDraft(accountId: string, draftId: string): Promise<LlmCallRecord[]>;
  summarize(accountId: string, from: string, to: string): Promise<UsageSummaryRow[]>;
}

export interface FeedbackRepository {
  insert(record: FeedbackRecord): Promise<FeedbackRecord>;
  listForDraft(accountId: string, draftId: string): Promise<FeedbackRecord[]>;
}
