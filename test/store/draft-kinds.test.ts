/**
 * Draft kinds are the registered features' (src/store/draft-kinds.ts): the drafts table has no
 * check on `kind` since migration 008, on both drivers, and the store refuses a kind no
 * registered feature writes with a typed error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStoreFromDatabase } from '../../src/store/create-store.js';
import { builtInFeatureKinds, createDraftKinds, registeredFeature } from '../../src/store/draft-kinds.js';
import { migrate } from '../../src/store/migrate.js';
import { UnknownDraftKindError } from '../../src/store/store-errors.js';
import type { Store } from '../../src/store/store.js';
import { newDraft, uniqueId } from './support/fixtures.js';
import { createPgliteTestDatabase } from './support/pglite-test-database.js';
import { createPostgresTestDatabase } from './support/postgres-test-database.js';
import type { TestDatabase, TestDatabaseFactory } from './support/test-database.js';

const withToy = createDraftKinds([...builtInFeatureKinds, { name: 'toy', kind: 'TOY' }]);

describe('createDraftKinds', () => {
  it('maps features and kinds both ways, in registration order', () => {
    expect(withToy.features).toEqual(['statusUpdate', 'postmortem', 'runbook', 'assistant', 'automationDigest', 'toy']);
    expect(withToy.kindOf('toy')).toBe('TOY');
    expect(withToy.featureOf('RUNBOOK_JOB')).toBe('runbook');
    expect(withToy.kindOf('chat')).toBeUndefined();
    expect(withToy.featureOf('CHAT')).toBeUndefined();
  });

  it('refuses two features with one name or one kind', () => {
    expect(() => createDraftKinds([...builtInFeatureKinds, { name: 'toy', kind: 'POSTMORTEM' }])).toThrow(/own name and kind/);
    expect(() => createDraftKinds([...builtInFeatureKinds, { name: 'runbook', kind: 'TOY' }])).toThrow(/own name and kind/);
  });

  it('checks a feature name from a request, naming the registered ones', () => {
    expect(registeredFeature(withToy, 'toy')).toEqual({ name: 'toy', kind: 'TOY' });
    expect(() => registeredFeature(withToy, 'chat')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', message: expect.stringContaining('toy') }));
  });
});

const drivers: [string, TestDatabaseFactory][] = [
  ['PGlite', createPgliteTestDatabase],
  ['PostgreSQL', () => createPostgresTestDatabase('draft_kinds')],
];

describe.each(drivers)('draft kinds in the store (%s)', (_label, openDatabase) => {
  let testDatabase: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    testDatabase = await openDatabase();
    await migrate(testDatabase.database);
    store = createStoreFromDatabase(testDatabase.database, { draftKinds: withToy });
  }, 60_000);
  afterAll(async () => testDatabase?.dispose());

  it('stores a draft of a registered kind no migration names', async () => {
    const draft = await store.drafts.insert(newDraft({ accountId: uniqueId('account'), kind: 'TOY' }));
    expect(await store.drafts.get(draft.accountId, draft.id)).toMatchObject({ id: draft.id, kind: 'TOY' });
  });

  it('refuses a kind no registered feature writes, typed, before the database', async () => {
    const draft = newDraft({ accountId: uniqueId('account'), kind: 'CHAT' });
    await expect(store.drafts.insert(draft)).rejects.toBeInstanceOf(UnknownDraftKindError);
    expect(await store.drafts.get(draft.accountId, draft.id)).toBeNull();
  });

  it('builds with the built-in kinds by default', async () => {
    const builtIn = createStoreFromDatabase(testDatabase.database);
    expect(builtIn.draftKinds.features).toEqual(builtInFeatureKinds.map((feature) => feature.name));
    await expect(builtIn.drafts.insert(newDraft({ accountId: uniqueId('account'), kind: 'TOY' }))).rejects.toBeInstanceOf(UnknownDraftKindError);
  });
});
