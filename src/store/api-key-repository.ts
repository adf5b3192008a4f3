/**
 * API keys of services. A row holds the key's public id, its owner and scopes, and a keyed hash
 * of its secret; the secret itself is never stored. See src/guard/auth/api-keys.ts.
 */
import type { Queryable } from './database.js';

/** An API key as listed: everything but the hash of its secret. */
export interface ApiKeyRecord {
  /** The public id, the `<keyId>` of `iak_<keyId>_<secret>`. */
  id: string;
  accountId: string;
  /** What the key is for (`ci-bot`), chosen by whoever created it. */
  name: string;
  /** Scopes the key grants (`ai:read`, `ai:write`, `ai:admin`). */
  scopes: string[];
  /** Who created it (`cli:<os user>`), when known. */
  createdBy: string | null;
  createdAt: string;
  /** Null: the key does not expire. */
  expiresAt: string | null;
  revokedAt: string | null;
  /** Last successful authentication, at most a minute stale. */
  lastUsedAt: string | null;
}

/** A key with the hash of its secret: only for the verifier. */
export interface StoredApiKey extends ApiKeyRecord {
  /** HMAC-SHA256 of the secret under the deployment's pepper, lower-case hex. */
  secretHash: string;
}

/** A key to store (its hash, never its secret). */
export interface NewApiKey {
  id: string;
  accountId: string;
  name: string;
  scopes: readonly string[];
  secretHash: string;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string | null;
}

export interface ApiKeyRepository {
  insert(key: NewApiKey): Promise<ApiKeyRecord>;
  /**
   * The key with this id, whatever its account, revoked or expired ones included: the caller
   * (the verifier) decides. Spans accounts because a key is what tells the account.
   */
  findForVerification(id: string): Promise<StoredApiKey | null>;
  /** The account's keys, newest first. */
  listByAccount(accountId: string): Promise<ApiKeyRecord[]>;
  /**
   * Revokes the key (idempotent: a revoked key keeps its first revocation time). Null when no
   * key has this id (for `accountId` when given).
   */
  revoke(id: string, at: string, accountId?: string): Promise<ApiKeyRecord | null>;
  /**
   * Records a use at `at`, unless one was recorded less than a minute before it (so replicas
   * verifying the same key write at most once a minute between them).
   */
  touch(id: string, at: string): Promise<void>;
}

interface ApiKeyRow {
  id: string;
  account_id: string;
  name: string;
  scopes: string[];
  secret_hash: string;
  created_by: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

const listedColumns = 'id, account_id, name, scopes, created_by, created_at, expires_at, revoked_at, last_used_at';

/** API keys over `database` (a pool or a transaction). */
export function createApiKeyRepository(database: Queryable): ApiKeyRepository {
  return {
    async insert(key: NewApiKey): Promise<ApiKeyRecord> {
      const [row] = await database.query<ApiKeyRow>(
        `insert into api_keys (id, account_id, name, scopes, secret_hash, created_by, created_at, expires_at)
         values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8)
         returning ${listedColumns}`,
        [key.id, key.accountId, key.name, JSON.stringify(key.scopes), key.secretHash, key.createdBy, key.createdAt, key.expiresAt],
      );
      // insert ... returning always yields its row; this only narrows the type.
      if (row === undefined) throw new Error('insert returned no row');
      return toRecord(row);
    },

    async findForVerification(id: string): Promise<StoredApiKey | null> {
      const [row] = await database.query<ApiKeyRow>(`select ${listedColumns}, secret_hash from api_keys where id = $1`, [id]);
      return row === undefined ? null : { ...toRecord(row), secretHash: row.secret_hash };
    },

    async listByAccount(accountId: string): Promise<ApiKeyRecord[]> {
      const rows = await database.query<ApiKeyRow>(
        `select ${listedColumns} from api_keys where account_id = $1 order by created_at desc, id`,
        [accountId],
      );
      return rows.map(toRecord);
    },

    async revoke(id: string, at: string, accountId?: string): Promise<ApiKeyRecord | null> {
      const [row] = await database.query<ApiKeyRow>(
        `update api_keys set revoked_at = coalesce(revoked_at, $2)
          where id = $1 and ($3::text is null or account_id = $3::text)
          returning ${listedColumns}`,
        [id, at, accountId ?? null],
      );
      return row === undefined ? null : toRecord(row);
    },

    async touch(id: string, at: string): Promise<void> {
      await database.query(
        `update api_keys set last_used_at = $2
          where id = $1 and (last_used_at is null or last_used_at <= $2::timestamptz - interval '1 minute')`,
        [id, at],
      );
    },
  };
}

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    scopes: row.scopes,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}
