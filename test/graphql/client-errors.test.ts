/**
 * Mistakes of a caller answer typed client errors that say what is wrong, not
 * INTERNAL_SERVER_ERROR or a silent wrong answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let service: TestApp;
beforeAll(async () => {
  service = await startTestApp();
});
afterAll(async () => {
  await service?.close();
});

describe('client errors', () => {
  it('_entities with a __typename this subgraph does not resolve: BAD_USER_INPUT naming it and the known types', async () => {
    const result = await service.graphql('query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: [{ __typename: 'Incident', id: 'PDEMO01' }, { __typename: 'Nope', id: '1' }] });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toBe('_entities: this subgraph resolves no entity of type "Nope"; it resolves Incident, RunbookJob.');
    const known = await service.graphql<{ _entities: { __typename: string }[] }>('query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: [{ __typename: 'Incident', id: 'PDEMO01' }] });
    expect(known.errors).toBeUndefined();
    expect(known.data!._entities).toEqual([{ __typename: 'Incident' }]);
  });

  it('_entities still asks for a principal first', async () => {
    const result = await service.graphql('query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: [{ __typename: 'Nope', id: '1' }] }, { token: null });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('llmUsage with from after to: BAD_USER_INPUT, not zero calls', async () => {
    const result = await service.graphql('{ llmUsage(from: "2026-12-02T00:00:00Z", to: "2026-12-01T00:00:00Z") { calls } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    expect(result.errors?.[0]?.message).toMatch(/from .* is after to/);
    const same = await service.graphql<{ llmUsage: { calls: number } }>('{ llmUsage(from: "2026-12-01T00:00:00Z", to: "2026-12-01T00:00:00Z") { calls } }');
    expect(same.errors).toBeUndefined();
  });
});
