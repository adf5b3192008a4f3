/**
 * Tenant isolation: another account never reads, changes or builds on the demo account's
 * data.
 *
 * 1. A fixed table: every operation that takes an id (queries, `_entities`, every generating
 *    mutation, feedback, both publish mutations, `draftStream`) is tried by the other account with every kind of real
 *    id the demo account owns (a draft of each kind, the conversation, the incidents, the job
 *    and its execution), each in every id argument the operation has. Deterministic: every
 *    cell runs on every run. Each cell must be refused (a typed error or an empty/null answer),
 *    return none of the demo account's text or ids, and be answered exactly like the same call
 *    with an id that exists nowhere (no existence or kind oracle). The account-wide reads (usage,
 *    evaluation summary) must count nothing of the demo account.
 * 2. Afterwards, the demo account's stored rows are as they were: no feedback, publication,
 *    conversation turn, draft or usage record was added to them by the other account.
 * 3. A property test for the rest: random ids (uuids, arbitrary strings, demo ids) on random
 *    operations never leak.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GraphQLResponse, type TestApp } from '../support/test-app.js';

let service: TestApp;
let otherToken: string;
/** The demo account's real ids, by kind. */
const ids: Record<string, string> = {};
/** Every text the demo account's drafts hold, and every id they have. */
const demoTexts: string[] = [];
const demoIds: string[] = [];

type Created = { id: string; text: string; conversationId?: string };

async function create(mutation: string, field: string, input: Record<string, unknown>, selection = 'id text'): Promise<Created> {
  const result = await service.graphql<Record<string, Created>>(`mutation($input: ${mutation}!) { ${field}(input: $input) { ${selection} } }`, { input });
  expect(result.errors, field).toBeUndefined();
  const created = result.data![field]!;
  demoTexts.push(created.text);
  demoIds.push(created.id);
  return created;
}

beforeAll(async () => {
  service = await startTestApp();
  ids.statusUpdateDraft = (await create('DraftStatusUpdateInput', 'draftStatusUpdate', { incidentId: 'PDEMO01', audience: 'RESPONDERS' })).id;
  await create('DraftStatusUpdateInput', 'draftStatusUpdate', { incidentId: 'PDEMO02', audience: 'PUBLIC' });
  ids.postmortemDraft = (await create('GeneratePostmortemInput', 'generatePostmortem', { incidentId: 'PDEMO02' })).id;
  ids.runbookDraft = (await create('GenerateRunbookJobInput', 'generateRunbookJob', { incidentId: 'PDEMO01', description: 'Restart the payments API pods one by one.' })).id;
  ids.automationDigest = (await create('DigestJobExecutionInput', 'digestJobExecution', { jobId: 'RJDEMO01', executionId: 'EXDEMO01' })).id;
  const answer = await create('AskAssistantInput', 'askAssistant', { incidentId: 'PDEMO01', question: 'Which replication slot filled the WAL volume?' }, 'id text conversationId');
  ids.assistantAnswer = answer.id;
  ids.conversation = answer.conversationId!;
  demoIds.push(ids.conversation);
  ids.incident = 'PDEMO01';
  ids.privateIncident = 'PDEMO06';
  ids.job = 'RJDEMO01';
  ids.execution = 'EXDEMO01';
  otherToken = await service.tokenFor('other-account', ['ai:read', 'ai:write', 'ai:admin']);
}, 120_000);
afterAll(() => service?.close());

/** A leak is any demo draft text anywhere, or a demo draft/conversation id inside returned data (errors may echo the id asked for). */
const leaks = (payload: unknown): boolean => {
  const text = JSON.stringify(payload);
  const dataOnly = JSON.stringify(payload, (key, value: unknown) => (key === 'errors' || key === 'message' ? undefined : value));
  return demoTexts.some((draftText) => text.includes(draftText.slice(0, 40))) || demoIds.some((id) => dataOnly.includes(id));
};

/** An answer with the id that was asked for replaced by a placeholder, and without source locations. */
const answerShape = (payload: unknown, id: string): string =>
  JSON.stringify(payload, (key, value: unknown) => (key === 'locations' ? undefined : value)).replaceAll(JSON.stringify(id).slice(1, -1), '<id>');

/** An operation another account may try, with the id arguments it takes. */
interface Operation {
  name: string;
  /** The argument names that take an id. */
  idArguments: string[];
  /** Runs it with `args` (missing ids get a harmless value of the right shape). */
  run(args: Record<string, string>): Promise<unknown>;
  /** Whether the answer is a refusal: a typed error, or no data of the demo account. */
  refused(result: unknown): boolean;
}

const asOther = <Data,>(query: string, variables: Record<string, unknown>) => service.graphql<Data>(query, variables, { token: otherToken });
const typedError = (result: unknown): boolean => {
  const errors = (result as GraphQLResponse).errors ?? [];
  return errors.length > 0 && errors.every((error) => typeof error.extensions?.code === 'string' && error.extensions.code !== 'INTERNAL_SERVER_ERROR');
};
const mutationRefused = (result: unknown): boolean => typedError(result) && ((result as GraphQLResponse).data ?? null) === null;

async function subscribe(draftId: string): Promise<unknown[]> {
  const client = createClient({ url: service.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${otherToken}` }, retryAttempts: 0 });
  const results: unknown[] = [];
  try {
    for await (const result of client.iterate({ query: 'subscription($id: ID!) { draftStream(draftId: $id) { delta done draft { id text } } }', variables: { id: draftId } })) {
      results.push(result);
      break;
    }
  } catch (error) {
    results.push({ thrown: String(error) });
  } finally {
    await client.dispose();
  }
  return results;
}

const operations: Operation[] = [
  {
    name: 'draft',
    idArguments: ['id'],
    run: ({ id }) => asOther(`query($id: ID!) { draft(id: $id) { id text } }`, { id }),
    refused: (result) => (result as GraphQLResponse<{ draft: unknown }>).data?.draft === null || typedError(result),
  },
  {
    name: '_entities',
    idArguments: ['id'],
    run: ({ id }) =>
      asOther(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Incident { aiDrafts { id text } } ... on RunbookJob { automationDigests { id text } } } }`, {
        r: [{ __typename: 'Incident', id }, { __typename: 'RunbookJob', id }],
      }),
    refused: (result) => {
      const entities = (result as GraphQLResponse<{ _entities: ({ aiDrafts?: unknown[]; automationDigests?: unknown[] } | null)[] }>).data?._entities;
      if (!entities) return typedError(result);
      return entities.every((entity) => entity === null || (entity.aiDrafts ?? entity.automationDigests ?? []).length === 0);
    },
  },
  {
    name: 'submitDraftFeedback',
    idArguments: ['draftId'],
    run: ({ draftId }) => asOther(`mutation($id: ID!) { submitDraftFeedback(input: { draftId: $id, rating: UP, publishedText: "stolen" }) { id draftId } }`, { id: draftId }),
    refused: mutationRefused,
  },
  {
    name: 'publishStatusUpdate',
    idArguments: ['draftId'],
    run: ({ draftId }) => asOther(`mutation($id: ID!) { publishStatusUpdate(input: { draftId: $id, text: "Published by another account.", force: true }) { id text } }`, { id: draftId }),
    refused: mutationRefused,
  },
  {
    name: 'publishRunbookJob',
    idArguments: ['draftId'],
    run: ({ draftId }) => asOther(`mutation($id: ID!) { publishRunbookJob(input: { draftId: $id, approve: true }) { id text } }`, { id: draftId }),
    refused: mutationRefused,
  },
  {
    name: 'draftStream',
    idArguments: ['draftId'],
    run: ({ draftId }) => subscribe(draftId ?? ''),
    refused: (results) =>
      (results as { thrown?: string; errors?: unknown[]; data?: { draftStream?: unknown } }[]).every(
        (result) => result.thrown !== undefined || (result.errors?.length ?? 0) > 0 || result.data?.draftStream == null,
      ),
  },
  {
    name: 'draftStatusUpdate',
    idArguments: ['incidentId'],
    run: ({ incidentId }) => asOther(`mutation($id: ID!) { draftStatusUpdate(input: { incidentId: $id, audience: RESPONDERS }) { id text } }`, { id: incidentId }),
    refused: mutationRefused,
  },
  {
    name: 'generatePostmortem',
    idArguments: ['incidentId'],
    run: ({ incidentId }) => asOther(`mutation($id: ID!) { generatePostmortem(input: { incidentId: $id }) { id text } }`, { id: incidentId }),
    refused: mutationRefused,
  },
  {
    name: 'generateRunbookJob',
    idArguments: ['incidentId'],
    run: ({ incidentId }) => asOther(`mutation($id: ID!) { generateRunbookJob(input: { incidentId: $id, description: "Restart the payments API pods." }) { id text } }`, { id: incidentId }),
    refused: mutationRefused,
  },
  {
    name: 'digestJobExecution',
    idArguments: ['jobId', 'executionId'],
    run: ({ jobId = 'RJDEMO01', executionId = 'EXDEMO01' }) =>
      asOther(`mutation($job: ID!, $execution: ID!) { digestJobExecution(input: { jobId: $job, executionId: $execution }) { id text } }`, { job: jobId, execution: executionId }),
    refused: mutationRefused,
  },
  {
    name: 'askAssistant',
    idArguments: ['incidentId', 'conversationId'],
    run: ({ incidentId, conversationId }) =>
      asOther(`mutation($incident: ID, $conversation: ID) { askAssistant(input: { question: "What happened so far?", incidentId: $incident, conversationId: $conversation }) { id text conversationId } }`, {
        incident: incidentId ?? null,
        conversation: conversationId ?? null,
      }),
    refused: mutationRefused,
  },
];

/** The kinds of real ids the demo account owns (filled in `beforeAll`). */
const idKinds = ['statusUpdateDraft', 'postmortemDraft', 'runbookDraft', 'automationDigest', 'assistantAnswer', 'conversation', 'incident', 'privateIncident', 'job', 'execution'];

/** Every (operation, id argument, demo id kind) cell: the fixed table. */
const table = operations.flatMap((operation) => operation.idArguments.flatMap((argument) => idKinds.map((idKind) => ({ operation, argument, idKind }))));

describe('tenant isolation', () => {
  it('refuses every id-taking operation × every id argument × every kind of the demo account’s real ids, without leaking', async () => {
    // Usage records are written in the background: wait until each demo draft's one offline call is stored.
    let before = await demoState();
    for (let i = 0; i < 200 && before.usage !== before.drafts; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      before = await demoState();
    }
    expect(before.usage).toBe(before.drafts);
    for (const idKind of idKinds) expect(ids[idKind], idKind).toMatch(/\S/);
    const failures: string[] = [];
    for (const { operation, argument, idKind } of table) {
      // The other id arguments of the operation get the demo account's matching id too, so a
      // cell never passes just because a sibling argument was wrong.
      const args: Record<string, string> = { [argument]: ids[idKind]! };
      if (operation.name === 'digestJobExecution') {
        args.jobId ??= ids.job!;
        args.executionId ??= ids.execution!;
      }
      const result = await operation.run(args);
      const cell = `${operation.name}(${argument} = ${idKind} ${ids[idKind]})`;
      // The same call with an id that exists nowhere: the real id must be refused exactly alike,
      // so the answer does not even tell that the id exists (or what kind of record it names).
      const unknownId = `unknown-${randomUUID()}`;
      const unknown = await operation.run(Object.fromEntries(Object.entries(args).map(([name, value]) => [name, value === args[argument] ? unknownId : value])));
      if (leaks(result)) failures.push(`${cell} leaked: ${JSON.stringify(result).slice(0, 300)}`);
      else if (!operation.refused(result)) failures.push(`${cell} was not refused: ${JSON.stringify(result).slice(0, 300)}`);
      else if (answerShape(result, ids[idKind]!) !== answerShape(unknown, unknownId)) {
        failures.push(`${cell} was refused unlike an unknown id: ${answerShape(result, ids[idKind]!).slice(0, 300)} vs ${answerShape(unknown, unknownId).slice(0, 300)}`);
      }
    }
    expect(failures).toEqual([]);

    // Nothing of the demo account was changed or built on.
    expect(await demoState()).toEqual(before);

    // The refusals are about the account: the demo account itself may publish the same draft.
    const own = await service.graphql(`mutation($id: ID!) { publishStatusUpdate(input: { draftId: $id, text: "Published by its own account." }) { id } }`, { id: ids.statusUpdateDraft });
    expect(own.errors).toBeUndefined();
    expect((await demoState()).publications).toBe(before.publications! + 1);
  }, 300_000);

  it('counts nothing of the demo account in the other account’s usage and evaluation summaries', async () => {
    const usage = await asOther<{ llmUsage: { calls: number; rows: unknown[] } }>(`{ llmUsage(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { calls rows { feature } } }`, {});
    expect(usage.errors).toBeUndefined();
    expect(usage.data!.llmUsage).toEqual({ calls: 0, rows: [] });
    const day = 86_400_000;
    const window = { from: new Date(Date.now() - day).toISOString(), to: new Date(Date.now() + day).toISOString() };
    const summaryQuery = `query($f: String!, $from: DateTime!, $to: DateTime!) { evaluationSummary(feature: $f, from: $from, to: $to) { variants { drafts feedback } } }`;
    type Summary = { evaluationSummary: { variants: { drafts: number; feedback: number }[] } };
    for (const feature of ['statusUpdate', 'postmortem', 'runbook', 'assistant', 'automationDigest']) {
      const summary = await asOther<Summary>(summaryQuery, { f: feature, ...window });
      expect(summary.errors, feature).toBeUndefined();
      for (const variant of summary.data!.evaluationSummary.variants) expect(variant, feature).toMatchObject({ drafts: 0, feedback: 0 });
      // …while the demo account's own summary counts its drafts (so the zeros above mean something).
      const own = await service.graphql<Summary>(summaryQuery, { f: feature, ...window });
      expect(own.data!.evaluationSummary.variants.reduce((drafts, variant) => drafts + variant.drafts, 0), feature).toBeGreaterThan(0);
    }
    const own = await service.graphql<{ llmUsage: { calls: number } }>(`{ llmUsage(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { calls } }`);
    expect(own.data!.llmUsage.calls).toBeGreaterThan(0);
  });

  it('never leaks, whatever ids and operations another account tries (property)', async () => {
    const idArbitrary = fc.oneof(fc.constantFrom(...Object.values(ids)), fc.uuid(), fc.string({ minLength: 0, maxLength: 40 }));
    await fc.assert(
      fc.asyncProperty(fc.record({ operation: fc.constantFrom(...operations), id: idArbitrary }), async ({ operation, id }) => {
        const args = Object.fromEntries(operation.idArguments.map((argument) => [argument, id]));
        const result = await operation.run(args);
        expect(leaks(result), JSON.stringify({ operation: operation.name, id, result }).slice(0, 500)).toBe(false);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

/** The demo account's stored rows that another account could try to change or add to. */
async function demoState(): Promise<Record<string, number>> {
  const count = async (sql: string): Promise<number> => Number((await service.sql<{ count: string }>(sql))[0]!.count);
  return {
    drafts: await count(`SELECT count(*) FROM drafts WHERE account_id = 'demo'`),
    feedback: await count(`SELECT count(*) FROM draft_feedback`),
    conversationTurns: await count(`SELECT count(*) FROM drafts WHERE account_id = 'demo' AND input ->> 'conversationId' IS NOT NULL`),
    conversations: await count(`SELECT count(*) FROM conversations`),
    otherAccountDrafts: await count(`SELECT count(*) FROM drafts WHERE account_id <> 'demo'`),
    publications: await count(`SELECT count(*) FROM draft_publications`),
    usage: await count(`SELECT count(*) FROM llm_calls WHERE account_id = 'demo'`),
    otherAccountUsage: await count(`SELECT count(*) FROM llm_calls WHERE account_id <> 'demo'`),
  };
}
