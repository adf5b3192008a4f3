/**
 * The tracer provider startTracing registers, without NodeSDK: what NodeSDK did for the service
 * is pinned here (resource, sampler, propagators, context manager, shutdown flushing the batch,
 * OTEL_SDK_DISABLED, OTEL_LOG_LEVEL), in this process, against a fake OTLP/HTTP receiver.
 */
import { hostname } from 'node:os';
import { context, createContextKey, diag, DiagConsoleLogger, DiagLogLevel, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '../../src/config/index.js';
import { startTracing, type Tracing } from '../../src/telemetry/tracing-sdk.js';
import { traceResource } from '../../src/telemetry/trace-resource.js';
import { attributeOf, startOtlpReceiver, type OtlpReceiver } from '../fakes/otlp-receiver.js';

const telemetry = (overrides: Partial<AppConfig['telemetry']> = {}): AppConfig['telemetry'] => ({
  sdkDisabled: false,
  serviceName: 'incident-ai-test',
  exportTraces: false,
  captureMessageContent: false,
  ...overrides,
});

const variables = [
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_PROTOCOL',
  'OTEL_BSP_SCHEDULE_DELAY',
  'OTEL_RESOURCE_ATTRIBUTES',
  'OTEL_SERVICE_NAME',
  'OTEL_NODE_RESOURCE_DETECTORS',
  'OTEL_TRACES_SAMPLER',
  'OTEL_TRACES_SAMPLER_ARG',
  'OTEL_PROPAGATORS',
  'OTEL_LOG_LEVEL',
];

let receiver: OtlpReceiver;
let tracing: Tracing | null = null;

beforeEach(async () => {
  receiver = await startOtlpReceiver();
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = receiver.url;
  // Nothing is exported before shutdown unless shutdown is what exports it.
  process.env.OTEL_BSP_SCHEDULE_DELAY = '600000';
});

afterEach(async () => {
  await tracing?.shutdown();
  tracing = null;
  await receiver.close();
  for (const name of variables) delete process.env[name];
  trace.disable();
  context.disable();
  propagation.disable();
  diag.disable();
  vi.restoreAllMocks();
});

const startSpan = () => trace.getTracer('test').startSpan('work');

describe('startTracing, exporting', () => {
  it('exports a span on shutdown through the OTLP/HTTP exporter, with service.name, OTEL_RESOURCE_ATTRIBUTES and the process and host attributes', async () => {
    process.env.OTEL_RESOURCE_ATTRIBUTES = 'deployment.environment.name=test,service.namespace=sre';
    tracing = startTracing(telemetry({ exportTraces: true }));
    const span = startSpan();
    span.setAttribute('incident_ai.feature', 'statusUpdate');
    span.end();
    expect(receiver.spans).toHaveLength(0);
    await tracing.shutdown();
    tracing = null;
    expect(receiver.paths).toEqual(['/v1/traces']);
    const [exported] = receiver.spans;
    expect(exported?.name).toBe('work');
    expect(exported?.traceId).toBe(span.spanContext().traceId);
    expect(attributeOf(exported!.attributes, 'incident_ai.feature')?.stringValue).toBe('statusUpdate');
    const resource = (key: string) => attributeOf(exported!.resource, key);
    expect(resource('service.name')?.stringValue).toBe('incident-ai-test');
    expect(resource('deployment.environment.name')?.stringValue).toBe('test');
    expect(resource('service.namespace')?.stringValue).toBe('sre');
    expect(Number(resource('process.pid')?.intValue)).toBe(process.pid);
    expect(resource('process.runtime.name')?.stringValue).toBe('nodejs');
    expect(resource('host.name')?.stringValue).toBe(hostname());
    expect(resource('telemetry.sdk.language')?.stringValue).toBe('nodejs');
  });

  it('records every span by default (parent-based, always on) and follows OTEL_TRACES_SAMPLER', () => {
    tracing = startTracing(telemetry({ exportTraces: true }));
    expect(startSpan().isRecording()).toBe(true);
    trace.disable();
    process.env.OTEL_TRACES_SAMPLER = 'traceidratio';
    process.env.OTEL_TRACES_SAMPLER_ARG = '0';
    tracing = startTracing(telemetry({ exportTraces: true }));
    const span = startSpan();
    expect(span.isRecording()).toBe(false);
    expect(trace.isSpanContextValid(span.spanContext())).toBe(true);
  });
});

describe('startTracing, not exporting', () => {
  it('gives every span a trace id, records none, and ignores OTEL_TRACES_SAMPLER', async () => {
    process.env.OTEL_TRACES_SAMPLER = 'always_on';
    tracing = startTracing(telemetry());
    const span = startSpan();
    expect(trace.isSpanContextValid(span.spanContext())).toBe(true);
    expect(span.isRecording()).toBe(false);
    span.end();
    await tracing.shutdown();
    tracing = null;
    expect(receiver.paths).toEqual([]);
  });

  it('registers the synchronous context manager: context.with makes a context active for the code it runs', () => {
    tracing = startTracing(telemetry());
    const key = createContextKey('test');
    const inner = context.with(ROOT_CONTEXT.setValue(key, 'inside'), () => context.active().getValue(key));
    expect(inner).toBe('inside');
    expect(context.active().getValue(key)).toBeUndefined();
  });

  it('with OTEL_SDK_DISABLED registers nothing: spans have no trace id', () => {
    tracing = startTracing(telemetry({ sdkDisabled: true }));
    expect(trace.isSpanContextValid(startSpan().spanContext())).toBe(false);
  });
});

describe('propagators (OTEL_PROPAGATORS)', () => {
  it('are the W3C trace context and baggage by default', () => {
    tracing = startTracing(telemetry());
    expect(propagation.fields()).toEqual(['traceparent', 'tracestate', 'baggage']);
  });

  it('are the ones named, none with `none`; a name it does not know is reported through the diagnostic logger', () => {
    process.env.OTEL_PROPAGATORS = 'tracecontext';
    tracing = startTracing(telemetry());
    expect(propagation.fields()).toEqual(['traceparent', 'tracestate']);
    propagation.disable();
    process.env.OTEL_PROPAGATORS = 'none';
    tracing = startTracing(telemetry());
    expect(propagation.fields()).toEqual([]);
    propagation.disable();
    const warn = vi.spyOn(diag, 'warn');
    process.env.OTEL_PROPAGATORS = 'b3,baggage';
    tracing = startTracing(telemetry());
    expect(propagation.fields()).toEqual(['baggage']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Propagator "b3"'));
  });
});

describe('OTEL_LOG_LEVEL', () => {
  it('sends the OpenTelemetry diagnostics to the console at that level', () => {
    const setLogger = vi.spyOn(diag, 'setLogger');
    tracing = startTracing(telemetry());
    expect(setLogger).not.toHaveBeenCalled();
    process.env.OTEL_LOG_LEVEL = 'warn';
    tracing = startTracing(telemetry());
    expect(setLogger).toHaveBeenCalledWith(expect.any(DiagConsoleLogger), { logLevel: DiagLogLevel.WARN });
  });
});

describe('traceResource (OTEL_NODE_RESOURCE_DETECTORS)', () => {
  it('runs the env, process and host detectors by default, service.name from the configuration last', () => {
    process.env.OTEL_RESOURCE_ATTRIBUTES = 'service.name=from-attributes,team=sre';
    const { attributes } = traceResource('incident-ai');
    expect(attributes['service.name']).toBe('incident-ai');
    expect(attributes.team).toBe('sre');
    expect(attributes['process.pid']).toBe(process.pid);
    expect(attributes['host.name']).toBe(hostname());
    expect(attributes['service.instance.id']).toBeUndefined();
    expect(attributes['os.type']).toBeUndefined();
  });

  it('runs only the detectors named', () => {
    process.env.OTEL_RESOURCE_ATTRIBUTES = 'team=sre';
    process.env.OTEL_NODE_RESOURCE_DETECTORS = 'env,serviceinstance';
    const named = traceResource('incident-ai').attributes;
    expect(named.team).toBe('sre');
    expect(named['service.instance.id']).toEqual(expect.any(String));
    expect(named['process.pid']).toBeUndefined();
    process.env.OTEL_NODE_RESOURCE_DETECTORS = 'none';
    expect(traceResource('incident-ai').attributes.team).toBeUndefined();
    process.env.OTEL_NODE_RESOURCE_DETECTORS = 'all';
    expect(traceResource('incident-ai').attributes['os.type']).toEqual(expect.any(String));
  });
});
