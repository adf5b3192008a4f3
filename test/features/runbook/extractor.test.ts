import { describe, expect, it } from 'vitest';
import { runbookOutputSchema, type RunbookOutput } from '../../../src/features/runbook/output-schema.js';
import { libraryRunbooks } from '../../../src/features/runbook/library/index.js';
import { slugOf } from '../../../src/features/runbook/library/request-facts.js';
import { closestRunbook } from '../../../src/features/runbook/library/retrieval.js';
import { reviewRunbook } from '../../../src/features/runbook/safety-review.js';
import { classifyCommand } from '../../../src/guard/command-policy.js';
import { sampleIncidents } from '../../../src/incidents/sample/index.js';
import type { Incident } from '../../../src/incidents/types.js';
import { GroundingError } from '../../../src/llm/providers/extractive/extractor.js';
import { defaultExtractors } from '../../../src/features/feature-modules.js';
import { extractRunbook, runbookExtractor } from '../../../src/features/runbook/extractor.js';

const incident = (id: string): Incident => sampleIncidents.find((item) => item.id === id)!;

const runbook = (description: string, from?: Incident): RunbookOutput =>
  runbookOutputSchema.parse(extractRunbook({ input: { description, incidentId: from?.id ?? null }, ...(from && { incident: from }) }));

const defaultOf = (output: RunbookOutput, name: string): string | null | undefined => output.options.find((option) => option.name === name)?.defaultValue;

/** One request per library runbook, with the values its options must take. */
const cases = [
  {
    id: 'restart-service-rolling',
    request: 'restart the payments pods in us-east-1 one at a time and check the health endpoint after each',
    // No namespace is named: it is asked at run time, never guessed from the service (issue 11).
    defaults: { deployment: 'payments', namespace: null, context: 'us-east-1', health_path: '/healthz' },
    worst: 'changes-state',
  },
  {
    id: 'rollback-deploy',
    request: 'roll back the checkout-api deployment in namespace shop to revision 41, the last deploy broke it',
    defaults: { deployment: 'checkout-api', namespace: 'shop', revision: '41' },
    worst: 'changes-state',
  },
  {
    id: 'scale-out',
    request: 'scale out the orders-api deployment to 12 replicas in namespace orders on cluster prod-use1',
    defaults: { deployment: 'orders-api', namespace: 'orders', replicas: '12', context: 'prod-use1' },
    worst: 'changes-state',
  },
  {
    id: 'free-disk-space',
    request: 'the /var/lib/docker volume on web-7 is full: free disk space by cleaning old logs older than 3 days',
    defaults: { host: 'web-7', path: '/var/lib/docker', days: '3' },
    // Deleting old logs loses data: destructive, approved by a person (issue 11).
    worst: 'destructive',
  },
  {
    id: 'rotate-certificate',
    request: 'rotate the expired TLS certificate of api.example.com stored in secret api-tls in the edge namespace',
    defaults: { secret: 'api-tls', domain: 'api.example.com', namespace: 'edge' },
    worst: 'changes-state',
  },
  {
    id: 'collect-diagnostics',
    request: 'collect diagnostics for the recommendations-api pods, they keep getting OOM killed',
    defaults: { deployment: 'recommendations-api', namespace: null, since: '30m' },
    worst: 'read-only',
  },
  {
    id: 'wipe-disk',
    request: 'wipe the data disk /dev/sdb on db-replica-3 before we decommission it',
    defaults: { host: 'db-replica-3', device: '/dev/sdb' },
    worst: 'destructive',
  },
] as const;

describe('runbook retrieval', () => {
  it('has one case per library runbook', () => {
    expect(new Set(cases.map((item) => item.id))).toEqual(new Set(libraryRunbooks.map((item) => item.id)));
  });

  it.each(cases)('picks $id for its request', ({ id, request }) => {
    const retrieval = closestRunbook(request);
    expect(retrieval.runbook.id).toBe(id);
    expect(retrieval.score).toBeGreaterThan(0);
    expect(retrieval.ranking[0]!.id).toBe(id);
  });

  it('falls back to the read-only diagnostics runbook when nothing matches', () => {
    const retrieval = closestRunbook('make me a sandwich');
    expect(retrieval.score).toBe(0);
    expect(retrieval.runbook.id).toBe('collect-diagnostics');
    const output = runbook('make me a sandwich');
    expect(output.description).toMatch(/^No runbook matches the request: no runbook of the library is close to the request/);
    expect(output.matched).toBe(false);
    expect(output.steps.every((step) => classifyCommand(step.command).class === 'read-only')).toBe(true);
  });
});

describe('runbook extractor', () => {
  it('is the registered runbook extractor', () => {
    expect(defaultExtractors.runbook).toBe(runbookExtractor);
    expect(runbookExtractor.feature).toBe('runbook');
  });

  it.each(cases)('$id: valid against the schema, filled from the request, reviewed clean', ({ request, defaults, worst }) => {
    const output = runbook(request);
    for (const [name, value] of Object.entries(defaults)) expect(defaultOf(output, name), name).toBe(value);
    const review = reviewRunbook(output, request);
    expect(review.problems).toEqual([]);
    const classes = review.steps.map((step) => step.safety.class);
    expect(classes.includes(worst) || worst === 'read-only').toBe(true);
    expect(review.steps.every((step) => !step.beyondRequest)).toBe(true);
    // Every step is a real command the policy can read: nothing fails closed by accident.
    for (const step of review.steps) expect(step.safety.reasons.join(' ')).not.toMatch(/cannot parse|not a program the policy knows/);
    expect(output.steps.length).toBeGreaterThanOrEqual(3);
    expect(output.nodeFilter).not.toBeNull();
  });

  it('asks for approval of the destructive steps of the wipe', () => {
    const request = 'wipe the data disk /dev/sdb on db-replica-3 before we decommission it';
    const review = reviewRunbook(runbook(request), request);
    expect(review.requested.limit).toBe('destructive');
    expect(review.requiresApproval).toBe(true);
    expect(review.steps.filter((step) => step.safety.class === 'destructive').length).toBeGreaterThanOrEqual(1);
    expect(review.approvalReasons.join(' ')).toMatch(/wipefs/);
  });

  it('fills options from the incident: its cluster, namespace, and the full service name', () => {
    const output = runbook('restart the payments pods one at a time', incident('PDEMO01'));
    expect(defaultOf(output, 'deployment')).toBe('payments-api');
    expect(defaultOf(output, 'namespace')).toBe('payments');
    expect(defaultOf(output, 'context')).toBe('prod-use1');
    expect(output.name).toContain('payments-api');
  });

  it('takes the service from the incident when the request names none', () => {
    const output = runbook('collect diagnostics', incident('PDEMO06'));
    expect(defaultOf(output, 'deployment')).toBe('recommendations-api');
    expect(defaultOf(output, 'namespace')).toBe('recs');
  });

  it.each(sampleIncidents.map((item) => [item.id, item] as const))('answers for incident %s', (_id, item) => {
    const request = 'collect diagnostics for the affected service';
    const output = runbook(request, item);
    expect(reviewRunbook(output, request).requiresApproval).toBe(false);
    const names = [...item.services.map((service) => slugOf(service.name)), ...item.alerts.flatMap((alert) => [alert.body.service, alert.body.deployment].filter((name): name is string => typeof name === 'string'))];
    expect(names).toContain(defaultOf(output, 'deployment'));
  });

  it('leaves out the steps a request did not ask for when the rest still does the job', () => {
    const request = 'check disk usage on web-3 without changing anything';
    const output = runbook(request);
    expect(output.steps.length).toBeGreaterThan(0);
    expect(output.steps.every((step) => classifyCommand(step.command).class === 'read-only')).toBe(true);
    const review = reviewRunbook(output, request);
    expect(review.requiresApproval).toBe(false);
    expect(review.problems).toEqual([]);
  });

  it('leaves unknown values as required options without a default', () => {
    const output = runbook('scale out the service');
    const replicas = output.options.find((option) => option.name === 'replicas')!;
    expect(replicas).toMatchObject({ required: true, defaultValue: null });
  });

  it('is deterministic and needs a description', () => {
    const request = 'restart the checkout pods';
    expect(runbook(request)).toEqual(runbook(request));
    expect(() => extractRunbook({ input: {} })).toThrow(GroundingError);
    expect(() => extractRunbook({ input: { description: '   ' } })).toThrow(GroundingError);
  });
});
