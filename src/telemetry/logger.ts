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
      // Every line written inside a traced operation carries its trace and span ids.
      mixin() {
        const span = trace.getActiveSpan()?.spanContext();
        return span ? { trace_id: span.traceId, span_id: span.spanId } : {};
      },
    },
    destination,
  );
}
