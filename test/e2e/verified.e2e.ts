// Verified ratings in a real Chromium against the real collector (CONTRACT §7): a receipt's QR
// link opens the hosted page and the rating is stored verified with the case's fields; a second
// rating and an expired invitation are refused with the message shown; an armed kiosk accepts
// nothing until an officer arms it, then one rating, and survives a reload and a network drop.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import QRCode from 'qrcode';
import type { Browser, Page } from 'playwright-core';
import { launch, recordingPage, until } from './support/browser.js';
import { ADMIN_TOKEN, startCollector, type RealCollector } from './support/collector.js';

const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html svc-feedback";

let collector: RealCollector;
let browser: Browser;
const problems: string[] = [];

before(async () => {
  collector = await startCollector((path): Record<string, string> => (path.startsWith('/test/e2e/pages/') ? { 'Content-Security-Policy': STRICT_CSP } : {}));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await collector?.close();
});

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' };
async function post(path: string, body: unknown): Promise<any> {
  const response = await fetch(`${collector.origin}${path}`, { method: 'POST', headers: admin, body: JSON.stringify(body) });
  assert.ok(response.ok, `${path}: HTTP ${response.status}`);
  return response.json();
}

async function page(): Promise<Page> {
  const opened = await recordingPage(browser);
  opened.on('pageerror', (error) => problems.push(error.message));
  opened.on('console', (message) => {
    // A refused long poll or fetch while offline is the browser's own log line, not ours.
    if (message.type() === 'error' && !/Failed to load resource|ERR_INTERNET_DISCONNECTED|net::/.test(message.text())) problems.push(message.text());
  });
  return opened;
}

const shadowText = (target: Page) => target.locator('svc-rating').evaluate((el) => el.shadowRoot!.textContent!.replace(/\s+/g, ' '));

describe('verified ratings end to end (real collector)', () => {
  it('receipt QR → hosted page → rating stored verified with the case fields; a second rating is refused, told on the page', async () => {
    const { results } = await post('/v1/invitations', { caseId: 'HS-E2E-001', agency: 'ubnd-e2e', unit: 'mot-cua', service: '1.000046', officer: 'nv-07' });
    const { code, url } = results[0];
    assert.equal(url, `${collector.origin}/r/${code}`);
    // The receipt's QR code is the invitation's link, drawn by the QR library.
    const qr = await (await fetch(`${collector.origin}/v1/invitations/${code}/qr.svg`)).text();
    assert.equal(qr, await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));

    const first = await page();
    const second = await page();
    // The QR link as scanned (this browser asks for English), and the Vietnamese page.
    await first.goto(url);
    await second.goto(`${url}?lang=vi`);
    await first.locator('svc-rating .case dl').waitFor();
    assert.match(await shadowText(first), /This rating is linked to your dossier/);
    await second.locator('svc-rating .case dl').waitFor();
    assert.match(await shadowText(second), /Đánh giá này được gắn với hồ sơ của Ông\/Bà/);
    for (const opened of [first, second]) assert.match(await shadowText(opened), /HS-E2E-001/);
    // The first citizen rates.
    await first.locator('svc-rating input[name="score"]').nth(3).check();
    await first.locator('svc-rating button[type="submit"]').click();
    await first.locator('svc-rating .thanks').waitFor();
    await until(async () => (await collector.records()).some((record) => record['caseId'] === 'HS-E2E-001'), 'stored');
    const stored = (await collector.records()).filter((record) => record['caseId'] === 'HS-E2E-001');
    assert.equal(stored.length, 1);
    assert.deepEqual(
      { verified: stored[0]!['verified'], agency: stored[0]!.agency, unit: stored[0]!.unit, service: stored[0]!.service, officer: stored[0]!.officer, score: stored[0]!['score'] },
      { verified: true, agency: 'ubnd-e2e', unit: 'mot-cua', service: '1.000046', officer: 'nv-07', score: 4 },
    );
    assert.equal(stored[0]!['invitation'], undefined);
    // The second tab still shows the form: its rating is refused and the citizen is told.
    await second.locator('svc-rating input[name="score"]').nth(0).check();
    await second.locator('svc-rating button[type="submit"]').click();
    await second.locator('svc-rating .thanks').waitFor();
    await until(async () => /hồ sơ này đã được đánh giá trước đó/.test(await shadowText(second)), 'the refusal shown');
    // Opened again, the link says the dossier was rated, without a form.
    const third = await page();
    await third.goto(`${url}?lang=en`);
    await until(async () => /This dossier has already been rated/.test(await shadowText(third)), 'used shown');
    assert.equal(await third.locator('svc-rating form').count(), 0);
    assert.equal((await collector.records()).filter((record) => record['caseId'] === 'HS-E2E-001').length, 1);
    for (const opened of [first, second, third]) await opened.context().close();
  });

  it('an expired invitation shows its message instead of the form', async () => {
    const { results } = await post('/v1/invitations', { caseId: 'HS-E2E-EXP', agency: 'ubnd-e2e', ttlDays: 1 / 86_400 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const opened = await page();
    await opened.goto(`${results[0].url}?lang=vi`);
    await until(async () => /Mã đánh giá này đã hết hạn/.test(await shadowText(opened)), 'expired shown');
    assert.equal(await opened.locator('svc-rating form').count(), 0);
    await opened.context().close();
  });

  it('armed kiosk: accepts nothing unarmed; officer arms → one rating → waiting; survives a reload and a network drop', async () => {
    const kiosk = await post('/v1/kiosks', { kioskId: 'quay-e2e', agency: 'ubnd-e2e', unit: 'mot-cua' });
    const kioskUrl = `${collector.origin}/test/e2e/pages/kiosk-armed.html?kiosk=quay-e2e&key=${encodeURIComponent(kiosk.key)}`;
    const opened = await page();
    await opened.goto(kioskUrl);
    const waiting = () => opened.locator('svc-rating .waiting').waitFor();
    await waiting();
    assert.equal(await opened.locator('svc-rating input[name="score"]').count(), 0, 'unarmed: no form');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(await opened.locator('svc-rating input[name="score"]').count(), 0, 'still unarmed');

    // The officer arms it: the form for that case, one rating, then waiting again.
    await post('/v1/kiosks/quay-e2e/arm', { caseId: 'HS-K-1', service: '2.001' });
    await opened.locator('svc-rating input[name="score"]').first().waitFor({ timeout: 10_000 });
    assert.match(await shadowText(opened), /HS-K-1/);
    await opened.locator('svc-rating input[name="score"]').nth(2).check();
    await opened.locator('svc-rating button[type="submit"]').click();
    await opened.locator('svc-rating .thanks').waitFor();
    await waiting();
    assert.equal(await opened.locator('svc-rating input[name="score"]').count(), 0);
    await until(async () => (await collector.records()).some((record) => record['caseId'] === 'HS-K-1'), 'kiosk rating stored');

    // Armed, then reloaded before anyone rates: the arming is not lost.
    await post('/v1/kiosks/quay-e2e/arm', { caseId: 'HS-K-2' });
    await opened.locator('svc-rating input[name="score"]').first().waitFor({ timeout: 10_000 });
    await opened.reload();
    await opened.locator('svc-rating input[name="score"]').first().waitFor({ timeout: 10_000 });
    assert.match(await shadowText(opened), /HS-K-2/);
    await opened.locator('svc-rating input[name="score"]').nth(1).check();
    await opened.locator('svc-rating button[type="submit"]').click();
    await opened.locator('svc-rating .thanks').waitFor();
    await waiting();

    // The network drops while waiting: it says so, then recovers and takes the next arming.
    await opened.context().setOffline(true);
    await until(async () => /Đang kết nối lại/.test(await shadowText(opened)), 'reconnecting shown', 40_000);
    await opened.context().setOffline(false);
    await post('/v1/kiosks/quay-e2e/arm', { caseId: 'HS-K-3' });
    await opened.locator('svc-rating input[name="score"]').first().waitFor({ timeout: 40_000 });
    assert.match(await shadowText(opened), /HS-K-3/);
    await opened.locator('svc-rating input[name="score"]').nth(2).check();
    await opened.locator('svc-rating button[type="submit"]').click();
    await opened.locator('svc-rating .thanks').waitFor();

    await until(async () => (await collector.records()).filter((record) => record['kioskId'] === 'quay-e2e').length === 3, 'three kiosk ratings');
    const kioskRatings = (await collector.records()).filter((record) => record['kioskId'] === 'quay-e2e');
    assert.deepEqual(kioskRatings.map((record) => [record['caseId'], record['verified'], record.channel]).sort(), [
      ['HS-K-1', true, 'kiosk'],
      ['HS-K-2', true, 'kiosk'],
      ['HS-K-3', true, 'kiosk'],
    ]);
    await opened.context().close();
    assert.deepEqual(problems, []);
  });
});
