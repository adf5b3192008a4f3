import { randomBytes } from 'node:crypto';
import { createPostgresDatabase } from '../../../src/store/postgres-database.js';
import type { TestDatabase } from './test-database.js';

/** The test server; a suite that needs it and cannot reach it fails (it never skips). */
export const testDatabaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name no other suite or run uses: suites run in parallel against one database. */
export function uniqueSchemaName(label: string): string {
  return `store_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/**
 * A fresh schema on the test server, dropped on dispose. Fails fast (5 s) when the server is
 * not reachable, so the suite fails instead of hanging.
 */
export async function createPostgresTestDatabase(label: string, schema = uniqueSchemaName(label)): Promise<TestDatabase> {
  const database = await createPostgresDatabase({ connectionString: testDatabaseUrl, schema, connectionTimeoutMs: 5_000 });
  return {
    database,
    async dispose() {
      try {
        // The name comes from uniqueSchemaName (validated by the driver); identifiers cannot be bound.
        await database.exec(`drop schema if exists "${schema}" cascade`);
      } finally {
        await database.close();
      }
    },
  };
}
