// Webhooks (CONTRACT §8): complaint events POSTed to WEBHOOK_URL, signed, at least once. Ingest only
// writes a row to webhook_deliveries; a background pass sends what is due, so a slow or dead
// receiver never delays a citizen's submission.
import { createHmac, randomUUID } from 'node:crypto';
import type { CollectorConfig } from './config.js';
import type { Queryable } from './storage/types.js';
import type { ComplaintView } from './storage/types.js';

export type WebhookType = 'complaint.received' | 'complaint.updated';

/** Seconds before retry n (1-based); the last value repeats. The first retry comes within a minute. */
export const BACKOFF_SECONDS = [10, 30, 120, 600, 1800, 3600, 6 * 3600];

/** `sha256=<hex>` of the raw body: what `X-Svc-Signature` carries. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** What an event says of a complaint: no personal data, no description, no answer text. */
export function eventData(view: ComplaintView): Record<string, unknown> {
  const { trackingCode, status, category, agency, unit, assignedUnit, createdAt, updatedAt, dueAt, resolvedAt } = view;
  return { trackingCode, status, category, agency, unit, assignedUnit, createdAt, updatedAt, dueAt, resolvedAt };
}

/** Queues one event (inside the caller's transaction when it has one); nothing when webhooks are off. */
export async function queueWebhook(db: Queryable, config: CollectorConfig, type: WebhookType, view: ComplaintView, now: Date): Promise<void> {
  if (config.webhookUrl === undefined) return;
  const id = randomUUID();
  const body = JSON.stringify({ type, id, at: now.toISOString(), data: eventData(view) });
  await db.query('INSERT INTO webhook_deliveries (id, type, body, created_at, next_at) VALUES ($1, $2, $3, $4, $4)', [id, type, body, now.toISOString()]);
}

export interface DeliveryOptions {
  now: Date;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  /** Seconds before retry n (tests shorten them). */
  backoffSeconds?: readonly number[];
  /** Rows claimed per pass. */
  batch?: number;
}

/**
 * One pass: claims the due deliveries (a lease, `FOR UPDATE SKIP LOCKED`, so several instances
 * never send one row at the same time), POSTs each, marks 2xx delivered and schedules the others
 * by backoff. Returns how many were delivered.
 */
export async function deliverDue(db: Queryable, config: CollectorConfig, options: DeliveryOptions): Promise<{ delivered: number; failed: number }> {
  if (config.webhookUrl === undefined || config.webhookSecret === undefined) return { delivered: 0, failed: 0 };
  const { now } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const backoff = options.backoffSeconds ?? BACKOFF_SECONDS;
  const lease = new Date(now.getTime() + timeoutMs + 5_000).toISOString();
  const claimed = await db.query(
    `UPDATE webhook_deliveries SET next_at = $2
     WHERE id IN (SELECT id FROM webhook_deliveries WHERE delivered_at IS NULL AND next_at <= $1 ORDER BY next_at LIMIT $3 FOR UPDATE SKIP LOCKED)
     RETURNING id, body, attempts`,
    [now.toISOString(), lease, options.batch ?? 20],
  );
  let delivered = 0;
  let failed = 0;
  for (const row of claimed) {
    const body = String(row['body']);
    let status = 0;
    try {
      const response = await fetch(config.webhookUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Svc-Signature': signature(config.webhookSecret, body), 'X-Svc-Delivery': String(row['id']) },
        body,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      });
      status = response.status;
      await response.body?.cancel().catch(() => undefined);
    } catch {
      status = 0;
    }
    const attempts = Number(row['attempts']) + 1;
    if (status >= 200 && status < 300) {
      delivered++;
      await db.query('UPDATE webhook_deliveries SET delivered_at = $2, attempts = $3, last_status = $4 WHERE id = $1', [row['id'], now.toISOString(), attempts, status]);
    } else {
      failed++;
      const wait = backoff[Math.min(attempts, backoff.length) - 1]!;
      await db.query('UPDATE webhook_deliveries SET next_at = $2, attempts = $3, last_status = $4 WHERE id = $1', [
        row['id'],
        new Date(now.getTime() + wait * 1000).toISOString(),
        attempts,
        status,
      ]);
    }
  }
  return { delivered, failed };
}
