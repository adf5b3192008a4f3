/**
 * The parts a feature-service harness builds on, wired like src/app.ts: a fake OpenAI server,
 * the config pointing at it, and a PostgreSQL store in a schema of its own. `close()` drops
 * the schema and the data folder. Harnesses add the manager, generator and service they test.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { loadConfig, type AppConfig } from '../../src/config/index.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { createLogger } from '../../src/telemetry/logger.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai-server.js';
import { testDatabaseUrl } from './test-app.js';

export interface ServiceParts {
  fake: FakeOpenAi;
  config: AppConfig;
  store: Store;
  logger: Logger;
  /** Closes the store and the fake, drops the schema, removes the data folder. */
  close(): Promise<void>;
}

/** `name` prefixes the schema and the data folder (e.g. `digest`). */
export async function startServiceParts(name: string): Promise<ServiceParts> {
  const fake = await startFakeOpenAi();
  const schema = `${name}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const dataDir = await mkdtemp(path.join(tmpdir(), `incident-ai-${name}-`));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl,
    DATABASE_SCHEMA: schema,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    OPENAI_API_KEY: 'test-key',
    OPENAI_BASE_URL: fake.url,
  });
  const store = await createStore({ dataDir, databaseUrl: testDatabaseUrl, schema });
  return {
    fake,
    config,
    store,
    logger: createLogger('silent'),
    async close() {
      await store.close();
      await fake.close();
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
