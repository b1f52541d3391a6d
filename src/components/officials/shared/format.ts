/**
 * How numbers, periods and groups read in the dashboard's tables, captions and labels. Tables
 * and tests format `report()` values with these same functions, so "the table equals the
 * report" can be checked cell by cell.
 */
import type { GroupField, GroupKey, ReportRow } from '../../../analytics/index.js';
import type { DashboardMessages } from './messages.js';

const GROUP_ORDER: readonly GroupField[] = ['agency', 'unit', 'service', 'officer', 'channel'];

const percentFormats = new Map<string, Intl.NumberFormat>();
const integerFormats = new Map<string, Intl.NumberFormat>();

/** A share as a percentage with one decimal (`85,3 %` in vi, `85.3%` in en); `—` for null. */
export function formatPercent(value: number | null | undefined, t: DashboardMessages, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const id = `${t.numberLocale}/${digits}`;
  let format = percentFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(t.numberLocale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
    percentFormats.set(id, format);
  }
  return format.format(value);
}

/** A target or confidence as a short percentage: `80 %`, `95 %` (decimals only when needed). */
export function formatShare(value: number, t: DashboardMessages): string {
  const digits = Math.round(value * 1000) % 10 !== 0 ? 1 : 0;
  return formatPercent(value, t, digits);
}

/** A count with the locale's grouping (`1.234` in vi, `1,234` in en). */
export function formatInteger(value: number | null | undefined, t: DashboardMessages): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  let format = integerFormats.get(t.numberLocale);
  if (!format) {
    format = new Intl.NumberFormat(t.numberLocale, { maximumFractionDigits: 0 });
    integerFormats.set(t.numberLocale, format);
  }
  return format.format(value);
}

/** An interval as `78,1 – 91,0 %` style text (each bound formatted as a percentage); `—` for null. */
export function formatInterval(ci: readonly [number, number] | null | undefined, t: DashboardMessages): string {
  if (!ci) return '—';
  return `${formatPercent(ci[0], t)} – ${formatPercent(ci[1], t)}`;
}

/** A byte count as KB / MB for progress text. */
export function formatBytes(bytes: number, t: DashboardMessages): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(t.numberLocale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

/** A period key as people read it: `2026-Q1` → "Quý 1/2026" / "Q1 2026". Unknown shapes are shown as they are. */
export function formatPeriod(period: string, t: DashboardMessages): string {
  if (period === 'all') return t.periodAll;
  let match = /^(\d{4})-Q([1-4])$/.exec(period);
  if (match) return t.periodQuarter(match[2]!, match[1]!);
  match = /^(\d{4})-(\d{2})$/.exec(period);
  if (match) return t.periodMonth(Number(match[2]), match[1]!);
  match = /^(\d{4})-W(\d{2})$/.exec(period);
  if (match) return t.periodWeek(String(Number(match[2])), match[1]!);
  match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (match) {
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return new Intl.DateTimeFormat(t.numberLocale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  if (/^\d{4}$/.test(period)) return t.periodYear(period);
  return period;
}

/** Display names for codes (`{ "mot-cua": "Bộ phận Một cửa" }`), as the `labels` property gives them. */
export type Labels = Readonly<Record<string, string>>;

/** The value of one group field as shown: its label, the channel's name, or "(not recorded)". */
export function formatGroupValue(field: GroupField, value: string | null | undefined, t: DashboardMessages, labels: Labels = {}): string {
  if (value === null || value === undefined) return t.noValue;
  if (Object.prototype.hasOwnProperty.call(labels, value)) return labels[value]!;
  if (field === 'channel' && Object.prototype.hasOwnProperty.call(t.channel, value)) return t.channel[value]!;
  return value;
}

/** The group fields present in a key, in CONTRACT order. */
export function groupFieldsOf(key: GroupKey): GroupField[] {
  return GROUP_ORDER.filter((field) => field in key);
}

/**
 * What tells rows apart, for labels: the group fields whose value differs between rows (all
 * group fields when there is a single row), and whether the period differs.
 */
export function varyingParts(rows: readonly ReportRow[], hidden: readonly GroupField[] = []): { fields: GroupField[]; period: boolean } {
  const first = rows[0];
  if (!first) return { fields: [], period: false };
  const fields = groupFieldsOf(first.key).filter((field) => !hidden.includes(field));
  const varying = rows.length === 1 ? fields : fields.filter((field) => rows.some((row) => (row.key[field] ?? null) !== (first.key[field] ?? null)));
  const period = rows.some((row) => row.key.period !== first.key.period);
  return { fields: varying, period };
}

/** The label of a row: its varying group values, then its period when periods vary. */
export function rowLabel(row: ReportRow, parts: { fields: readonly GroupField[]; period: boolean }, t: DashboardMessages, labels: Labels = {}): string {
  const pieces = parts.fields.map((field) => formatGroupValue(field, row.key[field], t, labels));
  if (parts.period || pieces.length === 0) pieces.push(formatPeriod(row.key.period, t));
  return pieces.join(' · ');
}

/** The one period all rows share, or null. */
export function sharedPeriod(rows: readonly ReportRow[]): string | null {
  const first = rows[0]?.key.period;
  return first !== undefined && rows.every((row) => row.key.period === first) ? first : null;
}
