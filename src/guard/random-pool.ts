/**
 * Cryptographically random bytes drawn from a pool filled by the CSPRNG a block at a time.
 * Every draft takes a few bytes (its spotlight marker and canary); one call into OpenSSL per
 * few hundred drafts instead of two per draft. Each byte is handed out once.
 */
import { randomFillSync } from 'node:crypto';

/** A `crypto.randomBytes`-like function backed by a pool of `poolSize` bytes. */
export function createRandomPool(poolSize = 4096): (size: number) => Uint8Array {
  const pool = new Uint8Array(poolSize);
  let offset = poolSize;
  return (size) => {
    if (!Number.isInteger(size) || size < 0) throw new RangeError(`size must be a whole number, 0 or more (got ${size})`);
    if (size > poolSize) return randomFillSync(new Uint8Array(size));
    if (offset + size > poolSize) {
      randomFillSync(pool);
      offset = 0;
    }
    // A copy: the pool is refilled later, and a caller may keep what it was given.
    const bytes = pool.slice(offset, offset + size);
    offset += size;
    return bytes;
  };
}

/** The process's pool, for per-request tokens (spotlight markers, canaries). */
export const pooledRandomBytes = createRandomPool();
