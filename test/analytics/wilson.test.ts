import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalQuantile, wilsonInterval, zForConfidence } from '../../src/analytics/wilson.js';
import { near } from './helpers.js';

test('z for 90 %, 95 %, 99 % confidence are the textbook values', () => {
  // Standard normal tables: Φ⁻¹(0.95) = 1.6449, Φ⁻¹(0.975) = 1.9600, Φ⁻¹(0.995) = 2.5758.
  near(zForConfidence(0.9), 1.6449);
  near(zForConfidence(0.95), 1.96);
  near(zForConfidence(0.99), 2.5758);
  near(zForConfidence(0.95), 1.959964, 1e-6);
});

test('normalQuantile: centre, symmetry and both tails', () => {
  assert.equal(normalQuantile(0.5), 0);
  near(normalQuantile(0.025), -1.959964, 1e-6);
  // Tail region of Acklam's algorithm (p < 0.02425): Φ⁻¹(0.001) = −3.090232, Φ⁻¹(1e-6) = −4.753424.
  near(normalQuantile(0.001), -3.090232, 1e-6);
  near(normalQuantile(0.999), 3.090232, 1e-6);
  near(normalQuantile(1e-6), -4.753424, 1e-5);
  assert.throws(() => normalQuantile(0), RangeError);
  assert.throws(() => normalQuantile(1), RangeError);
  assert.throws(() => zForConfidence(1), /between 0 and 1/);
  assert.throws(() => zForConfidence(0), RangeError);
  assert.throws(() => zForConfidence(95), RangeError);
});

test('Wilson 8 of 10 at 95 %: [0.4902, 0.9433]', () => {
  // z = 1.959964, z² = 3.841459, n = 10, p̂ = 0.8
  // denominator = 1 + z²/n = 1.3841459
  // centre = (0.8 + z²/20) / 1.3841459 = (0.8 + 0.1920730) / 1.3841459 = 0.716738
  // half = z·√(0.8·0.2/10 + z²/400) / 1.3841459 = 1.959964·√(0.016 + 0.0096036) / 1.3841459
  //      = 1.959964·0.1600113 / 1.3841459 = 0.226577
  // → [0.716738 − 0.226577, 0.716738 + 0.226577] = [0.490161, 0.943315]
  const [low, high] = wilsonInterval(8, 10)!;
  near(low, 0.4902);
  near(high, 0.9433);
});

test('Wilson 8 of 10 at 99 %: [0.4008, 0.9599]', () => {
  // z = 2.575829, z² = 6.634897; denominator = 1.6634897
  // centre = (0.8 + 0.3317449) / 1.6634897 = 0.680346
  // half = 2.575829·√(0.016 + 0.0165872) / 1.6634897 = 2.575829·0.180519 / 1.6634897 = 0.279527
  const [low, high] = wilsonInterval(8, 10, 0.99)!;
  near(low, 0.4008);
  near(high, 0.9599);
});

test('Wilson at the edges: 0 of 10, 10 of 10, 1 of 2, and no trials', () => {
  // p̂ = 0: centre = half = (z²/2n)/(1 + z²/n), so low = 0 and high = (z²/n)/(1 + z²/n)
  //        = 0.3841459 / 1.3841459 = 0.277533
  assert.deepEqual(wilsonInterval(0, 10)![0], 0);
  near(wilsonInterval(0, 10)![1], 0.2775);
  // p̂ = 1 mirrors it: [1 − 0.277533, 1]
  near(wilsonInterval(10, 10)![0], 0.7225);
  assert.equal(wilsonInterval(10, 10)![1], 1);
  // 1 of 2: centre 0.5, half = 1.959964·√(0.125 + 3.841459/16) / (1 + 3.841459/2)
  //        = 1.959964·0.604228 / 2.920730 = 0.405468 → [0.0945, 0.9055]
  near(wilsonInterval(1, 2)![0], 0.0945);
  near(wilsonInterval(1, 2)![1], 0.9055);
  assert.equal(wilsonInterval(0, 0), null);
  assert.throws(() => wilsonInterval(11, 10), RangeError);
  assert.throws(() => wilsonInterval(1.5, 10), RangeError);
  assert.throws(() => wilsonInterval(-1, 10), RangeError);
});
