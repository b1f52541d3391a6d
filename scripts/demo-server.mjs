// What `npm start` runs once the build is done: the reference collector on the configured database,
// the demo pages and the CDN bundles on the same origin, and — on an empty database, unless
// `--no-sample` — the sample dataset (scripts/sample-data.mjs), so the first look is filled.
// The collector's bin never comes here.
import { sampleRecords } from './sample-data.mjs';

/** Stores the sample records as they are (the collector's own fields included), in slices. */
export async function loadSample(storage, now = new Date()) {
  const { SERVER_FIELDS, isoInstant, toRow } = await import('../dist/collector/records.js');
  const SQL = await import('../dist/collector/storage/sql.js');
  const records = sampleRecords(now);
  for (let i = 0; i < records.length; i += 200) {
    const rows = records.slice(i, i + 200).map((record) => {
      const row = toRow(record, now, 10, record.kind === 'complaint' ? record.trackingCode : undefined);
      if (record.kind === 'complaint') {
        const whole = { ...record };
        for (const field of SERVER_FIELDS) delete whole[field];
        row.record = whole;
        row.status = record.status;
        row.due_at = isoInstant(record.dueAt);
        if (record.resolvedAt) row.resolved_at = isoInstant(record.resolvedAt);
        if (record.response) row.response = record.response;
      } else {
        row.record = { ...record };
      }
      return row;
    });
    await storage.db.query(SQL.INSERT_NEW, [JSON.stringify(rows)]);
  }
  return records.length;
}

/** True when the database holds the sample dataset (loaded now or by an earlier start). */
export async function holdsSample(storage) {
  const [row] = await storage.db.query(`SELECT EXISTS (SELECT 1 FROM records WHERE record->>'sample' = 'true') AS found`);
  return row?.found === true;
}

/**
 * Starts the demo collector. `sample`: load the sample dataset when the database is empty.
 * Resolves with `{ collector, url, storage, loaded }`; `collector.close()` also closes the storage.
 */
export async function startDemo({ env = process.env, sample = true, log = console.log } = {}) {
  const { createCollector, configFromEnv, openStorage, DEMO_CSP } = await import('../dist/collector.js');
  const config = configFromEnv({ HOST: '127.0.0.1', ...env });
  const storage = await openStorage(config.database);
  let loaded = 0;
  if (sample && (await storage.count()) === 0) {
    loaded = await loadSample(storage);
    log(`npm start: the database was empty; loaded ${loaded} sample records (marked "sample": true; npm start -- --no-sample skips this)`);
  }
  const collector = createCollector({
    config: { ...config, sample: await holdsSample(storage) },
    storage,
    static: [
      { prefix: '/demo/', dir: 'demo' },
      // The documentation site (npm run docs), under the same strict policy as the demo.
      { prefix: '/docs/', dir: 'dist/docs' },
      { prefix: '/dist/', dir: 'dist' },
    ],
    staticHeaders: { 'Content-Security-Policy': DEMO_CSP, 'Referrer-Policy': 'no-referrer' },
  });
  const { url } = await collector.listen();
  const close = collector.close.bind(collector);
  collector.close = async () => {
    await close();
    await storage.close();
  };
  return { collector, url, config, storage, loaded };
}
