import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKeyVerifier, parseApiKey } from '../../../src/guard/auth/api-keys.js';
import { createAuthenticator } from '../../../src/guard/auth/authenticator.js';
import { loadOrCreateLocalSigningKey } from '../../../src/guard/auth/local-signing-key.js';
import type { ApiKeyRecord } from '../../../src/store/api-key-repository.js';
import { createStore, openDatabase } from '../../../src/store/create-store.js';
import type { Store } from '../../../src/store/store.js';
import { seedPgliteDataDir } from '../../store/support/pglite-test-database.js';
import { apikey, type CliResult } from './run-apikey-cli.js';
import { testDatabaseUrl } from '../../support/test-app.js';


interface CreatedKey extends ApiKeyRecord {
  key: string;
}

function parseCreated(result: CliResult): CreatedKey {
  expect(result.status, result.stderr).toBe(0);
  expect(result.stderr).toContain('shown only this once');
  return JSON.parse(result.stdout) as CreatedKey;
}

const day = 86_400_000;

describe('apikey CLI against PostgreSQL (DATABASE_URL, DATABASE_SCHEMA)', () => {
  const schema = `apikey_cli_${process.pid}_${randomBytes(4).toString('hex')}`;
  let dataDir: string;
  let environment: Record<string, string>;
  let store: Store;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'incident-ai-apikey-cli-'));
    environment = { DATABASE_URL: testDatabaseUrl, DATABASE_SCHEMA: schema, DATA_DIR: dataDir };
  });
  afterAll(async () => {
    await store?.close();
    const database = await openDatabase({ databaseUrl: testDatabaseUrl, dataDir, schema });
    try {
      await database.exec(`drop schema if exists "${schema}" cascade`);
    } finally {
      await database.close();
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates (key printed once), lists without secrets, revokes, and audits both', async () => {
    const first = parseCreated(await apikey(environment, 'create', '--account', 'acme', '--name', 'ci-bot', '--scopes', 'ai:read,ai:write', '--expires-in', '90d', '--json'));
    const [second, other] = await Promise.all([
      apikey(environment, 'create', '--account', 'acme', '--name', 'reporting', '--scopes', 'ai:read'),
      apikey(environment, 'create', '--account', 'globex', '--name', 'elsewhere', '--scopes', 'ai:admin', '--json'),
    ]);
    expect(first).toMatchObject({ accountId: 'acme', name: 'ci-bot', scopes: ['ai:read', 'ai:write'], revokedAt: null });
    expect(parseApiKey(first.key)?.keyId).toBe(first.id);
    expect(Date.parse(first.expiresAt!) - Date.parse(first.createdAt)).toBe(90 * day);
    expect(second.status, second.stderr).toBe(0);
    const secondKey = /^key:\s+(iak_\S+)$/m.exec(second.stdout)?.[1];
    const secondId = /^id:\s+(\S+)$/m.exec(second.stdout)?.[1];
    expect(parseApiKey(secondKey ?? '')?.keyId).toBe(secondId);
    expect(parseCreated(other)).toMatchObject({ accountId: 'globex', scopes: ['ai:admin'] });

    const listed = await apikey(environment, 'list', '--account', 'acme', '--json');
    expect(listed.status, listed.stderr).toBe(0);
    const keys = JSON.parse(listed.stdout) as ApiKeyRecord[];
    expect(keys.map((key) => key.name).sort()).toEqual(['ci-bot', 'reporting']);
    const table = await apikey(environment, 'list', '--account', 'acme');
    expect(table.stdout).toContain(first.id);
    for (const output of [listed.stdout, table.stdout]) {
      for (const secret of [first.key, secretKey(secondKey)]) expect(output).not.toContain(secret);
      expect(output).not.toMatch(/secret|hash/i);
    }

    store = await createStore({ databaseUrl: testDatabaseUrl, schema, dataDir });
    const verifier = createApiKeyVerifier({ repository: store.apiKeys });
    await expect(verifier.verify(first.key)).resolves.toMatchObject({ accountId: 'acme', userId: `apikey:${first.id}`, method: 'api_key' });

    const revoked = await apikey(environment, 'revoke', first.id);
    expect(revoked.status, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(`Revoked API key ${first.id}`);
    await expect(verifier.verify(first.key)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const again = await apikey(environment, 'revoke', first.id);
    expect(again.stdout).toContain('already revoked');
    const wrongAccount = await apikey(environment, 'revoke', secondId!, '--account', 'globex');
    expect(wrongAccount.status).toBe(1);
    await expect(verifier.verify(secondKey!)).resolves.toMatchObject({ accountId: 'acme' });
    const unknown = await apikey(environment, 'revoke', 'aaaaaaaaaaaa');
    expect(unknown).toMatchObject({ status: 1 });
    expect(unknown.stderr).toContain('no API key "aaaaaaaaaaaa"');

    const events = await store.auditEvents.list('acme');
    expect(events.map((event) => [event.action, event.target, event.authMethod, event.outcome]).sort()).toEqual(
      [
        ['apikey.create', first.id, 'cli', 'success'],
        ['apikey.create', secondId, 'cli', 'success'],
        ['apikey.revoke', first.id, 'cli', 'success'],
      ].sort(),
    );
    expect(events.every((event) => event.userId?.startsWith('cli:'))).toBe(true);
  }, 60_000);

  it('refuses wrong arguments with the usage (exit 2), before touching the database', async () => {
    const results = await Promise.all([
      apikey(environment),
      apikey(environment, 'launch'),
      apikey(environment, 'create', '--name', 'x', '--scopes', 'ai:read'),
      apikey(environment, 'create', '--account', 'acme', '--name', 'x', '--scopes', 'ai:read,ai:root'),
      apikey(environment, 'create', '--account', 'acme', '--name', 'x', '--scopes', 'ai:read', '--expires-in', 'soon'),
      apikey(environment, 'create', '--account', 'acme', '--name', 'x', '--scopes', 'ai:read', '--colour', 'red'),
      apikey(environment, 'revoke'),
      apikey(environment, 'list'),
    ]);
    for (const result of results) {
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toContain('usage: apikey create');
    }
  }, 60_000);
});

/** The secret half of a key (or a placeholder that matches nothing). */
function secretKey(key: string | undefined): string {
  return parseApiKey(key ?? '')?.secret ?? '\u0000';
}

describe('apikey CLI against PGlite in DATA_DIR', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'incident-ai-apikey-cli-pglite-'));
    // A copy of the initialised template, so the first CLI run does not pay for initdb.
    await seedPgliteDataDir(path.join(dataDir, 'pglite'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('creates, lists and revokes keys the service then verifies from the same folder', async () => {
    const environment = { DATA_DIR: dataDir };
    const kept = parseCreated(await apikey(environment, 'create', '--account', 'demo', '--name', 'kept', '--scopes', 'ai:read', '--json'));
    const dropped = parseCreated(await apikey(environment, 'create', '--account', 'demo', '--name', 'dropped', '--scopes', 'ai:write', '--json'));
    expect((await apikey(environment, 'revoke', dropped.id)).status).toBe(0);
    const listed = await apikey(environment, 'list', '--account', 'demo', '--json');
    expect(listed.stderr).toContain('embedded database');
    const keys = JSON.parse(listed.stdout) as ApiKeyRecord[];
    expect(keys.map((key) => [key.name, key.revokedAt === null])).toEqual(
      expect.arrayContaining([
        ['kept', true],
        ['dropped', false],
      ]),
    );
    expect(listed.stdout).not.toContain(secretKey(kept.key));

    const store = await createStore({ dataDir });
    try {
      expect(store.driver).toBe('pglite');
      const verifier = createApiKeyVerifier({ repository: store.apiKeys });
      await expect(verifier.verify(kept.key)).resolves.toMatchObject({ accountId: 'demo', method: 'api_key' });
      await expect(verifier.verify(dropped.key)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      expect((await store.auditEvents.list('demo')).map((event) => event.action).sort()).toEqual(['apikey.create', 'apikey.create', 'apikey.revoke']);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('token prints a JWT signed by the local key in DATA_DIR, refused where local keys are off', async () => {
    const result = await apikey({ DATA_DIR: dataDir }, 'token', '--account', 'demo', '--scopes', 'ai:read', '--user', 'alice', '--expires-in', '2h');
    expect(result.status, result.stderr).toBe(0);
    const authenticator = createAuthenticator({ localKey: await loadOrCreateLocalSigningKey(dataDir) });
    const principal = await authenticator.authenticate(`Bearer ${result.stdout.trim()}`);
    expect(principal).toMatchObject({ accountId: 'demo', userId: 'alice', method: 'jwt' });
    expect([...principal.scopes]).toEqual(['ai:read']);

    const refused = await apikey(
      { DATA_DIR: dataDir, AUTH_JWKS_URL: 'https://idp.example/jwks.json', AUTH_ISSUER: 'https://idp.example', AUTH_AUDIENCE: 'incident-ai' },
      'token',
      '--account',
      'demo',
      '--scopes',
      'ai:read',
    );
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('does not accept locally signed tokens');
  }, 60_000);
});
