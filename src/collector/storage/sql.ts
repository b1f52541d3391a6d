// The SQL of the collector: parameterised, and the same text on PGlite and on PostgreSQL.

/** Columns of `records` written by inserts, with their types for `jsonb_to_recordset`. */
const COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['id', 'text'],
  ['kind', 'text'],
  ['at', 'timestamptz'],
  ['created_at', 'timestamptz'],
  ['received_at', 'timestamptz'],
  ['agency', 'text'],
  ['unit', 'text'],
  ['service', 'text'],
  ['officer', 'text'],
  ['channel', 'text'],
  ['score', 'smallint'],
  ['scale', 'smallint'],
  ['standards', 'jsonb'],
  ['category', 'text'],
  ['tracking_code', 'text'],
  ['status', 'text'],
  ['due_at', 'timestamptz'],
  ['resolved_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
  ['record', 'jsonb'],
  ['attachments', 'jsonb'],
];

const names = COLUMNS.map(([name]) => name).join(', ');
const typed = COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ');

/** $1: a JSON array of rows. One statement per request, whatever the batch size. */
const INPUT = `input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${typed}))`;

/**
 * Inserts the new rows and answers every input id: `inserted` true for the new ones, false with the
 * original's tracking code for ids stored before this statement began. An id committed by a
 * concurrent request after that (a race) comes back in neither part: `SELECT_BY_IDS` then reads it
 * in a new statement, which sees it (the ON CONFLICT clause waited for it to commit).
 */
export const INSERT_NEW = `WITH ${INPUT},
inserted AS (
  INSERT INTO records (${names}) SELECT ${names} FROM input
  ON CONFLICT (id) DO NOTHING
  RETURNING id, tracking_code, due_at
)
SELECT id, tracking_code, due_at, true AS inserted FROM inserted
UNION ALL
SELECT id, tracking_code, due_at, false AS inserted FROM records WHERE id IN (SELECT id FROM input)`;

/** $1: text[] of ids. */
export const SELECT_BY_IDS = 'SELECT id, kind, tracking_code, due_at FROM records WHERE id = ANY($1::text[])';

/**
 * Cases: officials' data, so an existing case is updated; an id held by a rating or complaint, or
 * by a case outside the importing token's scope ($2 agency, $3 unit; NULL = any), is left alone.
 */
export const UPSERT_CASES = `WITH ${INPUT}
INSERT INTO records (${names}) SELECT ${names} FROM input
ON CONFLICT (id) DO UPDATE SET
  at = EXCLUDED.at, created_at = EXCLUDED.created_at, received_at = EXCLUDED.received_at,
  agency = EXCLUDED.agency, unit = EXCLUDED.unit, service = EXCLUDED.service, officer = EXCLUDED.officer,
  channel = EXCLUDED.channel, due_at = EXCLUDED.due_at, resolved_at = EXCLUDED.resolved_at,
  updated_at = EXCLUDED.updated_at, record = EXCLUDED.record
WHERE records.kind = 'case'
  AND ($2::text IS NULL OR records.agency = $2::text)
  AND ($3::text IS NULL OR records.unit = $3::text)
RETURNING id, (xmax = 0) AS inserted`;

const COMPLAINT_FIELDS = 'id, tracking_code, status, category, agency, unit, assigned_unit, internal_note, record, updated_at, due_at, resolved_at, response';

export const COMPLAINT_BY_CODE = `SELECT ${COMPLAINT_FIELDS} FROM records WHERE kind = 'complaint' AND tracking_code = $1`;
export const COMPLAINT_BY_ID = `SELECT ${COMPLAINT_FIELDS} FROM records WHERE kind = 'complaint' AND id = $1`;
/** Complaints by tracking code ($1 text[]) or record id ($2 text[]), newest first, at most $3. */
export const COMPLAINTS_BY_KEYS = `SELECT ${COMPLAINT_FIELDS} FROM records
WHERE kind = 'complaint' AND (tracking_code = ANY($1::text[]) OR id = ANY($2::text[]))
ORDER BY at DESC, id DESC LIMIT $3`;
/**
 * Complaints made in [$1, $2] (both inclusive), of the categories $3 and statuses $4 and agency $5
 * (each NULL for any), newest first, at most $6. The (kind, at, id) index serves the time window.
 */
export const COMPLAINTS_BY_FILTER = `SELECT ${COMPLAINT_FIELDS} FROM records
WHERE kind = 'complaint' AND at >= $1::timestamptz AND at <= $2::timestamptz
  AND ($3::text[] IS NULL OR category = ANY($3::text[]))
  AND ($4::text[] IS NULL OR status = ANY($4::text[]))
  AND ($5::text IS NULL OR agency = $5::text)
ORDER BY at DESC, id DESC LIMIT $6`;
export const LOCK_COMPLAINT = `${COMPLAINT_BY_ID} FOR UPDATE`;
export const UPDATE_COMPLAINT = `UPDATE records SET status = $2, response = $3, resolved_at = $4, updated_at = $5,
  assigned_unit = $6, internal_note = $7
WHERE id = $1 RETURNING ${COMPLAINT_FIELDS}`;

export const RECORD_BY_ID = 'SELECT id, kind, agency, unit, record, attachments, tracking_code, status, due_at, resolved_at, response, updated_at, assigned_unit, internal_note FROM records WHERE id = $1';

/** $1 kind, $2 from, $3 to, $4 agency, $5 unit (each may be NULL: no filter on it). */
const FILTER = `($1::text IS NULL OR kind = $1::text)
  AND ($2::timestamptz IS NULL OR at >= $2::timestamptz)
  AND ($3::timestamptz IS NULL OR at < $3::timestamptz)
  AND ($4::text IS NULL OR agency = $4::text)
  AND ($5::text IS NULL OR unit = $5::text OR assigned_unit = $5::text)`;

/** The first page of the export ($6 rows), then the pages after a key ($6 at, $7 id, $8 rows); attachments left out. */
export const EXPORT_FIRST_PAGE = `SELECT id, kind, at, record, tracking_code, status, due_at, resolved_at, response, updated_at, assigned_unit, internal_note
FROM records WHERE ${FILTER}
ORDER BY at, id LIMIT $6`;
export const EXPORT_NEXT_PAGE = `SELECT id, kind, at, record, tracking_code, status, due_at, resolved_at, response, updated_at, assigned_unit, internal_note
FROM records WHERE ${FILTER} AND (at, id) > ($6::timestamptz, $7::text)
ORDER BY at, id LIMIT $8`;

/** Every column toCsv makes of the selected records: dotted paths of leaves, array items numbered from 0. */
export const EXPORT_PATHS = `WITH RECURSIVE paths(path, value) AS (
  SELECT key, value FROM records, jsonb_each(record) WHERE ${FILTER}
  UNION ALL
  SELECT paths.path || '.' || child.key, child.value
  FROM paths CROSS JOIN LATERAL (
    SELECT key, value FROM jsonb_each(CASE WHEN jsonb_typeof(paths.value) = 'object' THEN paths.value END)
    UNION ALL
    SELECT (item.position - 1)::text, item.value
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(paths.value) = 'array' THEN paths.value END) WITH ORDINALITY AS item(value, position)
  ) AS child
)
SELECT DISTINCT path FROM paths WHERE jsonb_typeof(value) NOT IN ('object', 'array')`;

export const HAS_COMPLAINTS = `SELECT EXISTS (SELECT 1 FROM records WHERE ${FILTER} AND kind = 'complaint') AS found,
  EXISTS (SELECT 1 FROM records WHERE ${FILTER} AND kind = 'complaint' AND assigned_unit IS NOT NULL) AS "assignedUnit",
  EXISTS (SELECT 1 FROM records WHERE ${FILTER} AND kind = 'complaint' AND internal_note IS NOT NULL) AS "internalNote"`;

export const COUNT = 'SELECT count(*)::int AS n FROM records WHERE ($1::text IS NULL OR kind = $1::text)';
