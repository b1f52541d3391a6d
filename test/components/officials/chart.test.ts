import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, engine, skipIn } from '../../support/commands.js';
import { Chart } from 'chart.js';
import '../../../src/dashboard.js';
import type { SvcChart } from '../../../src/components/officials/chart/svc-chart.js';
import { report, summarize, toCsv, type ReportRow } from '../../../src/analytics/index.js';
import { formatInteger, formatInterval, formatPercent } from '../../../src/components/officials/shared/format.js';
import { vi, en } from '../../../src/components/officials/shared/messages.js';
import type { FeedbackRecord } from '../../../src/core/record.js';
import { generateRecords } from '../../support/generate-records.js';
import { reportRecords } from '../../support/report-records.js';
import { POINT_LABELS, builtInQuestionSet } from '../../../src/components/rating/question-texts.js';
import { vi as ratingVi } from '../../../src/core/i18n/rating-vi.js';

const TZ = 'Asia/Ho_Chi_Minh';
const AS_OF = '2026-07-01T00:00:00Z';
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2026, 5, 20);
const records: FeedbackRecord[] = [...generateRecords({ seed: 7, from: FROM, to: TO, ratings: 900, complaints: 60, cases: 300 })];

/** A chart drawn: waits for `svc-render`. */
async function drawn(el: SvcChart): Promise<SvcChart> {
  await oneEvent(el, 'svc-render');
  return el;
}

async function chart(kind: string, extra: Partial<SvcChart> = {}, attrs = ''): Promise<SvcChart> {
  const el = document.createElement('svc-chart');
  el.setAttribute('kind', kind);
  el.setAttribute('time-zone', TZ);
  el.setAttribute('as-of', AS_OF);
  for (const pair of attrs.split(' ').filter(Boolean)) {
    const [name, value] = pair.split('=');
    el.setAttribute(name!, value ?? '');
  }
  Object.assign(el, extra);
  const rendered = oneEvent(el, 'svc-render');
  const wrapper = await fixture<HTMLDivElement>(html`<div class="wrap"></div>`);
  wrapper.style.width = '900px';
  wrapper.append(el);
  await rendered;
  return el;
}

const cells = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('table tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim()));

const canvasOf = (el: SvcChart) => el.shadowRoot!.querySelector('canvas')!;

describe('<svc-chart>', () => {
  before(async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
  });
  after(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('satisfaction by unit: the table is report() cell by cell, and the CSV is toCsv of those rows', async () => {
    const el = await chart('satisfaction', { records }, 'group-by=unit period=all');
    const expected = report(summarize(records, { groupBy: ['unit'], period: 'all', timeZone: TZ }), { asOf: AS_OF });
    expect(el.reportRows).to.deep.equal(expected);
    expect(cells(el)).to.deep.equal(
      expected.map((row) => [
        row.key.unit ?? vi.noValue,
        formatInteger(row.ratings, vi),
        formatInteger(row.satisfied, vi),
        formatPercent(row.satisfactionRate, vi),
        formatInterval(row.satisfactionCI, vi),
        row.meetsSatisfactionTarget ? vi.meetsTarget : vi.belowTarget,
        row.lowSample ? vi.lowSample : '',
      ]),
    );
    expect(el.csv()).to.equal(toCsv(expected, { bom: true }));
    expect(el.csv().startsWith('\uFEFF')).to.be.true;
  });

  it('the CSV download holds exactly toCsv(rows), through a blob: link', async () => {
    const el = await chart('on-time', { records }, 'group-by=unit period=quarter');
    const saved: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      saved.push(blob as Blob);
      return original.call(URL, blob);
    };
    const clicks: string[] = [];
    const onClick = (event: Event) => {
      const link = event.target as HTMLAnchorElement;
      clicks.push(link.download);
      event.preventDefault();
    };
    document.addEventListener('click', onClick, true);
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('button.csv')!.click();
    } finally {
      URL.createObjectURL = original;
      document.removeEventListener('click', onClick, true);
    }
    expect(saved).to.have.length(1);
    expect(await saved[0]!.text()).to.equal(toCsv(el.chartModel!.rows, { bom: true }).replace(/^\uFEFF/, ''));
    expect(new Uint8Array(await saved[0]!.arrayBuffer()).slice(0, 3)).to.deep.equal(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(saved[0]!.type).to.equal('text/csv;charset=utf-8');
  });

  it('on-time: late and pending counts and the rate are the report\'s', async () => {
    const el = await chart('on-time', { records }, 'group-by=unit period=all');
    const expected = report(summarize(records, { groupBy: ['unit'], period: 'all', timeZone: TZ }), { asOf: AS_OF });
    expect(cells(el)).to.deep.equal(
      expected.map((row) => [
        row.key.unit ?? vi.noValue,
        formatInteger(row.cases, vi),
        formatInteger(row.casesOnTime, vi),
        formatInteger(row.casesLate, vi),
        formatInteger(row.casesPending, vi),
        formatPercent(row.onTimeRate, vi),
        formatInterval(row.onTimeCI, vi),
        row.meetsOnTimeTarget === null ? '—' : row.meetsOnTimeTarget ? vi.meetsTarget : vi.belowTarget,
      ]),
    );
  });

  it('every kind draws a canvas that screen readers name (role img, a summary), with a figcaption', async () => {
    for (const kind of ['satisfaction', 'standards', 'trend', 'complaints', 'on-time']) {
      const el = await chart(kind, { records }, 'group-by= period=month');
      const canvas = canvasOf(el);
      expect(canvas.getAttribute('role'), kind).to.equal('img');
      const caption = el.shadowRoot!.querySelector('figcaption')!.textContent!.trim();
      expect(caption, kind).to.not.equal('');
      expect(canvas.getAttribute('aria-label'), kind).to.contain(caption);
      expect(Chart.getChart(canvas), kind).to.exist;
    }
  });

  it('small samples are hatched (a pattern, not only a colour) and marked in the label and table', async () => {
    const el = await chart('satisfaction', { records }, 'group-by=unit period=month min-sample=40');
    const rows = el.reportRows;
    const chartJs = Chart.getChart(canvasOf(el))!;
    const fills = chartJs.data.datasets[0]!.backgroundColor as unknown[];
    rows.forEach((row, i) => {
      if (row.lowSample) expect(fills[i], `row ${i}`).to.be.instanceOf(CanvasPattern);
      else expect(typeof fills[i], `row ${i}`).to.equal('string');
    });
    expect(rows.some((row) => row.lowSample)).to.be.true;
    const labels = (chartJs.data.datasets[0] as unknown as { svcLabels: string[] }).svcLabels;
    rows.forEach((row, i) => expect(labels[i]!.includes(vi.lowSampleShort)).to.equal(row.lowSample));
  });

  it('"show as table" is a real toggle button (aria-pressed) that shows the table', async () => {
    const el = await chart('standards', { records }, 'period=all');
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!;
    const box = el.shadowRoot!.querySelector('.table-box')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(box.classList.contains('visually-hidden')).to.be.true;
    expect(box.querySelector('table caption')!.textContent).to.contain(el.chartModel!.caption);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(box.classList.contains('visually-hidden')).to.be.false;
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.querySelectorAll('th[scope="col"]').length).to.be.greaterThan(2);
    expect(el.shadowRoot!.querySelectorAll('th[scope="row"]').length).to.equal(10);
  });

  it('PNG: the chart with its caption, as an image/png Blob', async () => {
    const el = await chart('trend', { records }, 'period=month');
    const png = await el.png();
    expect(png).to.exist;
    expect(png!.type).to.equal('image/png');
    const bitmap = await createImageBitmap(png!);
    const canvas = canvasOf(el);
    expect(bitmap.width).to.equal(canvas.width);
    expect(bitmap.height).to.be.greaterThan(canvas.height);
  });

  it('reduced motion: no animation, and it follows the setting live', async function () {
    const el = await chart('satisfaction', { records }, 'group-by=unit');
    expect(Chart.getChart(canvasOf(el))!.options.animation).to.equal(false);
    const again = oneEvent(el, 'svc-render');
    const switched = await emulateMedia({ reducedMotion: 'no-preference' });
    if (!switched.applied) skipIn(this, await engine(), `following the setting live: ${switched.reason}`);
    await again;
    expect(Chart.getChart(canvasOf(el))!.options.animation).to.not.equal(false);
    const back = oneEvent(el, 'svc-render');
    await emulateMedia({ reducedMotion: 'reduce' });
    await back;
    expect(Chart.getChart(canvasOf(el))!.options.animation).to.equal(false);
  });

  it('chart colours keep 3:1 against the background, light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      const el = await chart('complaints', { records }, `theme=${theme}`);
      const style = getComputedStyle(el);
      const surface = style.getPropertyValue('--_surface');
      for (const name of ['meets', 'below', 'low', 'text', '1', '2', '3', '4', '5', '6', '7']) {
        const color = style.getPropertyValue(`--_chart-${name}`);
        expect(contrast(color, surface), `${theme} --_chart-${name} ${color} on ${surface}`).to.be.at.least(3);
      }
      expect(luminance(surface) < 0.1).to.equal(theme === 'dark');
    }
  });

  it('English: the same table in English number format', async () => {
    const el = await chart('satisfaction', { records }, 'group-by=channel lang=en');
    const expected = report(summarize(records, { groupBy: ['channel'], timeZone: TZ }), { asOf: AS_OF });
    expect(cells(el).map((row) => row[0])).to.deep.equal(expected.map((row) => (row.key.channel ? en.channel[row.key.channel] : en.noValue)));
    expect(cells(el).map((row) => row[3])).to.deep.equal(expected.map((row) => formatPercent(row.satisfactionRate, en)));
    expect(cells(el).find((row) => row[3] !== '—')![3]).to.match(/^\d+\.\d%$/);
    expect(el.shadowRoot!.querySelector('button.toggle')!.textContent!.trim()).to.equal('Show as table');
  });

  describe('kind="questions"', () => {
    const answered = reportRecords({ seed: 3, from: FROM, to: TO, ratings: 500, complaints: 0, cases: 60 });
    const sum = (counts: Record<string, number> = {}) => Object.values(counts).reduce((total, n) => total + n, 0);

    it('SIPAS: answers per question and value are report()\'s counts, in the set\'s order, with the rating\'s words', async () => {
      const el = await chart('questions', { records: answered }, 'period=all show-table');
      const [row] = report(summarize(answered, { period: 'all', timeZone: TZ }), { asOf: AS_OF });
      const counts = row!.answers['sipas']!;
      expect(sum(counts['access'])).to.be.greaterThan(50);
      const sipas = builtInQuestionSet('sipas');
      const values = ['1', '2', '3', '4', '5'];
      const labels = ratingVi.scoreLabels5;
      expect([...el.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent!.trim())).to.deep.equal([
        vi.question,
        ...values.map((value, i) => `${value} – ${labels[i]}`),
        vi.total,
      ]);
      expect(cells(el)).to.deep.equal(
        sipas.questions.map((question) => [question.vi, ...values.map((value) => formatInteger(counts[question.id]?.[value] ?? 0, vi)), formatInteger(sum(counts[question.id]), vi)]),
      );
      expect(el.shadowRoot!.querySelector('figcaption')!.textContent).to.contain(vi.questionSetName('sipas'));
      // Drawn: one horizontal bar per question, one stack per answer value, totals written beside.
      const chartJs = Chart.getChart(canvasOf(el))!;
      expect(chartJs.options.indexAxis).to.equal('y');
      expect(chartJs.data.datasets.map((dataset) => dataset.data)).to.deep.equal(values.map((value) => sipas.questions.map((question) => counts[question.id]?.[value] ?? 0)));
      expect(canvasOf(el).getAttribute('aria-label')).to.contain(vi.summaryQuestions(5, formatInteger(sipas.questions.reduce((total, q) => total + sum(counts[q.id]), 0), vi), null).split('.')[0]!);
      expect(el.csv()).to.equal(toCsv([row!], { bom: true }));
      await expect(el).to.be.accessible();
    });

    it('per unit: a bar per question and unit; English texts', async () => {
      const el = await chart('questions', { records: answered }, 'group-by=unit period=all lang=en');
      const rows = report(summarize(answered, { groupBy: ['unit'], period: 'all', timeZone: TZ }), { asOf: AS_OF });
      const sipas = builtInQuestionSet('sipas');
      const headers = cells(el).map((cells) => cells[0]);
      expect(headers).to.deep.equal(sipas.questions.flatMap((question) => rows.map((row) => `${question.en} · ${row.key.unit}`)));
      expect(cells(el).map((cells) => cells[cells.length - 1])).to.deep.equal(
        sipas.questions.flatMap((question) => rows.map((row) => formatInteger(sum(row.answers['sipas']?.[question.id]), en))),
      );
      expect(el.shadowRoot!.querySelector('figcaption')!.textContent).to.contain(en.chartTitle.questions);
      await expect(el).to.be.accessible();
    });

    it('the nine-index sheet names points, A-11 its drivers; a set is chosen with questions="…"', async () => {
      const sheet = answered.slice(0, 40).map((record, i) =>
        record.kind === 'rating'
          ? { ...record, questionSet: 'tthc-9', answers: { 'total-time': i % 3, conduct: 2 } }
          : record,
      );
      const a11 = answered.slice(40, 80).map((record, i) =>
        record.kind === 'rating'
          ? { ...record, questionSet: 'a11', answers: { satisfaction: 1 + (i % 5), trust: 4, positive: ['ease', 'employee'], negative: i % 2 ? ['efficiency'] : [] } }
          : record,
      );
      const both = [...sheet, ...a11];
      const points = await chart('questions', { records: both }, 'period=all questions=tthc-9');
      expect([...points.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent!.trim()).slice(1, 4)).to.deep.equal([...POINT_LABELS.vi]);
      const [row] = report(summarize(both, { period: 'all', timeZone: TZ }), { asOf: AS_OF });
      expect(cells(points)[0]).to.deep.equal([
        builtInQuestionSet('tthc-9').questions[0]!.vi,
        ...['0', '1', '2'].map((value) => formatInteger(row!.answers['tthc-9']!['total-time']![value] ?? 0, vi)),
        formatInteger(sum(row!.answers['tthc-9']!['total-time']), vi),
      ]);
      const drivers = await chart('questions', { records: both }, 'period=all questions=a11 lang=en');
      const head = [...drivers.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
      // Satisfaction and trust share 1–5 with different words: the bare value; the drivers their text.
      expect(head.slice(1, 6)).to.deep.equal(['1', '2', '3', '4', '5']);
      expect(head).to.include('It was easy to do');
      const positive = cells(drivers).find((cells) => cells[0] === builtInQuestionSet('a11').questions[2]!.en)!;
      expect(positive[positive.length - 1]).to.equal(formatInteger(sum(row!.answers['a11']!['positive']), en));
      expect(Chart.getChart(canvasOf(drivers))!.data.datasets.length).to.equal(head.length - 2);
    });

    it('no answers: says so, draws nothing, keeps an (empty) table', async () => {
      const el = await chart('questions', { records }, 'period=all');
      expect(el.chartModel!.series).to.equal(null);
      expect(el.shadowRoot!.querySelector('.nothing')!.textContent).to.equal(vi.nothingAnswers);
      expect(el.shadowRoot!.querySelector('canvas')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  it('rows given by a dashboard are drawn as they are (judged against the element\'s target)', async () => {
    const rows: ReportRow[] = report(summarize(records, { groupBy: ['unit'], timeZone: TZ }), { asOf: AS_OF });
    const el = await chart('satisfaction', { rows }, 'target=0.9');
    expect(el.reportRows.map((row) => row.satisfactionRate)).to.deep.equal(rows.map((row) => row.satisfactionRate));
    expect(el.reportRows.map((row) => row.meetsSatisfactionTarget)).to.deep.equal(rows.map((row) => (row.satisfactionRate ?? 0) >= 0.9));
  });
});

function parse(color: string): [number, number, number] {
  const probe = document.createElement('canvas').getContext('2d')!;
  probe.fillStyle = '#000';
  probe.fillStyle = color.trim();
  const hex = probe.fillStyle;
  if (hex.startsWith('#')) return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  const [r, g, b] = hex.match(/\d+(\.\d+)?/g)!.map(Number);
  return [r!, g!, b!];
}

function luminance(color: string): number {
  const [r, g, b] = parse(color).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}
