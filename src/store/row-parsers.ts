/**
 * The text parsers both drivers install, so a row is the same JavaScript value whichever engine
 * produced it. Keyed by PostgreSQL type OID.
 */
import pg from 'pg';

/** PostgreSQL type OIDs we parse ourselves (stable across versions: they are built in). */
export const TypeOid = {
  INT8: 20,
  JSON: 114,
  TIMESTAMP: 1114,
  TIMESTAMPTZ: 1184,
  NUMERIC: 1700,
  JSONB: 3802,
} as const;

// pg's own parser (postgres-date) understands every text form the server emits (offsets,
// fractional seconds, BC years); we only normalise its Date to an ISO string.
const parseTimestampToDate = pg.types.getTypeParser(TypeOid.TIMESTAMPTZ, 'text') as (text: string) => Date | number;

/**
 * `timestamptz` text to an ISO-8601 UTC string (milliseconds; microseconds are dropped, and our
 * writes carry milliseconds only). `infinity` and `-infinity` come back as written.
 */
export function parseTimestamp(text: string): string {
  const value = parseTimestampToDate(text);
  if (!(value instanceof Date) || !Number.isFinite(value.getTime())) return text;
  return value.toISOString();
}

/** `timestamp` (without time zone) is read as UTC, the session time zone of both drivers. */
export function parseTimestampWithoutZone(text: string): string {
  return parseTimestamp(`${text}+00`);
}

/**
 * `numeric` and `int8` to a number. Our numerics are money and token sums, far inside the
 * double range; exactness beyond 15 significant digits is not needed.
 */
export function parseNumber(text: string): number {
  return Number(text);
}

export function parseJson(text: string): unknown {
  return JSON.parse(text) as unknown;
}

/** OID -> parser, the single table both drivers install. */
export const rowParsers: Readonly<Record<number, (text: string) => unknown>> = {
  [TypeOid.INT8]: parseNumber,
  [TypeOid.NUMERIC]: parseNumber,
  [TypeOid.TIMESTAMPTZ]: parseTimestamp,
  [TypeOid.TIMESTAMP]: parseTimestampWithoutZone,
  [TypeOid.JSON]: parseJson,
  [TypeOid.JSONB]: parseJson,
};
