import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultGraphQLLimits } from '../../src/graphql/limits.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let service: TestApp;
beforeAll(async () => {
  service = await startTestApp();
});
afterAll(() => service?.close());

const aliases = (count: number): string => `{ ${Array.from({ length: count }, (_, index) => `a${index}: providerHealth { providerId }`).join(' ')} }`;

/**
 * `_entities > ...on Incident > aiDrafts > ...on StatusUpdateDraft > summary > citations`
 * is 6 levels; `padding` nested inline fragments on Citation add one level each, then the
 * leaf field adds the last.
 */
function depthQuery(depth: number): string {
  let inner = 'sourceId';
  for (let level = 0; level < depth - 7; level += 1) inner = `... on Citation { ${inner} }`;
  return `{ _entities(representations: [{__typename: "Incident", id: "PDEMO01"}]) { ... on Incident { aiDrafts { ... on StatusUpdateDraft { summary { citations { ${inner} } } } } } } }`;
}

describe('GraphQL limits', () => {
  it('refuses 500 aliases, and one alias over the limit, before execution with a typed error; the limit itself runs', async () => {
    // 500 aliases are also over the token limit: the parser refuses them first.
    const fiveHundred = await service.graphql(aliases(500));
    expect(fiveHundred.status).toBe(400);
    expect(fiveHundred.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(fiveHundred.data).toBeUndefined();

    const refused = await service.graphql(aliases(defaultGraphQLLimits.maxAliases + 1));
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // It says which limit, not "Syntax Error".
    expect(refused.errors?.[0]?.message).toBe(`Too many aliases (max ${defaultGraphQLLimits.maxAliases}, found ${defaultGraphQLLimits.maxAliases + 1}).`);
    expect(refused.errors?.[0]?.extensions?.limit).toBe('maxAliases');
    expect(refused.data).toBeUndefined();

    const accepted = await service.graphql<Record<string, unknown[]>>(aliases(defaultGraphQLLimits.maxAliases));
    expect(accepted.errors).toBeUndefined();
    expect(Object.keys(accepted.data!)).toHaveLength(defaultGraphQLLimits.maxAliases);
  });

  it('refuses a query one level deeper than the limit; a query at the limit runs', async () => {
    const atLimit = await service.graphql(depthQuery(defaultGraphQLLimits.maxDepth));
    expect(atLimit.errors).toBeUndefined();
    const refused = await service.graphql(depthQuery(defaultGraphQLLimits.maxDepth + 1));
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.message).toMatch(new RegExp(`^Query too deep \\(max ${defaultGraphQLLimits.maxDepth}, found \\d+\\)\\.$`));
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.data).toBeUndefined();
  });

  it('refuses too many tokens with a 400, never a 500', async () => {
    const huge = `{ ${'__typename '.repeat(defaultGraphQLLimits.maxTokens + 10)} }`;
    const refused = await service.graphql(huge);
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(refused.errors?.[0]?.message).toBe(`Too many tokens in the document (max ${defaultGraphQLLimits.maxTokens}).`);
    expect(refused.status).toBe(400);
  });

  it('hides field suggestions only outside development', async () => {
    const typo = await service.graphql(`{ providerHealt { providerId } }`);
    expect(typo.errors?.[0]?.message).toContain('Did you mean');
    const production = await startTestApp({ NODE_ENV: 'production', AUTH_LOCAL_KEYS: 'true', API_KEY_PEPPER: 'p'.repeat(48) });
    try {
      const hidden = await production.graphql(`{ providerHealt { providerId } }`);
      expect(hidden.errors?.[0]?.message).not.toContain('Did you mean');
    } finally {
      await production.close();
    }
  });

  it('applies the same limits to subscriptions over graphql-ws', async () => {
    const client = createClient({ url: service.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${service.token}` }, retryAttempts: 0 });
    const many = `subscription { ${Array.from({ length: 100 }, (_, index) => `a${index}: draftStream(draftId: "x") { sequence }`).join(' ')} }`;
    const errors: unknown[] = [];
    try {
      for await (const result of client.iterate({ query: many })) {
        if (result.errors) errors.push(...result.errors);
        break;
      }
    } catch (error) {
      errors.push(error);
    } finally {
      await client.dispose();
    }
    expect(JSON.stringify(errors)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(errors)).toContain(`Too many aliases (max ${defaultGraphQLLimits.maxAliases}, found 100)`);
  });
});
