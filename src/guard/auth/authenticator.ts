import { jwtVerify, SignJWT, errors as joseErrors, type JWTPayload } from 'jose';
import { AppError } from '../../errors/app-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import type { LocalSigningKey } from './local-signing-key.js';
import type { Principal } from './principal.js';

/** Issuer and audience of tokens signed by the local key. */
export const localIssuer = 'incident-ai-local';
export const localAudience = 'incident-ai';

export interface AuthenticatorOptions {
  key: LocalSigningKey;
  /** Claim holding the account id. */
  accountClaim?: string;
  /** Verified tokens kept to skip re-verification (bounded). */
  cacheSize?: number;
  now?: () => number;
}

export interface Authenticator {
  /** Verifies an `Authorization` header value; throws UNAUTHENTICATED. */
  authenticate(authorization: string | undefined | null): Promise<Principal>;
}

const unauthenticated = (message: string, cause?: unknown): AppError =>
  new AppError(ErrorCode.UNAUTHENTICATED, message, cause === undefined ? {} : { cause });

/**
 * Bearer JWT authentication against the local signing key. Verified tokens are cached until
 * their expiry: verifying an ES256 signature costs more CPU than the rest of a request.
 */
export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const accountClaim = options.accountClaim ?? 'account_id';
  const cacheSize = options.cacheSize ?? 10_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { principal: Principal; expiresAt: number }>();

  return {
    async authenticate(authorization) {
      if (!authorization) throw unauthenticated('Missing Authorization header: send "Authorization: Bearer <token>".');
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!match) throw unauthenticated('Authorization header must be "Bearer <token>".');
      const token = match[1]!;

      const cached = cache.get(token);
      if (cached && cached.expiresAt > now()) return cached.principal;
      if (cached) cache.delete(token);

      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, options.key.publicKey, {
          issuer: localIssuer,
          audience: localAudience,
          algorithms: ['ES256'],
          currentDate: new Date(now()),
        }));
      } catch (error) {
        const reason =
          error instanceof joseErrors.JWTExpired
            ? 'the token has expired'
            : error instanceof joseErrors.JWTClaimValidationFailed
              ? `claim "${error.claim}" is not valid`
              : 'the token could not be verified';
        throw unauthenticated(`Invalid token: ${reason}.`, error);
      }
      const principal = principalFrom(payload, accountClaim);
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
      cache.set(token, { principal, expiresAt: (payload.exp ?? 0) * 1000 });
      return principal;
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
  };
}

/** Signs a token with the local key (the demo token, tests, the token CLI). */
export async function signLocalToken(
  key: LocalSigningKey,
  claims: { accountId: string; userId: string; scopes: readonly string[]; expiresIn?: string | number },
): Promise<string> {
  return new SignJWT({ account_id: claims.accountId, scope: claims.scopes.join(' ') })
    .setProtectedHeader({ alg: 'ES256', kid: key.keyId, typ: 'JWT' })
    .setIssuer(localIssuer)
    .setAudience(localAudience)
    .setSubject(claims.userId)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '30d')
    .sign(key.privateKey);
}
