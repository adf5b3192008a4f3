/**
 * Migration 009 (drafts rows uncompressed up to 8160 bytes): drafts stored before it read back
 * unchanged, and a finished draft of a few KB is stored after it without pglz compression.
 */
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStoreFromDatabase } from '../../src/store/create-store.js';
import { defaultMigrationsDirectory, migrate } from '../../src/store/migrate.js';
import { generation, newDraft, uniqueId } from './support/fixtures.js';
import { createPgliteTestDatabase } from './support/pglite-test-database.js';
import { createPostgresTestDatabase } from './support/postgres-test-database.js';
import type { TestDatabase, TestDatabaseFactory } from './support/test-database.js';

const factories: Array<[string, TestDatabaseFactory]> = [
  ['postgres', () => createPostgresTestDatabase('migration_009')],
  ['pglite', createPgliteTestDatabase],
];

/** A finished draft's output of about 3 KB of repetitive prose (pglz would shrink it a lot). */
const largeOutput = { summary: 'The payments database failed over; card payments are succeeding again. '.repeat(40) };

describe.each(factories)('migration 009 (%s)', (_driver, openDatabase) => {
  let testDatabase: TestDatabase;
  let before009: string;

  beforeAll(async () => {
    testDatabase = await openDatabase();
    before009 = await mkdtemp(path.join(os.tmpdir(), 'incident-ai-before-009-'));
    for (const name of await readdir(defaultMigrationsDirectory)) {
      if (name.endsWith('.sql') && name < '009') await cp(path.join(defaultMigrationsDirectory, name), path.join(before009, name));
    }
  });

  afterAll(async () => {
    await testDatabase?.dispose();
    if (before009) await rm(before009, { recursive: true, force: true });
  });

  it('keeps the drafts stored before it, and stores a few-KB draft uncompressed after it', async () => {
    const { database } = testDatabase;
    await migrate(database, { directory: before009 });
    const store = createStoreFromDatabase(database);
    const accountId = uniqueId('account');
    const finished = { state: 'COMPLETE' as const, output: largeOutput, text: largeOutput.summary, generation: generation() };
    const old = await store.drafts.insert({ ...newDraft({ accountId }), ...finished });
    const compressedBefore = await storedSize(database, old.id);
    expect(compressedBefore).toBeLessThan(1_000);

    expect((await migrate(database)).applied).toEqual(['009_drafts_uncompressed_rows.sql']);
    expect(await store.drafts.get(accountId, old.id)).toEqual(old);
    const fresh = await store.drafts.insert({ ...newDraft({ accountId }), ...finished });
    expect(await store.drafts.get(accountId, fresh.id)).toEqual(fresh);
    expect(await storedSize(database, fresh.id)).toBeGreaterThan(JSON.stringify(largeOutput).length);
  });
});

/** Bytes the output column takes in its row (compressed or not). */
async function storedSize(database: TestDatabase['database'], id: string): Promise<number> {
  const [row] = await database.query<{ size: number }>('select pg_column_size(output) as size from drafts where id = $1', [id]);
  return row!.size;
}
