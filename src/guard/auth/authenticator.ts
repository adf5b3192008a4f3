import { createHash } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AppError } from '../../errors/app-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import type { LocalSigningKey } from './local-signing-key.js';
import type { Principal } from './principal.js';

/** Issuer and audience of tokens signed by the local key. */
export const localIssuer = 'incident-ai-local';
export const localAudience = 'incident-ai';

/** Verifies API keys (service credentials); see api-keys.ts. */
export interface ApiKeyVerifier {
  /** The principal of a valid key; throws UNAUTHENTICATED for an unknown, revoked or expired key. */
  verify(key: string): Promise<Principal>;
  /** Whether a credential looks like one of our API keys (not a JWT). */
  matches(credential: string): boolean;
}

export interface AuthenticatorOptions {
  /** Accept tokens signed by the local key (embedded mode); null refuses them. */
  localKey: LocalSigningKey | null;
  /** The identity provider: tokens with its issuer are verified against its JWKS. */
  jwks?: { url: string; issuer: string | null; audience: string | null } | null;
  /** A key set resolver instead of the URL (tests). */
  jwksResolver?: JWTVerifyGetKey;
  apiKeys?: ApiKeyVerifier | null;
  /** Claim holding the account id. */
  accountClaim?: string;
  /** Verified tokens kept to skip re-verification (bounded). */
  cacheSize?: number;
  /**
   * Refused API keys remembered (by a hash of the key), so repeating one does not reach the
   * database again until the entry expires. Default 10,000 entries for 5 s, the oldest evicted.
   */
  negativeCache?: { size?: number; ttlMs?: number };
  now?: () => number;
}

export interface Authenticator {
  /** Verifies an `Authorization` header value (`Bearer <jwt or api key>`); throws UNAUTHENTICATED. */
  authenticate(authorization: string | undefined | null): Promise<Principal>;
}

const unauthenticated = (message: string, cause?: unknown): AppError =>
  new AppError(ErrorCode.UNAUTHENTICATED, message, cause === undefined ? {} : { cause });

/**
 * Bearer authentication: JWTs from the identity provider (JWKS) or the local key, and API
 * keys. Verified credentials are cached until their expiry (and API keys briefly): an ES256
 * or RS256 signature check costs more CPU than the rest of a request.
 */
export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const accountClaim = options.accountClaim ?? 'account_id';
  const cacheSize = options.cacheSize ?? 10_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { principal: Principal; expiresAt: number }>();
  const remoteKeys = options.jwksResolver ?? (options.jwks ? createRemoteJWKSet(new URL(options.jwks.url)) : null);
  const refusedKeys = createRefusedKeyCache(options.negativeCache?.size ?? 10_000, options.negativeCache?.ttlMs ?? 5_000, now);
  // Checks of the same API key in progress: a burst of one key costs one database lookup.
  const pendingKeys = new Map<string, Promise<Principal>>();

  function remember(credential: string, principal: Principal, expiresAt: number): Principal {
    if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
    cache.set(credential, { principal, expiresAt });
    return principal;
  }

  async function verifyApiKey(verifier: ApiKeyVerifier, credential: string): Promise<Principal> {
    const digest = credentialDigest(credential);
    if (refusedKeys.has(digest)) throw invalidApiKey();
    let pending = pendingKeys.get(digest);
    if (!pending) {
      pending = verifier.verify(credential).then(
        (principal) => remember(credential, principal, now() + 5_000),
        (error: unknown) => {
          // Only a refusal is remembered: a database outage (SERVICE_UNAVAILABLE) must not
          // lock a valid key out once the database is back.
          if (error instanceof AppError && error.code === ErrorCode.UNAUTHENTICATED) refusedKeys.add(digest);
          throw error;
        },
      );
      pendingKeys.set(digest, pending);
      void pending.then(
        () => pendingKeys.delete(digest),
        () => pendingKeys.delete(digest),
      );
    }
    return pending;
  }

  async function verifyJwt(token: string): Promise<{ payload: JWTPayload }> {
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch (error) {
      throw unauthenticated('Invalid token: it is not a JWT.', error);
    }
    const currentDate = new Date(now());
    if (issuer === localIssuer) {
      if (!options.localKey) throw unauthenticated('Invalid token: locally signed tokens are not accepted by this deployment.');
      return jwtVerify(token, options.localKey.publicKey, { issuer: localIssuer, audience: localAudience, algorithms: ['ES256'], currentDate });
    }
    if (!remoteKeys || !options.jwks) throw unauthenticated('Invalid token: its issuer is not trusted.');
    return jwtVerify(token, remoteKeys, {
      ...(options.jwks.issuer && { issuer: options.jwks.issuer }),
      ...(options.jwks.audience && { audience: options.jwks.audience }),
      algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'],
      currentDate,
    });
  }

  return {
    async authenticate(authorization) {
      if (!authorization) throw unauthenticated('Missing Authorization header: send "Authorization: Bearer <token>".');
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!match) throw unauthenticated('Authorization header must be "Bearer <token>".');
      const credential = match[1]!;

      const cached = cache.get(credential);
      if (cached && cached.expiresAt > now()) return cached.principal;
      if (cached) cache.delete(credential);

      if (options.apiKeys?.matches(credential)) {
        // Revocation must take effect quickly: API keys are cached for a few seconds only.
        return verifyApiKey(options.apiKeys, credential);
      }

      let payload: JWTPayload;
      try {
        ({ payload } = await verifyJwt(credential));
      } catch (error) {
        if (error instanceof AppError) throw error;
        const reason =
          error instanceof joseErrors.JWTExpired
            ? 'the token has expired'
            : error instanceof joseErrors.JWTClaimValidationFailed
              ? `claim "${error.claim}" is not valid`
              : error instanceof joseErrors.JWKSNoMatchingKey
                ? 'no key of the identity provider matches it'
                : 'the token could not be verified';
        throw unauthenticated(`Invalid token: ${reason}.`, error);
      }
      const principal = principalFrom(payload, accountClaim);
      return remember(credential, principal, (payload.exp ?? 0) * 1000);
    },
  };
}

// The verifier's own answer for every refused key (see api-keys.ts).
const invalidApiKey = (): AppError => new AppError(ErrorCode.UNAUTHENTICATED, 'Invalid API key.');

/** The cache key of a credential: its SHA-256, so the refused keys are not kept in memory as text. */
function credentialDigest(credential: string): string {
  return createHash('sha256').update(credential).digest('base64url');
}

/**
 * Digests of refused API keys, each for `ttlMs`; at most `size`, the oldest evicted first. A
 * key created after it was refused works once its entry expires.
 */
function createRefusedKeyCache(size: number, ttlMs: number, now: () => number) {
  const expiries = new Map<string, number>();
  return {
    has(digest: string): boolean {
      const expiresAt = expiries.get(digest);
      if (expiresAt === undefined) return false;
      if (expiresAt > now()) return true;
      expiries.delete(digest);
      return false;
    },
    add(digest: string): void {
      if (size <= 0) return;
      // Re-inserted, so the Map's order stays the order of expiry.
      expiries.delete(digest);
      while (expiries.size >= size) expiries.delete(expiries.keys().next().value!);
      expiries.set(digest, now() + ttlMs);
    },
  };
}

function principalFrom(payload: JWTPayload, accountClaim: string): Principal {
  const accountId = payload[accountClaim];
  if (typeof accountId !== 'string' || accountId.length === 0) {
    throw unauthenticated(`Invalid token: claim "${accountClaim}" (the account) is missing.`);
  }
  if (!payload.exp) throw unauthenticated('Invalid token: it has no expiry ("exp").');
  const scope = typeof payload.scope === 'string' ? payload.scope : '';
  return {
    accountId,
    userId: payload.sub ?? 'unknown',
    scopes: new Set(scope.split(' ').filter(Boolean)),
    method: 'jwt',
    ...(typeof payload.email === 'string' && payload.email.includes('@') && { email: payload.email }),
  };
}

/** Signs a token with the local key (the demo token, tests, the token CLI). */
export async function signLocalToken(
  key: LocalSigningKey,
  claims: { accountId: string; userId: string; scopes: readonly string[]; expiresIn?: string | number; email?: string },
): Promise<string> {
  return new SignJWT({ account_id: claims.accountId, scope: claims.scopes.join(' '), ...(claims.email && { email: claims.email }) })
    .setProtectedHeader({ alg: 'ES256', kid: key.keyId, typ: 'JWT' })
    .setIssuer(localIssuer)
    .setAudience(localAudience)
    .setSubject(claims.userId)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '30d')
    .sign(key.privateKey);
}
