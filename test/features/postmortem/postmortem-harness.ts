/**
 * The postmortem service wired like src/app.ts (LLM Manager, OpenAI provider, draft
 * generator, stream hub, PostgreSQL store in a schema of its own), but over an incident
 * source that also serves extra incidents (a synthetic long one), with the OpenAI provider
 * pointed at the fake OpenAI server. startTestApp cannot serve data other than the samples.
 */
import { routingSchema } from '../../../src/config/llm-routing.js';
import { createDraftGenerator } from '../../../src/features/common/draft-generator.js';
import { createPostmortemService, type PostmortemService, type PostmortemServiceOptions } from '../../../src/features/postmortem/service.js';
import { scopes, type Principal } from '../../../src/guard/auth/principal.js';
import { createDataPolicy } from '../../../src/guard/data-policy.js';
import { createSampleIncidentSource, defaultSampleData } from '../../../src/incidents/sample-source.js';
import type { Incident } from '../../../src/incidents/types.js';
import { createLlmManager } from '../../../src/llm/manager.js';
import { createProviders } from '../../../src/llm/providers/create-providers.js';
import { defaultExtractors } from '../../../src/features/feature-modules.js';
import { createOpenAiProvider } from '../../../src/llm/providers/openai-provider.js';
import type { ChatMessage } from '../../../src/llm/types.js';
import type { LlmCallRecord } from '../../../src/store/types.js';
import type { Store } from '../../../src/store/store.js';
import { createDraftStreamHub, type DraftStreamHub } from '../../../src/streams/draft-stream-hub.js';
import type { FakeOpenAi } from '../../fakes/openai-server.js';
import { startServiceParts } from '../../support/service-parts.js';

/** Options of {@link startPostmortemHarness}. */
export interface PostmortemHarnessOptions {
  /** Served along with the samples. */
  incidents?: Incident[];
  /**
   * Which providers the manager has: the model and the extractive engine (default), the
   * extractive engine alone, or two models (`openai`, then a self-hosted `vllm` served by the
   * same fake) without the extractive engine.
   */
  providers?: 'model-and-extractive' | 'extractive-only' | 'two-models';
  service?: PostmortemServiceOptions;
  /** The account concurrency the draft generator hands to prepare steps (src/app.ts passes the throttle's limit). */
  concurrencyOf?: (accountId: string) => number;
}

/** A chat completion request as the fake received it. */
export interface ChatBody {
  model: string;
  messages: ChatMessage[];
  max_tokens: number;
  response_format: { type: string; json_schema: { name: string; strict: boolean; description: string; schema: Record<string, unknown> } };
}

export interface PostmortemHarness {
  fake: FakeOpenAi;
  service: PostmortemService;
  store: Store;
  hub: DraftStreamHub;
  /** Usage records of every provider attempt, in order. */
  calls: LlmCallRecord[];
  /** Account `demo`, every scope. */
  principal: Principal;
  /** The chat requests the fake received, in order. */
  bodies(): ChatBody[];
  close(): Promise<void>;
}

export async function startPostmortemHarness(options: PostmortemHarnessOptions = {}): Promise<PostmortemHarness> {
  const parts = await startServiceParts('postmortem');
  const { fake, config, store, logger } = parts;
  const which = options.providers ?? 'model-and-extractive';
  const calls: LlmCallRecord[] = [];
  const usage = { record: (call: LlmCallRecord) => void calls.push(call) };
  // As in src/app.ts: private incidents stay on self-hosted providers.
  const dataPolicy = createDataPolicy({});
  const manager =
    which === 'two-models'
      ? createLlmManager({
          providers: [
            createOpenAiProvider({ id: 'openai', apiKey: 'test-key', baseURL: fake.url, selfHosted: false, structuredOutputs: true }),
            createOpenAiProvider({ id: 'vllm', apiKey: 'test-key', baseURL: fake.url, selfHosted: true, structuredOutputs: true }),
          ],
          routing: routingSchema.parse({
            defaultChain: [
              { provider: 'openai', model: 'gpt-4o-mini' },
              { provider: 'vllm', model: 'llama-3.1-8b-instruct' },
            ],
          }),
          usage,
          dataPolicy,
        })
      : createLlmManager({
          providers: (await createProviders(config, defaultExtractors)).filter((provider) => which === 'model-and-extractive' || provider.kind === 'extractive'),
          routing: which === 'model-and-extractive' ? config.routing : { ...config.routing, defaultChain: undefined },
          usage,
          dataPolicy,
        });
  const hub = createDraftStreamHub({ store, logger });
  const generator = createDraftGenerator({ store, manager, hub, logger, dataPolicy, ...(options.concurrencyOf && { concurrencyOf: options.concurrencyOf }) });
  const incidents = createSampleIncidentSource({ ...defaultSampleData, incidents: [...defaultSampleData.incidents, ...(options.incidents ?? [])] });
  const service = createPostmortemService({ incidents, generator, store, logger, manager }, options.service);

  return {
    fake,
    service,
    store,
    hub,
    calls,
    principal: { accountId: 'demo', userId: 'postmortem-test', scopes: new Set(scopes), method: 'jwt' },
    bodies: () => fake.requests.filter((request) => request.path === '/v1/chat/completions').map((request) => request.body as ChatBody),
    async close() {
      await generator.drain();
      await hub.flush();
      await parts.close();
    },
  };
}

/** Estimated tokens of a request as a model sees it: messages, output schema, and the answer it may produce. */
export function contextTokensOf(body: ChatBody): number {
  const characters = body.messages.reduce((total, message) => total + message.content.length, 0) + JSON.stringify(body.response_format).length;
  return Math.ceil(characters / 4) + body.max_tokens;
}
