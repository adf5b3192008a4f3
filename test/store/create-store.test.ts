import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, openDatabase } from '../../src/store/create-store.js';
import { migrate } from '../../src/store/migrate.js';
import { MigrationError } from '../../src/store/store-errors.js';
import { newDraft, uniqueId } from './support/fixtures.js';
import { seedPgliteDataDir } from './support/pglite-test-database.js';
import { testDatabaseUrl, uniqueSchemaName } from './support/postgres-test-database.js';

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'incident-ai-create-store-'));
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('createStore without a database URL (PGlite)', () => {
  it('keeps its data in <dataDir>/pglite across restarts', async () => {
    const dataDir = path.join(scratch, 'data');
    // A copy of the initialised template, so this test does not pay for initdb.
    await seedPgliteDataDir(path.join(dataDir, 'pglite'));
    const draft = newDraft({ accountId: uniqueId('account') });

    const first = await createStore({ dataDir, databaseUrl: null });
    expect(first.driver).toBe('pglite');
    await first.ping();
    await first.drafts.insert(draft);
    await first.close();
    await first.close();

    const second = await createStore({ dataDir, databaseUrl: '' });
    try {
      expect(await second.drafts.get(draft.accountId, draft.id)).toMatchObject({ id: draft.id, state: 'STREAMING' });
    } finally {
      await second.close();
    }
  });
});

describe('createStore with a database URL (PostgreSQL)', () => {
  const schema = uniqueSchemaName('create_store');
  const options = { databaseUrl: testDatabaseUrl, dataDir: '/nonexistent/unused', schema };

  afterAll(async () => {
    const database = await openDatabase(options);
    try {
      await database.exec(`drop schema if exists "${schema}" cascade`);
    } finally {
      await database.close();
    }
  });

  it('migrates its schema and answers through the repositories', async () => {
    const store = await createStore(options);
    try {
      expect(store.driver).toBe('postgres');
      await store.ping();
      const draft = await store.drafts.insert(newDraft({ accountId: uniqueId('account') }));
      expect(await store.drafts.get(draft.accountId, draft.id)).toEqual(draft);
    } finally {
      await store.close();
    }

    const database = await openDatabase(options);
    try {
      expect(database.driver).toBe('postgres');
      expect(await migrate(database)).toEqual({ applied: [] });
    } finally {
      await database.close();
    }
  });

  it('fails, typed, when a migration fails', async () => {
    const migrationsDirectory = path.join(scratch, 'broken-migrations');
    await mkdir(migrationsDirectory, { recursive: true });
    await writeFile(path.join(migrationsDirectory, '001_broken.sql'), 'select * from no_such_table;');

    const brokenSchema = uniqueSchemaName('broken');
    try {
      await expect(createStore({ ...options, schema: brokenSchema, migrationsDirectory })).rejects.toBeInstanceOf(MigrationError);
    } finally {
      const database = await openDatabase({ ...options, schema: brokenSchema });
      await database.exec(`drop schema if exists "${brokenSchema}" cascade`);
      await database.close();
    }
  });
});
