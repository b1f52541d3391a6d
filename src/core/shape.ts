import { LIMITS } from './limits.js';

/** Why a record was refused: a value, never a throw. `field` is a dotted path such as `contact.email`. */
export interface ValidationError {
  code: 'validation';
  message: string;
  field?: string;
}

/** Keys that could reach a prototype: compared directly (a Set lookup cost more, for every key of every record). */
const isForbiddenKey = (key: string) => key === '__proto__' || key === 'constructor' || key === 'prototype';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
const nativeWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;
/**
 * True when `text` has no lone surrogate. The engine's own `isWellFormed` (ES2024) is used where
 * there is one: the regular expression must try every position of every string of a record,
 * which showed in profiles of reading files.
 */
const isWellFormed: (text: string) => boolean = nativeWellFormed
  ? (text) => nativeWellFormed.call(text)
  : (text) => !LONE_SURROGATE.test(text);
/** NUL or any surrogate: one scan that clears nearly every text (a paired surrogate is fine, checked next). */
const SUSPECT = /[\u0000\uD800-\uDFFF]/;
/** Text PostgreSQL refuses: a NUL character or a lone surrogate. */
const isUnsafeText = (text: string) => SUSPECT.test(text) && (text.includes('\u0000') || !isWellFormed(text));

/**
 * Keys found safe so far. Every record of a file has the same few keys, so a lookup replaces
 * the checks of each key of each record; the set stops growing at a size no record set reaches
 * with its own field names (host data with ever-new keys is then checked each time).
 */
const safeKeys = new Set<string>();
const MAX_SAFE_KEYS = 4096;

function isSafeKey(key: string): boolean {
  if (safeKeys.has(key)) return true;
  if (isForbiddenKey(key) || isUnsafeText(key)) return false;
  if (safeKeys.size < MAX_SAFE_KEYS) safeKeys.add(key);
  return true;
}
const encoder = new TextEncoder();

/** Bytes of a value as UTF-8 JSON: what a record weighs on the wire and in the store. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const problem = (message: string, field?: string): ValidationError =>
  field ? { code: 'validation', message, field } : { code: 'validation', message };

/**
 * A problem found deep in a value. Its path is put together only on the way out, segment by
 * segment, so a valid record (nearly all of them) builds no path strings at all.
 */
class Found {
  /** Innermost first: object keys as strings, array indexes as numbers. */
  readonly segments: Array<string | number> = [];
  constructor(readonly message: string) {}

  get path(): string {
    let path = '';
    for (let i = this.segments.length - 1; i >= 0; i--) {
      const segment = this.segments[i]!;
      path = typeof segment === 'number' ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment;
    }
    return path;
  }
}

/**
 * Most bytes a string may take in JSON: each UTF-16 unit is at most 3 bytes of UTF-8, or 6 as a
 * `\u00XX` escape; plus the quotes. Cheap, never less than the truth.
 */
const stringBound = (text: string) => 6 * text.length + 2;
/** Longest JSON form of a finite number (`-1.2345678901234567e-308`). */
const NUMBER_BOUND = 25;

/**
 * One walk over a value: the checks of {@link shapeProblem} and an upper bound of its JSON size.
 * Depth is bounded by LIMITS.nesting before going deeper, so recursion stays shallow whatever a
 * hostile body nests. Children are visited last to first, as the earlier stack-based walk did,
 * so a record with several problems still reports the same one.
 */
class Walk {
  bound = 0;

  value(node: unknown, depth: number): Found | undefined {
    switch (typeof node) {
      case 'string':
        if (isUnsafeText(node)) return new Found('Text may not contain NUL characters or broken Unicode.');
        this.bound += stringBound(node);
        return undefined;
      case 'number':
        if (!Number.isFinite(node)) return new Found('Numbers must be finite.');
        this.bound += NUMBER_BOUND;
        return undefined;
      case 'boolean':
        this.bound += 5;
        return undefined;
      case 'object':
        if (node === null) {
          this.bound += 4;
          return undefined;
        }
        if (depth > LIMITS.nesting) return new Found(`Values may nest at most ${LIMITS.nesting} levels deep.`);
        if (Array.isArray(node)) return this.array(node, depth);
        if (!isPlainObject(node)) return new Found('Only JSON values are allowed.');
        return this.object(node, depth, false);
      default:
        return new Found('Only JSON values are allowed.');
    }
  }

  array(node: unknown[], depth: number): Found | undefined {
    this.bound += 2 + node.length;
    for (let index = node.length - 1; index >= 0; index--) {
      const found = this.value(node[index], depth + 1);
      if (found) {
        found.segments.push(index);
        return found;
      }
    }
    return undefined;
  }

  /** At the top (`root`), `attachments` is checked but left out of the size, as CONTRACT §4 says. */
  object(node: Record<string, unknown>, depth: number, root: boolean): Found | undefined {
    const keys = Object.keys(node);
    this.bound += 2;
    for (const key of keys) {
      if (isForbiddenKey(key)) {
        const found = new Found(`The key "${key}" is not allowed.`);
        found.segments.push(key);
        return found;
      }
      if (isUnsafeText(key)) return new Found('Keys may not contain NUL characters or broken Unicode.');
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const before = this.bound;
      const found = this.value(node[key], depth + 1);
      if (found) {
        found.segments.push(key);
        return found;
      }
      if (root && key === 'attachments') this.bound = before;
      else this.bound += stringBound(key) + 2;
    }
    return undefined;
  }
}

/** What the quick pass answers when it met anything the walk might refuse. */
const UNCLEAN = -1;

/**
 * The quick pass of {@link shapeProblem}: the walk's checks and size bound, in key order with
 * `for…in`, which engines read without a lookup per key (the walk's `Object.keys` and
 * `node[key]` on records of many shapes showed in profiles of reading files). It only answers
 * the bound, or UNCLEAN at the first doubt; the walk then finds and names the problem. `for…in`
 * also visits inherited enumerable keys: more checks and more bytes, never fewer, so a clean
 * answer here is one the walk would give too.
 */
function quickBound(node: unknown, depth: number): number {
  switch (typeof node) {
    case 'string':
      return isUnsafeText(node) ? UNCLEAN : stringBound(node);
    case 'number':
      return Number.isFinite(node) ? NUMBER_BOUND : UNCLEAN;
    case 'boolean':
      return 5;
    case 'object':
      if (node === null) return 4;
      if (depth > LIMITS.nesting) return UNCLEAN;
      if (Array.isArray(node)) return quickArrayBound(node, depth);
      return isPlainObject(node) ? quickObjectBound(node, depth, false) : UNCLEAN;
    default:
      return UNCLEAN;
  }
}

function quickArrayBound(node: unknown[], depth: number): number {
  let bound = 2 + node.length;
  for (let index = 0; index < node.length; index++) {
    const item = quickBound(node[index], depth + 1);
    if (item === UNCLEAN) return UNCLEAN;
    bound += item;
  }
  return bound;
}

/** At the top (`root`), `attachments` is checked but left out of the size, as in the walk. */
function quickObjectBound(node: Record<string, unknown>, depth: number, root: boolean): number {
  let bound = 2;
  for (const key in node) {
    if (!isSafeKey(key)) return UNCLEAN;
    const item = quickBound(node[key], depth + 1);
    if (item === UNCLEAN) return UNCLEAN;
    if (!root || key !== 'attachments') bound += item + stringBound(key) + 2;
  }
  return bound;
}

/**
 * The checks that hold for any record, whatever its kind: a JSON object, no prototype-pollution
 * keys anywhere, no NUL or broken Unicode (PostgreSQL refuses them), bounded nesting, at most
 * 16 KB without attachments. The elements run this on what host code added in `svc-submit`;
 * `validateRecord` runs it first.
 *
 * One pass checks the values and bounds the record's JSON size from above; the record is
 * serialised to count its exact bytes only when that bound passes the limit (a long text), so
 * reading a file of records does not write each one out again. A record with a problem is
 * walked a second time, the way that names the problem (the first one found from the end).
 */
export function shapeProblem(value: unknown): ValidationError | undefined {
  return checkShape(value, true);
}

/** {@link shapeProblem} without its quick pass, for the tests that compare the two. */
export function shapeProblemByWalk(value: unknown): ValidationError | undefined {
  return checkShape(value, false);
}

function checkShape(value: unknown, quick: boolean): ValidationError | undefined {
  if (!isPlainObject(value)) return problem('A record must be a JSON object.');
  let bound = quick ? quickObjectBound(value, 0, true) : UNCLEAN;
  if (bound === UNCLEAN) {
    const walk = new Walk();
    const found = walk.object(value, 0, true);
    if (found) return problem(found.message, found.path || undefined);
    bound = walk.bound;
  }
  if (bound > LIMITS.recordBytes) {
    const { attachments: _attachments, ...rest } = value;
    if (jsonBytes(rest) > LIMITS.recordBytes) return problem(`A record may hold at most ${LIMITS.recordBytes} bytes without its attachments.`);
  }
  return undefined;
}
