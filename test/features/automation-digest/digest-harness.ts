/**
 * The automation digest service wired like src/app.ts (LLM Manager, OpenAI provider, draft
 * generator, stream hub, PostgreSQL store in a schema of its own), but over an incident
 * source that also serves synthetic executions, and with the OpenAI provider pointed at the
 * fake OpenAI server. startTestApp cannot serve data other than the embedded samples.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../../src/config/index.js';
import { createDraftGenerator } from '../../../src/features/common/draft-generator.js';
import { createAutomationDigestService, type AutomationDigestService } from '../../../src/features/automation-digest/service.js';
import { scopes, type Principal } from '../../../src/guard/auth/principal.js';
import { createSampleIncidentSource, defaultSampleData } from '../../../src/incidents/sample-source.js';
import type { JobExecution, RunbookJob } from '../../../src/incidents/types.js';
import { createLlmManager } from '../../../src/llm/manager.js';
import { createProviders } from '../../../src/llm/providers/create-providers.js';
import { createStore } from '../../../src/store/create-store.js';
import type { Store } from '../../../src/store/types.js';
import { createDraftStreamHub } from '../../../src/streams/draft-stream-hub.js';
import { createLogger } from '../../../src/telemetry/logger.js';
import { startFakeOpenAi, type FakeOpenAi } from '../../fakes/openai-server.js';
import { testDatabaseUrl } from '../../support/test-app.js';

export interface DigestHarness {
  fake: FakeOpenAi;
  service: AutomationDigestService;
  store: Store;
  /** Account `demo`, every scope. */
  principal: Principal;
  /** The chat messages of the `index`-th request the fake received. */
  messagesOf(index: number): { role: string; content: string }[];
  close(): Promise<void>;
}

export async function startDigestHarness(extra: { jobs?: RunbookJob[]; executions?: JobExecution[] } = {}): Promise<DigestHarness> {
  const fake = await startFakeOpenAi();
  const schema = `digest_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'incident-ai-digest-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl,
    DATABASE_SCHEMA: schema,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    OPENAI_API_KEY: 'test-key',
    OPENAI_BASE_URL: fake.url,
  });
  const logger = createLogger('silent');
  const store = await createStore({ dataDir, databaseUrl: testDatabaseUrl, schema });
  const manager = createLlmManager({ providers: createProviders(config), routing: config.routing, usage: { record: () => undefined }, logger });
  const hub = createDraftStreamHub({ store, logger });
  const generator = createDraftGenerator({ store, manager, hub, logger });
  const incidents = createSampleIncidentSource({
    incidents: defaultSampleData.incidents,
    jobs: [...defaultSampleData.jobs, ...(extra.jobs ?? [])],
    executions: [...defaultSampleData.executions, ...(extra.executions ?? [])],
  });
  const service = createAutomationDigestService({ incidents, generator, store, logger });

  return {
    fake,
    service,
    store,
    principal: { accountId: 'demo', userId: 'digest-test', scopes: new Set(scopes), method: 'jwt' },
    messagesOf(index) {
      const body = fake.requests[index]?.body as { messages?: { role: string; content: string }[] } | undefined;
      if (!body?.messages) throw new Error(`the fake received no chat request #${index}`);
      return body.messages;
    },
    async close() {
      await generator.drain();
      await hub.flush();
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
