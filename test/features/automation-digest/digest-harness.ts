/**
 * The automation digest service wired like src/app.ts (LLM Manager, OpenAI provider, draft
 * generator, stream hub, PostgreSQL store in a schema of its own), but over an incident
 * source that also serves synthetic executions, and with the OpenAI provider pointed at the
 * fake OpenAI server. startTestApp cannot serve data other than the embedded samples.
 */
import { createDraftGenerator } from '../../../src/features/common/draft-generator.js';
import { createAutomationDigestService, type AutomationDigestService } from '../../../src/features/automation-digest/service.js';
import { scopes, type Principal } from '../../../src/guard/auth/principal.js';
import { createSampleIncidentSource, defaultSampleData } from '../../../src/incidents/sample-source.js';
import type { JobExecution, RunbookJob } from '../../../src/incidents/types.js';
import { createLlmManager } from '../../../src/llm/manager.js';
import { createProviders } from '../../../src/llm/providers/create-providers.js';
import { defaultExtractors } from '../../../src/features/feature-modules.js';
import type { Store } from '../../../src/store/store.js';
import { createDraftStreamHub } from '../../../src/streams/draft-stream-hub.js';
import type { FakeOpenAi } from '../../fakes/openai-server.js';
import { startServiceParts } from '../../support/service-parts.js';

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
  const parts = await startServiceParts('digest');
  const { fake, config, store, logger } = parts;
  const manager = createLlmManager({ providers: await createProviders(config, defaultExtractors), routing: config.routing, usage: { record: () => undefined }, logger });
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
      await parts.close();
    },
  };
}
