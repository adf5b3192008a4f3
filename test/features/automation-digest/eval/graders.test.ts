import { describe, expect, it } from 'vitest';
import { automationDigestGraders, digestText } from '../../../../src/features/automation-digest/eval/graders.js';
import type { AutomationDigestOutput } from '../../../../src/features/automation-digest/output-schema.js';
import { exdemo02Failed, rjdemo01RestartPaymentsApi } from '../../../../src/incidents/sample/rjdemo01-restart-payments-api.js';
import { caseOf, completed, failed } from '../../../eval/support/outcomes.js';

const lines = new Map([['LOG_LINE', new Set(exdemo02Failed.log.map((_, index) => `L${index + 1}`))]]);
const evalCase = caseOf({
  id: 'ad-test',
  feature: 'automationDigest',
  title: 't',
  data: { job: rjdemo01RestartPaymentsApi, execution: exdemo02Failed },
  input: { jobId: 'RJDEMO01', executionId: 'EXDEMO02' },
  expected: { mustState: [['pgbouncer'], ['readiness', 'timed out']], mustNotState: ['out of memory'], outcome: 'FAILED', failingStep: 4 },
});
const cite = (line: number, excerpt: string) => [{ sourceType: 'LOG_LINE' as const, sourceId: `L${line}`, excerpt }];
const good: AutomationDigestOutput = {
  outcome: 'FAILED',
  summary: { text: 'The rolling restart timed out at step 4: the 3 new pods never became ready.', citations: cite(36, 'timed out waiting for the condition') },
  failingStep: { number: 4, description: 'Wait for the rollout to complete (timeout 300s)', citations: cite(36, 'timed out') },
  probableCause: { text: 'The readiness check fails because PgBouncer cannot connect to the database server.', citations: cite(47, 'pgbouncer cannot connect to server') },
  nextSteps: [{ text: 'Fix PgBouncer, then undo the stuck rollout with kubectl rollout undo.', citations: cite(52, 'rollout undo') }],
};

describe('automationDigestGraders', () => {
  it('rewards the right outcome, failing step and cause', () => {
    const grade = automationDigestGraders.grade(evalCase, completed(good, lines));
    expect(grade.metrics).toMatchObject({ schemaValid: 1, citationValidity: 1, outcomeCorrect: 1, failingStepFound: 1, factRecall: 1, forbiddenFree: 1, hallucinationRate: 0 });
  });

  it('catches a wrong outcome and step, an invented cause and bad citations', () => {
    const wrong: AutomationDigestOutput = {
      ...good,
      outcome: 'SUCCEEDED',
      failingStep: { ...good.failingStep!, number: 3, citations: cite(999, 'x') },
      probableCause: { text: 'The node ran out of memory.', citations: [] },
    };
    const grade = automationDigestGraders.grade(evalCase, completed(wrong, lines));
    expect(grade.metrics).toMatchObject({ outcomeCorrect: 0, failingStepFound: 0, forbiddenFree: 0, factRecall: 1 });
    expect(grade.metrics.citationValidity).toBe(0.5);
    expect(grade.notes).toEqual(expect.arrayContaining(['outcome SUCCEEDED, expected FAILED', 'failing step 3, expected 4']));
  });

  it('expects no failing step for a run that did not fail, and leaves unlabelled steps ungraded', () => {
    const succeeded = caseOf({ ...evalCase, expected: { outcome: 'SUCCEEDED', failingStep: null } });
    const none = { ...good, outcome: 'SUCCEEDED' as const, failingStep: null, probableCause: null };
    expect(automationDigestGraders.grade(succeeded, completed(none, lines)).metrics).toMatchObject({ outcomeCorrect: 1, failingStepFound: 1 });
    const unlabelled = caseOf({ ...evalCase, expected: { outcome: 'ABORTED' } });
    expect(automationDigestGraders.grade(unlabelled, completed(good, lines)).metrics.failingStepFound).toBeNull();
    expect(automationDigestGraders.grade(evalCase, failed('INVALID_MODEL_OUTPUT')).metrics).toMatchObject({ schemaValid: 0, outcomeCorrect: 0, failingStepFound: 0 });
  });

  it('reads what the digest says in its own words', () => {
    expect(digestText(good)).toContain('PgBouncer cannot connect');
    expect(digestText(good)).not.toContain('pgbouncer cannot connect to server');
  });
});
