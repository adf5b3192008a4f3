/**
 * Process entry: configuration, start, the demo token, graceful shutdown on SIGTERM/SIGINT.
 */
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config/index.js';
import { PortUnavailableError } from './http/http-server.js';
import { DatabaseInUseError } from './store/store-errors.js';
import { createLogger } from './telemetry/logger.js';
import { startTracing } from './telemetry/tracing-sdk.js';
import { applyHeapGrowth } from './telemetry/heap-growth.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`incident-ai: ${error.message}`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  applyHeapGrowth(config.heapGrowingPercent);
  const tracing = startTracing(config.telemetry);
  const logger = createLogger(config.logLevel);
  const app = await createApp(config, logger);
  const server = await app.start();
  const providers = Object.keys(config.routing.providers).join(', ');
  logger.info({ url: `${server.url}/graphql`, providers, database: config.databaseUrl ? 'postgres' : 'pglite' }, 'incident-ai listening');
  console.log(`incident-ai listening on ${server.url}/graphql`);
  if (config.playgroundEnabled) console.log(`playground: ${server.url}/playground`);
  const demoToken = await app.demoToken();
  if (demoToken) console.log(`demo token: ${demoToken}`);

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const forced = setTimeout(() => {
      logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    // Not unref'd: the process must not exit by running out of work before the records are
    // flushed; it exits when stop() resolves, or here.
    app
      .stop()
      .then(() => tracing.shutdown())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // A known start-up refusal (the embedded database in use) is a message, not a stack trace.
  if (error instanceof ConfigError) {
    // createApp checks the configuration against the registered features (routing file names).
    console.error(`incident-ai: ${error.message}`);
    process.exit(78); // EX_CONFIG
  }
  if (error instanceof DatabaseInUseError || error instanceof PortUnavailableError) console.error(`incident-ai: ${error.message}`);
  else console.error('incident-ai failed to start:', error);
  process.exit(1);
});
