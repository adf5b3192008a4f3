import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditEventRepository, type AuditEventRecord, type AuditEventRepository } from '../../src/store/audit-repository.js';
import type { Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import { uniqueId } from './support/fixtures.js';
import { createPgliteTestDatabase } from './support/pglite-test-database.js';
import { createPostgresTestDatabase } from './support/postgres-test-database.js';
import type { TestDatabase, TestDatabaseFactory } from './support/test-database.js';

function auditEvent(overrides: Partial<AuditEventRecord> & Pick<AuditEventRecord, 'accountId'>): AuditEventRecord {
  return {
    id: uniqueId('audit'),
    at: '2030-01-01T00:00:00.000Z',
    userId: 'user-1',
    authMethod: 'jwt',
    action: 'draft.generate',
    draftId: uniqueId('draft'),
    feature: 'statusUpdate',
    provider: 'openai',
    model: 'gpt-test',
    outcome: 'success',
    errorCode: null,
    guards: ['citations_unverified', 'injection_quarantined'],
    target: null,
    requestId: 'request-1',
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    ...overrides,
  };
}

/** The message of the error `promise` rejects with ('' when it resolves). */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return '';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function describeAuditRepository(driver: string, open: TestDatabaseFactory): void {
  describe(`audit events on ${driver}`, () => {
    let testDatabase: TestDatabase;
    let database: Database;
    let audit: AuditEventRepository;

    beforeAll(async () => {
      testDatabase = await open();
      database = testDatabase.database;
      await migrate(database);
      audit = createAuditEventRepository(database);
    });
    afterAll(() => testDatabase?.dispose());

    it('appends events and lists them per account, newest first, with every field intact', async () => {
      const accountId = uniqueId('account');
      const older = auditEvent({ accountId, at: '2030-01-01T00:00:00.000Z' });
      const newer = auditEvent({
        accountId,
        at: '2030-01-01T00:01:00.000Z',
        userId: 'apikey:abcdefghijkl',
        authMethod: 'api_key',
        outcome: 'failure',
        errorCode: 'PROVIDER_UNAVAILABLE',
        guards: [],
        provider: null,
        model: null,
      });
      const revocation = auditEvent({
        accountId,
        at: '2030-01-01T00:02:00.000Z',
        action: 'apikey.revoke',
        authMethod: 'cli',
        userId: 'cli:operator',
        draftId: null,
        feature: null,
        provider: null,
        model: null,
        guards: [],
        target: 'abcdefghijkl',
        requestId: null,
        traceId: null,
      });
      await audit.insertMany([older, newer, revocation, auditEvent({ accountId: uniqueId('other-account') })]);

      expect(await audit.list(accountId)).toEqual([revocation, newer, older]);
      expect(await audit.list(accountId, { draftId: newer.draftId! })).toEqual([newer]);
      expect(await audit.list(accountId, { action: 'apikey.revoke' })).toEqual([revocation]);
      expect(await audit.list(accountId, { before: newer.at })).toEqual([older]);
      expect(await audit.list(accountId, { limit: 1 })).toEqual([revocation]);
    });

    it('stores an event written twice once (a retried batch)', async () => {
      const accountId = uniqueId('account');
      const event = auditEvent({ accountId });
      await audit.insertMany([event]);
      await audit.insertMany([event, { ...event, outcome: 'failure' }]);
      expect(await audit.list(accountId)).toEqual([event]);
    });

    it('keeps values that array literals must escape (quotes, backslashes, braces, commas, the word NULL)', async () => {
      const accountId = uniqueId('account');
      const awkward = 'say "hi", {x} \\ back\\slash';
      const event = auditEvent({ accountId, userId: 'NULL', guards: ['quote"d', 'back\\slash', 'NULL', 'a,b'], target: awkward, requestId: '', traceId: null });
      const other = auditEvent({ accountId, at: '2030-01-01T00:00:01.000Z', guards: [] });
      await audit.insertMany([event, other]);
      expect(await audit.list(accountId)).toEqual([other, event]);
    });

    it('stores a lone UTF-16 surrogate as U+FFFD, as a text parameter does, rather than failing the batch', async () => {
      const accountId = uniqueId('account');
      const event = auditEvent({ accountId, userId: 'user-\ud800-1', guards: ['guard-\udc00'], target: 'pair \ud83d\ude00 kept' });
      const other = auditEvent({ accountId, at: '2030-01-01T00:00:01.000Z' });
      await audit.insertMany([event, other]);
      expect(await audit.list(accountId)).toEqual([other, { ...event, userId: 'user-\ufffd-1', guards: ['guard-\ufffd'] }]);
    });

    it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
      const accountId = uniqueId('account');
      const event = auditEvent({ accountId });
      await audit.insertMany([event]);

      expect(await refusal(database.query(`update audit_events set outcome = 'failure' where id = $1`, [event.id]))).toMatch(/append-only: UPDATE refused/);
      expect(await refusal(database.query('delete from audit_events where id = $1', [event.id]))).toMatch(/append-only: DELETE refused/);
      expect(await refusal(database.exec('truncate audit_events'))).toMatch(/append-only: TRUNCATE refused/);
      // Inside a transaction too, and the transaction is rolled back whole.
      expect(
        await refusal(
          database.transaction(async (transaction) => {
            await transaction.query(`update audit_events set user_id = 'someone-else' where account_id = $1`, [accountId]);
          }),
        ),
      ).toMatch(/append-only/);

      expect(await audit.list(accountId)).toEqual([event]);
    });

    it('rejects events the schema does not describe', async () => {
      const accountId = uniqueId('account');
      expect(await refusal(audit.insertMany([auditEvent({ accountId, action: 'not an action' })]))).not.toBe('');
      expect(await refusal(audit.insertMany([auditEvent({ accountId, outcome: 'maybe' as never })]))).not.toBe('');
      expect(await audit.list(accountId)).toEqual([]);
    });
  });
}

describeAuditRepository('pglite', createPgliteTestDatabase);
describeAuditRepository('postgres', () => createPostgresTestDatabase('audit'));
