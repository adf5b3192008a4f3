/**
 * Multi-row INSERTs for tables written in batches (usage records, audit events). Every batch,
 * whatever its size, is the same statement: one array parameter per column, unnested into rows.
 * So the server parses and plans it once per connection (a named prepared statement, see
 * postgres-database.ts), where a `values ($1, ...), ($17, ...)` list was a new statement, parsed
 * and planned, for every batch size.
 */
import type { Queryable } from './database.js';

/** A table's batch insert: its statement, built once, and its columns in parameter order. */
export interface BatchInsert {
  readonly columns: readonly string[];
  readonly sql: string;
}

/**
 * The batch insert of `table` with `columnTypes` (column name -> SQL type, e.g. `integer`,
 * `timestamptz`, `jsonb`), in the order of the values of each row. A row whose id is already
 * there is skipped, so a retried batch is harmless.
 */
export function batchInsertOf(table: string, columnTypes: Readonly<Record<string, string>>): BatchInsert {
  const columns = Object.keys(columnTypes);
  const arrays = columns.map((column, index) => `$${index + 1}::${columnTypes[column]}[]`);
  return {
    columns,
    sql: `insert into ${table} (${columns.join(', ')}) select * from unnest(${arrays.join(', ')}) on conflict (id) do nothing`,
  };
}

/** Inserts `rows` (each one's values in the insert's column order) in one statement. */
export async function insertRowsOnce(database: Queryable, insert: BatchInsert, rows: readonly (readonly unknown[])[]): Promise<void> {
  if (rows.length === 0) return;
  const columnValues = insert.columns.map((_, column) => rows.map((row) => row[column] ?? null));
  await database.query(insert.sql, columnValues);
}
