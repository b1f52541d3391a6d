import { LIMITS } from './limits.js';

/** Why a record was refused: a value, never a throw. `field` is a dotted path such as `contact.email`. */
export interface ValidationError {
  code: 'validation';
  message: string;
  field?: string;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
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
 * The checks that hold for any record, whatever its kind: a JSON object, no prototype-pollution
 * keys anywhere, no NUL or broken Unicode (PostgreSQL refuses them), bounded nesting, at most
 * 16 KB without attachments. The elements run this on what host code added in `svc-submit`;
 * `validateRecord` runs it first. Walks without recursion: a hostile body may nest deeply.
 */
export function shapeProblem(value: unknown): ValidationError | undefined {
  if (!isPlainObject(value)) return problem('A record must be a JSON object.');
  const stack: Array<{ node: unknown; path: string; depth: number }> = [{ node: value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    const at = path || undefined;
    if (typeof node === 'string') {
      if (node.includes('\u0000') || LONE_SURROGATE.test(node)) return problem('Text may not contain NUL characters or broken Unicode.', at);
    } else if (typeof node === 'number') {
      if (!Number.isFinite(node)) return problem('Numbers must be finite.', at);
    } else if (node !== null && typeof node !== 'boolean') {
      if (typeof node !== 'object') return problem('Only JSON values are allowed.', at);
      if (depth > LIMITS.nesting) return problem(`Values may nest at most ${LIMITS.nesting} levels deep.`, at);
      if (Array.isArray(node)) {
        node.forEach((item, index) => stack.push({ node: item, path: `${path}[${index}]`, depth: depth + 1 }));
      } else {
        if (!isPlainObject(node)) return problem('Only JSON values are allowed.', at);
        for (const key of Object.keys(node)) {
          const keyPath = path ? `${path}.${key}` : key;
          if (FORBIDDEN_KEYS.has(key)) return problem(`The key "${key}" is not allowed.`, keyPath);
          if (key.includes('\u0000') || LONE_SURROGATE.test(key)) return problem('Keys may not contain NUL characters or broken Unicode.', at);
          stack.push({ node: node[key], path: keyPath, depth: depth + 1 });
        }
      }
    }
  }
  const { attachments: _attachments, ...rest } = value;
  if (jsonBytes(rest) > LIMITS.recordBytes) return problem(`A record may hold at most ${LIMITS.recordBytes} bytes without its attachments.`);
  return undefined;
}
