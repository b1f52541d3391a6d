/**
 * Time-zone bucketing: which day, ISO week, month, quarter or year an instant falls in, on the
 * wall clock of an IANA time zone. One implementation for the browser, the worker and the
 * collector, so that every part of the system puts a record in the same period.
 *
 * Fast path: the zone's UTC offset is looked up once per 6-hour block of UTC time with
 * `Intl.DateTimeFormat` (and cached); a block in which the offset changes (a DST switch, a zone
 * moving to another offset) is searched to the second for the exact switch. The calendar is then
 * plain integer arithmetic on day numbers, and the key string of each local day is cached.
 */

/** How records are split in time. `all` keeps everything in one period. */
export type Period = 'all' | 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Every period, from the coarsest split to the finest. */
export const PERIODS: readonly Period[] = Object.freeze(['all', 'year', 'quarter', 'month', 'week', 'day']);

/** The shape of each period's key, e.g. `2026-03-05`, `2026-W09`, `2026-03`, `2026-Q1`, `2026`, `all`. */
export const PERIOD_KEY_PATTERNS: Readonly<Record<Period, RegExp>> = Object.freeze({
  all: /^all$/,
  day: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  week: /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarter: /^\d{4}-Q[1-4]$/,
  year: /^\d{4}$/,
});

const SECOND = 1000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Length of a block of UTC time over which the offset is assumed to change at most once. */
const BLOCK = 6 * HOUR;
/** Caches are dropped when they grow past this many entries (centuries of data). */
const CACHE_LIMIT = 500_000;

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). Howard Hinnant's
 * `days_from_civil`, exact for every year a JavaScript Date can hold.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date `[year, month 1–12, day 1–31]` of a day number (inverse of {@link daysFromCivil}). */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function twoDigits(code: string, at: number): number {
  const a = code.charCodeAt(at) - 48;
  const b = code.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Epoch milliseconds of an ISO 8601 instant such as `2026-03-05T08:30:00.000Z` or
 * `2026-03-05T15:30+07:00` (the forms `validateRecord` accepts: a date, a time with at least hours
 * and minutes, and `Z` or an offset), or `NaN` for anything else, including impossible dates such
 * as 2026-02-30. Date-only and offset-less strings are refused on purpose: `Date.parse` reads them
 * in the runtime's own zone, which would make results depend on the machine.
 */
export function parseInstant(value: string): number {
  if (typeof value !== 'string') return NaN;
  const n = value.length;
  // Fast path for what browsers write (`toISOString`): YYYY-MM-DDTHH:MM:SS.sssZ.
  if (n === 24 && value.charCodeAt(23) === 90 && value.charCodeAt(19) === 46) {
    const fast = parseToIsoString(value);
    if (fast === fast) return fast;
  }
  if (n < 17 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45 || value.charCodeAt(10) !== 84 || value.charCodeAt(13) !== 58) {
    return NaN;
  }
  const y1 = twoDigits(value, 0);
  const y2 = twoDigits(value, 2);
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  const hour = twoDigits(value, 11);
  const minute = twoDigits(value, 14);
  if (y1 < 0 || y2 < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  const year = y1 * 100 + y2;
  if (day > (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month]!)) return NaN;
  let at = 16;
  let second = 0;
  let millis = 0;
  if (value.charCodeAt(at) === 58) {
    second = twoDigits(value, at + 1);
    if (second < 0 || second > 59) return NaN;
    at += 3;
    if (value.charCodeAt(at) === 46) {
      at++;
      const start = at;
      let scale = 100;
      while (at < n) {
        const digit = value.charCodeAt(at) - 48;
        if (digit < 0 || digit > 9) break;
        if (scale >= 1) millis += digit * scale;
        scale /= 10;
        at++;
      }
      if (at === start || at - start > 9) return NaN;
    }
  }
  let offset = 0;
  const sign = value.charCodeAt(at);
  if (sign === 90 /* Z */) {
    if (at + 1 !== n) return NaN;
  } else if (sign === 43 || sign === 45) {
    const oh = twoDigits(value, at + 1);
    const colon = value.charCodeAt(at + 3) === 58 ? 1 : 0;
    const om = twoDigits(value, at + 3 + colon);
    if (oh < 0 || om < 0 || om > 59 || at + 5 + colon !== n) return NaN;
    offset = (sign === 45 ? -1 : 1) * (oh * HOUR + om * 60_000);
  } else {
    return NaN;
  }
  return daysFromCivil(year, month, day) * DAY + hour * HOUR + minute * 60_000 + second * SECOND + millis - offset;
}

/** Cumulative days before each month (1-based) in a common year. */
const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** `YYYY-MM-DDTHH:MM:SS.sssZ` with every character checked; NaN when anything is off. */
function parseToIsoString(v: string): number {
  // Each digit minus 48; an out-of-range character makes a value out of its range below.
  const d0 = v.charCodeAt(0) - 48, d1 = v.charCodeAt(1) - 48, d2 = v.charCodeAt(2) - 48, d3 = v.charCodeAt(3) - 48;
  const m0 = v.charCodeAt(5) - 48, m1 = v.charCodeAt(6) - 48, a0 = v.charCodeAt(8) - 48, a1 = v.charCodeAt(9) - 48;
  const h0 = v.charCodeAt(11) - 48, h1 = v.charCodeAt(12) - 48, i0 = v.charCodeAt(14) - 48, i1 = v.charCodeAt(15) - 48;
  const s0 = v.charCodeAt(17) - 48, s1 = v.charCodeAt(18) - 48, f0 = v.charCodeAt(20) - 48, f1 = v.charCodeAt(21) - 48, f2 = v.charCodeAt(22) - 48;
  if (
    ((d0 | d1 | d2 | d3 | m0 | m1 | a0 | a1 | h0 | h1 | i0 | i1 | s0 | s1 | f0 | f1 | f2) & ~15) !== 0 ||
    d0 > 9 || d1 > 9 || d2 > 9 || d3 > 9 || m1 > 9 || a1 > 9 || h1 > 9 || i1 > 9 || s1 > 9 || f0 > 9 || f1 > 9 || f2 > 9 ||
    v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45 || v.charCodeAt(10) !== 84 || v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58
  ) {
    return NaN;
  }
  const year = d0 * 1000 + d1 * 100 + d2 * 10 + d3;
  const month = m0 * 10 + m1;
  const day = a0 * 10 + a1;
  const hour = h0 * 10 + h1;
  const minute = i0 * 10 + i1;
  const second = s0 * 10 + s1;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return NaN;
  const leap = (year & 3) === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month]!)) return NaN;
  // Days since 1970-01-01 (year ≥ 1 here: four digits).
  const y = year - 1;
  const days = y * 365 + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 719162 + DAYS_BEFORE_MONTH[month]! + (leap && month > 2 ? 1 : 0) + day - 1;
  return days * DAY + hour * HOUR + minute * 60_000 + second * SECOND + f0 * 100 + f1 * 10 + f2;
}

/** A time zone checked by `Intl`: the name as the caller spelled it and the runtime's canonical id. */
export interface ResolvedTimeZone {
  /** The name given (trimmed), or the runtime's own zone when none was given. */
  name: string;
  /** The runtime's canonical id (`Asia/Ho_Chi_Minh` may resolve to `Asia/Saigon`). */
  canonical: string;
}

/** The runtime's own IANA time zone (`UTC` when it has none). */
export function runtimeTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const resolvedZones = new Map<string, ResolvedTimeZone>();

/**
 * Checks an IANA time zone name; `undefined` means the runtime's own zone.
 * @throws RangeError naming the zone when the runtime does not know it.
 */
export function resolveTimeZone(timeZone?: string): ResolvedTimeZone {
  const name = timeZone === undefined ? runtimeTimeZone() : typeof timeZone === 'string' ? timeZone.trim() : '';
  let zone = resolvedZones.get(name);
  if (zone) return zone;
  let canonical: string;
  try {
    if (name === '') throw new RangeError('empty');
    canonical = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    throw new RangeError(`Unknown time zone ${JSON.stringify(timeZone)}: use an IANA name such as "Asia/Ho_Chi_Minh".`);
  }
  zone = Object.freeze({ name, canonical });
  resolvedZones.set(name, zone);
  return zone;
}

/** An offset switch inside a block: `before` until `at` (exclusive), `after` from it. */
interface Switch {
  at: number;
  before: number;
  after: number;
}

/** UTC offsets of one zone, cached per block of UTC time. */
class ZoneOffsets {
  private readonly fixedUtc: boolean;
  private readonly format: Intl.DateTimeFormat;
  private readonly exact = new Map<number, number>();
  private readonly blocks = new Map<number, number | Switch>();

  constructor(canonical: string) {
    this.fixedUtc = canonical === 'UTC' || canonical === 'Etc/UTC' || canonical === 'GMT' || canonical === 'Etc/GMT';
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: canonical,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Local minus UTC, in milliseconds, at an instant. */
  offset(ms: number): number {
    if (this.fixedUtc) return 0;
    const index = Math.floor(ms / BLOCK);
    let entry = this.blocks.get(index);
    if (entry === undefined) entry = this.fill(index);
    if (typeof entry === 'number') return entry;
    return ms < entry.at ? entry.before : entry.after;
  }

  private fill(index: number): number | Switch {
    if (this.blocks.size > CACHE_LIMIT) this.blocks.clear();
    const start = index * BLOCK;
    const before = this.exactAt(start);
    const after = this.exactAt(start + BLOCK);
    let entry: number | Switch = before;
    if (before !== after) {
      // Binary search, in whole seconds, for the first instant that has the new offset.
      let lo = start / SECOND;
      let hi = (start + BLOCK) / SECOND;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (this.exactAt(mid * SECOND) === before) lo = mid;
        else hi = mid;
      }
      entry = { at: hi * SECOND, before, after };
    }
    this.blocks.set(index, entry);
    return entry;
  }

  /** The offset from `Intl`, to the second, at a whole second. */
  private exactAt(ms: number): number {
    const cached = this.exact.get(ms);
    if (cached !== undefined) return cached;
    if (this.exact.size > CACHE_LIMIT) this.exact.clear();
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let bc = false;
    for (const part of this.format.formatToParts(ms)) {
      switch (part.type) {
        case 'year':
          year = Number(part.value);
          break;
        case 'month':
          month = Number(part.value);
          break;
        case 'day':
          day = Number(part.value);
          break;
        case 'hour':
          hour = Number(part.value);
          break;
        case 'minute':
          minute = Number(part.value);
          break;
        case 'second':
          second = Number(part.value);
          break;
        case 'era':
          bc = /^B/i.test(part.value);
          break;
        default:
          break;
      }
    }
    if (bc) year = 1 - year;
    const wall = daysFromCivil(year, month, day) * DAY + hour * HOUR + minute * 60_000 + second * SECOND;
    const offset = wall - Math.floor(ms / SECOND) * SECOND;
    this.exact.set(ms, offset);
    return offset;
  }
}

const zones = new Map<string, ZoneOffsets>();

function zoneOffsets(canonical: string): ZoneOffsets {
  let zone = zones.get(canonical);
  if (!zone) {
    zone = new ZoneOffsets(canonical);
    zones.set(canonical, zone);
  }
  return zone;
}

/**
 * The offset of a time zone from UTC at an instant, in milliseconds (`+25_200_000` for
 * Asia/Ho_Chi_Minh; negative west of Greenwich). Cached; exact to the second.
 */
export function timeZoneOffset(instantMs: number, timeZone?: string): number {
  return zoneOffsets(resolveTimeZone(timeZone).canonical).offset(instantMs);
}

function pad(value: number, width: number): string {
  const text = String(Math.abs(value));
  const padded = text.length >= width ? text : '0'.repeat(width - text.length) + text;
  return value < 0 ? `-${padded}` : padded;
}

/** The key of a local day number (days since 1970-01-01 on the zone's wall clock). */
export function periodKeyOfDay(localDay: number, period: Period): string {
  if (period === 'all') return 'all';
  if (period === 'week') {
    // ISO 8601: weeks start on Monday; a week belongs to the year of its Thursday.
    const weekday = (((localDay + 3) % 7) + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
    const thursday = localDay - weekday + 3;
    const [isoYear] = civilFromDays(thursday);
    const week = Math.floor((thursday - daysFromCivil(isoYear, 1, 1)) / 7) + 1;
    return `${pad(isoYear, 4)}-W${pad(week, 2)}`;
  }
  const [year, month, day] = civilFromDays(localDay);
  switch (period) {
    case 'day':
      return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
    case 'month':
      return `${pad(year, 4)}-${pad(month, 2)}`;
    case 'quarter':
      return `${pad(year, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
    case 'year':
      return pad(year, 4);
    default:
      throw new RangeError(`Unknown period ${JSON.stringify(period)}: use one of ${PERIODS.join(', ')}.`);
  }
}

/** Checks a period name. @throws RangeError listing the valid ones. */
export function checkPeriod(period: unknown): Period {
  if (!PERIODS.includes(period as Period)) {
    throw new RangeError(`Unknown period ${JSON.stringify(period)}: use one of ${PERIODS.join(', ')}.`);
  }
  return period as Period;
}

/**
 * A fast function from epoch milliseconds to the period key in a time zone, for loops over many
 * instants (it keeps its own cache of day keys). `NaN` gives `undefined`.
 * @param period the split; `all` always gives `"all"`.
 * @param timeZone IANA name; default the runtime's own zone.
 */
export function periodKeyer(period: Period, timeZone?: string): (instantMs: number) => string | undefined {
  checkPeriod(period);
  const offsets = zoneOffsets(resolveTimeZone(timeZone).canonical);
  if (period === 'all') return (ms) => (ms === ms ? 'all' : undefined);
  const keys = new Map<number, string>();
  return (ms) => {
    if (ms !== ms) return undefined;
    const localDay = Math.floor((ms + offsets.offset(ms)) / DAY);
    let key = keys.get(localDay);
    if (key === undefined) {
      if (keys.size > CACHE_LIMIT) keys.clear();
      key = periodKeyOfDay(localDay, period);
      keys.set(localDay, key);
    }
    return key;
  };
}

const sharedKeyers = new Map<string, (instantMs: number) => string | undefined>();

/**
 * The period an instant falls in, on the wall clock of `timeZone`: `2026-03-05` (day),
 * `2026-W09` (ISO week), `2026-03` (month), `2026-Q1` (quarter), `2026` (year) or `all`.
 * This is the bucketing of `summarize`; the collector and the dashboard use it too.
 *
 * @example periodKey('2026-03-31T20:00:00Z', 'quarter', 'Asia/Ho_Chi_Minh') // "2026-Q2"
 * @param instant epoch milliseconds, a `Date`, or an ISO 8601 instant with `Z` or an offset.
 * @param period the split.
 * @param timeZone IANA name; default the runtime's own zone.
 * @throws RangeError for an invalid instant, period or time zone.
 */
export function periodKey(instant: number | string | Date, period: Period, timeZone?: string): string {
  const ms = typeof instant === 'number' ? instant : typeof instant === 'string' ? parseInstant(instant) : instant.getTime();
  const zone = timeZone === undefined ? runtimeTimeZone() : timeZone;
  const id = `${period}\u0000${zone}`;
  let keyer = sharedKeyers.get(id);
  if (!keyer) {
    keyer = periodKeyer(period, zone);
    sharedKeyers.set(id, keyer);
  }
  const key = keyer(ms);
  if (key === undefined) throw new RangeError(`Not a valid instant: ${JSON.stringify(instant)}.`);
  return key;
}
