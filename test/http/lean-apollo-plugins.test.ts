import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse, GraphQLRequestListener } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noStoreCacheControlPlugin } from '../../src/http/lean-apollo-plugins.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let service: TestApp;
beforeAll(async () => {
  service = await startTestApp();
});
afterAll(async () => {
  await service?.close();
});

async function post(body: unknown, headers: Record<string, string> = {}): Promise<{ response: Response; json: { data?: unknown; errors?: unknown[]; extensions?: Record<string, unknown> } }> {
  const response = await fetch(service.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${service.token}`, ...headers },
    body: JSON.stringify(body),
  });
  return { response, json: (await response.json()) as { data?: unknown; errors?: unknown[]; extensions?: Record<string, unknown> } };
}

describe('/graphql answers as Apollo Server with its default plugins did', () => {
  it('marks every answer cache-control: no-store (a result, a validation error, a mutation)', async () => {
    const query = await post({ query: '{ _service { sdl } }' });
    expect(query.response.status).toBe(200);
    expect(query.response.headers.get('cache-control')).toBe('no-store');
    const invalid = await post({ query: '{ noSuchField }' });
    expect(invalid.response.status).toBe(400);
    expect(invalid.response.headers.get('cache-control')).toBe('no-store');
    const mutation = await post({ query: 'mutation { revokeApiKey(id: "nope") { id } }' });
    expect(mutation.response.headers.get('cache-control')).toBe('no-store');
  });

  it('adds an ftv1 trace only when the router asks for one', async () => {
    const plain = await post({ query: '{ _service { sdl } }' });
    expect(plain.json.extensions?.ftv1).toBeUndefined();
    const traced = await post({ query: '{ _service { sdl } }' }, { 'apollo-federation-include-trace': 'ftv1' });
    expect(traced.response.status).toBe(200);
    expect(typeof traced.json.extensions?.ftv1).toBe('string');
    expect(Buffer.from(traced.json.extensions!.ftv1 as string, 'base64').length).toBeGreaterThan(10);
  });
});

describe('noStoreCacheControlPlugin', () => {
  async function headerAfter(existing: string | undefined): Promise<string | undefined> {
    const plugins = noStoreCacheControlPlugin<BaseContext>();
    const headers = new HeaderMap();
    if (existing !== undefined) headers.set('cache-control', existing);
    const context = { response: { http: { headers } } } as unknown as GraphQLRequestContextWillSendResponse<BaseContext>;
    for (const plugin of plugins as ApolloServerPlugin<BaseContext>[]) {
      const listener = (await plugin.requestDidStart?.(context as never)) as GraphQLRequestListener<BaseContext> | undefined;
      await listener?.willSendResponse?.(context);
    }
    return headers.get('cache-control');
  }

  it('overrides only a header Apollo could parse, as Apollo did: max age 0 makes every answer uncacheable', async () => {
    expect(await headerAfter(undefined)).toBe('no-store');
    expect(await headerAfter('no-store')).toBe('no-store');
    expect(await headerAfter('max-age=60, public')).toBe('no-store');
    expect(await headerAfter('private, max-age=5')).toBe('private, max-age=5');
  });
});
