/**
 * `service-feedback/dashboard.js`: registers `<svc-dashboard>` and `<svc-chart>`. chart.js is
 * not part of this module: a chart loads it (a separate chunk) the first time it has something
 * to draw, so a page with no chart never downloads it.
 */
export { SvcDashboard } from './components/officials/dashboard/svc-dashboard.js';
export { SvcChart } from './components/officials/chart/svc-chart.js';
export type {
  SvcLoadDetail,
  SvcLoadErrorDetail,
  SvcProgressDetail,
  SvcReadyDetail,
  SvcRenderDetail,
} from './components/officials/shared/data-element.js';
export type { ChartKind } from './components/officials/shared/messages.js';
