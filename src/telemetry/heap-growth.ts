/**
 * Bounds how far V8 lets the heap grow between full collections. Under load every in-flight
 * draft's objects outlive the young generation and are promoted; with V8's own factor (up to
 * 4× what survived the last full GC) the old generation fills with that garbage before it is
 * collected, and the process peaks at several times its live heap. A smaller factor collects
 * sooner: peak RSS stays near the live heap, for a little more GC work.
 */
import v8 from 'node:v8';

/** Applies `percent` as V8's --heap-growing-percent (read at every heap limit computation); 0 keeps V8's default. */
export function applyHeapGrowth(percent: number): void {
  if (!Number.isInteger(percent) || percent < 0) throw new RangeError(`heap growing percent must be a whole number, 0 or more (got ${percent})`);
  if (percent === 0) return;
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
