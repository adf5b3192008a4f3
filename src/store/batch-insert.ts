/**
 * Multi-row INSERTs for tables written in batches (usage records, audit events). Every batch,
 * whatever its size, is the same statement with one parameter: the records as one JSON array,
 * turned into rows by `json_to_recordset`. So the server parses and plans it once per connection
 * (a named prepared statement, see postgres-database.ts), and the driver sends one string that
 * `JSON.stringify` wrote natively. An array parameter per column (`unnest($1::text[], ...)`) cost
 * the driver a JavaScript pass over every value to quote and escape it (pg's `arrayString` and
 * `escapeElement`) for no less work on the server (stack-notes 40).
 */
import type { Queryable } from './database.js';
import { fieldNameOf } from './row-mapping.js';

/** A table's batch insert: its statement, built once. */
export interface BatchInsert {
  readonly sql: string;
}

/**
 * The batch insert of `table` with `columnTypes` (column name -> SQL type, e.g. `integer`,
 * `timestamptz`, `jsonb`). Each column is read from the record's field of the same name in
 * camelCase (`account_id` <- `accountId`); a missing or null field is null, or the SQL expression
 * in `defaults` for that column. A row whose id is already there is skipped, so a retried batch
 * is harmless.
 */
export function batchInsertOf(
  table: string,
  columnTypes: Readonly<Record<string, string>>,
  defaults: Readonly<Record<string, string>> = {},
): BatchInsert {
  const columns = Object.keys(columnTypes);
  const field = (column: string): string => `"${fieldNameOf(column)}"`;
  const selected = columns.map((column) => {
    const fallback = defaults[column];
    return fallback === undefined ? `r.${field(column)}` : `coalesce(r.${field(column)}, ${fallback})`;
  });
  const fields = columns.map((column) => `${field(column)} ${columnTypes[column]}`);
  return {
    sql: `insert into ${table} (${columns.join(', ')}) select ${selected.join(', ')} from json_to_recordset($1::json) as r(${fields.join(', ')}) on conflict (id) do nothing`,
  };
}

/**
 * Inserts `records` in one statement. Fields that are not columns are sent and ignored; the
 * values must be what `JSON.stringify` writes as the column's input (strings, numbers, booleans,
 * arrays and objects for `jsonb`).
 */
export async function insertRecordsOnce(database: Queryable, insert: BatchInsert, records: readonly object[]): Promise<void> {
  if (records.length === 0) return;
  const json = JSON.stringify(records);
  // `includes` first: it scans a batch's JSON in well under a microsecond, the regular expression in ~18.
  const hasLoneSurrogate = json.includes('\\ud') && loneSurrogateEscape.test(json);
  await database.query(insert.sql, [hasLoneSurrogate ? JSON.stringify(records, withWellFormedStrings) : json]);
}

/**
 * How `JSON.stringify` writes a lone UTF-16 surrogate (an unpaired half of a code point, e.g. from
 * a decoded `\ud800` in a token's claim): PostgreSQL's JSON parser refuses it, which would fail
 * the batch on every retry and so hold back every record behind it. A text parameter stores such
 * a string with U+FFFD in its place (the driver's UTF-8 encoding does), and so does a batch: the
 * rare batch that has one is written again with its strings made well-formed. A false positive
 * (an escaped backslash followed by `ud800`) costs only that second pass.
 */
const loneSurrogateEscape = /\\ud[89a-f][0-9a-f]{2}/;

/** A lone surrogate, unpaired: in a `u` regular expression a pair is one code point and does not match. */
const loneSurrogate = /[\ud800-\udfff]/gu;

function withWellFormedStrings(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replace(loneSurrogate, '\ufffd') : value;
}
