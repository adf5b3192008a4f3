/**
 * Rows and records: a table row as both drivers return it has the fields of the record it maps
 * to with snake_case names (`accountId` -> `account_id`). The row type is derived from the record
 * ({@link RowOf}) and, where a query selects exactly the record's columns, so is the record
 * ({@link recordOf}).
 */

/** `accountId` -> `account_id`; `promptVersion` -> `prompt_version`. */
export type SnakeCase<Name extends string> = Name extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : Name;

/** `Record` with snake_case field names: the row a repository reads it from. */
export type RowOf<Record> = { [Field in keyof Record & string as SnakeCase<Field>]: Record[Field] };

const fieldNames = new Map<string, string>();

/** The record field a column maps to: `account_id` -> `accountId`. */
export function fieldNameOf(column: string): string {
  let name = fieldNames.get(column);
  if (name === undefined) {
    name = column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
    fieldNames.set(column, name);
  }
  return name;
}

/**
 * The record of a row, every column renamed to camelCase and its value kept. Only for a query
 * that selects exactly the record's columns: any other column would come along into the record.
 */
export function recordOf<Record>(row: RowOf<Record>): Record {
  const record: { [field: string]: unknown } = {};
  for (const [column, value] of Object.entries(row)) record[fieldNameOf(column)] = value;
  return record as Record;
}
