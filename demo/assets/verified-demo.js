// Demo pages of verified ratings (receipt.html, officer.html, kiosk-armed.html). Plain DOM, no
// innerHTML: the pages run under the strict policy with Trusted Types.
const $ = (id) => document.getElementById(id);

async function call(path, token, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const reply = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(reply.error?.message ?? `HTTP ${response.status}`);
  return reply;
}

const optional = (id) => ($(id)?.value.trim() ? { [id]: $(id).value.trim() } : {});

// The receipt: one invitation, printed with its QR code.
$('receipt-form')?.addEventListener('submit', async (event) => {
  event.preventDefault();
  $('receipt-error').textContent = '';
  try {
    const body = { agency: $('agency').value.trim(), caseId: $('caseId').value.trim(), ...optional('unit'), ...optional('service') };
    const { results } = await call('/v1/invitations', $('token').value, body);
    const issued = results[0];
    const receipt = $('receipt');
    const set = (name, value) => (receipt.querySelector(`[data-field="${name}"]`).textContent = value);
    set('caseId', issued.caseId);
    set('service', body.service ?? '');
    set('code', issued.code.replace(/(.{5})/, '$1-'));
    set('url', issued.url);
    set('expiresAt', new Date(issued.expiresAt).toLocaleDateString('vi-VN'));
    receipt.querySelector('[data-field="qr"]').src = `/v1/invitations/${issued.code}/qr.svg`;
    receipt.hidden = false;
    $('print').focus();
  } catch (error) {
    $('receipt-error').textContent = `Không tạo được mã: ${error.message}`;
  }
});
$('print')?.addEventListener('click', () => print());

// The officer: register a kiosk (once), then arm it after each served dossier.
$('register-form')?.addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const kioskId = $('kiosk-id').value.trim();
    const { key } = await call('/v1/kiosks', $('admin-token').value, { kioskId, agency: 'ubnd-phuong-hoan-kiem', unit: 'bo-phan-mot-cua' });
    $('register-result').textContent = `Đã đăng ký máy ${kioskId}. Khóa của máy chỉ hiện một lần: ${key}`;
    const link = $('kiosk-link');
    link.href = `kiosk-armed.html?kiosk=${encodeURIComponent(kioskId)}&key=${encodeURIComponent(key)}`;
    link.hidden = false;
  } catch (error) {
    $('register-result').textContent = `Không đăng ký được: ${error.message}`;
  }
});
$('arm-form')?.addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const body = { ...(($('arm-case').value.trim() && { caseId: $('arm-case').value.trim() }) || {}), ...(($('arm-service').value.trim() && { service: $('arm-service').value.trim() }) || {}) };
    const armed = await call(`/v1/kiosks/${encodeURIComponent($('arm-kiosk').value.trim())}/arm`, $('arm-token').value, body);
    $('arm-result').textContent = `Đã mời đánh giá hồ sơ ${armed.caseId ?? ''} (hiệu lực đến ${new Date(armed.expiresAt).toLocaleTimeString('vi-VN')}).`;
  } catch (error) {
    $('arm-result').textContent = `Không kích hoạt được: ${error.message}`;
  }
});

// The kiosk page: its id and key from the address (a real kiosk keeps them in its own setup).
const kiosk = document.querySelector('svc-rating[require-arming]');
if (kiosk) {
  const params = new URLSearchParams(location.search);
  kiosk.setAttribute('kiosk-id', params.get('kiosk') ?? 'quay-3');
  kiosk.setAttribute('kiosk-key', params.get('key') ?? '');
}
