/**
 * The smallest surface the store needs from a SQL database. Two drivers implement it with the
 * same PostgreSQL dialect and the same JavaScript row types (see `row-parsers.ts`):
 * `createPostgresDatabase` (pg, a server) and `createPgliteDatabase` (PGlite, embedded).
 * Repositories take a {@link Queryable}, so they run the same inside or outside a transaction.
 */

/** Which engine answers the queries. */
export type DatabaseDriver = 'postgres' | 'pglite';

/**
 * Runs statements with bound parameters (`$1`, `$2`, ...). Values are never interpolated into
 * the SQL text. Rows come back with stable types on both drivers: `timestamptz` as ISO-8601
 * strings (UTC, millisecond precision), `numeric` and `int8` as numbers, `json`/`jsonb`
 * parsed. Parameters: pass JSON as a string (`JSON.stringify`) cast with `::jsonb`, and
 * timestamps as ISO strings.
 */
export interface Queryable {
  readonly driver: DatabaseDriver;
  /** One statement, extended protocol; returns its rows (empty for statements without rows). */
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /**
   * A script of several statements without parameters (migrations). Never pass it values:
   * it has no parameters on purpose.
   */
  exec(sql: string): Promise<void>;
}

/** A database handle: a pool (pg) or the one embedded session (PGlite). */
export interface Database extends Queryable {
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws (the
   * error is rethrown). Inside `fn`, use only `transaction`: on PGlite the outer handle waits
   * for the transaction to end, so using it there would deadlock.
   */
  transaction<T>(fn: (transaction: Queryable) => Promise<T>): Promise<T>;
  /** Releases connections (pg) or shuts the embedded engine down (PGlite). Idempotent. */
  close(): Promise<void>;
}
