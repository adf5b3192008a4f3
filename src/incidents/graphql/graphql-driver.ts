/**
 * The `graphql` driver: incidents that live in another subgraph, read through the router
 * (`INCIDENTS_GRAPHQL_URL`) with the caller's own `Authorization` forwarded, so a federated
 * deployment needs no second credential and the router's rules decide what a caller sees.
 * One POST per batch of ids (the query takes `$ids`); the answer is validated against the
 * documented shape and mapped onto our types. A caller without an `Authorization` header
 * (Slack, evaluation runs) gets nothing from this source: it has no credential to act with.
 */
import { readFileSync } from 'node:fs';
import { parse, type OperationDefinitionNode } from 'graphql';
import type { GraphqlSourceSettings } from '../../config/incident-sources.js';
import type { DriverContext, IncidentDriver } from '../incident-driver.js';
import type { Context } from '@opentelemetry/api';
import type { Incident, SourceCaller } from '../types.js';
import { createUpstreamClient, type UpstreamClient } from '../upstream/upstream-client.js';
import { sourceUnavailable } from '../upstream/upstream-error.js';
import { defaultIncidentQuery } from './default-incident-query.js';
import { graphqlIncidentSchema, graphqlResponseSchema, toIncident } from './graphql-incident-schema.js';

/** The name of the source in errors and logs. */
export const graphqlSourceName = 'The incident supergraph';

/** Largest batch of ids sent in one request. */
export const maxIdsPerRequest = 100;

export interface GraphqlDriver extends IncidentDriver {
  readonly name: 'graphql';
  loadIncidents(accountId: string, ids: readonly string[], caller?: SourceCaller): Promise<(Incident | null)[]>;
}

/** The query document: the operator's file, or the built-in one; checked at start. */
export function incidentQueryOf(settings: GraphqlSourceSettings): string {
  const text = settings.queryFile ? readFileSync(settings.queryFile, 'utf8') : defaultIncidentQuery;
  const document = parse(text);
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition');
  if (operations.length !== 1 || operations[0]!.operation !== 'query') throw new Error(`${settings.queryFile ?? 'the default query'}: one query operation expected`);
  if (!operations[0]!.variableDefinitions?.some((variable) => variable.variable.name.value === 'ids')) {
    throw new Error(`${settings.queryFile ?? 'the default query'}: the query must take $ids`);
  }
  return text;
}

export function createGraphqlDriver(settings: GraphqlSourceSettings, context: DriverContext): GraphqlDriver {
  const query = incidentQueryOf(settings);
  const clients = new Map<string, UpstreamClient>();
  // One client (and rate gate) per account: the router is shared, the callers are not.
  const clientFor = (accountId: string): UpstreamClient => {
    let client = clients.get(accountId);
    if (!client) {
      client = createUpstreamClient({
        source: graphqlSourceName,
        baseUrl: settings.url,
        headers: { Accept: 'application/graphql-response+json, application/json' },
        credentialSetting: "the caller's Authorization (forwarded to INCIDENTS_GRAPHQL_URL)",
        gate: context.upstream.gateFor(`graphql ${settings.url} ${accountId}`),
        breaker: context.upstream.breakerFor(graphqlSourceName, settings.url),
        requestTimeoutMs: context.requestTimeoutMs,
        deadlineMs: context.deadlineMs,
        backoff: { baseMs: 200, maxMs: 2_000 },
        maxAttempts: 3,
        logger: context.logger,
      });
      clients.set(accountId, client);
    }
    return client;
  };

  async function loadBatch(accountId: string, ids: readonly string[], authorization: string, trace: Context | undefined): Promise<Map<string, Incident>> {
    const response = await clientFor(accountId).request({
      ...(trace && { trace }),
      method: 'POST',
      path: '',
      body: { query, variables: { ids } },
      headers: { Authorization: authorization },
      schema: graphqlResponseSchema,
      // A query changes nothing: safe to retry.
      retry: true,
    });
    if (response === null) throw sourceUnavailable(graphqlSourceName, 'request_refused', { cause: 'HTTP 404' });
    const errors = response.errors ?? [];
    if (errors.length > 0) {
      const codes = errors.map((error) => String(error.extensions?.code ?? ''));
      context.logger.warn({ source: graphqlSourceName, codes, messages: errors.slice(0, 3).map((error) => error.message.slice(0, 200)) }, 'the incident supergraph answered errors');
      if (!response.data?.incidents) {
        if (codes.some((code) => code === 'UNAUTHENTICATED' || code === 'FORBIDDEN')) throw sourceUnavailable(graphqlSourceName, 'credentials_refused');
        throw sourceUnavailable(graphqlSourceName, 'request_refused', { cause: codes.join(',') || 'errors' });
      }
    }
    const found = new Map<string, Incident>();
    for (const raw of response.data?.incidents ?? []) {
      if (raw === null) continue;
      const parsed = graphqlIncidentSchema.safeParse(raw);
      if (!parsed.success) {
        const issues = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
        context.logger.warn({ source: graphqlSourceName, issues }, 'the incident supergraph answered an incident that does not match the documented shape');
        throw sourceUnavailable(graphqlSourceName, 'malformed_response');
      }
      found.set(parsed.data.id, toIncident(parsed.data, accountId));
    }
    return found;
  }

  return {
    name: 'graphql',
    async loadIncidents(accountId, ids, caller) {
      const authorization = caller?.authorization;
      if (!authorization || ids.length === 0) return ids.map(() => null);
      const unique = [...new Set(ids)];
      const found = new Map<string, Incident>();
      for (let start = 0; start < unique.length; start += maxIdsPerRequest) {
        for (const [id, incident] of await loadBatch(accountId, unique.slice(start, start + maxIdsPerRequest), authorization, caller?.trace)) found.set(id, incident);
      }
      // Only what was asked for: an id the router adds on its own is not ours to return.
      return ids.map((id) => found.get(id) ?? null);
    },
  };
}
