/**
 * Hive Gateway (`@graphql-hive/gateway`) run in-process as its CLI runs it: the gateway runtime
 * behind node:http, and a graphql-ws server on the same path for subscriptions. Subscriptions
 * go on to our subgraph over graphql-ws; the client's Authorization reaches every subgraph
 * (HTTP headers, and the connection parameters of the WebSocket to the subgraph).
 *
 * Plain JavaScript on purpose: @graphql-hive/gateway's types pull in lib.dom (through
 * @whatwg-node/fetch), which changes the global fetch types of the whole program. The types
 * are in hive-gateway.d.mts.
 */
import http from 'node:http';

import { createGatewayRuntime, getGraphQLWSOptions } from '@graphql-hive/gateway';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

export async function startHiveGateway(supergraph, wsSubgraph) {
  const runtime = createGatewayRuntime({
    supergraph,
    logging: false,
    transportEntries: {
      [wsSubgraph]: {
        options: {
          subscriptions: {
            kind: 'ws',
            // The interpolation is case-sensitive for WebSocket clients (STACK-NOTES section 8).
            options: { connectionParams: { authorization: '{context.headers.authorization}' } },
          },
        },
      },
    },
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => {
        const authorization = request.headers.get('authorization');
        return authorization ? { authorization } : {};
      },
    },
  });
  const server = http.createServer(runtime);
  const wsServer = new WebSocketServer({ server, path: runtime.graphqlEndpoint });
  const ws = useServer(
    getGraphQLWSOptions(runtime, (ctx) => {
      // A WebSocket client sends its token in the connection parameters: expose it as the header.
      const params = (ctx.connectionParams ?? {});
      const authorization = typeof params.authorization === 'string' ? params.authorization : '';
      const headers = new Headers({ ...(authorization && { authorization }) });
      return { headers: Object.fromEntries(headers), request: new Request('http://gateway.local/graphql', { headers }) };
    }),
    wsServer,
  );
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  return {
    url: `http://127.0.0.1:${port}${runtime.graphqlEndpoint}`,
    wsUrl: `ws://127.0.0.1:${port}${runtime.graphqlEndpoint}`,
    async close() {
      await ws.dispose();
      await runtime[Symbol.asyncDispose]();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
