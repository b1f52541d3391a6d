/**
 * The statistics of the reports, written once: the standard normal quantile and the Wilson score
 * interval of a proportion.
 */

// Peter J. Acklam's rational approximation of the inverse normal CDF (relative error < 1.15e-9).
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

function tail(q: number): number {
  return (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) / ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
}

/**
 * The standard normal quantile Φ⁻¹(p): the z with P(Z ≤ z) = p (Acklam's algorithm, relative
 * error below 1.2e-9). `normalQuantile(0.975)` ≈ 1.959964.
 * @throws RangeError unless 0 < p < 1.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}.`);
  if (p < P_LOW) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - P_LOW) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
    (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1)
  );
}

/**
 * The two-sided critical value of a confidence level: 1.6449 for 0.90, 1.9600 for 0.95,
 * 2.5758 for 0.99.
 * @throws RangeError unless 0 < confidence < 1.
 */
export function zForConfidence(confidence: number): number {
  if (!(typeof confidence === 'number' && confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be a number between 0 and 1 (exclusive), such as 0.95; got ${confidence}.`);
  }
  return normalQuantile(1 - (1 - confidence) / 2);
}

/**
 * The Wilson score interval `[low, high]` of a proportion `successes / trials`, or `null` when
 * there are no trials. Unlike the normal ("Wald") interval it stays inside [0, 1] and does not
 * collapse to a point at 0 % or 100 %, which matters for small offices with few ratings:
 *
 *   centre = (p̂ + z²/2n) / (1 + z²/n),  half-width = z·√(p̂(1−p̂)/n + z²/4n²) / (1 + z²/n)
 *
 * @param successes satisfied ratings, cases on time… (0 ≤ successes ≤ trials)
 * @param trials all ratings, all decided cases…
 * @param confidence default 0.95.
 * @throws RangeError for counts that are not whole numbers with 0 ≤ successes ≤ trials.
 */
export function wilsonInterval(successes: number, trials: number, confidence = 0.95): [number, number] | null {
  return wilsonWithZ(successes, trials, zForConfidence(confidence));
}

/** {@link wilsonInterval} with the critical value already computed (for loops over many rows). */
export function wilsonWithZ(successes: number, trials: number, z: number): [number, number] | null {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || successes > trials) {
    throw new RangeError(`wilsonInterval needs whole numbers 0 ≤ successes ≤ trials, got ${successes} of ${trials}.`);
  }
  if (trials === 0) return null;
  const n = trials;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // The bounds are exactly 0 and 1 at the extremes; rounding must not push p̂ outside them.
  const low = successes === 0 ? 0 : Math.min(p, Math.max(0, centre - half));
  const high = successes === n ? 1 : Math.max(p, Math.min(1, centre + half));
  return [low, high];
}
