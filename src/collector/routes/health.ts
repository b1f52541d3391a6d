import type { Context } from '../app.js';
import { sendJson } from '../http/errors.js';

/** GET /healthz — 200 when the database answers within 2 s, else 503. */
export async function getHealth(context: Context): Promise<void> {
  const { app, res } = context;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      app.storage.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('database timeout')), 2000);
      }),
    ]);
    sendJson(res, 200, { status: 'ok', database: app.storage.engine, ...(app.config.sample ? { sample: true } : {}) });
  } catch {
    sendJson(res, 503, { status: 'unavailable', error: { code: 'unavailable', message: 'The database does not answer.' } });
  } finally {
    clearTimeout(timer);
  }
}
