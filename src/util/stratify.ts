/**
 * Stratified hold-out: items are grouped by key (groups in order of first appearance),
 * each group is shuffled with `rng`, and its first `heldCount(size, key)` items are held
 * out. The NLU and sentiment trainers' validation splits and the hold-out benchmarks all
 * draw their splits this way; only the key and the count rule differ.
 */
import { groupBy } from './group-by';
import type { Prng } from './prng';

export function stratifiedHoldOut<T, K>(
  items: readonly T[],
  keyOf: (item: T) => K,
  heldCount: (size: number, key: K) => number,
  rng: Prng,
): { kept: T[]; held: T[] } {
  const kept: T[] = [];
  const held: T[] = [];
  for (const [key, group] of groupBy(items, keyOf)) {
    rng.shuffle(group);
    const count = heldCount(group.length, key);
    held.push(...group.slice(0, count));
    kept.push(...group.slice(count));
  }
  return { kept, held };
}
