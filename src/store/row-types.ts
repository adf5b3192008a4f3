/**
 * The shape of a table row as both drivers return it, derived from the record it maps to: the
 * same fields with snake_case names (`accountId` -> `account_id`), so a row type is not written
 * out again beside its record.
 */

/** `accountId` -> `account_id`; `promptVersion` -> `prompt_version`. */
export type SnakeCase<Name extends string> = Name extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : Name;

/** `Record` with snake_case field names: the row a repository reads it from. */
export type RowOf<Record> = { [Field in keyof Record & string as SnakeCase<Field>]: Record[Field] };
