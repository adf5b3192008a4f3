import { trace } from '@opentelemetry/api';
import { pino, type Logger } from 'pino';

/** The process logger: JSON lines on stdout; credentials in headers are never written. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'incident-ai' },
      redact: {
        paths: ['req.headers.authorization', 'headers.authorization', '*.apiKey', '*.authorization', 'authorization'],
        censor: '[REDACTED]',
      },
      timestamp: pino.stdTimeFunctions.isoTime,
      // A line written while a span is active carries its trace and span ids. The service's
      // context manager (sync-context-manager.ts) keeps a span active only for synchronous code:
      // what logs for a request uses the request's child logger (request-trace.ts), whose
      // bindings carry the same two fields.
      mixin() {
        const span = trace.getActiveSpan()?.spanContext();
        return span ? { trace_id: span.traceId, span_id: span.spanId } : {};
      },
    },
    destination,
  );
}
