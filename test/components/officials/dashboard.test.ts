import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '../../support/commands.js';
import '../../../src/dashboard.js';
import type { SvcDashboard } from '../../../src/components/officials/dashboard/svc-dashboard.js';
import type { SvcChart } from '../../../src/components/officials/chart/svc-chart.js';
import { parseRecords, report, summarize, toCsv, type ReportRow } from '../../../src/analytics/index.js';
import { formatInteger, formatInterval, formatPercent, formatPeriod } from '../../../src/components/officials/shared/format.js';
import { vi, en, type DashboardMessages } from '../../../src/components/officials/shared/messages.js';
import type { FeedbackRecord } from '../../../src/core/record.js';
import { TEN_STANDARDS } from '../../../src/core/standards.js';
import { generateRecords } from '../../support/generate-records.js';

const TZ = 'Asia/Ho_Chi_Minh';
const AS_OF = '2026-10-01T00:00:00Z';
const records: FeedbackRecord[] = [
  ...generateRecords({ seed: 11, from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 8, 25), ratings: 1500, complaints: 90, cases: 500 }),
];
const OPTIONS = { groupBy: ['unit'] as const, period: 'quarter' as const, timeZone: TZ };
const byUnit = report(summarize(records, { ...OPTIONS, groupBy: ['unit'] }), { asOf: AS_OF });
const overall = report(summarize(records, { period: 'quarter', timeZone: TZ }), { asOf: AS_OF });
const LATEST = '2026-Q3';

/** A dashboard with every chart drawn (`svc-ready`). */
async function dashboard(props: Partial<SvcDashboard> = {}, attrs: Record<string, string> = {}): Promise<SvcDashboard> {
  const el = document.createElement('svc-dashboard');
  const all = { 'group-by': 'unit', period: 'quarter', 'time-zone': TZ, 'as-of': AS_OF, ...attrs };
  for (const [name, value] of Object.entries(all)) if (value !== '') el.setAttribute(name, value);
  Object.assign(el, props);
  const ready = oneEvent(el, 'svc-ready');
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.style.width = '1100px';
  host.append(el);
  await ready;
  return el;
}

const charts = (el: SvcDashboard) => [...el.shadowRoot!.querySelectorAll('svc-chart')] as SvcChart[];
const chartOf = (el: SvcDashboard, kind: string) => charts(el).find((chart) => chart.kind === kind)!;
const bodyCells = (root: ShadowRoot | Element, selector = 'table tbody tr') =>
  [...root.querySelectorAll(selector)].map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim()));
const verdict = (meets: boolean | null, t: DashboardMessages) => (meets === null ? '—' : meets ? t.meetsTarget : t.belowTarget);

/** The element that has focus, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether `node` is inside `host`, crossing shadow roots. */
function composedContains(host: Element, node: Node): boolean {
  for (let at: Node | null = node; at; at = at.parentNode ?? (at instanceof ShadowRoot ? at.host : null)) if (at === host) return true;
  return false;
}

/** Stubs fetch for URLs matching `match`; returns the requested URLs and a restore function. */
function stubFetch(match: RegExp, answer: (url: URL) => Promise<Response> | Response) {
  const original = window.fetch;
  const seen: URL[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (!match.test(url.href)) return original(input, init);
    seen.push(url);
    return Promise.resolve(answer(url));
  };
  return { seen, restore: () => (window.fetch = original) };
}

describe('<svc-dashboard>', () => {
  before(async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
  });

  it('the league table equals report() cell by cell, ranked by the lower bound, small samples apart', async () => {
    const el = await dashboard({ records });
    const expected = byUnit.filter((row) => row.key.period === LATEST);
    const shown = [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('.league-table tr[data-key]')];
    expect(shown.map((tr) => JSON.parse(tr.dataset['key']!)).sort((a, b) => (a.unit < b.unit ? -1 : 1))).to.deep.equal(
      expected.map((row) => row.key),
    );
    for (const tr of shown) {
      const key = JSON.parse(tr.dataset['key']!);
      const row = expected.find((candidate) => candidate.key.unit === key.unit)!;
      const cells = [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim());
      expect(cells.slice(1), key.unit).to.deep.equal([
        row.key.unit!,
        formatInteger(row.ratings, vi),
        formatPercent(row.satisfactionRate, vi),
        formatInterval(row.satisfactionCI, vi),
        verdict(row.meetsSatisfactionTarget, vi),
        formatInteger(row.complaints, vi),
        formatPercent(row.onTimeRate, vi),
      ]);
    }
    const ranked = shown.filter((tr) => !tr.classList.contains('flagged')).map((tr) => expected.find((row) => row.key.unit === JSON.parse(tr.dataset['key']!).unit)!);
    const lows = ranked.map((row) => row.satisfactionCI![0]);
    expect(lows).to.deep.equal([...lows].sort((a, b) => b - a));
    expect(ranked.every((row) => !row.lowSample)).to.be.true;
    const apart = shown.filter((tr) => tr.classList.contains('flagged'));
    expect(apart.length).to.equal(expected.filter((row) => row.lowSample).length);
    expect(apart.length).to.be.greaterThan(0);
    for (const tr of apart) expect(tr.querySelector('td')!.textContent!.trim()).to.equal('—');
    expect(el.shadowRoot!.querySelector('tbody.apart th')!.textContent).to.contain(vi.lowSample);
    expect(el.leagueCsv()).to.equal(toCsv([...el.leagueRows.ranked.map(({ row }) => row), ...el.leagueRows.apart], { bom: true }));
  });

  it('every chart table equals report() on the same records', async () => {
    const el = await dashboard({ records });
    const latest = byUnit.filter((row) => row.key.period === LATEST);
    const satisfaction = chartOf(el, 'satisfaction');
    expect(satisfaction.reportRows).to.deep.equal(latest);
    expect(bodyCells(satisfaction.shadowRoot!)).to.deep.equal(
      latest.map((row) => [
        row.key.unit!,
        formatInteger(row.ratings, vi),
        formatInteger(row.satisfied, vi),
        formatPercent(row.satisfactionRate, vi),
        formatInterval(row.satisfactionCI, vi),
        verdict(row.meetsSatisfactionTarget, vi),
        row.lowSample ? vi.lowSample : '',
      ]),
    );
    const trend = chartOf(el, 'trend');
    expect(trend.reportRows).to.deep.equal(overall);
    expect(bodyCells(trend.shadowRoot!).map((cells) => [cells[0], cells[3], cells[4]])).to.deep.equal(
      overall.map((row) => [formatPeriod(row.key.period, vi), formatPercent(row.satisfactionRate, vi), formatInterval(row.satisfactionCI, vi)]),
    );
    const onTime = chartOf(el, 'on-time');
    expect(bodyCells(onTime.shadowRoot!).map((cells) => cells.slice(1, 6))).to.deep.equal(
      latest.map((row) => [row.cases, row.casesOnTime, row.casesLate, row.casesPending].map((n) => formatInteger(n, vi)).concat(formatPercent(row.onTimeRate, vi))),
    );
    const complaints = chartOf(el, 'complaints');
    const categories = ['attitude', 'delay', 'fees', 'procedure', 'facilities', 'other'].filter((id) => overall.some((row) => row.complaintsByCategory[id]));
    expect(bodyCells(complaints.shadowRoot!)).to.deep.equal(
      overall.map((row) => [
        formatPeriod(row.key.period, vi),
        ...categories.map((id) => formatInteger(row.complaintsByCategory[id] ?? 0, vi)),
        formatInteger(row.complaints, vi),
      ]),
    );
    const standards = chartOf(el, 'standards');
    const quarter = overall.find((row) => row.key.period === LATEST)!;
    expect(bodyCells(standards.shadowRoot!)).to.deep.equal(
      TEN_STANDARDS.map((standard) => {
        const result = quarter.standards[standard.id];
        return [
          standard.vi,
          formatInteger(result?.yes ?? 0, vi),
          formatInteger(result?.no ?? 0, vi),
          formatPercent(result?.rate ?? null, vi),
          result?.rate === null || result === undefined ? '—' : result.rate >= 0.8 ? vi.meetsTarget : vi.belowTarget,
        ];
      }),
    );
    for (const chart of charts(el)) expect(chart.csv(), chart.kind).to.equal(toCsv(chart.reportRows, { bom: true }));
  });

  it('choosing another period redraws the per-group charts and the league table with that period\'s rows', async () => {
    const el = await dashboard({ records });
    const select = el.shadowRoot!.querySelector('select')!;
    expect([...select.options].map((option) => option.value)).to.deep.equal(['2026-Q3', '2026-Q2', '2026-Q1']);
    select.value = '2026-Q1';
    select.dispatchEvent(new Event('change'));
    await oneEvent(el, 'svc-ready');
    expect(chartOf(el, 'satisfaction').reportRows).to.deep.equal(byUnit.filter((row) => row.key.period === '2026-Q1'));
    expect(el.shadowRoot!.querySelector('.league h3')!.textContent).to.contain(formatPeriod('2026-Q1', vi));
  });

  it('a Summary property and a records file give the same figures as records', async () => {
    const summary = summarize(records, OPTIONS);
    const fromSummary = await dashboard({ summary });
    expect(chartOf(fromSummary, 'satisfaction').reportRows).to.deep.equal(byUnit.filter((row) => row.key.period === LATEST));
    const file = new File([toCsv(records)], 'records.csv', { type: 'text/csv' });
    const fromFile = await dashboard({ file });
    expect(chartOf(fromFile, 'trend').reportRows).to.deep.equal(overall);
    const ndjson = new Blob([records.map((record) => JSON.stringify(record)).join('\n')]);
    const fromNdjson = await dashboard({ file: ndjson });
    expect(chartOf(fromNdjson, 'trend').reportRows).to.deep.equal(overall);
  });

  it('a unit filter shows that unit only, and its own totals', async () => {
    const el = await dashboard({ records }, { unit: 'mot-cua', 'group-by': '' });
    const expected = report(summarize(records.filter((record) => record.unit === 'mot-cua'), { period: 'quarter', timeZone: TZ }), { asOf: AS_OF });
    expect(chartOf(el, 'trend').reportRows.map((row) => [row.key.period, row.ratings, row.satisfactionRate])).to.deep.equal(
      expected.map((row) => [row.key.period, row.ratings, row.satisfactionRate]),
    );
  });

  it('a collector URL: asks for the grouping, period and time zone, and shows its rows', async () => {
    const fine = byUnit;
    const { seen, restore } = stubFetch(/\/v1\/summary/, (url) => new Response(JSON.stringify(url.searchParams.has('groupBy') ? fine : overall), { headers: { 'Content-Type': 'application/json' } }));
    try {
      const el = await dashboard({}, { src: '/api/v1/summary?from=2026-01-01T00:00:00Z' });
      expect(seen).to.have.length(2);
      const grouped = seen.find((url) => url.searchParams.has('groupBy'))!;
      expect(grouped.pathname).to.equal('/api/v1/summary');
      expect(Object.fromEntries(grouped.searchParams)).to.deep.equal({
        from: '2026-01-01T00:00:00Z',
        groupBy: 'unit',
        period: 'quarter',
        timeZone: TZ,
        asOf: AS_OF,
        target: '0.8',
        onTimeTarget: '1',
        confidence: '0.95',
        minSample: '30',
      });
      const total = seen.find((url) => !url.searchParams.has('groupBy'))!;
      expect(total.searchParams.get('period')).to.equal('quarter');
      expect(chartOf(el, 'satisfaction').reportRows).to.deep.equal(fine.filter((row) => row.key.period === LATEST));
      expect(chartOf(el, 'trend').reportRows).to.deep.equal(overall);
    } finally {
      restore();
    }
  });

  it('errors say what failed and what to do: HTTP status, parse errors with line numbers', async () => {
    const failing = stubFetch(/\/broken\/v1\/summary/, () => new Response(JSON.stringify({ error: { code: 'db', message: 'database unavailable' } }), { status: 503 }));
    try {
      const el = document.createElement('svc-dashboard');
      el.setAttribute('src', '/broken/v1/summary');
      const failed = oneEvent(el, 'svc-load-error');
      await fixture(html`<div>${el}</div>`);
      const { detail } = await failed;
      expect(detail.status).to.equal(503);
      await el.updateComplete;
      const text = el.shadowRoot!.querySelector('.state.error')!.textContent!;
      expect(text).to.contain('HTTP 503').and.contain('database unavailable').and.contain(vi.errorWhatToDoHttp.slice(0, 20));
      expect(el.shadowRoot!.querySelector('.state.error')!.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible();
    } finally {
      failing.restore();
    }
    const bad = 'id,kind,createdAt,agency,channel,locale,score,scale\nx,rating,not-a-date,a,online,vi,9,5\ny,rating,2026-01-01T00:00:00Z,a,online,vi,7,5\n';
    const el = document.createElement('svc-dashboard');
    el.lang = 'en';
    el.file = new Blob([bad]);
    const failed = oneEvent(el, 'svc-load-error');
    await fixture(html`<div>${el}</div>`);
    await failed;
    await el.updateComplete;
    const items = [...el.shadowRoot!.querySelectorAll('.state.error li')].map((li) => li.textContent!);
    expect(items).to.have.length(2);
    expect(items[0]).to.match(/^Line 2: /);
    expect(items[1]).to.match(/^Line 3: /);
    expect(el.shadowRoot!.querySelector('.state.error')!.textContent).to.contain('2 rows of the data file could not be read');
  });

  it('rows that cannot be read next to good ones: the figures, and a warning listing them', async () => {
    const text = toCsv(records.slice(0, 200)) + 'bad,rating,2026-01-01T00:00:00Z,a,,,,,,9,5\r\n';
    const el = await dashboard({ file: new Blob([text]) });
    const warning = el.shadowRoot!.querySelector('.state.warning')!;
    expect(warning.textContent).to.contain('1 dòng');
    expect(warning.querySelector('li')!.textContent).to.match(/^Dòng 202: /);
  });

  it('empty: says there is nothing for this period and what to check', async () => {
    const el = document.createElement('svc-dashboard');
    el.records = [];
    await fixture(html`<div>${el}</div>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.state.empty'));
    expect(el.shadowRoot!.querySelector('.state.empty')!.textContent).to.contain(vi.emptyBody);
    expect(el.shadowRoot!.querySelectorAll('svc-chart')).to.have.length(0);
  });

  it('a big CSV goes through the Web Worker, with progress, and gives the same rows as parsing it here', async () => {
    const many = [...generateRecords({ seed: 3, from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 8, 25), ratings: 26_000, complaints: 500, cases: 3_000 })];
    const text = toCsv(many);
    expect(text.length).to.be.greaterThan(2 * 1024 * 1024);
    const progress: Array<{ phase: string; via?: string }> = [];
    const el = document.createElement('svc-dashboard');
    for (const [name, value] of Object.entries({ 'group-by': 'unit', period: 'quarter', 'time-zone': TZ, 'as-of': AS_OF })) el.setAttribute(name, value);
    el.addEventListener('svc-progress', (event) => progress.push(event.detail));
    let sawBar = false;
    el.addEventListener('svc-progress', () => void el.updateComplete.then(() => (sawBar ||= Boolean(el.shadowRoot!.querySelector('progress')))));
    el.file = new Blob([text], { type: 'text/csv' });
    // The dev server serves TypeScript: point the worker at the source (dist/ and the CDN
    // build find theirs by default; test/e2e/dashboard.e2e.ts covers the CDN one).
    el.workerSrc = '/src/analytics/worker.ts';
    const loaded = oneEvent(el, 'svc-load');
    const ready = oneEvent(el, 'svc-ready');
    await fixture(html`<div>${el}</div>`);
    const { detail } = await loaded;
    await ready;
    expect(detail.via).to.equal('worker');
    expect(detail.records).to.equal(many.length);
    expect(progress.some((p) => p.via === 'worker')).to.be.true;
    expect(sawBar).to.be.true;
    const { records: parsed } = parseRecords(text, 'csv');
    expect(el.reportRows).to.deep.equal(report(summarize(parsed, OPTIONS), { asOf: AS_OF }));
  });

  it('without a usable worker (another origin) the file is summarised on the page, in slices', async () => {
    const text = toCsv(records);
    const el = await dashboard({ file: new Blob([text]), workerThreshold: 0, workerSrc: 'https://elsewhere.example/worker.js' });
    expect(el.reportRows).to.deep.equal(byUnit);
  });

  for (const lang of ['vi', 'en']) {
    for (const theme of ['light', 'dark']) {
      it(`axe-clean in every state (${lang}, ${theme}): loading, empty, error, data, tables shown`, async () => {
        const never = stubFetch(/\/slow\.csv/, () => new Promise<Response>(() => {}));
        try {
          const loading = document.createElement('svc-dashboard');
          loading.setAttribute('src', '/slow.csv');
          loading.setAttribute('theme', theme);
          loading.lang = lang;
          await fixture(html`<div>${loading}</div>`);
          await waitUntil(() => loading.shadowRoot!.querySelector('progress'));
          await expect(loading).to.be.accessible();
        } finally {
          never.restore();
        }
        const empty = await fixture<SvcDashboard>(html`<svc-dashboard lang=${lang} theme=${theme} .records=${[]}></svc-dashboard>`);
        await waitUntil(() => empty.shadowRoot!.querySelector('.state.empty'));
        await expect(empty).to.be.accessible();
        const error = document.createElement('svc-dashboard');
        error.setAttribute('src', '/no-such-file.csv');
        error.setAttribute('theme', theme);
        error.lang = lang;
        const failed = oneEvent(error, 'svc-load-error');
        await fixture(html`<div>${error}</div>`);
        await failed;
        await error.updateComplete;
        await expect(error).to.be.accessible();
        const el = await dashboard({ records }, { theme, lang });
        await expect(el).to.be.accessible();
        for (const chart of charts(el)) {
          chart.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!.click();
          await chart.updateComplete;
        }
        await expect(el).to.be.accessible();
        const t = lang === 'en' ? en : vi;
        expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal(t.dashboardTitle);
      });
    }
  }

  it('keyboard: Tab reaches the period, every chart\'s toggle, CSV and PNG, the sort buttons and the league CSV', async () => {
    const el = await dashboard({ records });
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    // Something focusable after it too: Firefox tabs out of the last one into its own toolbar, and
    // the keys pressed after that never reach the page.
    const afterIt = document.createElement('button');
    afterIt.textContent = 'after';
    el.after(afterIt);
    before.focus();
    const reached: string[] = [];
    for (let i = 0; i < 40; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive();
      if (!active || !composedContains(el, active)) {
        if (reached.length) break;
        continue;
      }
      const host = (active.getRootNode() as ShadowRoot).host as HTMLElement;
      reached.push(`${host.getAttribute('kind') ?? host.localName}:${active.localName}.${active.className}`);
    }
    for (const kind of ['satisfaction', 'trend', 'complaints', 'standards', 'on-time']) {
      for (const button of ['toggle', 'csv', 'png']) expect(reached, `${kind} ${button}`).to.include(`${kind}:button.button secondary ${button}`);
    }
    expect(reached).to.include('svc-dashboard:select.');
    expect(reached.filter((entry) => entry === 'svc-dashboard:button.sort')).to.have.length(6);
    expect(reached).to.include('svc-dashboard:button.button secondary csv');
    // Space on a toggle shows that chart's table.
    const satisfaction = chartOf(el, 'satisfaction');
    satisfaction.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!.focus();
    await sendKeys({ press: 'Space' });
    await satisfaction.updateComplete;
    expect(satisfaction.shadowRoot!.querySelector('button.toggle')!.getAttribute('aria-pressed')).to.equal('true');
    expect(satisfaction.shadowRoot!.querySelector('.table-box')!.classList.contains('visually-hidden')).to.be.false;
    before.remove();
    afterIt.remove();
  });

  it('sortable league columns announce their order (aria-sort), small samples stay apart', async () => {
    const el = await dashboard({ records });
    const header = () => [...el.shadowRoot!.querySelectorAll('.league-table thead th')];
    expect(header()[0]!.getAttribute('aria-sort')).to.equal('ascending');
    const ratings = header().find((th) => th.textContent!.includes(vi.ratings))!;
    ratings.querySelector('button')!.click();
    await el.updateComplete;
    expect(ratings.getAttribute('aria-sort')).to.equal('descending');
    expect(header()[0]!.hasAttribute('aria-sort')).to.be.false;
    const counts = [...el.shadowRoot!.querySelectorAll('.league-table tbody:first-of-type tr')].map((tr) => Number(tr.children[2]!.textContent!.replace(/\D/g, '')));
    expect(counts).to.deep.equal([...counts].sort((a, b) => b - a));
  });

  it('every chart canvas has an accessible name naming its caption', async () => {
    const el = await dashboard({ records }, { lang: 'en' });
    for (const chart of charts(el)) {
      const canvas = chart.shadowRoot!.querySelector('canvas')!;
      const caption = chart.shadowRoot!.querySelector('figcaption')!.textContent!.trim();
      expect(canvas.getAttribute('role')).to.equal('img');
      expect(canvas.getAttribute('aria-label')).to.contain(caption).and.contain('table');
    }
  });

  it('the charts of the same data as rows: the dashboard never computes a rate of its own', async () => {
    const el = await dashboard({ records });
    const rates = (rows: ReportRow[]) => rows.map((row) => [row.satisfactionRate, row.satisfactionCI, row.onTimeRate]);
    expect(rates(el.rowsFor('satisfaction'))).to.deep.equal(rates(byUnit.filter((row) => row.key.period === LATEST)));
    expect(rates(el.rowsFor('trend'))).to.deep.equal(rates(overall));
  });
});
