/**
 * Zero retention (`DATA_POLICIES: {"demo": {"retainText": false}}`): the caller gets every
 * text, and nothing that could hold text keeps any of it. Every feature is run with and
 * without `stream`, an assistant conversation gets a follow-up, a draft gets feedback with a
 * published text and a comment and is published (publishStatusUpdate); then every table of the service's schema (whatever tables
 * exist: drafts, draft_chunks, conversations, draft_feedback, audit_events, llm_calls, …),
 * every span (in-memory exporter, message-content capture turned ON) and every log line
 * (pino at debug) is searched for what the requester wrote and for pieces of every text the
 * service returned. A control account that retains text runs through the same service, and
 * its text IS found in the stored rows and spans, so the search is shown to see text.
 */
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

const exporter = new InMemorySpanExporter();
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const contextManager = new AsyncLocalStorageContextManager();
const logLines: string[] = [];

let service: TestApp;
let keeperToken: string;

beforeAll(async () => {
  context.setGlobalContextManager(contextManager.enable());
  trace.setGlobalTracerProvider(tracerProvider);
  service = await startTestApp(
    {
      DATA_POLICIES: JSON.stringify({ demo: { retainText: false, externalProviders: false } }),
      OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: 'true',
      LOG_LEVEL: 'debug',
    },
    { logDestination: { write: (line: string) => void logLines.push(line) } },
  );
  keeperToken = await service.tokenFor('keeper', ['ai:read', 'ai:write', 'ai:admin']);
}, 60_000);
afterAll(async () => {
  await service?.close();
  trace.disable();
  context.disable();
  await tracerProvider.shutdown();
});

/** What the requester wrote: none of it may be kept. */
const written = {
  guidance: 'Mention the ledger reconciliation for the finance team.',
  description: 'Drain the orphaned replication slot on the standby before the WAL volume fills.',
  question: 'Which replication slot filled the WAL volume on the old primary?',
  followUp: 'Who paged the database owner after the failover finished?',
  streamedQuestion: 'Did the checkout error budget burn past the weekly threshold?',
  comment: 'Too long for the status page; the reconciliation paragraph was cut by the comms lead.',
  published: 'Payments are flowing again; we keep watching the overnight reconciliation jobs closely.',
};
/** Texts the service returned to the caller. */
const returned: string[] = [];

type Draft = { id: string; state: string; text: string; conversationId?: string };

async function generate(field: string, inputType: string, input: Record<string, unknown>, stream: boolean, token = service.token): Promise<Draft> {
  const selection = field === 'askAssistant' ? 'id state text conversationId' : 'id state text';
  const result = await service.graphql<Record<string, Draft>>(`mutation($input: ${inputType}!) { ${field}(input: $input) { ${selection} } }`, { input: { ...input, stream } }, { token });
  expect(result.errors, field).toBeUndefined();
  const draft = result.data![field]!;
  if (!stream) return draft;
  expect(draft.state).toBe('STREAMING');
  const client = createClient({ url: service.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  let deltas = '';
  let final: { text: string; state: string } | null = null;
  try {
    for await (const next of client.iterate<{ draftStream: { delta: string; done: boolean; draft: { text: string; state: string } | null } }>({
      query: 'subscription($id: ID!) { draftStream(draftId: $id) { delta done draft { text state } } }',
      variables: { id: draft.id },
    })) {
      expect(next.errors).toBeUndefined();
      deltas += next.data!.draftStream.delta;
      if (next.data!.draftStream.done) {
        final = next.data!.draftStream.draft;
        break;
      }
    }
  } finally {
    await client.dispose();
  }
  expect(final).toMatchObject({ state: 'COMPLETE' });
  expect(deltas).toBe(final!.text);
  return { ...draft, state: final!.state, text: final!.text };
}

/** Pieces of a returned text long enough to be its own (lines of 30+ characters, first 40 of each). */
const piecesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.replace(/^[#>*\-\s]+/, '').trim())
    .filter((line) => line.length >= 30)
    .map((line) => line.slice(0, 40));

/** Every row of every table in the service's schema, as JSON text, by table. */
async function everyStoredRow(): Promise<Record<string, string[]>> {
  const tables = await service.sql<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'`, [service.schema]);
  const rows: Record<string, string[]> = {};
  for (const { table_name: table } of tables) {
    rows[table] = (await service.sql<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${table}" t`)).map((row) => row.row);
  }
  return rows;
}

const spanTexts = (): string[] =>
  exporter.getFinishedSpans().map((span) => JSON.stringify({ name: span.name, attributes: span.attributes, events: span.events.map((event) => ({ name: event.name, attributes: event.attributes })) }));

describe('zero retention', () => {
  it('keeps nothing the account wrote or was answered in any table, span or log line, streamed or not', async () => {
    for (const stream of [false, true]) {
      const statusUpdate = await generate('draftStatusUpdate', 'DraftStatusUpdateInput', { incidentId: 'PDEMO01', audience: 'STAKEHOLDERS', guidance: written.guidance }, stream);
      const postmortem = await generate('generatePostmortem', 'GeneratePostmortemInput', { incidentId: 'PDEMO02' }, stream);
      const runbook = await generate('generateRunbookJob', 'GenerateRunbookJobInput', { incidentId: 'PDEMO01', description: written.description }, stream);
      const digest = await generate('digestJobExecution', 'DigestJobExecutionInput', { jobId: 'RJDEMO01', executionId: 'EXDEMO01' }, stream);
      const answer = await generate('askAssistant', 'AskAssistantInput', { incidentId: 'PDEMO01', question: stream ? written.streamedQuestion : written.question }, stream);
      returned.push(statusUpdate.text, postmortem.text, runbook.text, digest.text, answer.text);
      if (!stream) {
        const followUp = await generate('askAssistant', 'AskAssistantInput', { conversationId: answer.conversationId, question: written.followUp }, false);
        returned.push(followUp.text);
        const feedback = await service.graphql(
          `mutation($input: DraftFeedbackInput!) { submitDraftFeedback(input: $input) { id } }`,
          { input: { draftId: statusUpdate.id, rating: 'DOWN', publishedText: statusUpdate.text.slice(0, 400), comment: written.comment } },
        );
        expect(feedback.errors).toBeUndefined();
        const published = await service.graphql(`mutation($input: PublishStatusUpdateInput!) { publishStatusUpdate(input: $input) { id } }`, {
          input: { draftId: statusUpdate.id, text: written.published },
        });
        expect(published.errors).toBeUndefined();
      }
    }
    // The control: an account that retains text, through the same service.
    const kept = 'Rotate the keeper service account credentials and restart its workers.';
    const control = await generate('generateRunbookJob', 'GenerateRunbookJobInput', { description: kept }, false, keeperToken);

    await service.stopService(); // flushes the usage and audit buffers
    const stored = await everyStoredRow();
    const spans = spanTexts();

    // The search sees text: the retaining account's description is stored and captured in spans.
    expect(stored.drafts!.some((row) => row.includes(kept))).toBe(true);
    expect(spans.some((span) => span.includes(kept))).toBe(true);
    // And there was something to search: rows in the tables that could hold text, spans, logs.
    for (const table of ['drafts', 'conversations', 'draft_feedback', 'draft_publications', 'audit_events', 'llm_calls']) expect(stored[table]?.length ?? 0, table).toBeGreaterThan(0);
    expect(spans.length).toBeGreaterThanOrEqual(12);
    expect(logLines.length).toBeGreaterThan(0);

    // Template phrases every draft of a kind shares (also in the control's stored draft) say nothing of this account.
    const probes = [...Object.values(written), ...returned.flatMap(piecesOf).filter((piece) => !control.text.includes(piece))];
    expect(probes.length).toBeGreaterThan(40);
    const found: string[] = [];
    for (const probe of new Set(probes)) {
      for (const [table, rows] of Object.entries(stored)) if (rows.some((row) => row.includes(probe))) found.push(`table ${table}: ${probe}`);
      if (spans.some((span) => span.includes(probe))) found.push(`span: ${probe}`);
      if (logLines.some((line) => line.includes(probe))) found.push(`log: ${probe}`);
    }
    expect(found).toEqual([]);
  }, 180_000);
});
