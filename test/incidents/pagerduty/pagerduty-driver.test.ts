import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors/app-error.js';
import { upstreamReasonOf } from '../../../src/incidents/upstream/upstream-error.js';
import { fakePagerDutyIncident, fakePagerDutyUser, startFakePagerDuty, type FakePagerDuty } from '../../fakes/pagerduty-server.js';
import { capturingLogger } from '../support/capturing-logger.js';
import { pagerDutyRegistry } from '../support/pagerduty-registry.js';

const token = 'pd-secret-token-acme-7f3a9c';

describe('pagerduty driver against the fake PagerDuty', () => {
  let fake: FakePagerDuty;
  beforeAll(async () => {
    fake = await startFakePagerDuty();
    fake.addUser(fakePagerDutyUser);
    fake.addIncident(token, fakePagerDutyIncident('PBIG01', { logEntryCount: 230, alertCount: 130 }));
    fake.addIncident(token, fakePagerDutyIncident('PSMALL1', { priority: 'SEV-2' }));
  });
  afterAll(() => fake.close());
  afterEach(() => fake.reset());

  const setUp = (overrides = {}) => {
    const captured = capturingLogger();
    const registry = pagerDutyRegistry({ url: fake.url, tokens: { acme: token }, logger: captured.logger, overrides });
    return { ...captured, registry, source: registry.source };
  };

  const failureOf = async (promise: Promise<unknown>): Promise<AppError> => {
    const error = await promise.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  };

  it('reads every page of log entries and alerts, with the documented headers and pagination', async () => {
    const { source } = setUp();
    const [incident] = await source.loadIncidents('acme', ['PBIG01']);
    expect(incident!.logEntries).toHaveLength(230);
    expect(incident!.alerts).toHaveLength(130);
    expect(incident!.logEntries.at(-1)!.id).toBe('PBIG01-LE-last');
    const pages = fake.requestsTo(/\/log_entries$/);
    expect(pages.map((request) => request.query.get('offset'))).toEqual(['0', '100', '200']);
    expect(pages.every((request) => request.query.get('limit') === '100')).toBe(true);
    for (const request of fake.requests) {
      expect(request.headers.authorization).toBe(`Token token=${token}`);
      expect(request.headers.accept).toBe('application/vnd.pagerduty+json;version=2');
    }
    expect(fake.requestsTo(/^\/users\/PUSER01$/)[0]!.query.getAll('include[]')).toEqual(['teams']);
  });

  it('stops at the classic pagination ceiling (offset + limit <= 10,000) instead of getting a 400', async () => {
    fake.addIncident(token, fakePagerDutyIncident('PHUGE1', { logEntryCount: 10_050, alertCount: 1 }));
    const { source } = setUp({ deadlineMs: 20_000 });
    const [incident] = await source.loadIncidents('acme', ['PHUGE1']);
    expect(incident!.logEntries).toHaveLength(10_000);
    const offsets = fake.requestsTo(/PHUGE1\/log_entries$/).map((request) => Number(request.query.get('offset')) + Number(request.query.get('limit')));
    expect(Math.max(...offsets)).toBe(10_000);
  });

  it('maps times with an offset to UTC, priorities, types, alert details and the assignee team', async () => {
    const { source } = setUp();
    const [incident] = await source.loadIncidents('acme', ['PSMALL1']);
    // 09:00-07:00 on 2026-11-03 is 16:00 UTC.
    expect(incident!.createdAt).toBe('2026-11-03T16:00:00.000Z');
    expect(incident!.priority).toBe('P2');
    expect(incident!.logEntries[0]).toMatchObject({ id: 'PSMALL1-LE-0001', type: 'trigger', agent: 'Prometheus', at: '2026-11-03T16:00:00.000Z' });
    expect(incident!.alerts[0]!.body).toEqual({ error_rate: '7.2%', region: 'eu-west-1' });
    expect(incident!.assignees).toEqual([{ id: 'PUSER01', name: 'Dana Ops', team: 'Payments SRE' }]);
    expect(incident!.description).toBe('Checkout requests fail with HTTP 503.');
    expect(incident!.notes[0]).toMatchObject({ id: 'PSMALL1-N1', content: 'Rollback started.', author: { name: 'Dana Ops' } });
  });

  it('an unknown id is null (the caller makes it NOT_FOUND)', async () => {
    const { source } = setUp();
    expect(await source.loadIncidents('acme', ['PNOPE'])).toEqual([null]);
  });

  it('401: INCIDENT_SOURCE_UNAVAILABLE naming PagerDuty, never the token; the log names the setting', async () => {
    const { source, lines } = setUp();
    fake.fail({ status: 401 });
    const error = await failureOf(source.loadIncidents('acme', ['PSMALL1']));
    expect(error.code).toBe('INCIDENT_SOURCE_UNAVAILABLE');
    expect(upstreamReasonOf(error)).toBe('credentials_refused');
    expect(error.message).toContain('PagerDuty');
    expect(JSON.stringify({ message: error.message, extensions: error.extensions })).not.toContain(token);
    const log = lines.join('');
    expect(log).toContain('PD_TOKEN_ACME');
    expect(log).not.toContain(token);
  });

  it('5xx is retried within the deadline and then succeeds', async () => {
    const { source } = setUp();
    fake.fail({ path: /^\/incidents\/PSMALL1$/, status: 503, times: 2 });
    const [incident] = await source.loadIncidents('acme', ['PSMALL1']);
    expect(incident!.id).toBe('PSMALL1');
    expect(fake.requestsTo(/^\/incidents\/PSMALL1$/)).toHaveLength(3);
  });

  it('5xx past the retries is INCIDENT_SOURCE_UNAVAILABLE (server_error)', async () => {
    const { source, lines } = setUp();
    fake.fail({ status: 500, times: 100 });
    const error = await failureOf(source.loadIncidents('acme', ['PSMALL1']));
    expect(error.code).toBe('INCIDENT_SOURCE_UNAVAILABLE');
    expect(upstreamReasonOf(error)).toBe('server_error');
    expect(fake.requestsTo(/^\/incidents\/PSMALL1$/)).toHaveLength(4);
    expect(lines.join('')).not.toContain(token);
  });

  it('429 with ratelimit-reset is waited out', async () => {
    const { source } = setUp();
    fake.fail({ path: /^\/incidents\/PSMALL1$/, status: 429, headers: { 'ratelimit-reset': '1' } });
    const [incident] = await source.loadIncidents('acme', ['PSMALL1']);
    expect(incident!.id).toBe('PSMALL1');
    const [limited, retried] = fake.requestsTo(/^\/incidents\/PSMALL1$/);
    expect(limited).toBeDefined();
    expect(retried).toBeDefined();
  });

  it('429 whose reset is past the deadline fails at once with retryAfter', async () => {
    const { source } = setUp({ deadlineMs: 1_500 });
    fake.fail({ status: 429, headers: { 'ratelimit-reset': '30' } });
    const error = await failureOf(source.loadIncidents('acme', ['PSMALL1']));
    expect(upstreamReasonOf(error)).toBe('rate_limited');
    expect(error.extensions.retryAfter).toBe(30);
    expect(fake.requests).toHaveLength(1);
  });

  it('one 429 closes the token for every account using it, not for other tokens', async () => {
    fake.addIncident('other-token', fakePagerDutyIncident('POTHER1'));
    const captured = capturingLogger();
    const registry = pagerDutyRegistry({
      url: fake.url,
      tokens: { acme: token, initech: token, globex: 'other-token' },
      logger: captured.logger,
      overrides: { deadlineMs: 1_500 },
    });
    fake.fail({ status: 429, headers: { 'ratelimit-reset': '30' } });
    expect(upstreamReasonOf(await failureOf(registry.source.loadIncidents('acme', ['PSMALL1'])))).toBe('rate_limited');
    expect(fake.requests).toHaveLength(1);
    // Same token, another account: refused without a request, PagerDuty is not hit again.
    const shared = await failureOf(registry.source.loadIncidents('initech', ['PSMALL1']));
    expect(upstreamReasonOf(shared)).toBe('rate_limited');
    expect(shared.extensions.retryAfter).toBeGreaterThan(1);
    expect(fake.requests).toHaveLength(1);
    // Another token is not limited.
    expect((await registry.source.loadIncidents('globex', ['POTHER1']))[0]!.id).toBe('POTHER1');
  });

  it('a slow answer past the request timeout is retried; past the deadline it is a timeout', async () => {
    const { source } = setUp({ requestTimeoutMs: 200, deadlineMs: 5_000 });
    fake.fail({ path: /^\/incidents\/PSMALL1$/, delayMs: 1_000 });
    expect((await source.loadIncidents('acme', ['PSMALL1']))[0]!.id).toBe('PSMALL1');
    expect(fake.requestsTo(/^\/incidents\/PSMALL1$/).length).toBeGreaterThanOrEqual(2);

    fake.reset();
    const slow = setUp({ requestTimeoutMs: 2_000, deadlineMs: 300 });
    fake.fail({ delayMs: 1_500, times: 10 });
    const error = await failureOf(slow.source.loadIncidents('acme', ['PSMALL1']));
    expect(upstreamReasonOf(error)).toBe('timeout');
  });

  it('a malformed body (not JSON, or not the documented shape) is a typed error and nothing is cached', async () => {
    const { source } = setUp({ cacheTtlMs: 60_000 });
    fake.fail({ path: /^\/incidents\/PSMALL1$/, rawBody: '{"incident": {"id": "PSMALL1", "title": 42' });
    expect(upstreamReasonOf(await failureOf(source.loadIncidents('acme', ['PSMALL1'])))).toBe('malformed_response');
    fake.fail({ path: /\/log_entries$/, rawBody: JSON.stringify({ log_entries: [{ id: 'X' }], limit: 100, offset: 0, more: false }) });
    expect(upstreamReasonOf(await failureOf(source.loadIncidents('acme', ['PSMALL1'])))).toBe('malformed_response');
    // Nothing was stored: the next load reads PagerDuty again and succeeds.
    const before = fake.requestsTo(/^\/incidents\/PSMALL1$/).length;
    expect((await source.loadIncidents('acme', ['PSMALL1']))[0]!.id).toBe('PSMALL1');
    expect(fake.requestsTo(/^\/incidents\/PSMALL1$/).length).toBe(before + 1);
  });

  it('an unreachable PagerDuty is INCIDENT_SOURCE_UNAVAILABLE (unreachable)', async () => {
    const captured = capturingLogger();
    const registry = pagerDutyRegistry({ url: 'http://127.0.0.1:9', tokens: { acme: token }, logger: captured.logger });
    const error = await failureOf(registry.source.loadIncidents('acme', ['PSMALL1']));
    expect(upstreamReasonOf(error)).toBe('unreachable');
    expect(captured.lines.join('')).not.toContain(token);
  });

  it('publishes a status update with From and the documented body', async () => {
    const { registry } = setUp();
    const driver = registry.driverFor('acme', 'pagerduty') as import('../../../src/incidents/pagerduty/pagerduty-driver.js').PagerDutyDriver;
    const published = await driver.publishStatusUpdate('PSMALL1', 'We rolled back; errors are gone.', 'dana@example.com');
    expect(published?.id).toMatch(/^PSU/);
    const [request] = fake.requestsTo(/\/status_updates$/);
    expect(request!.method).toBe('POST');
    expect(request!.headers.from).toBe('dana@example.com');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers.authorization).toBe(`Token token=${token}`);
    expect(request!.body).toEqual({ message: 'We rolled back; errors are gone.' });
    expect(await driver.publishStatusUpdate('PNOPE', 'x', 'dana@example.com')).toBeNull();
  });
});
