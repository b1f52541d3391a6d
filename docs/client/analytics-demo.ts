// The analytics page's runnable example: the CSV in the box → parseRecords → summarize → report,
// run in this page by the same module a page, a Web Worker or Node imports.
import { parseRecords, report, summarize, type GroupField, type Period } from '../../src/analytics.js';
import { make } from './elements.js';

const SAMPLE = `id,kind,createdAt,agency,unit,channel,locale,score,scale,category,description,receivedAt,dueAt,resolvedAt
0b9a8c4e-1d2f-4a3b-8c5d-6e7f80912a01,rating,2026-01-12T02:15:00Z,ubnd-phuong-hoan-kiem,mot-cua,counter,vi,3,3,,,,,
0b9a8c4e-1d2f-4a3b-8c5d-6e7f80912a02,rating,2026-01-20T03:40:00Z,ubnd-phuong-hoan-kiem,mot-cua,online,vi,5,5,,,,,
0b9a8c4e-1d2f-4a3b-8c5d-6e7f80912a03,rating,2026-02-03T08:05:00Z,ubnd-phuong-hoan-kiem,mot-cua,counter,vi,1,3,,,,,
0b9a8c4e-1d2f-4a3b-8c5d-6e7f80912a04,rating,2026-02-17T01:30:00Z,ubnd-phuong-hoan-kiem,tu-phap,online,en,4,5,,,,,
0b9a8c4e-1d2f-4a3b-8c5d-6e7f80912a05,rating,2026-03-02T07:00:00Z,ubnd-phuong-hoan-kiem,tu-phap,counter,vi,2,3,,,,,
0b9a8c4e-1d2f-4a3b-8c5d-6e7f80912a06,rating,2026-04-09T02:45:00Z,ubnd-phuong-hoan-kiem,mot-cua,online,vi,2,5,,,,,
0b9a8c4e-1d2f-4a3b-8c5d-6e7f80912a07,rating,2026-04-21T04:10:00Z,ubnd-phuong-hoan-kiem,tu-phap,kiosk,vi,3,3,,,,,
0b9a8c4e-1d2f-4a3b-8c5d-6e7f80912a08,complaint,2026-05-06T09:20:00Z,ubnd-phuong-hoan-kiem,tu-phap,online,vi,,,delay,Hồ sơ trễ hẹn ba ngày mà không ai báo.,,,
HS-2026-0001,case,,ubnd-phuong-hoan-kiem,mot-cua,,,,,,,2026-01-05T02:00:00Z,2026-01-12T10:00:00Z,2026-01-10T03:00:00Z
HS-2026-0002,case,,ubnd-phuong-hoan-kiem,tu-phap,,,,,,,2026-04-01T02:00:00Z,2026-04-08T10:00:00Z,2026-04-10T03:00:00Z
`;

const csv = document.getElementById('analytics-csv') as HTMLTextAreaElement;
const group = document.getElementById('analytics-group') as HTMLSelectElement;
const period = document.getElementById('analytics-period') as HTMLSelectElement;
const code = document.querySelector('#analytics-code code')!;
const status = document.getElementById('analytics-status')!;
const output = document.getElementById('analytics-output')!;

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)} %`);

function showCode(): void {
  const groupBy = group.value ? `groupBy: ['${group.value}'], ` : '';
  code.textContent = `import { parseRecords, summarize, report } from 'service-feedback/analytics.js';

const { records, errors } = parseRecords(csv, 'csv');
const summary = summarize(records, { ${groupBy}period: '${period.value}', timeZone: 'Asia/Ho_Chi_Minh' });
const rows = report(summary, { asOf: new Date('2026-12-31T17:00:00Z') });`;
}

function run(): void {
  showCode();
  const { records, errors } = parseRecords(csv.value, 'csv');
  const groupBy = group.value ? [group.value as GroupField] : [];
  const summary = summarize(records, { groupBy, period: period.value as Period, timeZone: 'Asia/Ho_Chi_Minh' });
  const rows = report(summary, { asOf: new Date('2026-12-31T17:00:00Z') });
  status.textContent = `${records.length} records read, ${errors.length} refused${errors.length ? ` (line ${errors.map((error) => `${error.line}: ${error.reason}`).join('; line ')})` : ''}; ${rows.length} report rows.`;
  const table = make('table');
  const columns = [...groupBy, 'period', 'ratings', 'satisfied', 'satisfaction', '95 % interval', 'complaints', 'cases on time', 'on-time rate'];
  const head = make('tr');
  for (const column of columns) head.append(make('th', { scope: 'col' }, column));
  table.append(make('caption', {}, 'report(summary) rows'), make('thead'), make('tbody'));
  table.tHead!.append(head);
  for (const row of rows) {
    const tr = make('tr');
    const key = row.key as unknown as Record<string, string | null>;
    const cells = [
      ...groupBy.map((field) => key[field] ?? '—'),
      String(key['period']),
      String(row.ratings),
      String(row.satisfied),
      percent(row.satisfactionRate),
      row.satisfactionCI ? `${percent(row.satisfactionCI[0])} – ${percent(row.satisfactionCI[1])}` : '—',
      String(row.complaints),
      `${row.casesOnTime} of ${row.cases}`,
      percent(row.onTimeRate),
    ];
    cells.forEach((cell, index) => tr.append(make(index === 0 ? 'th' : 'td', index === 0 ? { scope: 'row' } : {}, cell)));
    table.tBodies[0]!.append(tr);
  }
  output.replaceChildren(table);
}

csv.value = SAMPLE;
document.getElementById('analytics-run')!.addEventListener('click', run);
group.addEventListener('change', showCode);
period.addEventListener('change', showCode);
run();
document.documentElement.dataset['analyticsReady'] = 'true';
