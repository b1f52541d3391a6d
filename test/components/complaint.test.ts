import { expect, fixture, html, waitUntil, aTimeout } from '@open-wc/testing';
import { sendKeys } from '../support/commands.js';
import '../../src/complaint.js';
import type { SvcComplaint } from '../../src/components/complaint/svc-complaint.js';
import type { ComplaintRecord } from '../../src/core/record.js';
import { validateRecord } from '../../src/core/validate.js';
import { loadDraft } from '../../src/core/drafts.js';
import { fakeCollector, recordEvents, storedCount } from '../support/browser.js';
import { gpsOf, withGpsExif } from '../support/exif.js';

const root = (el: Element) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector)!;
let drafts = 0;
const draftKey = () => `test-draft-${Date.now()}-${drafts++}`;

function type(el: SvcComplaint, selector: string, value: string) {
  const field = q<HTMLInputElement | HTMLTextAreaElement>(el, selector);
  field.value = value;
  field.dispatchEvent(new InputEvent('input'));
}

async function fillValid(el: SvcComplaint, description = 'Tôi phải chờ ba tiếng ở quầy số 3 mà không ai giải thích.') {
  q<HTMLInputElement>(el, '#category-delay').click();
  type(el, '#description', description);
  await el.updateComplete;
}

async function send(el: SvcComplaint) {
  q<HTMLButtonElement>(el, 'button[type="submit"]').click();
  await el.updateComplete;
}

/** A file with the given first bytes and size. */
function fileOf(name: string, head: number[] | string, size: number, mime: string): File {
  const bytes = new Uint8Array(size);
  const start = typeof head === 'string' ? [...head].map((c) => c.charCodeAt(0)) : head;
  bytes.set(start);
  return new File([bytes], name, { type: mime });
}

async function pngFile(): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 40;
  canvas.height = 30;
  canvas.getContext('2d')!.fillRect(0, 0, 20, 20);
  const blob = await new Promise<Blob>((done) => canvas.toBlob((b) => done(b!), 'image/png'));
  return new File([blob], 'hàng chờ.png', { type: 'image/png' });
}

async function pick(el: SvcComplaint, files: File[]) {
  const input = q<HTMLInputElement>(el, '#attachments');
  const transfer = new DataTransfer();
  files.forEach((file) => transfer.items.add(file));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

describe('<svc-complaint>', () => {
  it('is axe-clean when empty, in Vietnamese and English, with the personal-information hint', async () => {
    for (const lang of ['vi', 'en']) {
      const el = await fixture<SvcComplaint>(html`<svc-complaint lang=${lang} agency="a" draft-key=${draftKey()}></svc-complaint>`);
      await expect(el).to.be.accessible();
      const hint = q(el, '#description-hint').textContent!;
      expect(hint).to.contain(lang === 'vi' ? 'Không ghi thông tin cá nhân' : 'Do not include personal information');
      const categories = [...root(el).querySelectorAll('.option span')].map((span) => span.textContent);
      expect(categories).to.have.length(6);
      expect(categories[0]).to.equal(lang === 'vi' ? 'Thái độ phục vụ' : 'Staff attitude');
      expect(root(el).querySelectorAll('#standard option')).to.have.length(11);
    }
  });

  it('a failed submit focuses the error summary, whose links lead to the fields', async () => {
    const el = await fixture<SvcComplaint>(html`<svc-complaint lang="en" agency="a" draft-key=${draftKey()}></svc-complaint>`);
    const events = recordEvents(el);
    type(el, '#description', 'short');
    await send(el);
    const summary = q(el, '.error-summary');
    expect(root(el).activeElement).to.equal(summary);
    expect(summary.getAttribute('role')).to.equal('alert');
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((link) => link.textContent)).to.deep.equal([
      'Choose what your complaint is about.',
      'Describe what happened (at least 10 characters).',
    ]);
    await expect(el).to.be.accessible();
    links[1]!.click();
    expect(root(el).activeElement?.id).to.equal('description');
    links[0]!.click();
    expect(root(el).activeElement?.id).to.equal('category-attitude');
    expect(events).to.deep.equal([]);
  });

  it('is filed with the keyboard alone and shows the tracking code the collector returned', async () => {
    const { endpoint, state } = await fakeCollector();
    const el = await fixture<SvcComplaint>(html`<svc-complaint agency="a" min-fill-seconds="0" endpoint=${endpoint} draft-key=${draftKey()}></svc-complaint>`);
    const events = recordEvents(el);
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal('category-attitude');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal('description');
    await sendKeys({ type: 'Cán bộ không hướng dẫn, phải đi lại ba lần.' });
    await sendKeys({ press: 'Tab' }); // breached standard
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' }); // attachments
    await sendKeys({ press: 'Tab' }); // consent
    expect(root(el).activeElement?.id).to.equal('consent');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.classList.contains('submit')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => events.some((event) => event.type === 'svc-sent'), 'svc-sent', { timeout: 5000 });
    const record = events.find((event) => event.type === 'svc-queued')!.detail.record as ComplaintRecord;
    expect(record).to.deep.include({ kind: 'complaint', category: 'delay', description: 'Cán bộ không hướng dẫn, phải đi lại ba lần.', standard: 'greet' });
    expect(record.contact).to.equal(undefined);
    expect(validateRecord(record).ok).to.equal(true);
    const sent = events.find((event) => event.type === 'svc-sent')!.detail;
    await el.updateComplete;
    expect(q(el, '.code').textContent).to.equal(sent.trackingCode);
    expect((await storedCount(state, 1)).stored[0]!.id).to.equal(record.id);
    expect(root(el).activeElement).to.equal(q(el, '.done'));
    await expect(el).to.be.accessible();
  });

  it('never sends contact details without the consent tick; with it, stores its text and time', async () => {
    const el = await fixture<SvcComplaint>(html`<svc-complaint lang="en" agency="a" min-fill-seconds="0" draft-key=${draftKey()}></svc-complaint>`);
    const events = recordEvents(el);
    expect(root(el).querySelector('#contact-email')).to.equal(null);
    await fillValid(el);
    q<HTMLInputElement>(el, '#consent').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    type(el, '#contact-email', 'citizen@example.vn');
    type(el, '#contact-name', 'Nguyễn Văn A');
    q<HTMLInputElement>(el, '#consent').click(); // changes their mind
    await el.updateComplete;
    await send(el);
    await waitUntil(() => events.some((event) => event.type === 'svc-queued'));
    const anonymous = events.find((event) => event.type === 'svc-queued')!.detail.record as ComplaintRecord;
    expect(anonymous.contact).to.equal(undefined);
    expect(JSON.stringify(anonymous)).to.not.contain('citizen@example.vn');

    const other = await fixture<SvcComplaint>(html`<svc-complaint lang="en" agency="a" min-fill-seconds="0" draft-key=${draftKey()}></svc-complaint>`);
    const otherEvents = recordEvents(other);
    await fillValid(other);
    q<HTMLInputElement>(other, '#consent').click();
    await other.updateComplete;
    await send(other);
    expect(q(other, '.error-summary').textContent).to.contain('Enter an email address or a phone number');
    await expect(other).to.be.accessible();
    type(other, '#contact-phone', '0912 345 678');
    await send(other);
    await waitUntil(() => otherEvents.some((event) => event.type === 'svc-queued'));
    const record = otherEvents.find((event) => event.type === 'svc-queued')!.detail.record as ComplaintRecord;
    expect(record.contact).to.deep.include({ phone: '0912 345 678', consent: true });
    expect(record.contact!.consentText).to.equal('I agree that the agency may use the contact details below only to answer this complaint.');
    expect(Date.now() - Date.parse(record.contact!.consentAt)).to.be.below(10_000);
    expect(validateRecord(record).ok).to.equal(true);
  });

  it('unticking consent wipes the typed contact details: ticked again, the fields are empty and nothing old is sent', async () => {
    const el = await fixture<SvcComplaint>(html`<svc-complaint lang="en" agency="a" min-fill-seconds="0" draft-key=${draftKey()}></svc-complaint>`);
    const events = recordEvents(el);
    await fillValid(el);
    q<HTMLInputElement>(el, '#consent').click();
    await el.updateComplete;
    type(el, '#contact-name', 'Nguyễn Văn A');
    type(el, '#contact-email', 'citizen@example.vn');
    type(el, '#contact-phone', '0912 345 678');
    await el.updateComplete;
    q<HTMLInputElement>(el, '#consent').click();
    await el.updateComplete;
    expect(root(el).querySelector('#contact-email')).to.equal(null);
    q<HTMLInputElement>(el, '#consent').click();
    await el.updateComplete;
    const fields = ['#contact-name', '#contact-email', '#contact-phone'].map((selector) => q<HTMLInputElement>(el, selector).value);
    expect(fields).to.deep.equal(['', '', '']);
    // Only what is typed after the second tick is sent.
    type(el, '#contact-phone', '0987 654 321');
    await el.updateComplete;
    await send(el);
    await waitUntil(() => events.some((event) => event.type === 'svc-queued'), 'queued', { timeout: 10_000 });
    const record = events.find((event) => event.type === 'svc-queued')!.detail.record as ComplaintRecord;
    expect(record.contact).to.deep.include({ phone: '0987 654 321', consent: true });
    expect(record.contact).to.not.have.any.keys('name', 'email');
    expect(JSON.stringify(record)).to.not.match(/citizen@example\.vn|Nguyễn Văn A|0912 345 678/);
  });

  it('contact details never reach the draft on the device', async () => {
    const key = draftKey();
    const el = await fixture<SvcComplaint>(html`<svc-complaint lang="en" agency="a" min-fill-seconds="0" draft-key=${key}></svc-complaint>`);
    q<HTMLInputElement>(el, '#consent').click();
    await el.updateComplete;
    type(el, '#contact-name', 'Trần Thị B');
    type(el, '#contact-email', 'b@example.vn');
    type(el, '#contact-phone', '0912 000 111');
    // The description last: the draft written after it is the one to look at.
    await fillValid(el, 'The draft is written after this description: contact details must not be in it.');
    let draft: unknown;
    await waitUntil(async () => {
      draft = await loadDraft(key);
      return JSON.stringify(draft ?? '').includes('contact details must not be in it');
    }, 'the draft written', { timeout: 10_000 });
    expect(JSON.stringify(draft)).to.not.match(/Trần Thị B|b@example\.vn|0912 000 111|consent|contact"/);
    expect(Object.keys(draft as object).sort()).to.deep.equal(['attachments', 'category', 'description', 'standard']);
  });

  it('a phone photo with its GPS position is re-encoded as a JPEG at most 1600 px, the EXIF (GPS) gone', async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 2400;
    canvas.height = 1200;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#369';
    context.fillRect(0, 0, 2400, 1200);
    const plain = new Uint8Array(await (await new Promise<Blob>((done) => canvas.toBlob((b) => done(b!), 'image/jpeg', 0.9))).arrayBuffer());
    const photo = withGpsExif(plain);
    // The fixture really carries the position, and the browser still reads it as a picture.
    expect(gpsOf(photo)).to.deep.equal({ ref: 'N', latitude: [21, 1, 30] });
    expect((await createImageBitmap(new Blob([photo], { type: 'image/jpeg' }))).width).to.equal(2400);
    const el = await fixture<SvcComplaint>(html`<svc-complaint lang="en" agency="a" min-fill-seconds="0" draft-key=${draftKey()}></svc-complaint>`);
    const events = recordEvents(el);
    await pick(el, [new File([photo], 'IMG_0001.JPG', { type: 'image/jpeg' })]);
    // Decoding and re-encoding 2400 × 1200 px takes a while on a busy machine.
    await waitUntil(() => root(el).querySelectorAll('.files li').length === 1, 'the photo listed', { timeout: 10_000 });
    await fillValid(el);
    await send(el);
    await waitUntil(() => events.some((event) => event.type === 'svc-queued'), 'queued', { timeout: 10_000 });
    const [attachment] = (events.find((event) => event.type === 'svc-queued')!.detail.record as ComplaintRecord).attachments!;
    const bytes = Uint8Array.from(atob(attachment!.data), (char) => char.charCodeAt(0)) as Uint8Array<ArrayBuffer>;
    expect(attachment!.type).to.equal('image/jpeg');
    expect(attachment!.size).to.equal(bytes.length);
    expect([bytes[0], bytes[1]]).to.deep.equal([0xff, 0xd8]);
    expect(gpsOf(bytes)).to.equal(null);
    expect(new TextDecoder('latin1').decode(bytes)).to.not.contain('Exif');
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
    expect([bitmap.width, bitmap.height]).to.deep.equal([1600, 800]);
  });

  it('copy: through the clipboard where there is one; else the code is selected and the citizen told how', async () => {
    const el = await fixture<SvcComplaint>(html`<svc-complaint lang="en" agency="a" min-fill-seconds="0" draft-key=${draftKey()}></svc-complaint>`);
    await fillValid(el);
    await send(el);
    await waitUntil(() => root(el).querySelector('.done'), 'done', { timeout: 10_000 });
    const code = q(el, '.code').textContent!.trim();
    expect(code).to.not.equal('');
    const copyButton = () => [...root(el).querySelectorAll<HTMLButtonElement>('.done-actions button')].find((button) => button.textContent!.includes('Copy'))!;
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text: string) => void copied.push(text) }, configurable: true });
    try {
      copyButton().click();
      await waitUntil(() => q(el, '.copy-state').textContent!.trim() !== '', 'copied', { timeout: 10_000 });
      expect(copied).to.deep.equal([code]);
      expect(q(el, '.copy-state').textContent!.trim()).to.equal('Code copied.');
      // A plain-HTTP intranet page has no navigator.clipboard.
      Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
      copyButton().click();
      await waitUntil(() => q(el, '.copy-state').textContent!.includes('selected'), 'selected', { timeout: 10_000 });
      expect(q(el, '.copy-state').textContent!.trim()).to.equal('The code is selected: press Ctrl+C (or long-press and choose Copy) to copy it.');
      expect(getSelection()!.toString().trim()).to.equal(code);
      await expect(el).to.be.accessible();
    } finally {
      delete (navigator as unknown as { clipboard?: unknown }).clipboard;
    }
  });

  it('keeps a draft across a reload (a new element on the same key) and clears it once queued', async () => {
    const key = draftKey();
    const first = await fixture<SvcComplaint>(html`<svc-complaint lang="en" agency="a" min-fill-seconds="0" draft-key=${key}></svc-complaint>`);
    await fillValid(first, '<img src=x onerror="window.__xss=1"> waited all morning');
    // The draft is written a moment after the last change: wait for it, not for a time.
    await waitUntil(async () => ((await loadDraft<{ description?: string }>(key))?.description ?? '').includes('waited all morning'), 'draft written', { timeout: 10_000 });
    first.remove();
    const second = await fixture<SvcComplaint>(html`<svc-complaint lang="en" agency="a" min-fill-seconds="0" draft-key=${key}></svc-complaint>`);
    await waitUntil(() => root(second).querySelector('.notice'), 'draft restored');
    expect(q<HTMLTextAreaElement>(second, '#description').value).to.equal('<img src=x onerror="window.__xss=1"> waited all morning');
    expect(q<HTMLInputElement>(second, '#category-delay').checked).to.equal(true);
    expect(root(second).querySelector('img')).to.equal(null);
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
    await expect(second).to.be.accessible();
    await send(second);
    await waitUntil(() => root(second).querySelector('.done'));
    // No endpoint: kept on the device, so the done panel shows the temporary code and says why.
    expect(q(second, '.done').textContent).to.contain('This is a temporary code');
    await expect(second).to.be.accessible();
    await waitUntil(async () => (await loadDraft(key)) === undefined, 'draft cleared once queued', { timeout: 10_000 });
    const third = await fixture<SvcComplaint>(html`<svc-complaint lang="en" agency="a" draft-key=${key}></svc-complaint>`);
    await third.updateComplete;
    expect(root(third).querySelector('.notice')).to.equal(null);
    expect(q<HTMLTextAreaElement>(third, '#description').value).to.equal('');
  });

  it('refuses a disguised or oversize attachment with a clear message; re-encodes a photo as JPEG', async () => {
    const el = await fixture<SvcComplaint>(html`<svc-complaint lang="en" agency="a" min-fill-seconds="0" draft-key=${draftKey()}></svc-complaint>`);
    const events = recordEvents(el);
    await pick(el, [fileOf('invoice.png', 'MZ\x90\x00\x03', 2048, 'image/png')]);
    await waitUntil(() => root(el).querySelector('#attachments-error'));
    expect(q(el, '#attachments-error').textContent).to.contain('“invoice.png” is not a photo (JPEG, PNG, WebP, GIF) or a PDF file.');
    await expect(el).to.be.accessible();
    await pick(el, [fileOf('scan.pdf', '%PDF-1.7\n', 2 * 1024 * 1024 + 1, 'application/pdf')]);
    await waitUntil(() => root(el).querySelector('#attachments-error')?.textContent?.includes('larger than 2 MB'));
    await pick(el, [await pngFile(), fileOf('receipt.pdf', '%PDF-1.7\n', 5000, 'application/pdf')]);
    await waitUntil(() => root(el).querySelectorAll('.files li').length === 2, 'two files listed');
    const names = [...root(el).querySelectorAll('.file-name')].map((node) => node.textContent);
    expect(names).to.deep.equal(['hàng chờ.jpg', 'receipt.pdf']);
    await expect(el).to.be.accessible();
    await pick(el, [fileOf('a.pdf', '%PDF-1.7\n', 100, 'application/pdf'), fileOf('b.pdf', '%PDF-1.7\n', 100, 'application/pdf')]);
    await waitUntil(() => root(el).querySelector('#attachments-error')?.textContent?.includes('at most 3 files'));
    await fillValid(el);
    await send(el);
    await waitUntil(() => events.some((event) => event.type === 'svc-queued'));
    const record = events.find((event) => event.type === 'svc-queued')!.detail.record as ComplaintRecord;
    expect(record.attachments!.map((attachment) => attachment.type)).to.deep.equal(['image/jpeg', 'application/pdf', 'application/pdf']);
    expect(validateRecord(record)).to.deep.equal({ ok: true, record });
  });

  it('waits out the time-to-fill floor instead of refusing, and drops a filled honeypot silently', async () => {
    // The floor counts from when the form is connected, which is before fixture() resolves (by
    // ~100 ms in WebKit): measure from before it.
    const rendered = Date.now();
    const el = await fixture<SvcComplaint>(html`<svc-complaint agency="a" min-fill-seconds="1" draft-key=${draftKey()}></svc-complaint>`);
    const events = recordEvents(el);
    await fillValid(el);
    await send(el);
    await waitUntil(() => events.some((event) => event.type === 'svc-queued'), 'queued', { timeout: 4000 });
    expect(Date.now() - rendered).to.be.at.least(950);

    const bot = await fixture<SvcComplaint>(html`<svc-complaint agency="a" min-fill-seconds="0" draft-key=${draftKey()}></svc-complaint>`);
    const botEvents = recordEvents(bot);
    await fillValid(bot);
    type(bot, '#website', 'http://spam.example');
    await send(bot);
    await waitUntil(() => root(bot).querySelector('.done'));
    await aTimeout(100);
    expect(botEvents).to.deep.equal([]);
  });

  it('transport="open311" files a form-encoded request once, with the record id as attribute[svc_id]', async () => {
    const { endpoint, state } = await fakeCollector();
    const el = await fixture<SvcComplaint>(html`<svc-complaint
      lang="en"
      agency="a"
      min-fill-seconds="0"
      transport="open311"
      service-code="complaint-delay"
      api-key="key-123"
      jurisdiction-id="hanoi.gov.vn"
      endpoint=${`${endpoint}/open311`}
      draft-key=${draftKey()}
    ></svc-complaint>`);
    const events = recordEvents(el);
    await fillValid(el);
    await send(el);
    await waitUntil(() => events.some((event) => event.type === 'svc-sent'), 'svc-sent', { timeout: 5000 });
    const { open311 } = await state();
    const id = events.find((event) => event.type === 'svc-queued')!.detail.record.id;
    expect(open311).to.have.length(1);
    expect(open311[0]!.contentType).to.equal('application/x-www-form-urlencoded');
    expect(open311[0]!.form).to.deep.equal({
      service_code: 'complaint-delay',
      description: 'Tôi phải chờ ba tiếng ở quầy số 3 mà không ai giải thích.',
      'attribute[svc_id]': id,
      jurisdiction_id: 'hanoi.gov.vn',
      api_key: 'key-123',
    });
    await el.updateComplete;
    expect(q(el, '.code').textContent).to.equal('REQ-1');
  });

  it('format="xml" posts to requests.xml and reads the XML answer (a server that speaks only XML)', async () => {
    const { endpoint, state } = await fakeCollector();
    const el = await fixture<SvcComplaint>(html`<svc-complaint agency="a" min-fill-seconds="0" transport="open311" format="xml" endpoint=${`${endpoint}/open311`} draft-key=${draftKey()}></svc-complaint>`);
    const events = recordEvents(el);
    await fillValid(el);
    await send(el);
    await waitUntil(() => events.some((event) => event.type === 'svc-sent'), 'svc-sent', { timeout: 5000 });
    const { open311 } = await state();
    expect(open311.map((entry) => entry.path)).to.deep.equal(['open311/requests.xml']);
    expect(open311[0]!.contentType).to.equal('application/x-www-form-urlencoded');
    expect(events.find((event) => event.type === 'svc-sent')!.detail.trackingCode).to.equal('XML-1');
    await el.updateComplete;
    expect(q(el, '.code').textContent).to.equal('XML-1');
  });

  it('an XML answer to requests.json is read too, and an XML error list is reported as rejected with its description', async () => {
    const { endpoint, state } = await fakeCollector([{ status: 200 }, { status: 400 }]);
    const el = await fixture<SvcComplaint>(html`<svc-complaint agency="a" min-fill-seconds="0" transport="open311" endpoint=${`${endpoint}/open311-xml-only`} draft-key=${draftKey()}></svc-complaint>`);
    const events = recordEvents(el);
    await fillValid(el);
    await send(el);
    await waitUntil(() => events.some((event) => event.type === 'svc-sent'), 'svc-sent', { timeout: 5000 });
    expect(events.find((event) => event.type === 'svc-sent')!.detail.trackingCode).to.equal('XML-1');

    const second = await fixture<SvcComplaint>(html`<svc-complaint agency="a" min-fill-seconds="0" transport="open311" format="xml" endpoint=${`${endpoint}/open311-xml-only`} draft-key=${draftKey()}></svc-complaint>`);
    const refused = recordEvents(second);
    await fillValid(second);
    await send(second);
    await waitUntil(() => refused.some((event) => event.type === 'svc-error'), 'svc-error', { timeout: 5000 });
    expect(refused.find((event) => event.type === 'svc-error')!.detail).to.include({ code: 'rejected', message: 'Scripted Open311 error.' });
    expect((await state()).open311.map((entry) => entry.path)).to.deep.equal(['open311-xml-only/requests.json', 'open311-xml-only/requests.xml']);
  });

  it('an Open311 400 is reported as rejected, with the server\'s description', async () => {
    const { endpoint } = await fakeCollector([{ status: 400 }]);
    const el = await fixture<SvcComplaint>(html`<svc-complaint agency="a" min-fill-seconds="0" transport="open311" endpoint=${`${endpoint}/open311`} draft-key=${draftKey()}></svc-complaint>`);
    const events = recordEvents(el);
    await fillValid(el);
    await send(el);
    await waitUntil(() => events.some((event) => event.type === 'svc-error'), 'svc-error', { timeout: 5000 });
    expect(events.find((event) => event.type === 'svc-error')!.detail).to.include({ code: 'rejected', message: 'Scripted Open311 error.' });
  });
});
