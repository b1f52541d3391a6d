// service-feedback/collector.js — Node only: the reference collector server (CONTRACT §6).
export { createCollector, type Collector, type CollectorOptions } from './collector/server.js';
export { configFromEnv, ConfigError, type CollectorConfig, type DatabaseConfig, type LogLevel } from './collector/config.js';
export { openStorage } from './collector/storage/index.js';
export type { Storage, SubmitOutcome, ImportOutcome, ComplaintView } from './collector/storage/types.js';
export { createLogger, type Logger } from './collector/log.js';
export { DEMO_CSP, type StaticMount, type StaticHeaders } from './collector/http/static.js';
