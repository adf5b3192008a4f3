import { SpanKind } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPagerDutyDriver } from '../../../src/incidents/pagerduty/pagerduty-driver.js';
import { createUpstreamResources } from '../../../src/incidents/upstream/upstream-resources.js';
import { fakePagerDutyIncident, fakePagerDutyUser, startFakePagerDuty, type FakePagerDuty } from '../../fakes/pagerduty-server.js';
import { capturingLogger } from '../support/capturing-logger.js';

const token = 'pd-span-secret-token-3e1f';
const exporter = new InMemorySpanExporter();
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
let fake: FakePagerDuty;

beforeAll(async () => {
  fake = await startFakePagerDuty();
  fake.addUser(fakePagerDutyUser);
  fake.addIncident(token, fakePagerDutyIncident('PSPAN1'));
});
afterAll(async () => {
  await fake.close();
  await tracerProvider.shutdown();
});

describe('upstream request spans', () => {
  it('one CLIENT span per attempt with method, path, status and attempt; the token is in none', async () => {
    const driver = createPagerDutyDriver(
      { url: fake.url, token, tokenSetting: 'PAGERDUTY_API_TOKEN', fromEmail: null, autoPostmortem: false },
      {
        accountId: 'acme',
        upstream: createUpstreamResources({ maxConcurrentPerToken: 4, failureThreshold: 50, cooldownMs: 1_000 }),
        requestTimeoutMs: 2_000,
        deadlineMs: 5_000,
        logger: capturingLogger().logger,
        tracer: tracerProvider.getTracer('test'),
      },
    );
    fake.fail({ path: /^\/incidents\/PSPAN1$/, status: 502 });
    await driver.loadIncidents!('acme', ['PSPAN1']);
    fake.fail({ status: 401 });
    await expect(driver.loadIncidents!('acme', ['PSPAN1'])).rejects.toMatchObject({ code: 'INCIDENT_SOURCE_UNAVAILABLE' });

    const spans = exporter.getFinishedSpans();
    const incidentSpans = spans.filter((span) => span.attributes['url.path'] === '/incidents/PSPAN1');
    expect(incidentSpans.map((span) => [span.attributes['incident_ai.attempt'], span.attributes['http.response.status_code']])).toEqual([
      [1, 502],
      [2, 200],
      [1, 401],
    ]);
    expect(incidentSpans.every((span) => span.kind === SpanKind.CLIENT && span.name === 'GET PagerDuty')).toBe(true);
    const everything = JSON.stringify(spans.map((span) => ({ name: span.name, attributes: span.attributes, status: span.status, events: span.events })));
    expect(everything).not.toContain(token);
  });
});
