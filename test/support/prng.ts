/**
 * mulberry32: a tiny seeded PRNG, uniform in [0, 1). Tests, benchmarks and the chaos proxy draw
 * from it so that every run with the same seed sees the same data and the same faults.
 */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
