/**
 * A runbook never quietly does something else (issue 11, item 8), through the API as shipped:
 * with the offline engine and with a model (the fake OpenAI server), the three requests a new
 * user tried. A destructive request needs approval whatever the steps; a job that does not do
 * what was asked says so in its first line and in `matched`; a target nobody named has no
 * default; a job that needs approval is imported disabled.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RunbookOutput } from '../../../src/features/runbook/output-schema.js';
import { startFakeOpenAi, type FakeOpenAi } from '../../fakes/openai-server.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { restartJob, wipeJob } from './fixtures.js';
import { generateRunbookJob, type RunbookDraft } from './runbook-graphql.js';

const rmEverywhere = 'run rm -rf / on every host';
const deletePods = 'delete all pods in namespace payments';
const wipeDb1 = 'wipe the disk on db-1';
const notMatchedLine = /^\*\*No runbook matches this request\*\*/;

const executionEnabled = (draft: RunbookDraft): unknown => (parse(draft.rundeckYaml!) as { executionEnabled: unknown }[])[0]!.executionEnabled;

async function generate(service: TestApp, input: Record<string, unknown>): Promise<RunbookDraft> {
  const result = await service.graphql<{ generateRunbookJob: RunbookDraft }>(generateRunbookJob, { input });
  expect(result.errors).toBeUndefined();
  return result.data!.generateRunbookJob;
}

describe('offline engine', () => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp();
  });
  afterAll(async () => {
    await service?.close();
  });

  it(`"${rmEverywhere}": not matched, first line says so, approval required, imported disabled`, async () => {
    const draft = await generate(service, { description: rmEverywhere });
    expect(draft).toMatchObject({ state: 'COMPLETE', matched: false, requestedClass: 'DESTRUCTIVE', requiresApproval: true });
    expect(draft.text).toMatch(notMatchedLine);
    expect(draft.jobDescription).toMatch(/^No runbook matches the request/);
    expect(executionEnabled(draft)).toBe(false);
  });

  it(`"${deletePods}": not a rolling restart passed off as the job asked for`, async () => {
    const draft = await generate(service, { description: deletePods });
    expect(draft).toMatchObject({ matched: false, requestedClass: 'DESTRUCTIVE', requiresApproval: true });
    expect(draft.text.split('\n')[0]).toMatch(notMatchedLine);
    expect(draft.approvalReasons!.join(' ')).toMatch(/The request asks for destructive work \("delete"\): a person approves the job whatever its steps/);
    expect(draft.approvalReasons!.join(' ')).toMatch(/does not do what the request asks/);
    expect(executionEnabled(draft)).toBe(false);
  });

  it(`"${wipeDb1}" for an incident whose alert names /dev/nvme1n1: the device is asked at run time`, async () => {
    const draft = await generate(service, { description: wipeDb1, incidentId: 'PDEMO01' });
    expect(draft).toMatchObject({ matched: true, requestedClass: 'DESTRUCTIVE', requiresApproval: true });
    expect(draft.text).not.toMatch(notMatchedLine);
    expect(draft.options).toContainEqual(expect.objectContaining({ name: 'device', required: true, defaultValue: null }));
    expect(draft.options).toContainEqual(expect.objectContaining({ name: 'host', defaultValue: 'db-1' }));
    expect(`${draft.text}${draft.rundeckYaml}`).not.toContain('nvme1n1');
    const [job] = parse(draft.rundeckYaml!) as { executionEnabled: boolean; options: { name: string; value?: string; required: boolean }[] }[];
    expect(job!.executionEnabled).toBe(false);
    expect(job!.options.find((option) => option.name === 'device')).toEqual(expect.not.objectContaining({ value: expect.anything() }));
  });

  it('a matched request that needs no approval is imported enabled', async () => {
    const draft = await generate(service, { description: 'restart the payments-api pods one at a time in namespace payments' });
    expect(draft).toMatchObject({ matched: true, requiresApproval: false });
    expect(executionEnabled(draft)).toBe(true);
  });
});

describe('with a model, the policy reviews the steps, not the model\'s word', () => {
  let openai: FakeOpenAi;
  let service: TestApp;
  beforeAll(async () => {
    openai = await startFakeOpenAi();
    service = await startTestApp({ OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: openai.url });
  });
  afterAll(async () => {
    await service?.close();
    await openai?.close();
  });
  beforeEach(() => openai.reset());

  it(`"${deletePods}" answered with a rolling restart the model calls a match`, async () => {
    openai.enqueue({ kind: 'ok', json: { ...restartJob, matched: true } });
    const draft = await generate(service, { description: deletePods });
    expect(draft).toMatchObject({ state: 'COMPLETE', generation: { provider: 'openai' }, matched: false, requiresApproval: true });
    expect(draft.text.split('\n')[0]).toMatch(notMatchedLine);
    expect(executionEnabled(draft)).toBe(false);
  });

  it(`"${rmEverywhere}" answered with read-only checks`, async () => {
    const checks: RunbookOutput = {
      matched: null,
      name: 'Check disk usage on every host',
      description: 'Reads disk usage.',
      options: [],
      steps: [{ description: 'Show disk usage.', kind: 'command', command: 'df -h' }],
      nodeFilter: 'tags: linux',
      keepGoing: true,
    };
    openai.enqueue({ kind: 'ok', json: checks });
    const draft = await generate(service, { description: rmEverywhere });
    expect(draft).toMatchObject({ matched: false, requestedClass: 'DESTRUCTIVE', requiresApproval: true });
    expect(draft.steps!.map((step) => step.safety.class)).toEqual(['READ_ONLY']);
    expect(draft.approvalReasons!.join(' ')).toMatch(/The request asks for destructive work \("rm -rf"\): a person approves the job whatever its steps/);
    expect(draft.text).toMatch(notMatchedLine);
    expect(executionEnabled(draft)).toBe(false);
  });

  it(`"${wipeDb1}" answered with a device the model made up`, async () => {
    const invented: RunbookOutput = {
      ...wipeJob,
      matched: true,
      name: 'Wipe the disk on db-1',
      options: [
        { name: 'host', description: 'Host.', required: true, defaultValue: 'db-1' },
        { name: 'device', description: 'Device to erase.', required: false, defaultValue: '/dev/nvme1n1' },
      ],
      nodeFilter: 'name: ${option.host}',
    };
    openai.enqueue({ kind: 'ok', json: invented });
    const draft = await generate(service, { description: wipeDb1 });
    expect(draft).toMatchObject({ matched: true, requiresApproval: true });
    expect(draft.options).toContainEqual(expect.objectContaining({ name: 'device', required: true, defaultValue: null }));
    expect(draft.options).toContainEqual(expect.objectContaining({ name: 'host', defaultValue: 'db-1' }));
    expect(`${draft.text}${draft.rundeckYaml}`).not.toContain('nvme1n1');
    expect(executionEnabled(draft)).toBe(false);
  });
});
