/**
 * API key administration for a principal with `ai:admin`, in its own account: what
 * `npm run apikey` does against the database, offered by the running service (the embedded
 * database is locked by it, so the CLI goes through here while it runs). Every creation and
 * revocation is audited.
 */
import { notFound } from '../../errors/app-error.js';
import type { ApiKeyRecord } from '../../store/api-key-repository.js';
import type { Store } from '../../store/store.js';
import { actorOf, toAuditRecord } from '../audit-log.js';
import { issueApiKey } from './api-keys.js';
import type { Principal } from './principal.js';

export interface ApiKeyAdmin {
  list(principal: Principal): Promise<ApiKeyRecord[]>;
  /** The new key and its record; `key` is the only copy of the secret. */
  create(principal: Principal, input: { name: string; scopes: readonly string[]; expiresAt: string | null }): Promise<{ key: string; apiKey: ApiKeyRecord }>;
  /** Idempotent; NOT_FOUND for a key of another account, as for an unknown id. */
  revoke(principal: Principal, id: string): Promise<ApiKeyRecord>;
}

export function createApiKeyAdmin(options: { store: Pick<Store, 'apiKeys' | 'auditEvents'>; pepper: string | null; now?: () => Date }): ApiKeyAdmin {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const audit = (principal: Principal, action: 'apikey.create' | 'apikey.revoke', target: string, at: string) =>
    store.auditEvents.insertMany([toAuditRecord({ ...actorOf(principal), action, outcome: 'success', target, at })]);

  return {
    list: (principal) => store.apiKeys.listByAccount(principal.accountId),

    async create(principal, input) {
      const at = now();
      const { key, record } = await issueApiKey(store.apiKeys, {
        accountId: principal.accountId,
        name: input.name,
        scopes: [...input.scopes],
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        createdBy: principal.userId,
        pepper: options.pepper,
        now: () => at,
      });
      await audit(principal, 'apikey.create', record.id, at.toISOString());
      return { key, apiKey: record };
    },

    async revoke(principal, id) {
      const at = now().toISOString();
      const record = await store.apiKeys.revoke(id, at, principal.accountId);
      if (!record) throw notFound('ApiKey', id);
      if (record.revokedAt === at) await audit(principal, 'apikey.revoke', id, at);
      return record;
    },
  };
}
