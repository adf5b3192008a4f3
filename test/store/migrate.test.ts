import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.js';
import { defaultMigrationsDirectory, migrate, readMigrationFiles } from '../../src/store/migrate.js';
import { createPostgresDatabase } from '../../src/store/postgres-database.js';
import { MigrationError } from '../../src/store/store-errors.js';
import { createPgliteTestDatabase } from './support/pglite-test-database.js';
import { createPostgresTestDatabase, testDatabaseUrl, uniqueSchemaName } from './support/postgres-test-database.js';
import type { TestDatabase, TestDatabaseFactory } from './support/test-database.js';

const tables = ['drafts', 'draft_chunks', 'llm_calls', 'draft_feedback', 'schema_migrations'];

async function existingTables(database: Database, names: readonly string[]): Promise<string[]> {
  const rows = await database.query<{ name: string }>(
    'select name from unnest($1::text[]) as name where to_regclass(name) is not null order by name',
    [names],
  );
  return rows.map((row) => row.name);
}

const factories: Array<[string, TestDatabaseFactory]> = [
  ['postgres', () => createPostgresTestDatabase('migrate')],
  ['pglite', createPgliteTestDatabase],
];

describe.each(factories)('migrate (%s)', (_driver, openDatabase) => {
  let testDatabase: TestDatabase;
  let scratch: string;

  beforeAll(async () => {
    testDatabase = await openDatabase();
    scratch = await mkdtemp(path.join(os.tmpdir(), 'incident-ai-migrations-'));
  });

  afterAll(async () => {
    await testDatabase?.dispose();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('applies every migration once; a second run applies nothing', async () => {
    const { database } = testDatabase;
    const files = await readMigrationFiles(defaultMigrationsDirectory);
    expect(files.map((file) => file.name)).toContain('001_initial.sql');

    expect(await migrate(database)).toEqual({ applied: files.map((file) => file.name) });
    expect(await migrate(database)).toEqual({ applied: [] });

    expect(await existingTables(database, tables)).toEqual([...tables].sort());
    const recorded = await database.query<{ name: string; checksum: string }>('select name, checksum from schema_migrations order by name');
    expect(recorded).toEqual(files.map(({ name, checksum }) => ({ name, checksum })));
  });

  it('rolls a failing migration back whole and stops there', async () => {
    const { database } = testDatabase;
    const directory = path.join(scratch, 'failing');
    await mkdir(directory);
    await writeFile(path.join(directory, '101_good.sql'), 'create table probe_good (id int);');
    await writeFile(path.join(directory, '102_broken.sql'), 'create table probe_broken (id int);\nselect 1 / 0;');
    await writeFile(path.join(directory, '103_never.sql'), 'create table probe_never (id int);');

    const failure = await migrate(database, { directory }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(MigrationError);
    expect(failure).toMatchObject({ migration: '102_broken.sql' });
    expect(await existingTables(database, ['probe_good', 'probe_broken', 'probe_never'])).toEqual(['probe_good']);
    const recorded = await database.query<{ name: string }>(`select name from schema_migrations where name like '10%' order by name`);
    expect(recorded).toEqual([{ name: '101_good.sql' }]);
  });

  it('refuses to run when an applied migration was edited', async () => {
    const { database } = testDatabase;
    const directory = path.join(scratch, 'edited');
    await mkdir(directory);
    await writeFile(path.join(directory, '201_table.sql'), 'create table probe_edited (id int);');
    expect(await migrate(database, { directory })).toEqual({ applied: ['201_table.sql'] });

    await writeFile(path.join(directory, '201_table.sql'), 'create table probe_edited (id bigint);');

    await expect(migrate(database, { directory })).rejects.toMatchObject({ name: 'MigrationError', migration: '201_table.sql' });
  });
});

describe('migrate on PostgreSQL with several replicas starting at once', () => {
  it('applies each migration exactly once and every migrator succeeds', async () => {
    const schema = uniqueSchemaName('race');
    const replicas = 4;
    // Each replica has its own pool, as separate processes would; creating them at once also
    // races their `create schema if not exists`.
    const databases = await Promise.all(
      Array.from({ length: replicas }, () => createPostgresDatabase({ connectionString: testDatabaseUrl, schema, maxConnections: 2 })),
    );
    try {
      const results = await Promise.all(databases.map((database) => migrate(database)));

      const names = (await readMigrationFiles(defaultMigrationsDirectory)).map((file) => file.name);
      expect(results.flatMap((result) => result.applied).sort()).toEqual([...names].sort());
      const [first] = databases as [Database];
      const recorded = await first.query<{ name: string; times: number }>(
        'select name, count(*) as times from schema_migrations group by name order by name',
      );
      expect(recorded).toEqual(names.map((name) => ({ name, times: 1 })));
      expect(await existingTables(first, tables)).toEqual([...tables].sort());
    } finally {
      await databases[0]?.exec(`drop schema if exists "${schema}" cascade`);
      await Promise.all(databases.map((database) => database.close()));
    }
  });
});
