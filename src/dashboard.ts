/**
 * `service-feedback/dashboard.js`: registers `<svc-dashboard>` and `<svc-chart>`. chart.js is
 * not part of this module: a chart loads it (a separate chunk) the first time it has something
 * to draw, so a page with no chart never downloads it.
 */
export { SvcDashboard } from './components/dashboard/svc-dashboard.js';
export { SvcChart } from './components/chart/svc-chart.js';
export type {
  SvcLoadDetail,
  SvcLoadErrorDetail,
  SvcProgressDetail,
  SvcReadyDetail,
  SvcRenderDetail,
} from './components/dashboard/data-element.js';
export type { ChartKind } from './components/dashboard/messages.js';
