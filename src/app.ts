/**
 * The composition root: builds every component from the configuration and wires them.
 * No logic lives here; read it to see the whole machine.
 */
import type { Logger } from 'pino';
import type { AppConfig } from './config/index.js';
import { longestDeadlineMs } from './config/llm-routing.js';
import { checkRoutingFeatures } from './config/routing-features.js';
import { createDraftGenerator } from './features/common/draft-generator.js';
import type { FeatureDependencies } from './features/common/dependencies.js';
import type { Store } from './store/store.js';
import type { LlmManager } from './llm/generation.js';
import type { DraftStreamHub } from './streams/draft-stream-hub.js';
import type { SourceRegistry } from './incidents/source-registry.js';
import { createAssistantService } from './features/assistant/service.js';
import { createDraftFeedbackService } from './features/feedback/service.js';
import { createRunbookPublishService } from './features/runbook/publish-service.js';
import type { RundeckDriver } from './incidents/rundeck/rundeck-driver.js';
import { createPostmortemService } from './features/postmortem/service.js';
import { createPublishStatusUpdateService } from './features/status-update/publish-service.js';
import { createStatusUpdateTargets } from './incidents/status-update-targets.js';
import { createPagerDutyWebhookRoutes } from './http/pagerduty-webhook-routes.js';
import { buildSchema } from './graphql/schema.js';
import { createAuthenticator, signLocalToken } from './guard/auth/authenticator.js';
import { createApiKeyVerifier } from './guard/auth/api-keys.js';
import { createAuditLog } from './guard/audit-log.js';
import type { AuditEventRecord } from './store/audit-repository.js';
import { loadOrCreateLocalSigningKey } from './guard/auth/local-signing-key.js';
import { scopes } from './guard/auth/principal.js';
import { startHttpServer, type RunningHttpServer } from './http/http-server.js';
import { createConsole } from './http/console.js';
import { createPlayground } from './http/playground.js';
import { createRootPage } from './http/root-page.js';
import type { MountRoutes } from './http/lazy-express.js';
import { removeServiceFile, writeServiceFile } from './store/service-file.js';
import { createApiKeyAdmin } from './guard/auth/api-key-admin.js';
import { createSampleIncidentSource } from './incidents/sample-source.js';
import { createSourceRegistry } from './incidents/source-registry.js';
import { incidentDriverFactories } from './incidents/driver-factories.js';
import { createMemoryCacheStore, createRedisCacheStore } from './incidents/upstream/cache-store.js';
import { createUpstreamResources } from './incidents/upstream/upstream-resources.js';
import { createLlmManager } from './llm/manager.js';
import { redactionMiddleware } from './llm/middleware/redaction.js';
import { dataPolicyMiddleware } from './llm/middleware/data-policy.js';
import { messageCaptureMiddleware } from './llm/middleware/message-capture.js';
import { responseCacheMiddleware } from './llm/middleware/response-cache.js';
import { createMemoryResponseCacheStore, createRedisResponseCacheStore } from './llm/middleware/response-cache-store.js';
import { createHash } from 'node:crypto';
import { createProviders } from './llm/providers/create-providers.js';
import { extractorsOf, featureModules } from './features/feature-modules.js';
import type { FeatureModule } from './features/common/feature-module.js';
import { createStore } from './store/create-store.js';
import { createDraftKinds } from './store/draft-kinds.js';
import { createRecordBuffer } from './store/record-buffer.js';
import type { LlmCallRecord } from './store/types.js';
import type { LlmProvider } from './llm/types.js';
import { createRedisChunkRelay } from './streams/chunk-relay.js';
import { createDraftStreamHub } from './streams/draft-stream-hub.js';
import { startOrphanSweeper } from './streams/orphan-sweeper.js';
import { createMetrics } from './telemetry/metrics.js';
import type { Redis } from 'ioredis';
import { createMemoryThrottleStore } from './guard/throttle/memory-throttle-store.js';
import { createRedisThrottleStore } from './guard/throttle/redis-throttle-store.js';
import { createThrottle } from './guard/throttle/throttle.js';
import { createDataPolicy } from './guard/data-policy.js';

export interface App {
  /** Starts listening; resolves with the base URL. */
  start(): Promise<RunningHttpServer>;
  /** A token for account `demo` with every scope, signed by the local key; null without local keys. */
  demoToken(): Promise<string | null>;
  /** Graceful stop: not ready, drain requests and generations, flush records, close. */
  stop(): Promise<void>;
}

/** Options of {@link createApp} beyond the configuration. */
export interface AppOptions {
  /** The features the service offers; default the registered ones (`features/feature-modules.ts`). */
  features?: readonly FeatureModule[];
}

export async function createApp(config: AppConfig, logger: Logger, options: AppOptions = {}): Promise<App> {
  const features = options.features ?? featureModules;
  // The registered features are the vocabulary: routing names, usage records, draft kinds.
  const featureNames = features.map((feature) => feature.name);
  // Before anything opens: a routing file naming an unregistered feature is a ConfigError.
  checkRoutingFeatures(config.routing, featureNames);
  const store = await createStore({
    draftKinds: createDraftKinds(features),
    dataDir: config.dataDir,
    ...(config.databaseUrl && { databaseUrl: config.databaseUrl }),
    ...(config.databaseSchema && { schema: config.databaseSchema }),
    preparedStatements: config.databasePreparedStatements,
  });
  const usageBuffer = createRecordBuffer<LlmCallRecord>({
    name: 'llm_calls',
    write: (batch) => store.llmCalls.insertMany(batch),
    logger,
  });
  const auditBuffer = createRecordBuffer<AuditEventRecord>({
    name: 'audit_events',
    write: (batch) => store.auditEvents.insertMany(batch),
    logger,
  });
  const audit = createAuditLog({ sink: auditBuffer });
  const metrics = createMetrics();
  const dataPolicy = createDataPolicy(config.dataPolicies);
  const redis = config.redisUrl ? await createRedisClient(config.redisUrl, logger) : null;
  const providers = await createProviders(config, extractorsOf(features));
  const manager = buildLlmManager(config, logger, { features, metrics, dataPolicy, redis, providers, usage: usageBuffer });
  const samples = createSampleIncidentSource();
  const incidentSources = buildIncidentSources(config, logger, redis, samples);
  const incidents = incidentSources.source;
  const throttle = buildThrottle(config, logger, redis, metrics);
  const relay = redis ? createRedisChunkRelay(redis, config.redisKeyPrefix, logger) : null;
  const hub = createDraftStreamHub({ store, logger, relay });
  // Past twice the longest generation deadline nothing legitimate is still streaming.
  const sweeper = startOrphanSweeper({ store, logger, orphanAfterMs: longestDeadlineMs(config.routing.resilience) * 2 + 60_000, intervalMs: 60_000 });
  metrics.observe({ subscribers: () => hub.subscriberCount(), providers: () => manager.health() });
  // A prepare step that fans out (a long postmortem's map stage) runs as many requests at once as the account may run generations.
  const concurrencyOf = (accountId: string): number => ({ ...config.throttle.defaults, ...config.throttle.accounts[accountId] }).concurrentGenerations;
  const generator = createDraftGenerator({ store, manager, hub, logger, throttle, concurrencyOf, dataPolicy, onGuardHit: metrics.guardHit, audit });
  const featureDependencies = { incidents, generator, store, logger, manager, audit };
  // Each feature builds its own service and resolvers; GraphQL reaches them through the schema.
  const schemaFeatures = features.map((feature) => ({ ...feature, ...feature.build(featureDependencies) }));
  const services = buildServices(config, featureDependencies, { store, manager, hub, incidentSources, samples, audit });
  const signingKey = config.auth.localKeys ? await loadOrCreateLocalSigningKey(config.dataDir) : null;
  // Slack's SDK (Bolt, with its own express and HTTP client) is loaded only for a deployment that uses Slack.
  const slackRoutes = config.slack ? (await import('./slack/slack-routes.js')).createSlackRoutes({ config: config.slack, services, logger }) : null;
  const authenticator = createAuthenticator({
    localKey: signingKey,
    jwks: config.auth.jwks,
    accountClaim: config.auth.accountClaim,
    apiKeys: createApiKeyVerifier({ repository: store.apiKeys, pepper: config.auth.apiKeyPepper, logger }),
  });
  const schema = buildSchema({ authDirectives: config.federationAuthDirectives, features: schemaFeatures });
  const demoToken = async () => (signingKey ? signLocalToken(signingKey, { accountId: 'demo', userId: 'demo-user', scopes }) : null);
  // The page gets the demo token only in the embedded/development mode, never in production.
  const pageToken = config.playgroundEnabled && config.env !== 'production' ? await demoToken() : null;
  const playgroundRoutes = config.playgroundEnabled ? createPlayground({ demoToken: pageToken }) : null;
  // The console (/console, /console/compare, /console/usage) is served with the playground.
  const consoleRoutes = config.playgroundEnabled ? createConsole({ demoToken: pageToken }) : null;
  const playground: MountRoutes | null = playgroundRoutes && consoleRoutes ? (app) => { playgroundRoutes(app); consoleRoutes(app); } : null;

  let server: RunningHttpServer | null = null;
  let stopping = false;

  async function readiness(): Promise<{ ready: boolean; reason?: string }> {
    if (stopping) return { ready: false, reason: 'shutting down' };
    if (usageBuffer.saturated) return { ready: false, reason: 'usage buffer nearly full (database slow or down)' };
    try {
      await store.ping();
      return { ready: true };
    } catch {
      return { ready: false, reason: 'database unreachable' };
    }
  }

  return {
    async start() {
      server = await startHttpServer(
        {
          schema,
          services,
          authenticator,
          logger,
          readiness,
          development: config.env !== 'production',
          metricsHandler: metrics.handler,
          playground,
          rootPage: createRootPage(
            config.playgroundEnabled
              ? [
                  { path: '/console', title: 'Console: drafts with citations, edit and publish, compare, usage dashboard' },
                  { path: '/playground', title: 'Playground: try every feature in the browser' },
                ]
              : [],
          ),
          subscriptionCallbackPrefixes: config.subscriptionCallbackPrefixes,
          graphqlFastPath: config.graphqlFastPath,
          extraRoutes: combineRoutes(
            slackRoutes,
            config.incidentSources.pagerDutyWebhookSecret
              ? createPagerDutyWebhookRoutes({
                  secret: config.incidentSources.pagerDutyWebhookSecret,
                  registry: incidentSources,
                  accounts: Object.entries(config.incidentSources.accounts).flatMap(([accountId, sources]) =>
                    sources.pagerduty ? [{ accountId, autoPostmortem: sources.pagerduty.autoPostmortem }] : [],
                  ),
                  startPostmortem: (principal, incidentId) => services.postmortem.run(principal, { incidentId, stream: true }),
                  logger,
                })
              : null,
          ),
        },
        config.http.port,
        config.http.host,
      );
      // Where CLIs reach this service while it holds the embedded database (npm run apikey).
      await writeServiceFile(config.dataDir, server.url.replace('://localhost:', '://127.0.0.1:')).catch((error: unknown) => logger.warn({ err: error }, 'could not write DATA_DIR/service.json'));
      return server;
    },
    demoToken,
    async stop() {
      stopping = true;
      const deadline = Date.now() + config.shutdownTimeoutMs;
      const step = async (name: string, work: () => Promise<unknown> | unknown): Promise<void> => {
        const started = Date.now();
        await work();
        logger.debug({ step: name, ms: Date.now() - started }, 'shutdown step done');
      };
      sweeper.stop();
      // Generations first, while subscribers are still connected to get their last chunk;
      // new work is refused meanwhile and /readyz says not ready.
      await step('generations', () => generator.drain(deadline - 5_000));
      await step('http', () => server?.stop());
      await step('service file', () => removeServiceFile(config.dataDir).catch(() => undefined));
      await step('chunks', () => hub.flush());
      await step('usage', () => usageBuffer.flush(deadline));
      await step('audit', () => auditBuffer.flush(deadline));
      await step('store', () => store.close());
      await step('relay', () => relay?.close());
      await step('redis', () => redis?.disconnect());
      await step('metrics', () => metrics.shutdown());
    },
  };
}

/** The services GraphQL, Slack and the webhooks call besides the features' own. */
function buildServices(
  config: AppConfig,
  featureDependencies: FeatureDependencies,
  { store, manager, hub, incidentSources, samples, audit }: {
    audit: ReturnType<typeof createAuditLog>;
    store: Store;
    manager: LlmManager;
    hub: DraftStreamHub;
    incidentSources: SourceRegistry;
    samples: ReturnType<typeof createSampleIncidentSource>;
  },
) {
  const { logger, incidents } = featureDependencies;
  const draftFeedback = createDraftFeedbackService(featureDependencies);
  return {
    store,
    manager,
    hub,
    incidents,
    // The PagerDuty webhook starts postmortems and Slack asks the assistant without GraphQL.
    postmortem: createPostmortemService(featureDependencies),
    assistant: createAssistantService(featureDependencies),
    draftFeedback,
    runbookPublish: createRunbookPublishService({
      store,
      audit,
      logger,
      feedback: draftFeedback,
      rundeckFor: (accountId) => {
        const driver = incidentSources.driverFor(accountId, 'rundeck');
        return driver && 'importJob' in driver ? (driver as RundeckDriver) : null;
      },
    }),
    publishStatusUpdate: createPublishStatusUpdateService({
      store,
      targets: createStatusUpdateTargets({ registry: incidentSources, samples: config.incidentSources.samples ? samples : null }),
      feedback: draftFeedback,
      audit,
    }),
    apiKeys: createApiKeyAdmin({ store, pepper: config.auth.apiKeyPepper }),
  };
}

interface ManagerParts {
  features: readonly FeatureModule[];
  metrics: ReturnType<typeof createMetrics>;
  dataPolicy: ReturnType<typeof createDataPolicy>;
  redis: Redis | null;
  providers: LlmProvider[];
  usage: { add(call: LlmCallRecord): unknown };
}

/** The LLM Manager with its middleware chain, outermost first: every generation and provider call passes through it. */
function buildLlmManager(config: AppConfig, logger: Logger, { features, metrics, dataPolicy, redis, providers, usage }: ManagerParts) {
  const record = (call: LlmCallRecord): void => void usage.add(call);
  return createLlmManager({
    middleware: [
      redactionMiddleware({ metrics: metrics.llm }),
      dataPolicyMiddleware(dataPolicy),
      messageCaptureMiddleware({ enabled: config.telemetry.captureMessageContent, dataPolicy }),
      responseCacheMiddleware({
        store: redis ? createRedisResponseCacheStore(redis, config.redisKeyPrefix) : createMemoryResponseCacheStore(),
        ttlSeconds: config.responseCacheTtlSeconds,
        retainsText: (accountId) => dataPolicy.forAccount(accountId).retainText,
        routeVersion: createHash('sha256').update(JSON.stringify(config.routing)).digest('base64url'),
        usage: { record },
        onLookup: metrics.responseCache,
      }),
    ],
    metrics: metrics.llm,
    providers,
    routing: config.routing,
    features: features.map((feature) => feature.name),
    usage: { record },
    logger,
  });
}

/** Every account's incident sources (PagerDuty, Rundeck, the supergraph) beside the samples, with their shared cache. */
function buildIncidentSources(config: AppConfig, logger: Logger, redis: Redis | null, samples: ReturnType<typeof createSampleIncidentSource>) {
  return createSourceRegistry({
    config: config.incidentSources,
    factories: incidentDriverFactories,
    samples,
    cacheStore: redis ? createRedisCacheStore(redis, config.redisKeyPrefix, logger) : createMemoryCacheStore(),
    upstream: createUpstreamResources({ maxConcurrentPerToken: config.incidentSources.maxConcurrentPerToken, failureThreshold: 5, cooldownMs: 30_000 }),
    logger,
  });
}

/** Per-account rate, concurrency and token budgets, in Redis when there is one. */
function buildThrottle(config: AppConfig, logger: Logger, redis: Redis | null, metrics: ReturnType<typeof createMetrics>) {
  return createThrottle({
    store: redis ? createRedisThrottleStore(redis, config.redisKeyPrefix) : createMemoryThrottleStore(),
    defaults: config.throttle.defaults,
    accounts: config.throttle.accounts,
    failMode: config.throttle.failMode,
    leaseMs: longestDeadlineMs(config.routing.resilience) * 2 + 30_000,
    logger,
    onRejected: (accountId, reason) => metrics.throttled(accountId, reason),
  });
}

/** Mounts every given set of extra routes (Slack, PagerDuty webhooks); null when none. */
function combineRoutes(...routes: (MountRoutes | null)[]): MountRoutes | null {
  const present = routes.filter((mount) => mount !== null);
  return present.length === 0 ? null : (app, expressModule) => present.forEach((mount) => mount(app, expressModule));
}

/**
 * A Redis connection that fails fast while Redis is down (no offline queue, one retry per
 * command) and reconnects by itself: throttles then follow THROTTLE_FAIL_MODE until it is back.
 */
async function createRedisClient(url: string, logger: Logger): Promise<Redis> {
  // Loaded only when configured: ioredis costs start-up time and memory a single replica does not need.
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) logger.error({ err: error }, 'redis unavailable');
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.info('redis available again');
    down = false;
  });
  return redis;
}
