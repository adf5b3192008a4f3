/**
 * A draft generated against a fake OpenAI is traced: the OTLP/HTTP receiver gets a span per
 * provider attempt with the GenAI semantic-convention attributes, child of the GraphQL
 * request span, with the resource NodeSDK used to build (service.name from OTEL_SERVICE_NAME,
 * OTEL_RESOURCE_ATTRIBUTES, the process and host detectors), and /metrics shows the token
 * histogram for the model. Exporting loads the OTLP exporter, and still not NodeSDK.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleIncidents } from '../../src/incidents/sample/index.js';
import { extractStatusUpdate } from '../../src/features/status-update/extractor.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai-server.js';
import { attributeOf, startOtlpReceiver, type OtlpReceiver, type OtlpSpan } from '../fakes/otlp-receiver.js';
import { spawnService, type SpawnedService } from '../support/spawn-service.js';
import { testDatabaseUrl } from '../support/test-app.js';

let receiver: OtlpReceiver;
let spans: OtlpSpan[];
let openai: FakeOpenAi;
let service: SpawnedService;
const schema = `test_otel_${randomUUID().replaceAll('-', '').slice(0, 10)}`;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  spans = receiver.spans;
  openai = await startFakeOpenAi();
  service = await spawnService(
    {
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: openai.url,
      OPENAI_MODEL: 'gpt-4o-mini',
      DATABASE_URL: testDatabaseUrl,
      DATABASE_SCHEMA: schema,
      DATA_DIR: `/tmp/incident-ai-otel-${schema}`,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_SERVICE_NAME: 'incident-ai-otel-test',
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=otel-test,service.namespace=sre',
    },
    30_000,
    ['--import', path.resolve('test/support/package-load-hook.mjs')],
  );
});

afterAll(async () => {
  await service?.stop();
  await openai?.close();
  await receiver?.close();
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});

const attribute = (span: OtlpSpan, key: string) => attributeOf(span.attributes, key);

describe('OpenTelemetry export', () => {
  it('exports a GenAI span per provider attempt under the GraphQL request span, and token metrics', async () => {
    const incident = sampleIncidents.find((item) => item.id === 'PDEMO01')!;
    openai.enqueue({ kind: 'ok', json: extractStatusUpdate({ incident, input: { audience: 'RESPONDERS' } }) });
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${service.token}` },
      body: JSON.stringify({ query: 'mutation Draft { draftStatusUpdate(input: { incidentId: "PDEMO01", audience: RESPONDERS }) { generation { provider model traceId } } }' }),
    });
    const body = (await response.json()) as { data: { draftStatusUpdate: { generation: { provider: string; model: string; traceId: string } } } };
    const generation = body.data.draftStatusUpdate.generation;
    expect(generation).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini' });

    for (let i = 0; i < 100 && !spans.some((span) => span.name === 'chat gpt-4o-mini'); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    const chat = spans.find((span) => span.name === 'chat gpt-4o-mini');
    expect(chat, `spans received: ${spans.map((span) => span.name).join(', ')}`).toBeDefined();
    expect(chat!.kind).toBe(3); // CLIENT
    expect(attribute(chat!, 'gen_ai.operation.name')?.stringValue).toBe('chat');
    expect(attribute(chat!, 'gen_ai.provider.name')?.stringValue).toBe('openai');
    expect(attribute(chat!, 'gen_ai.request.model')?.stringValue).toBe('gpt-4o-mini');
    expect(attribute(chat!, 'gen_ai.response.model')?.stringValue).toBeTruthy();
    expect(Number(attribute(chat!, 'gen_ai.usage.input_tokens')?.intValue)).toBeGreaterThan(0);
    expect(Number(attribute(chat!, 'gen_ai.usage.output_tokens')?.intValue)).toBeGreaterThan(0);
    expect(attribute(chat!, 'gen_ai.response.finish_reasons')?.arrayValue?.values.map((value) => value.stringValue)).toEqual(['stop']);
    expect(attribute(chat!, 'incident_ai.feature')?.stringValue).toBe('statusUpdate');
    expect(chat!.traceId).toBe(generation.traceId);
    expect(attributeOf(chat!.resource, 'service.name')?.stringValue).toBe('incident-ai-otel-test');
    expect(attributeOf(chat!.resource, 'deployment.environment.name')?.stringValue).toBe('otel-test');
    expect(attributeOf(chat!.resource, 'service.namespace')?.stringValue).toBe('sre');
    expect(Number(attributeOf(chat!.resource, 'process.pid')?.intValue)).toBe(service.process.pid);
    expect(attributeOf(chat!.resource, 'host.name')?.stringValue).toBe(hostname());

    // The request span ends with its response, after the attempt's span: it may come in a later batch.
    const parentOfChat = () => spans.find((span) => span.spanId === chat!.parentSpanId);
    for (let i = 0; i < 100 && !parentOfChat(); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(parentOfChat()?.name).toBe('mutation Draft');

    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toMatch(/gen_ai_client_token_usage\w*_bucket\{[^}]*gen_ai_request_model="gpt-4o-mini"[^}]*gen_ai_token_type="input"/);
    expect(metrics).toMatch(/gen_ai_client_operation_duration\w*_count\{[^}]*gen_ai_provider_name="openai"/);
  });

  it('loads the OTLP exporter, and neither NodeSDK nor its configuration validator', () => {
    const loaded = new Set([...service.output().matchAll(/^PACKAGE (\S+)$/gm)].map((match) => match[1]!));
    expect(loaded).toContain('@opentelemetry/exporter-trace-otlp-http');
    for (const unused of ['@opentelemetry/sdk-node', '@opentelemetry/configuration', '@opentelemetry/sdk-logs']) expect(loaded).not.toContain(unused);
  });

  it('names the request span and joins the trace the same way on the fast path (an operation text seen before)', async () => {
    const incident = sampleIncidents.find((item) => item.id === 'PDEMO01')!;
    const query = 'mutation Again { draftStatusUpdate(input: { incidentId: "PDEMO01", audience: RESPONDERS }) { generation { traceId } } }';
    const traceIds: string[] = [];
    // The first request of a text goes through Apollo; the second is answered by the fast path.
    for (let round = 0; round < 2; round += 1) {
      openai.enqueue({ kind: 'ok', json: extractStatusUpdate({ incident, input: { audience: 'RESPONDERS' } }) });
      const response = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${service.token}` },
        body: JSON.stringify({ query }),
      });
      traceIds.push(((await response.json()) as { data: { draftStatusUpdate: { generation: { traceId: string } } } }).data.draftStatusUpdate.generation.traceId);
    }
    expect(traceIds[0]).not.toBe(traceIds[1]);
    const chatOf = (traceId: string) => spans.find((span) => span.name === 'chat gpt-4o-mini' && span.traceId === traceId);
    for (let i = 0; i < 100 && !chatOf(traceIds[1]!); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    const chat = chatOf(traceIds[1]!);
    expect(chat, `spans received: ${spans.map((span) => span.name).join(', ')}`).toBeDefined();
    // The request span ends with its response, after the attempt's span: it may come in a later batch.
    const parentOf = () => spans.find((span) => span.spanId === chat!.parentSpanId);
    for (let i = 0; i < 100 && !parentOf(); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    const parent = parentOf();
    expect(parent?.name).toBe('mutation Again');
    expect(attribute(parent!, 'graphql.operation.type')?.stringValue).toBe('mutation');
    expect(attribute(parent!, 'graphql.operation.name')?.stringValue).toBe('Again');
  });
});
