// The officials' inbox end to end (CONTRACT §8, issue 11 acceptance 3 and 4): the CDN build of
// <svc-complaint-inbox> in Debian's Chromium under the strict policy, against the real collector.
// A handler finds an overdue complaint by filter, opens its photo, answers and closes it; the
// citizen's status page shows the answer and asks for a rating, which is stored and counted; the
// same path by keyboard alone; axe in every state; a 360 px wide screen; no CSP violation; the
// token nowhere in storage, cookies, the DOM or the collector's log.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createCollector, type Collector } from '../../src/collector.js';
import { createLogger } from '../../src/collector/log.js';
import { uuidV4 } from '../../src/core/uuid.js';
import { launch, until } from './support/browser.js';
import { pgliteDatabase } from '../support/collector.js';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; require-trusted-types-for 'script'; trusted-types lit-html svc-feedback";
const ADMIN = 'e2e-inbox-admin-token-0123';
const DAY = 86_400_000;
/** A 1×1 PNG: the complainant's photo. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

let collector: Collector;
let origin: string;
let dataDir: string;
let browser: Browser;
let handlerToken = '';
const logLines: string[] = [];
let shift = 0;
const agency = `ubnd-e2e-${uuidV4().slice(0, 6)}`;

async function api(path: string, init: { method?: string; body?: unknown; token?: string } = {}) {
  const response = await fetch(`${origin}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { Authorization: `Bearer ${init.token ?? ADMIN}`, 'Content-Type': 'application/json' },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** Files a complaint as if received `daysAgo` days ago (the collector's clock is moved for it). */
async function fileComplaint(daysAgo: number, extra: Record<string, unknown> = {}): Promise<string> {
  shift = -daysAgo * DAY;
  try {
    const record = {
      id: uuidV4(),
      kind: 'complaint',
      createdAt: new Date(Date.now() + shift).toISOString(),
      agency,
      unit: 'mot-cua',
      channel: 'online',
      locale: 'vi',
      category: 'delay',
      description: 'Hồ sơ đất đai của tôi trễ hẹn hai tuần mà không ai báo.',
      ...extra,
    };
    const reply = await fetch(`${origin}/v1/submissions`, { method: 'POST', body: JSON.stringify(record) });
    return ((await reply.json()) as { results: Array<{ trackingCode: string }> }).results[0]!.trackingCode;
  } finally {
    shift = 0;
  }
}

interface Watched {
  page: Page;
  problems: string[];
}

async function inboxPage(width = 1280): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
  await context.addInitScript('window.__name = (fn) => fn;');
  const page = await context.newPage();
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !/favicon/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(`${origin}/test/e2e/pages/inbox.html`);
  await page.waitForFunction(() => customElements.get('svc-complaint-inbox') !== undefined);
  // Signing in: the host page hands the token to the element as a property.
  await page.evaluate((token) => ((document.querySelector('svc-complaint-inbox') as HTMLElement & { token: string }).token = token), handlerToken);
  await page.locator('svc-complaint-inbox .item').first().waitFor({ timeout: 20_000 });
  return { page, problems };
}

let axeSource = '';
/** axe-core in the page (evaluated through DevTools, as a tester would); violations of WCAG 2.x A/AA. */
async function axe(page: Page, state: string): Promise<void> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe.run(
      { include: [['svc-complaint-inbox']] },
      { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    );
    return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  });
  assert.deepEqual(violations, [], `axe: ${state}`);
}

/** Presses Tab until the focused element (inside shadow roots) matches, at most `limit` times. */
async function tabTo(page: Page, selector: string, limit = 40): Promise<void> {
  for (let index = 0; index < limit; index++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate((wanted) => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.matches(wanted) ?? false;
    }, selector);
    if (found) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

before(async () => {
  axeSource = await readFile('node_modules/axe-core/axe.min.js', 'utf8');
  dataDir = await mkdtemp(join(tmpdir(), 'svc-inbox-'));
  collector = createCollector({
    config: { database: pgliteDatabase(dataDir), rateLimit: 0, adminToken: ADMIN, logLevel: 'info', host: '127.0.0.1' },
    logger: createLogger('info', (line) => logLines.push(line)),
    now: () => new Date(Date.now() + shift),
    static: [
      { prefix: '/dist/', dir: 'dist' },
      { prefix: '/demo/', dir: 'demo' },
      { prefix: '/test/', dir: 'test' },
    ],
    staticHeaders: () => ({ 'Content-Security-Policy': CSP }),
  });
  origin = (await collector.listen(0, '127.0.0.1')).url.replace(/\/$/, '');
  handlerToken = (await api('/v1/tokens', { body: { role: 'handler', agency, label: 'Cán bộ một cửa (e2e)' } })).body.token;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await collector?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('officials\' inbox end to end (real collector, CDN build, strict CSP)', () => {
  it('a handler finds an overdue complaint by filter, opens its photo, answers and closes it; the citizen sees the answer and rates it', async () => {
    const overdue = await fileComplaint(15, {
      contact: { name: 'Trần Thị B', phone: '0912345678', consent: true, consentText: 'Tôi đồng ý cung cấp liên hệ.', consentAt: new Date().toISOString() },
      attachments: [{ name: 'bien-nhan.png', type: 'image/png', size: Buffer.from(PNG, 'base64').length, data: PNG }],
    });
    await fileComplaint(1, { category: 'fees', description: 'Thu phí sao y cao hơn mức niêm yết.' });
    const { page, problems } = await inboxPage();
    const inbox = page.locator('svc-complaint-inbox');
    assert.match(await inbox.locator('.tab[aria-pressed="true"]').innerText(), /Đang mở \(2\)/);
    await axe(page, 'list');
    await inbox.locator('input[name="overdue"]').check();
    await inbox.locator('.filters button[type="submit"]').click();
    await until(async () => (await inbox.locator('.item').count()) === 1, 'one overdue complaint');
    assert.match(await inbox.locator('.item').innerText(), new RegExp(`${overdue}[\\s\\S]*Quá hạn 5 ngày`));
    await inbox.locator('.item').click();
    await inbox.locator('.detail .photo').waitFor();
    assert.equal(await inbox.locator('.detail .photo').evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth), 1, 'the photo shows');
    assert.equal(await inbox.locator('.detail a[download]').getAttribute('download'), 'bien-nhan.png');
    assert.match(await inbox.locator('.detail').innerText(), /Trần Thị B · 0912345678/);
    await axe(page, 'detail');
    await inbox.locator('#response').fill('Đã liên hệ, hồ sơ trả ngày mai. Xin lỗi ông/bà.');
    await inbox.locator('#status').selectOption('resolved');
    await inbox.locator('.handle button[type="submit"]').click();
    await until(async () => (await inbox.locator('.status-line').innerText()) === 'Đã lưu.', 'saved');
    assert.match(await inbox.locator('.history').innerText(), /Cán bộ một cửa \(e2e\): Cập nhật \(Mới tiếp nhận → Đã giải quyết\)/);
    await axe(page, 'saved');
    assert.deepEqual(problems, []);

    // The citizen's status page: the answer, then the question about the handling.
    const citizen = await (await browser.newContext()).newPage();
    const citizenProblems: string[] = [];
    citizen.on('console', (message) => message.type() === 'error' && !/favicon/.test(message.text()) && citizenProblems.push(message.text()));
    await citizen.goto(`${origin}/demo/status.html`);
    await citizen.locator('svc-complaint-status #code').fill(overdue);
    await citizen.locator('svc-complaint-status #code').press('Enter');
    await citizen.locator('svc-complaint-status .response').waitFor();
    assert.equal(await citizen.locator('svc-complaint-status .response').innerText(), 'Đã liên hệ, hồ sơ trả ngày mai. Xin lỗi ông/bà.');
    const rating = citizen.locator('svc-complaint-status svc-rating');
    assert.equal((await rating.locator('legend').first().innerText()).trim(), 'Ông/Bà có hài lòng với kết quả xử lý?');
    await rating.locator('input[name="score"]').nth(1).check();
    await rating.locator('button[type="submit"]').click();
    let stored: any;
    await until(async () => {
      const ratings = (await api('/v1/records?kind=rating')).body as any[];
      stored = ratings.find((record) => record.about === 'complaint' && record.trackingCode === overdue);
      return stored !== undefined;
    }, 'the rating of the handling is stored', 20_000);
    assert.equal(stored.agency, agency);
    assert.equal(stored.verified, true);
    assert.equal(stored.score, 2);
    const rows = (await fetch(`${origin}/v1/summary?groupBy=agency`).then((response) => response.json())) as Array<{ key: { agency: string }; ratings: number; complaintRatings: number; complaints: number; complaintSatisfactionRate: number | null }>;
    const row = rows.find((candidate) => candidate.key.agency === agency)!;
    // A rating of the handling counts for its complaint (CONTRACT §9), not as a rating of the service.
    assert.equal(row.complaintRatings, 1, 'the rating of the handling is counted');
    assert.equal(row.ratings, 0, 'and not as a rating of the service');
    assert.equal(row.complaints, 2);
    assert.equal(row.complaintSatisfactionRate, 1, 'satisfied with the handling (2 of 3): no complaint counts as unsatisfied');
    assert.deepEqual(citizenProblems, []);

    // Acceptance 4: the token is nowhere but in the element's memory.
    const traces = await page.evaluate(async () => {
      const serialize = (root: Document | ShadowRoot): string =>
        [...root.querySelectorAll('*')].map((element) => element.outerHTML + (element.shadowRoot ? serialize(element.shadowRoot) : '')).join('');
      const databases = 'databases' in indexedDB ? await indexedDB.databases() : [];
      return {
        dom: document.documentElement.outerHTML + serialize(document),
        local: JSON.stringify({ ...localStorage }),
        session: JSON.stringify({ ...sessionStorage }),
        cookies: document.cookie,
        databases: JSON.stringify(databases),
      };
    });
    for (const [where, text] of Object.entries(traces)) assert.ok(!text.includes(handlerToken), `the token is in ${where}`);
    const cookies = await page.context().cookies();
    assert.ok(!JSON.stringify(cookies).includes(handlerToken));
    assert.ok(logLines.length > 0 && !logLines.join('\n').includes(handlerToken), 'the token is in no log line');
    await page.context().close();
    await citizen.context().close();
  });

  it('the same path by keyboard alone, at 360 px wide', async () => {
    const code = await fileComplaint(12, { category: 'procedure', description: 'Yêu cầu nộp thêm giấy tờ không có trong quy định.' });
    const { page, problems } = await inboxPage(360);
    const inbox = page.locator('svc-complaint-inbox');
    const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    assert.ok(overflow <= 360, `no sideways scrolling at 360 px (${overflow})`);
    await tabTo(page, 'input[name="q"]');
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await until(async () => (await inbox.locator('.item').count()) === 1, 'found by its code');
    await tabTo(page, `.item`);
    await page.keyboard.press('Enter');
    await inbox.locator('#response').waitFor();
    await until(async () => page.evaluate(() => document.querySelector('svc-complaint-inbox')!.shadowRoot!.activeElement?.id === 'detail-title'), 'focus on the detail');
    await axe(page, 'detail at 360 px');
    await tabTo(page, '#status');
    await page.keyboard.press('ArrowDown'); // received → in progress
    await tabTo(page, '#response');
    await page.keyboard.type('Đang xác minh với bộ phận một cửa.');
    await tabTo(page, '.handle button[type="submit"]');
    await page.keyboard.press('Enter');
    await until(async () => (await inbox.locator('.status-line').innerText()) === 'Đã lưu.', 'saved by keyboard');
    const shown = (await fetch(`${origin}/v1/complaints/${code}`).then((response) => response.json())) as { status: string; response: string };
    assert.deepEqual([shown.status, shown.response], ['in_progress', 'Đang xác minh với bộ phận một cửa.']);
    const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    assert.ok(width <= 360, `no sideways scrolling with the detail open (${width})`);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('a stale edit is refused and reloaded, nothing lost; a wrong token says so', async () => {
    const code = await fileComplaint(2);
    const { page } = await inboxPage();
    const inbox = page.locator('svc-complaint-inbox');
    await inbox.locator('input[name="q"]').fill(code);
    await inbox.locator('.filters button[type="submit"]').click();
    await until(async () => (await inbox.locator('.item').count()) === 1, 'found');
    await inbox.locator('.item').click();
    await inbox.locator('#internalNote').waitFor();
    // Another official changes it meanwhile.
    assert.equal((await api(`/v1/complaints/${code}`, { method: 'PATCH', body: { internalNote: 'Chị Lan đang xử lý.' }, token: handlerToken })).status, 200);
    await inbox.locator('#response').fill('Trả lời của tôi.');
    await inbox.locator('.handle button[type="submit"]').click();
    await inbox.locator('.handle [role="alert"]').waitFor();
    assert.match(await inbox.locator('.handle [role="alert"]').innerText(), /người khác cập nhật/);
    assert.equal(await inbox.locator('#internalNote').inputValue(), 'Chị Lan đang xử lý.', 'reloaded: the other change is kept');
    await axe(page, 'stale');
    await page.evaluate(() => ((document.querySelector('svc-complaint-inbox') as HTMLElement & { token: string }).token = 'svc_wrong-token-000000000000000000000000'));
    await inbox.locator('.list .field-error').waitFor();
    assert.match(await inbox.locator('.list .field-error').innerText(), /không hợp lệ/);
    await axe(page, 'unauthorized');
    await page.context().close();
  });
});
