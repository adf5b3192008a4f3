/**
 * A federated deployment: INCIDENTS_GRAPHQL_URL points at the router (a small GraphQL server
 * here); a status update on one of its incidents is drafted with the caller's own token
 * forwarded, and a caller the router does not know gets NOT_FOUND.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformIncident, startFakeIncidentSubgraph, type FakeIncidentSubgraph } from '../../fakes/incident-subgraph.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const draft = /* GraphQL */ `
  mutation($input: DraftStatusUpdateInput!) { draftStatusUpdate(input: $input) { id state incidentId text } }
`;

let router: FakeIncidentSubgraph;
let service: TestApp;
beforeAll(async () => {
  router = await startFakeIncidentSubgraph();
  service = await startTestApp({ INCIDENTS_GRAPHQL_URL: router.url });
  router.incidentsByToken.set(service.token, [platformIncident('INC-7', 'Checkout latency in eu-west-1')]);
});
afterAll(async () => {
  await service?.close();
  await router?.close();
});

describe('supergraph incident source through the service', () => {
  it('drafts on a supergraph incident with the caller token forwarded to the router', async () => {
    const result = await service.graphql<{ draftStatusUpdate: { state: string; incidentId: string; text: string } }>(draft, { input: { incidentId: 'INC-7', audience: 'RESPONDERS' } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.draftStatusUpdate).toMatchObject({ state: 'COMPLETE', incidentId: 'INC-7' });
    expect(result.data!.draftStatusUpdate.text.length).toBeGreaterThan(0);
    expect(router.requests.at(-1)!.authorization).toBe(`Bearer ${service.token}`);
    expect(router.requests.at(-1)!.variables).toEqual({ ids: ['INC-7'] });
  });

  it('another caller, whom the router shows nothing, gets NOT_FOUND', async () => {
    const other = await service.tokenFor('demo', ['ai:read', 'ai:write']);
    const result = await service.graphql(draft, { input: { incidentId: 'INC-7', audience: 'RESPONDERS' } }, { token: other });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(router.requests.at(-1)!.authorization).toBe(`Bearer ${other}`);
  });
});
