/**
 * digestJobExecution end to end on a Rundeck execution: the service started with RUNDECK_URL
 * and RUNDECK_API_TOKEN pointing at the fake, the demo token, the embedded extractive engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeRundeck, type FakeRundeck } from '../../fakes/rundeck-server.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { failedExecution, failedExecutionId, longOutput, restartJob, restartJobId } from './rundeck-fixtures.js';

const digest = /* GraphQL */ `
  mutation Digest($input: DigestJobExecutionInput!) {
    digestJobExecution(input: $input) {
      id state incidentId jobId executionId outcome text
      failingStep { number description unverified logLines { line text } }
      probableCause { text citations { sourceId excerpt } }
    }
  }
`;

interface Digest {
  state: string;
  incidentId: string | null;
  outcome: string;
  text: string;
  failingStep: { number: number; description: string; unverified: boolean; logLines: { line: number; text: string }[] } | null;
  probableCause: { text: string; citations: { sourceId: string; excerpt: string }[] } | null;
}

const longExecutionId = 9001;
const longErrorAt = 73_421;

let rundeck: FakeRundeck;
let service: TestApp;
beforeAll(async () => {
  rundeck = await startFakeRundeck({
    jobs: [restartJob],
    executions: [failedExecution, { ...failedExecution, id: longExecutionId, options: {}, output: longOutput(100_000, longErrorAt) }],
  });
  service = await startTestApp({ RUNDECK_URL: rundeck.url, RUNDECK_API_TOKEN: rundeck.token, RUNDECK_PROJECT: 'ops' });
});
afterAll(async () => {
  await service?.close();
  await rundeck?.close();
});

async function digestOf(executionId: string | number): Promise<{ data: Digest | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const result = await service.graphql<{ digestJobExecution: Digest }>(digest, { input: { jobId: restartJobId, executionId: String(executionId) } });
  return { data: result.data?.digestJobExecution ?? null, ...(result.errors && { errors: result.errors }) };
}

describe('digestJobExecution on a Rundeck execution', () => {
  it('names the failing step with the description the job gives it, citing the failing lines', async () => {
    const { data, errors } = await digestOf(failedExecutionId);
    expect(errors).toBeUndefined();
    expect(data).toMatchObject({ state: 'COMPLETE', outcome: 'FAILED', incidentId: 'Q1RD2X9' });
    expect(data!.failingStep).toMatchObject({ number: 3, description: 'Rolling restart and wait for the rollout', unverified: false });
    expect(data!.failingStep!.logLines.map((line) => line.text)).toContain('error: timed out waiting for the condition');
    expect(data!.text).toContain('3. Rolling restart and wait for the rollout');
    expect(rundeck.requestsTo(/\/output$/).every((request) => request.headers['x-rundeck-auth-token'] === rundeck.token)).toBe(true);
  });

  it('digests a 100,000-line execution: step 2 failed, the error cited by its line number in the whole log', async () => {
    const { data, errors } = await digestOf(longExecutionId);
    expect(errors).toBeUndefined();
    expect(data!.failingStep).toMatchObject({ number: 2, unverified: false });
    const cited = data!.failingStep!.logLines.find((line) => line.text.includes('No space left on device'));
    expect(cited?.line).toBe(longErrorAt);
  });

  it('an unknown execution is NOT_FOUND; Rundeck failing is INCIDENT_SOURCE_UNAVAILABLE, without the token', async () => {
    expect((await digestOf(31337)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    rundeck.fault({ path: /^\/execution\//, status: 503, times: 50 });
    const { errors } = await digestOf(failedExecutionId);
    expect(errors?.[0]?.extensions?.code).toBe('INCIDENT_SOURCE_UNAVAILABLE');
    expect(JSON.stringify(errors)).not.toContain(rundeck.token);
  });

  it('still serves the sample job beside Rundeck', async () => {
    const result = await service.graphql<{ digestJobExecution: Digest }>(digest, { input: { jobId: 'RJDEMO01', executionId: 'EXDEMO02' } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.digestJobExecution.failingStep!.number).toBe(4);
  });
});
