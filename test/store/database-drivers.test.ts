import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStoreFromDatabase } from '../../src/store/create-store.js';
import type { Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import { createPostgresDatabase } from '../../src/store/postgres-database.js';
import { StoreConfigurationError } from '../../src/store/store-errors.js';
import { feedback, generation, llmCall, newDraft, uniqueId } from './support/fixtures.js';
import { createPgliteTestDatabase } from './support/pglite-test-database.js';
import { createPostgresTestDatabase, testDatabaseUrl } from './support/postgres-test-database.js';
import type { TestDatabase } from './support/test-database.js';

let postgres: TestDatabase;
let pglite: TestDatabase;

beforeAll(async () => {
  // One after the other, so afterAll can dispose whichever opened if the other fails.
  postgres = await createPostgresTestDatabase('drivers');
  pglite = await createPgliteTestDatabase();
  await Promise.all([migrate(postgres.database), migrate(pglite.database)]);
});

afterAll(async () => {
  await Promise.all([postgres?.dispose(), pglite?.dispose()]);
});

const both = (): Array<[string, Database]> => [
  ['postgres', postgres.database],
  ['pglite', pglite.database],
];

describe('row types', () => {
  const literalQuery = `
    select '{"a":[1,"x",null],"b":{"c":true}}'::jsonb as document,
           '[1,2]'::json as list,
           '2024-01-02T03:04:05.678Z'::timestamptz as at,
           '2024-01-02 03:04:05.678+05:30'::timestamptz as offset_at,
           '2024-01-02 03:04:05.678901+00'::timestamptz as micro_at,
           '2024-01-02 03:04:05.678'::timestamp as naive_at,
           12.345678::numeric(18, 8) as amount,
           9007199254740991::int8 as big,
           count(*) over () as counted,
           7::int4 as small,
           1.5::float8 as ratio,
           true as flag,
           'text'::text as label,
           null::text as nothing`;

  const expected = {
    document: { a: [1, 'x', null], b: { c: true } },
    list: [1, 2],
    at: '2024-01-02T03:04:05.678Z',
    offset_at: '2024-01-01T21:34:05.678Z',
    micro_at: '2024-01-02T03:04:05.678Z',
    naive_at: '2024-01-02T03:04:05.678Z',
    amount: 12.345678,
    big: 9007199254740991,
    counted: 1,
    small: 7,
    ratio: 1.5,
    flag: true,
    label: 'text',
    nothing: null,
  };

  it('are the same stable JavaScript values from both drivers', async () => {
    const [fromPostgres, fromPglite] = await Promise.all(both().map(([, database]) => database.query(literalQuery)));
    expect(fromPostgres).toEqual([expected]);
    expect(fromPglite).toEqual([expected]);
  });

  it('round-trip bound parameters the same way', async () => {
    const sql = 'select $1::jsonb as document, $2::timestamptz as at, $3::numeric as amount, $4::text[] as labels';
    const params = [JSON.stringify({ nested: ['a', { b: 2 }] }), '2030-05-06T07:08:09.010Z', 0.1, ['a,b', '"q"', '{x}']];
    for (const [, database] of both()) {
      expect(await database.query(sql, params)).toEqual([
        { document: { nested: ['a', { b: 2 }] }, at: '2030-05-06T07:08:09.010Z', amount: 0.1, labels: ['a,b', '"q"', '{x}'] },
      ]);
    }
  });

  it('give identical records through the repositories', async () => {
    const records = await Promise.all(
      both().map(async ([, database]) => {
        const store = createStoreFromDatabase(database, { now: () => new Date('2030-01-01T00:01:00.000Z') });
        const accountId = 'account-same';
        const draft = newDraft({ accountId, id: 'draft-same', incidentId: 'incident-same' });
        await store.drafts.insert(draft);
        const completed = await store.drafts.complete(accountId, draft.id, {
          output: { headline: 'Resolved', points: ['a', 'b'] },
          text: '# Resolved',
          generation: generation(),
        });
        const call = llmCall({ accountId, id: 'call-same', draftId: draft.id, costUsd: 0.00123456 });
        await store.llmCalls.insertMany([call]);
        await store.chunks.append({ draftId: draft.id, sequence: 1, delta: 'Res', createdAt: '2030-01-01T00:00:30.000Z' });
        await store.feedback.insert(feedback({ accountId, draftId: draft.id, id: 'feedback-same' }));
        return {
          completed,
          listed: await store.drafts.listByIncidents(accountId, ['incident-same'], { limit: 5 }),
          calls: await store.llmCalls.listForDraft(accountId, draft.id),
          summary: await store.llmCalls.summarize(accountId, '2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z'),
          chunks: await store.chunks.list(accountId, draft.id),
          feedback: await store.feedback.listForDraft(accountId, draft.id),
        };
      }),
    );
    expect(records[0]).toEqual(records[1]);
    expect(records[0]?.calls[0]?.costUsd).toBe(0.00123456);
  });
});

describe.each(['postgres', 'pglite'] as const)('transactions (%s)', (driver) => {
  const database = (): Database => (driver === 'postgres' ? postgres : pglite).database;

  it('commits when the function resolves and rolls back when it throws', async () => {
    await database().exec('create table if not exists transaction_probe (value text primary key)');
    const committed = uniqueId('committed');
    const rolledBack = uniqueId('rolled-back');

    expect(
      await database().transaction(async (transaction) => {
        await transaction.query('insert into transaction_probe (value) values ($1)', [committed]);
        return 'result';
      }),
    ).toBe('result');
    const failure = new Error('abort');
    await expect(
      database().transaction(async (transaction) => {
        await transaction.query('insert into transaction_probe (value) values ($1)', [rolledBack]);
        throw failure;
      }),
    ).rejects.toBe(failure);

    const rows = await database().query<{ value: string }>('select value from transaction_probe where value = any($1::text[])', [
      [committed, rolledBack],
    ]);
    expect(rows).toEqual([{ value: committed }]);
  });

  it('reports its driver', () => {
    expect(database().driver).toBe(driver);
  });
});

describe('postgres driver options', () => {
  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(createPostgresDatabase({ connectionString: testDatabaseUrl, schema: 'x"; drop schema public; --' })).rejects.toBeInstanceOf(
      StoreConfigurationError,
    );
  });

  it('fails at creation when the server cannot be reached', async () => {
    await expect(
      createPostgresDatabase({ connectionString: 'postgres://postgres@127.0.0.1:1/test', connectionTimeoutMs: 2_000 }),
    ).rejects.toThrow();
  });
});
