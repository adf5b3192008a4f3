import { Writable } from 'node:stream';
import pino from 'pino';
import { parse as parseYaml } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors/app-error.js';
import { upstreamReasonOf } from '../../../src/incidents/upstream/upstream-error.js';
import { startFakeRundeck, type FakeRundeck } from '../../fakes/rundeck-server.js';
import { driverFor, failedExecution, failedExecutionId, failedOutput, longOutput, restartJob, restartJobId } from './rundeck-fixtures.js';

let fake: FakeRundeck | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(options: Parameters<typeof startFakeRundeck>[0] = {}): Promise<FakeRundeck> {
  fake = await startFakeRundeck({ jobs: [restartJob], executions: [failedExecution], ...options });
  return fake;
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('rundeck driver: jobs', () => {
  it('reads a job from GET /job/{uuid}/info with the token header', async () => {
    const server = await start();
    const job = await driverFor(server).loadJob('acme', restartJobId);
    expect(job).toEqual({ id: restartJobId, accountId: 'acme', name: 'Restart checkout workers', description: restartJob.definition.description, project: 'ops' });
    const [request] = server.requestsTo(/^\/job\//);
    expect(request!.path).toBe(`/api/41/job/${restartJobId}/info`);
    expect(request!.headers['x-rundeck-auth-token']).toBe(server.token);
  });

  it('is null for an unknown job and for another account, without asking for the latter', async () => {
    const server = await start();
    const driver = driverFor(server);
    expect(await driver.loadJob('acme', 'no-such-job')).toBeNull();
    const before = server.requests.length;
    expect(await driver.loadJob('globex', restartJobId)).toBeNull();
    expect(server.requests.length).toBe(before);
  });
});

describe('rundeck driver: executions', () => {
  it('maps an execution: status, times, user, steps numbered with their descriptions, nodes, incident, every log line with step and node', async () => {
    const server = await start();
    const execution = await driverFor(server).loadExecution('acme', restartJobId, String(failedExecutionId));
    expect(execution).not.toBeNull();
    expect(execution).toMatchObject({
      id: '4711',
      jobId: restartJobId,
      accountId: 'acme',
      status: 'failed',
      startedAt: '2026-11-30T09:00:00Z',
      endedAt: '2026-11-30T09:02:04Z',
      user: 'mara.jensen',
      nodes: ['rd-runner-02.prod.internal'],
      incidentId: 'Q1RD2X9',
    });
    expect(execution!.steps).toEqual([
      { number: 1, description: 'Pre-flight: cluster context and replica health' },
      { number: 2, description: 'Script: kubectl -n checkout get pods -o wide > /tmp/pods-before.txt' },
      { number: 3, description: 'Rolling restart and wait for the rollout' },
      { number: 4, description: 'Post a summary to Slack' },
    ]);
    expect(execution!.log).toHaveLength(failedOutput.length);
    expect(execution!.logLineCount).toBeUndefined();
    expect(execution!.log[18]).toEqual({ at: '2026-11-30T09:02:03Z', level: 'ERROR', node: 'rd-runner-02.prod.internal', step: '3', text: 'error: timed out waiting for the condition', number: 19 });
    expect(execution!.log.map((line) => line.text)).toEqual(failedOutput.map((line) => line.log));
  });

  it('reads the job definition as YAML before API v44 and as JSON from v44', async () => {
    const server = await start();
    await driverFor(server).loadExecution('acme', restartJobId, String(failedExecutionId));
    const yamlRequest = server.requestsTo(new RegExp(`^/job/${restartJobId}$`))[0]!;
    expect(yamlRequest.headers.accept).toBe('text/yaml');
    expect(yamlRequest.query.format).toBe('yaml');

    const json = await driverFor(server, { apiVersion: 48 }).loadExecution('acme', restartJobId, String(failedExecutionId));
    const jsonRequest = server.requestsTo(new RegExp(`^/job/${restartJobId}$`))[1]!;
    expect(jsonRequest.path).toBe(`/api/48/job/${restartJobId}`);
    expect(jsonRequest.headers.accept).toBe('application/json');
    expect(json!.steps.map((step) => step.number)).toEqual([1, 2, 3, 4]);
  });

  it('pages the output with maxlines from the offset each answer gives until completed', async () => {
    const server = await start();
    const execution = await driverFor(server, {}, { pageLines: 7 }).loadExecution('acme', restartJobId, String(failedExecutionId));
    const pages = server.requestsTo(/\/output$/);
    expect(pages).toHaveLength(Math.ceil(failedOutput.length / 7));
    expect(pages.map((page) => page.query.maxlines)).toEqual(pages.map(() => '7'));
    expect(pages[0]!.query.offset).toBe('0');
    // Offsets are the server's opaque byte positions, not line counts.
    expect(Number(pages[1]!.query.offset)).toBeGreaterThan(7);
    expect(pages.every((page) => page.query.compacted === 'true')).toBe(true);
    expect(execution!.log.map((line) => line.text)).toEqual(failedOutput.map((line) => line.log));
  });

  it('expands the compacted form: repeated fields and removed ones (stepctx null)', async () => {
    const server = await start();
    const execution = await driverFor(server).loadExecution('acme', restartJobId, String(failedExecutionId));
    // Line 21 has no step context after lines of step 3: the compacted entry says stepctx: null.
    expect(execution!.log[20]!.step).toBe('');
    expect(execution!.log[19]!.step).toBe('3');
    expect(execution!.log.every((line) => line.node === 'rd-runner-02.prod.internal')).toBe(true);
  });

  it('stops at what is available for a running execution', async () => {
    const server = await start({
      executions: [{ ...failedExecution, status: 'running', dateEnded: null, output: failedOutput.slice(0, 10) }],
    });
    const execution = await driverFor(server, {}, { pageLines: 4 }).loadExecution('acme', restartJobId, String(failedExecutionId));
    expect(execution!.status).toBe('running');
    expect(execution!.endedAt).toBeNull();
    expect(execution!.log).toHaveLength(10);
  });

  it('is null for an execution of another job, an unknown id and a non-numeric id (no request for the latter)', async () => {
    const server = await start();
    const driver = driverFor(server);
    expect(await driver.loadExecution('acme', 'another-job', String(failedExecutionId))).toBeNull();
    expect(await driver.loadExecution('acme', restartJobId, '999999')).toBeNull();
    const before = server.requests.length;
    expect(await driver.loadExecution('acme', restartJobId, 'EXDEMO01')).toBeNull();
    expect(server.requests.length).toBe(before);
  });
});

describe('rundeck driver: errors', () => {
  it('a refused token is INCIDENT_SOURCE_UNAVAILABLE naming Rundeck, never the token; the log names the setting', async () => {
    const server = await start();
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
    const error = await failureOf(driverFor(server, { token: 'wrong-token-value' }, { logger }).loadJob('acme', restartJobId));
    expect(error.code).toBe('INCIDENT_SOURCE_UNAVAILABLE');
    expect(upstreamReasonOf(error)).toBe('credentials_refused');
    expect(error.message).toContain('Rundeck');
    expect(JSON.stringify({ message: error.message, extensions: error.extensions })).not.toContain('wrong-token-value');
    expect(lines.join('')).toContain('RUNDECK_API_TOKEN');
    expect(lines.join('')).not.toContain('wrong-token-value');
  });

  it('an execution the token may not read (403) is INCIDENT_SOURCE_UNAVAILABLE', async () => {
    const server = await start({ deniedExecutions: [failedExecutionId] });
    const error = await failureOf(driverFor(server).loadExecution('acme', restartJobId, String(failedExecutionId)));
    expect(upstreamReasonOf(error)).toBe('credentials_refused');
  });

  it('waits out a 429 (Retry-After) and a 503 within the deadline', async () => {
    const server = await start();
    server.fault({ path: /\/output$/, status: 429, headers: { 'Retry-After': '0' } });
    server.fault({ path: /^\/execution\/\d+$/, status: 503 });
    const execution = await driverFor(server).loadExecution('acme', restartJobId, String(failedExecutionId));
    expect(execution!.log).toHaveLength(failedOutput.length);
    expect(server.requestsTo(/^\/execution\/\d+$/)).toHaveLength(2);
  });

  it('5xx past the retries is server_error; a 429 past the deadline is rate_limited with retryAfter', async () => {
    const server = await start();
    server.fault({ path: /^\/job\//, status: 502, times: 10 });
    expect(upstreamReasonOf(await failureOf(driverFor(server, {}, { maxAttempts: 3 }).loadJob('acme', restartJobId)))).toBe('server_error');
    expect(server.requestsTo(/^\/job\//)).toHaveLength(3);

    server.fault({ path: /^\/execution\//, status: 429, headers: { 'Retry-After': '120' }, times: 10 });
    const limited = await failureOf(driverFor(server).loadExecution('acme', restartJobId, String(failedExecutionId)));
    expect(upstreamReasonOf(limited)).toBe('rate_limited');
    expect(limited.extensions.retryAfter).toBeGreaterThanOrEqual(100);
  });

  it('a slow answer is a timeout, a malformed body and a wrong shape are malformed_response', async () => {
    const server = await start();
    server.fault({ path: /^\/job\//, delayMs: 1_500, times: 5 });
    const slow = await failureOf(driverFor(server, {}, { requestTimeoutMs: 200, deadlineMs: 600 }).loadJob('acme', restartJobId));
    expect(upstreamReasonOf(slow)).toBe('timeout');

    server.fault({ path: /\/output$/, status: 200, body: '{"offset": "0", "completed": tr' });
    expect(upstreamReasonOf(await failureOf(driverFor(server).loadExecution('acme', restartJobId, String(failedExecutionId))))).toBe('malformed_response');

    server.fault({ path: /^\/execution\/\d+$/, status: 200, body: JSON.stringify({ id: 1, status: 7 }) });
    expect(upstreamReasonOf(await failureOf(driverFor(server).loadExecution('acme', restartJobId, String(failedExecutionId))))).toBe('malformed_response');
  });
});

describe('rundeck driver: long logs', () => {
  it('holds a bounded window of a 100,000-line log: numbered lines, the error, the step change and the end', async () => {
    const count = 100_000;
    const errorAt = 73_421;
    const server = await start({ executions: [{ ...failedExecution, output: longOutput(count, errorAt) }] });
    const execution = await driverFor(server).loadExecution('acme', restartJobId, String(failedExecutionId));
    expect(execution!.logLineCount).toBe(count);
    expect(execution!.log.length).toBeLessThan(10_000);
    const numbers = execution!.log.map((line) => line.number!);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const error = execution!.log.find((line) => line.number === errorAt);
    expect(error?.text).toContain('No space left on device');
    expect(error?.step).toBe('2');
    // Context before and after the error, both sides of the step change, head and tail.
    for (const number of [1, errorAt - 1, errorAt + 1, count / 2, count / 2 + 1, count]) expect(numbers).toContain(number);
    expect(execution!.log.at(-1)!.text).toContain('step failures: {2=');
    expect(server.requestsTo(/\/output$/)).toHaveLength(count / 2_000);
  });
});

describe('rundeck driver: import', () => {
  it('imports YAML into the project with dupeOption=create and uuidOption=remove', async () => {
    const server = await start();
    const yaml = '- name: Free disk space\n  uuid: 11111111-2222-3333-4444-555555555555\n  executionEnabled: false\n  sequence:\n    commands:\n    - exec: df -h\n';
    const imported = await driverFor(server).importJob(yaml);
    const [request] = server.requestsTo(/\/jobs\/import$/);
    expect(request!.path).toBe('/api/41/project/ops/jobs/import');
    expect(request!.headers['content-type']).toBe('application/yaml');
    expect(request!.query).toMatchObject({ fileformat: 'yaml', dupeOption: 'create', uuidOption: 'remove' });
    expect(parseYaml(request!.body)).toEqual(parseYaml(yaml));
    expect(imported.id).not.toBe('11111111-2222-3333-4444-555555555555');
    expect(server.jobs.get(imported.id)!.definition.executionEnabled).toBe(false);
    expect(imported.permalink).toContain(`/job/show/${imported.id}`);
  });

  it('a missing project is a typed error', async () => {
    const server = await start();
    const error = await failureOf(driverFor(server, { project: 'nope' }).importJob('- name: x\n  sequence:\n    commands: []\n'));
    expect(error.code).toBe('INCIDENT_SOURCE_UNAVAILABLE');
  });
});
