import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Context } from '../app.js';
import { HttpError } from '../http/errors.js';
import { Invitations } from '../verified/invitations.js';
import { normalizeInvitationCode } from '../verified/codes.js';

// The hosted rating page `/r/{code}` (CONTRACT §7) for agencies without a page of their own: the
// CDN bundle under a strict policy, vi/en, phone-first. The page says that the rating is linked
// to the citizen's dossier; the element looks the invitation up and shows what is rated.

/** The strict policy of the hosted page: the host policy of CONTRACT §1 and nothing more. */
export const HOSTED_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html svc-feedback',
].join('; ');

const TEXT = {
  vi: {
    title: 'Đánh giá mức độ hài lòng',
    linked: 'Đánh giá này được gắn với hồ sơ Ông/Bà đã được giải quyết: mỗi hồ sơ chỉ đánh giá được một lần. Không cần nhập thông tin cá nhân.',
    other: 'English',
    otherLang: 'en',
  },
  en: {
    title: 'Rate our service',
    linked: 'This rating is linked to the dossier you were served for: each dossier can be rated once. No personal details are needed.',
    other: 'Tiếng Việt',
    otherLang: 'vi',
  },
} as const;

const CSS = `*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1b1b1b;background:#f4f5f7}
main{max-width:36rem;margin:0 auto;padding:16px}
h1{font-size:1.375rem;line-height:1.3;margin:8px 0 12px}
p{margin:0 0 16px}
.lang{margin-top:24px}
a{color:#0b4f9c;display:inline-block;min-height:24px;padding:2px 0}
a:focus-visible{outline:3px solid #0b4f9c;outline-offset:2px}
`;

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** dist/cdn, from dist/collector/routes (built) or src/collector/routes (tests through tsx). */
function cdnDir(): string | undefined {
  for (const relative of ['../../cdn/', '../../../dist/cdn/']) {
    const dir = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  return undefined;
}

interface Asset {
  body: Buffer;
  gzip: Buffer;
  etag: string;
  type: string;
}

/** Built once per file and kept: these are the collector's own files, not state. */
const assets = new Map<string, Promise<Asset | undefined>>();

function asset(name: string, type: string, load: () => Promise<Buffer | undefined>): Promise<Asset | undefined> {
  let found = assets.get(name);
  if (!found) {
    found = load().then((body) =>
      body === undefined ? undefined : { body, gzip: gzipSync(body), etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`, type },
    );
    // A missing bundle (not built yet) is looked for again next time.
    found.then((value) => value === undefined && assets.delete(name)).catch(() => assets.delete(name));
    assets.set(name, found);
  }
  return found;
}

/** Sends a body compressed when the client takes gzip, with an ETag (304 on a repeat). */
function send(context: Context, body: Buffer, type: string, etag: string, extra: Record<string, string> = {}, gzip?: Buffer): void {
  const { req, res } = context;
  const headers: Record<string, string> = {
    'Content-Type': type,
    ETag: etag,
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Encoding',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  };
  const match = String(req.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (match.includes(etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const packed = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) ? (gzip ?? gzipSync(body)) : undefined;
  if (packed) headers['Content-Encoding'] = 'gzip';
  headers['Content-Length'] = String((packed ?? body).length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : (packed ?? body));
}

function language(context: Context): 'vi' | 'en' {
  const asked = context.url.searchParams.get('lang');
  if (asked === 'en' || asked === 'vi') return asked;
  const accept = String(context.req.headers['accept-language'] ?? '').toLowerCase();
  return /^\s*en\b/.test(accept) ? 'en' : 'vi';
}

/**
 * The CDN bundle the page loads: `rating.js` (only `<svc-rating>`) when built, else the bundle of
 * every citizen element. Served under its own name: its lazy chunks import it by that name.
 */
function bundleName(): 'rating.js' | 'service-feedback.js' {
  const dir = cdnDir();
  return dir !== undefined && existsSync(`${dir}rating.js`) ? 'rating.js' : 'service-feedback.js';
}

/** GET /r/:code — the hosted rating page. */
export async function getHostedPage(context: Context): Promise<void> {
  const raw = context.params['code'] ?? '';
  const code = normalizeInvitationCode(raw);
  const lang = language(context);
  const text = TEXT[lang];
  const view = code ? await new Invitations(context.app.storage.db).find(code, context.app.now()) : undefined;
  // An unknown code still gets the page: the element tells the citizen, in their language.
  const attributes = [
    'endpoint="/"',
    `agency="${escapeHtml(view?.agency ?? 'unknown')}"`,
    `invitation="${escapeHtml(code ?? raw.slice(0, 32).replace(/[^0-9A-Za-z-]/g, ''))}"`,
    'channel="online"',
  ];
  const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${text.title}</title>
<link rel="stylesheet" href="/r/assets/page.css">
<script type="module" src="/r/assets/${bundleName()}"></script>
</head>
<body>
<main>
<h1>${text.title}</h1>
<p>${text.linked}</p>
<svc-rating ${attributes.join(' ')}></svc-rating>
<p class="lang"><a href="?lang=${text.otherLang}" lang="${text.otherLang}" hreflang="${text.otherLang}">${text.other}</a></p>
</main>
</body>
</html>
`;
  const body = Buffer.from(html, 'utf8');
  send(context, body, 'text/html; charset=utf-8', `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`, {
    'Content-Security-Policy': HOSTED_CSP,
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
}

const notFound = () => new HttpError(404, 'not_found', 'There is nothing here.');

/** GET /r/assets/:file and /r/assets/chunks/:file — the page's style and the CDN bundle (rating.js and its lazy chunks). */
export async function getHostedAsset(context: Context): Promise<void> {
  const file = context.params['file'] ?? '';
  const chunk = context.url.pathname.startsWith('/r/assets/chunks/');
  let found: Asset | undefined;
  if (!chunk && file === 'page.css') {
    found = await asset('page.css', 'text/css; charset=utf-8', async () => Buffer.from(CSS, 'utf8'));
  } else if (/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.js$/.test(file)) {
    const dir = cdnDir();
    if (!dir) throw notFound();
    const candidates = chunk ? [`chunks/${file}`] : file === bundleName() ? [file] : [];
    found = await asset(`${chunk ? 'chunks/' : ''}${file}`, 'text/javascript; charset=utf-8', async () => {
      for (const candidate of candidates) {
        const body = await readFile(`${dir}${candidate}`).catch(() => undefined);
        if (body) return body;
      }
      return undefined;
    });
  }
  if (!found) throw notFound();
  send(context, found.body, found.type, found.etag, {}, found.gzip);
}
