/**
 * The OpenTelemetry tracer provider, started before anything else, built from the SDK's small
 * packages rather than `NodeSDK` from @opentelemetry/sdk-node, which loads the logs and metrics
 * SDKs, every OTLP exporter flavour, the instrumentation loader and a configuration-file
 * validator whatever is used (docs/stack-notes.md item 42). It keeps what NodeSDK did for this
 * service: OTEL_SDK_DISABLED (through the configuration), OTEL_LOG_LEVEL, the propagators
 * (OTEL_PROPAGATORS), the resource (trace-resource.ts), the sampler and span limits
 * (OTEL_TRACES_SAMPLER, OTEL_SPAN_*: read by `BasicTracerProvider`), and the batch processor and
 * OTLP/HTTP exporter (OTEL_BSP_*, OTEL_EXPORTER_OTLP_*: read by them).
 *
 * Without an exporter, spans are not recorded (the always-off sampler): each still gets a trace
 * and span id, so every draft and log line has a trace id, but no attributes, events or
 * processor work are spent on what goes nowhere.
 */
import { createRequire } from 'node:module';
import { context, diag, DiagConsoleLogger, propagation, trace } from '@opentelemetry/api';
import { diagLogLevelFromString, getStringFromEnv } from '@opentelemetry/core';
import { AlwaysOffSampler, BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { AppConfig } from '../config/index.js';
import { propagatorFromEnv } from './propagator-from-env.js';
import { SyncContextManager } from './sync-context-manager.js';
import { traceResource } from './trace-resource.js';

export interface Tracing {
  /** Exports the spans still queued, then stops the exporter. */
  shutdown(): Promise<void>;
}

export function startTracing(telemetry: AppConfig['telemetry']): Tracing {
  if (telemetry.sdkDisabled) return { shutdown: async () => undefined };
  const logLevel = getStringFromEnv('OTEL_LOG_LEVEL');
  if (logLevel !== undefined) diag.setLogger(new DiagConsoleLogger(), { logLevel: diagLogLevelFromString(logLevel) });

  // No AsyncLocalStorage: on Node 20 its promise hooks run on every promise of the process
  // (docs/stack-notes.md item 24). A request's trace context is carried explicitly
  // (src/telemetry/request-trace.ts); `context.with` still works for synchronous code.
  const contextManager = new SyncContextManager().enable();
  context.setGlobalContextManager(contextManager);
  const propagator = propagatorFromEnv();
  if (propagator) propagation.setGlobalPropagator(propagator);

  const provider = telemetry.exportTraces
    ? new BasicTracerProvider({
        resource: traceResource(telemetry.serviceName),
        // OTLP over HTTP with JSON bodies; the exporter reads its endpoint, headers and timeout
        // from the standard variables.
        spanProcessors: [new BatchSpanProcessor(new (otlpTraceExporterClass())())],
      })
    : new BasicTracerProvider({ sampler: new AlwaysOffSampler() });
  trace.setGlobalTracerProvider(provider);
  return { shutdown: () => provider.shutdown() };
}

type OtlpTraceExporterModule = typeof import('@opentelemetry/exporter-trace-otlp-http');

/**
 * The exporter and what it brings (otlp-transformer, otlp-exporter-base, api-logs: ~0.5 MB of heap)
 * are loaded only by a deployment that exports. A CommonJS package, so `require` loads it
 * synchronously and startTracing stays synchronous, ahead of everything else in main.ts.
 */
function otlpTraceExporterClass(): OtlpTraceExporterModule['OTLPTraceExporter'] {
  return (createRequire(import.meta.url)('@opentelemetry/exporter-trace-otlp-http') as OtlpTraceExporterModule).OTLPTraceExporter;
}
