// Test instrumentation for the engines' end-to-end page (no part of the library): records the
// library's events on document from the first moment of each page life, and which storage keys
// the page wrote (to tell the localStorage lease from Web Locks).
window.svcEvents = [];
window.svcStorageKeys = [];
for (const type of ['svc-submit', 'svc-queued', 'svc-sent', 'svc-error']) {
  document.addEventListener(type, (event) => window.svcEvents.push({ type, detail: JSON.parse(JSON.stringify(event.detail)) }));
}
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (!window.svcStorageKeys.includes(key)) window.svcStorageKeys.push(key);
  return setItem.call(this, key, value);
};
