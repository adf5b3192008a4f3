import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { maxRunbookDescriptionLength } from '../../../src/features/runbook/service.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { draftQuery, generateRunbookJob, type RunbookDraft } from './runbook-graphql.js';

let service: TestApp;
const clients: Client[] = [];
beforeAll(async () => {
  service = await startTestApp();
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await service?.close();
});

async function generate(input: Record<string, unknown>, token?: string) {
  return service.graphql<{ generateRunbookJob: RunbookDraft }>(generateRunbookJob, { input }, token === undefined ? {} : { token });
}

describe('generateRunbookJob on the embedded default (extractive engine)', () => {
  it('builds the closest library runbook, each step classified, with an importable Rundeck job', async () => {
    const request = 'restart the payments pods in us-east-1 one at a time and check the health endpoint after each';
    const result = await generate({ description: request });
    expect(result.errors).toBeUndefined();
    const draft = result.data!.generateRunbookJob;
    expect(draft).toMatchObject({ kind: 'RUNBOOK_JOB', state: 'COMPLETE', incidentId: null, request, requestedClass: 'CHANGES_STATE', requiresApproval: false, approvalReasons: [], keepGoing: false, nodeFilter: 'tags: kubectl', unverifiedCount: 0 });
    expect(draft.generation).toMatchObject({ provider: 'extractive', degraded: true, attempts: 1, promptVersion: 'runbook/v3' });
    expect(draft.name).toContain('one at a time');
    expect(draft.options).toContainEqual({ name: 'context', description: expect.any(String), required: true, defaultValue: 'us-east-1' });
    expect(draft.steps!.map((step) => step.order)).toEqual(draft.steps!.map((_, index) => index + 1));
    expect(draft.steps!.some((step) => step.kind === 'SCRIPT' && step.safety.class === 'CHANGES_STATE')).toBe(true);
    expect(draft.steps!.every((step) => step.safety.reasons.length > 0 && !step.beyondRequest)).toBe(true);
    expect(draft.text).toContain(`## ${draft.name}`);

    const [job] = parse(draft.rundeckYaml!) as Record<string, unknown>[];
    expect(job).toMatchObject({ uuid: draft.id, name: draft.name, loglevel: 'INFO', sequence: { strategy: 'node-first', keepgoing: false }, nodefilters: { filter: 'tags: kubectl' } });
    expect((job!.sequence as { commands: unknown[] }).commands).toHaveLength(draft.steps!.length);
    expect((job!.options as { name: string }[]).map((option) => option.name)).toEqual(draft.options!.map((option) => option.name));

    const stored = await service.graphql<{ draft: RunbookDraft }>(draftQuery, { id: draft.id });
    expect(stored.errors).toBeUndefined();
    expect(stored.data!.draft).toEqual(draft);
  });

  it('a request to wipe a disk yields a destructive step and requires approval', async () => {
    const result = await generate({ description: 'wipe the data disk /dev/sdb on db-replica-3 before we decommission it' });
    expect(result.errors).toBeUndefined();
    const draft = result.data!.generateRunbookJob;
    expect(draft).toMatchObject({ state: 'COMPLETE', requestedClass: 'DESTRUCTIVE', requiresApproval: true, nodeFilter: 'name: ${option.host}' });
    const destructive = draft.steps!.filter((step) => step.safety.class === 'DESTRUCTIVE');
    expect(destructive.map((step) => step.command)).toContain('wipefs --all ${option.device}');
    expect(draft.approvalReasons!.length).toBe(destructive.length);
    expect(draft.options).toContainEqual(expect.objectContaining({ name: 'device', defaultValue: '/dev/sdb' }));
    expect(draft.text).toContain('**Approval required before running:**');
    expect(String((parse(draft.rundeckYaml!) as { description: string }[])[0]!.description)).toContain('Requires approval');
  });

  it('fills the options from the incident and lists the draft on it', async () => {
    const result = await generate({ description: 'restart the payments pods one at a time', incidentId: 'PDEMO01' });
    expect(result.errors).toBeUndefined();
    const draft = result.data!.generateRunbookJob;
    expect(draft.incidentId).toBe('PDEMO01');
    expect(draft.options).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'deployment', defaultValue: 'payments-api' }),
        expect.objectContaining({ name: 'namespace', defaultValue: 'payments' }),
        expect.objectContaining({ name: 'context', defaultValue: 'prod-use1' }),
      ]),
    );
    const entities = await service.graphql<{ _entities: { aiDrafts: { id: string; kind: string }[] }[] }>(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Incident { aiDrafts(kind: RUNBOOK_JOB) { id kind } } } }`,
      { representations: [{ __typename: 'Incident', id: 'PDEMO01' }] },
    );
    expect(entities.errors).toBeUndefined();
    expect(entities.data!._entities[0]!.aiDrafts).toContainEqual({ id: draft.id, kind: 'RUNBOOK_JOB' });
  });

  it('answers BAD_USER_INPUT for an empty or over-long description, NOT_FOUND for an incident it cannot see', async () => {
    for (const description of ['', '   \n ', 'x'.repeat(maxRunbookDescriptionLength + 1)]) {
      const result = await generate({ description });
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(description.slice(0, 10))).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.field).toBe('description');
    }
    // Varied text at the limit: one character repeated is screened as a token flood.
    const longest = Array.from({ length: maxRunbookDescriptionLength }, (_, index) => `check disk ${index} on web-${index % 9}; `).join('').slice(0, maxRunbookDescriptionLength);
    expect((await generate({ description: longest })).errors).toBeUndefined();
    expect((await generate({ description: 'restart payments', incidentId: 'NOPE' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const other = await service.tokenFor('other-account', ['ai:read', 'ai:write']);
    expect((await generate({ description: 'restart payments', incidentId: 'PDEMO01' }, other)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const reader = await service.tokenFor('demo', ['ai:read']);
    expect((await generate({ description: 'restart payments' }, reader)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

interface Chunk {
  sequence: number;
  delta: string;
  done: boolean;
  draft: { id: string; state: string; text: string } | null;
  error: { code: string; message: string } | null;
}

describe('generateRunbookJob streaming through draftStream', () => {
  it('returns a STREAMING draft at once, streams chunks that add up to the final text, then serves the fields', async () => {
    const result = await generate({ description: 'roll back the checkout-api deployment, the last deploy broke it', stream: true });
    expect(result.errors).toBeUndefined();
    const started = result.data!.generateRunbookJob;
    expect(started).toMatchObject({ state: 'STREAMING', steps: null, rundeckYaml: null, requiresApproval: null });

    const client = createClient({ url: service.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${service.token}` }, retryAttempts: 0 });
    clients.push(client);
    const chunks: Chunk[] = [];
    for await (const next of client.iterate<{ draftStream: Chunk }>({
      query: `subscription($draftId: ID!) { draftStream(draftId: $draftId) { sequence delta done draft { id state text } error { code message } } }`,
      variables: { draftId: started.id },
    })) {
      expect(next.errors).toBeUndefined();
      chunks.push(next.data!.draftStream);
      if (next.data!.draftStream.done) break;
    }
    const last = chunks.at(-1)!;
    expect(last).toMatchObject({ done: true, error: null, draft: { id: started.id, state: 'COMPLETE' } });
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.map((chunk) => chunk.delta).join('')).toBe(last.draft!.text);

    const stored = await service.graphql<{ draft: RunbookDraft }>(draftQuery, { id: started.id });
    expect(stored.data!.draft).toMatchObject({ state: 'COMPLETE', text: last.draft!.text, requiresApproval: false });
    expect(stored.data!.draft.steps!.some((step) => step.command.includes('rollout undo'))).toBe(true);
  });
});
