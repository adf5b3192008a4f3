import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT, generateKeyPair } from 'jose';
type CryptoKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
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
    await expect(createAuthenticator({ localKey: keys[7]! }).authenticate(`Bearer ${token}`)).resolves.toMatchObject({ accountId: 'a' });
    await rm(folder, { recursive: true, force: true });
  });
});

describe('authenticator', () => {
  it('maps a valid token to account, user and scopes', async () => {
    const token = await signLocalToken(key, { accountId: 'demo', userId: 'alice', scopes: ['ai:read', 'ai:write'] });
    const principal = await createAuthenticator({ localKey: key }).authenticate(`Bearer ${token}`);
    expect(principal).toMatchObject({ accountId: 'demo', userId: 'alice', method: 'jwt' });
    expect([...principal.scopes]).toEqual(['ai:read', 'ai:write']);
  });

  it('rejects missing, malformed, expired, foreign-signed and wrong-audience tokens as UNAUTHENTICATED', async () => {
    const authenticator = createAuthenticator({ localKey: key });
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
    const authenticator = createAuthenticator({ localKey: key, now: () => now });
    const token = await signLocalToken(key, { accountId: 'demo', userId: 'u', scopes: [], expiresIn: '2m' });
    await authenticator.authenticate(`Bearer ${token}`);
    now += 10 * 60_000;
    expect(await codeOf(authenticator.authenticate(`Bearer ${token}`))).toBe('UNAUTHENTICATED');
  });
});

describe('authenticator with an identity provider (JWKS over HTTP)', () => {
  it('verifies its tokens, maps the configured account claim and scopes, refuses the rest', async () => {
    const { createServer } = await import('node:http');
    const { exportJWK } = await import('jose');
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const { privateKey: strangerKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
    let jwksRequests = 0;
    const server = createServer((_request, response) => {
      jwksRequests += 1;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const authenticator = createAuthenticator({
        localKey: null,
        jwks: { url: `http://127.0.0.1:${port}/.well-known/jwks.json`, issuer: 'https://idp.example', audience: 'incident-ai' },
        accountClaim: 'org',
      });
      const sign = (claims: Record<string, unknown>, options: { key?: CryptoKey | Parameters<SignJWT['sign']>[0]; audience?: string; expires?: string | number } = {}) =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
          .setIssuer('https://idp.example')
          .setAudience(options.audience ?? 'incident-ai')
          .setSubject('user-42')
          .setExpirationTime(options.expires ?? '1h')
          .sign(options.key ?? privateKey);

      const principal = await authenticator.authenticate(`Bearer ${await sign({ org: 'acme', scope: 'ai:read ai:write' })}`);
      expect(principal).toMatchObject({ accountId: 'acme', userId: 'user-42' });
      expect([...principal.scopes]).toEqual(['ai:read', 'ai:write']);
      expect(jwksRequests).toBe(1);

      const expired = await sign({ org: 'acme' }, { expires: Math.floor(Date.now() / 1000) - 120 });
      const wrongAudience = await sign({ org: 'acme' }, { audience: 'another-api' });
      const stranger = await sign({ org: 'acme' }, { key: strangerKey });
      const noAccount = await sign({ tenant: 'acme' });
      const local = await signLocalToken(key, { accountId: 'demo', userId: 'u', scopes: ['ai:admin'] });
      for (const token of [expired, wrongAudience, stranger, noAccount, local]) {
        expect(await codeOf(authenticator.authenticate(`Bearer ${token}`))).toBe('UNAUTHENTICATED');
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
