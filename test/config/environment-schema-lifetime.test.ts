import { describe, expect, it, vi } from 'vitest';

// Counts the zod object schemas that declare NODE_ENV: the environment's schema.
const built = vi.hoisted(() => ({ environmentSchemas: 0 }));
vi.mock('zod', async (importOriginal) => {
  const actual = await importOriginal<typeof import('zod')>();
  const object: typeof actual.z.object = (shape, params) => {
    if (shape !== undefined && 'NODE_ENV' in shape) built.environmentSchemas += 1;
    return actual.z.object(shape, params);
  };
  return { ...actual, z: { ...actual.z, object } };
});

describe('the environment schema', () => {
  it('is built by loadConfig when it runs, not held by the module for the life of the process', async () => {
    const { loadConfig } = await import('../../src/config/index.js');
    expect(built.environmentSchemas).toBe(0);
    expect(loadConfig({ PORT: '4100' }).http.port).toBe(4100);
    expect(built.environmentSchemas).toBe(1);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(built.environmentSchemas).toBe(2);
  });
});
