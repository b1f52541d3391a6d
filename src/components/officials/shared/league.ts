/**
 * The league table's order: groups ranked by the lower bound of their satisfaction interval
 * (then the rate), so that a unit with few ratings does not rise on luck; small samples and
 * groups without ratings are kept apart and not ranked. Only orders rows; computes nothing.
 */
import { compareKeys, type GroupField, type ReportRow } from '../../../analytics/index.js';

export type LeagueColumn = 'rank' | 'group' | 'period' | 'ratings' | 'satisfaction' | 'complaints' | 'onTime';

export interface LeagueSort {
  column: LeagueColumn;
  descending: boolean;
}

export interface League {
  /** Ranked rows, in the order shown, with their rank (by confidence, whatever the sort). */
  ranked: Array<{ row: ReportRow; rank: number }>;
  /** Small samples and rows without ratings: shown apart, not ranked. */
  apart: ReportRow[];
}

/** The rank order: CI lower bound, then rate, descending; then key order. */
export function byConfidence(groupBy: readonly GroupField[]) {
  return (a: ReportRow, b: ReportRow): number =>
    (b.satisfactionCI?.[0] ?? -1) - (a.satisfactionCI?.[0] ?? -1) ||
    (b.satisfactionRate ?? -1) - (a.satisfactionRate ?? -1) ||
    compareKeys(a.key, b.key, groupBy);
}

function value(row: ReportRow, column: LeagueColumn): number | null {
  switch (column) {
    case 'ratings':
      return row.ratings;
    case 'satisfaction':
      return row.satisfactionRate;
    case 'complaints':
      return row.complaints;
    case 'onTime':
      return row.onTimeRate;
    default:
      return null;
  }
}

/** Ranks rows and orders them as `sort` says (ranked and apart rows each among themselves). */
export function league(rows: readonly ReportRow[], groupBy: readonly GroupField[], sort: LeagueSort): League {
  const rankable = rows.filter((row) => !row.lowSample && row.satisfactionCI !== null);
  const apart = rows.filter((row) => row.lowSample || row.satisfactionCI === null);
  const order = byConfidence(groupBy);
  const ranked = [...rankable].sort(order).map((row, index) => ({ row, rank: index + 1 }));
  const keyOrder = (a: ReportRow, b: ReportRow) => compareKeys(a.key, b.key, groupBy);
  let compare: (a: ReportRow, b: ReportRow) => number;
  if (sort.column === 'rank') compare = order;
  else if (sort.column === 'group') compare = keyOrder;
  else if (sort.column === 'period') compare = (a, b) => (a.key.period < b.key.period ? -1 : a.key.period > b.key.period ? 1 : keyOrder(a, b));
  else {
    compare = (a, b) => {
      const x = value(a, sort.column);
      const y = value(b, sort.column);
      // Rows without a value go last either way.
      if (x === null || y === null) return x === y ? keyOrder(a, b) : x === null ? 1 : -1;
      return x - y || keyOrder(a, b);
    };
  }
  const direction = (a: ReportRow, b: ReportRow) => {
    const result = compare(a, b);
    if (sort.column !== 'rank' && ['ratings', 'satisfaction', 'complaints', 'onTime'].includes(sort.column)) {
      const x = value(a, sort.column);
      const y = value(b, sort.column);
      if (x === null || y === null) return result;
    }
    return sort.descending ? -result : result;
  };
  ranked.sort((a, b) => direction(a.row, b.row));
  const sortedApart = [...apart].sort(sort.column === 'rank' ? (a, b) => (b.ratings - a.ratings) || keyOrder(a, b) : direction);
  return { ranked, apart: sortedApart };
}
