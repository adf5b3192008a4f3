/**
 * The subgraph side of the router's HTTP callback protocol for subscriptions
 * (`subscription-protocol: callback/1.0`): Apollo Server's ApolloServerPluginSubscriptionCallback
 * with our settings around it. The router POSTs a subscription with
 * `extensions.subscription { callbackUrl, subscriptionId, verifier, heartbeatIntervalMs }`; the
 * plugin confirms with a `check` message before answering `{ data: null }`, then POSTs every
 * event as `next`, a `check` every heartbeat interval, and `complete` at the end.
 *
 * Around Apollo's plugin this factory adds what a production subgraph needs:
 * - the callback URL comes from the caller, so it must pass `isAllowedCallbackUrl` or the
 *   request is refused before anything is sent to it (no server-side request forgery);
 * - every message carries the protocol header (Apollo Server sends it on `check` only);
 * - errors in `next` payloads and `complete` messages go through our error masker, because
 *   Apollo's `formatError` does not run on this path;
 * - retries with backoff and jitter, and a short heartbeat failure budget;
 * - Apollo's log lines go to our pino logger.
 */
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import {
  ApolloServerPluginSubscriptionCallback,
  type ApolloServerPluginSubscriptionCallbackOptions,
} from '@apollo/server/plugin/subscriptionCallback';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode, httpStatusOf } from '../errors/error-codes.js';

/** The fetch used to reach the router's callback endpoint (Apollo's `Fetcher`). */
export type CallbackFetcher = NonNullable<ApolloServerPluginSubscriptionCallbackOptions['fetcher']>;

/** Retries of one `check`, `next` or `complete` request after a network error or a 5xx. */
export interface CallbackRetrySettings {
  /** Retries after the first attempt. */
  retries: number;
  /** Delay before the first retry (ms); doubles on each retry, with jitter. */
  minTimeoutMs: number;
  /** Longest delay between two attempts (ms). */
  maxTimeoutMs: number;
}

/**
 * Retry defaults: at most about 3–6 s of retries per message (200, 400, 800, 1600 ms, each
 * times a random factor in [1, 2)), about one router heartbeat interval. A 4xx is never
 * retried: the router means "this subscription is gone".
 */
export const defaultCallbackRetry: CallbackRetrySettings = { retries: 4, minTimeoutMs: 200, maxTimeoutMs: 2_000 };

/**
 * Heartbeats that may fail in a row before the subscription is dropped. The router ends a
 * subscription that misses its heartbeat, so after three intervals (15 s at the router's
 * default of 5 s) there is nobody left to send to.
 */
export const defaultMaxConsecutiveHeartbeatFailures = 3;

/** The protocol header every message to the router carries. */
export const callbackProtocolHeader = { name: 'subscription-protocol', value: 'callback/1.0' } as const;

/** Options of {@link subscriptionCallbackPlugin}. */
export interface SubscriptionCallbackPluginOptions {
  /** The process logger; the plugin logs through a child with `component: subscription-callback`. */
  logger: Logger;
  /**
   * Whether the service may POST to this callback URL. It comes from the request, so without
   * this check any caller could make the service send requests anywhere. In Kubernetes the
   * router's callback listener is a pod address on a dedicated port, e.g.
   * `(url) => url.protocol === 'http:' && url.port === '4001' && url.pathname.startsWith('/callback/')`.
   */
  isAllowedCallbackUrl: (url: URL) => boolean;
  /**
   * Masks errors in `next` payloads and `complete` messages: pass the function given to
   * Apollo's `formatError` (`createErrorMasker(logger)`). The errors are already serialized
   * here, so it receives the formatted error as both arguments. Default: errors pass unchanged.
   */
  formatError?: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** Retry settings; unset fields take {@link defaultCallbackRetry}. */
  retry?: Partial<CallbackRetrySettings>;
  /** Default {@link defaultMaxConsecutiveHeartbeatFailures}. */
  maxConsecutiveHeartbeatFailures?: number;
  /** Default: the global fetch. */
  fetcher?: CallbackFetcher;
}

/**
 * The callback-protocol plugin for our ApolloServer's `plugins` list. Requests without
 * `extensions.subscription` are left alone, so it sits beside graphql-ws on the same server.
 */
export function subscriptionCallbackPlugin(options: SubscriptionCallbackPluginOptions): ApolloServerPlugin {
  const logger = options.logger.child({ component: 'subscription-callback' });
  const retry = { ...defaultCallbackRetry, ...options.retry };
  const inner = ApolloServerPluginSubscriptionCallback({
    logger: {
      debug: (message: unknown) => logger.debug(String(message)),
      info: (message: unknown) => logger.info(String(message)),
      warn: (message: unknown) => logger.warn(String(message)),
      error: (message: unknown) => logger.error(String(message)),
    },
    maxConsecutiveHeartbeatFailures: options.maxConsecutiveHeartbeatFailures ?? defaultMaxConsecutiveHeartbeatFailures,
    retry: { retries: retry.retries, factor: 2, minTimeout: retry.minTimeoutMs, maxTimeout: retry.maxTimeoutMs, randomize: true },
    fetcher: protocolFetcher(options.fetcher ?? fetch, options.formatError),
  });

  return {
    serverWillStart: inner.serverWillStart?.bind(inner),
    async requestDidStart(requestContext) {
      const callbackUrl = callbackUrlOf(requestContext.request.extensions);
      if (callbackUrl === undefined) return;
      if (!isAllowed(callbackUrl, options.isAllowedCallbackUrl)) {
        logger.warn({ callbackUrl }, 'subscription callback URL refused');
        return refusal();
      }
      return inner.requestDidStart?.(requestContext);
    },
  };
}

/** The callback URL of a callback-protocol request (camelCase, or the preview's snake_case), if any. */
function callbackUrlOf(extensions: Record<string, unknown> | undefined): string | null | undefined {
  const subscription = extensions?.subscription;
  if (!subscription || typeof subscription !== 'object') return undefined;
  const fields = subscription as Record<string, unknown>;
  const url = fields.callbackUrl ?? fields.callback_url;
  return typeof url === 'string' ? url : null;
}

function isAllowed(callbackUrl: string | null, allow: (url: URL) => boolean): boolean {
  if (callbackUrl === null || !URL.canParse(callbackUrl)) return false;
  const url = new URL(callbackUrl);
  return (url.protocol === 'http:' || url.protocol === 'https:') && allow(url);
}

/** Ends a refused callback request with FORBIDDEN; Apollo's plugin never sees it, so nothing is sent. */
function refusal(): GraphQLRequestListener<BaseContext> {
  return {
    async didResolveOperation() {
      throw new GraphQLError('This subscription callback URL is not allowed.', {
        extensions: { code: ErrorCode.FORBIDDEN, http: { status: httpStatusOf.FORBIDDEN } },
      });
    },
  };
}

/** Adds the protocol header to every message and masks the errors it carries. */
function protocolFetcher(
  base: CallbackFetcher,
  formatError: SubscriptionCallbackPluginOptions['formatError'],
): CallbackFetcher {
  return (url, init) => {
    const body = formatError && typeof init?.body === 'string' ? maskMessageErrors(init.body, formatError) : init?.body;
    return base(url, {
      ...init,
      headers: { ...init?.headers, [callbackProtocolHeader.name]: callbackProtocolHeader.value },
      ...(body !== undefined && { body }),
    });
  };
}

interface CallbackMessage {
  action?: string;
  payload?: { errors?: GraphQLFormattedError[] };
  errors?: GraphQLFormattedError[];
}

function maskMessageErrors(
  body: string,
  formatError: NonNullable<SubscriptionCallbackPluginOptions['formatError']>,
): string {
  let message: CallbackMessage;
  try {
    message = JSON.parse(body) as CallbackMessage;
  } catch {
    return body;
  }
  const mask = (errors: GraphQLFormattedError[]) => errors.map((error) => formatError(error, error));
  if (message.payload?.errors) message.payload.errors = mask(message.payload.errors);
  if (message.errors) message.errors = mask(message.errors);
  return JSON.stringify(message);
}
