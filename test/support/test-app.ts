/**
 * Starts the whole service in-process for integration tests: PostgreSQL (DATABASE_URL) in a
 * schema of its own, a temporary DATA_DIR, port 0. The suite fails when PostgreSQL is not
 * reachable; it never skips.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { pino } from 'pino';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import type { FeatureModule } from '../../src/features/common/feature-module.js';
import { signLocalToken } from '../../src/guard/auth/authenticator.js';
import { loadOrCreateLocalSigningKey } from '../../src/guard/auth/local-signing-key.js';
import { createLogger } from '../../src/telemetry/logger.js';

export const testDatabaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface GraphQLResponse<Data = Record<string, unknown>> {
  status: number;
  data?: Data | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }[];
}

export interface TestApp {
  app: App;
  url: string;
  graphqlUrl: string;
  wsUrl: string;
  dataDir: string;
  schema: string;
  /** Demo account, every scope. */
  token: string;
  tokenFor(accountId: string, scopes: string[]): Promise<string>;
  graphql<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string | null },
  ): Promise<GraphQLResponse<Data>>;
  /** Stops the service (graceful: records flushed) but keeps the database for assertions. */
  stopService(): Promise<void>;
  /** Rows of our tables, for assertions on what was stored. */
  sql<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** Options of {@link startTestApp} beyond the environment. */
export interface TestAppOptions {
  /** Where the service's pino logs go (default stdout); a test reads them to check what was logged. */
  logDestination?: pino.DestinationStream;
  /** The features the service offers (default the registered ones), e.g. with a toy one. */
  features?: readonly FeatureModule[];
}

export async function startTestApp(environment: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const schema = `test_app_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'incident-ai-app-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl,
    DATABASE_SCHEMA: schema,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...environment,
  });
  const app = await createApp(config, createLogger(config.logLevel, options.logDestination), options.features ? { features: options.features } : {});
  const server = await app.start();
  const key = await loadOrCreateLocalSigningKey(dataDir);
  const token = (await app.demoToken()) ?? '';
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  await client.query(`SET search_path TO ${schema}`);
  const url = `http://127.0.0.1:${server.port}`;
  let stopped: Promise<void> | null = null;
  const stopService = (): Promise<void> => (stopped ??= app.stop());

  return {
    app,
    url,
    graphqlUrl: `${url}/graphql`,
    wsUrl: `ws://127.0.0.1:${server.port}/graphql`,
    dataDir,
    schema,
    token,
    tokenFor: (accountId, scopes) => signLocalToken(key, { accountId, userId: `user-of-${accountId}`, scopes }),
    async graphql(query, variables, options = {}) {
      const bearer = options.token === undefined ? token : options.token;
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(bearer && { authorization: `Bearer ${bearer}` }) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: response.status, ...body } as GraphQLResponse<never>;
    },
    async sql(text, params = []) {
      return (await client.query(text, params)).rows;
    },
    stopService,
    async close() {
      await stopService();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
