/**
 * When a source says to come back: `ratelimit-reset` (seconds until the window resets, as
 * PagerDuty and the IETF RateLimit header draft send it) or `Retry-After` (seconds or an
 * HTTP date). Null when neither is present or readable.
 */
export function retryAfterMs(headers: Headers, now: number): number | null {
  const reset = headers.get('ratelimit-reset');
  if (reset !== null && /^\d+(\.\d+)?$/.test(reset.trim())) return Math.round(Number(reset.trim()) * 1000);
  const retryAfter = headers.get('retry-after');
  if (retryAfter === null) return null;
  if (/^\d+(\.\d+)?$/.test(retryAfter.trim())) return Math.round(Number(retryAfter.trim()) * 1000);
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
