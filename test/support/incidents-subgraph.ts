/**
 * A reference incidents subgraph (the team that owns `Incident`), served by Apollo Server on
 * 127.0.0.1, for composition and gateway tests. Answers the sample incidents.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { gql } from 'graphql-tag';
import { sampleIncidents } from '../../src/incidents/sample/index.js';

export const incidentsTypeDefs = gql`
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

export const incidentById = (id: string): { id: string; title: string; status: string } | null => {
  const incident = sampleIncidents.find((item) => item.id === id);
  return incident ? { id: incident.id, title: incident.title, status: incident.status } : null;
};

export interface IncidentsSubgraph {
  url: string;
  close(): Promise<void>;
}

export async function startIncidentsSubgraph(): Promise<IncidentsSubgraph> {
  const apollo = new ApolloServer({
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
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    async close() {
      await apollo.stop();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
