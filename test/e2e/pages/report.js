// The report's source comes from the page's query (a file, a unit), so one page serves every case:
// ?src=/test-results/e2e/report-records.json&unit=mot-cua&period=year
const report = document.querySelector('svc-report');
const query = new URLSearchParams(location.search);
for (const name of ['src', 'unit', 'period', 'lang', 'selected-period']) {
  if (query.has(name)) report.setAttribute(name, query.get(name));
}
