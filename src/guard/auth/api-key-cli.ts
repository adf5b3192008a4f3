/**
 * API keys from the command line, against the service's own database and environment
 * (DATABASE_URL and DATABASE_SCHEMA, or PGlite in DATA_DIR; API_KEY_PEPPER, which must be the
 * service's for the keys to verify there):
 *   npm run apikey -- create --account acme --name ci-bot --scopes ai:read,ai:write [--expires-in 90d] [--json]
 *   npm run apikey -- list --account acme [--json]
 *   npm run apikey -- revoke <keyId> [--account acme]
 *   npm run apikey -- token --account demo --scopes ai:read [--user alice] [--expires-in 24h]
 * `create` prints the key once: only its hash is stored. `token` prints a JWT signed by the
 * local key in DATA_DIR (embedded mode). Creations and revocations are audited.
 * While a service holds the embedded database (`npm start`), `create`, `list` and `revoke` go
 * through its admin API instead (found from DATA_DIR, or `--url`; authorised with an ai:admin
 * token for `--account`, signed with the local key, or `--token`). With DATABASE_URL they go
 * to the database, unless `--url` is given.
 * Exit codes: 0 done, 1 failed (unknown key, database; the embedded database in use by a running
 * service), 2 wrong arguments or environment.
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError, type AppConfig } from '../../config/index.js';
import { isAppError } from '../../errors/app-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { createApiKeyRepository, type ApiKeyRecord } from '../../store/api-key-repository.js';
import { createAuditEventRepository } from '../../store/audit-repository.js';
import { openDatabase } from '../../store/create-store.js';
import type { Database } from '../../store/database.js';
import { migrate } from '../../store/migrate.js';
import { DatabaseInUseError } from '../../store/store-errors.js';
import { toAuditRecord } from '../audit-log.js';
import { issueApiKey } from './api-keys.js';
import { adminToken, findRemoteService, remoteCreate, remoteList, remoteRevoke, type RemoteService } from './api-key-remote.js';
import { signLocalToken } from './authenticator.js';
import { loadOrCreateLocalSigningKey } from './local-signing-key.js';
import { scopes as knownScopes } from './principal.js';

const usage = [
  'usage: apikey create --account <account> --name <name> --scopes <scope,...> [--expires-in <n>(s|m|h|d|w)] [--json]',
  '       apikey list --account <account> [--json]',
  '       apikey revoke <keyId> [--account <account>]',
  '       (create, list, revoke: [--url <service url> [--token <ai:admin token>]] to go through a running service;',
  '        found by itself when it holds the embedded database in DATA_DIR)',
  '       apikey token --account <account> --scopes <scope,...> [--user <id>] [--expires-in <n>(s|m|h|d|w)]',
  `scopes: ${knownScopes.join(', ')}`,
].join('\n');

/** Wrong arguments or environment: exit 2 with the usage. */
class UsageError extends Error {
  override name = 'UsageError';
}

const units: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

function durationMs(text: string): number {
  const match = /^(\d{1,6})([smhdw])$/.exec(text);
  if (!match || Number(match[1]) === 0) throw new UsageError(`--expires-in must be a positive number followed by s, m, h, d or w (got "${text}")`);
  return Number(match[1]) * units[match[2]!]!;
}

function scopeList(text: string | undefined): string[] {
  if (!text) throw new UsageError('--scopes is required');
  const list = text.split(/[,\s]+/).filter(Boolean);
  const unknown = list.filter((scope) => !(knownScopes as readonly string[]).includes(scope));
  if (list.length === 0 || unknown.length > 0) throw new UsageError(`unknown scope(s): ${unknown.join(', ') || '(none given)'}`);
  return list;
}

function required(value: string | undefined, flag: string): string {
  if (!value?.trim()) throw new UsageError(`--${flag} is required`);
  return value.trim();
}

function operator(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    // Containers may run as a uid without a passwd entry.
    return 'cli:unknown';
  }
}

function describeKey(key: ApiKeyRecord): string {
  return [key.id, key.name, key.scopes.join(' '), key.createdAt, key.expiresAt ?? 'never', key.revokedAt ?? '-', key.lastUsedAt ?? '-'].join('\t');
}

async function withDatabase<T>(config: AppConfig, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    ...(config.databaseSchema && { schema: config.databaseSchema }),
    maxConnections: 2,
  });
  try {
    if (database.driver === 'pglite') {
      // The folder is locked while this runs (a running service makes the open fail instead).
      console.error(`note: embedded database in ${config.dataDir} (locked until this command ends).`);
    }
    await migrate(database);
    return await work(database);
  } finally {
    await database.close();
  }
}

const cliOptions = {
  account: { type: 'string' },
  name: { type: 'string' },
  scopes: { type: 'string' },
  'expires-in': { type: 'string' },
  user: { type: 'string' },
  json: { type: 'boolean', default: false },
  url: { type: 'string' },
  token: { type: 'string' },
} as const;

/** What every command works with: the parsed flags, the configuration, and the service to go through if any. */
interface CommandContext {
  values: ReturnType<typeof parseArgs<{ options: typeof cliOptions; allowPositionals: true; strict: true }>>['values'];
  /** The positionals after the command. */
  rest: string[];
  config: AppConfig;
  now: Date;
  remote: RemoteService | null;
  remoteToken: (accountId: string) => Promise<string>;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: cliOptions });
  const [command, ...rest] = positionals;
  const config = loadConfig();
  // create, list and revoke go through a running service when one holds the embedded database.
  const remote = command === 'create' || command === 'list' || command === 'revoke' ? await findRemoteService(config, values.url) : null;
  if (remote) console.error(`note: through the service's admin API at ${remote.url} (${remote.why}).`);
  const remoteToken = async (accountId: string): Promise<string> => adminToken(config, accountId, operator(), values.token);
  const context: CommandContext = { values, rest, config, now: new Date(), remote, remoteToken };

  switch (command) {
    case 'create':
      return createKey(context);
    case 'list':
      return listKeys(context);
    case 'revoke':
      return revokeKey(context);
    case 'token':
      return printToken(context);
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'a command is required');
  }
}

async function createKey({ values, config, now, remote, remoteToken }: CommandContext): Promise<number> {
  const accountId = required(values.account, 'account');
  const name = required(values.name, 'name');
  const scopes = scopeList(values.scopes);
  const expiresAt = values['expires-in'] ? new Date(now.getTime() + durationMs(values['expires-in'])) : null;
  const createdBy = operator();
  const { key, record } = remote
    ? await remoteCreate(remote, await remoteToken(accountId), accountId, { name, scopes, expiresAt: expiresAt?.toISOString() ?? null })
    : await withDatabase(config, (database) =>
    // The key and its audit event are stored together or not at all.
    database.transaction(async (transaction) => {
      const issued = await issueApiKey(createApiKeyRepository(transaction), {
        accountId,
        name,
        scopes,
        expiresAt,
        createdBy,
        // The service's own pepper (API_KEY_PEPPER), or the key would never verify there.
        pepper: config.auth.apiKeyPepper,
        now: () => now,
      });
      await createAuditEventRepository(transaction).insertMany([
        toAuditRecord({ accountId, userId: createdBy, authMethod: 'cli', action: 'apikey.create', outcome: 'success', target: issued.record.id, at: now.toISOString() }),
      ]);
      return issued;
    }),
  );
  if (values.json) {
    console.log(JSON.stringify({ ...record, key }));
  } else {
    console.log(`id:       ${record.id}\naccount:  ${record.accountId}\nname:     ${record.name}\nscopes:   ${record.scopes.join(' ')}\nexpires:  ${record.expiresAt ?? 'never'}\nkey:      ${key}`);
  }
  console.error('Store the key now: it is shown only this once and cannot be recovered (only its hash is kept).');
  return 0;
}

async function listKeys({ values, config, remote, remoteToken }: CommandContext): Promise<number> {
  const accountId = required(values.account, 'account');
  const keys = remote
    ? await remoteList(remote, await remoteToken(accountId), accountId)
    : await withDatabase(config, (database) => createApiKeyRepository(database).listByAccount(accountId));
  if (values.json) {
    console.log(JSON.stringify(keys));
  } else {
    console.log(['id', 'name', 'scopes', 'created', 'expires', 'revoked', 'last used'].join('\t'));
    for (const key of keys) console.log(describeKey(key));
  }
  return 0;
}

async function revokeKey({ values, rest, config, now, remote, remoteToken }: CommandContext): Promise<number> {
  const keyId = rest[0];
  if (!keyId || rest.length > 1) throw new UsageError('revoke needs exactly one key id');
  let at = now.toISOString();
  const revokedBy = operator();
  if (remote && !values.account) throw new UsageError('revoke through a running service needs --account (the account of the key)');
  const revoked = remote
    ? await (async () => {
        const token = await remoteToken(values.account!);
        // Whether this call revokes it: the service keeps a key's first revocation time.
        const before = (await remoteList(remote, token, values.account!)).find((key) => key.id === keyId);
        if (!before || before.revokedAt) return before ?? null;
        const record = await remoteRevoke(remote, token, values.account!, keyId);
        if (record?.revokedAt) at = record.revokedAt;
        return record;
      })()
    : await withDatabase(config, (database) =>
    database.transaction(async (transaction) => {
      const record = await createApiKeyRepository(transaction).revoke(keyId, at, values.account);
      if (record && record.revokedAt === at) {
        await createAuditEventRepository(transaction).insertMany([
          toAuditRecord({ accountId: record.accountId, userId: revokedBy, authMethod: 'cli', action: 'apikey.revoke', outcome: 'success', target: keyId, at }),
        ]);
      }
      return record;
    }),
  );
  if (!revoked) {
    console.error(`apikey: no API key "${keyId}"${values.account ? ` in account ${values.account}` : ''}.`);
    return 1;
  }
  console.log(
    revoked.revokedAt === at
      ? `Revoked API key ${revoked.id} (${revoked.name}, account ${revoked.accountId}); running services refuse it within 5 seconds.`
      : `API key ${revoked.id} was already revoked at ${revoked.revokedAt}.`,
  );
  return 0;
}

async function printToken({ values, config, now }: CommandContext): Promise<number> {
  const accountId = required(values.account, 'account');
  const scopes = scopeList(values.scopes);
  if (!config.auth.localKeys) {
    throw new UsageError('this deployment does not accept locally signed tokens (AUTH_JWKS_URL is set, or NODE_ENV=production without AUTH_LOCAL_KEYS=true)');
  }
  const key = await loadOrCreateLocalSigningKey(config.dataDir);
  const expiresIn = Math.floor((now.getTime() + durationMs(values['expires-in'] ?? '24h')) / 1000);
  console.log(await signLocalToken(key, { accountId, userId: values.user?.trim() || operator(), scopes, expiresIn }));
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const isUsage =
    error instanceof UsageError ||
    error instanceof ConfigError ||
    (isAppError(error) && error.code === ErrorCode.BAD_USER_INPUT) ||
    // node:util parseArgs refusing an option or its value
    String((error as NodeJS.ErrnoException | null)?.code).startsWith('ERR_PARSE_ARGS_');
  const hint = error instanceof DatabaseInUseError ? '\nTo go through a running service instead: --url <its URL> --token <an ai:admin token>.' : '';
  console.error(`apikey: ${error instanceof Error ? error.message : String(error)}${isUsage ? `\n${usage}` : hint}`);
  process.exitCode = isUsage ? 2 : 1;
}
