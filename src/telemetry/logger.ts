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
    },
    destination,
  );
}
