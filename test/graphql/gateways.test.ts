/**
 * Gateway compatibility, with FEDERATION_AUTH_DIRECTIVES off (the default) and on: the SDL
 * the subgraph serves composes with @apollo/composition and with
 * @theguild/federation-composition; the default supergraph loads in @apollo/gateway (which
 * refuses the security directives); and Apollo Client 4 runs a query across both subgraphs and
 * a draftStream subscription through Hive Gateway, which proxies it to us over graphql-ws.
 * The subgraph's own checks are the same either way.
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { composeServices as composeWithApollo } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { composeServices as composeWithGuild } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { gql as tag } from 'graphql-tag';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHiveGateway, type HiveGateway } from '../support/hive-gateway.mjs';
import { incidentById, incidentsTypeDefs, startIncidentsSubgraph, type IncidentsSubgraph } from '../support/incidents-subgraph.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Chunk {
  sequence: number;
  delta: string;
  replace: boolean;
  done: boolean;
  draft: { id: string; text: string } | null;
  error: { code: string } | null;
}

const incidentQuery = gql`
  query Incident($id: ID!) {
    incident(id: $id) { id title aiDrafts(kind: STATUS_UPDATE) { id kind text } }
  }
`;
const startDraft = gql`
  mutation Start { draftStatusUpdate(input: { incidentId: "PDEMO03", audience: STAKEHOLDERS, stream: true }) { id state } }
`;
const streamSubscription = gql`
  subscription Stream($draftId: ID!) {
    draftStream(draftId: $draftId) { sequence delta replace done draft { id text } error { code } }
  }
`;

let incidents: IncidentsSubgraph;
beforeAll(async () => {
  incidents = await startIncidentsSubgraph();
});
afterAll(async () => {
  await incidents?.close();
});

/** Our SDL as a gateway's composition reads it: `_service.sdl`, without a token. */
async function servedSdl(service: TestApp): Promise<string> {
  const response = await service.graphql<{ _service: { sdl: string } }>('{ _service { sdl } }', undefined, { token: null });
  expect(response.errors).toBeUndefined();
  return response.data!._service.sdl;
}

function services(sdl: string, service: TestApp) {
  return [
    { name: 'incidents', typeDefs: incidentsTypeDefs, url: incidents.url },
    { name: 'ai', typeDefs: parse(sdl), url: service.graphqlUrl },
  ];
}

function apolloClient(gateway: HiveGateway, token: string | null): { client: ApolloClient; ws: Client } {
  const ws = createClient({ url: gateway.wsUrl, webSocketImpl: WebSocket, connectionParams: token ? { authorization: `Bearer ${token}` } : {}, retryAttempts: 0 });
  const http = new HttpLink({ uri: gateway.url, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const link = ApolloLink.split(
    ({ query }) => query.definitions.some((definition) => definition.kind === 'OperationDefinition' && definition.operation === 'subscription'),
    new GraphQLWsLink(ws),
    http,
  );
  return { client: new ApolloClient({ link, cache: new InMemoryCache() }), ws };
}

/** Follows draftStream through the client until the last chunk (or an error). */
function follow(client: ApolloClient, draftId: string): Promise<{ chunks: Chunk[]; error: unknown }> {
  return new Promise((resolve) => {
    const chunks: Chunk[] = [];
    const subscription = client.subscribe<{ draftStream: Chunk }>({ query: streamSubscription, variables: { draftId } }).subscribe({
      next(result) {
        if (result.error) {
          subscription.unsubscribe();
          resolve({ chunks, error: result.error });
          return;
        }
        const chunk = result.data!.draftStream;
        chunks.push(chunk);
        if (chunk.done) {
          subscription.unsubscribe();
          resolve({ chunks, error: null });
        }
      },
      error: (error: unknown) => resolve({ chunks, error }),
      complete: () => resolve({ chunks, error: null }),
    });
  });
}

for (const authDirectives of [false, true]) {
  describe(`FEDERATION_AUTH_DIRECTIVES=${authDirectives}`, () => {
    let service: TestApp;
    let sdl: string;
    let hive: HiveGateway | null = null;
    const sockets: Client[] = [];
    beforeAll(async () => {
      service = await startTestApp({ FEDERATION_AUTH_DIRECTIVES: String(authDirectives) });
      sdl = await servedSdl(service);
    });
    afterAll(async () => {
      await Promise.all(sockets.map((socket) => socket.dispose()));
      await hive?.close();
      await service?.close();
    });

    it(`the served SDL ${authDirectives ? 'declares' : 'does not declare'} @authenticated and @requiresScopes`, () => {
      expect(/@authenticated\b/.test(sdl)).toBe(authDirectives);
      expect(/@requiresScopes\b/.test(sdl)).toBe(authDirectives);
    });

    it('composes with @apollo/composition', () => {
      const result = composeWithApollo(services(sdl, service));
      expect(result.errors?.map((error) => error.message) ?? []).toEqual([]);
      expect(result.supergraphSdl).toMatch(/draftStream\(draftId: ID!\): DraftChunk!/);
      expect(result.supergraphSdl!.includes('for: SECURITY')).toBe(authDirectives);
    });

    it('composes with @theguild/federation-composition', () => {
      const result = composeWithGuild(services(sdl, service));
      expect(result.errors?.map((error) => error.message) ?? []).toEqual([]);
      expect(result.supergraphSdl).toMatch(/draftStream\(draftId: ID!\): DraftChunk!/);
      expect(/@authenticated\b/.test(result.supergraphSdl!)).toBe(authDirectives);
    });

    it(authDirectives ? '@apollo/gateway refuses the supergraph (it cannot enforce SECURITY features)' : 'the supergraph loads in @apollo/gateway and answers across both subgraphs', async () => {
      const composed = composeWithApollo(services(sdl, service));
      const gateway = new ApolloGateway({
        supergraphSdl: composed.supergraphSdl!,
        buildService: ({ url }) =>
          new RemoteGraphQLDataSource<{ authorization?: string }>({
            url,
            willSendRequest({ request, context }) {
              if (context.authorization) request.http?.headers.set('authorization', context.authorization);
            },
          }),
      });
      const server = new ApolloServer({ gateway });
      if (authDirectives) {
        await expect(server.start()).rejects.toThrow(/SECURITY/);
        return;
      }
      await server.start();
      try {
        const response = await server.executeOperation({ query: tag`{ incident(id: "PDEMO02") { title aiDrafts { id } } }` }, { contextValue: { authorization: `Bearer ${service.token}` } });
        const body = response.body.kind === 'single' ? response.body.singleResult : null;
        expect(body?.errors).toBeUndefined();
        expect((body?.data as { incident: { title: string } }).incident.title).toBe(incidentById('PDEMO02')!.title);
        const anonymous = await server.executeOperation({ query: tag`{ incident(id: "PDEMO02") { aiDrafts { id } } }` }, { contextValue: {} });
        const anonymousBody = anonymous.body.kind === 'single' ? anonymous.body.singleResult : null;
        expect(anonymousBody?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      } finally {
        await server.stop();
      }
    });

    it('Apollo Client 4 through Hive Gateway: a mutation, a query across subgraphs and draftStream over graphql-ws', async () => {
      const composed = composeWithGuild(services(sdl, service));
      expect(composed.errors ?? []).toEqual([]);
      hive = await startHiveGateway(composed.supergraphSdl!, 'ai');
      const { client, ws } = apolloClient(hive, service.token);
      sockets.push(ws);

      const started = await client.mutate<{ draftStatusUpdate: { id: string; state: string } }>({ mutation: startDraft });
      expect(started.error).toBeUndefined();
      const draftId = started.data!.draftStatusUpdate.id;
      const { chunks, error } = await follow(client, draftId);
      expect(error).toBeNull();
      const last = chunks[chunks.length - 1]!;
      expect(last.done).toBe(true);
      expect(chunks.length).toBeGreaterThan(2);
      expect(chunks.reduce((text, chunk) => (chunk.replace ? chunk.delta : text + chunk.delta), '')).toBe(last.draft!.text);

      const queried = await client.query<{ incident: { title: string; aiDrafts: { id: string }[] } }>({ query: incidentQuery, variables: { id: 'PDEMO03' }, fetchPolicy: 'network-only' });
      expect(queried.error).toBeUndefined();
      expect(queried.data!.incident.title).toBe(incidentById('PDEMO03')!.title);
      expect(queried.data!.incident.aiDrafts.map((draft) => draft.id)).toContain(draftId);
    });

    it('through Hive Gateway, the subgraph still refuses callers without a token (query and subscription)', async () => {
      const { client, ws } = apolloClient(hive!, null);
      sockets.push(ws);
      const queried = await client.query({ query: incidentQuery, variables: { id: 'PDEMO03' }, fetchPolicy: 'network-only', errorPolicy: 'all' });
      expect(JSON.stringify(queried.error)).toMatch(/UNAUTHENTICATED|Authentication required/);
      const { chunks, error } = await follow(client, 'anything');
      expect(chunks).toEqual([]);
      expect(JSON.stringify(error)).toMatch(/UNAUTHENTICATED|Authentication required/);
    });
  });
}
