/**
 * publishStatusUpdate through the whole service: a PagerDuty incident (the fake receives the
 * documented request), a sample incident (published nowhere, and says so), twice (refused
 * unless forced), the feedback and audit rows it leaves.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signLocalToken } from '../../../src/guard/auth/authenticator.js';
import { loadOrCreateLocalSigningKey } from '../../../src/guard/auth/local-signing-key.js';
import { fakePagerDutyIncident, fakePagerDutyUser, startFakePagerDuty, type FakePagerDuty } from '../../fakes/pagerduty-server.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const pagerDutyToken = 'pd-publish-secret-55aa';
let fake: FakePagerDuty;
let service: TestApp;

beforeAll(async () => {
  fake = await startFakePagerDuty();
  fake.addUser(fakePagerDutyUser);
  fake.addIncident(pagerDutyToken, fakePagerDutyIncident('PPUB01'));
  service = await startTestApp({ PAGERDUTY_API_TOKEN: pagerDutyToken, PAGERDUTY_API_URL: fake.url, PAGERDUTY_FROM_EMAIL: 'incident-bot@example.com', INCIDENT_CACHE_TTL_MS: '0' });
});
afterAll(async () => {
  await service?.close();
  await fake?.close();
});
beforeEach(() => fake.reset());

const draft = async (incidentId: string, token?: string): Promise<{ id: string; text: string }> => {
  const result = await service.graphql<{ draftStatusUpdate: { id: string; text: string } }>(
    `mutation($input: DraftStatusUpdateInput!) { draftStatusUpdate(input: $input) { id text } }`,
    { input: { incidentId, audience: 'STAKEHOLDERS' } },
    token ? { token } : {},
  );
  expect(result.errors).toBeUndefined();
  return result.data!.draftStatusUpdate;
};

const publish = /* GraphQL */ `
  mutation($input: PublishStatusUpdateInput!) {
    publishStatusUpdate(input: $input) {
      id state
      publication { target publishedAt externalId sequence }
      feedback { rating publishedText retainedRatio }
    }
  }
`;

interface Published {
  publishStatusUpdate: {
    id: string;
    publication: { target: string; publishedAt: string; externalId: string | null; sequence: number } | null;
    feedback: { rating: string; publishedText: string | null; retainedRatio: number | null }[];
  };
}

describe('publishStatusUpdate', () => {
  it('sends the edited text to PagerDuty with the documented headers and body, From the email claim', async () => {
    const key = await loadOrCreateLocalSigningKey(service.dataDir);
    const token = await signLocalToken(key, { accountId: 'demo', userId: 'dana', scopes: ['ai:read', 'ai:write'], email: 'dana@example.com' });
    const created = await draft('PPUB01', token);
    const edited = `${created.text}\n\nNext update in 30 minutes.`;
    const result = await service.graphql<Published>(publish, { input: { draftId: created.id, text: edited } }, { token });
    expect(result.errors).toBeUndefined();
    const published = result.data!.publishStatusUpdate;
    expect(published.publication).toMatchObject({ target: 'PAGERDUTY', sequence: 0 });
    expect(published.publication!.externalId).toMatch(/^PSU/);
    expect(published.feedback).toHaveLength(1);
    expect(published.feedback[0]!.publishedText).toBe(edited.trim());
    expect(published.feedback[0]!.retainedRatio).toBeGreaterThan(0.5);
    expect(published.feedback[0]!.retainedRatio).toBeLessThan(1);

    const [request] = fake.requestsTo(/^\/incidents\/PPUB01\/status_updates$/);
    expect(request).toBeDefined();
    expect(request!.method).toBe('POST');
    expect(request!.headers.authorization).toBe(`Token token=${pagerDutyToken}`);
    expect(request!.headers.accept).toBe('application/vnd.pagerduty+json;version=2');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers.from).toBe('dana@example.com');
    expect(request!.body).toEqual({ message: edited.trim() });
    expect(fake.statusUpdates.map((update) => update.id)).toEqual([published.publication!.externalId]);

    // Audited, without the text and without the token.
    for (let i = 0; i < 100 && (await service.sql(`SELECT 1 FROM audit_events WHERE action = 'draft.publish'`)).length === 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const audit = await service.sql<{ target: string; user_id: string; outcome: string }>(`SELECT target, user_id, outcome FROM audit_events WHERE action = 'draft.publish' AND draft_id = $1`, [created.id]);
    expect(audit).toEqual([{ target: `pagerduty:${published.publication!.externalId}`, user_id: 'dana', outcome: 'success' }]);
    const stored = JSON.stringify(await service.sql('SELECT * FROM draft_publications')) + JSON.stringify(await service.sql('SELECT * FROM audit_events'));
    expect(stored).not.toContain(pagerDutyToken);
  });

  it('uses PAGERDUTY_FROM_EMAIL when the token has no email claim; publishing twice is refused unless forced', async () => {
    const created = await draft('PPUB01');
    const first = await service.graphql<Published>(publish, { input: { draftId: created.id, text: 'Mitigated; monitoring.' } });
    expect(first.errors).toBeUndefined();
    expect(fake.statusUpdates.at(-1)!.from).toBe('incident-bot@example.com');

    const again = await service.graphql<Published>(publish, { input: { draftId: created.id, text: 'Mitigated; monitoring.' } });
    expect(again.errors?.[0]?.extensions?.code).toBe('ALREADY_PUBLISHED');
    expect(fake.statusUpdates).toHaveLength(1);

    const forced = await service.graphql<Published>(publish, { input: { draftId: created.id, text: 'Resolved.', force: true } });
    expect(forced.errors).toBeUndefined();
    expect(forced.data!.publishStatusUpdate.publication).toMatchObject({ target: 'PAGERDUTY', sequence: 1 });
    expect(fake.statusUpdates).toHaveLength(2);
  });

  it('a draft on a sample incident is published nowhere and says so', async () => {
    const created = await draft('PDEMO01');
    const result = await service.graphql<Published>(publish, { input: { draftId: created.id, text: created.text } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.publishStatusUpdate.publication).toMatchObject({ target: 'NONE', externalId: null, sequence: 0 });
    expect(result.data!.publishStatusUpdate.feedback[0]!.retainedRatio).toBe(1);
    expect(fake.requests).toHaveLength(0);
  });

  it('PagerDuty failing: INCIDENT_SOURCE_UNAVAILABLE, nothing recorded, and it can be published afterwards', async () => {
    const created = await draft('PPUB01');
    fake.fail({ path: /status_updates$/, status: 500 });
    const failed = await service.graphql<Published>(publish, { input: { draftId: created.id, text: 'Update.' } });
    expect(failed.errors?.[0]?.extensions?.code).toBe('INCIDENT_SOURCE_UNAVAILABLE');
    // A POST is not retried: it could create the update twice.
    expect(fake.requestsTo(/status_updates$/)).toHaveLength(1);
    expect(await service.sql('SELECT id FROM draft_publications WHERE draft_id = $1', [created.id])).toEqual([]);
    const retried = await service.graphql<Published>(publish, { input: { draftId: created.id, text: 'Update.' } });
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.publishStatusUpdate.publication!.sequence).toBe(0);
  });

  it('another account cannot publish the draft, a read-only token cannot publish', async () => {
    const created = await draft('PPUB01');
    const other = await service.tokenFor('acme', ['ai:read', 'ai:write']);
    const foreign = await service.graphql(publish, { input: { draftId: created.id, text: 'x' } }, { token: other });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const reader = await service.tokenFor('demo', ['ai:read']);
    const readOnly = await service.graphql(publish, { input: { draftId: created.id, text: 'x' } }, { token: reader });
    expect(readOnly.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(fake.statusUpdates).toHaveLength(0);
  });
});
