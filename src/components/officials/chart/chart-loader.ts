/**
 * chart.js, loaded the first time a chart has something to draw: the dynamic `import()` (a
 * static string, so bundlers make it a chunk of its own) keeps it off every page that shows no
 * chart. Only the pieces the five kinds use are registered — never `chart.js/auto`, which would
 * defeat tree-shaking.
 */
import type { Chart as ChartType } from 'chart.js';

export type ChartConstructor = typeof ChartType;

let loading: Promise<ChartConstructor> | undefined;

/** chart.js's `Chart`, with the bar and line controllers, two scales, the band filler, legend and tooltip. */
export function loadChartJs(): Promise<ChartConstructor> {
  loading ??= import('chart.js').then(
    ({ Chart, BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Filler, Legend, Tooltip }) => {
      Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Filler, Legend, Tooltip);
      return Chart;
    },
  );
  loading.catch(() => (loading = undefined));
  return loading;
}
