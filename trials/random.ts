/** A small seeded random source, so any run of the trials or the fuzzer can be replayed from its seed. */

/** mulberry32: fast, 32-bit state, good enough to spread kill delays and pick cases. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed for one run of one operation, independent of the order the operations run in. */
export function runSeed(seed: number, label: string, index: number): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (const ch of `${label}#${index}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

export function freshSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
