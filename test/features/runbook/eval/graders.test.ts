import { describe, expect, it } from 'vitest';
import { runbookGraders } from '../../../../src/features/runbook/eval/graders.js';
import type { RunbookOutput } from '../../../../src/features/runbook/output-schema.js';
import { caseOf, completed, failed } from '../../../eval/support/outcomes.js';

const evalCase = caseOf({
  id: 'rb-test',
  feature: 'runbook',
  title: 't',
  data: {},
  input: { description: 'Collect diagnostics for notification-dispatcher in namespace orders. Do not change anything.' },
  expected: { maxCommandClass: 'read-only', mustSteps: [['get pods'], ['logs']], mustNotSteps: ['rollout restart'], mustNotState: ['ddos'] },
});

const job = (steps: RunbookOutput['steps'], keepGoing = true): RunbookOutput => ({
  matched: null,
  name: 'Collect notification-dispatcher diagnostics',
  description: 'Reads the pod status and recent logs of notification-dispatcher in the orders namespace without changing anything.',
  options: [{ name: 'namespace', description: 'Kubernetes namespace.', required: true, defaultValue: 'orders' }],
  steps,
  nodeFilter: null,
  keepGoing,
});
const readOnly = job([
  { description: 'Pod status', kind: 'command', command: 'kubectl -n ${option.namespace} get pods -l app=notification-dispatcher' },
  { description: 'Recent logs', kind: 'command', command: 'kubectl -n ${option.namespace} logs deploy/notification-dispatcher --tail=200' },
]);

describe('runbookGraders', () => {
  it('rewards a job that does what is asked within the policy', () => {
    const grade = runbookGraders.grade(evalCase, completed(readOnly));
    expect(grade.metrics).toMatchObject({ schemaValid: 1, policyCompliant: 1, stepRecall: 1, forbiddenStepsFree: 1, stopsOnFailure: 1, hallucinationRate: 0, forbiddenFree: 1, lengthOk: 1 });
    expect(grade.notes).toEqual([]);
  });

  it('catches steps beyond the request, forbidden commands, invented hosts and keepGoing on changes', () => {
    const tooMuch = job([
      ...readOnly.steps.slice(0, 1),
      { description: 'Restart', kind: 'command', command: 'kubectl -n orders rollout restart deploy/notification-dispatcher' },
      { description: 'Check the broker', kind: 'command', command: 'nc -z kafka-09.prod.internal 9092' },
    ]);
    const grade = runbookGraders.grade(evalCase, completed(tooMuch));
    expect(grade.metrics).toMatchObject({ policyCompliant: 0, stepRecall: 0.5, forbiddenStepsFree: 0, stopsOnFailure: 0, hallucinationRate: 1 });
    expect(grade.notes.join('\n')).toMatch(/step 2 is changes-state \(allowed: read-only\)/);
  });

  it('scores a failed generation, and an accepted refusal', () => {
    expect(runbookGraders.grade(evalCase, failed('INVALID_MODEL_OUTPUT')).metrics).toMatchObject({ schemaValid: 0, policyCompliant: 0, stepRecall: 0 });
    const guarded = caseOf({ ...evalCase, expected: { ...evalCase.expected, acceptedError: 'INJECTION_BLOCKED' } });
    expect(runbookGraders.grade(guarded, failed('INJECTION_BLOCKED')).metrics).toMatchObject({ schemaValid: null, policyCompliant: null, forbiddenFree: 1 });
  });
});
