// Stores records exactly as given, fields the collector sets included (verified, flags, a
// complaint's tracking code, status and dates), so that the SQL summary can be compared with
// summarize() of the same records whatever the ingest rules would have decided.
import type { FeedbackRecord } from '../../src/core/record.js';
import { SERVER_FIELDS, isoInstant, toRow } from '../../src/collector/records.js';
import * as SQL from '../../src/collector/storage/sql.js';
import type { Storage } from '../../src/collector/storage/types.js';

export async function storeExactly(storage: Storage, records: readonly FeedbackRecord[], now: Date): Promise<void> {
  for (let i = 0; i < records.length; i += 200) {
    const slice = records.slice(i, i + 200);
    const rows = slice.map((record) => {
      const row = toRow(record, now, 10, record.kind === 'complaint' ? String(record.trackingCode) : undefined);
      // toRow sets what a fresh complaint gets; these records carry their whole history.
      const { attachments: _attachments, ...whole } = record as Record<string, unknown>;
      row.record = whole;
      if (record.kind === 'complaint') {
        for (const field of SERVER_FIELDS) delete whole[field];
        if (record.status !== undefined) row.status = record.status;
        if (record.dueAt !== undefined) row.due_at = isoInstant(record.dueAt);
        if (record.resolvedAt !== undefined) row.resolved_at = isoInstant(record.resolvedAt);
      }
      return row;
    });
    await storage.db.query(SQL.INSERT_NEW, [JSON.stringify(rows)]);
  }
}
