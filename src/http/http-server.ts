/**
 * The HTTP surface on one port: /graphql (Apollo Server 5 on plain node:http, see
 * graphql-handler.ts), graphql-ws subscriptions on the same path, /healthz, /readyz and /metrics
 * (plain node:http too, probe-routes.ts), and the other routes (/, /playground, the webhooks) on
 * express 5, imported on the first request to one of them (lazy-express.ts).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin, type GraphQLRequestListener } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type express from 'express';
import { GraphQLError, parse, specifiedRules, validate, type ExecutionArgs, type GraphQLSchema, type ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { trace } from '@opentelemetry/api';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { createErrorMasker, noteRequestErrors } from '../errors/mask-error.js';
import type { Authenticator } from '../guard/auth/authenticator.js';
import { createContext, type GraphQLContext, type Services } from '../graphql/context.js';
import { createArmor, defaultGraphQLLimits, describeTokenLimit, type GraphQLLimits } from '../graphql/limits.js';
import { createValidatedDocuments } from '../graphql/validated-documents.js';
import { createGraphqlHandler, isGraphqlPath, nameOperationSpan } from './graphql-handler.js';
import { rememberValidatedDocumentsPlugin, type FastPathOptions } from './graphql-fast-path.js';
import { subscriptionCallbackPlugin } from './subscription-callback.js';
import { inlineTraceOnRequestPlugin, noStoreCacheControlPlugin } from './lean-apollo-plugins.js';
import { lazyExpressApp, type ExpressModule, type MountRoutes } from './lazy-express.js';
import { createProbeRoutes } from './probe-routes.js';

/** Characters of graphql-ws operation texts kept parsed and validated (see validated-documents.ts). */
const wsDocumentCacheCharacters = 256 * 1024;
/** Characters of HTTP operation texts kept for the fast path (graphql-fast-path.ts). */
const httpDocumentCacheCharacters = 256 * 1024;

export interface HttpServerOptions {
  schema: GraphQLSchema;
  services: Services;
  authenticator: Authenticator;
  logger: Logger;
  /** Readiness beyond "started": store reachable, not shutting down. */
  readiness: () => Promise<{ ready: boolean; reason?: string }>;
  /** Largest accepted /graphql request body, bytes; default 256 KiB. */
  bodyLimit?: number;
  /** Mounts routes beside /graphql (e.g. /slack/events), before any body parser. */
  extraRoutes?: MountRoutes | null;
  /** Show field suggestions and accept introspection (development). */
  development: boolean;
  /** Router callback URL prefixes for subscriptions in callback mode; empty = off. */
  subscriptionCallbackPrefixes?: readonly string[];
  /** Mounts GET /playground and its files (src/http/playground.ts); null = 404. */
  playground?: MountRoutes | null;
  /** Serves GET /metrics (Prometheus text). */
  metricsHandler?: (request: http.IncomingMessage, response: http.ServerResponse) => void;
  limits?: GraphQLLimits;
  /** Mounts GET / (src/http/root-page.ts); null = 404. */
  rootPage?: MountRoutes | null;
  /** Answer known operations without Apollo's pipeline (graphql-fast-path.ts); default true. */
  graphqlFastPath?: boolean;
}

/** The port is taken (EADDRINUSE) or not ours to take (EACCES): a start-up refusal, not a crash. */
export class PortUnavailableError extends Error {
  override name = 'PortUnavailableError';
  constructor(
    readonly port: number,
    readonly host: string,
    readonly reason: 'in use' | 'not permitted',
  ) {
    super(`port ${port} on ${host} is ${reason === 'in use' ? 'already in use' : 'not permitted'}; set PORT to another port (e.g. PORT=${port === 4000 ? 4001 : 4000})`);
  }
}

export interface RunningHttpServer {
  url: string;
  port: number;
  httpServer: http.Server;
  /** Stops accepting, drains in-flight requests, closes subscriptions. */
  stop(): Promise<void>;
}

export async function startHttpServer(options: HttpServerOptions, port: number, host: string): Promise<RunningHttpServer> {
  const { schema, services, authenticator, logger } = options;
  const maskError = createErrorMasker(logger);
  const armor = createArmor(options.limits ?? defaultGraphQLLimits, options.development);
  const maxTokens = (options.limits ?? defaultGraphQLLimits).maxTokens;
  let stopping = false;
  const app = lazyExpressApp((expressModule) => expressApp(expressModule, options, () => stopping), logger);
  const probe = createProbeRoutes({
    readiness: options.readiness,
    ...(options.metricsHandler && { metricsHandler: options.metricsHandler }),
    stopping: () => stopping,
    fallback: app,
  });
  // /graphql, the request path of every draft, skips express (see graphql-handler.ts); so do the probes.
  let graphql: ((request: http.IncomingMessage, response: http.ServerResponse) => void) | null = null;
  const httpServer = http.createServer((request, response) => {
    if (graphql && isGraphqlPath(request.url)) graphql(request, response);
    else if (!probe(request, response)) app(request, response);
  });
  httpServer.keepAliveTimeout = 65_000;

  const fastPath = (options.graphqlFastPath ?? true) ? fastPathOptions(schema, maskError, armor.plugins as ApolloServerPlugin<GraphQLContext>[]) : null;
  const wsPlugin = serveSubscriptions(httpServer, options, maskError, [...specifiedRules, ...armor.validationRules], maxTokens);

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    csrfPrevention: true,
    // main.ts owns the signals: Apollo's own handler would stop the server a second time and
    // re-raise the signal before our buffers are flushed.
    stopOnTerminationSignals: false,
    logger: apolloLogger(logger),
    introspection: options.development,
    includeStacktraceInErrorResponses: false,
    formatError: maskError,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens },
    plugins: [
      ...armor.plugins,
      requestTracePlugin,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      wsPlugin,
      ...(options.subscriptionCallbackPrefixes?.length
        ? [
            subscriptionCallbackPlugin({
              logger,
              formatError: maskError,
              // The callback URL comes from the caller: only the routers we know may be called.
              isAllowedCallbackUrl: (url) => options.subscriptionCallbackPrefixes!.some((prefix) => url.href.startsWith(prefix)),
            }) as ApolloServerPlugin<GraphQLContext>,
          ]
        : []),
      ApolloServerPluginLandingPageDisabled(),
      // In place of the two Apollo installs by itself (lean-apollo-plugins.ts): same answers, less work per request.
      ...noStoreCacheControlPlugin<GraphQLContext>(),
      inlineTraceOnRequestPlugin<GraphQLContext>(),
      ...(fastPath ? [rememberValidatedDocumentsPlugin<GraphQLContext>(fastPath.documents)] : []),
    ],
  });
  await apollo.start();

  graphql = createGraphqlHandler({
    apollo,
    context: (authorization, carried) => createContext(services, authenticator, authorization, carried),
    logger,
    bodyLimitBytes: options.bodyLimit ?? 256 * 1024,
    stopping: () => stopping,
    fastPath,
  });

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(port, host, () => resolve());
    });
  } catch (error) {
    await apollo.stop().catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new PortUnavailableError(port, host, 'in use');
    if (code === 'EACCES') throw new PortUnavailableError(port, host, 'not permitted');
    throw error;
  }
  const address = httpServer.address() as AddressInfo;
  const displayHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  logger.debug({ port: address.port }, 'http server listening');

  return {
    url: `http://${displayHost}:${address.port}`,
    port: address.port,
    httpServer,
    async stop() {
      // Keep-alive connections would hold Apollo's drain for its whole grace period: close
      // the idle ones now, and ask clients to close the busy ones when their response ends.
      stopping = true;
      httpServer.closeIdleConnections();
      await apollo.stop();
    },
  };
}

/**
 * Every route besides /graphql on express: the probes again (for the requests probe-routes.ts
 * leaves to it), then the pages and the extra routes. Built on the first request that needs it.
 */
function expressApp(expressModule: ExpressModule, options: HttpServerOptions, stopping: () => boolean): express.Express {
  const app = expressModule();
  app.disable('x-powered-by');
  app.use((_request, response, next) => {
    if (stopping()) response.setHeader('connection', 'close');
    next();
  });
  if (options.metricsHandler) {
    const handler = options.metricsHandler;
    app.get('/metrics', (request, response) => handler(request, response));
  }
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', async (_request, response) => {
    const { ready, reason } = await options.readiness();
    response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', ...(reason && { reason }) });
  });
  options.rootPage?.(app, expressModule);
  options.playground?.(app, expressModule);
  options.extraRoutes?.(app, expressModule);
  return app;
}

/** What the /graphql fast path needs (graphql-fast-path.ts), its document cache empty. */
function fastPathOptions(
  schema: GraphQLSchema,
  formatError: ReturnType<typeof createErrorMasker>,
  errorPlugins: ApolloServerPlugin<GraphQLContext>[],
): FastPathOptions<GraphQLContext> {
  // The request trace plugin notes which request's logger logs an error (maskError).
  return { schema, documents: createValidatedDocuments(httpDocumentCacheCharacters), formatError, errorPlugins: [...errorPlugins, requestTracePlugin] };
}

/**
 * graphql-ws subscriptions on /graphql of `httpServer`, with the same authentication, limits and
 * error masking as Apollo's HTTP path. Returns the Apollo plugin that closes them on drain.
 */
function serveSubscriptions(
  httpServer: http.Server,
  { schema, services, authenticator }: HttpServerOptions,
  maskError: ReturnType<typeof createErrorMasker>,
  validationRules: readonly ValidationRule[],
  maxTokens: number,
): ApolloServerPlugin<GraphQLContext> {
  // Upgrades are routed here rather than with `server: httpServer`: attached that way, the
  // WebSocket server re-emits the HTTP server's errors (a taken port), and graphql-ws prints them
  // as its own internal error. They are handled once, where the server listens.
  const wsServer = new WebSocketServer({ noServer: true, path: '/graphql' });
  const wsDocuments = createValidatedDocuments(wsDocumentCacheCharacters);
  httpServer.on('upgrade', (request, socket, head) => {
    if (!wsServer.shouldHandle(request)) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wsServer.handleUpgrade(request, socket, head, (websocket) => wsServer.emit('connection', websocket, request));
  });
  const wsCleanup = useServer<Record<string, unknown>, { context?: GraphQLContext }>(
    {
      schema,
      context: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const fromParams = params.authorization ?? params.Authorization;
        const authorization = typeof fromParams === 'string' ? fromParams : ctx.extra.request.headers.authorization;
        return createContext(services, authenticator, authorization);
      },
      // graphql-ws does not run Apollo's validation rules: the same limits apply here.
      // Parsed, validated documents are kept by operation text (only valid ones): thousands of
      // subscriptions of one operation share one document.
      onSubscribe: (_ctx, _id, payload) => {
        let document = wsDocuments.get(payload.query);
        if (!document) {
          try {
            document = parse(payload.query, { maxTokens });
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            const tokenLimit = describeTokenLimit(message);
            return [new GraphQLError(tokenLimit ?? message, { extensions: { code: 'GRAPHQL_PARSE_FAILED', ...(tokenLimit && { limit: 'maxTokens' }) } })];
          }
          const errors = validate(schema, document, validationRules);
          if (errors.length > 0) {
            return errors.map((error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code: error.extensions.code ?? 'GRAPHQL_VALIDATION_FAILED' } }));
          }
          wsDocuments.remember(payload.query, document);
        }
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName } as ExecutionArgs;
      },
      // Apollo's formatError does not run on WebSocket results: mask them the same way.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((error) => maskError(error.toJSON(), error)) } : result,
    },
    wsServer,
  );

  return {
    async serverWillStart() {
      return {
        async drainServer() {
          await wsCleanup.dispose();
        },
      };
    },
  };
}

// Names the request span after the operation, and notes which request's trace-stamped logger logs
// its errors (maskError). The request span rides on the context (graphql-handler.ts): no context
// manager follows the awaits. One listener serves every request: it keeps no state of its own.
const requestTraceListener: GraphQLRequestListener<GraphQLContext> = {
  async didResolveOperation({ operation, contextValue }) {
    const span = contextValue.trace ? trace.getSpan(contextValue.trace.context) : trace.getActiveSpan();
    if (!span || !operation) return;
    nameOperationSpan(span, operation);
  },
  async didEncounterErrors({ errors, contextValue }) {
    if (contextValue?.trace) noteRequestErrors(errors, contextValue.trace.logger);
  },
};
const requestTracePlugin: ApolloServerPlugin<GraphQLContext> = {
  requestDidStart: async () => requestTraceListener,
};

/** Apollo's own log lines through pino (its notices are not worth stdout at info). */
function apolloLogger(logger: Logger) {
  const child = logger.child({ component: 'apollo' });
  return {
    debug: (message: unknown) => child.debug(String(message)),
    info: (message: unknown) => child.debug(String(message)),
    warn: (message: unknown) => child.warn(String(message)),
    error: (message: unknown) => child.error(String(message)),
  };
}
