#!/usr/bin/env node
// service-feedback-collector: the reference collector of CONTRACT §6, configured by environment.
import { ConfigError, configFromEnv } from './config.js';
import { createLogger, describeError } from './log.js';
import { createCollector } from './server.js';

async function main(): Promise<void> {
  let config;
  try {
    config = configFromEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`service-feedback-collector: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const collector = createCollector({ config, logger });
  const { url } = await collector.listen();
  logger.info('collector listening', { url, database: config.database.engine });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    collector.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', describeError(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`service-feedback-collector: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
