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

describe('PostgreSQL queries (pg.Query objects, see postgres-database.ts)', () => {
  it('rejects a failed query with the server error, the pool keeps working, and a transaction rolls back', async () => {
    const database = await createPostgresDatabase({ connectionString: testDatabaseUrl, maxConnections: 1 });
    try {
      await expect(database.query('select 1 / $1::int as quotient', [0])).rejects.toMatchObject({ code: '22012' });
      // One connection: had the failure not released it, this would wait for ever.
      expect(await database.query<{ quotient: number }>('select 4 / $1::int as quotient', [2])).toEqual([{ quotient: 2 }]);
      await expect(
        database.transaction(async (transaction) => {
          await transaction.query('create temporary table query_objects_test (id int primary key)');
          await transaction.query('insert into query_objects_test values ($1)', [1]);
          await transaction.query('insert into query_objects_test values ($1)', [1]);
        }),
      ).rejects.toMatchObject({ code: '23505' });
      await expect(database.query('select count(*) from query_objects_test')).rejects.toMatchObject({ code: '42P01' });
    } finally {
      await database.close();
    }
  });
});
