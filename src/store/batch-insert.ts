/**
 * Multi-row INSERTs for tables written in batches (usage records, audit events): as many rows
 * per statement as PostgreSQL's 65 535 bound parameters allow, every value bound ($1, $2...).
 */
import type { Queryable } from './database.js';

const maxParameters = 65_535;

/**
 * Inserts `rows` (each one's values in `columns` order) into `table`; a row whose id is already
 * there is skipped, so a retried batch is harmless. `casts` appends a cast to a column's
 * placeholders (e.g. `guards: '::jsonb'`).
 */
export async function insertRowsOnce(
  database: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  casts: Readonly<Record<string, string>> = {},
): Promise<void> {
  const rowsPerStatement = Math.floor(maxParameters / columns.length);
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, start + rowsPerStatement).map((values) => {
      const first = params.length + 1;
      params.push(...values);
      return `(${columns.map((column, index) => `$${first + index}${casts[column] ?? ''}`).join(', ')})`;
    });
    await database.query(`insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')} on conflict (id) do nothing`, params);
  }
}
