/**
 * The store's composition: pick the driver from configuration, migrate, build the repositories.
 */
import path from 'node:path';
import { createApiKeyRepository } from './api-key-repository.js';
import { createAuditEventRepository } from './audit-repository.js';
import { createConversationRepository } from './conversation-repository.js';
import type { Database } from './database.js';
import { createDraftChunkRepository } from './draft-chunk-repository.js';
import { createDraftRepository } from './draft-repository.js';
import { builtInFeatureKinds, createDraftKinds, withRegisteredKinds, type DraftKinds } from './draft-kinds.js';
import { createEvaluationRepository } from './eval-repository.js';
import { createFeedbackRepository } from './feedback-repository.js';
import { createPublicationRepository } from './publication-repository.js';
import { createLlmCallRepository } from './llm-call-repository.js';
import { migrate } from './migrate.js';
import { createPostgresDatabase } from './postgres-database.js';
import type { Store } from './store.js';
import { createUsageReportRepository } from './usage-report-repository.js';

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** PostgreSQL URL. When set (non-empty), the `pg` driver is used; otherwise PGlite. */
  databaseUrl?: string | null;
  /** Service data folder; PGlite lives in `<dataDir>/pglite`. Unused with `databaseUrl`. */
  dataDir: string;
  /** PostgreSQL only: schema to work in, created if missing (see `createPostgresDatabase`). */
  schema?: string;
  /** PostgreSQL only: pool size. Default 10. */
  maxConnections?: number;
  /** PostgreSQL only: named prepared statements (default true; see `createPostgresDatabase`). */
  preparedStatements?: boolean;
  /** PostgreSQL only: called when an idle pooled connection fails (for logging). */
  onIdleError?: (error: Error) => void;
}

/** Options of {@link createStore}. */
export interface StoreOptions extends OpenDatabaseOptions {
  /** Clock for timestamps the store sets itself (draft `updatedAt`). Default: the system clock. */
  now?: () => Date;
  /** The registered features' draft kinds (see draft-kinds.ts); default the built-in features'. */
  draftKinds?: DraftKinds;
  /** Folder of the migration files. Default: `src/store/migrations` next to `migrate.ts`. */
  migrationsDirectory?: string;
}

/** Options of {@link createStoreFromDatabase}. */
export interface StoreFromDatabaseOptions {
  /** Clock for timestamps the store sets itself. Default: the system clock. */
  now?: () => Date;
  /** The registered features' draft kinds; default the built-in features'. */
  draftKinds?: DraftKinds;
}

/**
 * Opens the configured database without migrating it: PostgreSQL when `databaseUrl` is set,
 * else PGlite in `<dataDir>/pglite`. For tools (migration CLI, seeders) and {@link createStore}.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    return createPostgresDatabase({
      connectionString: options.databaseUrl,
      ...(options.schema === undefined ? {} : { schema: options.schema }),
      ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
      ...(options.preparedStatements === undefined ? {} : { preparedStatements: options.preparedStatements }),
      ...(options.onIdleError === undefined ? {} : { onIdleError: options.onIdleError }),
    });
  }
  // Loaded only for the embedded database: a deployment on PostgreSQL never needs PGlite.
  const { createPgliteDatabase } = await import('./pglite-database.js');
  return createPgliteDatabase({ dataDir: path.join(options.dataDir, 'pglite') });
}

/** Opens the database, applies pending migrations and returns the repositories over it. */
export async function createStore(options: StoreOptions): Promise<Store> {
  const database = await openDatabase(options);
  try {
    await migrate(database, options.migrationsDirectory === undefined ? {} : { directory: options.migrationsDirectory });
  } catch (error) {
    await database.close();
    throw error;
  }
  return createStoreFromDatabase(database, {
    ...(options.now !== undefined && { now: options.now }),
    ...(options.draftKinds !== undefined && { draftKinds: options.draftKinds }),
  });
}

/**
 * The repositories over an open, migrated database. The store owns `database` from here on:
 * `close()` closes it.
 */
export function createStoreFromDatabase(database: Database, options: StoreFromDatabaseOptions = {}): Store {
  const draftKinds = options.draftKinds ?? createDraftKinds(builtInFeatureKinds);
  return {
    driver: database.driver,
    draftKinds,
    drafts: withRegisteredKinds(createDraftRepository(database, options.now === undefined ? {} : { now: options.now }), draftKinds),
    chunks: createDraftChunkRepository(database),
    llmCalls: createLlmCallRepository(database),
    feedback: createFeedbackRepository(database),
    publications: createPublicationRepository(database),
    conversations: createConversationRepository(database),
    evaluations: createEvaluationRepository(database),
    apiKeys: createApiKeyRepository(database),
    auditEvents: createAuditEventRepository(database),
    usageReports: createUsageReportRepository(database),
    async ping(): Promise<void> {
      await database.query('select 1');
    },
    close(): Promise<void> {
      return database.close();
    },
  };
}
