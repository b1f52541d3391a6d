// The officials' demo pages (dashboard, report): language and theme switches (also from ?lang=en&theme=dark, for
// screenshots) and a file picker that hands a records file to the dashboard. An external
// module, so the page keeps working under `script-src 'self'`.
const params = new URLSearchParams(location.search);
const dashboard = document.querySelector('svc-dashboard, svc-report');
const root = document.documentElement;

const TEXT = {
  vi: { lang: 'Ngôn ngữ', theme: 'Giao diện', light: 'Sáng', dark: 'Tối', auto: 'Theo máy', file: 'Mở tệp số liệu…' },
  en: { lang: 'Language', theme: 'Theme', light: 'Light', dark: 'Dark', auto: 'System', file: 'Open a data file…' },
};

function setLang(lang) {
  root.lang = lang;
  for (const button of document.querySelectorAll('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  for (const node of document.querySelectorAll('[data-text]')) node.textContent = TEXT[lang][node.dataset.text];
}

function setTheme(theme) {
  if (theme === 'auto') dashboard?.removeAttribute('theme');
  else dashboard?.setAttribute('theme', theme);
  root.classList.toggle('dark-page', theme === 'dark');
  root.classList.toggle('light-page', theme === 'light');
  for (const button of document.querySelectorAll('[data-theme]')) button.setAttribute('aria-pressed', String(button.dataset.theme === theme));
}

for (const button of document.querySelectorAll('[data-lang]')) button.addEventListener('click', () => setLang(button.dataset.lang));
for (const button of document.querySelectorAll('[data-theme]')) button.addEventListener('click', () => setTheme(button.dataset.theme));
document.querySelector('#records-file')?.addEventListener('change', (event) => {
  const file = event.target.files?.[0];
  if (file && dashboard) {
    dashboard.removeAttribute('src');
    dashboard.file = file;
  }
});

setLang(params.get('lang') === 'en' ? 'en' : 'vi');
setTheme(['light', 'dark'].includes(params.get('theme')) ? params.get('theme') : 'auto');

// `npm start` on an empty database loads a sample dataset; /healthz then says so, and the page
// says it too, above everything, so nobody mistakes the sample for real results.
fetch('/healthz')
  .then((reply) => (reply.ok ? reply.json() : {}))
  .then((health) => {
    if (!health.sample) return;
    const banner = document.createElement('p');
    banner.className = 'sample-banner';
    banner.setAttribute('role', 'note');
    banner.lang = 'vi';
    banner.textContent = 'Dữ liệu mẫu, không phải kết quả thật (Sample data, not real results) — tải bởi npm start vào cơ sở dữ liệu trống.';
    document.querySelector('main')?.prepend(banner);
    for (const scorecard of document.querySelectorAll('svc-scorecard')) scorecard.setAttribute('sample', '');
  })
  .catch(() => undefined);
