import { describe, expect, it } from 'vitest';
import { runbookFeature } from '../../../src/features/runbook/feature.js';
import { runbookOutputSchema, runbookOutputSpec, type RunbookOutput } from '../../../src/features/runbook/output-schema.js';
import { requestedScope } from '../../../src/features/runbook/requested-scope.js';
import { reviewRunbook } from '../../../src/features/runbook/safety-review.js';
import type { Principal } from '../../../src/guard/auth/principal.js';
import { diagnosticsWithDeletion, restartJob, wipeJob } from './fixtures.js';

describe('requestedScope', () => {
  it.each([
    ['collect diagnostics for payments-api', 'read-only'],
    ['check the health endpoint of checkout', 'read-only'],
    ['show me the logs, read-only please, and restart nothing', 'read-only'],
    ['look at the pods without restarting anything', 'read-only'],
    ['restart the payments pods in us-east-1 one at a time and check the health endpoint after each', 'changes-state'],
    ['roll back the last deploy of orders-api', 'changes-state'],
    ['scale checkout to 10 replicas', 'changes-state'],
    ['wipe the data disk /dev/sdb on db-3', 'destructive'],
    ['drop the stale staging database', 'destructive'],
    ['do the usual thing for payments', 'changes-state'],
  ] as const)('%j asks for at most %s', (request, limit) => {
    expect(requestedScope(request).limit).toBe(limit);
  });
});

describe('reviewRunbook', () => {
  it('finds nothing wrong with a clean job', () => {
    const review = reviewRunbook(restartJob, 'restart the payments-api pods');
    expect(review.problems).toEqual([]);
    expect(review.requiresApproval).toBe(false);
    expect(review.steps.map((step) => step.safety.class)).toEqual(['read-only', 'changes-state', 'read-only']);
  });

  it('requires approval for destructive steps the request asked for, without calling them a problem', () => {
    const review = reviewRunbook(wipeJob, 'wipe the disk /dev/sdb on db-replica-3');
    expect(review.requiresApproval).toBe(true);
    expect(review.problems).toEqual([]);
    expect(review.approvalReasons).toHaveLength(2);
    expect(review.approvalReasons[0]).toMatch(/^Step 2 is destructive: .*wipefs/);
    expect(review.steps[2]!.safety.class).toBe('destructive');
  });

  it('flags a step the request did not ask for, as a problem for the repair and as an approval reason', () => {
    const review = reviewRunbook(diagnosticsWithDeletion, 'collect diagnostics for payments-api');
    expect(review.requested.limit).toBe('read-only');
    expect(review.steps[2]).toMatchObject({ beyondRequest: true, safety: { class: 'destructive' } });
    expect(review.problems.some((problem) => problem.startsWith('step 3 (`kubectl delete namespace ${option.namespace}`) is destructive'))).toBe(true);
    expect(review.problems).toContain('keepGoing must be false when a step changes state: a failed change must stop the job');
    expect(review.requiresApproval).toBe(true);
    expect(review.approvalReasons.some((reason) => reason.includes('but the request asks only for read-only work'))).toBe(true);
  });

  it('reports options used but not declared, declared twice, or written in the other step kind', () => {
    const job: RunbookOutput = {
      ...restartJob,
      options: [...restartJob.options, restartJob.options[0]!],
      steps: [
        { description: 'a', kind: 'command', command: 'kubectl -n ${option.ns} get pods' },
        { description: 'b', kind: 'command', command: 'kubectl -n @option.namespace@ get pods' },
        { description: 'c', kind: 'script', command: '#!/bin/bash\nkubectl -n ${option.namespace} get pods\necho $RD_OPTION_MISSING' },
      ],
    };
    expect(reviewRunbook(job, 'show the pods').problems).toEqual([
      'the option "namespace" is declared twice',
      'step 1 uses the option "ns", which is not declared in options',
      'step 2 is a command step: Rundeck expands options there as ${option.namespace}, not @option.namespace@',
      'step 3 is a script step: Rundeck does not expand ${option.namespace} in scripts; write @option.namespace@ instead',
      'step 3 uses $RD_OPTION_MISSING, but no declared option has that name',
    ]);
  });

  it('is the feature check that triggers the repair', () => {
    const principal = { accountId: 'demo', userId: 'u', scopes: new Set() } as unknown as Principal;
    const context = { principal, input: { description: 'collect diagnostics for payments-api', incidentId: null }, incident: null, job: null, execution: null };
    expect(runbookFeature.check!(diagnosticsWithDeletion, context).length).toBeGreaterThan(0);
    expect(runbookFeature.check!(restartJob, { ...context, input: { description: 'restart payments-api', incidentId: null } })).toEqual([]);
    expect(runbookFeature.sourceIds(context).size).toBe(0);
  });
});

describe('runbook output schema', () => {
  it('accepts the fixtures and rejects what Rundeck or the contract cannot take', () => {
    for (const job of [restartJob, wipeJob, diagnosticsWithDeletion]) expect(runbookOutputSchema.safeParse(job).success).toBe(true);
    const invalid = [
      { ...restartJob, steps: [] },
      { ...restartJob, options: [{ ...restartJob.options[0]!, name: 'bad name!' }] },
      { ...restartJob, steps: [{ ...restartJob.steps[0]!, kind: 'playbook' }] },
      { ...restartJob, steps: [{ ...restartJob.steps[0]!, command: '' }] },
      { ...restartJob, keepGoing: 'no' },
      (({ nodeFilter: _unused, ...rest }) => rest)(restartJob),
    ];
    for (const job of invalid) expect(runbookOutputSchema.safeParse(job).success, JSON.stringify(job).slice(0, 80)).toBe(false);
  });

  it('gives providers a strict-mode JSON schema: every property required, nothing extra', () => {
    const schema = runbookOutputSpec.jsonSchema as { properties: Record<string, { items?: { required: string[]; additionalProperties: boolean } }>; required: string[]; additionalProperties: boolean };
    expect(runbookOutputSpec.name).toBe('runbook_job');
    expect(schema.required).toEqual(Object.keys(schema.properties));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.steps!.items).toMatchObject({ required: ['description', 'kind', 'command'], additionalProperties: false });
    expect(schema.properties.options!.items).toMatchObject({ required: ['name', 'description', 'required', 'defaultValue'], additionalProperties: false });
    // The order the model writes in is the order the renderer relies on while streaming.
    expect(Object.keys(schema.properties)).toEqual(['matched', 'name', 'description', 'options', 'steps', 'nodeFilter', 'keepGoing']);
  });
});
