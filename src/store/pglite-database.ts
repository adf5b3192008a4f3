/**
 * The embedded driver: PGlite (PostgreSQL compiled to WebAssembly) in this process. One session,
 * so statements run one at a time; fine for `npm start`, tests and a single replica.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.js';
import { rowParsers } from './row-parsers.js';

/** Options of {@link createPgliteDatabase}. */
export interface PgliteDatabaseOptions {
  /**
   * A folder (created if missing; the first open runs initdb, which takes seconds and about
   * 900 MB of memory, a reopen about half a second) or `memory://` for a throw-away database.
   */
  dataDir: string;
  /**
   * A data folder tarball (from PGlite's `dumpDataDir`) to start from instead of initdb. Only
   * for a fresh `dataDir`.
   */
  loadDataDir?: Blob;
}

const MEMORY_PREFIX = 'memory://';

/** Opens (or creates) the embedded database and waits until it is ready. */
export async function createPgliteDatabase(options: PgliteDatabaseOptions): Promise<Database> {
  if (!options.dataDir.startsWith(MEMORY_PREFIX)) await mkdir(options.dataDir, { recursive: true });
  const engine = await PGlite.create(options.dataDir, {
    parsers: rowParsers,
    ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
  });
  try {
    // Same session time zone as the pg driver, so SQL date arithmetic agrees on both.
    await engine.exec(`set time zone 'UTC'`);
  } catch (error) {
    await engine.close();
    throw error;
  }
  return wrapEngine(engine);
}

function executorOf(target: PGlite | Transaction): Queryable {
  return {
    driver: 'pglite',
    async query<Row extends object>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
      const result = await target.query<Row>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  };
}

function wrapEngine(engine: PGlite): Database {
  let closing: Promise<void> | undefined;
  return {
    ...executorOf(engine),
    transaction<T>(fn: (transaction: Queryable) => Promise<T>): Promise<T> {
      return engine.transaction((transaction) => fn(executorOf(transaction)));
    },
    close(): Promise<void> {
      closing ??= engine.closed ? Promise.resolve() : engine.close();
      return closing;
    },
  };
}
