/**
 * API_KEY_PEPPER end to end: the service verifies with the configured pepper, the CLI issues
 * with it, a key issued under one pepper is refused under another, and a production start
 * without one is refused.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.js';
import { createApiKeyVerifier, issueApiKey } from '../../../src/guard/auth/api-keys.js';
import type { ApiKeyRecord, NewApiKey, StoredApiKey } from '../../../src/store/api-key-repository.js';
import { createStore } from '../../../src/store/create-store.js';
import type { Store } from '../../../src/store/store.js';
import { seedPgliteDataDir } from '../../store/support/pglite-test-database.js';
import { apikey } from './run-apikey-cli.js';
import { startTestApp, testDatabaseUrl, type TestApp } from '../../support/test-app.js';

const pepperA = 'pepper-A-0123456789abcdefghijklmnopqrstuvwxyz';
const pepperB = 'pepper-B-0123456789abcdefghijklmnopqrstuvwxyz';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return (error as { code?: string }).code ?? 'untyped';
  }
}


describe('the service verifies API keys with API_KEY_PEPPER', () => {
  let service: TestApp;
  let store: Store;
  beforeAll(async () => {
    service = await startTestApp({ API_KEY_PEPPER: pepperA });
    store = await createStore({ databaseUrl: testDatabaseUrl, schema: service.schema, dataDir: service.dataDir });
  });
  afterAll(async () => {
    await store?.close();
    await service?.close();
  });

  const issue = (pepper: string | null) =>
    issueApiKey(store.apiKeys, { accountId: 'demo', name: `bot-${pepper ?? 'default'}`, scopes: ['ai:read'], expiresAt: null, createdBy: 'test', pepper });
  const query = `{ draft(id: "missing") { id } }`;

  it('accepts a key issued with its pepper, refuses one issued with another or the built-in default', async () => {
    const [withA, withB, withDefault] = await Promise.all([issue(pepperA), issue(pepperB), issue(null)]);
    const accepted = await service.graphql(query, {}, { token: withA.key });
    expect(accepted.errors).toBeUndefined();
    for (const key of [withB.key, withDefault.key]) {
      const refused = await service.graphql(query, {}, { token: key });
      expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    }
  });
});

describe('a key issued with pepper A', () => {
  it('verifies with pepper A only (the peppers as the configuration reads them)', async () => {
    const rows = new Map<string, StoredApiKey>();
    const repository = {
      async insert(key: NewApiKey): Promise<ApiKeyRecord> {
        const stored: StoredApiKey = { ...key, scopes: [...key.scopes], revokedAt: null, lastUsedAt: null };
        rows.set(key.id, stored);
        const { secretHash: _hash, ...record } = stored;
        return record;
      },
      async findForVerification(id: string) {
        return rows.get(id) ?? null;
      },
      async touch() {},
    };
    const configA = loadConfig({ API_KEY_PEPPER: pepperA });
    const configB = loadConfig({ API_KEY_PEPPER: pepperB });
    const { key } = await issueApiKey(repository, { accountId: 'acme', name: 'bot', scopes: ['ai:read'], expiresAt: null, createdBy: null, pepper: configA.auth.apiKeyPepper });
    await expect(createApiKeyVerifier({ repository, pepper: configA.auth.apiKeyPepper }).verify(key)).resolves.toMatchObject({ accountId: 'acme' });
    expect(await codeOf(createApiKeyVerifier({ repository, pepper: configB.auth.apiKeyPepper }).verify(key))).toBe('UNAUTHENTICATED');
    expect(await codeOf(createApiKeyVerifier({ repository, pepper: loadConfig({}).auth.apiKeyPepper }).verify(key))).toBe('UNAUTHENTICATED');
  });
});

describe('the apikey CLI and API_KEY_PEPPER', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'incident-ai-apikey-pepper-'));
    await seedPgliteDataDir(path.join(dataDir, 'pglite'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('issues keys with the configured pepper: they verify with it and with no other', async () => {
    const created = await apikey({ DATA_DIR: dataDir, API_KEY_PEPPER: pepperA }, 'create', '--account', 'demo', '--name', 'peppered', '--scopes', 'ai:read', '--json');
    expect(created.status, created.stderr).toBe(0);
    const { key } = JSON.parse(created.stdout) as ApiKeyRecord & { key: string };

    const store = await createStore({ dataDir });
    try {
      await expect(createApiKeyVerifier({ repository: store.apiKeys, pepper: pepperA }).verify(key)).resolves.toMatchObject({ accountId: 'demo' });
      expect(await codeOf(createApiKeyVerifier({ repository: store.apiKeys, pepper: pepperB }).verify(key))).toBe('UNAUTHENTICATED');
      expect(await codeOf(createApiKeyVerifier({ repository: store.apiKeys }).verify(key))).toBe('UNAUTHENTICATED');
    } finally {
      await store.close();
    }
  }, 60_000);

  it('refuses to start in production without a pepper, or with a short one (exit 2, the variable named)', async () => {
    const production = { DATA_DIR: dataDir, NODE_ENV: 'production', AUTH_LOCAL_KEYS: 'true' };
    const args = ['create', '--account', 'demo', '--name', 'x', '--scopes', 'ai:read'];
    const [missing, short] = await Promise.all([apikey(production, ...args), apikey({ ...production, API_KEY_PEPPER: 'too-short' }, ...args)]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('NODE_ENV=production needs API_KEY_PEPPER');
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('API_KEY_PEPPER must be at least 32 characters');
    expect(missing.stdout + short.stdout).not.toContain('iak_');
  }, 60_000);
});
