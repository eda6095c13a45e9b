/**
 * Reproducible pseudo-random numbers: the parser's corpus and training, and tests that replay
 * a failing random sequence, draw from the same seed to the same values on every machine.
 */
/** Mulberry32: small, fast and good enough for sampling (not for anything secret). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
