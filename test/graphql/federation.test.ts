/**
 * The subgraph composes with a reference incidents subgraph, and a query through
 * @apollo/gateway goes from an Incident (owned by the other subgraph) into our aiDrafts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import express from 'express';
import { gql } from 'graphql-tag';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/graphql/type-defs.js';
import { sampleIncidents } from '../../src/incidents/sample/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const incidentsTypeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Incident @key(fields: "id") {
    id: ID!
    title: String!
    status: String!
  }
  type Query {
    incident(id: ID!): Incident
    incidents: [Incident!]!
  }
`;

const incidentById = (id: string) => {
  const incident = sampleIncidents.find((item) => item.id === id);
  return incident ? { id: incident.id, title: incident.title, status: incident.status } : null;
};

let service: TestApp;
let incidentsServer: http.Server;
let incidentsApollo: ApolloServer;
let incidentsUrl: string;
let gateway: ApolloGateway;
let gatewayApollo: ApolloServer;

beforeAll(async () => {
  service = await startTestApp();
  incidentsApollo = new ApolloServer({
    schema: buildSubgraphSchema([
      {
        typeDefs: incidentsTypeDefs,
        resolvers: {
          Query: {
            incident: (_: unknown, { id }: { id: string }) => incidentById(id),
            incidents: () => sampleIncidents.map((incident) => incidentById(incident.id)),
          },
          Incident: { __resolveReference: (reference: { id: string }) => incidentById(reference.id) },
        },
      },
    ]),
  });
  await incidentsApollo.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(incidentsApollo));
  incidentsServer = http.createServer(app);
  await new Promise<void>((resolve) => incidentsServer.listen(0, '127.0.0.1', resolve));
  incidentsUrl = `http://127.0.0.1:${(incidentsServer.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  await gatewayApollo?.stop();
  await incidentsApollo?.stop();
  await new Promise((resolve) => incidentsServer?.close(resolve));
  await service?.close();
});

describe('federation', () => {
  it('composes with an incidents subgraph', () => {
    const result = composeServices([
      { name: 'incidents', typeDefs: incidentsTypeDefs, url: incidentsUrl },
      { name: 'incident-ai', typeDefs: loadTypeDefs(), url: service.graphqlUrl },
    ]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.supergraphSdl).toContain('aiDrafts');
    // the scope requirements reach the supergraph, so a router enforces them too
    expect(result.supergraphSdl).toContain('@requiresScopes(scopes: [["ai:write"]])');
  });

  it('answers a query that goes from an Incident into aiDrafts through the gateway, forwarding the Authorization header', async () => {
    const created = await service.graphql<{ draftStatusUpdate: { id: string } }>(
      `mutation { draftStatusUpdate(input: { incidentId: "PDEMO04", audience: STAKEHOLDERS }) { id } }`,
    );
    expect(created.errors).toBeUndefined();

    // @apollo/gateway refuses supergraphs that use SECURITY features it cannot enforce
    // (@requiresScopes is enforced by Apollo Router): the gateway gets our SDL without them.
    // The subgraph enforces the same scopes itself either way (graphql-shield).
    const withoutScopes = gql(print(loadTypeDefs()).replace(/ @requiresScopes\(scopes: \[\["ai:\w+"\]\]\)/g, ''));
    const composed = composeServices([
      { name: 'incidents', typeDefs: incidentsTypeDefs, url: incidentsUrl },
      { name: 'incident_ai', typeDefs: withoutScopes, url: service.graphqlUrl },
    ]);
    expect(composed.errors ?? []).toEqual([]);
    gateway = new ApolloGateway({
      supergraphSdl: composed.supergraphSdl!,
      buildService: ({ url }) =>
        new RemoteGraphQLDataSource<{ authorization?: string }>({
          url,
          willSendRequest({ request, context }) {
            if (context.authorization) request.http?.headers.set('authorization', context.authorization);
          },
        }),
    });
    gatewayApollo = new ApolloServer({ gateway });
    await gatewayApollo.start();

    const query = `query { incident(id: "PDEMO04") { id title aiDrafts(kind: STATUS_UPDATE) { id kind text ... on StatusUpdateDraft { audience } } } }`;
    const response = await gatewayApollo.executeOperation(
      { query },
      { contextValue: { authorization: `Bearer ${service.token}` } },
    );
    const body = response.body.kind === 'single' ? response.body.singleResult : null;
    expect(body?.errors).toBeUndefined();
    const incident = (body?.data as { incident: { title: string; aiDrafts: { id: string; audience: string }[] } }).incident;
    expect(incident.title).toBe(incidentById('PDEMO04')!.title);
    expect(incident.aiDrafts.map((draft) => draft.id)).toContain(created.data!.draftStatusUpdate.id);
    expect(incident.aiDrafts[0]!.audience).toBe('STAKEHOLDERS');

    const anonymous = await gatewayApollo.executeOperation({ query }, { contextValue: {} });
    const anonymousBody = anonymous.body.kind === 'single' ? anonymous.body.singleResult : null;
    expect(anonymousBody?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
