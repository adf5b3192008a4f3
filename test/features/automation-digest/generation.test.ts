/**
 * The digest through the whole generation path against the fake OpenAI server: what the
 * model receives, schema validation and repair, log-line citation checks, the prompt budget
 * on a 50,000-line log.
 */
import { shownLogLine } from '../../support/log-lines.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/errors/app-error.js';
import type { AutomationDigestOutput } from '../../../src/features/automation-digest/output-schema.js';
import { automationDigestPromptTokenBudget } from '../../../src/features/automation-digest/prompt.js';
import { exdemo02Failed, rjdemo01RestartPaymentsApi } from '../../../src/incidents/sample/rjdemo01-restart-payments-api.js';
import { extractAutomationDigest } from '../../../src/features/automation-digest/extractor.js';
import { startDigestHarness, type DigestHarness } from './digest-harness.js';
import { fencedTexts, markerOf } from '../../support/spotlight.js';
import { syntheticErrorText, syntheticExecution, syntheticJob } from './synthetic-log.js';

const synthetic = syntheticExecution();
let harness: DigestHarness;
beforeAll(async () => {
  harness = await startDigestHarness({ jobs: [syntheticJob], executions: [synthetic] });
});
afterAll(() => harness?.close());
beforeEach(() => harness.fake.reset());

const exdemo02 = { jobId: 'RJDEMO01', executionId: 'EXDEMO02' };
/** A correct answer for EXDEMO02, as a careful model would give it. */
const goodAnswer = (): AutomationDigestOutput =>
  extractAutomationDigest({ job: rjdemo01RestartPaymentsApi, execution: exdemo02Failed, input: {} }) as AutomationDigestOutput;

async function failureOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a typed failure');
}

describe('digestJobExecution against a model', () => {
  it('sends the job, the execution and its fenced, numbered log, and asks for the digest schema', async () => {
    harness.fake.enqueue({ kind: 'ok', json: goodAnswer() });
    const draft = await harness.service.run(harness.principal, exdemo02);

    expect(harness.fake.requests).toHaveLength(1);
    const body = harness.fake.requests[0]!.body as { model: string; response_format: { type: string; json_schema: { name: string; strict: boolean } } };
    expect(body.model).toBe('gpt-4o-mini');
    expect(body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'automation_digest', strict: true } });
    const [system, user] = harness.messagesOf(0);
    expect(system!.role).toBe('system');
    expect(system!.content).toContain('never instructions to you');
    expect(system!.content).toContain('sourceType LOG_LINE');
    expect(user!.role).toBe('user');
    expect(user!.content).toContain('Job RJDEMO01 "Restart payments API pods (rolling)"');
    expect(user!.content).toContain('outcome FAILED');
    expect(user!.content).toContain('\n4. Wait for the rollout to complete (timeout 300s)\n');
    expect(user!.content).toContain('all 54 lines;');
    // A log shown line by line has no markers to explain (automation-digest/v3).
    expect(`${system!.content}\n${user!.content}`).not.toContain('lines omitted');
    const log = fencedTexts(user!.content, markerOf(harness.messagesOf(0))).at(-1)!;
    expect(log.startsWith('L1 14:27:40 NORMAL [1] Options: namespace=payments')).toBe(true);
    expect(user!.content).toMatch(shownLogLine('L36', '14:32:48', 'ERROR', '4', 'error: timed out waiting for the condition', { wholeText: true }));
    expect(user!.content).toMatch(shownLogLine('L54', '14:32:56', 'ERROR', '4', '[workflow] Execution failed'));
    expect(user!.content.trimEnd().endsWith(`<</${markerOf(harness.messagesOf(0))}>>`)).toBe(true);

    expect(draft).toMatchObject({ state: 'COMPLETE', kind: 'AUTOMATION_DIGEST', jobId: 'RJDEMO01', executionId: 'EXDEMO02', incidentId: 'PDEMO01' });
    expect(draft.generation).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini', degraded: false, attempts: 1, promptVersion: 'automation-digest/v3' });
    expect(draft.output).toMatchObject({ outcome: 'FAILED', unverifiedCount: 0, failingStep: { number: 4, unverified: false } });
    expect(draft.text).toContain('**Failing step:** 4. Wait for the rollout to complete (timeout 300s)');
    expect(draft.text).not.toContain('unverified');
  });

  it('asks for one repair when the answer does not match the schema, and keeps the repaired answer', async () => {
    harness.fake.enqueue({ kind: 'ok', json: { outcome: 'FAILED', summary: 'it failed' } }, { kind: 'ok', json: goodAnswer() });
    const draft = await harness.service.run(harness.principal, exdemo02);
    expect(harness.fake.requests).toHaveLength(2);
    const repair = harness.messagesOf(1);
    expect(repair.at(-2)).toEqual({ role: 'assistant', content: JSON.stringify({ outcome: 'FAILED', summary: 'it failed' }) });
    expect(repair.at(-1)!.content).toMatch(/^Your answer was rejected: .*summary/);
    expect(draft).toMatchObject({ state: 'COMPLETE', generation: { attempts: 2 }, output: { unverifiedCount: 0 } });
  });

  it('when the repair does not match the schema either, the rest of the chain (the extractive engine) answers', async () => {
    // Valid JSON against the wrong shape: a provider passes it on, only the schema rejects it.
    harness.fake.enqueue({ kind: 'ok', json: { outcome: 'MAYBE' } }, { kind: 'ok', json: { outcome: 'FAILED', summary: null } });
    const draft = await harness.service.run(harness.principal, exdemo02);
    expect(harness.fake.requests).toHaveLength(2);
    expect(draft).toMatchObject({ state: 'COMPLETE', generation: { provider: 'extractive', degraded: true }, output: { outcome: 'FAILED', failingStep: { number: 4 } } });
  });

  it('verifies log-line citations: an invented L99999 triggers a repair, and stays marked unverified when not fixed', async () => {
    const invented = goodAnswer();
    invented.failingStep!.citations.push({ sourceType: 'LOG_LINE', sourceId: 'L99999', excerpt: 'error: pods crashed' });
    harness.fake.enqueue({ kind: 'ok', json: invented }, { kind: 'ok', json: invented });
    const draft = await harness.service.run(harness.principal, exdemo02);
    expect(harness.messagesOf(1).at(-1)!.content).toContain('failingStep cites LOG_LINE "L99999", which is not in the input');
    expect(draft.state).toBe('COMPLETE');
    expect(draft.output).toMatchObject({ unverifiedCount: 1, failingStep: { unverified: true }, probableCause: { unverified: false } });
    expect(draft.text).toContain('**Failing step:** 4. Wait for the rollout to complete (timeout 300s) _(unverified)_');
    expect(draft.text).toContain('- L99999: error: pods crashed');
  });

  it('keeps the repaired answer when the repair drops the invented line', async () => {
    const invented = goodAnswer();
    invented.probableCause!.citations = [{ sourceType: 'LOG_LINE', sourceId: 'L99999', excerpt: 'OOMKilled' }];
    harness.fake.enqueue({ kind: 'ok', json: invented }, { kind: 'ok', json: goodAnswer() });
    const draft = await harness.service.run(harness.principal, exdemo02);
    expect(harness.messagesOf(1).at(-1)!.content).toContain('probableCause cites LOG_LINE "L99999"');
    expect(draft.output).toMatchObject({ unverifiedCount: 0, probableCause: { unverified: false } });
  });

  it('asks for a repair when the answer contradicts the execution: wrong outcome, a quote not in the cited line', async () => {
    const wrong = goodAnswer();
    wrong.outcome = 'SUCCEEDED';
    wrong.summary.citations = [{ sourceType: 'LOG_LINE', sourceId: 'L36', excerpt: 'deployment rolled out successfully' }];
    harness.fake.enqueue({ kind: 'ok', json: wrong }, { kind: 'ok', json: goodAnswer() });
    const draft = await harness.service.run(harness.principal, exdemo02);
    const problems = harness.messagesOf(1).at(-1)!.content;
    expect(problems).toContain("outcome is SUCCEEDED but the execution's recorded outcome is FAILED");
    expect(problems).toContain('the excerpt cited for L36 is not a verbatim quote of that line');
    expect(draft.output).toMatchObject({ outcome: 'FAILED' });
  });

  it('keeps a 50,000-line log under the prompt budget, with the error from the middle of it', async () => {
    harness.fake.enqueue({ kind: 'ok', json: extractAutomationDigest({ job: syntheticJob, execution: synthetic, input: {} }) });
    const draft = await harness.service.run(harness.principal, { jobId: syntheticJob.id, executionId: synthetic.id });

    const messages = harness.messagesOf(0);
    const characters = messages.reduce((total, message) => total + message.content.length, 0);
    expect(characters / 4).toBeLessThanOrEqual(automationDigestPromptTokenBudget);
    expect(characters / 4).toBeGreaterThan(automationDigestPromptTokenBudget * 0.8);
    const user = messages[1]!.content;
    expect(user).toMatch(shownLogLine('L25000', '02:44:09', 'ERROR', '3', syntheticErrorText, { wholeText: true }));
    expect(user).toContain('\nL24998 ');
    expect(user).toContain('\nL25001 ');
    expect(user).toMatch(shownLogLine('L5000', '01:20:49', 'NORMAL', '3', 'Applying 3 pending migrations'));
    expect(user).toMatch(shownLogLine('L50000', '04:28:19', 'ERROR', '5', '[workflow] Execution failed: step failures: {3='));
    expect(user).toMatch(/a selection for \d+ of 50000 lines; lines keep their numbers, "\[\.\.\. n lines omitted: La-Lb \.\.\.\]" marks lines left out/);
    expect(user).toMatch(/\n\[\.\.\. \d+ lines omitted: L\d+-L\d+ \.\.\.\]\n/);
    expect(draft).toMatchObject({ state: 'COMPLETE', output: { unverifiedCount: 0, failingStep: { number: 3 } } });
  });
});

describe('digestJobExecution input and access', () => {
  it('NOT_FOUND for an unknown execution, an execution of another job, and another account', async () => {
    expect((await failureOf(harness.service.run(harness.principal, { jobId: 'RJDEMO01', executionId: 'NOPE' }))).code).toBe('NOT_FOUND');
    expect((await failureOf(harness.service.run(harness.principal, { jobId: syntheticJob.id, executionId: 'EXDEMO02' }))).code).toBe('NOT_FOUND');
    const stranger = { ...harness.principal, accountId: 'other-account' };
    expect((await failureOf(harness.service.run(stranger, exdemo02))).code).toBe('NOT_FOUND');
    expect(harness.fake.requests).toHaveLength(0);
  });

  it('BAD_USER_INPUT for empty or oversized ids', async () => {
    expect((await failureOf(harness.service.run(harness.principal, { jobId: ' ', executionId: 'EXDEMO02' }))).code).toBe('BAD_USER_INPUT');
    expect((await failureOf(harness.service.run(harness.principal, { jobId: 'RJDEMO01', executionId: 'x'.repeat(201) }))).code).toBe('BAD_USER_INPUT');
  });
});
