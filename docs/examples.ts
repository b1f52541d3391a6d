// Examples as data: each state of each element, listed once. The documentation site shows each
// one live with its code (scripts/docs-site), and a test loop can render the same list for axe.
// An example is plain markup, as a page author writes it, plus an optional setup that brings the
// element into the state (a click, a property only code can set); setups run in a browser.
import { sampleRecords } from './sample-records.js';

/** One state of one element. */
export interface ElementExample {
  /** Unique, stable: `<tag>/<state>` (anchors and tests use it). */
  id: string;
  /** The element shown (its page lists the example). */
  tag: string;
  /** The state, in a few words. */
  title: string;
  /** What to notice, one sentence. */
  note?: string;
  /** The markup, as an author writes it (the first element of `tag` is the one set up). */
  html: string;
  /** Brings the element into its state; runs in the browser once the element is defined. */
  setup?: (element: HTMLElement) => void | Promise<void>;
}

type Updating = HTMLElement & { updateComplete?: Promise<unknown> };

/** Presses the element's own send button with nothing filled in: the error summary shows. */
async function submitEmpty(element: HTMLElement): Promise<void> {
  await (element as Updating).updateComplete;
  element.shadowRoot?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
  await (element as Updating).updateComplete;
}

/** Gives a dashboard or chart the sample records (a property: code sets it, not markup). */
function withRecords(element: HTMLElement): void {
  (element as HTMLElement & { records: unknown }).records = sampleRecords();
}

/** The same records with verified ratings and SIPAS answers (the report's 766 figures, the questions chart). */
function withSurveyRecords(element: HTMLElement): void {
  (element as HTMLElement & { records: unknown }).records = sampleRecords(600, 2026, true);
}

const AGENCY = 'agency="ubnd-phuong-hoan-kiem" unit="mot-cua"';

export const EXAMPLES: readonly ElementExample[] = [
  {
    id: 'svc-rating/inline',
    tag: 'svc-rating',
    title: 'Inline, 5-point scale',
    note: 'The default: a question, five faces with their labels, an optional comment.',
    html: `<svc-rating ${AGENCY} service="1.001193"></svc-rating>`,
  },
  {
    id: 'svc-rating/counter',
    tag: 'svc-rating',
    title: 'One-stop counter: 3-point scale with standards',
    note: 'scale="3" is the counter convention; standards asks a yes/no question per listed standard.',
    html: `<svc-rating ${AGENCY} scale="3" standards="greet,advise,expedite" comment="off"></svc-rating>`,
  },
  {
    id: 'svc-rating/errors',
    tag: 'svc-rating',
    title: 'Errors after sending empty',
    note: 'A summary at the top takes focus and links to each field (the GOV.UK pattern).',
    html: `<svc-rating ${AGENCY} comment="required"></svc-rating>`,
    setup: submitEmpty,
  },
  {
    id: 'svc-rating/kiosk',
    tag: 'svc-rating',
    title: 'Kiosk',
    note: 'Large targets for a tablet at the desk; it starts over by itself after the thank-you.',
    html: `<svc-rating ${AGENCY} mode="kiosk" scale="3" channel="counter" comment="off"></svc-rating>`,
  },
  {
    id: 'svc-rating/button',
    tag: 'svc-rating',
    title: 'Button that opens a dialog',
    note: 'Escape closes the dialog and focus returns to the button.',
    html: `<svc-rating ${AGENCY} mode="button"></svc-rating>`,
  },
  {
    id: 'svc-standards/poster',
    tag: 'svc-standards',
    title: 'Poster, numbered',
    note: 'Prints on one A4 page.',
    html: '<svc-standards variant="poster" numbered></svc-standards>',
  },
  {
    id: 'svc-standards/list-bilingual',
    tag: 'svc-standards',
    title: 'List, both languages',
    note: 'Each notice is a landmark named by its heading: two on one page need different headings.',
    html: '<svc-standards variant="list" bilingual heading="Tiêu chuẩn phục vụ – Bộ phận Một cửa"></svc-standards>',
  },
  {
    id: 'svc-standards/banner',
    tag: 'svc-standards',
    title: 'Banner',
    html: '<svc-standards variant="banner" heading="Cam kết phục vụ"></svc-standards>',
  },
  {
    id: 'svc-standards/rate',
    tag: 'svc-standards',
    title: 'Each standard opens a rating',
    note: 'With rate, the shared attributes go to the rating each standard opens.',
    html: `<svc-standards variant="list" rate heading="Đánh giá từng tiêu chuẩn" ${AGENCY}></svc-standards>`,
  },
  {
    id: 'svc-complaint/form',
    tag: 'svc-complaint',
    title: 'The complaint form',
    note: 'Anonymous by default: the contact fields appear only after the consent tick.',
    html: `<svc-complaint ${AGENCY}></svc-complaint>`,
  },
  {
    id: 'svc-complaint/errors',
    tag: 'svc-complaint',
    title: 'Errors after sending empty',
    html: `<svc-complaint ${AGENCY} draft-key="docs-example-errors"></svc-complaint>`,
    setup: submitEmpty,
  },
  {
    id: 'svc-complaint-status/lookup',
    tag: 'svc-complaint-status',
    title: 'Look a complaint up by its code',
    note: 'Calls GET {endpoint}/v1/complaints/{code} and shows the answer as text.',
    html: '<svc-complaint-status endpoint="https://feedback.example.gov.vn"></svc-complaint-status>',
  },
  {
    id: 'svc-dashboard/units',
    tag: 'svc-dashboard',
    title: 'Per unit and quarter, from records',
    note: 'Here the records are a property set in code; in production use src with the collector\'s /v1/summary.',
    html: '<svc-dashboard group-by="unit" period="quarter" as-of="2027-01-01T00:00:00Z" min-sample="20"></svc-dashboard>',
    setup: withRecords,
  },
  {
    id: 'svc-chart/satisfaction',
    tag: 'svc-chart',
    title: 'Satisfaction per unit, with the table shown',
    html: '<svc-chart kind="satisfaction" group-by="unit" show-table min-sample="20"></svc-chart>',
    setup: withRecords,
  },
  {
    id: 'svc-chart/trend',
    tag: 'svc-chart',
    title: 'Trend per month',
    html: '<svc-chart kind="trend" period="month"></svc-chart>',
    setup: withRecords,
  },
  {
    id: 'svc-chart/questions',
    tag: 'svc-chart',
    title: 'Answers per question of SIPAS, with the table shown',
    note: 'kind="questions" counts the answers of the set most answered in the rows (questions="…" picks one); the texts are the ones <svc-rating> asks.',
    html: '<svc-chart kind="questions" period="all" show-table></svc-chart>',
    setup: withSurveyRecords,
  },
  {
    id: 'svc-report/quarter',
    tag: 'svc-report',
    title: 'Quarterly evaluation of each unit',
    note: 'Print it (or "In báo cáo"): the league table on the first A4 page, then a page per unit. In production use src with the collector\'s /v1/summary.',
    html: '<svc-report period="quarter" as-of="2027-01-01T00:00:00Z" min-sample="20" labels=\'{"mot-cua": "Bộ phận Một cửa", "tu-phap": "Tư pháp – Hộ tịch", "dia-chinh": "Địa chính – Xây dựng"}\'></svc-report>',
    setup: withSurveyRecords,
  },
  {
    id: 'svc-report/year',
    tag: 'svc-report',
    title: 'Yearly evaluation of one unit',
    html: '<svc-report period="year" unit="mot-cua" as-of="2027-01-01T00:00:00Z" min-sample="20"></svc-report>',
    setup: withSurveyRecords,
  },
];

/** The examples of one element, in the order listed. */
export const examplesOf = (tag: string): ElementExample[] => EXAMPLES.filter((example) => example.tag === tag);
