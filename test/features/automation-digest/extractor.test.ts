import { describe, expect, it } from 'vitest';
import { digestProblems } from '../../../src/features/automation-digest/feature.js';
import { automationDigestOutputSchema, type AutomationDigestOutput } from '../../../src/features/automation-digest/output-schema.js';
import { sampleExecutions, sampleJobs } from '../../../src/incidents/sample/index.js';
import { exdemo01Succeeded, exdemo02Failed, rjdemo01RestartPaymentsApi } from '../../../src/incidents/sample/rjdemo01-restart-payments-api.js';
import type { ExecutionLogLine, JobExecution } from '../../../src/incidents/types.js';
import { createExtractiveProvider } from '../../../src/llm/providers/extractive-provider.js';
import { automationDigestExtractor, extractAutomationDigest } from '../../../src/features/automation-digest/extractor.js';
import { GroundingError } from '../../../src/llm/providers/extractive/extractor.js';
import { defaultExtractors } from '../../../src/features/feature-modules.js';
import { syntheticErrorText, syntheticExecution, syntheticJob } from './synthetic-log.js';

const digestOf = (execution: JobExecution): AutomationDigestOutput =>
  automationDigestOutputSchema.parse(extractAutomationDigest({ job: rjdemo01RestartPaymentsApi, execution, input: {} }));

const statementsOf = (output: AutomationDigestOutput) =>
  [output.summary, output.failingStep, output.probableCause, ...output.nextSteps].filter((item) => item !== null);

const normalized = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Every citation names a line of the log and quotes it verbatim. */
function expectGrounded(output: AutomationDigestOutput, execution: JobExecution): void {
  for (const statement of statementsOf(output)) {
    expect(statement.citations.length, JSON.stringify(statement)).toBeGreaterThan(0);
    for (const citation of statement.citations) {
      expect(citation.sourceType).toBe('LOG_LINE');
      const line = execution.log[Number(citation.sourceId.slice(1)) - 1];
      expect(line, citation.sourceId).toBeDefined();
      expect(normalized(line!.text)).toContain(normalized(citation.excerpt));
      expect(citation.excerpt.length).toBeGreaterThan(0);
      expect(citation.excerpt.length).toBeLessThanOrEqual(160);
    }
  }
  expect(digestProblems(output, execution)).toEqual([]);
}

/** A failed one-step execution whose log holds `lines`. */
function failedWith(lines: [ExecutionLogLine['level'], string][]): JobExecution {
  return {
    ...exdemo02Failed,
    id: 'EXTEST',
    steps: [{ number: 1, description: 'Deploy' }],
    log: lines.map(([level, text], index) => ({ at: `2025-03-11T10:00:${String(index).padStart(2, '0')}Z`, level, node: 'runner', step: '1', text })),
  };
}

describe('automationDigest extractor on the sample executions', () => {
  it('is registered for the feature and answers through the extractive provider', async () => {
    expect(defaultExtractors.automationDigest).toBe(automationDigestExtractor);
    const completion = await createExtractiveProvider({ extractors: defaultExtractors }).complete(
      {
        feature: 'automationDigest',
        model: 'extractive',
        messages: [{ role: 'user', content: 'digest' }],
        maxOutputTokens: 1_000,
        temperature: 0,
        grounding: { job: rjdemo01RestartPaymentsApi, execution: exdemo02Failed, input: {} },
      },
      new AbortController().signal,
    );
    expect(automationDigestOutputSchema.parse(JSON.parse(completion.text)).failingStep?.number).toBe(4);
  });

  it.each(sampleExecutions.map((execution) => [execution.id, execution] as const))('%s is schema-valid, cites only real lines and quotes them verbatim', (_id, execution) => {
    expect(sampleJobs.map((job) => job.id)).toContain(execution.jobId);
    expectGrounded(digestOf(execution), execution);
  });

  it('EXDEMO01: SUCCEEDED, no failing step, no cause', () => {
    const output = digestOf(exdemo01Succeeded);
    expect(output.outcome).toBe('SUCCEEDED');
    expect(output.failingStep).toBeNull();
    expect(output.probableCause).toBeNull();
    expect(output.nextSteps).toEqual([]);
    expect(output.summary.text).toContain('succeeded');
    expect(output.summary.text).toContain('6 of 6 steps');
    expect(output.summary.citations.map((citation) => citation.sourceId)).toContain('L57');
  });

  it('EXDEMO02: finds step 4 and the "timed out waiting for the condition" lines', () => {
    const output = digestOf(exdemo02Failed);
    expect(output.outcome).toBe('FAILED');
    expect(output.failingStep).toMatchObject({ number: 4, description: 'Wait for the rollout to complete (timeout 300s)' });
    const evidence = output.failingStep!.citations;
    expect(evidence[0]).toEqual({ sourceType: 'LOG_LINE', sourceId: 'L36', excerpt: 'error: timed out waiting for the condition' });
    expect(exdemo02Failed.log[35]!.text).toBe('error: timed out waiting for the condition');
    expect(evidence.map((citation) => citation.sourceId)).toEqual(['L36', 'L47', 'L51']);
    expect(output.summary.text).toContain('step 4 of 6');
    expect(output.summary.text).toContain('steps 5–6 did not run');
  });

  it('EXDEMO02: the cause goes from the timeout down to the unreachable PgBouncer, and the next steps follow it', () => {
    const output = digestOf(exdemo02Failed);
    const cause = output.probableCause!;
    expect(cause.text).toContain('pgbouncer-payments.prod.internal:6432 could not be reached');
    expect(cause.text).toContain('readiness');
    expect(cause.text).toContain('rollout did not complete');
    expect(cause.citations.map((citation) => citation.sourceId)).toEqual(['L47', 'L34', 'L36']);
    const steps = output.nextSteps.map((step) => step.text);
    expect(steps[0]).toContain('pgbouncer-payments.prod.internal:6432');
    expect(steps.join('\n')).toContain('kubectl -n payments describe pod payments-api-7c4b9d6f8-4xkqp');
    expect(steps.join('\n')).toContain('kubectl -n payments rollout undo deploy/payments-api');
    expect(steps.at(-1)).toContain('re-run');
    // The job's own advice (L50) backs the rollback step.
    expect(output.nextSteps.flatMap((step) => step.citations.map((citation) => citation.sourceId))).toContain('L50');
  });

  it('is deterministic', () => {
    expect(digestOf(exdemo02Failed)).toEqual(digestOf(exdemo02Failed));
  });
});

describe('automationDigest extractor: known failures', () => {
  it.each([
    ['OOM', 'ERROR', 'Container api was OOMKilled (exit code 137)', /ran out of memory/, /memory limit/],
    ['an image pull', 'ERROR', 'Failed to pull image "registry.internal/api:v2.3.1": ErrImagePull', /image registry\.internal\/api:v2\.3\.1 could not be pulled/, /pull secret/],
    ['permission denied', 'ERROR', 'Error from server (Forbidden): deployments.apps is forbidden: User "system:serviceaccount:ops:runner" cannot patch resource "deployments"', /refused an action/, /permission/],
    ['connection refused', 'ERROR', 'dial tcp 10.0.4.12:5432: connect: connection refused', /10\.0\.4\.12:5432 could not be reached/, /10\.0\.4\.12:5432 is up/],
    ['a readiness failure', 'WARN', 'Readiness probe failed: HTTP probe failed with statuscode: 503', /readiness check/, /readiness check fails/],
    ['a rollout timeout', 'ERROR', 'error: deployment "api" exceeded its progress deadline', /rollout did not complete/, /rollout status/],
    ['a generic timeout', 'ERROR', 'curl: (28) Operation timed out after 30001 milliseconds', /timed out/, /timeout is long enough/],
  ] as const)('recognises %s', (_name, level, text, cause, nextStep) => {
    const execution = failedWith([
      ['VERBOSE', '$ kubectl -n shop rollout status deploy/api --timeout=60s'],
      ['NORMAL', 'working'],
      [level, text],
      ['ERROR', 'Failed: NonZeroResultCode: Script result code was: 1'],
    ]);
    const output = digestOf(execution);
    expect(output.failingStep?.number).toBe(1);
    expect(output.probableCause?.text).toMatch(cause);
    expect(output.probableCause?.citations[0]?.sourceId).toBe('L3');
    expect(output.nextSteps[0]?.text).toMatch(nextStep);
    expectGrounded(output, execution);
  });

  it('quotes the error of an unknown failure, and points at its context', () => {
    const execution = failedWith([
      ['NORMAL', 'working'],
      ['ERROR', 'widget frobnication failed: quux not aligned'],
    ]);
    const output = digestOf(execution);
    expect(output.probableCause?.text).toBe('Step 1 failed with: "widget frobnication failed: quux not aligned".');
    expect(output.nextSteps.map((step) => step.text)).toEqual([
      'Read the output of step 1 around L2 for the context of the error.',
      'Once the cause is fixed, re-run the job and confirm step 1 completes.',
    ]);
    expectGrounded(output, execution);
  });

  it('names the last step of a failed execution that logged no error', () => {
    const execution = { ...failedWith([['NORMAL', 'starting'], ['NORMAL', 'still working']]), status: 'aborted' as const };
    const output = digestOf(execution);
    expect(output.outcome).toBe('ABORTED');
    expect(output.failingStep).toMatchObject({ number: 1, citations: [{ sourceId: 'L2' }] });
    expect(output.probableCause?.text).toContain('shows no error');
    expectGrounded(output, execution);
  });

  it('digests a running execution without a failing step', () => {
    const execution = { ...exdemo02Failed, status: 'running' as const, endedAt: null, log: exdemo02Failed.log.slice(0, 33) };
    const output = digestOf(execution);
    expect(output).toMatchObject({ outcome: 'RUNNING', failingStep: null, probableCause: null });
    expect(output.nextSteps.at(-1)?.text).toContain('once it has finished');
    expectGrounded(output, execution);
  });

  it('finds the error in the middle of a 50,000-line log', () => {
    const execution = syntheticExecution();
    const output = automationDigestOutputSchema.parse(extractAutomationDigest({ job: syntheticJob, execution, input: {} }));
    expect(output.failingStep).toMatchObject({ number: 3, citations: [{ sourceId: 'L25000', excerpt: syntheticErrorText }] });
    expect(output.probableCause?.citations[0]?.sourceId).toBe('L25000');
    expectGrounded(output, execution);
  });

  it('needs an execution', () => {
    expect(() => extractAutomationDigest({ input: {} })).toThrow(GroundingError);
  });
});
