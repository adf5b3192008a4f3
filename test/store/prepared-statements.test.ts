import { describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '../../src/store/postgres-database.js';
import { testDatabaseUrl } from './support/postgres-test-database.js';

/** Prepared statements this session holds: one connection, so every query sees the same session. */
async function preparedAfterQueries(preparedStatements: boolean): Promise<number> {
  const database = await createPostgresDatabase({ connectionString: testDatabaseUrl, maxConnections: 1, preparedStatements });
  try {
    const marker = `prepared-statements-test-${preparedStatements}`;
    for (let round = 0; round < 3; round += 1) await database.query('select $1::text as marker', [marker]);
    const [row] = await database.query<{ held: string }>('select count(*)::text as held from pg_prepared_statements where statement like $1', ['select $1::text as marker%']);
    return Number(row!.held);
  } finally {
    await database.close();
  }
}

describe('PostgreSQL prepared statements (DATABASE_PREPARED_STATEMENTS)', () => {
  it('names a repeated query once per connection by default', async () => {
    expect(await preparedAfterQueries(true)).toBe(1);
  });

  it('sends every query unnamed when turned off (PgBouncer in transaction mode)', async () => {
    expect(await preparedAfterQueries(false)).toBe(0);
  });
});
