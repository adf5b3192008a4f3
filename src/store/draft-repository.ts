/**
 * Drafts: one row per generation, inserted STREAMING and moved once to COMPLETE or FAILED.
 */
import { badInput } from '../errors/app-error.js';
import type { Queryable } from './database.js';
import { createInsertGroup } from './insert-group.js';
import type { RowOf } from './row-mapping.js';
import { DraftNotFoundError, DraftStateError } from './store-errors.js';
import type {
  DraftCompletion,
  DraftKind,
  DraftRecord,
  DraftRepository,
  DraftState,
  GenerationRecord,
  NewDraft,
} from './types.js';

/** Options of {@link createDraftRepository}. */
export interface DraftRepositoryOptions {
  /** Clock for `updatedAt` on transitions. Default: the system clock. */
  now?: () => Date;
}

/** A `drafts` row as both drivers return it. */
export type DraftRow = RowOf<DraftRecord>;

const draftColumns =
  'id, account_id, user_id, kind, state, incident_id, job_id, execution_id, input, output, text, generation, error, created_at, updated_at';

/**
 * What a finished draft's row is read back for: the columns the completion did not set. Its
 * output, text and generation are what was sent, so the server does not print those JSON
 * columns back and the driver does not parse them again (as for `insertRows`).
 */
const completedColumns = 'id, account_id, user_id, kind, state, incident_id, job_id, execution_id, input, created_at, updated_at';

/** A STREAMING draft finished: $1 account, $2 id, $3 output, $4 text, $5 generation, $6 updated, $7 input (null: kept). */
const completeStatement = `update drafts
    set state = 'COMPLETE', output = $3::jsonb, text = $4, generation = $5::jsonb, error = null, updated_at = $6,
        input = coalesce($7::jsonb, input)
  where account_id = $1 and id = $2 and state = 'STREAMING'
  returning ${completedColumns}`;

/**
 * The same, for a streamed draft whose placeholder was committed asynchronously (stack-notes 33):
 * inserted whole if the placeholder is missing; $8-$14 are the placeholder's (`placeholderValues`).
 */
const completeUpsertStatement = `insert into drafts (id, account_id, user_id, kind, state, incident_id, job_id, execution_id, input, output, text, generation, error, created_at, updated_at)
  values ($2, $1, $8, $9, 'COMPLETE', $10, $11, $12, coalesce($7::jsonb, $13::jsonb), $3::jsonb, $4, $5::jsonb, null, $14::timestamptz, $6::timestamptz)
  on conflict (id) do update
     set state = 'COMPLETE', output = excluded.output, text = excluded.text, generation = excluded.generation, error = null,
         updated_at = excluded.updated_at, input = coalesce($7::jsonb, drafts.input)
   where drafts.account_id = excluded.account_id and drafts.state = 'STREAMING'
  returning ${completedColumns}`;

/** A STREAMING draft failed: $1 account, $2 id, $3 error, $4 generation (null: whatever the draft has, a partial stream may have set none), $5 updated. */
const failStatement = `update drafts
    set state = 'FAILED', error = $3::jsonb, generation = coalesce($4::jsonb, generation), updated_at = $5
  where account_id = $1 and id = $2 and state = 'STREAMING'
  returning ${draftColumns}`;

/** The same as an upsert (see completeUpsertStatement); $6-$12 are the placeholder's. */
const failUpsertStatement = `insert into drafts (id, account_id, user_id, kind, state, incident_id, job_id, execution_id, input, output, text, generation, error, created_at, updated_at)
  values ($2, $1, $6, $7, 'FAILED', $8, $9, $10, $11::jsonb, null, '', $4::jsonb, $3::jsonb, $12::timestamptz, $5::timestamptz)
  on conflict (id) do update
     set state = 'FAILED', error = excluded.error, generation = coalesce(excluded.generation, drafts.generation), updated_at = excluded.updated_at
   where drafts.account_id = excluded.account_id and drafts.state = 'STREAMING'
  returning ${draftColumns}`;

/** Which column groups a batch list: `incident_id` or `job_id` (never user input). */
type GroupColumn = 'incident_id' | 'job_id';

/**
 * Drafts over `database` (a pool, or a transaction). Reads and transitions are scoped by account;
 * `failOrphans` is the sweeper's and spans accounts.
 */
export function createDraftRepository(database: Queryable, options: DraftRepositoryOptions = {}): DraftRepository {
  const now = options.now ?? (() => new Date());

  /** Distinguishes "missing for this account" from "not STREAMING" after a transition matched nothing. */
  async function transitionFailure(accountId: string, id: string, transition: 'complete' | 'fail'): Promise<Error> {
    const [row] = await database.query<{ state: DraftState }>('select state from drafts where account_id = $1 and id = $2', [
      accountId,
      id,
    ]);
    return row === undefined ? new DraftNotFoundError(id) : new DraftStateError(id, row.state, transition);
  }

  /**
   * Stores `drafts` in one statement (and, outside a transaction, one commit). Only the ids and
   * timestamps come back (as the server stores them): the rest is what was sent, so the server
   * does not print the JSON columns back and the driver does not parse them again (a finished
   * draft's output and text are most of its row).
   */
  async function insertRows(drafts: readonly NewDraft[], asyncCommit = false): Promise<DraftRecord[]> {
    const values: unknown[] = [];
    for (const draft of drafts) {
      values.push(
        draft.id,
        draft.accountId,
        draft.userId,
        draft.kind,
        draft.state,
        draft.incidentId,
        draft.jobId,
        draft.executionId,
        JSON.stringify(draft.input),
        draft.createdAt,
        draft.updatedAt ?? draft.createdAt,
        draft.output == null ? null : JSON.stringify(draft.output),
        draft.text ?? '',
        draft.generation == null ? null : JSON.stringify(draft.generation),
        draft.error == null ? null : JSON.stringify(draft.error),
      );
    }
    // Timestamps written as the server prints them back (ISO, UTC, milliseconds: what `toISOString`
    // gives, as every caller's clock does) need no RETURNING: the row reads back what was sent, so
    // the server sends no row description and rows, and the driver parses none. Any other form
    // is read back as the server stores it.
    const canonical = drafts.every((draft) => isCanonicalTimestamp(draft.createdAt) && (draft.updatedAt === undefined || isCanonicalTimestamp(draft.updatedAt)));
    let stored: Map<string, Pick<DraftRow, 'id' | 'created_at' | 'updated_at'>> | null = null;
    if (canonical) {
      await database.query(insertStatement(drafts.length, { asyncCommit, returning: false }), values);
    } else {
      const rows = await database.query<Pick<DraftRow, 'id' | 'created_at' | 'updated_at'>>(insertStatement(drafts.length, { asyncCommit, returning: true }), values);
      stored = new Map(rows.map((row) => [row.id, row]));
    }
    return drafts.map((draft) => {
      const row = stored === null ? { created_at: draft.createdAt, updated_at: draft.updatedAt ?? draft.createdAt } : stored.get(draft.id);
      // insert ... returning yields every row it stored; a missing one would be a driver bug.
      if (row === undefined) throw new Error(`insert returned no row for draft ${draft.id}`);
      return {
        id: draft.id,
        accountId: draft.accountId,
        userId: draft.userId,
        kind: draft.kind,
        state: draft.state,
        incidentId: draft.incidentId,
        jobId: draft.jobId,
        executionId: draft.executionId,
        input: draft.input,
        output: draft.output ?? null,
        text: draft.text ?? '',
        generation: draft.generation ?? null,
        error: draft.error ?? null,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      };
    });
  }

  // Concurrent inserts share a statement and a commit (see insert-group.ts): measured, most of a
  // lone insert's PostgreSQL CPU is the commit's WAL flush and the statement round trip.
  const inserts = createInsertGroup({ write: (rows: readonly NewDraft[]) => insertRows(rows), maxRows: maxDraftsPerInsert });
  // STREAMING placeholders are committed without waiting for the WAL flush (stack-notes 33):
  // their own group, so a finished draft never shares their commit. The final write of a
  // streamed draft (`complete`/`fail` with the placeholder) is an upsert committed durably, and
  // its flush carries every earlier WAL record: a finished draft is never lost, even when the
  // placeholder's commit was (a PostgreSQL crash within ~3 × wal_writer_delay of it).
  const placeholders = createInsertGroup({ write: (rows: readonly NewDraft[]) => insertRows(rows, true), maxRows: maxDraftsPerInsert });

  async function listGrouped(
    column: GroupColumn,
    accountId: string,
    groupIds: readonly string[],
    options: { kind?: DraftKind; limit: number },
  ): Promise<Map<string, DraftRecord[]>> {
    const { limit } = options;
    if (!Number.isInteger(limit) || limit < 0) throw badInput(`The limit must be a whole number, 0 or more (got ${limit}).`, 'first');
    const uniqueIds = [...new Set(groupIds)];
    const result = new Map<string, DraftRecord[]>(uniqueIds.map((groupId) => [groupId, []]));
    if (uniqueIds.length === 0 || limit === 0) return result;
    // One query for the whole batch: rank each group's drafts newest first and keep the top
    // `limit`. `column` comes from the closed GroupColumn union, never from a caller's value.
    const rows = await database.query<DraftRow>(
      `select ${draftColumns}
         from (select ${draftColumns},
                      row_number() over (partition by ${column} order by created_at desc, id desc) as rank
                 from drafts
                where account_id = $1
                  and ${column} = any($2::text[])
                  and ($3::text is null or kind = $3::text)) ranked
        where rank <= $4
        order by ${column}, created_at desc, id desc`,
      [accountId, uniqueIds, options.kind ?? null, limit],
    );
    for (const row of rows) {
      const groupId = column === 'incident_id' ? row.incident_id : row.job_id;
      if (groupId !== null) result.get(groupId)?.push(toDraftRecord(row));
    }
    return result;
  }

  return {
    insert(draft: NewDraft): Promise<DraftRecord> {
      return draft.state === 'STREAMING' ? placeholders.add(draft) : inserts.add(draft);
    },

    async complete(accountId: string, id: string, completion: DraftCompletion, placeholder?: NewDraft): Promise<DraftRecord> {
      const values: unknown[] = [
        accountId,
        id,
        JSON.stringify(completion.output),
        completion.text,
        JSON.stringify(completion.generation),
        now().toISOString(),
        completion.input === undefined ? null : JSON.stringify(completion.input),
      ];
      const [row] = await database.query<Omit<DraftRow, 'output' | 'text' | 'generation' | 'error'>>(
        placeholder === undefined ? completeStatement : completeUpsertStatement,
        placeholder === undefined ? values : [...values, ...placeholderValues(placeholder)],
      );
      if (row === undefined) throw await transitionFailure(accountId, id, 'complete');
      return toDraftRecord({ ...row, output: completion.output, text: completion.text, generation: completion.generation, error: null });
    },

    async fail(
      accountId: string,
      id: string,
      error: { code: string; message: string },
      generation?: GenerationRecord | null,
      placeholder?: NewDraft,
    ): Promise<DraftRecord> {
      const values: unknown[] = [accountId, id, JSON.stringify({ code: error.code, message: error.message }), generation == null ? null : JSON.stringify(generation), now().toISOString()];
      const [row] = await database.query<DraftRow>(
        placeholder === undefined ? failStatement : failUpsertStatement,
        placeholder === undefined ? values : [...values, ...placeholderValues(placeholder)],
      );
      if (row === undefined) throw await transitionFailure(accountId, id, 'fail');
      return toDraftRecord(row);
    },

    async get(accountId: string, id: string): Promise<DraftRecord | null> {
      const [row] = await database.query<DraftRow>(`select ${draftColumns} from drafts where account_id = $1 and id = $2`, [
        accountId,
        id,
      ]);
      return row === undefined ? null : toDraftRecord(row);
    },

    listByIncidents(accountId, incidentIds, options) {
      return listGrouped('incident_id', accountId, incidentIds, options);
    },

    listByJobs(accountId, jobIds, options) {
      return listGrouped('job_id', accountId, jobIds, options);
    },

    async failOrphans(olderThan: string, error: { code: string; message: string }): Promise<string[]> {
      const rows = await database.query<{ id: string }>(
        `update drafts
            set state = 'FAILED', error = $2::jsonb, updated_at = $3
          where state = 'STREAMING' and updated_at < $1
          returning id`,
        [olderThan, JSON.stringify({ code: error.code, message: error.message }), now().toISOString()],
      );
      return rows.map((row) => row.id).sort();
    },
  };
}

/** Drafts per grouped insert at most: 15 parameters each, and one statement text per count. */
const maxDraftsPerInsert = 64;

/** Statement texts by row count, one list per kind of insert (`asyncCommit`, `returning`). */
const insertStatements: Record<'sync' | 'syncReturning' | 'async' | 'asyncReturning', string[]> = { sync: [], syncReturning: [], async: [], asyncReturning: [] };

/** What the final upserts insert when the placeholder is not there: user, kind, incident, job, execution, input, created. */
function placeholderValues(placeholder: NewDraft): unknown[] {
  return [
    placeholder.userId,
    placeholder.kind,
    placeholder.incidentId,
    placeholder.jobId,
    placeholder.executionId,
    JSON.stringify(placeholder.input),
    placeholder.createdAt,
  ];
}

/**
 * A timestamp as `Date.prototype.toISOString` writes it (years 0000-9999), with no field past its
 * range (no hour 24, no second 60, which the server would carry over). Such a text is read back
 * unchanged; a day the month does not have (or year 0) is refused by the server either way.
 */
const canonicalTimestamp = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** Whether `value` is a timestamp the server reads back as it was written (see {@link canonicalTimestamp}). */
export function isCanonicalTimestamp(value: string): boolean {
  return canonicalTimestamp.test(value);
}

/**
 * The insert of `count` drafts, with or without `returning` of the stored ids and timestamps
 * (texts kept: each is a named prepared statement, see postgres-database.ts). With `asyncCommit`,
 * the statement turns `synchronous_commit` off for its own (implicit) transaction:
 * `set_config(..., true)` is `SET LOCAL` inside the statement, so it costs no extra round trip,
 * and the row is committed and visible at once, only not yet flushed.
 */
function insertStatement(count: number, kind: { asyncCommit: boolean; returning: boolean }): string {
  const statements = insertStatements[`${kind.asyncCommit ? 'async' : 'sync'}${kind.returning ? 'Returning' : ''}`];
  let statement = statements[count];
  if (statement === undefined) {
    const tuples: string[] = [];
    for (let row = 0; row < count; row += 1) {
      const p = (column: number): string => `$${row * 15 + column}`;
      tuples.push(
        `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}::jsonb, ${p(10)}::timestamptz, ${p(11)}::timestamptz, ${p(12)}::jsonb, ${p(13)}, ${p(14)}::jsonb, ${p(15)}::jsonb)`,
      );
    }
    const columns = 'id, account_id, user_id, kind, state, incident_id, job_id, execution_id, input, created_at, updated_at, output, text, generation, error';
    const rows = kind.asyncCommit
      ? `select rows.* from (values ${tuples.join(',\n                ')}) as rows (${columns}),
                (select set_config('synchronous_commit', 'off', true)) as async_commit`
      : `values ${tuples.join(',\n                ')}`;
    statement = `insert into drafts (${columns})
         ${rows}${kind.returning ? '\n         returning id, created_at, updated_at' : ''}`;
    statements[count] = statement;
  }
  return statement;
}

/** A `drafts` row as a record (also used by queries that join drafts to other tables). */
export function toDraftRecord(row: DraftRow): DraftRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    userId: row.user_id,
    kind: row.kind,
    state: row.state,
    incidentId: row.incident_id,
    jobId: row.job_id,
    executionId: row.execution_id,
    input: row.input,
    output: row.output,
    text: row.text,
    generation: row.generation,
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
