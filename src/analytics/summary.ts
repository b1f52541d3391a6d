/**
 * The Summary: plain counters per group and period, computed in one pass over records, merged
 * from shards, and exchanged as JSON between the browser, the worker and the collector (which
 * builds the same counters with SQL `GROUP BY`). `report()` turns it into rates and intervals.
 */
import type { FeedbackRecord } from '../core/record.js';
import { isSatisfied } from '../core/record.js';
import { PERIOD_KEY_PATTERNS, checkPeriod, parseInstant, periodKeyer, resolveTimeZone, type Period } from './period.js';

/** The Summary format this library writes and reads. */
export const SUMMARY_VERSION = 1;

/** The question set of answers given without a `questionSet`. */
export const CUSTOM_SET = 'custom';

/** Record fields that rows may be grouped by. */
export type GroupField = 'agency' | 'unit' | 'service' | 'officer' | 'channel';

/** Every field `groupBy` accepts. */
export const GROUP_FIELDS: readonly GroupField[] = Object.freeze(['agency', 'unit', 'service', 'officer', 'channel']);

/** How to split records into groups. */
export interface SummarizeOptions {
  /** Fields to group by, in the order rows are sorted; default none (one group per period). */
  groupBy?: readonly GroupField[];
  /** Split in time; default `all`. */
  period?: Period;
  /** IANA time zone whose wall clock decides the period; default the runtime's own. */
  timeZone?: string;
  /**
   * Count flagged and suspect ratings (CONTRACT §7) like the others; default false: they are
   * counted only in `flaggedRatings`. Recorded in the Summary (summaries merge only with the same).
   */
  includeFlagged?: boolean;
}

/**
 * Which group and period a row is about: every `groupBy` field (`null` where a record has none)
 * and `period` (`all` when not split), e.g. `{ unit: "mot-cua", period: "2026-Q1" }`.
 */
export interface GroupKey {
  agency?: string | null;
  unit?: string | null;
  service?: string | null;
  officer?: string | null;
  channel?: string | null;
  /** `all`, `2026`, `2026-Q1`, `2026-03`, `2026-W09` or `2026-03-05`. */
  period: string;
}

/**
 * The counters of one group: everything `report()` needs, and nothing SQL cannot count. Counts
 * that are zero are left out (an empty object is fine).
 */
export interface GroupStats {
  /** Ratings per scale, then per score: `{ "5": { "4": 12, "5": 30 }, "3": { "2": 7 } }`. */
  scores: Record<string, Record<string, number>>;
  /** Answers per standard id: how many said it was kept (`yes`) or not (`no`). */
  standards: Record<string, { yes: number; no: number }>;
  /** Complaints per category. */
  complaintsByCategory: Record<string, number>;
  /** Cases resolved at or before their `dueAt`. */
  casesOnTime: number;
  /** Cases resolved after their `dueAt`. */
  casesResolvedLate: number;
  /**
   * Cases not yet resolved, counted per due time (ISO 8601 UTC, e.g. `2026-04-01T17:00:00.000Z`),
   * so that `report()` can tell pending from late at its own `asOf`. When building stats, epoch
   * milliseconds (`"1775062800000"`) and ISO instants with an offset are accepted too.
   */
  casesOpenByDue: Record<string, number>;
  /** Verified ratings (`verified: true`, set by the collector) per scale and score, like `scores`. */
  verifiedScores: Record<string, Record<string, number>>;
  /** Ratings carrying `flag` or `suspect` (counted here whether or not `includeFlagged`). */
  flaggedRatings: number;
  /** Ratings of a complaint's handling (`about: "complaint"`): never in `scores`. */
  complaintRatings: number;
  /** Answers per question set, question and value: `{ sipas: { access: { "4": 3, "5": 9 } } }`. */
  answers: Record<string, Record<string, Record<string, number>>>;
  /** Complaints closed (resolved or rejected) at or before their `dueAt`. */
  complaintsOnTime: number;
  /** Complaints closed after their `dueAt`. */
  complaintsResolvedLate: number;
  /** Open complaints per due time, like `casesOpenByDue` (complaints without `dueAt` are not here). */
  complaintsOpenByDue: Record<string, number>;
  /** Cases linked to an unsatisfied verified rating or to a complaint (see {@link Summary.dissatisfied}). */
  casesDissatisfied: number;
  /**
   * Keys (`agency` U+001F `id`) of the group's cases not (yet) so linked, sorted: a case and the
   * record that names it may sit in different shards, and merging links them then.
   */
  caseKeys: string[];
  /** Complaints whose handling was rated unsatisfied. */
  complaintsDissatisfied: number;
  /** Tracking codes of the group's complaints not (yet) rated unsatisfied, sorted. */
  complaintKeys: string[];
}

/**
 * What makes a case or complaint count against its unit, wherever in the Summary's records it
 * was found (any group, any period): the case is counted in its own group and period.
 */
export interface Dissatisfaction {
  /** Keys (`agency` U+001F `caseId`) named by an unsatisfied verified rating or by a complaint, sorted. */
  cases: string[];
  /** Tracking codes of complaints whose handling was rated unsatisfied (verified), sorted. */
  complaints: string[];
}

/** One group of a Summary. */
export interface SummaryGroup {
  key: GroupKey;
  stats: GroupStats;
}

/**
 * Mergeable counters of records, per group and period (plain JSON, see the README). Groups are
 * sorted like report rows and only exist where there was at least one record.
 */
export interface Summary {
  /** Format version, {@link SUMMARY_VERSION}. */
  version: 1;
  groupBy: GroupField[];
  period: Period;
  /** The IANA zone the periods were cut in. */
  timeZone: string;
  /** Whether flagged and suspect ratings are counted like the others (false when absent). */
  includeFlagged?: boolean;
  /**
   * Records that could not be counted (unknown kind, unreadable time, score out of range…);
   * never dropped silently. Records from `parseRecords` are validated and never land here.
   */
  skipped: number;
  groups: SummaryGroup[];
  /** Links found in the records (absent in summaries of older versions: none). */
  dissatisfied?: Dissatisfaction;
}

/** Counts records into a Summary one at a time (what `summarize` does in a loop). */
export interface Summarizer {
  /** Counts one record; returns false (and counts it in `skipped`) when it cannot be counted. */
  add(record: unknown): boolean;
  /** Records given to `add`. */
  readonly records: number;
  /** Records that could not be counted. */
  readonly skipped: number;
  /** The Summary of everything added so far (a fresh object each call). */
  summary(): Summary;
}

/** Sets an own enumerable property, even for a key such as `__proto__`. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The separator of a case key, `agency` U+001F `caseId`: a control character no valid record holds. */
export const CASE_KEY_SEPARATOR = '\u001f';

/** The key that links a case (`agency`, `id`) to the ratings and complaints naming it (`agency`, `caseId`). */
export function caseKey(agency: string, caseId: string): string {
  return agency + CASE_KEY_SEPARATOR + caseId;
}

/** Adds `n` to a counter of a Map. */
function bump<K>(map: Map<K, number>, key: K, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** Mutable counters of one group. */
class GroupCounters {
  readonly s3 = [0, 0, 0, 0];
  readonly s5 = [0, 0, 0, 0, 0, 0];
  readonly v3 = [0, 0, 0, 0];
  readonly v5 = [0, 0, 0, 0, 0, 0];
  readonly standards = new Map<string, [number, number]>();
  /** Question set → question → value → count. */
  readonly answers = new Map<string, Map<string, Map<string, number>>>();
  readonly categories = new Map<string, number>();
  onTime = 0;
  resolvedLate = 0;
  readonly open = new Map<number, number>();
  flagged = 0;
  complaintRatings = 0;
  complaintsOnTime = 0;
  complaintsResolvedLate = 0;
  readonly complaintsOpen = new Map<number, number>();
  casesDissatisfied = 0;
  caseKeys: string[] = [];
  complaintsDissatisfied = 0;
  complaintKeys: string[] = [];

  constructor(readonly key: GroupKey) {}

  answer(id: string, kept: boolean): void {
    let counts = this.standards.get(id);
    if (counts === undefined) {
      counts = [0, 0];
      this.standards.set(id, counts);
    }
    counts[kept ? 0 : 1]!++;
  }

  /** Counts one answer to a question of a set; `value` is already in its text form. */
  questionAnswer(set: string, question: string, value: string, n = 1): void {
    let questions = this.answers.get(set);
    if (questions === undefined) this.answers.set(set, (questions = new Map()));
    let values = questions.get(question);
    if (values === undefined) questions.set(question, (values = new Map()));
    bump(values, value, n);
  }

  /** Moves the keys found among the dissatisfied into the dissatisfied counts. */
  link(cases: ReadonlySet<string>, complaints: ReadonlySet<string>): void {
    if (cases.size > 0 && this.caseKeys.length > 0) {
      const kept = this.caseKeys.filter((key) => !cases.has(key));
      this.casesDissatisfied += this.caseKeys.length - kept.length;
      this.caseKeys = kept;
    }
    if (complaints.size > 0 && this.complaintKeys.length > 0) {
      const kept = this.complaintKeys.filter((key) => !complaints.has(key));
      this.complaintsDissatisfied += this.complaintKeys.length - kept.length;
      this.complaintKeys = kept;
    }
  }

  /** Adds stats read from JSON or SQL, checking every counter. */
  addStats(stats: Partial<GroupStats>, where: string): void {
    if (!isObject(stats)) throw new TypeError(`${where}.stats must be an object of counters.`);
    addScores(stats.scores, this.s3, this.s5, `${where}.stats.scores`);
    addScores(stats.verifiedScores, this.v3, this.v5, `${where}.stats.verifiedScores`);
    const standards = objectOrEmpty(stats.standards, `${where}.stats.standards`);
    for (const id of Object.keys(standards)) {
      const answers = standards[id];
      const path = `${where}.stats.standards.${id}`;
      if (!isObject(answers)) throw new TypeError(`${path} must be { yes, no }.`);
      const yes = count(answers['yes'] ?? 0, `${path}.yes`);
      const no = count(answers['no'] ?? 0, `${path}.no`);
      if (yes + no === 0) continue;
      const counts = this.standards.get(id);
      if (counts) {
        counts[0] += yes;
        counts[1] += no;
      } else {
        this.standards.set(id, [yes, no]);
      }
    }
    const sets = objectOrEmpty(stats.answers, `${where}.stats.answers`);
    for (const set of Object.keys(sets)) {
      const questions = objectOrEmpty(sets[set], `${where}.stats.answers.${set}`);
      for (const question of Object.keys(questions)) {
        const values = objectOrEmpty(questions[question], `${where}.stats.answers.${set}.${question}`);
        for (const value of Object.keys(values)) {
          const n = count(values[value], `${where}.stats.answers.${set}.${question}.${value}`);
          if (n > 0) this.questionAnswer(set, question, value, n);
        }
      }
    }
    const categories = objectOrEmpty(stats.complaintsByCategory, `${where}.stats.complaintsByCategory`);
    for (const category of Object.keys(categories)) {
      const n = count(categories[category], `${where}.stats.complaintsByCategory.${category}`);
      if (n > 0) this.categories.set(category, (this.categories.get(category) ?? 0) + n);
    }
    this.onTime += count(stats.casesOnTime ?? 0, `${where}.stats.casesOnTime`);
    this.resolvedLate += count(stats.casesResolvedLate ?? 0, `${where}.stats.casesResolvedLate`);
    addByDue(stats.casesOpenByDue, this.open, `${where}.stats.casesOpenByDue`);
    this.flagged += count(stats.flaggedRatings ?? 0, `${where}.stats.flaggedRatings`);
    this.complaintRatings += count(stats.complaintRatings ?? 0, `${where}.stats.complaintRatings`);
    this.complaintsOnTime += count(stats.complaintsOnTime ?? 0, `${where}.stats.complaintsOnTime`);
    this.complaintsResolvedLate += count(stats.complaintsResolvedLate ?? 0, `${where}.stats.complaintsResolvedLate`);
    addByDue(stats.complaintsOpenByDue, this.complaintsOpen, `${where}.stats.complaintsOpenByDue`);
    this.casesDissatisfied += count(stats.casesDissatisfied ?? 0, `${where}.stats.casesDissatisfied`);
    this.complaintsDissatisfied += count(stats.complaintsDissatisfied ?? 0, `${where}.stats.complaintsDissatisfied`);
    for (const key of textList(stats.caseKeys, `${where}.stats.caseKeys`)) this.caseKeys.push(key);
    for (const key of textList(stats.complaintKeys, `${where}.stats.complaintKeys`)) this.complaintKeys.push(key);
  }

  /** The JSON form, with every map in a fixed order so equal counters give equal JSON. */
  toStats(): GroupStats {
    const answers: Record<string, Record<string, Record<string, number>>> = {};
    for (const set of [...this.answers.keys()].sort(byCodeUnit)) {
      const questions: Record<string, Record<string, number>> = {};
      const source = this.answers.get(set)!;
      for (const question of [...source.keys()].sort(byCodeUnit)) {
        const values: Record<string, number> = {};
        const counts = source.get(question)!;
        for (const value of [...counts.keys()].sort(byCodeUnit)) setOwn(values, value, counts.get(value));
        setOwn(questions, question, values);
      }
      setOwn(answers, set, questions);
    }
    const standards: Record<string, { yes: number; no: number }> = {};
    for (const id of [...this.standards.keys()].sort(byCodeUnit)) {
      const [yes, no] = this.standards.get(id)!;
      setOwn(standards, id, { yes, no });
    }
    const complaintsByCategory: Record<string, number> = {};
    for (const category of [...this.categories.keys()].sort(byCodeUnit)) {
      setOwn(complaintsByCategory, category, this.categories.get(category));
    }
    return {
      scores: scoresJson(this.s3, this.s5),
      standards,
      complaintsByCategory,
      casesOnTime: this.onTime,
      casesResolvedLate: this.resolvedLate,
      casesOpenByDue: byDueJson(this.open),
      verifiedScores: scoresJson(this.v3, this.v5),
      flaggedRatings: this.flagged,
      complaintRatings: this.complaintRatings,
      answers,
      complaintsOnTime: this.complaintsOnTime,
      complaintsResolvedLate: this.complaintsResolvedLate,
      complaintsOpenByDue: byDueJson(this.complaintsOpen),
      casesDissatisfied: this.casesDissatisfied,
      caseKeys: [...this.caseKeys].sort(byCodeUnit),
      complaintsDissatisfied: this.complaintsDissatisfied,
      complaintKeys: [...this.complaintKeys].sort(byCodeUnit),
    };
  }
}

function scoresJson(s3: readonly number[], s5: readonly number[]): Record<string, Record<string, number>> {
  const scores: Record<string, Record<string, number>> = {};
  for (const [scale, counts] of [['3', s3], ['5', s5]] as const) {
    let byScore: Record<string, number> | undefined;
    for (let score = 1; score < counts.length; score++) {
      if (counts[score]! > 0) (byScore ??= {})[String(score)] = counts[score]!;
    }
    if (byScore) scores[scale] = byScore;
  }
  return scores;
}

function byDueJson(open: ReadonlyMap<number, number>): Record<string, number> {
  const json: Record<string, number> = {};
  for (const due of [...open.keys()].sort((a, b) => a - b)) json[new Date(due).toISOString()] = open.get(due)!;
  return json;
}

function addScores(value: unknown, s3: number[], s5: number[], path: string): void {
  const scores = objectOrEmpty(value, path);
  for (const scale of Object.keys(scores)) {
    const counts = scale === '3' ? s3 : scale === '5' ? s5 : undefined;
    if (!counts) throw new TypeError(`${path}: scale must be "3" or "5", got ${JSON.stringify(scale)}.`);
    const byScore = objectOrEmpty(scores[scale], `${path}.${scale}`);
    for (const score of Object.keys(byScore)) {
      const n = Number(score);
      if (!/^[1-5]$/.test(score) || n > Number(scale)) {
        throw new TypeError(`${path}.${scale}: score must be 1 to ${scale}, got ${JSON.stringify(score)}.`);
      }
      counts[n]! += count(byScore[score], `${path}.${scale}.${score}`);
    }
  }
}

function addByDue(value: unknown, target: Map<number, number>, path: string): void {
  const open = objectOrEmpty(value, path);
  for (const due of Object.keys(open)) {
    const ms = /^-?\d+$/.test(due) ? Number(due) : parseInstant(due);
    if (!Number.isSafeInteger(ms)) {
      throw new TypeError(`${path}: ${JSON.stringify(due)} is not an ISO 8601 instant or epoch milliseconds.`);
    }
    const n = count(open[due], `${path}.${due}`);
    if (n > 0) bump(target, ms, n);
  }
}

function textList(value: unknown, path: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new TypeError(`${path} must be a list of text.`);
  return value as string[];
}

/**
 * An answer's text form, the same in SQL (`value #>> '{}'`): booleans `true`/`false`, whole
 * numbers in digits (below 10^15), text as is. Anything else is not counted (undefined).
 */
export function answerText(value: unknown): string | undefined {
  if (typeof value === 'boolean' || typeof value === 'string') return String(value);
  // Up to 15 digits: what SQL's pattern `^-?[0-9]{1,15}$` takes, and exact in a double.
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function objectOrEmpty(value: unknown, path: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw new TypeError(`${path} must be an object.`);
  return value;
}

function count(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  const hint = typeof value === 'string' ? ' (SQL drivers such as pg return counts as strings: convert them with Number())' : '';
  throw new TypeError(`${path} must be a whole number ≥ 0, got ${JSON.stringify(value)}${hint}.`);
}

/**
 * The map id of a group: the period, then each field as `\0-` (null) or `\0<length>:<value>`.
 * The encoding is prefix-free, so different keys never collide whatever the values hold.
 */
function groupId(period: string, values: ReadonlyArray<string | null>): string {
  let id = period;
  for (const value of values) id += value === null ? '\u0000-' : `\u0000${value.length}:${value}`;
  return id;
}

/**
 * Orders keys as report rows are ordered: by each `groupBy` field in `groupBy` order (`null`
 * first, then text by UTF-16 code units, which is the same everywhere), then by period
 * (chronological, since period keys sort as text).
 */
export function compareKeys(a: GroupKey, b: GroupKey, groupBy: readonly GroupField[]): number {
  for (const field of groupBy) {
    const x = a[field] ?? null;
    const y = b[field] ?? null;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    return x < y ? -1 : 1;
  }
  return byCodeUnit(a.period, b.period);
}

interface Header {
  groupBy: GroupField[];
  period: Period;
  timeZone: string;
  includeFlagged: boolean;
}

/** The dissatisfaction links of a Summary being built. */
interface Links {
  cases: Set<string>;
  complaints: Set<string>;
}

const noLinks = (): Links => ({ cases: new Set(), complaints: new Set() });

function checkOptions(options: SummarizeOptions | undefined): Header {
  if (options !== undefined && !isObject(options as unknown)) throw new TypeError('Options must be an object { groupBy, period, timeZone }.');
  const groupBy = options?.groupBy ?? [];
  if (!Array.isArray(groupBy)) throw new TypeError(`groupBy must be an array of ${GROUP_FIELDS.join(', ')}.`);
  const seen = new Set<string>();
  for (const field of groupBy) {
    if (!GROUP_FIELDS.includes(field)) {
      throw new RangeError(`Cannot group by ${JSON.stringify(field)}: use ${GROUP_FIELDS.join(', ')}.`);
    }
    if (seen.has(field)) throw new RangeError(`groupBy lists ${JSON.stringify(field)} twice.`);
    seen.add(field);
  }
  const period = checkPeriod(options?.period ?? 'all');
  const timeZone = resolveTimeZone(options?.timeZone).name;
  const includeFlagged = options?.includeFlagged ?? false;
  if (typeof includeFlagged !== 'boolean') throw new TypeError('includeFlagged must be true or false.');
  return { groupBy: [...groupBy], period, timeZone, includeFlagged };
}

function output(header: Header, groups: Map<string, GroupCounters>, skipped: number, links: Links): Summary {
  const sorted = [...groups.values()].sort((a, b) => compareKeys(a.key, b.key, header.groupBy));
  for (const group of sorted) group.link(links.cases, links.complaints);
  return {
    version: SUMMARY_VERSION,
    groupBy: [...header.groupBy],
    period: header.period,
    timeZone: header.timeZone,
    includeFlagged: header.includeFlagged,
    skipped,
    groups: sorted.map((group) => ({ key: { ...group.key }, stats: group.toStats() })),
    dissatisfied: { cases: [...links.cases].sort(byCodeUnit), complaints: [...links.complaints].sort(byCodeUnit) },
  };
}

class RecordSummarizer implements Summarizer {
  records = 0;
  skipped = 0;
  private readonly groups = new Map<string, GroupCounters>();
  private readonly tree = new Map<string | null, unknown>();
  private readonly links = noLinks();
  private readonly fields: GroupField[];
  private readonly keyOf: (ms: number) => string | undefined;

  constructor(private readonly header: Header) {
    this.fields = header.groupBy;
    this.keyOf = periodKeyer(header.period, header.timeZone);
  }

  add(record: unknown): boolean {
    this.records++;
    if (record === null || typeof record !== 'object') return this.skip();
    const r = record as Record<string, unknown>;
    const kind = r['kind'];
    if (kind === 'rating') {
      const scale = r['scale'];
      const score = r['score'];
      if ((scale !== 5 && scale !== 3) || typeof score !== 'number' || !(score >= 1 && score <= scale) || Math.floor(score) !== score) {
        return this.skip();
      }
      const group = this.group(r, r['createdAt']);
      if (group === undefined) return this.skip();
      // CONTRACT §7: flagged (by an official) or suspect (a burst) ratings only count here…
      if ((r['flag'] !== undefined && r['flag'] !== null) || (r['suspect'] !== undefined && r['suspect'] !== null)) {
        group.flagged++;
        // …unless the caller asked to count them like the others.
        if (!this.header.includeFlagged) return true;
      }
      const verified = r['verified'] === true;
      const unsatisfied = !isSatisfied(score, scale);
      if (r['about'] === 'complaint') {
        // A rating of a complaint's handling (§8) says nothing of the service itself: it is kept out
        // of ratings and their rates, and only decides whether its complaint counts as satisfied.
        group.complaintRatings++;
        const code = r['trackingCode'];
        if (verified && unsatisfied && typeof code === 'string') this.links.complaints.add(code);
        return true;
      }
      (scale === 5 ? group.s5 : group.s3)[score]!++;
      if (verified) {
        (scale === 5 ? group.v5 : group.v3)[score]!++;
        const caseId = r['caseId'];
        const agency = r['agency'];
        if (unsatisfied && typeof caseId === 'string' && typeof agency === 'string') this.links.cases.add(caseKey(agency, caseId));
      }
      const standards = r['standards'];
      if (standards !== undefined && standards !== null && typeof standards === 'object') {
        const answers = standards as Record<string, unknown>;
        // for…in walks the enum cache without allocating a key array per record.
        for (const id in answers) {
          if (!Object.prototype.hasOwnProperty.call(answers, id)) continue;
          const kept = answers[id];
          if (kept === true || kept === false) group.answer(id, kept);
        }
      }
      const answers = r['answers'];
      if (answers !== undefined && answers !== null && typeof answers === 'object' && !Array.isArray(answers)) {
        const set = typeof r['questionSet'] === 'string' ? (r['questionSet'] as string) : CUSTOM_SET;
        const given = answers as Record<string, unknown>;
        for (const question in given) {
          if (!Object.prototype.hasOwnProperty.call(given, question)) continue;
          const value = given[question];
          if (Array.isArray(value)) {
            // A "multi" question: each chosen option counts once.
            for (const item of value) if (typeof item === 'string') group.questionAnswer(set, question, item);
          } else {
            const text = answerText(value);
            if (text !== undefined) group.questionAnswer(set, question, text);
          }
        }
      }
      return true;
    }
    if (kind === 'complaint') {
      const category = r['category'];
      if (typeof category !== 'string') return this.skip();
      const group = this.group(r, r['createdAt']);
      if (group === undefined) return this.skip();
      bump(group.categories, category);
      const code = r['trackingCode'];
      if (typeof code === 'string') group.complaintKeys.push(code);
      const caseId = r['caseId'];
      const agency = r['agency'];
      if (typeof caseId === 'string' && typeof agency === 'string') this.links.cases.add(caseKey(agency, caseId));
      // Complaints that never reached a collector have no dueAt: they are not judged on time.
      const due = parseInstant(r['dueAt'] as string);
      if (due === due) {
        const status = r['status'];
        const closedAt = status === 'resolved' || status === 'rejected' ? parseInstant(r['resolvedAt'] as string) : NaN;
        if (closedAt !== closedAt) bump(group.complaintsOpen, due);
        else if (closedAt <= due) group.complaintsOnTime++;
        else group.complaintsResolvedLate++;
      }
      return true;
    }
    if (kind === 'case') {
      const due = parseInstant(r['dueAt'] as string);
      if (due !== due) return this.skip();
      const resolvedAt = r['resolvedAt'];
      const open = resolvedAt === undefined || resolvedAt === null;
      const resolved = open ? 0 : parseInstant(resolvedAt as string);
      if (resolved !== resolved) return this.skip();
      const group = this.group(r, r['receivedAt']);
      if (group === undefined) return this.skip();
      if (open) bump(group.open, due);
      else if (resolved <= due) group.onTime++;
      else group.resolvedLate++;
      const id = r['id'];
      const agency = r['agency'];
      if (typeof id === 'string' && typeof agency === 'string') group.caseKeys.push(caseKey(agency, id));
      return true;
    }
    return this.skip();
  }

  private skip(): false {
    this.skipped++;
    return false;
  }

  /**
   * The counters of the record's group, created on first use; undefined for an unreadable time.
   * Groups sit in nested Maps (period, then one level per groupBy field, `null` for a missing
   * value): each lookup uses a string the record already holds, whereas a composed key string
   * would be built and hashed afresh for every record (measured on 1M ratings grouped by unit and
   * month: 290 ms with a composed key, 180 ms with nested Maps).
   */
  private group(r: Record<string, unknown>, time: unknown): GroupCounters | undefined {
    const period = this.keyOf(parseInstant(time as string));
    if (period === undefined) return undefined;
    const fields = this.fields;
    let level: Map<string | null, unknown> = this.tree;
    let key: string | null = period;
    for (let i = 0; i < fields.length; i++) {
      let next = level.get(key) as Map<string | null, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(key, next);
      }
      level = next;
      const value = r[fields[i]!];
      key = typeof value === 'string' ? value : null;
    }
    let group = level.get(key) as GroupCounters | undefined;
    if (group === undefined) {
      const ordered: Record<string, string | null> = {};
      for (const field of fields) {
        const value = r[field];
        ordered[field] = typeof value === 'string' ? value : null;
      }
      group = new GroupCounters({ ...ordered, period } as GroupKey);
      level.set(key, group);
      this.groups.set(groupId(period, fields.map((field) => ordered[field]!)), group);
    }
    return group;
  }

  summary(): Summary {
    // Linking is monotone (links only grow), so moving keys into counts now stays right after more add() calls.
    return output(this.header, this.groups, this.skipped, this.links);
  }
}

/**
 * A Summarizer to feed records one at a time, e.g. batch by batch from `parseRecordStream`
 * while reporting progress.
 * @throws RangeError for an unknown groupBy field, period or time zone.
 */
export function createSummarizer(options?: SummarizeOptions): Summarizer {
  return new RecordSummarizer(checkOptions(options));
}

/**
 * Counts records into a {@link Summary}, in one pass: ratings per scale and score, standards
 * answers, complaints per category (by `createdAt`), cases on time / resolved late / still open
 * by due time (by `receivedAt`), per group of `groupBy` fields and per period in `timeZone`.
 * Over an async iterable (a stream) it returns a Promise and holds no record longer than needed.
 *
 * @example summarize(records, { groupBy: ['unit'], period: 'quarter', timeZone: 'Asia/Ho_Chi_Minh' })
 * @throws RangeError for an unknown groupBy field, period or time zone.
 */
export function summarize(records: Iterable<FeedbackRecord>, options?: SummarizeOptions): Summary;
/** Over an async iterable (a stream of records): resolves to the Summary once the stream ends. */
export function summarize(records: AsyncIterable<FeedbackRecord>, options?: SummarizeOptions): Promise<Summary>;
/** Over either kind of iterable, when the caller does not know which: a Summary or a Promise of one. */
export function summarize(
  records: Iterable<FeedbackRecord> | AsyncIterable<FeedbackRecord>,
  options?: SummarizeOptions,
): Summary | Promise<Summary>;
export function summarize(
  records: Iterable<FeedbackRecord> | AsyncIterable<FeedbackRecord>,
  options?: SummarizeOptions,
): Summary | Promise<Summary> {
  const summarizer = createSummarizer(options);
  if (Array.isArray(records)) {
    for (let i = 0; i < records.length; i++) summarizer.add(records[i]);
    return summarizer.summary();
  }
  if (records !== null && typeof records === 'object' && Symbol.iterator in records) {
    for (const record of records as Iterable<FeedbackRecord>) summarizer.add(record);
    return summarizer.summary();
  }
  if (records !== null && typeof records === 'object' && Symbol.asyncIterator in records) {
    return (async () => {
      for await (const record of records as AsyncIterable<FeedbackRecord>) summarizer.add(record);
      return summarizer.summary();
    })();
  }
  throw new TypeError('summarize needs an array, an iterable or an async iterable of records.');
}

/** Reads the header of a Summary that may come from JSON, checking it. */
function checkSummary(value: unknown, where: string): Summary {
  if (!isObject(value)) throw new TypeError(`${where} is not a Summary object.`);
  if (value['version'] !== SUMMARY_VERSION) {
    throw new TypeError(`${where} has version ${JSON.stringify(value['version'])}; this library reads Summary version ${SUMMARY_VERSION}.`);
  }
  if (!Array.isArray(value['groups'])) throw new TypeError(`${where}.groups must be an array.`);
  checkOptions({
    groupBy: value['groupBy'] as GroupField[],
    period: value['period'] as Period,
    timeZone: typeof value['timeZone'] === 'string' ? value['timeZone'] : '',
    includeFlagged: (value['includeFlagged'] ?? false) as boolean,
  });
  count(value['skipped'] ?? 0, `${where}.skipped`);
  return value as unknown as Summary;
}

/** Adds a Summary's dissatisfaction links (absent in older summaries) to `links`, checking them. */
function addLinks(links: Links, value: unknown, where: string): void {
  if (value === undefined || value === null) return;
  if (!isObject(value)) throw new TypeError(`${where}.dissatisfied must be { cases, complaints }.`);
  for (const key of textList(value['cases'], `${where}.dissatisfied.cases`)) links.cases.add(key);
  for (const key of textList(value['complaints'], `${where}.dissatisfied.complaints`)) links.complaints.add(key);
}

/** The values of a key's groupBy fields, checked; throws on a missing field or a bad period. */
function keyValues(key: unknown, header: Header, where: string): { period: string; values: Array<string | null> } {
  if (!isObject(key)) throw new TypeError(`${where}.key must be an object.`);
  const period = key['period'];
  if (typeof period !== 'string' || !PERIOD_KEY_PATTERNS[header.period].test(period)) {
    throw new TypeError(`${where}.key.period ${JSON.stringify(period)} is not a "${header.period}" period.`);
  }
  const values = header.groupBy.map((field) => {
    const value = key[field];
    if (value === undefined) throw new TypeError(`${where}.key has no "${field}" (use null for records without one).`);
    if (value !== null && typeof value !== 'string') throw new TypeError(`${where}.key.${field} must be text or null.`);
    return value;
  });
  return { period, values };
}

function addGroups(target: Map<string, GroupCounters>, header: Header, groups: Iterable<unknown>, where: string): void {
  let index = 0;
  for (const group of groups) {
    const at = `${where}.groups[${index++}]`;
    if (!isObject(group)) throw new TypeError(`${at} must be { key, stats }.`);
    const { period, values } = keyValues(group['key'], header, at);
    const id = groupId(period, values);
    let counters = target.get(id);
    if (counters === undefined) {
      const key: Record<string, string | null> = {};
      header.groupBy.forEach((field, i) => (key[field] = values[i]!));
      counters = new GroupCounters({ ...key, period } as GroupKey);
      target.set(id, counters);
    }
    counters.addStats(group['stats'] as Partial<GroupStats>, at);
  }
}

/**
 * Adds summaries together: the Summary of all their records. Associative and commutative;
 * summaries of shards merge to the summary of the whole. Inputs are not modified and may come
 * straight from `JSON.parse`; every counter is checked.
 *
 * @throws Error when the summaries were not cut the same way (groupBy, period or time zone), or
 *   TypeError when one is not a valid Summary.
 */
export function merge(...summaries: Summary[]): Summary {
  if (summaries.length === 0) throw new TypeError('merge needs at least one Summary.');
  const first = checkSummary(summaries[0], 'Summary 1');
  const header: Header = { groupBy: [...first.groupBy], period: first.period, timeZone: first.timeZone, includeFlagged: first.includeFlagged ?? false };
  const canonical = resolveTimeZone(first.timeZone).canonical;
  let skipped = 0;
  const groups = new Map<string, GroupCounters>();
  const links = noLinks();
  summaries.forEach((value, index) => {
    const where = `Summary ${index + 1}`;
    const summary = checkSummary(value, where);
    if (summary.groupBy.join(',') !== header.groupBy.join(',')) {
      throw new Error(
        `Cannot merge summaries grouped differently: ${JSON.stringify(header.groupBy)} and ${JSON.stringify(summary.groupBy)} (${where}). Summarize both the same way.`,
      );
    }
    if (summary.period !== header.period) {
      throw new Error(`Cannot merge summaries with different periods: "${header.period}" and "${summary.period}" (${where}).`);
    }
    if (resolveTimeZone(summary.timeZone).canonical !== canonical) {
      throw new Error(`Cannot merge summaries cut in different time zones: "${header.timeZone}" and "${summary.timeZone}" (${where}).`);
    }
    if ((summary.includeFlagged ?? false) !== header.includeFlagged) {
      throw new Error(`Cannot merge a summary that counts flagged ratings with one that does not (${where}).`);
    }
    // Aliases of one zone (Asia/Saigon, Asia/Ho_Chi_Minh): keep the same name whatever the order.
    if (summary.timeZone < header.timeZone) header.timeZone = summary.timeZone;
    skipped += count(summary.skipped ?? 0, `${where}.skipped`);
    addGroups(groups, header, summary.groups, where);
    addLinks(links, summary.dissatisfied, where);
  });
  return output(header, groups, skipped, links);
}

/**
 * A Summary with no groups yet, cut as `options` say: the start for building one from counters
 * that SQL produced (see {@link summaryFromGroups}).
 */
export function emptySummary(options?: SummarizeOptions): Summary {
  return output(checkOptions(options), new Map(), 0, noLinks());
}

/** Counters that are all zero, to fill in (`GroupStats` with empty maps). */
export function emptyGroupStats(): GroupStats {
  return {
    scores: {},
    standards: {},
    complaintsByCategory: {},
    casesOnTime: 0,
    casesResolvedLate: 0,
    casesOpenByDue: {},
    verifiedScores: {},
    flaggedRatings: 0,
    complaintRatings: 0,
    answers: {},
    complaintsOnTime: 0,
    complaintsResolvedLate: 0,
    complaintsOpenByDue: {},
    casesDissatisfied: 0,
    caseKeys: [],
    complaintsDissatisfied: 0,
    complaintKeys: [],
  };
}

/**
 * Builds a Summary from counters computed elsewhere (e.g. SQL `GROUP BY unit, period, scale,
 * score`). Groups with the same key are added together, so one row per (group, counter) is fine:
 *
 * ```ts
 * summaryFromGroups({ groupBy: ['unit'], period: 'month', timeZone: 'Asia/Ho_Chi_Minh' }, [
 *   { key: { unit: 'mot-cua', period: '2026-03' }, stats: { scores: { '5': { '4': 12 } } } },
 *   { key: { unit: 'mot-cua', period: '2026-03' }, stats: { casesOpenByDue: { '2026-04-01T10:00:00Z': 2 } } },
 * ]);
 * ```
 * Missing counters count as zero. `dissatisfied` holds the summary-wide links (keys of cases and
 * complaints that count as dissatisfied wherever they are); the groups' `caseKeys` and
 * `complaintKeys` found there are moved into their dissatisfied counts. The result equals
 * `summarize()` of the same records when the counters are right.
 * @throws TypeError naming the group and counter that is wrong (a count must be a whole number ≥ 0).
 */
export function summaryFromGroups(
  options: SummarizeOptions | undefined,
  groups: Iterable<{ key: GroupKey; stats: Partial<GroupStats> }>,
  skipped = 0,
  dissatisfied?: Partial<Dissatisfaction>,
): Summary {
  const header = checkOptions(options);
  const map = new Map<string, GroupCounters>();
  addGroups(map, header, groups, 'summaryFromGroups');
  const links = noLinks();
  addLinks(links, dissatisfied, 'summaryFromGroups');
  return output(header, map, count(skipped, 'skipped'), links);
}

/**
 * A new Summary: `summary` with one group's counters added (for a handful of groups; use
 * {@link summaryFromGroups} for many).
 */
export function addGroupStats(summary: Summary, key: GroupKey, stats: Partial<GroupStats>): Summary {
  const header = checkSummary(summary, 'Summary');
  return merge(summary, summaryFromGroups(header, [{ key, stats }]));
}
