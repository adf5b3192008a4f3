/**
 * The `apikey` CLI through a running service: its admin GraphQL API (`apiKeys`, `createApiKey`,
 * `revokeApiKey`) instead of the database, which the service holds when it is the embedded one.
 */
import path from 'node:path';
import type { AppConfig } from '../../config/index.js';
import { readServiceFile } from '../../store/service-file.js';
import type { ApiKeyRecord } from '../../store/api-key-repository.js';
import { liveLockHolder } from '../../store/data-dir-lock.js';
import { signLocalToken } from './authenticator.js';
import { loadOrCreateLocalSigningKey } from './local-signing-key.js';

export interface RemoteService {
  /** GraphQL endpoint. */
  url: string;
  /** How it was found, for the note the CLI prints. */
  why: string;
}

/**
 * The service to go through: `--url` when given; else, with the embedded database, the service
 * whose pid holds its lock (from `DATA_DIR/service.json`); else null (go to the database).
 */
export async function findRemoteService(config: AppConfig, url: string | undefined): Promise<RemoteService | null> {
  if (url) return { url: graphqlUrl(url), why: `--url ${url}` };
  if (config.databaseUrl) return null;
  const holder = await liveLockHolder(path.join(config.dataDir, 'pglite'));
  if (holder === null) return null;
  const running = await readServiceFile(config.dataDir);
  // Held by a process that is not a reachable service (another CLI): the direct path refuses it.
  if (running?.pid !== holder) return null;
  return { url: graphqlUrl(running.url), why: `the service (pid ${holder}) holds the embedded database in ${config.dataDir}` };
}

function graphqlUrl(base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return trimmed.endsWith('/graphql') ? trimmed : `${trimmed}/graphql`;
}

/**
 * The bearer token: `--token` when given; else a short-lived ai:admin token for `accountId`
 * signed with the local key in DATA_DIR (whoever may read DATA_DIR may already open the
 * database directly: no new power).
 */
export async function adminToken(config: AppConfig, accountId: string, userId: string, token: string | undefined): Promise<string> {
  if (token) return token;
  if (!config.auth.localKeys) {
    throw new Error('this deployment does not accept locally signed tokens: pass --token of an ai:admin principal of the account');
  }
  const key = await loadOrCreateLocalSigningKey(config.dataDir);
  return signLocalToken(key, { accountId, userId, scopes: ['ai:admin'], expiresIn: Math.floor(Date.now() / 1000) + 300 });
}

const keyFields = 'id name scopes createdBy createdAt expiresAt revokedAt lastUsedAt';

/** Calls the admin API; throws the first GraphQL error's message with its code (`CODE: message`). */
export async function call<Data>(service: RemoteService, token: string, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  let response: Response;
  try {
    response = await fetch(service.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new Error(`cannot reach the service at ${service.url} (${service.why}): ${(error as Error).message}`);
  }
  const body = (await response.json().catch(() => null)) as { data?: Data; errors?: { message: string; extensions?: { code?: string } }[] } | null;
  const first = body?.errors?.[0];
  if (first) throw new Error(`${first.extensions?.code ?? 'ERROR'}: ${first.message}`);
  if (!body?.data) throw new Error(`the service at ${service.url} answered ${response.status} without data`);
  return body.data;
}

/** An ApiKey of the API as the CLI prints it (the API gives no account: it is the token's). */
const withAccount = (accountId: string) => (key: Omit<ApiKeyRecord, 'accountId'>): ApiKeyRecord => ({ ...key, accountId });

export async function remoteList(service: RemoteService, token: string, accountId: string): Promise<ApiKeyRecord[]> {
  const data = await call<{ apiKeys: Omit<ApiKeyRecord, 'accountId'>[] }>(service, token, `{ apiKeys { ${keyFields} } }`);
  return data.apiKeys.map(withAccount(accountId));
}

export async function remoteCreate(
  service: RemoteService,
  token: string,
  accountId: string,
  input: { name: string; scopes: string[]; expiresAt: string | null },
): Promise<{ key: string; record: ApiKeyRecord }> {
  const data = await call<{ createApiKey: { key: string; apiKey: Omit<ApiKeyRecord, 'accountId'> } }>(
    service,
    token,
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { ${keyFields} } } }`,
    { input },
  );
  return { key: data.createApiKey.key, record: withAccount(accountId)(data.createApiKey.apiKey) };
}

/** Null when the account has no such key. */
export async function remoteRevoke(service: RemoteService, token: string, accountId: string, id: string): Promise<ApiKeyRecord | null> {
  try {
    const data = await call<{ revokeApiKey: Omit<ApiKeyRecord, 'accountId'> }>(service, token, `mutation($id: ID!) { revokeApiKey(id: $id) { ${keyFields} } }`, { id });
    return withAccount(accountId)(data.revokeApiKey);
  } catch (error) {
    if ((error as Error).message.startsWith('NOT_FOUND:')) return null;
    throw error;
  }
}
