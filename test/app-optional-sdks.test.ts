/**
 * Start-up loads the SDK of an optional integration only when the deployment configures it
 * (src/app.ts, create-providers.ts, create-store.ts): Slack's Bolt, the Bedrock SDK, ioredis,
 * PGlite and the OpenAI SDK cost start-up time and idle memory (docs/stack-notes.md 37), and so
 * do the OpenTelemetry packages tracing does not need (41). Each case is the real entry point
 * with a hook that lists the packages it loads; the packages a configuration needs are asserted
 * present, so a hook that saw nothing cannot pass.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnService } from './support/spawn-service.js';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const hook = ['--import', path.resolve('test/support/package-load-hook.mjs')];
const folders: string[] = [];
const schemas: string[] = [];

afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
});

/** The packages the service loaded by the time it listened. */
async function packagesLoadedAtStart(environment: Record<string, string>): Promise<Set<string>> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'incident-ai-sdks-'));
  folders.push(dataDir);
  const service = await spawnService({ DATA_DIR: dataDir, ...environment }, 60_000, hook);
  try {
    return new Set([...service.output().matchAll(/^PACKAGE (\S+)$/gm)].map((match) => match[1]!));
  } finally {
    await service.stop();
  }
}

describe('optional SDKs at start-up', () => {
  it('on PostgreSQL with an OpenAI key: pg and openai, no PGlite, Bedrock, Slack or Redis client', async () => {
    const schema = `sdks_${randomBytes(4).toString('hex')}`;
    schemas.push(schema);
    const loaded = await packagesLoadedAtStart({ DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema, OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    expect(loaded).toContain('pg');
    expect(loaded).toContain('openai');
    for (const unused of ['@electric-sql/pglite', '@aws-sdk/client-bedrock-runtime', '@slack/bolt', 'ioredis']) expect(loaded).not.toContain(unused);
    // Tracing without an exporter: the trace SDK (required by sdk-trace-base: seen through the
    // hook's require door), no OTLP exporter, and never NodeSDK or what it loads (stack-notes 42).
    expect(loaded).toContain('@opentelemetry/sdk-trace');
    for (const unused of ['@opentelemetry/exporter-trace-otlp-http', '@opentelemetry/otlp-transformer', '@opentelemetry/sdk-node', '@opentelemetry/configuration', '@opentelemetry/sdk-logs', 'import-in-the-middle']) {
      expect(loaded).not.toContain(unused);
    }
  }, 90_000);

  it('on the embedded default: PGlite, and no OpenAI SDK without a key', async () => {
    const loaded = await packagesLoadedAtStart({});
    expect(loaded).toContain('@electric-sql/pglite');
    expect(loaded).not.toContain('openai');
    expect(loaded).not.toContain('@aws-sdk/client-bedrock-runtime');
  }, 90_000);
});
