/**
 * The `pg` driver: a connection pool against a PostgreSQL server (`DATABASE_URL`).
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, Queryable } from './database.js';
import { rowParsers } from './row-parsers.js';
import { StoreConfigurationError } from './store-errors.js';

/** Options of {@link createPostgresDatabase}. */
export interface PostgresDatabaseOptions {
  /** A libpq-style URL, e.g. `postgres://user@host:5432/database`. */
  connectionString: string;
  /**
   * Schema to work in: created if missing, and the only entry of every connection's
   * `search_path`, so tables and migrations live there. Lower-case letters, digits and `_`.
   * Default: the server's default search path (usually `public`).
   */
  schema?: string;
  /** Pool size. Default 10. */
  maxConnections?: number;
  /** How long to wait for a new connection before failing, in ms. Default 10 000. */
  connectionTimeoutMs?: number;
  /**
   * Named (server-side prepared) statements for repeated queries. Default true. Turn off behind
   * a pooler that does not keep prepared statements across transactions (PgBouncer in
   * transaction mode before 1.21).
   */
  preparedStatements?: boolean;
  /**
   * Called when an idle pooled connection fails (server restart, network). The pool drops the
   * connection by itself; without a listener such an error would crash the process.
   */
  onIdleError?: (error: Error) => void;
}

const schemaNamePattern = /^[a-z_][a-z0-9_]{0,62}$/;

// Any constant works; it namespaces our advisory locks (see migrate.ts for the other user).
const SCHEMA_LOCK_CLASS = 0x1a1_0001;

/**
 * Opens a pool and checks that the server answers (and creates `schema` when given), so a bad
 * URL fails at start rather than at the first request.
 */
export async function createPostgresDatabase(options: PostgresDatabaseOptions): Promise<Database> {
  const { schema } = options;
  if (schema !== undefined && !schemaNamePattern.test(schema)) {
    throw new StoreConfigurationError(
      `Schema name "${schema}" is not allowed: use lower-case letters, digits and "_", starting with a letter or "_".`,
    );
  }
  // Session settings ride on the startup packet, so every pooled connection has them before its
  // first statement; UTC keeps timestamp text (and date arithmetic) the same as PGlite's.
  const sessionOptions = ['-c TimeZone=UTC', ...(schema === undefined ? [] : [`-c search_path=${schema}`])].join(' ');
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
    options: sessionOptions,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        (format ?? 'text') === 'text' && rowParsers[oid] !== undefined
          ? rowParsers[oid]
          : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
    },
  });
  pool.on('error', (error) => options.onIdleError?.(error));

  const database = wrapPool(pool, options.preparedStatements ?? true);
  try {
    if (schema === undefined) {
      await database.query('select 1');
    } else {
      // The identifier is validated above; identifiers cannot be bound parameters. The lock keeps
      // two replicas from racing on `create schema if not exists` (which can fail on a race).
      await database.transaction(async (transaction) => {
        await transaction.query('select pg_advisory_xact_lock($1, hashtext($2))', [SCHEMA_LOCK_CLASS, schema]);
        await transaction.exec(`create schema if not exists "${schema}"`);
      });
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return database;
}

/** Distinct statement texts that get a name (and so a server-side prepared statement per connection). */
const maxNamedStatements = 500;
const statementNames = new Map<string, string>();

/**
 * The prepared statement name of `sql`: the server parses and plans a named statement once per
 * connection, and pg sends only Bind/Execute for it afterwards (one message fewer, no parse on
 * the server). Texts past the first {@link maxNamedStatements} (batch inserts of many sizes)
 * go unnamed, so no connection holds an unbounded number of statements.
 */
function statementNameOf(sql: string): string | undefined {
  const known = statementNames.get(sql);
  if (known !== undefined || statementNames.size >= maxNamedStatements) return known;
  const name = `s${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
  statementNames.set(sql, name);
  return name;
}

/**
 * `query` of a pool or a pooled client given a `pg.Query`: pg runs that query object as it is and
 * calls back with its result (the pool releases its client first). @types/pg declares this form
 * without the callback.
 */
type SubmitQuery = (query: pg.Query & { name?: string }, callback: (error: Error | undefined, result: pg.QueryResult) => void) => void;

function executorOf(client: pg.Pool | pg.PoolClient, named: boolean): Queryable {
  const submit = client.query.bind(client) as unknown as SubmitQuery;
  return {
    driver: 'postgres',
    async query<Row extends object>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
      // A query built from its text, its name set after: given a config object ({ name, text,
      // values }), pg 8.23 copies it with Object.defineProperties for every query (~3.7 µs, and a
      // dictionary-mode object to read back), stack-notes 40. pg wants a mutable array; the copy
      // keeps the caller's readonly promise.
      const query: pg.Query & { name?: string } = new pg.Query(sql, [...params]);
      if (named) query.name = statementNameOf(sql);
      try {
        const result = await new Promise<pg.QueryResult>((resolve, reject) => {
          submit(query, (error, result) => (error ? reject(error) : resolve(result)));
        });
        return result.rows as Row[];
      } catch (error) {
        // As pg does: a stack that leads back to the caller rather than to the socket's read.
        if (error instanceof Error) Error.captureStackTrace(error);
        throw error;
      }
    },
    async exec(sql: string): Promise<void> {
      // Without values pg uses the simple protocol, which accepts several statements.
      await client.query(sql);
    },
  };
}

function wrapPool(pool: pg.Pool, named: boolean): Database {
  const executor = executorOf(pool, named);
  let closing: Promise<void> | undefined;
  return {
    ...executor,
    async transaction<T>(fn: (transaction: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('begin');
      } catch (error) {
        client.release(true);
        throw error;
      }
      let broken = false;
      try {
        const result = await fn(executorOf(client, named));
        await client.query('commit');
        return result;
      } catch (error) {
        try {
          await client.query('rollback');
        } catch {
          // The connection is unusable; destroy it instead of returning it to the pool.
          broken = true;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close(): Promise<void> {
      closing ??= pool.end();
      return closing;
    },
  };
}
