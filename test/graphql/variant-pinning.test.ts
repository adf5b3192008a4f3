/**
 * Choosing the routing variant of a generation (the console's Compare) over the GraphQL API:
 * llmVariants lists what a feature may pin, a generation input's `variant` pins it, and both
 * are for admins only; an unknown variant is a typed client error, refused before any draft.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('variant pinning', () => {
  let service: TestApp;
  let writer: string;

  beforeAll(async () => {
    service = await startTestApp();
    writer = await service.tokenFor('demo', ['ai:read', 'ai:write']);
  });
  afterAll(async () => {
    await service?.close();
  });

  it('lists the variants of a feature to admins only, and refuses an unknown feature', async () => {
    const listed = await service.graphql<{ llmVariants: string[] }>('{ llmVariants(feature: "statusUpdate") }');
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.llmVariants).toEqual(['extractive:extractive']);
    const forbidden = await service.graphql('{ llmVariants(feature: "statusUpdate") }', {}, { token: writer });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await service.graphql('{ llmVariants(feature: "haiku") }');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('generates with the pinned variant for an admin', async () => {
    const result = await service.graphql<{ draftStatusUpdate: { state: string; generation: { variant: string; provider: string } } }>(
      'mutation { draftStatusUpdate(input: { incidentId: "PDEMO02", audience: RESPONDERS, variant: "extractive:extractive" }) { state generation { variant provider } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.draftStatusUpdate).toEqual({ state: 'COMPLETE', generation: { variant: 'extractive:extractive', provider: 'extractive' } });
  });

  it('refuses a variant from a caller without the admin scope, and an unknown variant, before storing a draft', async () => {
    const count = async () => Number((await service.sql<{ count: string }>('select count(*) as count from drafts'))[0]!.count);
    const before = await count();
    const forbidden = await service.graphql('mutation { generatePostmortem(input: { incidentId: "PDEMO02", variant: "extractive:extractive" }) { id } }', {}, { token: writer });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await service.graphql('mutation { generatePostmortem(input: { incidentId: "PDEMO02", variant: "openai:gpt-9" }) { id } }');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0]?.message).toContain('extractive:extractive');
    expect(await count()).toBe(before);
  });
});
