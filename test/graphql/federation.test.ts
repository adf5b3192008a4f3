/**
 * The subgraph composes with a reference incidents subgraph, its @authenticated and
 * @requiresScopes reach the supergraph (for Apollo Router), and a query through @apollo/gateway
 * goes from an Incident (owned by the other subgraph) into our aiDrafts.
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
import { Kind, parse, print, visit, type ConstDirectiveNode, type DocumentNode } from 'graphql';
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

/**
 * The access requirements of our root and entity fields, as src/graphql/permissions.ts checks
 * them (each needs a principal and the scope): the supergraph must carry the same.
 */
const requiredScopeByField: Record<string, string | string[]> = {
  'Query.draft': 'ai:read',
  'Query.llmUsage': 'ai:admin',
  'Query.providerHealth': 'ai:admin',
  'Query.llmVariants': 'ai:admin',
  'Query.evaluationSummary': 'ai:admin',
  'Query.apiKeys': 'ai:admin',
  'Mutation.createApiKey': 'ai:admin',
  'Mutation.revokeApiKey': 'ai:admin',
  // Evaluation runs are shared by every account: the operator scope as well (src/features/feedback/evaluation-upload.ts).
  'Mutation.startEvaluationRun': ['ai:admin', 'ai:eval'],
  'Mutation.recordEvaluationResults': ['ai:admin', 'ai:eval'],
  'Mutation.finishEvaluationRun': ['ai:admin', 'ai:eval'],
  'Mutation.draftStatusUpdate': 'ai:write',
  'Mutation.publishStatusUpdate': 'ai:write',
  'Mutation.publishRunbookJob': 'ai:admin',
  'Mutation.generatePostmortem': 'ai:write',
  'Mutation.generateRunbookJob': 'ai:write',
  'Mutation.digestJobExecution': 'ai:write',
  'Mutation.askAssistant': 'ai:write',
  'Mutation.submitDraftFeedback': 'ai:write',
  'Subscription.draftStream': 'ai:read',
  'Incident.aiDrafts': 'ai:read',
  'RunbookJob.automationDigests': 'ai:read',
};

/** Apollo Router enforces these; @apollo/gateway refuses a supergraph that has them. */
const securityDirectives = new Set(['authenticated', 'requiresScopes']);

/** Directives of every object type ("Type") and field ("Type.field") of an SDL, `extend type` included. */
function directivesByCoordinate(sdl: string): Map<string, readonly ConstDirectiveNode[]> {
  const result = new Map<string, readonly ConstDirectiveNode[]>();
  for (const definition of parse(sdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const type = definition.name.value;
    result.set(type, [...(result.get(type) ?? []), ...(definition.directives ?? [])]);
    for (const field of definition.fields ?? []) result.set(`${type}.${field.name.value}`, field.directives ?? []);
  }
  return result;
}

/** "@authenticated" and "@requiresScopes(...)" as applied, in order, e.g. to compare. */
const securityOf = (directives: readonly ConstDirectiveNode[] | undefined): string[] =>
  (directives ?? []).filter((directive) => securityDirectives.has(directive.name.value)).map((directive) => print(directive));

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
  it('composes with an incidents subgraph, keeping @authenticated and @requiresScopes for Apollo Router (FEDERATION_AUTH_DIRECTIVES=true)', () => {
    const result = composeServices([
      { name: 'incidents', typeDefs: incidentsTypeDefs, url: incidentsUrl },
      { name: 'incident-ai', typeDefs: loadTypeDefs({ authDirectives: true }), url: service.graphqlUrl },
    ]);
    expect(result.errors ?? []).toEqual([]);
    const supergraphSdl = result.supergraphSdl!;
    expect(supergraphSdl).toContain('aiDrafts');
    // both are SECURITY features of the supergraph: Apollo Router enforces them
    expect(supergraphSdl).toContain('@link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)');
    expect(supergraphSdl).toContain('@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)');

    const directives = directivesByCoordinate(supergraphSdl);
    for (const [coordinate, scope] of Object.entries(requiredScopeByField)) {
      expect(directives.has(coordinate), coordinate).toBe(true);
      expect(securityOf(directives.get(coordinate)), coordinate).toEqual(['@authenticated', `@requiresScopes(scopes: [[${[scope].flat().map((name) => `"${name}"`).join(', ')}]])`]);
    }
    // every root field of the supergraph that we serve is in the list above
    const ourRootFields = [...directives.keys()].filter(
      (coordinate) => /^(Query|Mutation|Subscription)\./.test(coordinate) && !['Query.incident', 'Query.incidents'].includes(coordinate),
    );
    expect(ourRootFields.sort()).toEqual(Object.keys(requiredScopeByField).filter((coordinate) => /^(Query|Mutation|Subscription)\./.test(coordinate)).sort());

    // field-level only: the incidents subgraph's Incident and its fields stay as that team declares them
    for (const coordinate of ['Incident', 'RunbookJob', 'Incident.id', 'Incident.title', 'Incident.status', 'Query.incident', 'Query.incidents']) {
      expect(securityOf(directives.get(coordinate)), coordinate).toEqual([]);
    }
  });

  it('serves _service.sdl, which Rover composes from (deploy/router/supergraph.yaml), without the directives by default', async () => {
    // With FEDERATION_AUTH_DIRECTIVES=true the served SDL carries them: test/graphql/gateways.test.ts.
    const response = await service.graphql<{ _service: { sdl: string } }>('{ _service { sdl } }', undefined, { token: null });
    expect(response.errors).toBeUndefined();
    const directives = directivesByCoordinate(response.data!._service.sdl);
    for (const coordinate of Object.keys(requiredScopeByField)) {
      expect(directives.has(coordinate), coordinate).toBe(true);
      expect(securityOf(directives.get(coordinate)), coordinate).toEqual([]);
    }
  });

  it('answers a query that goes from an Incident into aiDrafts through the gateway, forwarding the Authorization header', async () => {
    const created = await service.graphql<{ draftStatusUpdate: { id: string } }>(
      `mutation { draftStatusUpdate(input: { incidentId: "PDEMO04", audience: STAKEHOLDERS }) { id } }`,
    );
    expect(created.errors).toBeUndefined();

    // @apollo/gateway refuses supergraphs that use SECURITY features it cannot enforce
    // (@authenticated and @requiresScopes are enforced by Apollo Router): by default our SDL
    // has none. The subgraph enforces the same itself either way (graphql-shield).
    const forGateway = loadTypeDefs();
    expect(print(forGateway)).not.toMatch(/@authenticated\b(?!")|@requiresScopes\b(?!")/);
    const composed = composeServices([
      { name: 'incidents', typeDefs: incidentsTypeDefs, url: incidentsUrl },
      { name: 'incident_ai', typeDefs: forGateway, url: service.graphqlUrl },
    ]);
    expect(composed.errors ?? []).toEqual([]);
    expect(composed.supergraphSdl).not.toContain('for: SECURITY');
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
