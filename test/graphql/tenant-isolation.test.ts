/**
 * Property: whatever ids and operations another account tries, it never reads the demo
 * account's drafts, streams, usage or feedback.
 */
import fc from 'fast-check';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let service: TestApp;
let demoDraftIds: string[] = [];
let demoTexts: string[] = [];
let otherToken: string;

beforeAll(async () => {
  service = await startTestApp();
  for (const [incidentId, audience] of [['PDEMO01', 'RESPONDERS'], ['PDEMO02', 'PUBLIC'], ['PDEMO03', 'STAKEHOLDERS']]) {
    const created = await service.graphql<{ draftStatusUpdate: { id: string; text: string } }>(
      `mutation($input: DraftStatusUpdateInput!) { draftStatusUpdate(input: $input) { id text } }`,
      { input: { incidentId, audience } },
    );
    demoDraftIds.push(created.data!.draftStatusUpdate.id);
    demoTexts.push(created.data!.draftStatusUpdate.text);
  }
  demoDraftIds = [...new Set(demoDraftIds)];
  otherToken = await service.tokenFor('other-account', ['ai:read', 'ai:write', 'ai:admin']);
});
afterAll(() => service?.close());

/** A leak is any demo draft text anywhere, or a demo draft id inside returned data (errors may echo the id asked for). */
const leaks = (payload: unknown): boolean => {
  const text = JSON.stringify(payload);
  const dataOnly = JSON.stringify(payload, (key, value: unknown) => (key === 'errors' || key === 'message' ? undefined : value));
  return demoTexts.some((draftText) => text.includes(draftText.slice(0, 40))) || demoDraftIds.some((id) => dataOnly.includes(id));
};

const idArbitrary = () =>
  fc.oneof(
    fc.constantFrom(...demoDraftIds),
    fc.constantFrom('PDEMO01', 'PDEMO02', 'PDEMO06', 'RJDEMO01'),
    fc.uuid(),
    fc.string({ minLength: 0, maxLength: 40 }),
  );

type Operation = { kind: 'draft' | 'entities' | 'feedback' | 'stream' | 'usage'; id: string };

async function run(operation: Operation): Promise<unknown> {
  switch (operation.kind) {
    case 'draft':
      return service.graphql(`query($id: ID!) { draft(id: $id) { id text } }`, { id: operation.id }, { token: otherToken });
    case 'entities':
      return service.graphql(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Incident { aiDrafts { id text } } ... on RunbookJob { automationDigests { id text } } } }`,
        { r: [{ __typename: 'Incident', id: operation.id }, { __typename: 'RunbookJob', id: operation.id }] },
        { token: otherToken },
      );
    case 'feedback':
      return service.graphql(
        `mutation($id: ID!) { submitDraftFeedback(input: { draftId: $id, rating: UP }) { id draftId } }`,
        { id: operation.id },
        { token: otherToken },
      );
    case 'usage':
      return service.graphql(`{ llmUsage(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { calls rows { feature } } }`, {}, { token: otherToken });
    case 'stream': {
      const client = createClient({ url: service.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${otherToken}` }, retryAttempts: 0 });
      const results: unknown[] = [];
      try {
        for await (const result of client.iterate({ query: 'subscription($id: ID!) { draftStream(draftId: $id) { delta done draft { id text } } }', variables: { id: operation.id } })) {
          results.push(result);
          break;
        }
      } catch (error) {
        results.push(String(error));
      } finally {
        await client.dispose();
      }
      return results;
    }
  }
}

describe('tenant isolation', () => {
  it('another account never reads the demo account’s data, whatever it asks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ kind: fc.constantFrom<Operation['kind']>('draft', 'entities', 'feedback', 'stream', 'usage'), id: idArbitrary() }), async (operation) => {
        const result = await run(operation);
        expect(leaks(result), JSON.stringify({ operation, result }).slice(0, 500)).toBe(false);
      }),
      { numRuns: 60 },
    );
    // and the usage of the other account is its own: nothing generated, nothing counted
    const usage = (await run({ kind: 'usage', id: '' })) as { data: { llmUsage: { calls: number } } };
    expect(usage.data.llmUsage.calls).toBe(0);
  });
});
