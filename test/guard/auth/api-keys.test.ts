import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Logger } from 'pino';
import {
  apiKeyPrefix,
  createApiKeyVerifier,
  generateApiKey,
  hashApiKeySecret,
  issueApiKey,
  parseApiKey,
} from '../../../src/guard/auth/api-keys.js';
import { createAuthenticator } from '../../../src/guard/auth/authenticator.js';
import type { ApiKeyRecord, ApiKeyRepository, NewApiKey, StoredApiKey } from '../../../src/store/api-key-repository.js';
import { createStore } from '../../../src/store/create-store.js';
import type { Store } from '../../../src/store/store.js';
import { startTestApp, testDatabaseUrl, type TestApp } from '../../support/test-app.js';

/** The code and message an operation fails with ('no error' when it succeeds). */
async function failureOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
    return { code: 'no error', message: '' };
  } catch (error) {
    return { code: (error as { code?: string }).code ?? 'untyped', message: (error as Error).message };
  }
}

/** An in-memory repository that counts `touch` calls. */
function memoryRepository(): ApiKeyRepository & { keys: Map<string, StoredApiKey>; touches: string[] } {
  const keys = new Map<string, StoredApiKey>();
  const touches: string[] = [];
  const listed = ({ secretHash: _hash, ...record }: StoredApiKey): ApiKeyRecord => record;
  return {
    keys,
    touches,
    async insert(key: NewApiKey) {
      if (keys.has(key.id)) throw Object.assign(new Error('duplicate'), { code: '23505' });
      const stored: StoredApiKey = { ...key, scopes: [...key.scopes], revokedAt: null, lastUsedAt: null };
      keys.set(key.id, stored);
      return listed(stored);
    },
    async findForVerification(id) {
      const key = keys.get(id);
      return key ? { ...key } : null;
    },
    async listByAccount(accountId) {
      return [...keys.values()].filter((key) => key.accountId === accountId).map(listed);
    },
    async revoke(id, at) {
      const key = keys.get(id);
      if (!key) return null;
      key.revokedAt ??= at;
      return listed(key);
    },
    async touch(id, at) {
      touches.push(at);
      const key = keys.get(id);
      if (key) key.lastUsedAt = at;
    },
  };
}

describe('API key format', () => {
  it('is iak_<12 base32>_<43 base64url>, parsed back into its parts, never twice the same', () => {
    const seen = new Set<string>();
    for (let index = 0; index < 200; index += 1) {
      const { key, keyId, secret } = generateApiKey();
      expect(key).toMatch(/^iak_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
      expect(parseApiKey(key)).toEqual({ keyId, secret });
      seen.add(key);
    }
    expect(seen.size).toBe(200);
    for (const malformed of ['', 'iak_', 'iak_short_secret', `iak_ABCDEFGHIJKL_${'a'.repeat(43)}`, `iak_abcdefghijkl_${'a'.repeat(42)}`, `iak_abcdefghijkl_${'a'.repeat(43)}x`]) {
      expect(parseApiKey(malformed), malformed).toBeNull();
    }
  });

  it('hashes the secret with the pepper and the key id: no two deployments or rows share a hash', () => {
    const { keyId, secret } = generateApiKey();
    const plain = createHash('sha256').update(secret).digest('hex');
    const hashes = [hashApiKeySecret(keyId, secret), hashApiKeySecret(keyId, secret, 'pepper-a'), hashApiKeySecret(keyId, secret, 'pepper-b'), hashApiKeySecret('bbbbbbbbbbbb', secret)];
    expect(new Set([...hashes, plain]).size).toBe(5);
    expect(hashApiKeySecret(keyId, secret, 'pepper-a')).toBe(hashes[1]);
  });
});

describe('API key verifier', () => {
  const start = Date.parse('2030-01-01T00:00:00.000Z');

  it('maps a valid key to its account, apikey:<id> and its scopes', async () => {
    const repository = memoryRepository();
    const { key, record } = await issueApiKey(repository, { accountId: 'acme', name: 'ci-bot', scopes: ['ai:read', 'ai:write'], expiresAt: null, createdBy: 'cli:test' });
    expect(repository.keys.get(record.id)!.secretHash).toBe(hashApiKeySecret(record.id, parseApiKey(key)!.secret));
    const verifier = createApiKeyVerifier({ repository });
    expect(verifier.matches(key)).toBe(true);
    expect(verifier.matches('eyJhbGciOiJFUzI1NiJ9.e30.sig')).toBe(false);
    const principal = await verifier.verify(key);
    expect(principal).toMatchObject({ accountId: 'acme', userId: `apikey:${record.id}`, method: 'api_key' });
    expect([...principal.scopes]).toEqual(['ai:read', 'ai:write']);
  });

  it('refuses unknown, tampered, malformed, revoked, expired and other-pepper keys alike', async () => {
    let now = start;
    const repository = memoryRepository();
    const clock = () => new Date(now);
    const issue = (expiresAt: Date | null = null) =>
      issueApiKey(repository, { accountId: 'acme', name: 'bot', scopes: ['ai:read'], expiresAt, createdBy: null, now: clock });
    const valid = await issue();
    const revoked = await issue();
    await repository.revoke(revoked.record.id, new Date(now).toISOString());
    const expiring = await issue(new Date(now + 60_000));
    const verifier = createApiKeyVerifier({ repository, now: clock });
    await expect(verifier.verify(expiring.key)).resolves.toMatchObject({ accountId: 'acme' });
    now += 60_000;

    const { keyId, secret } = parseApiKey(valid.key)!;
    const flip = (text: string, index: number) => text.slice(0, index) + (text[index] === 'A' ? 'B' : 'A') + text.slice(index + 1);
    const candidates = [
      `${apiKeyPrefix}${generateApiKey().keyId}_${secret}`,
      `${apiKeyPrefix}${keyId}_${flip(secret, 0)}`,
      `${apiKeyPrefix}${keyId}_${flip(secret, 20)}`,
      // The last character carries 2 unused bits: a spelling of the same bytes must not pass either.
      `${apiKeyPrefix}${keyId}_${flip(secret, 42)}`,
      `${apiKeyPrefix}${keyId}_`,
      `${apiKeyPrefix}${keyId}_${secret}x`,
      revoked.key,
      expiring.key,
    ];
    const failures = await Promise.all(candidates.map((candidate) => failureOf(verifier.verify(candidate))));
    for (const failure of failures) expect(failure).toEqual({ code: 'UNAUTHENTICATED', message: 'Invalid API key.' });
    expect(await failureOf(createApiKeyVerifier({ repository, now: clock, pepper: 'another-deployment' }).verify(valid.key))).toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(verifier.verify(valid.key)).resolves.toMatchObject({ accountId: 'acme' });
  });

  it('is served from the authenticator cache for 5 s after revocation, then refused', async () => {
    let now = start;
    const repository = memoryRepository();
    const verifier = createApiKeyVerifier({ repository, now: () => new Date(now) });
    const authenticator = createAuthenticator({ localKey: null, apiKeys: verifier, now: () => now });
    const { key, record } = await issueApiKey(repository, { accountId: 'acme', name: 'bot', scopes: ['ai:read'], expiresAt: null, createdBy: null, now: () => new Date(now) });

    await expect(authenticator.authenticate(`Bearer ${key}`)).resolves.toMatchObject({ method: 'api_key' });
    await repository.revoke(record.id, new Date(now).toISOString());
    now += 4_999;
    await expect(authenticator.authenticate(`Bearer ${key}`)).resolves.toMatchObject({ method: 'api_key' });
    now += 2;
    expect(await failureOf(authenticator.authenticate(`Bearer ${key}`))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('records the last use at most once a minute, and a failed write does not refuse the key', async () => {
    let now = start;
    const repository = memoryRepository();
    const warnings: unknown[] = [];
    const verifier = createApiKeyVerifier({ repository, now: () => new Date(now), logger: { warn: (...args: unknown[]) => void warnings.push(args) } as unknown as Pick<Logger, 'warn'> });
    const { key } = await issueApiKey(repository, { accountId: 'acme', name: 'bot', scopes: ['ai:read'], expiresAt: null, createdBy: null, now: () => new Date(now) });
    for (let second = 0; second < 150; second += 10) {
      now = start + second * 1_000;
      await verifier.verify(key);
    }
    expect(repository.touches).toEqual(['2030-01-01T00:00:00.000Z', '2030-01-01T00:01:00.000Z', '2030-01-01T00:02:00.000Z']);

    repository.touch = () => Promise.reject(new Error('database down'));
    now += 60_000;
    await expect(verifier.verify(key)).resolves.toMatchObject({ accountId: 'acme' });
    await vi.waitFor(() => expect(warnings).toHaveLength(1));
  });

  it('answers SERVICE_UNAVAILABLE, not UNAUTHENTICATED, when the store cannot be read', async () => {
    const repository = memoryRepository();
    repository.findForVerification = () => Promise.reject(new Error('connection refused'));
    const failure = await failureOf(createApiKeyVerifier({ repository }).verify(generateApiKey().key));
    expect(failure.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('issues keys only with a name, an account, known scopes and a future expiry', async () => {
    const repository = memoryRepository();
    const base = { accountId: 'acme', name: 'bot', scopes: ['ai:read'], expiresAt: null, createdBy: null };
    for (const options of [
      { ...base, accountId: ' ' },
      { ...base, name: '' },
      { ...base, scopes: [] },
      { ...base, scopes: ['ai:read', 'ai:root'] },
      { ...base, expiresAt: new Date(Date.now() - 1_000) },
    ]) {
      const failure = await failureOf(issueApiKey(repository, options));
      expect(failure.code, JSON.stringify(options)).toBe('BAD_USER_INPUT');
    }
    expect(repository.keys.size).toBe(0);
    await expect(issueApiKey(repository, base)).resolves.toMatchObject({ record: { accountId: 'acme', scopes: ['ai:read'] } });
  });
});

describe('API keys over GraphQL', () => {
  let service: TestApp;
  let store: Store;
  const draftQuery = `query($id: ID!) { draft(id: $id) { id } }`;
  const draftMutation = `mutation($input: DraftStatusUpdateInput!) { draftStatusUpdate(input: $input) { id state } }`;
  const codesOf = (result: { errors?: { extensions?: { code?: string } }[] }) => (result.errors ?? []).map((error) => error.extensions?.code);

  beforeAll(async () => {
    service = await startTestApp();
    store = await createStore({ databaseUrl: testDatabaseUrl, schema: service.schema, dataDir: service.dataDir });
  });
  afterAll(async () => {
    await store?.close();
    await service?.close();
  });

  const issue = (scopes: string[], accountId = 'acme') =>
    issueApiKey(store.apiKeys, { accountId, name: `bot-${scopes.join('-')}`, scopes, expiresAt: null, createdBy: 'test' });

  it('authenticates "Authorization: Bearer iak_..." as the key, whose drafts belong to its account', async () => {
    // The sample incidents belong to account demo.
    const { key, record } = await issue(['ai:read', 'ai:write'], 'demo');
    const created = await service.graphql<{ draftStatusUpdate: { id: string; state: string } }>(draftMutation, { input: { incidentId: 'PDEMO01', audience: 'RESPONDERS' } }, { token: key });
    expect(created.errors).toBeUndefined();
    const draftId = created.data!.draftStatusUpdate.id;
    const [row] = await service.sql<{ account_id: string; user_id: string }>('select account_id, user_id from drafts where id = $1', [draftId]);
    expect(row).toEqual({ account_id: 'demo', user_id: `apikey:${record.id}` });

    const read = await service.graphql<{ draft: { id: string } | null }>(draftQuery, { id: draftId }, { token: key });
    expect(read.data!.draft).toEqual({ id: draftId });
    // Another tenant's key does not see it.
    const otherAccount = await service.graphql<{ draft: { id: string } | null }>(draftQuery, { id: draftId }, { token: (await issue(['ai:read'], 'acme')).key });
    expect(otherAccount.data!.draft).toBeNull();

    await vi.waitFor(async () => {
      const [used] = await service.sql<{ last_used_at: Date | null }>('select last_used_at from api_keys where id = $1', [record.id]);
      expect(used!.last_used_at).not.toBeNull();
    });
  });

  it('enforces the key’s scopes: an ai:read key reads but cannot mutate (FORBIDDEN)', async () => {
    const { key } = await issue(['ai:read']);
    const read = await service.graphql(draftQuery, { id: 'missing' }, { token: key });
    expect(read.errors).toBeUndefined();
    const write = await service.graphql(draftMutation, { input: { incidentId: 'PDEMO01', audience: 'RESPONDERS' } }, { token: key });
    expect(codesOf(write)).toEqual(['FORBIDDEN']);
    const admin = await service.graphql(`{ providerHealth { providerId } }`, {}, { token: key });
    expect(codesOf(admin)).toEqual(['FORBIDDEN']);
  });

  it('refuses tampered, unknown and expired keys as UNAUTHENTICATED, with one message for all', async () => {
    const { key } = await issue(['ai:read']);
    const { keyId, secret } = parseApiKey(key)!;
    const expired = generateApiKey();
    await store.apiKeys.insert({
      id: expired.keyId,
      accountId: 'acme',
      name: 'expired',
      scopes: ['ai:read'],
      secretHash: hashApiKeySecret(expired.keyId, expired.secret),
      createdBy: 'test',
      createdAt: new Date(Date.now() - 120_000).toISOString(),
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const tampered = `${apiKeyPrefix}${keyId}_${secret.slice(0, 10)}${secret[10] === 'x' ? 'y' : 'x'}${secret.slice(11)}`;
    const unknown = generateApiKey().key;
    const messages = new Set<string>();
    for (const candidate of [tampered, unknown, expired.key, 'iak_garbage']) {
      const result = await service.graphql(draftQuery, { id: 'missing' }, { token: candidate });
      expect(codesOf(result), candidate).toEqual(['UNAUTHENTICATED']);
      messages.add(result.errors![0]!.message);
    }
    expect([...messages]).toEqual(['Invalid API key.']);
  });

  it('refuses a revoked key once the 5 s cache window has passed', async () => {
    const { key, record } = await issue(['ai:read']);
    expect((await service.graphql(draftQuery, { id: 'missing' }, { token: key })).errors).toBeUndefined();
    expect(await store.apiKeys.revoke(record.id, new Date().toISOString())).toMatchObject({ id: record.id });
    await sleep(5_100);
    const result = await service.graphql(draftQuery, { id: 'missing' }, { token: key });
    expect(codesOf(result)).toEqual(['UNAUTHENTICATED']);
  }, 15_000);

  it('never stores the secret: the row holds only a peppered hash', async () => {
    const { key, record } = await issue(['ai:read', 'ai:write', 'ai:admin']);
    const { secret } = parseApiKey(key)!;
    await service.graphql(draftQuery, { id: 'missing' }, { token: key });
    const [row] = await service.sql<{ text: string }>('select row_to_json(k)::text as text from api_keys k where id = $1', [record.id]);
    const stored = row!.text;
    expect(stored).toContain(record.id);
    for (const forbidden of [key, secret, Buffer.from(secret, 'base64url').toString('hex'), createHash('sha256').update(secret).digest('hex')]) {
      expect(stored).not.toContain(forbidden);
    }
    const [everywhere] = await service.sql<{ hits: number }>(
      `select count(*)::int as hits from (select row_to_json(e)::text as text from audit_events e union all select row_to_json(d)::text from drafts d) rows where text like $1`,
      [`%${secret}%`],
    );
    expect(everywhere!.hits).toBe(0);
  });
});
