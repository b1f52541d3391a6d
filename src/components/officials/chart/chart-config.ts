/**
 * From a chart model to a chart.js configuration, with four tiny plugins of our own (no
 * dependency): an opaque background (so the PNG reads anywhere), confidence-interval whiskers,
 * the target line with its label, and direct value labels. Colours come from the element's CSS
 * custom properties (light or dark); a second cue never depends on colour: hatching for small
 * samples and failing standards, a pattern per complaint category, dashed target lines,
 * hollow points, labels written on the chart.
 */
import type { Chart, ChartConfiguration, ChartDataset, LegendItem, Plugin, Scale } from 'chart.js';
import { formatInteger, formatPercent, formatShare } from '../shared/format.js';
import type { DashboardMessages } from '../shared/messages.js';
import type { BarStatus, ChartModel, RateSeries, StackSeries, TrendSeries } from './chart-model.js';

/** Colours and type of a chart, read from the element's `--_chart-*` properties. */
export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  meets: string;
  below: string;
  lowSample: string;
  /** Categorical colours, each at least 3:1 against the surface. */
  series: string[];
  /** The confidence band's fill (translucent). */
  band: string;
  fontFamily: string;
  reducedMotion: boolean;
  /** A narrow box (a phone): shorter labels, smaller margins. */
  narrow: boolean;
}

/** Below this width (CSS px) a chart is drawn for a phone. */
export const NARROW = 560;

/** The second cue of each categorical colour, in order. */
export const PATTERNS = ['solid', 'diagonal', 'dots', 'cross', 'vertical', 'horizontal', 'back-diagonal'] as const;
export type PatternStyle = (typeof PATTERNS)[number];

const patternCache = new Map<string, CanvasPattern | string>();

/**
 * A repeating tile: `ink` lines or dots on `paper` (solid is just `ink`). Hatching keeps the
 * bar's outline in `ink`, so the shape keeps its 3:1 contrast.
 */
export function pattern(style: PatternStyle, ink: string, paper: string): CanvasPattern | string {
  if (style === 'solid') return ink;
  const id = `${style}|${ink}|${paper}`;
  const cached = patternCache.get(id);
  if (cached) return cached;
  const size = 10;
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const ctx = tile.getContext('2d');
  if (!ctx) return ink;
  const hatched = style === 'diagonal' || style === 'back-diagonal';
  // Hatching on paper for "not to be trusted" marks; paper lines on ink for categories.
  const [bg, fg] = hatched ? [paper, ink] : [ink, paper];
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = fg;
  ctx.fillStyle = fg;
  ctx.lineWidth = hatched ? 3 : 2;
  ctx.beginPath();
  if (style === 'diagonal') {
    ctx.moveTo(-2, 2);
    ctx.lineTo(2, -2);
    ctx.moveTo(0, size);
    ctx.lineTo(size, 0);
    ctx.moveTo(size - 2, size + 2);
    ctx.lineTo(size + 2, size - 2);
  } else if (style === 'back-diagonal') {
    ctx.moveTo(-2, size - 2);
    ctx.lineTo(2, size + 2);
    ctx.moveTo(0, 0);
    ctx.lineTo(size, size);
    ctx.moveTo(size - 2, -2);
    ctx.lineTo(size + 2, 2);
  } else if (style === 'cross') {
    ctx.moveTo(0, 0);
    ctx.lineTo(size, size);
    ctx.moveTo(size, 0);
    ctx.lineTo(0, size);
  } else if (style === 'vertical') {
    ctx.moveTo(size / 2, 0);
    ctx.lineTo(size / 2, size);
  } else if (style === 'horizontal') {
    ctx.moveTo(0, size / 2);
    ctx.lineTo(size, size / 2);
  }
  ctx.stroke();
  if (style === 'dots') {
    ctx.beginPath();
    ctx.arc(size / 2, size / 2, 1.8, 0, Math.PI * 2);
    ctx.fill();
  }
  const made = ctx.createPattern(tile, 'repeat') ?? ink;
  patternCache.set(id, made);
  return made;
}

// ---------------------------------------------------------------------------------------------
// Plugins (afterDatasetsDraw / beforeDraw): each reads its own options

interface BackgroundOptions {
  color: string;
}
interface TargetOptions {
  value: number | null;
  /** No room for the label in the margin (a phone): leave it to the legend. */
  inside?: boolean;
  label: string;
  color: string;
  surface: string;
  font: string;
}
interface LabelOptions {
  color: string;
  /** The background colour, drawn around the text. */
  halo: string;
  font: string;
  /** Totals above stacked bars (complaints). */
  totals?: string[];
}
interface WhiskerOptions {
  color: string;
  halo: string;
}

/** Extra fields our datasets carry for the plugins. */
interface Annotated {
  svcIntervals?: Array<readonly [number, number] | null>;
  svcLabels?: string[];
}

function valueScale(chart: Chart): Scale {
  return chart.options.indexAxis === 'y' ? chart.scales['x']! : chart.scales['y']!;
}

const background: Plugin<'bar' | 'line', BackgroundOptions> = {
  id: 'svcBackground',
  beforeDraw(chart, _args, options) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = options.color;
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

const whiskers: Plugin<'bar' | 'line', WhiskerOptions> = {
  id: 'svcWhiskers',
  afterDatasetsDraw(chart, _args, options) {
    const { ctx } = chart;
    const horizontal = chart.options.indexAxis === 'y';
    const scale = valueScale(chart);
    const paths: Path2D[] = [];
    chart.data.datasets.forEach((dataset, index) => {
      const intervals = (dataset as Annotated).svcIntervals;
      const meta = chart.getDatasetMeta(index);
      if (!intervals || meta.hidden || meta.type !== 'bar') return;
      meta.data.forEach((element, i) => {
        const ci = intervals[i];
        if (!ci) return;
        const { x, y, width, height } = element.getProps(['x', 'y', 'width', 'height'], true) as Record<string, number>;
        const thickness = horizontal ? height : width;
        const cap = Math.max(4, Math.min(10, thickness / 3));
        const low = scale.getPixelForValue(ci[0]);
        const high = scale.getPixelForValue(ci[1]);
        const path = new Path2D();
        if (horizontal) {
          path.moveTo(low, y);
          path.lineTo(high, y);
          path.moveTo(low, y - cap);
          path.lineTo(low, y + cap);
          path.moveTo(high, y - cap);
          path.lineTo(high, y + cap);
        } else {
          path.moveTo(x, low);
          path.lineTo(x, high);
          path.moveTo(x - cap, low);
          path.lineTo(x + cap, low);
          path.moveTo(x - cap, high);
          path.lineTo(x + cap, high);
        }
        paths.push(path);
      });
    });
    ctx.save();
    // A halo of the background colour first: the whisker stays visible over any bar colour.
    ctx.lineCap = 'round';
    ctx.strokeStyle = options.halo;
    ctx.lineWidth = 5;
    for (const path of paths) ctx.stroke(path);
    ctx.strokeStyle = options.color;
    ctx.lineWidth = 2;
    for (const path of paths) ctx.stroke(path);
    ctx.restore();
  },
};

const targetLine: Plugin<'bar' | 'line', TargetOptions> = {
  id: 'svcTarget',
  afterDatasetsDraw(chart, _args, options) {
    if (options.value === null || options.value === undefined) return;
    const { ctx, chartArea } = chart;
    const horizontal = chart.options.indexAxis === 'y';
    const at = valueScale(chart).getPixelForValue(options.value);
    ctx.save();
    ctx.strokeStyle = options.color;
    ctx.lineWidth = 2;
    ctx.setLineDash([7, 5]);
    ctx.beginPath();
    if (horizontal) {
      ctx.moveTo(at, chartArea.top - 4);
      ctx.lineTo(at, chartArea.bottom);
    } else {
      ctx.moveTo(chartArea.left, at);
      ctx.lineTo(chartArea.right, at);
    }
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.font = `600 12px ${options.font}`;
    const width = ctx.measureText(options.label).width;
    let x: number;
    let y: number;
    if (horizontal) {
      x = Math.min(Math.max(at - width / 2, chartArea.left), chart.width - width - 2);
      y = chartArea.top - 8;
    } else if (options.inside) {
      // No margin to write in (a phone): the legend names the dashed line.
      ctx.restore();
      return;
    } else {
      // In the right margin, level with the line: never over the data.
      x = chartArea.right + 8;
      y = at + 4;
    }
    ctx.fillStyle = options.surface;
    ctx.fillRect(x - 3, y - 13, width + 6, 17);
    ctx.fillStyle = options.color;
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(options.label, x, y);
    ctx.restore();
  },
};

const valueLabels: Plugin<'bar' | 'line', LabelOptions> = {
  id: 'svcLabels',
  afterDatasetsDraw(chart, _args, options) {
    const { ctx } = chart;
    const horizontal = chart.options.indexAxis === 'y';
    const scale = valueScale(chart);
    ctx.save();
    ctx.fillStyle = options.color;
    ctx.strokeStyle = options.halo;
    ctx.lineWidth = 4;
    ctx.lineJoin = 'round';
    ctx.font = `12px ${options.font}`;
    // A halo of the background colour keeps a label legible where it crosses a line.
    const write = (text: string, x: number, y: number) => {
      ctx.strokeText(text, x, y);
      ctx.fillText(text, x, y);
    };
    chart.data.datasets.forEach((dataset, index) => {
      const labels = (dataset as Annotated).svcLabels;
      const intervals = (dataset as Annotated).svcIntervals;
      const meta = chart.getDatasetMeta(index);
      if (!labels || meta.hidden) return;
      const count = meta.data.length;
      meta.data.forEach((element, i) => {
        const text = labels[i];
        if (!text) return;
        const { x, y, width, height } = element.getProps(['x', 'y', 'width', 'height'], true) as Record<string, number>;
        const ci = intervals?.[i];
        if (meta.type === 'line') {
          if ((chart.chartArea.right - chart.chartArea.left) / Math.max(1, count) < 44) return;
          ctx.textAlign = 'center';
          ctx.textBaseline = 'bottom';
          write(text, x, y - 8);
        } else if (horizontal) {
          if (height < 12) return;
          const end = Math.max(x, ci ? scale.getPixelForValue(ci[1]) : x);
          ctx.textAlign = 'left';
          ctx.textBaseline = 'middle';
          write(text, end + 8, y);
        } else {
          if (width < 30 || ctx.measureText(text).width > width * 2.2) return;
          const end = Math.min(y, ci ? scale.getPixelForValue(ci[1]) : y);
          ctx.textAlign = 'center';
          ctx.textBaseline = 'bottom';
          write(text, x, end - 6);
        }
      });
    });
    if (options.totals) {
      // Above (or after) the last visible segment of each stack.
      const metas = chart.data.datasets.map((_, index) => chart.getDatasetMeta(index)).filter((meta) => !meta.hidden);
      options.totals.forEach((text, i) => {
        let edge = horizontal ? -Infinity : Infinity;
        let across = 0;
        let thickness = 0;
        for (const meta of metas) {
          const element = meta.data[i];
          if (!element) continue;
          const { x, y, width, height } = element.getProps(['x', 'y', 'width', 'height'], true) as Record<string, number>;
          if (horizontal) {
            edge = Math.max(edge, x);
            across = y;
            thickness = height;
          } else {
            edge = Math.min(edge, y);
            across = x;
            thickness = width;
          }
        }
        if (!Number.isFinite(edge) || thickness < 12) return;
        ctx.font = `600 12px ${options.font}`;
        if (horizontal) {
          ctx.textAlign = 'left';
          ctx.textBaseline = 'middle';
          write(text, edge + 8, across);
        } else {
          ctx.textAlign = 'center';
          ctx.textBaseline = 'bottom';
          write(text, across, edge - 6);
        }
      });
    }
    ctx.restore();
  },
};

/** The plugins every chart gets (instance plugins: nothing is registered globally). */
export const PLUGINS = [background, whiskers, targetLine, valueLabels] as Plugin[];

// ---------------------------------------------------------------------------------------------
// Configurations

/** Splits a long label into lines of about `width` characters (chart.js draws arrays as lines). */
export function wrap(text: string, width = 32): string | string[] {
  if (text.length <= width) return text;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A legend entry: a swatch (`rect`) for areas, a `line` (dashed for targets) for lines and whiskers. */
function legendItem(text: string, fillStyle: string | CanvasPattern, strokeStyle: string, extra: Partial<LegendItem> = {}): LegendItem {
  return { text, fillStyle, strokeStyle, lineWidth: 2, hidden: false, pointStyle: 'rect', ...extra } as LegendItem;
}

function statusFill(status: BarStatus, theme: ChartTheme, hatchBelow: boolean, base: string): CanvasPattern | string {
  switch (status) {
    case 'meets':
      return base;
    case 'below':
      return hatchBelow ? pattern('diagonal', theme.below, theme.surface) : theme.below;
    case 'low':
      return pattern('diagonal', theme.lowSample, theme.surface);
    default:
      return 'transparent';
  }
}

function statusStroke(status: BarStatus, theme: ChartTheme, base: string): string {
  return status === 'below' ? theme.below : status === 'low' ? theme.lowSample : base;
}

/** The height (CSS px) a chart of this model needs to be readable. */
export function chartHeight(model: ChartModel, narrow: boolean): number {
  const series = model.series;
  if (!series) return 0;
  if (series.type === 'rates' && series.horizontal) {
    const width = narrow ? 16 : 32;
    const lines = Math.max(...series.labels.map((label) => (Array.isArray(wrap(label, width)) ? (wrap(label, width) as string[]).length : 1)));
    const slot = Math.max(30, lines * 16 + 12) * Math.max(1, series.datasets.length * 0.8);
    return Math.round(110 + series.labels.length * slot);
  }
  if (series.type === 'stack' && series.horizontal) {
    const width = narrow ? 16 : 32;
    const lines = Math.max(...series.labels.map((label) => (Array.isArray(wrap(label, width)) ? (wrap(label, width) as string[]).length : 1)));
    return Math.round(140 + series.labels.length * Math.max(30, lines * 16 + 12));
  }
  if (series.type === 'stack' && series.labels.length > 16) return Math.round(110 + series.labels.length * 28);
  return narrow ? 300 : 340;
}

function common(model: ChartModel, theme: ChartTheme, onComplete: () => void) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: theme.reducedMotion ? (false as const) : { duration: 450, onComplete },
    color: theme.text,
    font: { family: theme.fontFamily, size: theme.narrow ? 12 : 13 },
    plugins: {
      svcBackground: { color: theme.surface },
      svcWhiskers: { color: theme.text, halo: theme.surface },
      svcLabels: { color: theme.text, halo: theme.surface, font: theme.fontFamily },
      legend: {
        position: 'top' as const,
        align: 'start' as const,
        onClick: () => {},
        labels: {
          color: theme.text,
          usePointStyle: true,
          boxHeight: 14,
          padding: theme.narrow ? 8 : 14,
          pointStyleWidth: theme.narrow ? 20 : 28,
          font: { family: theme.fontFamily, size: theme.narrow ? 12 : 13 },
        },
      },
      tooltip: { enabled: true },
    },
    svcKind: model.kind,
  };
}

function percentAxis(theme: ChartTheme, t: DashboardMessages) {
  return {
    min: 0,
    max: 1,
    ticks: {
      color: theme.text,
      stepSize: 0.2,
      maxRotation: 0,
      autoSkip: true,
      callback: (value: number | string) => formatShare(Number(value), t),
      font: { family: theme.fontFamily, size: 12 },
    },
    grid: { color: theme.grid },
    border: { color: theme.muted },
  };
}

function categoryAxis(theme: ChartTheme, autoSkip: boolean) {
  return {
    ticks: { color: theme.text, autoSkip, font: { family: theme.fontFamily, size: 12 } },
    grid: { display: false },
    border: { color: theme.muted },
  };
}

function ratesConfig(model: ChartModel, series: RateSeries, theme: ChartTheme, t: DashboardMessages, draw: DrawOptions): ChartConfiguration {
  const several = series.datasets.length > 1;
  const datasets = series.datasets.map((dataset, index) => {
    const base = several ? theme.series[index % theme.series.length]! : theme.meets;
    return {
      type: 'bar',
      label: dataset.name,
      data: dataset.values,
      backgroundColor: dataset.status.map((status) => statusFill(status, theme, series.hatchBelow, base)),
      borderColor: dataset.status.map((status) => statusStroke(status, theme, base)),
      borderWidth: 2,
      maxBarThickness: 30,
      categoryPercentage: 0.8,
      barPercentage: 0.9,
      svcIntervals: dataset.intervals,
      // On a phone only the rate fits beside the bar; the table has the rest.
      svcLabels: theme.narrow ? dataset.valueLabels.map((label) => label.split(' · ')[0]!) : dataset.valueLabels,
    } as unknown as ChartDataset<'bar'>;
  });
  const present = new Set(series.datasets.flatMap((dataset) => dataset.status));
  const items: LegendItem[] = [];
  if (several) {
    series.datasets.forEach((dataset, index) => items.push(legendItem(dataset.name, theme.series[index % theme.series.length]!, theme.series[index % theme.series.length]!)));
  } else if (present.has('meets')) items.push(legendItem(t.legendMeets, theme.meets, theme.meets));
  if (present.has('below')) items.push(legendItem(t.legendBelow, statusFill('below', theme, series.hatchBelow, theme.below), theme.below));
  if (present.has('low')) items.push(legendItem(t.lowSample, statusFill('low', theme, false, theme.lowSample), theme.lowSample));
  items.push(legendItem(t.target(formatShare(series.target, t)), 'transparent', theme.text, { lineDash: [6, 4], pointStyle: 'line', lineWidth: 2 }));
  if (series.datasets.some((dataset) => dataset.intervals.some(Boolean))) {
    items.push(legendItem(t.confidenceInterval(formatShare(draw.confidence, t)), theme.text, theme.text, { pointStyle: 'line', lineWidth: 2 }));
  }
  const base = common(model, theme, draw.onComplete);
  const valueAxis = percentAxis(theme, t);
  const indexAxis = categoryAxis(theme, !series.horizontal);
  return {
    type: 'bar',
    data: { labels: series.horizontal ? series.labels.map((label) => wrap(label, theme.narrow ? 16 : 32)) : series.labels, datasets },
    options: {
      ...base,
      indexAxis: series.horizontal ? 'y' : 'x',
      layout: {
        padding: series.horizontal
          ? { top: 18, right: theme.narrow ? 64 : 150, left: 4, bottom: 4 }
          : { top: 26, right: theme.narrow ? 8 : 104, left: 4, bottom: 4 },
      },
      scales: series.horizontal ? { x: valueAxis, y: indexAxis } : { x: indexAxis, y: valueAxis },
      plugins: {
        ...base.plugins,
        legend: { ...base.plugins.legend, labels: { ...base.plugins.legend.labels, generateLabels: () => items.map((item) => ({ ...item, fontColor: theme.text })) } },
        svcTarget: { value: series.target, label: t.target(formatShare(series.target, t)), color: theme.text, surface: theme.surface, font: theme.fontFamily, inside: theme.narrow },
        tooltip: {
          callbacks: {
            label: (context: { datasetIndex: number; dataIndex: number }) => {
              const dataset = series.datasets[context.datasetIndex]!;
              const ci = dataset.intervals[context.dataIndex];
              const value = dataset.valueLabels[context.dataIndex] ?? '';
              return ci ? `${value} (${formatPercent(ci[0], t)} – ${formatPercent(ci[1], t)})` : value;
            },
          },
        },
      },
    },
  } as unknown as ChartConfiguration;
}

function trendConfig(model: ChartModel, series: TrendSeries, theme: ChartTheme, t: DashboardMessages, draw: DrawOptions): ChartConfiguration {
  const single = series.lines.length === 1;
  const datasets: ChartDataset<'line'>[] = [];
  const items: LegendItem[] = [];
  const dashes = [[], [8, 4], [2, 3], [12, 4, 2, 4]];
  const styles = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'] as const;
  series.lines.forEach((line, index) => {
    const color = single ? theme.meets : theme.series[index % theme.series.length]!;
    if (single) {
      datasets.push({ type: 'line', label: 'low', data: line.low, borderColor: 'transparent', pointRadius: 0, fill: false, spanGaps: true } as ChartDataset<'line'>);
      datasets.push({ type: 'line', label: 'high', data: line.high, borderColor: 'transparent', backgroundColor: theme.band, pointRadius: 0, fill: '-1', spanGaps: true } as ChartDataset<'line'>);
    }
    datasets.push({
      type: 'line',
      label: line.name,
      data: line.values,
      borderColor: color,
      borderWidth: 3,
      borderDash: single ? [] : dashes[index % dashes.length],
      pointStyle: single ? 'circle' : styles[index % styles.length],
      pointRadius: 5,
      pointHoverRadius: 7,
      pointBorderWidth: 2,
      pointBorderColor: color,
      pointBackgroundColor: line.lowSample.map((low) => (low ? theme.surface : color)),
      spanGaps: true,
      tension: 0,
      svcLabels: single ? line.values.map((value) => (value === null ? '' : formatPercent(value, t))) : undefined,
    } as unknown as ChartDataset<'line'>);
    items.push(legendItem(line.name, single ? color : theme.surface, color, { pointStyle: single ? 'line' : styles[index % styles.length], lineWidth: 3 }));
  });
  if (single) items.push(legendItem(t.confidenceInterval(formatShare(draw.confidence, t)), theme.band, theme.band));
  items.push(legendItem(t.target(formatShare(series.target, t)), 'transparent', theme.text, { lineDash: [6, 4], pointStyle: 'line', lineWidth: 2 }));
  const base = common(model, theme, draw.onComplete);
  return {
    type: 'line',
    data: { labels: series.labels, datasets },
    options: {
      ...base,
      layout: { padding: { top: 26, right: theme.narrow ? 12 : 104, left: 4, bottom: 4 } },
      scales: { x: { ...categoryAxis(theme, true), offset: true }, y: percentAxis(theme, t) },
      plugins: {
        ...base.plugins,
        legend: { ...base.plugins.legend, labels: { ...base.plugins.legend.labels, generateLabels: () => items.map((item) => ({ ...item, fontColor: theme.text })) } },
        svcTarget: { value: series.target, label: t.target(formatShare(series.target, t)), color: theme.text, surface: theme.surface, font: theme.fontFamily, inside: theme.narrow },
        tooltip: {
          filter: (item: { dataset: { label?: string } }) => item.dataset.label !== 'low' && item.dataset.label !== 'high',
          callbacks: {
            label: (context: { dataset: { label?: string }; parsed: { y: number } }) => `${context.dataset.label}: ${formatPercent(context.parsed.y, t)}`,
          },
        },
      },
    },
  } as unknown as ChartConfiguration;
}

/** The pattern of the `index`-th stack: past seven stacks the colours repeat, so the pattern shifts (every pair stays distinct). */
function stackPattern(index: number): PatternStyle {
  return PATTERNS[(index + Math.floor(index / PATTERNS.length)) % PATTERNS.length]!;
}

function stackConfig(model: ChartModel, series: StackSeries, theme: ChartTheme, t: DashboardMessages, draw: DrawOptions): ChartConfiguration {
  const horizontal = series.horizontal ?? series.labels.length > 16;
  const datasets = series.stacks.map((stack, index) => {
    const color = theme.series[index % theme.series.length]!;
    const fill = pattern(stackPattern(index), color, theme.surface);
    return {
      type: 'bar',
      label: stack.name,
      data: stack.values,
      backgroundColor: fill,
      borderColor: theme.surface,
      borderWidth: 1,
      stack: 'counts',
      maxBarThickness: 48,
      svcFill: fill,
    } as unknown as ChartDataset<'bar'>;
  });
  const items = series.stacks.map((stack, index) => {
    const color = theme.series[index % theme.series.length]!;
    return legendItem(stack.name, pattern(stackPattern(index), color, theme.surface) as string, color);
  });
  const base = common(model, theme, draw.onComplete);
  const countAxis = {
    stacked: true,
    beginAtZero: true,
    ticks: { color: theme.text, precision: 0, font: { family: theme.fontFamily, size: 12 } },
    grid: { color: theme.grid },
    border: { color: theme.muted },
  };
  const indexAxis = { ...categoryAxis(theme, !horizontal), stacked: true };
  return {
    type: 'bar',
    data: { labels: horizontal ? series.labels.map((label) => wrap(label, theme.narrow ? 16 : 32)) : series.labels, datasets },
    options: {
      ...base,
      indexAxis: horizontal ? 'y' : 'x',
      layout: { padding: horizontal ? { top: 8, right: 48, left: 4, bottom: 4 } : { top: 26, right: 8, left: 4, bottom: 4 } },
      scales: horizontal ? { x: countAxis, y: indexAxis } : { x: indexAxis, y: countAxis },
      plugins: {
        ...base.plugins,
        legend: { ...base.plugins.legend, labels: { ...base.plugins.legend.labels, generateLabels: () => items.map((item) => ({ ...item, fontColor: theme.text })) } },
        svcTarget: { value: null, label: '', color: theme.text, surface: theme.surface, font: theme.fontFamily },
        svcLabels: { color: theme.text, halo: theme.surface, font: theme.fontFamily, totals: series.totals.map((total) => formatInteger(total, t)) },
      },
    },
  } as unknown as ChartConfiguration;
}

/** What a configuration needs besides the model. */
export interface DrawOptions {
  /** The confidence level of the intervals (for the legend). */
  confidence: number;
  /** Called when the entry animation ends (not called without animation). */
  onComplete: () => void;
}

/** The chart.js configuration of a model (null when there is nothing to draw). */
export function chartConfig(model: ChartModel, theme: ChartTheme, t: DashboardMessages, draw: DrawOptions): ChartConfiguration | null {
  const series = model.series;
  if (!series) return null;
  const config =
    series.type === 'rates'
      ? ratesConfig(model, series, theme, t, draw)
      : series.type === 'trend'
        ? trendConfig(model, series, theme, t, draw)
        : stackConfig(model, series, theme, t, draw);
  config.plugins = PLUGINS;
  return config;
}
