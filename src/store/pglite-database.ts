/**
 * The embedded driver: PGlite (PostgreSQL compiled to WebAssembly) in this process. One session,
 * so statements run one at a time; fine for `npm start`, tests and a single replica. A folder is
 * opened by one process at a time (see data-dir-lock.ts): a second opener gets
 * DatabaseInUseError instead of corrupting it.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
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

/**
 * Opens (or creates) the embedded database and waits until it is ready. Throws
 * DatabaseInUseError when another process (or this one) has the folder open.
 */
export async function createPgliteDatabase(options: PgliteDatabaseOptions): Promise<Database> {
  let lock: DataDirLock | null = null;
  if (!options.dataDir.startsWith(MEMORY_PREFIX)) {
    await mkdir(options.dataDir, { recursive: true });
    lock = await acquireDataDirLock(options.dataDir);
  }
  let engine: PGlite | undefined;
  try {
    engine = await PGlite.create(options.dataDir, {
      parsers: rowParsers,
      ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
    });
    // Same session time zone as the pg driver, so SQL date arithmetic agrees on both.
    await engine.exec(`set time zone 'UTC'`);
  } catch (error) {
    try {
      await engine?.close();
    } finally {
      await lock?.release();
    }
    throw error;
  }
  return wrapEngine(engine, lock);
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

function wrapEngine(engine: PGlite, lock: DataDirLock | null): Database {
  let closing: Promise<void> | undefined;
  return {
    ...executorOf(engine),
    transaction<T>(fn: (transaction: Queryable) => Promise<T>): Promise<T> {
      return engine.transaction((transaction) => fn(executorOf(transaction)));
    },
    close(): Promise<void> {
      // The lock goes only once the engine has written its last page.
      closing ??= (engine.closed ? Promise.resolve() : engine.close()).finally(() => lock?.release());
      return closing;
    },
  };
}
