/**
 * A tiny real GraphQL server (graphql-js over node:http) standing in for the router in front
 * of a platform's incidents subgraph, with the documented incident shape
 * (docs/deployment.md, "Supergraph incident source"). Each bearer token sees the incidents
 * listed for it; a request without one gets an UNAUTHENTICATED error, as a router would.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { buildSchema, graphql, GraphQLError, GraphQLScalarType } from 'graphql';

export const incidentSubgraphSdl = /* GraphQL */ `
  scalar JSON
  enum IncidentStatus { TRIGGERED ACKNOWLEDGED RESOLVED }
  enum Urgency { HIGH LOW }
  type Service { id: ID! name: String! }
  type Person { id: ID! name: String! team: String }
  type IncidentLogEntry { id: ID! type: String! at: String! agent: String summary: String! }
  type IncidentNote { id: ID! at: String! content: String! author: Person! }
  type IncidentAlert { id: ID! at: String! severity: String! status: String! summary: String! source: String body: JSON }
  type PlatformIncident {
    id: ID! number: Int title: String! description: String status: IncidentStatus! urgency: Urgency priority: String
    createdAt: String! resolvedAt: String private: Boolean
    services: [Service!]! assignees: [Person!] logEntries: [IncidentLogEntry!] notes: [IncidentNote!] alerts: [IncidentAlert!]
  }
  type Query { incidents(ids: [ID!]!): [PlatformIncident]! }
`;

export interface FakeSubgraphRequest {
  authorization: string | null;
  query: string;
  variables: Record<string, unknown>;
}

export interface FakeIncidentSubgraph {
  url: string;
  requests: FakeSubgraphRequest[];
  /** Incidents (documented shape) visible to a bearer token. */
  incidentsByToken: Map<string, Record<string, unknown>[]>;
  /** Answers the next request with this raw body (malformed answers). */
  nextBody: string | null;
  close(): Promise<void>;
}

export async function startFakeIncidentSubgraph(): Promise<FakeIncidentSubgraph> {
  const schema = buildSchema(incidentSubgraphSdl);
  const json = schema.getType('JSON') as GraphQLScalarType;
  json.serialize = (value) => value;
  const sockets = new Set<Socket>();
  const state: FakeIncidentSubgraph = {
    url: '',
    requests: [],
    incidentsByToken: new Map(),
    nextBody: null,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((request, response) => {
    readBody(request).then(async (text) => {
      const body = JSON.parse(text) as { query: string; variables?: Record<string, unknown> };
      const authorization = request.headers.authorization ?? null;
      state.requests.push({ authorization, query: body.query, variables: body.variables ?? {} });
      if (state.nextBody !== null) {
        const raw = state.nextBody;
        state.nextBody = null;
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(raw);
        return;
      }
      const token = authorization?.replace(/^Bearer /, '') ?? null;
      const result = await graphql({
        schema,
        source: body.query,
        variableValues: body.variables ?? {},
        rootValue: {
          incidents: ({ ids }: { ids: string[] }) => {
            if (!token) throw new GraphQLError('Not authenticated', { extensions: { code: 'UNAUTHENTICATED' } });
            const visible = state.incidentsByToken.get(token) ?? [];
            return ids.map((id) => visible.find((incident) => incident.id === id) ?? null);
          },
        },
      });
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(result));
    }, () => response.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return state;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A platform incident in the documented shape. */
export function platformIncident(id: string, title: string): Record<string, unknown> {
  return {
    id,
    number: 4242,
    title,
    description: 'Checkout p99 above 2 s in eu-west-1.',
    status: 'ACKNOWLEDGED',
    urgency: 'HIGH',
    priority: 'p2',
    createdAt: '2026-11-30T10:00:00+01:00',
    resolvedAt: null,
    private: false,
    services: [{ id: 'SVC-CHK', name: 'checkout' }],
    assignees: [{ id: 'U1', name: 'Ana Ruiz', team: 'payments' }],
    logEntries: [
      { id: `${id}-L1`, type: 'TRIGGER', at: '2026-11-30T10:00:00+01:00', agent: 'prometheus', summary: 'Triggered: checkout p99 > 2s' },
      { id: `${id}-L2`, type: 'acknowledge', at: '2026-11-30T10:03:00+01:00', agent: 'Ana Ruiz', summary: 'Acknowledged by Ana Ruiz' },
    ],
    notes: [{ id: `${id}-N1`, at: '2026-11-30T10:05:00Z', content: 'Rolling back the 09:40 deploy.', author: { id: 'U1', name: 'Ana Ruiz', team: 'payments' } }],
    alerts: [{ id: `${id}-A1`, at: '2026-11-30T09:59:30Z', severity: 'critical', status: 'triggered', summary: 'p99 latency', source: 'prometheus', body: { p99_ms: 2310 } }],
  };
}
