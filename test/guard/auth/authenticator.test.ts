import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator, localAudience, localIssuer, signLocalToken } from '../../../src/guard/auth/authenticator.js';
import { loadOrCreateLocalSigningKey, type LocalSigningKey } from '../../../src/guard/auth/local-signing-key.js';

let dataDir: string;
let key: LocalSigningKey;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'incident-ai-auth-'));
  key = await loadOrCreateLocalSigningKey(dataDir);
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return (error as { code?: string }).code ?? 'untyped';
  }
}

describe('local signing key', () => {
  it('is created once and shared by concurrent loaders of the same folder', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'incident-ai-key-'));
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateLocalSigningKey(folder)));
    expect(new Set(keys.map((loaded) => loaded.keyId)).size).toBe(1);
    const token = await signLocalToken(keys[0]!, { accountId: 'a', userId: 'u', scopes: ['ai:read'] });
    await expect(createAuthenticator({ key: keys[7]! }).authenticate(`Bearer ${token}`)).resolves.toMatchObject({ accountId: 'a' });
    await rm(folder, { recursive: true, force: true });
  });
});

describe('authenticator', () => {
  it('maps a valid token to account, user and scopes', async () => {
    const token = await signLocalToken(key, { accountId: 'demo', userId: 'alice', scopes: ['ai:read', 'ai:write'] });
    const principal = await createAuthenticator({ key }).authenticate(`Bearer ${token}`);
    expect(principal).toMatchObject({ accountId: 'demo', userId: 'alice', method: 'jwt' });
    expect([...principal.scopes]).toEqual(['ai:read', 'ai:write']);
  });

  it('rejects missing, malformed, expired, foreign-signed and wrong-audience tokens as UNAUTHENTICATED', async () => {
    const authenticator = createAuthenticator({ key });
    const expired = await signLocalToken(key, { accountId: 'demo', userId: 'u', scopes: [], expiresIn: Math.floor(Date.now() / 1000) - 60 });
    const { privateKey: otherKey } = await generateKeyPair('ES256');
    const foreign = await new SignJWT({ account_id: 'demo' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(localIssuer)
      .setAudience(localAudience)
      .setExpirationTime('1h')
      .sign(otherKey);
    const wrongAudience = await new SignJWT({ account_id: 'demo' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(localIssuer)
      .setAudience('someone-else')
      .setExpirationTime('1h')
      .sign(key.privateKey);
    const noAccount = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(localIssuer)
      .setAudience(localAudience)
      .setExpirationTime('1h')
      .sign(key.privateKey);
    for (const header of [undefined, '', 'Basic abc', 'Bearer not-a-jwt', `Bearer ${expired}`, `Bearer ${foreign}`, `Bearer ${wrongAudience}`, `Bearer ${noAccount}`]) {
      expect(await codeOf(authenticator.authenticate(header))).toBe('UNAUTHENTICATED');
    }
  });

  it('does not serve a cached principal after the token expires', async () => {
    let now = Date.now();
    const authenticator = createAuthenticator({ key, now: () => now });
    const token = await signLocalToken(key, { accountId: 'demo', userId: 'u', scopes: [], expiresIn: '2m' });
    await authenticator.authenticate(`Bearer ${token}`);
    now += 10 * 60_000;
    expect(await codeOf(authenticator.authenticate(`Bearer ${token}`))).toBe('UNAUTHENTICATED');
  });
});
