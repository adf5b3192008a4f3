/**
 * The service carries a request's trace context explicitly (src/telemetry/request-trace.ts):
 * with NO context manager registered (none follows a promise here, as in the service, whose
 * SyncContextManager follows none either), a draft's attempt spans are still children of the
 * GraphQL request span, and the request's log lines still carry its trace and span ids, on
 * Apollo's path (first request of an operation text) and on the fast path (the next ones).
 */
import { Writable } from 'node:stream';
import { context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleIncidents } from '../../src/incidents/sample/index.js';
import { extractStatusUpdate } from '../../src/features/status-update/extractor.js';
import { SyncContextManager } from '../../src/telemetry/sync-context-manager.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const exporter = new InMemorySpanExporter();
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const logLines: string[] = [];
const logDestination = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logLines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  },
});

let openai: FakeOpenAi;
let service: TestApp;
beforeAll(async () => {
  trace.setGlobalTracerProvider(tracerProvider);
  openai = await startFakeOpenAi();
  service = await startTestApp(
    { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.url, OPENAI_MODEL: 'gpt-4o-mini', LOG_LEVEL: 'warn' },
    { logDestination },
  );
});
afterAll(async () => {
  await service?.close();
  await openai?.close();
  trace.disable();
  await tracerProvider.shutdown();
});

describe('trace context without a context manager', () => {
  it('has no context manager that follows an await', async () => {
    const span = tracerProvider.getTracer('test').startSpan('probe');
    const afterAwait = await context.with(trace.setSpan(ROOT_CONTEXT, span), async () => {
      await null;
      return context.active();
    });
    span.end();
    expect(afterAwait).toBe(ROOT_CONTEXT);
  });

  it("keeps each attempt span a child of the request span, and the request's log line carries its trace id", async () => {
    const incident = sampleIncidents.find((item) => item.id === 'PDEMO01')!;
    const query = 'mutation Traced { draftStatusUpdate(input: { incidentId: "PDEMO01", audience: RESPONDERS }) { generation { traceId attempts } } }';
    // Round 1 goes through Apollo; round 2 (a text seen before) through the fast path.
    for (let round = 1; round <= 2; round += 1) {
      exporter.reset();
      logLines.length = 0;
      // An answer that does not match the schema (logged: "repairing once"), then a valid one.
      openai.enqueue({ kind: 'ok', json: { not: 'a status update' } }, { kind: 'ok', json: extractStatusUpdate({ incident, input: { audience: 'RESPONDERS' } }) });
      const answer = await service.graphql<{ draftStatusUpdate: { generation: { traceId: string; attempts: number } } }>(query);
      expect(answer.errors, `round ${round}`).toBeUndefined();
      const traceId = answer.data!.draftStatusUpdate.generation.traceId;

      const spans = exporter.getFinishedSpans();
      const request = spans.find((span) => span.name === 'mutation Traced');
      expect(request, `round ${round}: spans ${spans.map((span) => span.name).join(', ')}`).toBeDefined();
      expect(request!.spanContext().traceId).toBe(traceId);
      const attempts = spans.filter((span) => span.name === 'chat gpt-4o-mini');
      expect(attempts).toHaveLength(2);
      for (const attempt of attempts) {
        expect(attempt.spanContext().traceId).toBe(traceId);
        expect(attempt.parentSpanContext?.spanId).toBe(request!.spanContext().spanId);
      }

      const repair = logLines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.msg === 'model output rejected; repairing once');
      expect(repair, `round ${round}: ${logLines.join('\n')}`).toBeDefined();
      expect(repair).toMatchObject({ trace_id: traceId, span_id: request!.spanContext().spanId });
    }
  });

  it('is what a SyncContextManager gives synchronous code, and nothing after an await', async () => {
    const manager = new SyncContextManager();
    const span = tracerProvider.getTracer('test').startSpan('sync');
    const carried = trace.setSpan(ROOT_CONTEXT, span);
    let inside: unknown;
    const pending = manager.with(carried, async () => {
      inside = manager.active();
      await null;
      return manager.active();
    });
    expect(inside).toBe(carried);
    expect(manager.active()).toBe(ROOT_CONTEXT);
    expect(await pending).toBe(ROOT_CONTEXT);
    expect(manager.with(carried, () => manager.bind(ROOT_CONTEXT, () => manager.active())())).toBe(ROOT_CONTEXT);
    span.end();
  });
});
