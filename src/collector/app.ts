import type { CollectorConfig } from './config.js';
import type { RateLimiter } from './http/rate-limit.js';
import type { RequestContext } from './http/router.js';
import type { Logger } from './log.js';
import type { Storage } from './storage/types.js';

/** What every handler may use. The collector keeps no other state than the rate counters. */
export interface App {
  config: CollectorConfig;
  storage: Storage;
  logger: Logger;
  limiter: RateLimiter;
  now: () => Date;
}

export type Context = RequestContext<App>;
