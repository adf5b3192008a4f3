/**
 * The global propagator, chosen by OTEL_PROPAGATORS as NodeSDK 0.223 chose it: unset, the W3C
 * trace context and baggage together; `none`, no propagator; otherwise the named ones of
 * `tracecontext` and `baggage`. NodeSDK also offered `b3`, `b3multi` and `jaeger` from packages
 * the service no longer loads; nothing in the service reads or writes headers through the global
 * propagator, so a name it does not know is reported through the OpenTelemetry diagnostic logger
 * (OTEL_LOG_LEVEL) and left out.
 */
import { diag, type TextMapPropagator } from '@opentelemetry/api';
import { CompositePropagator, getStringListFromEnv, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';

const propagatorsByName = new Map<string, () => TextMapPropagator>([
  ['tracecontext', () => new W3CTraceContextPropagator()],
  ['baggage', () => new W3CBaggagePropagator()],
]);

/** Null: register no propagator (the API's no-op stays). */
export function propagatorFromEnv(): TextMapPropagator | null {
  const names = getStringListFromEnv('OTEL_PROPAGATORS');
  if (names === undefined) return new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] });
  if (names.includes('none')) return null;
  const propagators = [...new Set(names)].flatMap((name) => {
    const create = propagatorsByName.get(name);
    if (!create) diag.warn(`Propagator "${name}" requested through environment variable is unavailable.`);
    return create ? [create()] : [];
  });
  if (propagators.length === 0) return null;
  return propagators.length === 1 ? propagators[0]! : new CompositePropagator({ propagators });
}
