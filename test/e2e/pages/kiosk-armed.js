// The kiosk's id and key come in the page URL (a real kiosk would keep them in its setup).
const params = new URLSearchParams(location.search);
const el = document.querySelector('svc-rating');
el.setAttribute('kiosk-id', params.get('kiosk') ?? '');
el.setAttribute('kiosk-key', params.get('key') ?? '');
