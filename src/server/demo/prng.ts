/**
 * A small seeded PRNG (mulberry32) and the draws the demo generator needs. Deterministic for a seed:
 * the same seed and reference date always produce the same synthetic records.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks a key of `weights` with probability proportional to its weight. */
  weighted<K extends string>(weights: Weights<K>): K;
  /** Distinct items, each included with its own probability; at least `min` (topped up from `items`). */
  some<T>(items: readonly T[], p: number, min?: number): T[];
  /** A derived, independent stream (e.g. one per batch or per table). */
  fork(label: number): Rng;
}

export type Weights<K extends string> = Readonly<Record<K, number>>;

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes two integers into a well-spread 32-bit seed, so forks of nearby labels do not overlap. */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

const tables = new WeakMap<object, { keys: string[]; cumulative: number[]; total: number }>();

function cumulativeOf(weights: Record<string, number>) {
  let entry = tables.get(weights);
  if (!entry) {
    const keys = Object.keys(weights);
    let total = 0;
    const cumulative = keys.map((k) => (total += weights[k]!));
    entry = { keys, cumulative, total };
    tables.set(weights, entry);
  }
  return entry;
}

export function createRng(seed: number): Rng {
  const next = mulberry32(mix(seed, 0x5eed));
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted<K extends string>(weights: Weights<K>): K {
      const { keys, cumulative, total } = cumulativeOf(weights);
      const target = next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! > target) hi = mid;
        else lo = mid + 1;
      }
      return keys[lo] as K;
    },
    some<T>(items: readonly T[], p: number, min = 0): T[] {
      const chosen = items.filter(() => next() < p);
      while (chosen.length < Math.min(min, items.length)) {
        const item = rng.pick(items);
        if (!chosen.includes(item)) chosen.push(item);
      }
      return chosen;
    },
    fork: (label) => createRng(mix(seed, label + 1)),
  };
  return rng;
}
