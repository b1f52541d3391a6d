import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateRecord, LIMITS, sniffType } from '../../src/core/validate.js';
import { TEN_STANDARDS, parseStandardDefinitions } from '../../src/core/standards.js';
import { isSatisfied, pageWithoutQuery } from '../../src/core/record.js';
import { uuidV4, UUID_V4 } from '../../src/core/uuid.js';

const rating = (extra: Record<string, unknown> = {}) => ({
  id: uuidV4(),
  kind: 'rating',
  createdAt: '2026-03-05T08:30:00.000Z',
  agency: 'ubnd-hoan-kiem',
  channel: 'online',
  locale: 'vi',
  score: 4,
  scale: 5,
  ...extra,
});

const complaint = (extra: Record<string, unknown> = {}) => ({
  id: uuidV4(),
  kind: 'complaint',
  createdAt: '2026-03-05T08:30:00.000Z',
  agency: 'ubnd-hoan-kiem',
  channel: 'online',
  locale: 'en',
  category: 'delay',
  description: 'I waited three hours at the counter.',
  ...extra,
});

const fieldOf = (value: unknown) => {
  const result = validateRecord(value);
  return result.ok ? 'valid' : result.error.field ?? '(record)';
};

test('uuidV4 makes distinct version-4 ids', () => {
  const ids = new Set(Array.from({ length: 200 }, uuidV4));
  assert.equal(ids.size, 200);
  for (const id of ids) assert.match(id, UUID_V4);
});

test('a valid rating passes and keeps host fields', () => {
  const record = rating({ standards: { greet: true, smile: false }, comment: 'Tốt\nlắm', campaign: { name: 'q1' } });
  const result = validateRecord(record);
  assert.equal(result.ok, true);
  assert.equal(result.ok && result.record, record);
});

test('rating fields are checked with the field named', () => {
  assert.equal(fieldOf(rating({ score: 6 })), 'score');
  assert.equal(fieldOf(rating({ score: 0 })), 'score');
  assert.equal(fieldOf(rating({ score: 2.5 })), 'score');
  assert.equal(fieldOf(rating({ score: '4' })), 'score');
  assert.equal(fieldOf(rating({ scale: 3, score: 4 })), 'score');
  assert.equal(fieldOf(rating({ scale: 3, score: 3 })), 'valid');
  assert.equal(fieldOf(rating({ scale: 4 })), 'scale');
  assert.equal(fieldOf(rating({ standards: { greet: 'yes' } })), 'standards.greet');
  assert.equal(fieldOf(rating({ comment: 'x'.repeat(LIMITS.comment + 1) })), 'comment');
  assert.equal(fieldOf(rating({ id: 'not-a-uuid' })), 'id');
  assert.equal(fieldOf(rating({ createdAt: '2026-03-05 08:30' })), 'createdAt');
  assert.equal(fieldOf(rating({ createdAt: '2026-02-30T08:30:00Z' })), 'createdAt');
  assert.equal(fieldOf(rating({ createdAt: '2026-03-05T08:30:00+07:00' })), 'createdAt');
  assert.equal(fieldOf(rating({ agency: '' })), 'agency');
  assert.equal(fieldOf(rating({ agency: undefined })), 'agency');
  assert.equal(fieldOf(rating({ channel: 'web' })), 'channel');
  assert.equal(fieldOf(rating({ kind: 'praise' })), 'kind');
  assert.equal(fieldOf(rating({ unit: 'a\u0007b' })), 'unit');
});

test('prototype-pollution keys anywhere make a record invalid', () => {
  assert.equal(fieldOf(JSON.parse('{"__proto__": {"x": 1}}')), '__proto__');
  const nested = JSON.parse(JSON.stringify(rating()).replace('{', '{"extra":{"deep":[{"constructor":1}]},'));
  assert.equal(fieldOf(nested), 'extra.deep[0].constructor');
  assert.equal(fieldOf(rating({ prototype: 1 })), 'prototype');
});

test('hostile shapes are refused, never thrown', () => {
  for (const value of [null, 42, 'text', [], [rating()], new Date()]) assert.equal(validateRecord(value).ok, false);
  let deep: unknown = 1;
  for (let i = 0; i < 100_000; i++) deep = [deep];
  assert.equal(validateRecord(rating({ deep })).ok, false);
  assert.equal(fieldOf(rating({ note: 'a\uD800b' })), 'note');
  assert.equal(fieldOf(rating({ note: '\u0000' })), 'note');
  assert.equal(validateRecord(rating({ note: '😀 Hà Nội' })).ok, true);
  assert.equal(validateRecord(rating({ blob: 'x'.repeat(LIMITS.recordBytes) })).ok, false);
});

test('complaints: description length, contact needs consent, attachments by content', () => {
  assert.equal(fieldOf(complaint()), 'valid');
  assert.equal(fieldOf(complaint({ description: 'too short' })), 'description');
  assert.equal(fieldOf(complaint({ category: 'bad category!' })), 'category');
  assert.equal(fieldOf(complaint({ contact: { email: 'a@b.vn' } })), 'contact.consent');
  const consent = { consent: true, consentText: 'I agree', consentAt: '2026-03-05T08:29:00.000Z' };
  assert.equal(fieldOf(complaint({ contact: { ...consent, email: 'a@b.vn' } })), 'valid');
  assert.equal(fieldOf(complaint({ contact: { ...consent, email: 'not mail' } })), 'contact.email');
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
  const exe = Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00', 'latin1');
  const attach = (bytes: Buffer, type: string) => ({ name: 'x.png', type, size: bytes.length, data: bytes.toString('base64') });
  assert.equal(fieldOf(complaint({ attachments: [attach(png, 'image/png')] })), 'valid');
  assert.equal(fieldOf(complaint({ attachments: [attach(exe, 'image/png')] })), 'attachments[0].type');
  assert.equal(fieldOf(complaint({ attachments: [attach(png, 'application/x-msdownload')] })), 'attachments[0].type');
  assert.equal(fieldOf(complaint({ attachments: [{ ...attach(png, 'image/png'), size: 99 }] })), 'attachments[0].data');
  assert.equal(fieldOf(complaint({ attachments: Array(4).fill(attach(png, 'image/png')) })), 'attachments');
  assert.equal(sniffType(Buffer.from('%PDF-1.7\n').toString('base64')), 'application/pdf');
});

test('cases take any id up to 128 characters and need receivedAt and dueAt', () => {
  const base = { id: 'HS-2026-000123', kind: 'case', agency: 'a', receivedAt: '2026-03-01T02:00:00Z', dueAt: '2026-03-10T10:00:00+07:00' };
  assert.equal(fieldOf(base), 'valid');
  assert.equal(fieldOf({ ...base, id: 'x'.repeat(129) }), 'id');
  assert.equal(fieldOf({ ...base, dueAt: undefined }), 'dueAt');
  assert.equal(fieldOf({ ...base, resolvedAt: 'yesterday' }), 'resolvedAt');
});

test('instants stay within years 0001-9999 in UTC (a database refuses the others)', () => {
  const base = { id: 'HS-1', kind: 'case', agency: 'a', receivedAt: '2026-03-01T02:00:00Z', dueAt: '2026-03-10T10:00:00Z' };
  assert.equal(fieldOf({ ...base, receivedAt: '0000-01-01T00:00:00Z' }), 'receivedAt');
  assert.equal(fieldOf({ ...base, receivedAt: '0001-01-01T00:30+01:00' }), 'receivedAt');
  assert.equal(fieldOf({ ...base, dueAt: '9999-12-31T23:30-01:00' }), 'dueAt');
  assert.equal(fieldOf({ ...base, receivedAt: '0001-01-01T00:00:00Z', dueAt: '9999-12-31T23:59:59.999Z' }), 'valid');
  assert.equal(fieldOf(rating({ createdAt: '0000-06-01T00:00:00.000Z' })), 'createdAt');
});

test('satisfaction thresholds follow CONTRACT §4', () => {
  assert.deepEqual([1, 2, 3, 4, 5].map((s) => isSatisfied(s, 5)), [false, false, false, true, true]);
  assert.deepEqual([1, 2, 3].map((s) => isSatisfied(s, 3)), [false, true, true]);
});

test('the ten standards are the contract texts; agency lists are checked', () => {
  assert.equal(TEN_STANDARDS.length, 10);
  assert.equal(TEN_STANDARDS[0]!.vi, 'Khách đến, được chào hỏi');
  assert.equal(TEN_STANDARDS[9]!.en, 'When you leave, you are satisfied');
  assert.throws(() => parseStandardDefinitions([{ id: 'a', vi: 'x' }]), /"en"/);
  assert.throws(() => parseStandardDefinitions([{ id: 'a', vi: 'x', en: 'y' }, { id: 'a', vi: 'x', en: 'y' }]), /twice/);
  assert.equal(parseStandardDefinitions([{ id: 'queue', vi: 'Xếp hàng', en: 'Queue', fr: "File d'attente" }])[0]!['fr'], "File d'attente");
});

test('page addresses lose query and fragment', () => {
  assert.equal(pageWithoutQuery('https://a.gov.vn/x/y?cccd=0123#top'), 'https://a.gov.vn/x/y');
  assert.equal(pageWithoutQuery('http://intranet/p'), 'http://intranet/p');
});
