/**
 * POST /webhooks/pagerduty on the whole service: V3 signatures (any of several may match),
 * `incident.*` events invalidating the cached incident, the optional postmortem on resolution.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagerDutySignature } from '../../../src/incidents/pagerduty/webhook-signature.js';
import { fakePagerDutyIncident, fakePagerDutyUser, startFakePagerDuty, type FakePagerDuty } from '../../fakes/pagerduty-server.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const secret = 'whsec-test-0b7d';
let fake: FakePagerDuty;
let service: TestApp;

beforeAll(async () => {
  fake = await startFakePagerDuty();
  fake.addUser(fakePagerDutyUser);
  fake.addIncident('pd-token', fakePagerDutyIncident('PWH01'));
  fake.addIncident('pd-token', fakePagerDutyIncident('PWH02'));
  service = await startTestApp({
    PAGERDUTY_API_TOKEN: 'pd-token',
    PAGERDUTY_API_URL: fake.url,
    PAGERDUTY_WEBHOOK_SECRET: secret,
    PAGERDUTY_AUTO_POSTMORTEM: 'true',
    INCIDENT_CACHE_TTL_MS: '600000',
  });
});
afterAll(async () => {
  await service?.close();
  await fake?.close();
});

const readIncident = async (incidentId: string): Promise<void> => {
  const result = await service.graphql(`mutation($input: DraftStatusUpdateInput!) { draftStatusUpdate(input: $input) { id } }`, {
    input: { incidentId, audience: 'RESPONDERS' },
  });
  expect(result.errors).toBeUndefined();
};

const deliver = (body: string, signature: string | null): Promise<Response> =>
  fetch(`${service.url}/webhooks/pagerduty`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature !== null && { 'x-pagerduty-signature': signature }) },
    body,
  });

const event = (eventType: string, incidentId: string): string =>
  JSON.stringify({ event: { id: '01DEMOEVENT', event_type: eventType, resource_type: 'incident', occurred_at: '2026-11-03T16:30:00Z', agent: null, data: { id: incidentId, type: 'incident' } } });

describe('PagerDuty webhooks', () => {
  it('refuses a missing or wrong signature with 401 and keeps the cache', async () => {
    await readIncident('PWH01');
    const reads = fake.requestsTo(/^\/incidents\/PWH01$/).length;
    const body = event('incident.acknowledged', 'PWH01');
    expect((await deliver(body, null)).status).toBe(401);
    expect((await deliver(body, pagerDutySignature('another-secret', body))).status).toBe(401);
    // Signed for another body.
    expect((await deliver(body, pagerDutySignature(secret, event('incident.acknowledged', 'PWH02')))).status).toBe(401);
    await readIncident('PWH01');
    expect(fake.requestsTo(/^\/incidents\/PWH01$/)).toHaveLength(reads);
  });

  it('a good signature among several invalidates the cached incident', async () => {
    await readIncident('PWH01');
    const reads = fake.requestsTo(/^\/incidents\/PWH01$/).length;
    const body = event('incident.annotated', 'PWH01');
    const response = await deliver(body, `${pagerDutySignature('old-secret', body)},${pagerDutySignature(secret, body)}`);
    expect(response.status).toBe(202);
    await readIncident('PWH01');
    expect(fake.requestsTo(/^\/incidents\/PWH01$/)).toHaveLength(reads + 1);
  });

  it('incident.resolved starts a postmortem draft when the account asked for it', async () => {
    const body = event('incident.resolved', 'PWH02');
    expect((await deliver(body, pagerDutySignature(secret, body))).status).toBe(202);
    let rows: { id: string }[] = [];
    for (let i = 0; i < 200 && rows.length === 0; i += 1) {
      rows = await service.sql<{ id: string }>(`SELECT id FROM drafts WHERE kind = 'POSTMORTEM' AND incident_id = 'PWH02' AND account_id = 'demo'`);
      if (rows.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(rows).toHaveLength(1);
  });
});
