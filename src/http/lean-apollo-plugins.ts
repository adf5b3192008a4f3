/**
 * Apollo Server's two implicitly installed plugins, replaced by equivalents that cost nothing on
 * a request that does not need them (every draft goes through Apollo's pipeline):
 *
 * - Cache control: Apollo's plugin hooks `willResolveField`, so every field of every response
 *   runs through a wrapper that allocates a cache policy and closures, and a promise result (a
 *   draft mutation) gets an extra `then` that lives until the draft is done. Our schema has no
 *   `@cacheControl` hints and no resolver sets one, so its only effect is the answer's
 *   `cache-control: no-store` header; {@link noStoreCacheControlPlugin} sets that header alone.
 * - Inline tracing (federated `ftv1` traces): Apollo's plugin builds a trace tree builder on
 *   every request before it looks at the `apollo-federation-include-trace` header;
 *   {@link inlineTraceOnRequestPlugin} looks at the header first and hands the requests that ask
 *   for a trace to Apollo's own plugin, unchanged. That plugin, with the trace protobuf it encodes
 *   (@apollo/usage-reporting-protobuf, 1.2 MB of heap), is imported on the first such request.
 */
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

// The header values Apollo's cache control plugin parses (any other value it leaves alone).
const cacheableHeader = /^max-age=(\d+), (public|private)$/;
const uncacheableHeader = 'no-store';

/**
 * `cache-control: no-store` on every answer, as Apollo's cache control plugin answers for a
 * schema without cache hints (every root field ends with max age 0): a header a resolver set is
 * overridden only when Apollo's plugin would have overridden it (one it can parse).
 */
export function noStoreCacheControlPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context>[] {
  const listener: GraphQLRequestListener<Context> = {
    async willSendResponse({ response }) {
      const existing = response.http.headers.get('cache-control');
      if (existing === undefined || existing === uncacheableHeader || cacheableHeader.test(existing)) {
        response.http.headers.set('cache-control', uncacheableHeader);
      }
    },
  };
  return [
    // Keeps Apollo from installing its own plugin.
    ApolloServerPluginCacheControlDisabled() as ApolloServerPlugin<Context>,
    { requestDidStart: async () => listener },
  ];
}

/** Apollo's inline trace plugin, imported and started only for the requests that ask for an `ftv1` trace. */
export function inlineTraceOnRequestPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  let inner: Promise<ApolloServerPlugin<Context>> | null = null;
  const plugin: ApolloServerPlugin<Context> & InternalPluginId = {
    // Apollo's internal id for its inline trace plugin: Apollo then does not install one itself.
    __internal_plugin_id__: 'InlineTrace',
    __is_disabled_plugin__: false,
    async requestDidStart(requestContext) {
      if (requestContext.request.http?.headers.get('apollo-federation-include-trace') !== 'ftv1') return undefined;
      inner ??= import('@apollo/server/plugin/inlineTrace').then(({ ApolloServerPluginInlineTrace }) => ApolloServerPluginInlineTrace() as ApolloServerPlugin<Context>);
      // Without options Apollo's plugin is always enabled: its serverWillStart does nothing, so it is not run.
      return (await inner).requestDidStart!(requestContext);
    },
  };
  return plugin;
}

/** What marks a plugin as one of Apollo's own (its `internalPlugin`), read when Apollo installs its defaults. */
interface InternalPluginId {
  __internal_plugin_id__: 'InlineTrace';
  __is_disabled_plugin__: false;
}
