/**
 * API keys for services: `iak_<keyId>_<secret>`, where keyId is 12 base32 characters (public,
 * the row's id) and secret is 32 random bytes in base64url. Only an HMAC-SHA256 of the secret,
 * keyed by a per-deployment pepper, is stored: a plain hash is enough because the secret has
 * 256 bits of entropy (nothing to brute-force, so no slow KDF); the pepper means a stolen table
 * alone cannot even be checked against a guess.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import { AppError, badInput } from '../../errors/app-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import type { ApiKeyRecord, ApiKeyRepository, StoredApiKey } from '../../store/api-key-repository.js';
import { sqlStateOf, SqlState } from '../../store/store-errors.js';
import type { ApiKeyVerifier } from './authenticator.js';
import { scopes as knownScopes, type Principal, type Scope } from './principal.js';

/** Every API key starts with this; JWTs never do. */
export const apiKeyPrefix = 'iak_';

const keyPattern = /^iak_([a-z2-7]{12})_([A-Za-z0-9_-]{43})$/;
const base32Alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
const keyIdLength = 12;
const secretBytes = 32;
// The HMAC key when the deployment sets no pepper: domain separation only.
const defaultPepper = 'incident-ai/api-key/v1';
// last_used_at is written at most once a minute per key.
const touchIntervalMs = 60_000;

/** The parts of a well-formed key. */
export interface ParsedApiKey {
  keyId: string;
  secret: string;
}

/** Splits `iak_<keyId>_<secret>`; null when the text is not shaped like one of our keys. */
export function parseApiKey(key: string): ParsedApiKey | null {
  const match = keyPattern.exec(key);
  return match ? { keyId: match[1]!, secret: match[2]! } : null;
}

/**
 * The stored form of a secret: HMAC-SHA256 keyed by the pepper over `<keyId>.<secret>` (the id
 * binds the hash to its row), lower-case hex. The secret's text is hashed, not its decoded
 * bytes, so a non-canonical base64url spelling of the same bytes does not verify.
 */
export function hashApiKeySecret(keyId: string, secret: string, pepper?: string | null): string {
  return createHmac('sha256', pepper || defaultPepper)
    .update(`${keyId}.${secret}`)
    .digest('hex');
}

/** A fresh key: its id, its secret and the full text to hand to the client once. */
export function generateApiKey(): ParsedApiKey & { key: string } {
  // 256 is a multiple of 32, so `byte % 32` is uniform.
  const keyId = [...randomBytes(keyIdLength)].map((byte) => base32Alphabet[byte % 32]).join('');
  const secret = randomBytes(secretBytes).toString('base64url');
  return { keyId, secret, key: `${apiKeyPrefix}${keyId}_${secret}` };
}

/** Options of {@link issueApiKey}. */
export interface IssueApiKeyOptions {
  accountId: string;
  name: string;
  scopes: readonly string[];
  /** Null: the key does not expire. */
  expiresAt: Date | null;
  /** Who asked for it (`cli:<os user>`). */
  createdBy: string | null;
  /** The deployment's pepper (API_KEY_PEPPER); must be the verifier's. Default: the built-in one. */
  pepper?: string | null;
  now?: () => Date;
}

/**
 * Creates and stores a key. The returned `key` is the only copy of the secret: show it once.
 * Throws BAD_USER_INPUT for an empty account or name, unknown scopes, or a past expiry.
 */
export async function issueApiKey(
  repository: Pick<ApiKeyRepository, 'insert'>,
  options: IssueApiKeyOptions,
): Promise<{ key: string; record: ApiKeyRecord }> {
  const now = (options.now ?? (() => new Date()))();
  const accountId = options.accountId.trim();
  const name = options.name.trim();
  if (!accountId) throw badInput('An API key needs an account.', 'account');
  if (!name || name.length > 200) throw badInput('An API key needs a name of 1 to 200 characters.', 'name');
  const scopes = [...new Set(options.scopes)];
  const unknown = scopes.filter((scope) => !(knownScopes as readonly string[]).includes(scope));
  if (scopes.length === 0 || unknown.length > 0) {
    throw badInput(`Scopes must be one or more of ${knownScopes.join(', ')}${unknown.length > 0 ? ` (unknown: ${unknown.join(', ')})` : ''}.`, 'scopes');
  }
  if (options.expiresAt && options.expiresAt.getTime() <= now.getTime()) throw badInput('The expiry must be in the future.', 'expiresAt');

  // 60 random bits per id: a collision is all but impossible, but costs nothing to survive.
  for (let attempt = 1; ; attempt += 1) {
    const generated = generateApiKey();
    try {
      const record = await repository.insert({
        id: generated.keyId,
        accountId,
        name,
        scopes,
        secretHash: hashApiKeySecret(generated.keyId, generated.secret, options.pepper),
        createdBy: options.createdBy,
        createdAt: now.toISOString(),
        expiresAt: options.expiresAt?.toISOString() ?? null,
      });
      return { key: generated.key, record };
    } catch (error) {
      if (attempt >= 3 || sqlStateOf(error) !== SqlState.UNIQUE_VIOLATION) throw error;
    }
  }
}

/** Options of {@link createApiKeyVerifier}. */
export interface ApiKeyVerifierOptions {
  repository: Pick<ApiKeyRepository, 'findForVerification' | 'touch'>;
  /**
   * The deployment's pepper (API_KEY_PEPPER); must be the one keys were issued with. Default:
   * the built-in one, which the configuration allows outside production only.
   */
  pepper?: string | null;
  now?: () => Date;
  /** Logs a failed `last_used_at` write (it never fails the request). */
  logger?: Pick<Logger, 'warn'> | null;
}

/** The principal user id of an API key. */
export const apiKeyUserId = (keyId: string): string => `apikey:${keyId}`;

// The same answer for unknown, revoked, expired, tampered and malformed keys: telling them
// apart would help whoever holds a leaked or guessed key.
const invalidKey = (): AppError => new AppError(ErrorCode.UNAUTHENTICATED, 'Invalid API key.');

/**
 * Verifies API keys against the store. The comparison is constant-time, and an unknown id
 * still costs a hash and a comparison, so the answer's timing does not depend on the secret.
 */
export function createApiKeyVerifier(options: ApiKeyVerifierOptions): ApiKeyVerifier {
  const now = options.now ?? (() => new Date());
  const placeholderHash = Buffer.alloc(32);

  return {
    matches: (credential) => credential.startsWith(apiKeyPrefix),

    async verify(key): Promise<Principal> {
      const parsed = parseApiKey(key);
      let stored: StoredApiKey | null;
      try {
        stored = parsed ? await options.repository.findForVerification(parsed.keyId) : null;
      } catch (error) {
        throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The API key could not be checked right now; retry shortly.', { cause: error, retryable: true });
      }
      const expected = stored ? Buffer.from(stored.secretHash, 'hex') : placeholderHash;
      const actual = Buffer.from(hashApiKeySecret(parsed?.keyId ?? '', parsed?.secret ?? '', options.pepper), 'hex');
      const secretMatches = expected.length === actual.length && timingSafeEqual(expected, actual);
      if (!parsed || !stored || !secretMatches) throw invalidKey();

      const at = now();
      if (stored.revokedAt !== null) throw invalidKey();
      if (stored.expiresAt !== null && Date.parse(stored.expiresAt) <= at.getTime()) throw invalidKey();

      if (stored.lastUsedAt === null || at.getTime() - Date.parse(stored.lastUsedAt) >= touchIntervalMs) {
        // Off the request path: a failed bookkeeping write must not refuse a valid key.
        options.repository.touch(stored.id, at.toISOString()).catch((error: unknown) => {
          options.logger?.warn({ err: error, keyId: stored.id }, 'could not record the API key use');
        });
      }
      return {
        accountId: stored.accountId,
        userId: apiKeyUserId(stored.id),
        scopes: new Set(stored.scopes.filter((scope): scope is Scope => (knownScopes as readonly string[]).includes(scope))),
        method: 'api_key',
      };
    },
  };
}
