/**
 * The authenticator's negative cache of refused API keys: a flood of one bad key costs one
 * database lookup, the cache is bounded (oldest evicted), entries expire, malformed keys never
 * reach the database, and a database outage is not remembered as a refusal.
 */
import { describe, expect, it } from 'vitest';
import { apiKeyPrefix, createApiKeyVerifier, generateApiKey, hashApiKeySecret, issueApiKey } from '../../../src/guard/auth/api-keys.js';
import { createAuthenticator } from '../../../src/guard/auth/authenticator.js';
import type { ApiKeyRecord, ApiKeyRepository, NewApiKey, StoredApiKey } from '../../../src/store/api-key-repository.js';

/** An in-memory repository counting `findForVerification` calls per key id. */
function countingRepository() {
  const keys = new Map<string, StoredApiKey>();
  const lookups: string[] = [];
  let failing = false;
  const listed = ({ secretHash: _hash, ...record }: StoredApiKey): ApiKeyRecord => record;
  const repository: Pick<ApiKeyRepository, 'insert' | 'findForVerification' | 'touch' | 'revoke'> = {
    async insert(key: NewApiKey) {
      const stored: StoredApiKey = { ...key, scopes: [...key.scopes], revokedAt: null, lastUsedAt: null };
      keys.set(key.id, stored);
      return listed(stored);
    },
    async findForVerification(id) {
      lookups.push(id);
      // A real round trip: concurrent callers overlap while it is in flight.
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (failing) throw new Error('connection refused');
      const key = keys.get(id);
      return key ? { ...key } : null;
    },
    async touch() {},
    async revoke(id, at) {
      const key = keys.get(id);
      if (!key) return null;
      key.revokedAt ??= at;
      return listed(key);
    },
  };
  return {
    repository,
    lookups,
    setFailing(value: boolean) {
      failing = value;
    },
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return (error as { code?: string }).code ?? 'untyped';
  }
}

function setup(negativeCache?: { size?: number; ttlMs?: number }) {
  let now = Date.parse('2030-01-01T00:00:00.000Z');
  const fake = countingRepository();
  const verifier = createApiKeyVerifier({ repository: fake.repository, now: () => new Date(now) });
  const authenticator = createAuthenticator({ localKey: null, apiKeys: verifier, now: () => now, ...(negativeCache && { negativeCache }) });
  return {
    ...fake,
    authenticate: (key: string) => authenticator.authenticate(`Bearer ${key}`),
    advance(ms: number) {
      now += ms;
    },
    issue: (id?: string) =>
      issueApiKey(fake.repository, { accountId: 'acme', name: id ?? 'bot', scopes: ['ai:read'], expiresAt: null, createdBy: null, now: () => new Date(now) }),
  };
}

describe('negative cache of refused API keys', () => {
  it('looks a repeated unknown key up once, whether the repeats come one by one or all at once', async () => {
    const harness = setup();
    const bad = generateApiKey().key;
    const concurrent = await Promise.all(Array.from({ length: 50 }, () => codeOf(harness.authenticate(bad))));
    expect(new Set(concurrent)).toEqual(new Set(['UNAUTHENTICATED']));
    for (let attempt = 0; attempt < 50; attempt += 1) {
      harness.advance(50);
      expect(await codeOf(harness.authenticate(bad))).toBe('UNAUTHENTICATED');
    }
    expect(harness.lookups).toHaveLength(1);
  });

  it('refuses from the cache with the verifier’s own answer', async () => {
    const harness = setup();
    const bad = generateApiKey().key;
    const failure = (error: unknown) => ({ code: (error as { code?: string }).code, message: (error as Error).message });
    const first = await harness.authenticate(bad).then(() => null, failure);
    const cached = await harness.authenticate(bad).then(() => null, failure);
    expect(harness.lookups).toHaveLength(1);
    expect(first).toEqual({ code: 'UNAUTHENTICATED', message: 'Invalid API key.' });
    expect(cached).toEqual(first);
  });

  it('forgets a refusal after the TTL: a key created after it was refused is accepted then', async () => {
    const harness = setup({ ttlMs: 5_000 });
    const { key, keyId, secret } = generateApiKey();
    expect(await codeOf(harness.authenticate(key))).toBe('UNAUTHENTICATED');
    // The row appears after the refusal (as if the key were created in between).
    await harness.repository.insert({
      id: keyId,
      accountId: 'acme',
      name: 'late',
      scopes: ['ai:read'],
      secretHash: hashApiKeySecret(keyId, secret),
      createdBy: null,
      createdAt: '2030-01-01T00:00:00.000Z',
      expiresAt: null,
    });
    harness.advance(4_999);
    expect(await codeOf(harness.authenticate(key))).toBe('UNAUTHENTICATED');
    expect(harness.lookups).toHaveLength(1);
    harness.advance(2);
    await expect(harness.authenticate(key)).resolves.toMatchObject({ accountId: 'acme', method: 'api_key' });
    expect(harness.lookups).toHaveLength(2);
  });

  it('does not refuse other keys: a key created after another was refused works at once', async () => {
    const harness = setup();
    expect(await codeOf(harness.authenticate(generateApiKey().key))).toBe('UNAUTHENTICATED');
    const { key } = await harness.issue();
    await expect(harness.authenticate(key)).resolves.toMatchObject({ accountId: 'acme' });
  });

  it('is bounded: past its size the oldest refusal is evicted and looked up again', async () => {
    const harness = setup({ size: 3 });
    const bad = Array.from({ length: 4 }, () => generateApiKey());
    for (const { key } of bad) expect(await codeOf(harness.authenticate(key))).toBe('UNAUTHENTICATED');
    expect(harness.lookups).toEqual(bad.map(({ keyId }) => keyId));
    // bad[0] was evicted by bad[3]; bad[1..3] are still remembered.
    for (const { key } of bad.slice(1)) await codeOf(harness.authenticate(key));
    expect(harness.lookups).toHaveLength(4);
    await codeOf(harness.authenticate(bad[0]!.key));
    expect(harness.lookups).toEqual([...bad.map(({ keyId }) => keyId), bad[0]!.keyId]);
  });

  it('holds 10,000 refusals by default', async () => {
    const harness = setup();
    const bad = Array.from({ length: 10_001 }, () => generateApiKey().key);
    harness.repository.findForVerification = async (id) => {
      harness.lookups.push(id);
      return null;
    };
    for (const key of bad) await codeOf(harness.authenticate(key));
    expect(harness.lookups).toHaveLength(10_001);
    await codeOf(harness.authenticate(bad[10_000]!));
    await codeOf(harness.authenticate(bad[1]!));
    expect(harness.lookups).toHaveLength(10_001);
    await codeOf(harness.authenticate(bad[0]!));
    expect(harness.lookups).toHaveLength(10_002);
  });

  it('never sends a malformed iak_ credential to the database', async () => {
    const harness = setup();
    const { keyId, secret } = generateApiKey();
    const malformed = [
      `${apiKeyPrefix}`,
      `${apiKeyPrefix}${keyId}`,
      `${apiKeyPrefix}${keyId}_`,
      `${apiKeyPrefix}${keyId}_${secret}x`,
      `${apiKeyPrefix}ABCDEFGHIJKL_${secret}`,
      `${apiKeyPrefix}${keyId.slice(1)}_${secret}`,
      `${apiKeyPrefix}${keyId}_${secret.slice(1)}!`,
      `${apiKeyPrefix}'or'1'='1`,
    ];
    for (const credential of malformed) {
      for (let attempt = 0; attempt < 3; attempt += 1) expect(await codeOf(harness.authenticate(credential)), credential).toBe('UNAUTHENTICATED');
    }
    expect(harness.lookups).toEqual([]);
  });

  it('does not remember a database outage: the key works as soon as the database answers', async () => {
    const harness = setup();
    const { key } = await harness.issue();
    harness.setFailing(true);
    expect(await codeOf(harness.authenticate(key))).toBe('SERVICE_UNAVAILABLE');
    harness.setFailing(false);
    await expect(harness.authenticate(key)).resolves.toMatchObject({ accountId: 'acme' });
    expect(harness.lookups).toHaveLength(2);
  });

  it('leaves revocation as it was: a revoked key is refused once the 5 s positive cache expires', async () => {
    const harness = setup();
    const { key, record } = await harness.issue();
    await expect(harness.authenticate(key)).resolves.toMatchObject({ accountId: 'acme' });
    await harness.repository.revoke(record.id, new Date().toISOString());
    harness.advance(4_999);
    await expect(harness.authenticate(key)).resolves.toMatchObject({ accountId: 'acme' });
    harness.advance(2);
    expect(await codeOf(harness.authenticate(key))).toBe('UNAUTHENTICATED');
    expect(await codeOf(harness.authenticate(key))).toBe('UNAUTHENTICATED');
    expect(harness.lookups).toHaveLength(2);
  });
});
