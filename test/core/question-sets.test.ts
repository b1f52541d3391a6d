// Question sets (CONTRACT §9): the validator knows every built-in set; an answer out of range is
// refused (the element and the collector both run this validator).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateRecord } from '../../src/core/validate.js';
import { uuidV4 } from '../../src/core/uuid.js';
import { QUESTION_SET_IDS, QUESTION_SHAPES, tthc9Grade, tthc9Total } from '../../src/core/question-sets.js';
import { builtInQuestionSet } from '../../src/components/rating/question-texts.js';

const rating = (extra: Record<string, unknown>) => ({
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
const fieldOf = (value: unknown) => {
  const result = validateRecord(value);
  return result.ok ? 'valid' : (result.error.field ?? '(record)');
};

test('answers within range are valid for every built-in set', () => {
  assert.equal(fieldOf(rating({ questionSet: 'sipas', answers: { access: 5, procedure: 1, officer: 3, result: 4, feedback: 2 } })), 'valid');
  const nine = Object.fromEntries(QUESTION_SHAPES['tthc-9'].map((q, i) => [q.id, i % 3]));
  assert.equal(fieldOf(rating({ questionSet: 'tthc-9', answers: nine })), 'valid');
  assert.equal(fieldOf(rating({ questionSet: 'a11', answers: { satisfaction: 4, trust: 2, positive: ['ease', 'employee'], negative: [] } })), 'valid');
  // An agency's own set: plain values.
  assert.equal(fieldOf(rating({ questionSet: 'phieu-ha-noi', answers: { q1: true, q2: 3, q3: 'nhanh', q4: ['a', 'b'] } })), 'valid');
});

test('an answer out of range, of the wrong type or to an unknown question is refused, with its field', () => {
  assert.equal(fieldOf(rating({ questionSet: 'sipas', answers: { access: 6 } })), 'answers.access');
  assert.equal(fieldOf(rating({ questionSet: 'sipas', answers: { access: 0 } })), 'answers.access');
  assert.equal(fieldOf(rating({ questionSet: 'sipas', answers: { access: 2.5 } })), 'answers.access');
  assert.equal(fieldOf(rating({ questionSet: 'tthc-9', answers: { 'total-time': 3 } })), 'answers.total-time');
  assert.equal(fieldOf(rating({ questionSet: 'tthc-9', answers: { 'total-time': -1 } })), 'answers.total-time');
  assert.equal(fieldOf(rating({ questionSet: 'a11', answers: { positive: ['ease', 'ease'] } })), 'answers.positive');
  assert.equal(fieldOf(rating({ questionSet: 'a11', answers: { positive: ['cheap'] } })), 'answers.positive');
  assert.equal(fieldOf(rating({ questionSet: 'a11', answers: { trust: '5' } })), 'answers.trust');
  assert.equal(fieldOf(rating({ questionSet: 'sipas', answers: { speed: 5 } })), 'answers.speed');
  assert.equal(fieldOf(rating({ answers: { access: 5 } })), 'questionSet');
  assert.equal(fieldOf(rating({ questionSet: 'sipas', answers: [5] })), 'answers');
  assert.equal(fieldOf(rating({ questionSet: 'bad id!', answers: {} })), 'questionSet');
  assert.equal(fieldOf(rating({ questionSet: 'own', answers: { q: { nested: 1 } } })), 'answers.q');
});

test('every built-in set has vi and en texts for each question and option', () => {
  for (const id of QUESTION_SET_IDS) {
    const set = builtInQuestionSet(id);
    assert.equal(set.questions.length, QUESTION_SHAPES[id].length);
    for (const question of set.questions) {
      assert.ok(question.vi.length > 3 && question.en.length > 3, `${id}.${question.id}`);
      for (const option of question.options ?? []) assert.ok(option.vi && option.en, `${id}.${question.id}.${option.id}`);
    }
  }
  assert.equal(QUESTION_SHAPES.sipas.length, 5);
  assert.equal(QUESTION_SHAPES['tthc-9'].length, 9);
});

test('the nine-index sheet: 2 points each, 18 in all, and its grade', () => {
  const all = Object.fromEntries(QUESTION_SHAPES['tthc-9'].map((q) => [q.id, 2]));
  assert.equal(tthc9Total(all), 18); // 9 × 2
  assert.equal(tthc9Total({ ...all, 'total-time': 0, contacts: 1 }), 15); // 18 − 2 − 1
  assert.equal(tthc9Grade(15), 'good');
  assert.equal(tthc9Grade(14), 'average');
  assert.equal(tthc9Grade(9), 'average');
  assert.equal(tthc9Grade(8), 'poor');
});
