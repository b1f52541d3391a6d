import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, engine, sendKeys, skipIn } from '../../support/commands.js';
import '../../../src/components/officials/report/svc-report.js';
import type { SvcReport } from '../../../src/components/officials/report/svc-report.js';
import { previousPeriod } from '../../../src/components/officials/report/report-model.js';
import { vi as reportVi, en as reportEn, type ReportMessages } from '../../../src/components/officials/report/messages.js';
import { byConfidence } from '../../../src/components/officials/shared/league.js';
import { parseRecords, report, summarize, toCsv, type ReportRow } from '../../../src/analytics/index.js';
import { formatInteger, formatInterval, formatPercent, formatPeriod, formatShare } from '../../../src/components/officials/shared/format.js';
import { vi, en, type DashboardMessages } from '../../../src/components/officials/shared/messages.js';
import { TEN_STANDARDS } from '../../../src/core/standards.js';
import { builtInQuestionSet } from '../../../src/components/rating/question-texts.js';
import { REPORT_UNITS, reportRecords } from '../../support/report-records.js';

const TZ = 'Asia/Ho_Chi_Minh';
const AS_OF = '2026-10-01T00:00:00Z';
const records = reportRecords({ seed: 12, units: REPORT_UNITS });
/** What the report must show: report() of the same records, per unit and quarter. */
const expected = report(summarize(records, { groupBy: ['unit'], period: 'quarter', timeZone: TZ }), { asOf: AS_OF });
const LATEST = '2026-Q3';
const PREVIOUS = '2026-Q2';
const rowsOf = (period: string) => expected.filter((row) => row.key.period === period);
const previousOf = (row: ReportRow) => expected.find((candidate) => candidate.key.period === previousPeriod(row.key.period) && candidate.key.unit === row.key.unit) ?? null;

async function reportOf(props: Partial<SvcReport> = {}, attrs: Record<string, string> = {}): Promise<SvcReport> {
  const el = document.createElement('svc-report');
  const all = { 'time-zone': TZ, 'as-of': AS_OF, ...attrs };
  for (const [name, value] of Object.entries(all)) el.setAttribute(name, value);
  Object.assign(el, props);
  const loaded = oneEvent(el, 'svc-load');
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.style.width = '1100px';
  host.append(el);
  await loaded;
  await el.updateComplete;
  return el;
}

const cellsOf = (tr: Element) => [...tr.querySelectorAll(':scope > th, :scope > td')].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim());
const unitSections = (el: SvcReport) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('section.unit')];
const sectionOf = (el: SvcReport, unit: string) => unitSections(el).find((section) => JSON.parse(section.dataset['key']!).unit === unit)!;
const verdict = (meets: boolean | null, t: DashboardMessages) => (meets === null ? '—' : meets ? t.meetsTarget : t.belowTarget);

/** A change in points as the report writes it, from two report() rates. */
function change(now: number | null, before: number | null, hasPrevious: boolean, t: DashboardMessages, r: ReportMessages): string {
  if (!hasPrevious || now === null || before === null) return '—';
  const points = Math.round((now - before) * 1000) / 10;
  if (points === 0) return r.unchanged;
  return r.points(new Intl.NumberFormat(t.numberLocale, { signDisplay: 'always', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(points));
}

/** The first cell of an indicator row (its name and basis) is left out: the figures are what must equal report(). */
function indicatorFigures(row: ReportRow, previous: ReportRow | null, t: DashboardMessages, r: ReportMessages) {
  const line = (rate: number | null, ci: readonly [number, number] | null, target: number | null, meets: boolean | null, before: number | null) => [
    formatPercent(rate, t),
    formatInterval(ci, t),
    target === null ? '—' : formatShare(target, t),
    verdict(meets, t),
    previous ? formatPercent(before, t) : '—',
    change(rate, before, previous !== null, t, r),
  ];
  return [
    line(row.satisfactionRate, row.satisfactionCI, 0.8, row.meetsSatisfactionTarget, previous?.satisfactionRate ?? null),
    line(row.onTimeRate, row.onTimeCI, 1, row.meetsOnTimeTarget, previous?.onTimeRate ?? null),
    line(row.dossierSatisfactionRate, row.dossierSatisfactionCI, null, null, previous?.dossierSatisfactionRate ?? null),
    line(row.complaintOnTimeRate, row.complaintOnTimeCI, null, null, previous?.complaintOnTimeRate ?? null),
    line(row.complaintSatisfactionRate, row.complaintSatisfactionCI, null, null, previous?.complaintSatisfactionRate ?? null),
    line(row.verifiedSatisfactionRate, row.verifiedSatisfactionCI, null, null, previous?.verifiedSatisfactionRate ?? null),
    line(row.responseRate, null, null, null, previous?.responseRate ?? null),
  ];
}

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

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('<svc-report>', () => {
  it('the fixture has what the report reads: verified ratings, answers, complaint handling, a small unit', () => {
    const latest = rowsOf(LATEST);
    expect(latest.length).to.equal(5);
    expect(latest.filter((row) => row.verifiedRatings > 0 && row.cases > 0).length).to.be.at.least(4);
    expect(latest.some((row) => row.complaintSatisfactionRate !== null && row.complaintOnTimeRate !== null)).to.be.true;
    expect(latest.some((row) => Object.keys(row.answers['sipas'] ?? {}).length === 5)).to.be.true;
    expect(latest.filter((row) => row.lowSample).length).to.be.greaterThan(0);
    expect(rowsOf(PREVIOUS).length).to.be.greaterThan(0);
  });

  it('each unit\'s page shows report()\'s figures of the latest quarter, with the change since the previous one', async () => {
    const el = await reportOf({ records });
    const latest = rowsOf(LATEST);
    expect(el.shownPeriod).to.equal(LATEST);
    expect(el.unitPages.map((page) => page.row)).to.deep.equal(latest);
    expect(unitSections(el).map((section) => JSON.parse(section.dataset['key']!))).to.deep.equal(latest.map((row) => row.key));
    for (const row of latest) {
      const section = sectionOf(el, row.key.unit!);
      const previous = previousOf(row);
      expect(previous, row.key.unit!).to.not.equal(null);
      expect(section.querySelector('h3')!.textContent).to.equal(reportVi.unitTitle(row.key.unit!, formatPeriod(LATEST, vi)));
      const shown = [...section.querySelectorAll('table.indicators tbody tr')].map((tr) => cellsOf(tr).slice(1));
      expect(shown, row.key.unit!).to.deep.equal(indicatorFigures(row, previous, vi, reportVi));
      // The basis under each name: the counts the rate is made of.
      const satisfaction = section.querySelector('tr[data-indicator="satisfaction"] .basis')!.textContent;
      expect(satisfaction).to.equal(reportVi.basis.satisfaction(formatInteger(row.satisfied, vi), formatInteger(row.ratings, vi)));
      const facts = Object.fromEntries([...section.querySelectorAll<HTMLElement>('.fact[data-fact]')].map((fact) => [fact.dataset['fact'], fact.querySelector('dd')!.textContent!.replace(/\s+/g, ' ').trim()]));
      expect(facts['ratings']).to.equal(formatInteger(row.ratings, vi));
      expect(facts['verified']).to.equal(reportVi.ofWhole(formatInteger(row.verifiedRatings, vi), formatInteger(row.ratings, vi), formatPercent(row.verifiedRatings / row.ratings, vi)));
      expect(facts['flagged']).to.equal(formatInteger(row.flaggedRatings, vi));
      expect(facts['complaints']).to.equal(
        `${formatInteger(row.complaints, vi)} (${reportVi.complaintsDetail(formatInteger(row.complaintsOnTime, vi), formatInteger(row.complaintsLate, vi), formatInteger(row.complaintsPending, vi))})`,
      );
      expect(facts['cases']).to.equal(`${formatInteger(row.cases, vi)} (${reportVi.casesDetail(formatInteger(row.casesOnTime, vi), formatInteger(row.casesLate, vi), formatInteger(row.casesPending, vi))})`);
    }
  });

  it('the change is the difference of the two quarters\' report() rates (worked by hand for one unit)', async () => {
    const el = await reportOf({ records });
    const row = rowsOf(LATEST).find((candidate) => candidate.key.unit === 'mot-cua')!;
    const before = rowsOf(PREVIOUS).find((candidate) => candidate.key.unit === 'mot-cua')!;
    const points = Math.round((row.satisfactionRate! - before.satisfactionRate!) * 1000) / 10;
    const cell = cellsOf(sectionOf(el, 'mot-cua').querySelector('tr[data-indicator="satisfaction"]')!)[6];
    expect(cell).to.equal(points === 0 ? reportVi.unchanged : `${points > 0 ? '+' : '-'}${Math.abs(points).toFixed(1).replace('.', ',')} điểm %`);
    expect(el.unitPages.find((page) => page.row.key.unit === 'mot-cua')!.indicators[0]!.change).to.equal(row.satisfactionRate! - before.satisfactionRate!);
    expect(previousPeriod('2026-Q1')).to.equal('2025-Q4');
    expect(previousPeriod('2026-Q3')).to.equal('2026-Q2');
    expect(previousPeriod('2026')).to.equal('2025');
    expect(previousPeriod('2026-01')).to.equal('2025-12');
    expect(previousPeriod('all')).to.equal(null);
  });

  it('the first quarter has no previous one: the page says so and shows no change', async () => {
    const el = await reportOf({ records }, { 'selected-period': '2026-Q1' });
    expect(el.shownPeriod).to.equal('2026-Q1');
    for (const section of unitSections(el)) {
      expect(section.textContent).to.contain(reportVi.noPrevious);
      const cells = cellsOf(section.querySelector('tr[data-indicator="satisfaction"]')!);
      expect(cells.slice(-2)).to.deep.equal(['—', '—']);
    }
  });

  it('the yearly evaluation: period="year" gives one page per unit of the year, report() of the year', async () => {
    const el = await reportOf({ records }, { period: 'year' });
    const yearly = report(summarize(records, { groupBy: ['unit'], period: 'year', timeZone: TZ }), { asOf: AS_OF });
    expect(el.reportRows).to.deep.equal(yearly);
    expect(unitSections(el).length).to.equal(yearly.length);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal(reportVi.titleFor('Năm 2026'));
  });

  it('the league table ranks the quarter\'s units by the lower bound of the interval, small samples apart', async () => {
    const el = await reportOf({ records });
    const latest = rowsOf(LATEST);
    const ranked = latest.filter((row) => !row.lowSample).sort(byConfidence(['unit']));
    const apart = latest.filter((row) => row.lowSample);
    const shown = [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('.league-table tr[data-key]')];
    expect(shown.map((tr) => JSON.parse(tr.dataset['key']!).unit)).to.deep.equal([...ranked, ...apart].map((row) => row.key.unit));
    const lows = ranked.map((row) => row.satisfactionCI![0]);
    expect(lows).to.deep.equal([...lows].sort((a, b) => b - a));
    shown.forEach((tr, i) => {
      const row = [...ranked, ...apart][i]!;
      expect(cellsOf(tr)).to.deep.equal([
        i < ranked.length ? String(i + 1) : '—',
        row.key.unit!,
        formatInteger(row.ratings, vi),
        formatPercent(row.satisfactionRate, vi),
        formatInterval(row.satisfactionCI, vi),
        verdict(row.meetsSatisfactionTarget, vi),
        change(row.satisfactionRate, previousOf(row)?.satisfactionRate ?? null, previousOf(row) !== null, vi, reportVi),
        formatPercent(row.onTimeRate, vi),
        formatPercent(row.dossierSatisfactionRate, vi),
        formatInteger(row.complaints, vi),
        formatPercent(row.verifiedRatings / row.ratings, vi),
      ]);
    });
    expect(apart.length).to.be.greaterThan(0);
    expect(el.shadowRoot!.querySelector('tbody.apart th')!.textContent).to.contain(vi.lowSample);
  });

  it('the CSV is toCsv() of the quarter\'s rows in the league\'s order, and the button downloads exactly that', async () => {
    const el = await reportOf({ records });
    const latest = rowsOf(LATEST);
    const ordered = [...latest.filter((row) => !row.lowSample).sort(byConfidence(['unit'])), ...latest.filter((row) => row.lowSample)];
    const csv = el.csv();
    expect(csv).to.equal(toCsv(ordered, { bom: true }));
    const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
    for (const column of ['key.unit', 'key.period', 'satisfactionRate', 'dossierSatisfactionRate', 'complaintOnTimeRate', 'verifiedRatings', 'responseRate']) {
      expect(header, column).to.include(column);
    }
    expect(csv.split('\r\n').filter(Boolean).length).to.equal(1 + latest.length);
    // The button: a blob: download of the same text.
    const original = URL.createObjectURL;
    let saved: Blob | undefined;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      saved = blob as Blob;
      return original.call(URL, blob);
    };
    // The link saveBlob clicks is never in the document: its click is caught on the prototype.
    const clicks: string[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    };
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('button.csv')!.click();
    } finally {
      URL.createObjectURL = original;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(saved).to.exist;
    const bytes = new Uint8Array(await saved!.arrayBuffer());
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).to.equal(csv);
    expect(clicks).to.deep.equal(['svc-report-2026-q3.csv']);
  });

  it('the weakest standards and SIPAS questions are the row\'s lowest, with its counts', async () => {
    const el = await reportOf({ records });
    const sipas = builtInQuestionSet('sipas');
    for (const row of rowsOf(LATEST)) {
      const section = sectionOf(el, row.key.unit!);
      const standards = Object.entries(row.standards)
        .filter(([, result]) => result.rate !== null)
        .sort((a, b) => a[1].rate! - b[1].rate! || TEN_STANDARDS.findIndex((s) => s.id === a[0]) - TEN_STANDARDS.findIndex((s) => s.id === b[0]))
        .slice(0, 3);
      const shown = [...section.querySelectorAll('tr[data-standard]')].map((tr) => cellsOf(tr));
      expect(shown, row.key.unit!).to.deep.equal(
        standards.map(([id, result]) => [TEN_STANDARDS.find((s) => s.id === id)!.vi, formatInteger(result.yes, vi), formatInteger(result.no, vi), formatPercent(result.rate, vi)]),
      );
      const questions = sipas.questions
        .map(({ id }) => [id, row.answers['sipas']?.[id] ?? {}] as const)
        .filter(([, counts]) => Object.keys(counts).length > 0)
        .map(([id, counts]) => {
          const answers = Object.values(counts).reduce((sum, n) => sum + n, 0);
          const good = (counts['4'] ?? 0) + (counts['5'] ?? 0);
          return { id, good, answers, share: good / answers };
        })
        .sort((a, b) => a.share - b.share || b.answers - a.answers)
        .slice(0, 3);
      const questionCells = [...section.querySelectorAll('tr[data-question]')].map((tr) => cellsOf(tr));
      if (questions.length) expect(section.querySelector(`#${section.querySelector('tr[data-question]')!.closest('table')!.getAttribute('aria-labelledby')}`)!.textContent).to.equal(`${reportVi.weakestQuestions} — ${vi.questionSetName('sipas')}`);
      expect(questionCells, row.key.unit!).to.deep.equal(
        questions.map((q) => [
          sipas.questions.find((question) => question.id === q.id)!.vi,
          formatInteger(q.good, vi),
          formatInteger(q.answers, vi),
          formatPercent(q.share, vi),
        ]),
      );
    }
  });

  it('a Summary or a records file gives the same pages as records', async () => {
    const summary = summarize(records, { groupBy: ['unit'], period: 'quarter', timeZone: TZ });
    const fromSummary = await reportOf({ summary });
    expect(fromSummary.unitPages.map((page) => page.row)).to.deep.equal(rowsOf(LATEST));
    const file = new Blob([records.map((record) => JSON.stringify(record)).join('\n')], { type: 'application/x-ndjson' });
    const parsed = parseRecords(await file.text(), 'ndjson');
    expect(parsed.errors).to.deep.equal([]);
    const fromFile = await reportOf({ file });
    expect(fromFile.reportRows).to.deep.equal(expected);
  });

  it('from a collector: asks /v1/summary for units per quarter, and reads its rows', async () => {
    const stub = stubFetch(/\/v1\/summary/, () => new Response(JSON.stringify(expected), { headers: { 'Content-Type': 'application/json' } }));
    try {
      const el = await reportOf({}, { src: '/v1/summary?from=2026-01-01' });
      const asked = stub.seen[0]!;
      expect(asked.searchParams.get('groupBy')).to.equal('unit');
      expect(asked.searchParams.get('period')).to.equal('quarter');
      expect(asked.searchParams.get('timeZone')).to.equal(TZ);
      expect(asked.searchParams.get('from')).to.equal('2026-01-01');
      expect(stub.seen.length).to.equal(1);
      expect(el.unitPages.map((page) => page.row)).to.deep.equal(rowsOf(LATEST));
    } finally {
      stub.restore();
    }
  });

  it('choosing a period shows that quarter\'s pages, and its previous quarter\'s change', async () => {
    const el = await reportOf({ records });
    const select = el.shadowRoot!.querySelector('select')!;
    expect([...select.options].map((option) => option.value)).to.deep.equal(['2026-Q3', '2026-Q2', '2026-Q1']);
    select.value = '2026-Q2';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.shownPeriod).to.equal('2026-Q2');
    const row = rowsOf('2026-Q2').find((candidate) => candidate.key.unit === 'tu-phap-ho-tich')!;
    const shown = [...sectionOf(el, 'tu-phap-ho-tich').querySelectorAll('table.indicators tbody tr')].map((tr) => cellsOf(tr).slice(1));
    expect(shown).to.deep.equal(indicatorFigures(row, previousOf(row), vi, reportVi));
  });

  it('in English: the titles, indicators and numbers', async () => {
    const el = await reportOf({ records }, { lang: 'en' });
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal(reportEn.titleFor('Q3 2026'));
    const row = rowsOf(LATEST).find((candidate) => candidate.key.unit === 'mot-cua')!;
    const section = sectionOf(el, 'mot-cua');
    expect(section.querySelector('h3')!.textContent).to.equal(reportEn.unitTitle('mot-cua', 'Q3 2026'));
    const names = [...section.querySelectorAll('table.indicators tbody th .name')].map((name) => name.textContent!.trim());
    expect(names).to.deep.equal(Object.values(reportEn.indicator));
    const shown = [...section.querySelectorAll('table.indicators tbody tr')].map((tr) => cellsOf(tr).slice(1));
    expect(shown).to.deep.equal(indicatorFigures(row, previousOf(row), en, reportEn));
    expect(el.shadowRoot!.querySelector('button.print')!.textContent!.trim()).to.equal(reportEn.print);
    expect(el.shadowRoot!.querySelector('.league h3')!.textContent).to.equal(reportEn.leagueTitle('Q3 2026'));
  });

  it('every string has its English (no key of one dictionary left out of the other)', () => {
    expect(Object.keys(reportEn).sort()).to.deep.equal(Object.keys(reportVi).sort());
    expect(Object.keys(reportEn.indicator)).to.deep.equal(Object.keys(reportVi.indicator));
  });

  for (const lang of ['vi', 'en']) {
    for (const theme of ['light', 'dark']) {
      it(`axe-clean in every state (${lang}, ${theme}): loading, empty, error, filled`, async () => {
        const never = stubFetch(/\/slow-report\.json/, () => new Promise<Response>(() => {}));
        try {
          const loading = document.createElement('svc-report');
          loading.setAttribute('src', '/slow-report.json');
          loading.setAttribute('theme', theme);
          loading.lang = lang;
          await fixture(html`<div>${loading}</div>`);
          await waitUntil(() => loading.shadowRoot!.querySelector('progress'));
          await expect(loading).to.be.accessible();
        } finally {
          never.restore();
        }
        const empty = await fixture<SvcReport>(html`<svc-report lang=${lang} theme=${theme} .records=${[]}></svc-report>`);
        await waitUntil(() => empty.shadowRoot!.querySelector('.state.empty'));
        await expect(empty).to.be.accessible();
        const error = document.createElement('svc-report');
        error.setAttribute('src', '/no-such-report.csv');
        error.setAttribute('theme', theme);
        error.lang = lang;
        const failed = oneEvent(error, 'svc-load-error');
        await fixture(html`<div>${error}</div>`);
        await failed;
        await error.updateComplete;
        expect(error.shadowRoot!.querySelector('.state.error')).to.exist;
        await expect(error).to.be.accessible();
        const el = await reportOf({ records }, { theme, lang });
        await expect(el).to.be.accessible();
        const t = lang === 'en' ? reportEn : reportVi;
        expect(el.shadowRoot!.querySelector('button.print')!.textContent!.trim()).to.equal(t.print);
      });
    }
  }

  it('keyboard: Tab reaches the period, CSV, print and each table region; every button is at least 24 × 24 px', async () => {
    const el = await reportOf({ records });
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    const after = document.createElement('button');
    after.textContent = 'after';
    el.after(after);
    before.focus();
    const reached: string[] = [];
    const outlines: string[] = [];
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive();
      if (!active || active === after) break;
      if (active.matches('button')) outlines.push(getComputedStyle(active).outlineStyle);
      reached.push(active.matches('select') ? 'select' : active.matches('button') ? active.className : active.matches('[role="region"]') ? `region:${active.getAttribute('aria-labelledby')}` : active.tagName);
    }
    expect(reached).to.deep.equal([
      'select',
      'button secondary csv',
      'button secondary print',
      'region:league-title',
      ...unitSections(el).map((_, i) => `region:unit-${i}-indicators`),
    ]);
    for (const target of el.shadowRoot!.querySelectorAll<HTMLElement>('button, select')) {
      const box = target.getBoundingClientRect();
      expect(box.width, target.className).to.be.at.least(24);
      expect(box.height, target.className).to.be.at.least(24);
    }
    // Focus is visible: an outline drawn on each button reached by Tab.
    expect(outlines).to.deep.equal(['solid', 'solid']);
    before.remove();
    after.remove();
  });

  it('at 360 px wide nothing overflows the page: the tables scroll in their own regions', async () => {
    const el = await reportOf({ records });
    el.parentElement!.style.width = '360px';
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(360);
    for (const section of unitSections(el)) expect(section.getBoundingClientRect().width).to.be.at.most(360);
    const region = el.shadowRoot!.querySelector<HTMLElement>('.league .table-scroll')!;
    expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
  });

  it('printed: no buttons or chooser, one page break after the league and after every unit but the last', async function () {
    const el = await reportOf({ records });
    const applied = await emulateMedia({ media: 'print' });
    try {
      if (!applied.applied) skipIn(this, await engine(), applied.reason ?? 'print media cannot be emulated');
      const root = el.shadowRoot!;
      for (const hidden of root.querySelectorAll('.toolbar, button, select')) expect(getComputedStyle(hidden).display, hidden.className).to.equal('none');
      const pages = [...root.querySelectorAll<HTMLElement>('section.page')];
      expect(pages.length).to.equal(1 + rowsOf(LATEST).length);
      const breaks = pages.map((page) => getComputedStyle(page).breakAfter);
      expect(breaks).to.deep.equal([...pages.slice(1).map(() => 'page'), 'auto']);
    } finally {
      await emulateMedia({ media: null });
    }
  });

  it('nothing is recomputed: rows handed over as a Summary of other figures show those figures', async () => {
    // A hand-made Summary: 9 of 10 satisfied this quarter, 6 of 10 the one before.
    const group = (period: string, happy: number) => ({
      key: { unit: 'u1', period },
      stats: { scores: { '5': { '1': 10 - happy, '5': happy } } },
    });
    const summary = { version: 1, groupBy: ['unit'], period: 'quarter', timeZone: 'UTC', groups: [group('2026-Q1', 6), group('2026-Q2', 9)] };
    const el = await reportOf({ summary: JSON.stringify(summary) }, { 'min-sample': '5' });
    const cells = cellsOf(sectionOf(el, 'u1').querySelector('tr[data-indicator="satisfaction"]')!);
    const rows = report(JSON.parse(JSON.stringify(summary)), { minSample: 5, asOf: AS_OF });
    expect(cells.slice(1)).to.deep.equal([
      formatPercent(0.9, vi),
      formatInterval(rows[1]!.satisfactionCI, vi),
      formatShare(0.8, vi),
      vi.meetsTarget,
      formatPercent(0.6, vi),
      '+30,0 điểm %',
    ]);
  });
});
