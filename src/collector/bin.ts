#!/usr/bin/env node
// service-feedback-collector: the reference collector of CONTRACT §6, configured by environment;
// `service-feedback-collector token create|list|revoke` manages officials' tokens (§8).
import { ConfigError, configFromEnv } from './config.js';
import { createLogger, describeError } from './log.js';
import { createCollector } from './server.js';
import { tokenCommand } from './token-command.js';

async function main(): Promise<void> {
  if (process.argv[2] === 'token') {
    process.exitCode = await tokenCommand(process.argv.slice(3), {
      env: process.env,
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
    });
    return;
  }
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
