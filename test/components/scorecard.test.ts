// <svc-scorecard>: the figures of /v1/summary for one agency or unit this quarter, "too few ratings"
// said plainly, axe-clean in vi and en. The network edge is a stubbed fetch answering report() rows.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/scorecard.js';
import { quarterOf, type SvcScorecard } from '../../src/components/scorecard/svc-scorecard.js';
import { summarize } from '../../src/analytics/summary.js';
import { report } from '../../src/analytics/report.js';
import type { FeedbackRecord } from '../../src/core/record.js';

const quarter = quarterOf(new Date(), 'Asia/Ho_Chi_Minh');
const now = new Date().toISOString();
let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
function records(agency: string, unit: string, ratings: number, satisfied: number): FeedbackRecord[] {
  const out: FeedbackRecord[] = [];
  for (let i = 0; i < ratings; i++) {
    out.push({ id: id(), kind: 'rating', agency, unit, channel: 'counter', locale: 'vi', createdAt: now, scale: 5, score: i < satisfied ? 5 : 2, ...(i % 2 ? { verified: true } : {}) } as FeedbackRecord);
  }
  out.push({ id: 'HS-1' + unit, kind: 'case', agency, unit, receivedAt: now, dueAt: now, resolvedAt: now } as FeedbackRecord);
  out.push({ id: id(), kind: 'complaint', agency, unit, channel: 'online', locale: 'vi', createdAt: now, category: 'delay', description: 'Chờ lâu quá ở quầy.', status: 'resolved', dueAt: now, resolvedAt: now } as FeedbackRecord);
  return out;
}
const rows = report(summarize([...records('so-a', 'mot-cua', 40, 34), ...records('so-a', 'tu-phap', 12, 11)], { groupBy: ['agency', 'unit'], period: 'quarter', timeZone: 'Asia/Ho_Chi_Minh' }));

const shadow = (el: Element) => el.shadowRoot!;
const figure = (el: Element, name: string) => shadow(el).querySelector(`[data-figure="${name}"] dd`)!.textContent!.replace(/\s+/g, ' ').trim();

describe('<svc-scorecard>', function () {
  this.timeout(60_000);
  const realFetch = window.fetch;
  let asked: string[] = [];
  beforeEach(() => {
    asked = [];
    window.fetch = (async (input: RequestInfo | URL) => {
      asked.push(String(input));
      return new Response(JSON.stringify(rows), { headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('shows the same numbers as /v1/summary for one unit this quarter', async () => {
    const el = await fixture<SvcScorecard>(html`<svc-scorecard endpoint="https://collector.example/" agency="so-a" unit="mot-cua"></svc-scorecard>`);
    await waitUntil(() => shadow(el).querySelector('.figures'), 'figures shown', { timeout: 10_000 });
    const url = new URL(asked[0]!);
    expect(url.pathname).to.equal('/v1/summary');
    expect(url.searchParams.get('groupBy')).to.equal('agency,unit');
    expect(url.searchParams.get('period')).to.equal('quarter');
    const row = rows.find((r) => r.key.unit === 'mot-cua')!;
    expect(row.satisfactionRate).to.equal(34 / 40);
    // 34 of 40 = 85 %; half the ratings verified = 50 %; the case and the complaint on time = 100 %.
    expect(figure(el, 'satisfaction')).to.contain('85%').and.contain('40');
    expect(figure(el, 'on-time')).to.contain('100%');
    expect(figure(el, 'complaints-on-time')).to.contain('100%');
    expect(figure(el, 'verified')).to.contain(`${Math.round((row.verifiedRatings / row.ratings) * 100)}%`);
    expect(shadow(el).querySelector('h2')!.textContent).to.contain(`quý ${quarter.slice(-1)}/${quarter.slice(0, 4)}`);
    await expect(el).to.be.accessible();
  });

  it('says "too few ratings" plainly instead of a rate, in English too', async () => {
    const el = await fixture<SvcScorecard>(html`<svc-scorecard lang="en" endpoint="https://collector.example" agency="so-a" unit="tu-phap"></svc-scorecard>`);
    await waitUntil(() => shadow(el).querySelector('.figures'), 'figures shown', { timeout: 10_000 });
    expect(figure(el, 'satisfaction')).to.equal('Too few ratings to say: 12 so far, at least 30 needed.');
    expect(figure(el, 'satisfaction')).not.to.contain('%');
    await expect(el).to.be.accessible();
  });

  it('tells when there is nothing for the quarter, and when the collector cannot be reached', async () => {
    const empty = await fixture<SvcScorecard>(html`<svc-scorecard agency="so-b" .rows=${rows}></svc-scorecard>`);
    expect(shadow(empty).textContent).to.contain('Chưa có số liệu cho quý này.');
    window.fetch = (async () => new Response('no', { status: 503 })) as typeof fetch;
    const failed = await fixture<SvcScorecard>(html`<svc-scorecard endpoint="https://collector.example" agency="so-a"></svc-scorecard>`);
    await waitUntil(() => shadow(failed).querySelector('[role="alert"]'), 'error shown', { timeout: 10_000 });
    await expect(failed).to.be.accessible();
  });
});
