/**
 * Schema migrations: plain SQL files named `NNN_description.sql`, applied in name order at
 * start, each in its own transaction and recorded in `schema_migrations` with a checksum.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';
import { MigrationError } from './store-errors.js';

/** Options of {@link migrate}. */
export interface MigrateOptions {
  /**
   * Folder holding the `.sql` files. Default: `migrations/` next to this module (a build must
   * copy the `.sql` files next to the compiled `migrate.js`).
   */
  directory?: string;
}

/** What {@link migrate} did. */
export interface MigrateResult {
  /** Migrations applied by this call, in order (empty when the schema was up to date). */
  applied: string[];
}

/** One migration file, read and fingerprinted. */
export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 of the text with normalised line endings. */
  checksum: string;
}

export const defaultMigrationsDirectory = fileURLToPath(new URL('./migrations/', import.meta.url));

const migrationFilePattern = /^\d+_[A-Za-z0-9_-]+\.sql$/;

// Namespaces the advisory lock; the second key is the schema, so test suites in separate
// schemas of one database do not wait for each other.
const MIGRATION_LOCK_CLASS = 0x1a1_0002;

/**
 * Applies the migrations not applied yet. Safe to run from several replicas at once: on
 * PostgreSQL each transaction first takes `pg_advisory_xact_lock`, then re-reads what is
 * applied, so a migration runs exactly once. Throws {@link MigrationError} if a migration fails
 * (its transaction is rolled back) or if an applied migration's file was edited.
 */
export async function migrate(database: Database, options: MigrateOptions = {}): Promise<MigrateResult> {
  const files = await readMigrationFiles(options.directory ?? defaultMigrationsDirectory);
  const applied: string[] = [];
  for (const file of files) {
    const didApply = await database.transaction(async (transaction) => {
      if (transaction.driver === 'postgres') {
        // coalesce: current_schema() is null when the search path names no existing schema, and
        // a null key would silently skip the lock.
        await transaction.query(`select pg_advisory_xact_lock($1, hashtext(coalesce(current_schema(), '')))`, [
          MIGRATION_LOCK_CLASS,
        ]);
      }
      const [table] = await transaction.query<{ present: boolean }>(
        `select to_regclass('schema_migrations') is not null as present`,
      );
      if (!table?.present) {
        await transaction.exec(
          `create table schema_migrations (
             name        text primary key,
             checksum    text not null,
             applied_at  timestamptz not null default now()
           )`,
        );
      }
      const [recorded] = await transaction.query<{ checksum: string }>(
        'select checksum from schema_migrations where name = $1',
        [file.name],
      );
      if (recorded !== undefined) {
        if (recorded.checksum !== file.checksum) {
          throw new MigrationError(file.name, 'the file changed after it was applied; add a new migration instead.');
        }
        return false;
      }
      try {
        await transaction.exec(file.sql);
      } catch (error) {
        throw new MigrationError(file.name, `failed: ${error instanceof Error ? error.message : String(error)}`, error);
      }
      await transaction.query('insert into schema_migrations (name, checksum) values ($1, $2)', [file.name, file.checksum]);
      return true;
    });
    if (didApply) applied.push(file.name);
  }
  return { applied };
}

/** The migration files of `directory`, in the order they apply. */
export async function readMigrationFiles(directory: string): Promise<MigrationFile[]> {
  const names = (await readdir(directory)).filter((name) => migrationFilePattern.test(name)).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = (await readFile(path.join(directory, name), 'utf8')).replace(/\r\n/g, '\n');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}
