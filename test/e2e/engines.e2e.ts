// The citizen paths in Firefox and WebKit (Safari's engine) against the real collector: rate inline
// and in the dialog; a complaint with a photo (re-encoded, EXIF gone); offline then back online
// (delivered once); a reload with a record queued; the kiosk; the status lookup; the poster printed.
// Chromium runs the same paths in rating.e2e.ts and complaint.e2e.ts.
//
// The pages sit on plain-HTTP intranet names (http://<engine>-<n>.intranet.test, through a loopback
// proxy): not secure contexts, so crypto.randomUUID and Web Locks are absent and the library's
// fallbacks (a getRandomValues UUID, a localStorage lease) are what runs — each test says which
// path ran. Each test gets a new name, so a new origin: its own IndexedDB and localStorage.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_TOKEN, startCollector, type RealCollector } from './support/collector.js';
import { startIntranetProxy, type IntranetProxy } from './support/intranet-proxy.js';
import { enginesToRun, launchEngine, until, type EngineDriver } from './support/engines.js';
import { pdfPageCount } from './support/pdf.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const LEASE_KEY = 'svc-feedback-flush:lease';
/** A string planted in the photo's EXIF block, as a phone plants its GPS position. */
const EXIF_MARKER = 'SVC-GPS-21.0285N-105.8542E';

let collector: RealCollector;
let proxy: IntranetProxy;

before(async () => {
  collector = await startCollector();
  proxy = await startIntranetProxy(collector.origin);
});

after(async () => {
  await proxy?.close();
  await collector?.close();
});

type PageEvent = { type: string; detail: any };
const pageEvents = (driver: EngineDriver) => driver.evaluate(() => (window as any).svcEvents as PageEvent[]);
const stored = async (id: string) => (await collector.records()).filter((record) => record.id === id);

/** What the page can use, and so which path of the library runs. */
const context = (driver: EngineDriver) =>
  driver.evaluate(() => ({
    secure: window.isSecureContext,
    randomUUID: typeof crypto.randomUUID === 'function',
    locks: typeof (navigator as any).locks?.request === 'function',
    onLine: navigator.onLine,
  }));

/** Chooses a score in a rating (inline, or inside its open dialog) and sends it, through the page's DOM. */
const rate = (driver: EngineDriver, host: string, score: number) =>
  driver.evaluate(
    async (hostSelector: string, value: number) => {
      const el = document.querySelector(hostSelector) as HTMLElement & { updateComplete: Promise<unknown> };
      await customElements.whenDefined('svc-rating');
      await el.updateComplete;
      const root = el.shadowRoot!;
      (root.querySelectorAll('input[name="score"]')[value - 1] as HTMLInputElement).click();
      await el.updateComplete;
      (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    },
    host,
    score,
  );

const queuedId = async (driver: EngineDriver): Promise<string> => {
  await until(async () => (await pageEvents(driver)).some((event) => event.type === 'svc-queued'), 'svc-queued');
  return (await pageEvents(driver)).find((event) => event.type === 'svc-queued')!.detail.record.id;
};

const thanksText = (driver: EngineDriver, host: string) =>
  driver.evaluate((selector: string) => document.querySelector(selector)?.shadowRoot?.querySelector('.thanks-status')?.textContent?.trim() ?? null, host);

for (const { engine, skip } of enginesToRun()) {
  describe(`citizen paths in ${engine} against the real collector`, { skip }, () => {
    let driver: EngineDriver;
    let pages = 0;
    /** A fresh plain-HTTP intranet origin (own storage) for each test. */
    const origin = () => `http://${engine}-${++pages}.intranet.test`;

    before(async () => {
      driver = await launchEngine(engine, proxy);
      console.log(`# ${engine}: ${driver.version}`);
    });

    after(async () => {
      await driver?.close();
    });

    it('rates inline on a plain-HTTP page: the UUID and lock fallbacks run, stored once', async () => {
      await driver.goto(`${origin()}/test/e2e/pages/engines.html`);
      const ctx = await context(driver);
      // The paths that run here, named in the output.
      console.log(`# ${engine} on plain HTTP: secure context ${ctx.secure}, crypto.randomUUID ${ctx.randomUUID ? 'present' : 'absent → getRandomValues UUID'}, Web Locks ${ctx.locks ? 'present' : 'absent → localStorage lease'}`);
      assert.equal(ctx.secure, false);
      await rate(driver, '#inline', 4);
      const id = await queuedId(driver);
      assert.match(id, UUID_V4);
      await until(async () => (await pageEvents(driver)).some((event) => event.type === 'svc-sent' && event.detail.id === id), 'svc-sent');
      const records = await stored(id);
      assert.equal(records.length, 1);
      assert.equal(records[0]!['score'], 4);
      assert.equal(records[0]!.unit, 'e2e-unit');
      if (!ctx.locks) {
        const keys = await driver.evaluate(() => (window as any).svcStorageKeys as string[]);
        assert.ok(keys.includes(LEASE_KEY), `the localStorage lease was taken (keys written: ${keys.join(', ')})`);
        assert.equal(await driver.evaluate((key: string) => localStorage.getItem(key), LEASE_KEY), null, 'and released');
      }
      await until(async () => (await thanksText(driver, '#inline')) === 'Đánh giá đã được gửi tới cơ quan.', 'the "sent" thanks');
    });

    it('rates in the dialog: the modal opens, the rating with its standards is sent, stored once', async () => {
      await driver.goto(`${origin()}/test/e2e/pages/engines.html`);
      const opened = await driver.evaluate(async () => {
        const el = document.querySelector('#dialog') as HTMLElement & { updateComplete: Promise<unknown> };
        await customElements.whenDefined('svc-rating');
        await el.updateComplete;
        (el.shadowRoot!.querySelector('button.open') as HTMLButtonElement).click();
        await el.updateComplete;
        const dialog = el.shadowRoot!.querySelector('dialog')!;
        // The standards' yes/no: greet yes.
        (dialog.querySelector('.standard input') as HTMLInputElement).click();
        return { open: dialog.open, modal: dialog.matches(':modal') };
      });
      assert.deepEqual(opened, { open: true, modal: true });
      await rate(driver, '#dialog', 5);
      const id = await queuedId(driver);
      await until(async () => (await stored(id)).length === 1, 'the dialog rating stored');
      const record = (await stored(id))[0]!;
      assert.equal(record['score'], 5);
      assert.equal(record.unit, 'e2e-dialog');
      assert.deepEqual(record['standards'], { greet: true });
      const thanks = await driver.evaluate(() => !!document.querySelector('#dialog')!.shadowRoot!.querySelector('dialog .thanks'));
      assert.equal(thanks, true, 'the thanks shows in the dialog');
    });

    it('files a complaint with a photo: re-encoded as JPEG by the engine, its EXIF gone, stored once', async () => {
      await driver.goto(`${origin()}/test/e2e/pages/engines.html`);
      await driver.evaluate(
        async (marker: string) => {
          const el = document.querySelector('svc-complaint') as HTMLElement & { updateComplete: Promise<unknown> };
          await customElements.whenDefined('svc-complaint');
          await el.updateComplete;
          // A phone's photo: a JPEG whose APP1 block holds EXIF with a position in it.
          const canvas = document.createElement('canvas');
          canvas.width = 320;
          canvas.height = 240;
          const ctx2d = canvas.getContext('2d')!;
          ctx2d.fillStyle = '#2a6';
          ctx2d.fillRect(0, 0, 320, 240);
          ctx2d.fillStyle = '#fff';
          ctx2d.fillRect(40, 40, 100, 60);
          const plain = new Uint8Array(await (await new Promise<Blob>((done) => canvas.toBlob((blob) => done(blob!), 'image/jpeg', 0.9))).arrayBuffer());
          const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
          const payload = [...new TextEncoder().encode('Exif\0\0'), ...tiff, ...new TextEncoder().encode(marker)];
          const length = payload.length + 2;
          const app1 = [0xff, 0xe1, length >> 8, length & 0xff, ...payload];
          const photo = new Uint8Array([...plain.slice(0, 2), ...app1, ...plain.slice(2)]);
          const file = new File([photo], 'IMG_0042.JPG', { type: 'image/jpeg' });
          const transfer = new DataTransfer();
          transfer.items.add(file);
          const input = el.shadowRoot!.querySelector('#attachments') as HTMLInputElement;
          input.files = transfer.files;
          input.dispatchEvent(new Event('change', { bubbles: true }));
          (el.shadowRoot!.querySelector('#category-facilities') as HTMLInputElement).click();
          const description = el.shadowRoot!.querySelector('#description') as HTMLTextAreaElement;
          description.value = 'Ghế chờ ở sảnh bị gãy, xem ảnh đính kèm.';
          description.dispatchEvent(new InputEvent('input', { bubbles: true }));
          await el.updateComplete;
          (el.shadowRoot!.querySelector('button[type="submit"]') as HTMLButtonElement).click();
        },
        EXIF_MARKER,
      );
      await until(async () => (await pageEvents(driver)).some((event) => event.type === 'svc-sent'), 'svc-sent of the complaint');
      const sent = (await pageEvents(driver)).find((event) => event.type === 'svc-sent')!.detail;
      assert.match(sent.trackingCode, /^[0-9A-HJKMNP-TV-Z]{10}$/);
      assert.equal((await stored(sent.id)).length, 1);
      const whole = await fetch(`${collector.origin}/v1/records/${sent.id}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
      assert.equal(whole.status, 200);
      const record = (await whole.json()) as { attachments?: Array<{ name: string; type: string; size: number; data: string }> };
      assert.equal(record.attachments?.length, 1);
      const attachment = record.attachments![0]!;
      assert.equal(attachment.type, 'image/jpeg');
      assert.equal(attachment.name, 'IMG_0042.jpg');
      const bytes = Buffer.from(attachment.data, 'base64');
      assert.equal(bytes.length, attachment.size);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xff, 0xd8, 0xff], 'a JPEG');
      assert.equal(bytes.includes(Buffer.from('Exif\0\0')), false, 'no EXIF block');
      assert.equal(bytes.includes(Buffer.from(EXIF_MARKER)), false, 'the position is gone');
      const shown = await driver.evaluate(() => document.querySelector('svc-complaint')!.shadowRoot!.querySelector('.code')?.textContent?.trim());
      assert.equal(shown, sent.trackingCode);
    });

    it('offline then back online: thanked at once, delivered exactly once on return', async () => {
      await driver.goto(`${origin()}/test/e2e/pages/engines.html`);
      const offline = await driver.setOffline(true);
      // Firefox's driver switches the browser offline (navigator.onLine false, an `online` event on
      // return); WebKitWebDriver cannot, so there the network is cut between page and collector
      // and the outbox's retry timer is what delivers.
      if (!offline) proxy.cut(true);
      console.log(`# ${engine}: ${offline ? 'browser offline (driver), delivery on the `online` event' : 'network cut at the proxy (the driver cannot switch WebKit offline), delivery by the retry timer'}`);
      try {
        await rate(driver, '#inline', 2);
        const id = await queuedId(driver);
        // Thanked as soon as it is queued, whatever the network does.
        await until(() => driver.evaluate(() => !!document.querySelector('#inline')!.shadowRoot!.querySelector('.thanks')), 'the thanks');
        // The "will be sent when you are back online" line needs the browser to know it is offline.
        if (offline) assert.match((await thanksText(driver, '#inline')) ?? '', /sẽ tự động gửi khi có kết nối/);
        await new Promise((done) => setTimeout(done, 1500));
        assert.equal((await stored(id)).length, 0, 'nothing reached the collector while offline');
        if (offline) await driver.setOffline(false);
        else proxy.cut(false);
        await until(async () => (await stored(id)).length === 1, 'delivery after coming back', 40_000);
        await until(async () => (await thanksText(driver, '#inline')) === 'Đánh giá đã được gửi tới cơ quan.', 'the "sent" thanks');
        await new Promise((done) => setTimeout(done, 1000));
        assert.equal((await stored(id)).length, 1, 'delivered once');
      } finally {
        if (offline) await driver.setOffline(false);
        proxy.cut(false);
      }
    });

    it('a reload with a record queued: delivered by the next page life, once, svc-sent on document', async () => {
      await driver.goto(`${origin()}/test/e2e/pages/engines.html`);
      proxy.cut(true);
      let id: string;
      try {
        await rate(driver, '#inline', 5);
        id = await queuedId(driver);
        await new Promise((done) => setTimeout(done, 500));
        // The page goes away with the record still in its outbox (IndexedDB).
        await driver.reload();
        await new Promise((done) => setTimeout(done, 500));
        assert.equal((await stored(id)).length, 0);
      } finally {
        proxy.cut(false);
      }
      await until(async () => (await stored(id)).length === 1, 'delivery after the reload', 40_000);
      await until(async () => (await pageEvents(driver)).some((event) => event.type === 'svc-sent' && event.detail.id === id), 'svc-sent on document', 20_000);
      assert.equal((await stored(id)).length, 1);
    });

    it('the kiosk: thanks, resets itself, rates again; both stored with the counter channel', async () => {
      await driver.goto(`${origin()}/demo/kiosk.html`);
      const ids: string[] = [];
      for (const score of [3, 1]) {
        const id = await driver.evaluate(async (value: number) => {
          const el = document.querySelector('svc-rating') as HTMLElement & { updateComplete: Promise<unknown>; resetAfter: number; minInterval: number };
          await customElements.whenDefined('svc-rating');
          // A quick kiosk: it starts over 1 s after the thanks, and takes a rating 1 s after the
          // last (the default 5 s would ignore the second one, which comes sooner).
          el.resetAfter = 1;
          el.minInterval = 1;
          await el.updateComplete;
          const root = el.shadowRoot!;
          const queued = new Promise<string>((done) => el.addEventListener('svc-queued', (event) => done((event as CustomEvent).detail.record.id), { once: true }));
          (root.querySelectorAll('input[name="score"]')[value - 1] as HTMLInputElement).click();
          await el.updateComplete;
          (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
          return queued;
        }, score);
        ids.push(id);
        // The thanks, then the form again by itself.
        await until(() => driver.evaluate(() => !!document.querySelector('svc-rating')!.shadowRoot!.querySelector('.thanks')), 'the kiosk thanks');
        await until(() => driver.evaluate(() => !!document.querySelector('svc-rating')!.shadowRoot!.querySelector('form')), 'the kiosk resets', 10_000);
      }
      await until(async () => (await collector.records()).filter((record) => ids.includes(record.id)).length === 2, 'both kiosk ratings stored');
      const records = (await collector.records()).filter((record) => ids.includes(record.id));
      assert.deepEqual(records.map((record) => [record.channel, record['scale'], record.officer]).sort(), [
        ['counter', 3, 'quay-3'],
        ['counter', 3, 'quay-3'],
      ]);
      assert.deepEqual(records.map((record) => record['score']).sort(), [1, 3]);
    });

    it('the status lookup shows the complaint\'s status and the agency\'s answer, as text', async () => {
      const filed = await fetch(`${collector.origin}/v1/submissions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          id: crypto.randomUUID(),
          kind: 'complaint',
          createdAt: new Date().toISOString(),
          agency: 'e2e-agency',
          channel: 'online',
          locale: 'vi',
          category: 'delay',
          description: 'Hồ sơ trễ hẹn ba ngày mà không ai báo.',
        }),
      });
      const code = ((await filed.json()) as { results: Array<{ trackingCode: string }> }).results[0]!.trackingCode;
      const answer = 'Đã liên hệ và trả kết quả. <img src=x onerror="window.__xss=1">';
      const patched = await fetch(`${collector.origin}/v1/complaints/${code}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ status: 'resolved', response: answer }),
      });
      assert.equal(patched.status, 200);
      await driver.goto(`${origin()}/demo/status.html`);
      await driver.evaluate(async (value: string) => {
        const el = document.querySelector('svc-complaint-status') as HTMLElement & { updateComplete: Promise<unknown> };
        await customElements.whenDefined('svc-complaint-status');
        await el.updateComplete;
        const input = el.shadowRoot!.querySelector('#code') as HTMLInputElement;
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        (el.shadowRoot!.querySelector('form') as HTMLFormElement).requestSubmit();
      }, code);
      await until(() => driver.evaluate(() => !!document.querySelector('svc-complaint-status')!.shadowRoot!.querySelector('.response')), 'the status');
      const shown = await driver.evaluate(() => {
        const root = document.querySelector('svc-complaint-status')!.shadowRoot!;
        return {
          status: root.querySelector('.status')!.textContent!.trim(),
          response: root.querySelector('.response')!.textContent!.trim(),
          images: root.querySelectorAll('.response img').length,
          xss: (window as any).__xss ?? null,
        };
      });
      assert.deepEqual(shown, { status: 'Đã giải quyết', response: answer, images: 0, xss: null });
    });

    it('the standards poster prints on one A4 page (where the driver can print)', async (t) => {
      await driver.goto(`${origin()}/demo/poster.html`);
      await until(() => driver.evaluate(() => document.querySelector('svc-standards')?.shadowRoot?.querySelectorAll('.item').length === 10), 'the poster');
      const pdf = await driver.pdf();
      if (!pdf) {
        t.skip(`${engine}: WebKitWebDriver has no Print Page command, so the poster cannot be printed from the test`);
        return;
      }
      const pageCount = pdfPageCount(pdf);
      assert.equal(pageCount, 1, `the poster took ${pageCount} pages in ${engine}`);
    });
  });
}
