/**
 * Mini-batches of similar length (little padding), in a shuffled order: items are shuffled,
 * sorted by length (the sort is stable, so equal lengths keep the shuffled order), cut into
 * batches, and the batches shuffled again.
 */
import type { Prng } from '../util/prng';

export function lengthBucketedBatches<T>(items: readonly T[], size: number, rng: Prng, lengthOf: (item: T) => number): T[][] {
  const sorted = rng.shuffle([...items]).sort((a, b) => lengthOf(a) - lengthOf(b));
  const batches: T[][] = [];
  for (let i = 0; i < sorted.length; i += size) batches.push(sorted.slice(i, i + size));
  return rng.shuffle(batches);
}
