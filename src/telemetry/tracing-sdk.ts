/**
 * The OpenTelemetry SDK for traces, started before anything else. It is configured by the
 * standard OTEL_* variables, which the SDK reads itself (OTEL_EXPORTER_OTLP_ENDPOINT,
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES,
 * OTEL_TRACES_SAMPLER, OTEL_SDK_DISABLED, ...). Without an exporter, spans are not recorded
 * (the always-off sampler): each still gets a trace and span id, so every draft and log line
 * has a trace id, but no attributes, events or processor work are spent on what goes nowhere.
 */
import { NodeSDK } from '@opentelemetry/sdk-node';
import { AlwaysOffSampler, BatchSpanProcessor, NoopSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import type { AppConfig } from '../config/index.js';
import { SyncContextManager } from './sync-context-manager.js';

export interface Tracing {
  shutdown(): Promise<void>;
}

export function startTracing(telemetry: AppConfig['telemetry']): Tracing {
  if (telemetry.sdkDisabled) return { shutdown: async () => undefined };
  const sdk = new NodeSDK({
    serviceName: telemetry.serviceName,
    // OTLP over HTTP/protobuf-JSON to the configured endpoint; the exporter reads its
    // endpoint, headers and timeout from the standard variables.
    spanProcessors: [telemetry.exportTraces ? new BatchSpanProcessor(new OTLPTraceExporter()) : new NoopSpanProcessor()],
    ...(!telemetry.exportTraces && { sampler: new AlwaysOffSampler() }),
    instrumentations: [],
    // No AsyncLocalStorage: on Node 20 its promise hooks run on every promise of the process
    // (docs/stack-notes.md item 24). A request's trace context is carried explicitly
    // (src/telemetry/request-trace.ts); `context.with` still works for synchronous code.
    contextManager: new SyncContextManager(),
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
