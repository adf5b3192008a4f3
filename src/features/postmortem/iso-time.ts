/**
 * The timestamps of a postmortem: ISO 8601 date-times with an offset (as GraphQL's DateTime
 * requires), compared as instants, shown to people in UTC.
 */

// Same shape as the DateTime scalar accepts: a bare local time would be read in the server's zone.
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether `value` is an ISO 8601 date-time with an offset that names a real instant. */
export function isIsoDateTime(value: string): boolean {
  return isoDateTime.test(value) && !Number.isNaN(Date.parse(value));
}

/** Milliseconds since the epoch, or null when `value` is not an ISO date-time. */
export function instantOf(value: string): number | null {
  return isIsoDateTime(value) ? Date.parse(value) : null;
}

/** "2025-03-11". */
export const utcDate = (iso: string): string => new Date(iso).toISOString().slice(0, 10);

/** "14:02 UTC". */
export const utcClock = (iso: string): string => `${new Date(iso).toISOString().slice(11, 16)} UTC`;

/** "2025-03-11 14:02 UTC". */
export const utcDateTime = (iso: string): string => `${utcDate(iso)} ${utcClock(iso)}`;
