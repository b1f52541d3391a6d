/** Package entry `service-feedback/analytics.js`: see `src/analytics/index.ts`. */
export * from './analytics/index.js';
